//! `--format sarif`: SARIF 2.1.0, for code-scanning interfaces.
//!
//! About sixty lines of serde structs for the part of SARIF we write; the schema test
//! in `tests/cli.rs` checks the output against the official 2.1.0 schema. Rule ids are
//! the rule names, which never change.

use serde::Serialize;

use super::Location;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::rules::Rule;
use crate::source_map::SourceMap;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// ron and our renderers count columns in characters; SARIF's default is UTF-16.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleMetadata<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleMetadata<'a> {
    id: &'a str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [SarifLocation; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(files: &SourceMap, label: &Label, id: Option<usize>) -> SarifLocation {
    let at = Location::of(files, label.span);
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: at.file },
            region: Region {
                start_line: at.line,
                start_column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
            },
        },
        message: label.text.clone().map(|text| Text { text }),
    }
}

/// The findings as a SARIF 2.1.0 log, with every rule's metadata.
pub fn sarif(diagnostics: &[Diagnostic], files: &SourceMap, rules: &[&Rule]) -> String {
    let driver = Driver {
        name: "factledger",
        version: env!("CARGO_PKG_VERSION"),
        rules: rules
            .iter()
            .map(|rule| RuleMetadata {
                id: rule.name,
                short_description: Text {
                    text: rule.summary(),
                },
                full_description: Text {
                    text: rule.explanation().trim().to_owned(),
                },
                help: Help {
                    text: rule.explanation().trim().to_owned(),
                    markdown: rule.explanation().trim().to_owned(),
                },
                default_configuration: Configuration {
                    level: level(rule.severity),
                },
            })
            .collect(),
    };
    let results = diagnostics
        .iter()
        .map(|d| {
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            SarifResult {
                rule_id: d.rule,
                rule_index: rules
                    .iter()
                    .position(|r| r.name == d.rule)
                    .unwrap_or_default(),
                level: level(d.severity),
                message: Text { text: message },
                locations: [location(files, &d.primary, None)],
                related_locations: d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| location(files, l, Some(i)))
                    .collect(),
                suppressions: d
                    .allowed
                    .iter()
                    .map(|reason| Suppression {
                        kind: "inSource",
                        justification: reason.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_string_pretty(&log).expect("SARIF serializes") + "\n"
}
