//! `excerpt-ambiguous`: a cited passage occurs more than once in the archive.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Record;
use crate::rules::Context;
use crate::text::occurrences;

declare_rule! {
    /// ## What it does
    /// When a cited source has an `archive`, flags an excerpt that occurs in it more
    /// than once.
    ///
    /// ## Why it matters
    /// An excerpt anchors a claim to one sentence of the document. A short excerpt
    /// such as "40 rebel groups" that appears twice may anchor the wrong sentence, and
    /// a reader checking the footnote cannot tell which one was meant.
    ///
    /// ## Example
    /// ```ron
    /// Cite(source: "rferl-2017-12-27-sochi", excerpt: "40 rebel groups")
    /// ```
    ///
    /// ## How to fix
    /// Lengthen the excerpt until it is unique.
    /// ```ron
    /// Cite(source: "rferl-2017-12-27-sochi", excerpt: "In a series of statements on December 26, 40 rebel groups")
    /// ```
    pub static EXCERPT_AMBIGUOUS = Rule {
        name: "excerpt-ambiguous",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for cited in cx.archived_citations() {
        let count = occurrences(cited.archive, &cited.excerpt);
        if count < 2 {
            continue;
        }
        out.push(
            Diagnostic::new(
                &EXCERPT_AMBIGUOUS,
                cx.locate(Record::Claim(cited.claim), &cited.path()),
                format!(
                    "excerpt cited by `{}` occurs {count} times in the archive of `{}`",
                    cited.claim.id, cited.source.id
                ),
            )
            .label(format!("found {count} times"))
            .help("lengthen the excerpt with the words around it until it occurs once"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::EXCERPT_AMBIGUOUS);
}
