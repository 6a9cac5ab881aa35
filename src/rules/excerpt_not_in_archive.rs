//! `excerpt-not-in-archive`: a cited passage is not in the source's archived text.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// When a cited source has an `archive` (a text copy of the document, next to the
    /// ledger), flags an excerpt that does not occur in it. Whitespace, typographic
    /// quotes and dashes are made uniform before comparing.
    ///
    /// ## Why it matters
    /// The excerpt is the evidence for a claim. If it is not in the document, it was
    /// mistyped, paraphrased, or taken from another document.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", archive: "sources/rferl-2017-12-27-sochi.txt", ...)
    /// Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people were killed in Syria")
    /// ```
    ///
    /// ## How to fix
    /// Copy the passage from the archive as it stands.
    /// ```ron
    /// Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people have been killed in Syria")
    /// ```
    pub static EXCERPT_NOT_IN_ARCHIVE = Rule {
        name: "excerpt-not-in-archive",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for cited in cx.archived_citations() {
        if cited.archive.contains(&cited.excerpt) {
            continue;
        }
        let record = Record::Claim(cited.claim);
        out.push(
            Diagnostic::new(
                &EXCERPT_NOT_IN_ARCHIVE,
                cx.locate(record, &cited.path()),
                format!(
                    "excerpt cited by `{}` is not in the archive of `{}`",
                    cited.claim.id, cited.source.id
                ),
            )
            .label("not found in the archived text")
            .secondary(
                cx.locate(Record::Source(cited.source), &Path::field("archive")),
                "archive read from here",
            )
            .help("copy the passage from the archive exactly; only whitespace, quotes and dashes may differ"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::EXCERPT_NOT_IN_ARCHIVE);
}
