//! `sources-disagree`: different claimants give figures that cannot both be true.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports two figures from different claimants for the same subject, measure and
    /// whole whose dates overlap and whose values are disjoint; and, for a cumulative
    /// count, a figure certainly below another claimant's earlier one. It is
    /// information, not an error: fact sheets set such figures side by side.
    ///
    /// ## Why it matters
    /// Sources legitimately disagree (a monitoring group's count and a UN estimate).
    /// An editor should know where they do, so that a sheet never presents one
    /// figure as settled while another source says otherwise.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-monitor", claimant: "monitor", value: MoreThan(330000), as_of: "2017-12", ...),
    /// Figure(id: "killed-un", claimant: "un", value: About(250000), as_of: "2017-12", ...),
    /// ```
    ///
    /// ## How to fix
    /// Nothing needs fixing: keep both, attributed. To silence it for one record,
    /// waive it with the reason.
    /// ```ron
    /// allow: [Allow(rule: "sources-disagree", reason: "the UN stopped counting in 2014")]
    /// ```
    pub static SOURCES_DISAGREE = Rule {
        name: "sources-disagree",
        severity: Severity::Info,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let consistency = cx.consistency();
    let mut out = cx.figure_pairs(
        &SOURCES_DISAGREE,
        &consistency.disagreements,
        |earlier, later| {
            Some(format!(
                "{} and {} disagree: figures `{}` and `{}` cannot both be true",
                earlier.voice_name(),
                later.voice_name(),
                earlier.claim.id,
                later.claim.id
            ))
        },
        "keep both, attributed; fact sheets show them side by side",
    );
    out.extend(cx.figure_pairs(
        &SOURCES_DISAGREE,
        &consistency.crossed_decreases,
        |earlier, later| {
            Some(format!(
                "{}'s count `{}` is below {}'s earlier count `{}`",
                later.voice_name(),
                later.claim.id,
                earlier.voice_name(),
                earlier.claim.id
            ))
        },
        "the two claimants count differently; keep both, attributed",
    ));
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::SOURCES_DISAGREE);
}
