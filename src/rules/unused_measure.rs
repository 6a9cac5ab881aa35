//! `unused-measure`: a declared measure that no figure uses.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Record, Target};
use crate::rules::{Context, unused_records};

declare_rule! {
    /// ## What it does
    /// Flags a declared measure that no figure uses. Stays quiet while some record cannot be parsed, since the
    /// unreadable record may be the one that uses it.
    ///
    /// ## Why it matters
    /// A ledger is read by people: records that nothing uses are clutter, and often
    /// a sign that a reference elsewhere is misspelt.
    ///
    /// ## Example
    /// ```ron
    /// Measure(id: "people-displaced", unit: "people", whole: true),
    /// ```
    ///
    /// ## How to fix
    /// Refer to it where it belongs, or delete it:
    /// ```ron
    /// // removed: nothing in the ledger needed it
    /// ```
    pub static UNUSED_MEASURE = Rule {
        name: "unused-measure",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let records = cx.ledger.measures.iter().map(Record::Measure);
    unused_records(
        cx,
        &UNUSED_MEASURE,
        records,
        &[Target::Measure],
        "remove the measure, or record a figure of it",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNUSED_MEASURE);
}
