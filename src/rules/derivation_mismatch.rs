//! `derivation-mismatch`: a derived figure disagrees with its own derivation.

use crate::consistency::value_of;
use crate::diagnostic::{Diagnostic, Severity};
use crate::interval::Interval;
use crate::model::{Derivation, Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Computes a figure's `derived` expression as an interval and flags the figure
    /// when its stated value is disjoint from it: `YearsBetween(date, date)` (whole
    /// years), `Sum([ids])`, `Difference(a, b)`, `Share(part, whole)` (in percent) and
    /// `Ratio(a, b)`, over the values of the claims named.
    ///
    /// ## Why it matters
    /// "The six-year civil war" is a figure too: March 2011 to December 2017 is six
    /// full years, and a sheet saying "five-year" would be wrong. Derivations keep
    /// sums, shares and durations honest when their inputs change.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "war-length", measure: "duration", value: Exactly(5), as_of: "2017-12-27",
    ///     derived: YearsBetween("2011-03", "2017-12-27"), ...)
    /// ```
    ///
    /// ## How to fix
    /// Correct the value, or the derivation's inputs.
    /// ```ron
    /// Figure(id: "war-length", measure: "duration", value: Exactly(6), as_of: "2017-12-27",
    ///     derived: YearsBetween("2011-03", "2017-12-27"), ...)
    /// ```
    pub static DERIVATION_MISMATCH = Rule {
        name: "derivation-mismatch",
        severity: Severity::Error,
        check,
    };
}

/// The interval a derivation computes, when all its inputs are known figures.
pub fn computed(cx: &Context, derivation: &Derivation) -> Option<Interval> {
    let tolerance = cx.ledger.policy.about_tolerance.0;
    let value = |id: &str| {
        let claim = cx.claim(id)?;
        let figure = claim.as_figure()?;
        Some(value_of(figure, cx.measure(&figure.measure)?, tolerance))
    };
    Some(match derivation {
        Derivation::YearsBetween(a, b) => Interval::years_between(a.date()?, b.date()?),
        Derivation::Sum(ids) => {
            let mut total = Interval::exactly(rust_decimal::Decimal::ZERO);
            for id in ids {
                total = total.add(&value(id)?);
            }
            total
        }
        Derivation::Difference(a, b) => value(a)?.sub(&value(b)?),
        Derivation::Share(part, whole) => Interval::share(&value(part)?, &value(whole)?),
        Derivation::Ratio(a, b) => value(a)?.ratio(&value(b)?),
    })
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let tolerance = cx.ledger.policy.about_tolerance.0;
    for claim in &cx.ledger.claims {
        let Some(figure) = claim.as_figure() else {
            continue;
        };
        let (Some(derivation), Some(measure)) = (&figure.derived, cx.measure(&figure.measure))
        else {
            continue;
        };
        let Some(expected) = computed(cx, derivation) else {
            continue;
        };
        let stated = value_of(figure, measure, tolerance);
        if !stated.is_disjoint(&expected) {
            continue;
        }
        let record = Record::Claim(claim);
        out.push(
            Diagnostic::new(
                &DERIVATION_MISMATCH,
                cx.locate(record, &Path::field("value")),
                format!(
                    "figure `{}` states {stated} but its derivation gives {expected}",
                    claim.id
                ),
            )
            .label(format!("outside {expected}"))
            .secondary(
                cx.locate(record, &Path::field("derived")),
                "derived from this",
            )
            .help("correct the value, or the inputs of the derivation"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::DERIVATION_MISMATCH);
}
