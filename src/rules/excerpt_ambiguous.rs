//! `excerpt-ambiguous`: a cited passage occurs more than once in the archive.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;
use crate::syntax::Step;
use crate::text::{normalize, occurrences};

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
    for claim in &cx.ledger.claims {
        for (i, cite) in claim.cite.iter().enumerate() {
            let Some(excerpt) = cite
                .excerpt
                .as_deref()
                .map(normalize)
                .filter(|e| !e.is_empty())
            else {
                continue;
            };
            let Some(source) = cx.source(&cite.source) else {
                continue;
            };
            let Some(Ok(archive)) = cx.archive(source) else {
                continue;
            };
            let count = occurrences(archive, &excerpt);
            if count < 2 {
                continue;
            }
            let record = Record::Claim(claim);
            out.push(
                Diagnostic::new(
                    &EXCERPT_AMBIGUOUS,
                    cx.locate(
                        record,
                        &Path::field("cite")
                            .then(Step::Index(i))
                            .then(Step::Field("excerpt")),
                    ),
                    format!(
                        "excerpt cited by `{}` occurs {count} times in the archive of `{}`",
                        claim.id, source.id
                    ),
                )
                .label(format!("found {count} times"))
                .help("lengthen the excerpt with the words around it until it occurs once"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::EXCERPT_AMBIGUOUS);
}
