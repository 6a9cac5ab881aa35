//! `parse-error`: the ledger, or one record of it, cannot be read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports text that is not a valid ledger: RON syntax errors, misspelt fields or
    /// kinds, missing required fields, wrong value types, invalid UTF-8, and files cut
    /// short. Each broken record is reported at its own line; the other records are
    /// still read and checked.
    ///
    /// ## Why it matters
    /// A record that cannot be read is a record the checks cannot see. The exit
    /// status is 2 while any part of the ledger cannot be read.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "syria-killed", valeu: MoreThan(330000), ...)
    /// ```
    ///
    /// ## How to fix
    /// Follow the message and its "did you mean": here the field is `value`.
    /// ```ron
    /// Figure(id: "syria-killed", value: MoreThan(330000), ...)
    /// ```
    pub static PARSE_ERROR = Rule {
        name: "parse-error",
        severity: Severity::Error,
        check,
    };
}

/// Parse errors are found by the loader, before any rule runs.
fn check(_: &Context) -> Vec<Diagnostic> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::PARSE_ERROR);
}
