//! `no-excerpt`: a citation without the passage that supports the claim.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;
use crate::syntax::Step;

declare_rule! {
    /// ## What it does
    /// Flags a citation that has no `excerpt`, or an empty one.
    ///
    /// ## Why it matters
    /// The excerpt is what makes a citation checkable: it is the exact passage a
    /// reader can find in the source, and what `figure-not-in-excerpt` and
    /// `quote-not-in-source` check the claim against.
    ///
    /// ## Example
    /// ```ron
    /// cite: [Cite(source: "rferl-2017-12-27-sochi")]
    /// ```
    ///
    /// ## How to fix
    /// Copy the supporting sentence, or the part of it that holds the figure.
    /// ```ron
    /// cite: [Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people have been killed in Syria")]
    /// ```
    pub static NO_EXCERPT = Rule {
        name: "no-excerpt",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for claim in &cx.ledger.claims {
        for (i, cite) in claim.cite.iter().enumerate() {
            if cite
                .excerpt
                .as_deref()
                .is_some_and(|e| !e.trim().is_empty())
            {
                continue;
            }
            let span = cx.locate(
                Record::Claim(claim),
                &Path::field("cite").then(Step::Index(i)),
            );
            out.push(
                Diagnostic::new(&NO_EXCERPT, span, format!("citation of `{}` in claim `{}` has no excerpt", cite.source, claim.id))
                    .label("no supporting passage")
                    .help("add `excerpt: \"...\"` with the exact words of the source that support the claim"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::NO_EXCERPT);
}
