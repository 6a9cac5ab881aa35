//! `bad-date`: a date that is not a real calendar date in ISO form.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or that does not
    /// exist (`2017-02-30`, month `13`).
    ///
    /// ## Why it matters
    /// Dates decide which figures can be compared, what is stale, and whether a
    /// source could know a figure at all. A wrong date silently breaks those checks.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-02-30", ...)
    /// ```
    ///
    /// ## How to fix
    /// Write the date the source gives, as precisely as it gives it: a month alone
    /// is `2011-03`, a year alone `2011`.
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-12-27", ...)
    /// ```
    pub static BAD_DATE = Rule {
        name: "bad-date",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    cx.ledger.visit_dates(|record, path, date| {
        if let Some(error) = date.error() {
            out.push(
                Diagnostic::new(&BAD_DATE, cx.locate(record, &path), error.to_string())
                    .label("not a valid date")
                    .help("write YYYY-MM-DD, or YYYY-MM or YYYY when the source is less precise"),
            );
        }
    });
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::BAD_DATE);
}
