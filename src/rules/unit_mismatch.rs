//! `unit-mismatch`: a figure states a unit other than its measure's.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a figure whose `unit` differs from the unit its measure declares.
    ///
    /// ## Why it matters
    /// A measure fixes the unit once so that figures can be compared. A figure in
    /// another unit (thousands instead of people, a share instead of a count) would
    /// be compared as if it were the same and give false contradictions, or hide
    /// real ones.
    ///
    /// ## Example
    /// ```ron
    /// Measure(id: "people-killed", unit: "people", whole: true),
    /// Figure(id: "syria-killed", measure: "people-killed", unit: "thousand people", value: MoreThan(330), ...)
    /// ```
    ///
    /// ## How to fix
    /// Convert the value to the measure's unit, or leave `unit` out: the measure
    /// already says it.
    /// ```ron
    /// Figure(id: "syria-killed", measure: "people-killed", value: MoreThan(330000), ...)
    /// ```
    pub static UNIT_MISMATCH = Rule {
        name: "unit-mismatch",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for claim in &cx.ledger.claims {
        let Some(figure) = claim.as_figure() else {
            continue;
        };
        let (Some(unit), Some(measure)) = (&figure.unit, cx.measure(&figure.measure)) else {
            continue;
        };
        if *unit != measure.unit {
            out.push(
                Diagnostic::new(
                    &UNIT_MISMATCH,
                    cx.locate(Record::Claim(claim), &Path::field("unit")),
                    format!(
                        "figure `{}` is in `{unit}` but measure `{}` counts `{}`",
                        claim.id, measure.id, measure.unit
                    ),
                )
                .label(format!("expected `{}`", measure.unit))
                .secondary(
                    cx.locate(Record::Measure(measure), &Path::field("unit")),
                    "unit declared here",
                )
                .help(format!(
                    "convert the value to `{}`, or remove `unit`: the measure gives it",
                    measure.unit
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNIT_MISMATCH);
}
