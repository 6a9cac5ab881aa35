//! `no-citation`: a claim that cites nothing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a claim with an empty or missing `cite` list.
    ///
    /// ## Why it matters
    /// Every figure and quote in a fact sheet is footnoted to its source. A claim
    /// without a citation cannot be published, checked or corrected.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed", text: "More than 330,000 people have been killed.", cite: [], ...)
    /// ```
    ///
    /// ## How to fix
    /// Cite the source and the passage that supports the claim.
    /// ```ron
    /// Figure(id: "syria-killed", text: "More than 330,000 people have been killed.",
    ///     cite: [Cite(source: "rferl-2017-12-27-sochi", excerpt: "More than 330,000 people have been killed in Syria")], ...)
    /// ```
    pub static NO_CITATION = Rule {
        name: "no-citation",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.ledger
        .claims
        .iter()
        .filter(|c| c.cite.is_empty())
        .map(|claim| {
            Diagnostic::new(&NO_CITATION, cx.locate(Record::Claim(claim), &Path::field("id")), format!("claim `{}` cites no source", claim.id))
                .label("no citation")
                .help("add `cite: [Cite(source: \"...\", excerpt: \"...\")]` with the passage that supports it")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::NO_CITATION);
}
