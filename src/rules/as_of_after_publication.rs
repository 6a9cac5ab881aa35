//! `as-of-after-publication`: a source attests to something dated after it was published.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ClaimKind, Path, Quote, Record, Statement};
use crate::rules::Context;
use crate::syntax::Step;
use crate::value::DateField;

declare_rule! {
    /// ## What it does
    /// Flags a figure whose `as_of`, or a quote or statement whose `said`, is certainly
    /// later than the publication date of a source it cites. Partial dates count as
    /// every day they cover, so `2017-12` against a source of `2017-12-27` passes.
    /// Events are not checked: a source may announce an event still to come.
    ///
    /// ## Why it matters
    /// A document cannot report a count made after it was published. The date is
    /// wrong, or the citation belongs to a later source.
    ///
    /// ## Example
    /// ```ron
    /// Source(id: "rferl-2017-12-27-sochi", published: "2017-12-27", ...),
    /// Figure(id: "syria-killed", as_of: "2018-03-01", cite: [Cite(source: "rferl-2017-12-27-sochi", ...)], ...)
    /// ```
    ///
    /// ## How to fix
    /// Use the date the source gives the figure for (at the latest its publication
    /// date), or cite the later source.
    /// ```ron
    /// Figure(id: "syria-killed", as_of: "2017-12-27", cite: [Cite(source: "rferl-2017-12-27-sochi", ...)], ...)
    /// ```
    pub static AS_OF_AFTER_PUBLICATION = Rule {
        name: "as-of-after-publication",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for claim in &cx.ledger.claims {
        let (field, date) = match &claim.kind {
            ClaimKind::Figure(f) => ("as_of", f.as_of.as_ref()),
            ClaimKind::Quote(Quote { said, .. }) | ClaimKind::Statement(Statement { said, .. }) => {
                ("said", said.as_ref())
            }
            ClaimKind::Event(_) => continue,
        };
        let Some(date) = date.and_then(DateField::date) else {
            continue;
        };
        for (i, cite) in claim.cite.iter().enumerate() {
            let Some(source) = cx.source(&cite.source) else {
                continue;
            };
            let Some(published) = source.published.as_ref().and_then(DateField::date) else {
                continue;
            };
            if !published.is_certainly_before(date) {
                continue;
            }
            let record = Record::Claim(claim);
            out.push(
                Diagnostic::new(
                    &AS_OF_AFTER_PUBLICATION,
                    cx.locate(record, &Path::field(field)),
                    format!("`{}` is dated {date}, after `{}` was published on {published}", claim.id, source.id),
                )
                .label(format!("{field} is later than the source"))
                .secondary(cx.locate(record, &Path::field("cite").then(Step::Index(i)).then(Step::Field("source"))), "cited here")
                .secondary(cx.locate(Record::Source(source), &Path::field("published")), "published here")
                .help(format!("use the date the source gives (on or before {published}), or cite a later source")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::AS_OF_AFTER_PUBLICATION);
}
