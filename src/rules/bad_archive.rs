//! `bad-archive`: a source's archive cannot be read, or lies outside the ledger's folder.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a source `archive` that is an absolute path, leads out of the ledger's
    /// folder (with `..` or through a symbolic link), does not exist, or is not UTF-8
    /// text. Such a file is never read.
    ///
    /// ## Why it matters
    /// Archives make excerpts checkable offline. A ledger from someone else must not
    /// make `verify` read files elsewhere on the machine, and a missing archive means
    /// the excerpts go unchecked.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", archive: "../../etc/passwd", ...)
    /// ```
    ///
    /// ## How to fix
    /// Keep the text copy in a folder next to the ledger and give its relative path.
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", archive: "sources/rferl-2017-12-27-sochi.txt", ...)
    /// ```
    pub static BAD_ARCHIVE = Rule {
        name: "bad-archive",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.ledger
        .sources
        .iter()
        .filter_map(|source| {
            let Err(problem) = cx.archive(source)? else { return None };
            Some(
                Diagnostic::new(&BAD_ARCHIVE, cx.locate(Record::Source(source), &Path::field("archive")), format!("archive of `{}`: {problem}", source.id))
                    .label("not read")
                    .help("give a path to a UTF-8 text file inside the ledger's folder, relative to the ledger"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::BAD_ARCHIVE);
}
