//! `unknown-source`: a citation whose `source` names no source.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a citation whose `source` names no source. When the id belongs to another kind of record, says which.
    ///
    /// ## Why it matters
    /// A citation that leads nowhere is no citation: the fact sheet could not footnote the claim.
    ///
    /// ## Example
    /// ```ron
    /// cite: [Cite(source: "rferl-2017-12-27", excerpt: "...")]
    /// ```
    ///
    /// ## How to fix
    /// Fix the id (the message suggests the closest one) or add the source to `sources`.
    /// ```ron
    /// cite: [Cite(source: "rferl-2017-12-27-sochi", excerpt: "...")]
    /// ```
    pub static UNKNOWN_SOURCE = Rule {
        name: "unknown-source",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    unknown_references(cx, &UNKNOWN_SOURCE, Target::Source)
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNKNOWN_SOURCE);
}
