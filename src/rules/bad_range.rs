//! `bad-range`: a value its measure cannot have.

use crate::diagnostic::{Diagnostic, Severity};
use crate::interval::Interval;
use crate::model::{Path, Record};
use crate::rules::Context;
use crate::value::Qualifier;

declare_rule! {
    /// ## What it does
    /// Flags a figure whose value its measure cannot have: a negative count (unless
    /// the measure is `signed`), a percentage outside 0-100, `Between(a, b)` with `a`
    /// greater than `b`, or a fraction of a whole count (`Exactly(12.5)` people).
    ///
    /// ## Why it matters
    /// These values are typing mistakes that no source printed, and every check that
    /// compares or adds up figures would be thrown off by them.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "pyd-territory", measure: "territory-share", value: About(250), ...)
    /// ```
    ///
    /// ## How to fix
    /// Correct the value as the source gives it.
    /// ```ron
    /// Figure(id: "pyd-territory", measure: "territory-share", value: About(25), ...)
    /// ```
    pub static BAD_RANGE = Rule {
        name: "bad-range",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    for claim in &cx.ledger.claims {
        let Some(figure) = claim.as_figure() else {
            continue;
        };
        let Some(measure) = cx.measure(&figure.measure) else {
            continue;
        };
        let numbers: Vec<_> = figure.value.numbers().collect();
        let problem = if let Qualifier::Between(a, b) = figure.value
            && Interval::closed(a.0, b.0).is_empty()
        {
            Some((
                format!("`Between({a}, {b})` is empty: {a} is greater than {b}"),
                format!("write `Between({b}, {a})`"),
            ))
        } else if !measure.signed && numbers.iter().any(|n| n.is_sign_negative() && !n.is_zero()) {
            Some((
                format!(
                    "`{}` counts `{}` and cannot be negative",
                    measure.id, measure.unit
                ),
                "correct the value, or declare the measure `signed: true` if it can go below zero"
                    .to_owned(),
            ))
        } else if measure.is_share() && numbers.iter().any(|n| *n > hundred) {
            Some((
                format!(
                    "a share of {} percent is more than the whole",
                    figure.value.numbers().max().unwrap_or_default().normalize()
                ),
                "write the share as a percentage from 0 to 100".to_owned(),
            ))
        } else if measure.whole && numbers.iter().any(|n| !n.fract().is_zero()) {
            Some((
                format!(
                    "`{}` counts whole `{}`, not fractions",
                    measure.id, measure.unit
                ),
                "write a whole number, or round as the source does".to_owned(),
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            out.push(
                Diagnostic::new(
                    &BAD_RANGE,
                    cx.locate(Record::Claim(claim), &Path::field("value")),
                    message,
                )
                .label(format!("`{}` cannot hold this value", measure.id))
                .help(help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::BAD_RANGE);
}
