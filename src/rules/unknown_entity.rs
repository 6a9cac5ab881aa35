//! `unknown-entity`: a `subject`, `claimant`, `speaker`, `of`, `publisher` or `via` that names no entity.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules::{Context, unknown_references};

declare_rule! {
    /// ## What it does
    /// Flags a `subject`, `claimant`, `speaker`, `of`, `publisher` or `via` that names no entity. When the id belongs to another kind of record, says which.
    ///
    /// ## Why it matters
    /// Subjects, claimants and speakers are how a fact sheet says who claims what about whom. A misspelt id attributes a figure to nobody.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed", subject: "sirya", ...)
    /// ```
    ///
    /// ## How to fix
    /// Fix the id (the message suggests the closest one) or declare the entity.
    /// ```ron
    /// Figure(id: "syria-killed", subject: "syria", ...)
    /// ```
    pub static UNKNOWN_ENTITY = Rule {
        name: "unknown-entity",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = unknown_references(cx, &UNKNOWN_ENTITY, Target::Entity);
    out.extend(unknown_references(
        cx,
        &UNKNOWN_ENTITY,
        Target::EntityOrSource,
    ));
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::UNKNOWN_ENTITY);
}
