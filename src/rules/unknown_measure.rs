//! `unknown-measure`: a figure whose `measure` is not declared in `measures`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a figure whose `measure` is not declared in `measures`. When the id belongs to another kind of record, says which.
    ///
    /// ## Why it matters
    /// Measures say what a figure counts, in which unit, and whether the count can only grow. An undeclared measure leaves the figure unchecked and uncomparable.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed", measure: "people-kiled", ...)
    /// ```
    ///
    /// ## How to fix
    /// Fix the id (the message suggests the closest one) or declare the measure: `Measure(id: "people-killed", unit: "people", whole: true, cumulative: true)`.
    /// ```ron
    /// Figure(id: "syria-killed", measure: "people-killed", ...)
    /// ```
    pub static UNKNOWN_MEASURE = Rule {
        name: "unknown-measure",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    unknown_references(cx, &UNKNOWN_MEASURE, Target::Measure)
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNKNOWN_MEASURE);
}
