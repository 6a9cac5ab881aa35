//! Renderers over a list of findings. Nothing in `rules` knows about output formats.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Ledger;
use crate::source_map::{SourceMap, Span};

/// Where a span is, as the machine-readable formats say it: 1-based lines and columns,
/// columns counted in characters, the end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(files: &SourceMap, span: Span) -> Location {
        let file = files.file(span.file);
        let start = file.line_col(span.start as usize);
        let end = file.line_col(span.end as usize);
        Location {
            // Forward slashes on every platform: these paths become URIs and annotations.
            file: file.name.to_string_lossy().replace('\\', "/"),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// How many findings of each severity a run produced, waived ones apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    /// Findings waived by a record's `allow`.
    pub allowed: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            match (d.allowed.is_some(), d.severity) {
                (true, _) => counts.allowed += 1,
                (false, Severity::Error) => counts.errors += 1,
                (false, Severity::Warning) => counts.warnings += 1,
                (false, Severity::Info) => counts.info += 1,
            }
        }
        counts
    }
}

/// How many records of each list were read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecordCounts {
    pub entities: usize,
    pub sources: usize,
    pub measures: usize,
    pub claims: usize,
}

impl RecordCounts {
    pub fn of(ledger: &Ledger) -> RecordCounts {
        RecordCounts {
            entities: ledger.entities.len(),
            sources: ledger.sources.len(),
            measures: ledger.measures.len(),
            claims: ledger.claims.len(),
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "14 entities, 1 source, 7 measures, 30 claims read; 0 errors, 1 warning, 0 info".
pub fn summary(records: RecordCounts, counts: Counts) -> String {
    let mut line = format!(
        "{}, {}, {}, {} read; {}, {}, {} info",
        plural(records.entities, "entity", "entities"),
        plural(records.sources, "source", "sources"),
        plural(records.measures, "measure", "measures"),
        plural(records.claims, "claim", "claims"),
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
        counts.info,
    );
    if counts.allowed > 0 {
        let _ = write!(line, " ({} allowed)", counts.allowed);
    }
    line
}
