//! `unused-entity`: an entity that no record names (as subject, claimant, speaker, `of`, publisher or `via`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Record, Target};
use crate::rules::{Context, unused_records};

declare_rule! {
    /// ## What it does
    /// Flags an entity that no record names (as subject, claimant, speaker, `of`, publisher or `via`). Stays quiet while some record cannot be parsed, since the
    /// unreadable record may be the one that uses it.
    ///
    /// ## Why it matters
    /// A ledger is read by people: records that nothing uses are clutter, and often
    /// a sign that a reference elsewhere is misspelt.
    ///
    /// ## Example
    /// ```ron
    /// Entity(id: "ankara", name: "Ankara", kind: Place),
    /// ```
    ///
    /// ## How to fix
    /// Refer to it where it belongs, or delete it:
    /// ```ron
    /// // removed: nothing in the ledger needed it
    /// ```
    pub static UNUSED_ENTITY = Rule {
        name: "unused-entity",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let records = cx.ledger.entities.iter().map(Record::Entity);
    unused_records(
        cx,
        &UNUSED_ENTITY,
        records,
        &[Target::Entity, Target::EntityOrSource],
        "remove the entity, or use it in a claim",
    )
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNUSED_ENTITY);
}
