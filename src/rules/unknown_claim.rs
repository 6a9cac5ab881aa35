//! `unknown-claim`: a `superseded_by` or a `derived` expression that names no claim.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a `superseded_by` or a `derived` expression that names no claim. When the id belongs to another kind of record, says which.
    ///
    /// ## Why it matters
    /// Supersession and derivations link claims; a link to nothing hides the newer figure or breaks the computation.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed-2016", superseded_by: "syria-killed-2071", ...)
    /// ```
    ///
    /// ## How to fix
    /// Fix the id (the message suggests the closest one) or add the claim it means.
    /// ```ron
    /// Figure(id: "syria-killed-2016", superseded_by: "syria-killed-2017", ...)
    /// ```
    pub static UNKNOWN_CLAIM = Rule {
        name: "unknown-claim",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    unknown_references(cx, &UNKNOWN_CLAIM, Target::Claim)
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNKNOWN_CLAIM);
}
