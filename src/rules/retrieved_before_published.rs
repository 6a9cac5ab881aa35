//! `retrieved-before-published`: a source retrieved before it existed.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a source whose `retrieved` date is certainly earlier than its
    /// `published` date.
    ///
    /// ## Why it matters
    /// Nobody can read a document before it is published: one of the two dates is
    /// wrong, and fact sheets print both in the footnote.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-12-27", retrieved: "2017-11-28", ...)
    /// ```
    ///
    /// ## How to fix
    /// Correct the date that is wrong; usually it is a digit of the retrieval date.
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-12-27", retrieved: "2017-12-28", ...)
    /// ```
    pub static RETRIEVED_BEFORE_PUBLISHED = Rule {
        name: "retrieved-before-published",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for source in &cx.ledger.sources {
        let date = |d: &Option<crate::value::DateField>| {
            d.as_ref().and_then(crate::value::DateField::date)
        };
        let (Some(published), Some(retrieved)) = (date(&source.published), date(&source.retrieved))
        else {
            continue;
        };
        if retrieved.is_certainly_before(published) {
            let record = Record::Source(source);
            out.push(
                Diagnostic::new(
                    &RETRIEVED_BEFORE_PUBLISHED,
                    cx.locate(record, &Path::field("retrieved")),
                    format!("source `{}` was retrieved on {retrieved}, before it was published on {published}", source.id),
                )
                .label("earlier than the publication date")
                .secondary(cx.locate(record, &Path::field("published")), "published here")
                .help("correct whichever of the two dates is wrong"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::RETRIEVED_BEFORE_PUBLISHED);
}
