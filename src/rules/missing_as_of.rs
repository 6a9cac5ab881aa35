//! `missing-as-of`: a figure without its date, or a share without its whole.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Measure, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a figure that has no `as_of` date, and a share (a measure in `percent`)
    /// that does not say what it is a share `of`.
    ///
    /// ## Why it matters
    /// "More than 330,000 killed" is true on one date and false on an earlier one;
    /// "25 percent" means nothing without its whole. Without them, the figure cannot
    /// be compared, checked for staleness or printed honestly.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "pyd-territory", subject: "pyd", measure: "territory-share", value: About(25), ...)
    /// ```
    ///
    /// ## How to fix
    /// Add the date the source gives for the figure (usually its publication date)
    /// and, for a share, the whole.
    /// ```ron
    /// Figure(id: "pyd-territory", subject: "pyd", measure: "territory-share", value: About(25),
    ///     of: "syria", as_of: "2017-12-27", ...)
    /// ```
    pub static MISSING_AS_OF = Rule {
        name: "missing-as-of",
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
        let record = Record::Claim(claim);
        if figure.as_of.is_none() {
            out.push(
                Diagnostic::new(
                    &MISSING_AS_OF,
                    cx.locate(record, &crate::model::Path::field("id")),
                    format!("figure `{}` has no `as_of` date", claim.id),
                )
                .label("undated figure")
                .help("add `as_of: \"YYYY-MM-DD\"`, the date the source gives the figure for"),
            );
        }
        if figure.of.is_none() && cx.measure(&figure.measure).is_some_and(Measure::is_share) {
            out.push(
                Diagnostic::new(
                    &MISSING_AS_OF,
                    cx.locate(record, &crate::model::Path::field("measure")),
                    format!("share `{}` does not say what it is a share of", claim.id),
                )
                .label("a percentage of what?")
                .help("add `of: \"...\"`, the entity the share is part of"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::MISSING_AS_OF);
}
