//! `cumulative-decrease`: a running count goes down.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// For measures declared `cumulative` (deaths, people displaced since a start
    /// date), flags a figure that is certainly lower than an earlier figure from the
    /// same claimant: its upper bound is below the earlier one's lower bound.
    ///
    /// ## Why it matters
    /// A count of the dead since March 2011 cannot fall. When it seems to, a figure
    /// was copied wrong, or the counter changed what it counts (a monitor's
    /// "civilian" count once fell from 100,973 to 78,586 that way), which a reader
    /// must be told.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-2017-12", claimant: "monitor", value: MoreThan(330000), as_of: "2017-12-27", ...),
    /// Figure(id: "killed-2018-03", claimant: "monitor", value: About(300000), as_of: "2018-03-15", ...),
    /// ```
    ///
    /// ## How to fix
    /// Correct the figure, or when the counter really redefined its count, say so on
    /// the later record; fact sheets show the reason.
    /// ```ron
    /// Figure(id: "killed-2018-03", ...,
    ///     allow: [Allow(rule: "cumulative-decrease", reason: "the monitor now counts civilians only")]),
    /// ```
    pub static CUMULATIVE_DECREASE = Rule {
        name: "cumulative-decrease",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.figure_pairs(
        &CUMULATIVE_DECREASE,
        &cx.consistency().decreases,
        |earlier, later| {
            let who = later.voice.map_or_else(|| "the ledger's".to_owned(), |v| format!("`{v}`'s"));
            Some(format!(
                "{who} running count of `{}` falls from `{}` to `{}`",
                later.key.measure, earlier.claim.id, later.claim.id
            ))
        },
        "correct the figure, or if the count was redefined, waive this on the later record with the reason",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::CUMULATIVE_DECREASE);
}
