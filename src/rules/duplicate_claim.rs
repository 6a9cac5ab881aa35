//! `duplicate-claim`: the same figure from the same source recorded twice.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Path, Record};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a figure with the same subject, measure, whole, claimant, value, date and
    /// cited sources as an earlier one.
    ///
    /// ## Why it matters
    /// Two records of one fact are counted twice when figures are compared or summed,
    /// and drift apart when one is corrected and the other is not.
    ///
    /// ## Example
    /// ```ron
    /// Figure(id: "killed-a", subject: "syria", measure: "people-killed", value: MoreThan(330000), as_of: "2017-12-27", cite: [Cite(source: "rferl-sochi", ...)]),
    /// Figure(id: "killed-b", subject: "syria", measure: "people-killed", value: MoreThan(330000), as_of: "2017-12-27", cite: [Cite(source: "rferl-sochi", ...)]),
    /// ```
    ///
    /// ## How to fix
    /// Keep one record; move any extra citation into its `cite` list.
    /// ```ron
    /// Figure(id: "killed-a", ..., cite: [Cite(source: "rferl-sochi", ...), Cite(source: "ap-wire", ...)]),
    /// ```
    pub static DUPLICATE_CLAIM = Rule {
        name: "duplicate-claim",
        severity: Severity::Warning,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let facts = &cx.consistency().facts;
    let mut first: HashMap<_, usize> =
        HashMap::with_capacity_and_hasher(facts.len(), rustc_hash::FxBuildHasher);
    let mut out = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        let mut sources: Vec<&str> = fact.claim.cite.iter().map(|c| c.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        let key = (fact.key, fact.voice, fact.figure.value, fact.dates, sources);
        match first.get(&key) {
            None => {
                first.insert(key, i);
            }
            Some(&j) => {
                let earlier = facts[j].claim;
                out.push(
                    Diagnostic::new(
                        &DUPLICATE_CLAIM,
                        cx.locate(Record::Claim(fact.claim), &Path::field("id")),
                        format!("figure `{}` repeats `{}`", fact.claim.id, earlier.id),
                    )
                    .label("same figure, date and sources")
                    .secondary(
                        cx.locate(Record::Claim(earlier), &Path::field("id")),
                        "recorded first here",
                    )
                    .help("keep one record, with every citation in its `cite` list"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::DUPLICATE_CLAIM);
}
