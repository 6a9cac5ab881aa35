//! `duplicate-id`: two records share an id.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Path;
use crate::model::Record;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Flags a record whose `id` is already used by an earlier record, in any list:
    /// ids are unique across entities, sources, measures and claims.
    ///
    /// ## Why it matters
    /// Claims cite sources, and name subjects and measures, by id. With two records
    /// under one id, a reference silently means one of them.
    ///
    /// ## Example
    /// ```ron
    /// Entity(id: "syria", name: "Syria", kind: Place),
    /// Entity(id: "syria", name: "Syrian Arab Republic", kind: Place),
    /// ```
    ///
    /// ## How to fix
    /// Rename one record, or merge the two and keep the second name in `aliases`.
    /// ```ron
    /// Entity(id: "syria", name: "Syria", kind: Place, aliases: ["Syrian Arab Republic"]),
    /// ```
    pub static DUPLICATE_ID = Rule {
        name: "duplicate-id",
        severity: Severity::Error,
        check,
    };
}

fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut records: Vec<Record> = cx.ledger.records().collect();
    records.sort_by_key(|r| r.span());
    let mut first: HashMap<&str, Record> =
        HashMap::with_capacity_and_hasher(records.len(), rustc_hash::FxBuildHasher);
    let mut out = Vec::new();
    for record in records {
        let id = record.id();
        match first.get(id) {
            None => {
                first.insert(id, record);
            }
            Some(earlier) => {
                let here = cx.locate(record, &Path::field("id"));
                let there = cx.locate(*earlier, &Path::field("id"));
                out.push(
                    Diagnostic::new(&DUPLICATE_ID, here, format!("duplicate id `{id}`"))
                        .label(format!("second {} with this id", record.noun()))
                        .secondary(there, format!("first used by this {}", earlier.noun()))
                        .help("rename one of the records; ids are unique across all lists"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    crate::test::fixture_tests!(super::DUPLICATE_ID);
}
