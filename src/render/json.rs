//! `--format json`: one object per finding, with file, line and column, and a summary.

use serde::Serialize;

use super::{Counts, RecordCounts};
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
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    record: Option<&'a str>,
    help: Option<&'a str>,
    /// The waiver's reason, when the record allows this finding.
    allowed: Option<&'a str>,
}

/// The findings as one pretty-printed JSON document.
pub fn json(diagnostics: &[Diagnostic], files: &SourceMap, records: RecordCounts) -> String {
    let findings = diagnostics
        .iter()
        .map(|d| {
            let span = d.primary.span;
            let file = files.file(span.file);
            let start = file.line_col(span.start as usize);
            let end = file.line_col(span.end as usize);
            Finding {
                rule: d.rule,
                severity: d.severity,
                message: &d.message,
                file: file.name.to_string_lossy().into_owned(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                record: d.record.as_deref(),
                help: d.help.as_deref(),
                allowed: d.allowed.as_deref(),
            }
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
