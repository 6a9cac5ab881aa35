//! `--format github`: workflow-command annotations for GitHub Actions.
//!
//! GitHub shows at most 10 annotations of each level per step, so errors come first,
//! each level stops at 10 annotations, the rest are printed as plain lines, and the
//! output ends with a line counting what could not be shown as annotations.

use std::fmt::Write as _;

use super::{Location, plural};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source_map::SourceMap;

/// How many annotations of one level GitHub displays per step.
pub const SHOWN_PER_LEVEL: usize = 10;

/// GitHub's escaping of a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a command's property values, which also end at `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Annotations for the findings, worst first, then what did not fit and a summary.
pub fn github(diagnostics: &[Diagnostic], files: &SourceMap) -> String {
    let mut ordered: Vec<&Diagnostic> =
        diagnostics.iter().filter(|d| d.allowed.is_none()).collect();
    ordered.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let mut out = String::new();
    let mut hidden = Vec::new();
    let levels = [Severity::Error, Severity::Warning, Severity::Info];
    let totals = levels.map(|level| ordered.iter().filter(|d| d.severity == level).count());
    let mut counts = [0usize; 3];
    for d in &ordered {
        let slot = levels
            .iter()
            .position(|&l| l == d.severity)
            .expect("every level is listed");
        let at = Location::of(files, d.primary.span);
        let message = match &d.help {
            Some(help) => format!("{}\nhelp: {help}", d.message),
            None => d.message.clone(),
        };
        counts[slot] += 1;
        if counts[slot] > SHOWN_PER_LEVEL {
            hidden.push(format!(
                "{}:{}:{}: {}[{}]: {}",
                at.file,
                at.line,
                at.column,
                d.severity.name(),
                d.rule,
                d.message
            ));
            continue;
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(d.severity),
            escape_property(&at.file),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            escape_property(d.rule),
            escape_data(&message)
        );
    }
    for line in &hidden {
        out.push_str(line);
        out.push('\n');
    }
    let [errors, warnings, notices] = totals;
    let _ = write!(
        out,
        "factledger: {}, {}, {}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(notices, "notice", "notices")
    );
    if hidden.is_empty() {
        out.push('\n');
    } else {
        let _ = writeln!(
            out,
            "; {} not shown as annotations (GitHub shows {SHOWN_PER_LEVEL} of each level per step), listed above",
            hidden.len()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_github_workflow_commands() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
