//! `self-contradiction`: one claimant gives two figures that cannot both be true.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags two figures from the same claimant for the same subject, measure and
    /// whole (and, for a cumulative count, the same start) whose dates overlap and
    /// whose values are disjoint intervals. Superseded figures are left out.
    ///
    /// ## Why it matters
    /// A source that says "about 300,000" and "more than 330,000" for the same day
    /// cannot be right twice. Usually one figure was copied wrong or belongs to
    /// another date.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-a", claimant: "monitor", subject: "syria", measure: "people-killed",
    ///     value: About(300000), as_of: "2017-12-27", ...),
    /// Figure(id: "killed-b", claimant: "monitor", subject: "syria", measure: "people-killed",
    ///     value: MoreThan(330000), as_of: "2017-12-27", ...),
    /// ```
    ///
    /// ## How to fix
    /// Correct the figure that was copied wrong, fix its date, or mark the older one
    /// as replaced.
    /// ```ron
    /// Figure(id: "killed-a", claimant: "monitor", ..., superseded_by: "killed-b"),
    /// ```
    pub static SELF_CONTRADICTION = Rule {
        name: "self-contradiction",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    cx.figure_pairs(
        &SELF_CONTRADICTION,
        &cx.consistency().contradictions,
        |earlier, later| {
            let voice = later.voice?;
            Some(format!(
                "`{voice}` gives figures `{}` and `{}` that cannot both be true",
                earlier.claim.id, later.claim.id
            ))
        },
        "correct the figure copied wrong, fix its date, or set `superseded_by` on the older one",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::SELF_CONTRADICTION);
}
