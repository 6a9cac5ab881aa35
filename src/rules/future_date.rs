//! `future-date`: a date after today.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ClaimKind, Record};
use crate::rules::Context;
use crate::syntax::Step;

declare_rule! {
    /// ## What it does
    /// Flags a date that is certainly after today (`--today`, or the clock): a
    /// publication, retrieval, `as_of`, `since` or `said` date. Event dates are not
    /// checked, since a source may announce an event still to come.
    ///
    /// ## Why it matters
    /// Figures and quotes are about the past. A date in the future is a typo
    /// (`2071` for `2017`) that would also confuse staleness and consistency checks.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2071-12-27", ...)
    /// ```
    ///
    /// ## How to fix
    /// Correct the date.
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-12-27", ...)
    /// ```
    pub static FUTURE_DATE = Rule {
        name: "future-date",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let Some(today) = cx.today else {
        return Vec::new();
    };
    let mut out = Vec::new();
    cx.ledger.visit_dates(|record, path, date| {
        let event_date = matches!(record, Record::Claim(c) if matches!(c.kind, ClaimKind::Event(_)))
            && matches!(path.steps().first(), Some(Step::Field("start" | "end")));
        let Some(value) = date.date().filter(|_| !event_date) else {
            return;
        };
        if today.is_certainly_before(value) {
            out.push(
                Diagnostic::new(
                    &FUTURE_DATE,
                    cx.locate(record, &path),
                    format!("{value} is after today ({today})"),
                )
                .label("in the future")
                .help("correct the date; figures, quotes and sources are dated on or before today"),
            );
        }
    });
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::FUTURE_DATE);
}
