//! `unattributed-conflict`: two figures in the ledger's own voice disagree.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags two figures without a `claimant` (stated in the ledger's own voice) for
    /// the same subject, measure and whole whose dates overlap and whose values are
    /// disjoint intervals.
    ///
    /// ## Why it matters
    /// A figure without a claimant is published as fact. Two such facts that
    /// contradict each other mean the desk has asserted something false.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "groups-a", subject: "sochi-congress", measure: "group-count",
    ///     value: Exactly(40), as_of: "2017-12-26", ...),
    /// Figure(id: "groups-b", subject: "sochi-congress", measure: "group-count",
    ///     value: Exactly(36), as_of: "2017-12-26", ...),
    /// ```
    ///
    /// ## How to fix
    /// Attribute the figures to who says them (they may then legitimately disagree),
    /// or correct the one that is wrong.
    /// ```ron
    /// Figure(id: "groups-b", claimant: "afp", subject: "sochi-congress", ...),
    /// ```
    pub static UNATTRIBUTED_CONFLICT = Rule {
        name: "unattributed-conflict",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.figure_pairs(
        &UNATTRIBUTED_CONFLICT,
        &cx.consistency().contradictions,
        |earlier, later| {
            later.voice.is_none().then(|| {
                format!(
                    "figures `{}` and `{}`, both in the ledger's own voice, cannot both be true",
                    earlier.claim.id, later.claim.id
                )
            })
        },
        "attribute each figure to its claimant, or correct the one that is wrong",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNATTRIBUTED_CONFLICT);
}
