//! `unused-source`: a source that no claim cites and no other source reports from.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Record, Target};
use crate::rules::{Context, unused_records};

declare_rule! {
    /// ## What it does
    /// Flags a source that no claim cites and no other source reports from. Stays quiet while some record cannot be parsed, since the
    /// unreadable record may be the one that uses it.
    ///
    /// ## Why it matters
    /// A ledger is read by people: records that nothing uses are clutter, and often
    /// a sign that a reference elsewhere is misspelt.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "ap-2017-12-26", title: "...", publisher: "ap", ...),
    /// ```
    ///
    /// ## How to fix
    /// Refer to it where it belongs, or delete it:
    /// ```ron
    /// // removed: nothing in the ledger needed it
    /// ```
    pub static UNUSED_SOURCE = Rule {
        name: "unused-source",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let records = cx.ledger.sources.iter().map(Record::Source);
    unused_records(
        cx,
        &UNUSED_SOURCE,
        records,
        &[Target::Source, Target::EntityOrSource],
        "cite the source from a claim, or remove it",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNUSED_SOURCE);
}
