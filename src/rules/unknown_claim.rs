//! `unknown-claim`: a `derived` expression that names no claim.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a `derived` expression that names no claim. When the id belongs to another kind of record, says which.
    ///
    /// ## Why it matters
    /// A derivation computes a figure from other claims; a reference to nothing leaves the figure unchecked.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-total", derived: Sum(["killed-civilians", "killed-fighterz"]), ...)
    /// ```
    ///
    /// ## How to fix
    /// Fix the id (the message suggests the closest one) or add the claim it means.
    /// ```ron
    /// Figure(id: "killed-total", derived: Sum(["killed-civilians", "killed-fighters"]), ...)
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
