//! `stale`: a figure older than its measure allows.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a figure whose `as_of` date is more days before today (`--today`, or the
    /// clock) than its measure's `stale_after_days`, or the policy's default when the
    /// measure sets none. Limits are declared, never guessed; without one, nothing is
    /// stale. Superseded figures are not checked.
    ///
    /// ## Why it matters
    /// A death toll or a share of territory changes. Publishing a two-year-old figure
    /// as current misleads readers; fact sheets mark stale figures with their date.
    ///
    /// ## Example
    /// ```ron
    /// Measure(id: "territory-share", unit: "percent", stale_after_days: 180),
    /// Figure(id: "pyd-territory", measure: "territory-share", as_of: "2017-12-27", ...),
    /// ```
    ///
    /// ## How to fix
    /// Record a newer figure and mark the old one as replaced.
    /// ```ron
    /// Figure(id: "pyd-territory", ..., superseded_by: "pyd-territory-2019"),
    /// ```
    pub static STALE = Rule {
        name: "stale",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let Some(today) = cx.today else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for claim in cx
        .ledger
        .claims
        .iter()
        .filter(|c| c.superseded_by.is_none())
    {
        let Some(figure) = claim.as_figure() else {
            continue;
        };
        let Some(measure) = cx.measure(&figure.measure) else {
            continue;
        };
        let Some(limit) = measure
            .stale_after_days
            .or(cx.ledger.policy.stale_after_days)
        else {
            continue;
        };
        let Some(as_of) = figure
            .as_of
            .as_ref()
            .and_then(crate::value::DateField::date)
        else {
            continue;
        };
        let Ok(age) = as_of.last().until((jiff::Unit::Day, today.first())) else {
            continue;
        };
        let days = i64::from(age.get_days());
        if days <= i64::from(limit) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &STALE,
                cx.locate(Record::Claim(claim), &Path::field("as_of")),
                format!(
                    "figure `{}` is {days} days old; `{}` figures go stale after {limit} days",
                    claim.id, measure.id
                ),
            )
            .label(format!("as of {as_of}"))
            .help("record a newer figure and set `superseded_by` on this one"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::STALE);
}
