//! Test helpers: snapshot settings and the fixture checks every rule uses.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::load;
use crate::render::{self, RecordCounts, human::Style};
use crate::rules::Rule;
use crate::value::PartialDate;
use crate::verify::{self, Options, Report};

/// The date every fixture is checked on, so snapshots never depend on the clock.
pub const TODAY: &str = "2026-01-15";

/// Settings for every snapshot: all files go to the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_omit_expression(true);
    settings
}

/// `insta::assert_snapshot!` with [`snapshot_settings`].
macro_rules! snapshot {
    ($($args:tt)*) => {
        $crate::test::snapshot_settings().bind(|| insta::assert_snapshot!($($args)*))
    };
}
pub(crate) use snapshot;

/// The two fixture tests of a rule: its fixture is flagged where the `// expect:`
/// comments say, and its near miss passes.
macro_rules! fixture_tests {
    ($rule:path) => {
        #[test]
        fn fixture_is_flagged_where_expected() {
            $crate::test::assert_fixture_flags(&$rule);
        }

        #[test]
        fn near_miss_passes() {
            $crate::test::assert_near_miss_passes(&$rule);
        }
    };
}
pub(crate) use fixture_tests;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Verifies a fixture, naming the file by its path from the repository root.
pub fn verify_fixture(file: &str) -> Report {
    let dir = fixture_dir();
    let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("fixture {file}: {e}"));
    let name = Path::new("tests/fixtures/rules").join(file);
    let loaded = load::load_bytes(&name, bytes, dir);
    let options = Options {
        today: Some(TODAY.parse::<PartialDate>().expect("valid date")),
        deny_warnings: false,
    };
    verify::check(loaded, &options)
}

/// Rendered human output of a report, as the CLI prints it without colour.
pub fn human(report: &Report) -> String {
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.allowed.is_none())
        .cloned()
        .collect();
    render::human::human(&shown, &report.loaded.files, Style::Plain)
}

fn json(report: &Report) -> String {
    render::json::json(
        &report.diagnostics,
        &report.loaded.files,
        RecordCounts::of(&report.loaded.ledger),
    )
}

/// (line, rule) of every finding that is not waived.
fn found(report: &Report) -> BTreeSet<(usize, String)> {
    report
        .active()
        .map(|d| {
            let (_, at) = report.loaded.files.position(d.primary.span);
            (at.line, d.rule.to_owned())
        })
        .collect()
}

/// (line, rule) of every `// expect: rule, rule` comment in a fixture.
fn expected(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, rules)) = line.split_once("// expect:") {
            for rule in rules.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                out.insert((i + 1, rule.to_owned()));
            }
        }
    }
    out
}

/// The rule's fixture `<rule>.ron` gives exactly the findings its comments expect,
/// including at least one of the rule; the human and JSON output are snapshots.
pub fn assert_fixture_flags(rule: &Rule) {
    let file = format!("{}.ron", rule.name);
    let report = verify_fixture(&file);
    let text = std::fs::read_to_string(fixture_dir().join(&file)).expect("fixture read above");
    let expected = expected(&text);
    assert!(
        expected.iter().any(|(_, r)| r == rule.name),
        "{file} expects no `{}` finding",
        rule.name
    );
    let human = human(&report);
    assert_eq!(
        found(&report),
        expected,
        "findings of {file} differ from its `// expect:` comments:\n{human}"
    );
    let module = rule.name.replace('-', "_");
    let mut settings = snapshot_settings();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!(format!("factledger__rules__{module}__human"), human);
        insta::assert_snapshot!(format!("factledger__rules__{module}__json"), json(&report));
    });
}

/// The rule's near miss `<rule>.ok.ron` yields no finding of any rule.
pub fn assert_near_miss_passes(rule: &Rule) {
    let file = format!("{}.ok.ron", rule.name);
    let report = verify_fixture(&file);
    assert_eq!(
        found(&report),
        BTreeSet::new(),
        "{file} should pass:\n{}",
        human(&report)
    );
}
