//! `superseded-unknown`: `superseded_by` names no claim.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a `superseded_by` that names no claim.
    ///
    /// ## Why it matters
    /// A superseded claim is left out of fact sheets and consistency checks because a
    /// newer one replaces it. If the newer one does not exist, the figure silently
    /// disappears.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-2016", superseded_by: "killed-2071", ...)
    /// ```
    ///
    /// ## How to fix
    /// Name the claim that replaces it (the message suggests the closest id).
    /// ```ron
    /// Figure(id: "killed-2016", superseded_by: "killed-2017", ...)
    /// ```
    pub static SUPERSEDED_UNKNOWN = Rule {
        name: "superseded-unknown",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    unknown_references(cx, &SUPERSEDED_UNKNOWN, Target::Successor)
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::SUPERSEDED_UNKNOWN);
}
