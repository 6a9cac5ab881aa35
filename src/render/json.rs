//! `--format json`: one object per finding, with file, line and column, and a summary.

use serde::Serialize;

use super::{Counts, Location, RecordCounts};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source_map::SourceMap;

#[derive(Serialize)]
struct Document<'a> {
    findings: Vec<Finding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    records: RecordCounts,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Location,
    record: Option<&'a str>,
    help: Option<&'a str>,
    /// The waiver's reason, when the record allows this finding.
    allowed: Option<&'a str>,
}

/// The findings as one pretty-printed JSON document.
pub fn json(diagnostics: &[Diagnostic], files: &SourceMap, records: RecordCounts) -> String {
    let findings = diagnostics
        .iter()
        .map(|d| Finding {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            location: Location::of(files, d.primary.span),
            record: d.record.as_deref(),
            help: d.help.as_deref(),
            allowed: d.allowed.as_deref(),
        })
        .collect();
    let document = Document {
        findings,
        summary: Summary {
            records,
            counts: Counts::of(diagnostics),
        },
    };
    serde_json::to_string_pretty(&document).expect("findings serialize") + "\n"
}
