//! `factledger verify`, `explain` and `rules`.

use std::path::Path;
use std::process::Output;

use crate::{ROOT, TODAY, bundled_copy, findings, run, shown, snapshot};

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "bundled ledger no longer contains {from:?}"
    );
    text.replacen(from, to, 1)
}

/// The 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle present")]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn bundled_ledger_verifies_clean() {
    let output = run(Path::new(ROOT), &["verify", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    snapshot!(shown(&output));
}

#[test]
fn bundled_ledger_waivers_show_with_verbose() {
    let output = run(
        Path::new(ROOT),
        &["verify", "--today", TODAY, "--verbose", "--color", "never"],
    );
    assert_eq!(output.status.code(), Some(0));
    snapshot!(shown(&output));
}

/// Each deliberate break of the bundled ledger: what to replace, the rule expected, and
/// the text on the line the finding must point at.
const BREAKS: &[(&str, &str, &str, &str)] = &[
    (
        "cite: [Cite(source: \"rferl-2017-12-27-sochi\", excerpt: \"to end the six-year civil war\")]",
        "cite: [Cite(source: \"rferl-2017-12-27\", excerpt: \"to end the six-year civil war\")]",
        "unknown-source",
        "source: \"rferl-2017-12-27\", excerpt",
    ),
    (
        "id: \"kremlin-technical-talks\"",
        "id: \"kremlin-congress-name\"",
        "duplicate-id",
        "id: \"kremlin-congress-name\",\n            text: \"The Kremlin cast",
    ),
    (
        "excerpt: \"More than 330,000 people have been killed in Syria\"",
        "excerpt: \"More than 300,000 people have been killed in Syria\"",
        "figure-not-in-excerpt",
        "value: MoreThan(330000)",
    ),
    (
        "published: \"2017-12-27\"",
        "published: \"2017-02-30\"",
        "bad-date",
        "published: \"2017-02-30\"",
    ),
];

#[test]
fn breaking_the_bundled_ledger_gives_the_right_rule_at_the_right_line() {
    for (from, to, rule, at) in BREAKS {
        let dir = bundled_copy(|text| replace_once(&text, from, to));
        let text = std::fs::read_to_string(dir.path().join("ledger.ron")).unwrap();
        let output = run(
            dir.path(),
            &["verify", "--today", TODAY, "--format", "json"],
        );
        assert_eq!(output.status.code(), Some(1), "{rule}: {}", shown(&output));
        let expected_line = line_of(&text, at) as u64;
        assert!(
            findings(&output).contains(&((*rule).to_owned(), expected_line)),
            "{rule} expected at line {expected_line}: {}",
            shown(&output)
        );
    }
}

#[test]
fn a_truncated_bundled_ledger_is_unreadable() {
    let dir = bundled_copy(|text| text[..text.len() / 2].to_owned());
    let output = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

/// The broken ledger in each output format but SARIF (which has its own tests below).
#[test]
fn broken_ledger_in_each_format() {
    for format in ["human", "json", "github"] {
        let args = [
            "verify",
            "tests/fixtures/broken.ron",
            "--today",
            TODAY,
            "--format",
            format,
        ];
        let output = run(Path::new(ROOT), &args);
        assert_eq!(output.status.code(), Some(1), "{format}");
        snapshot!(format!("broken_ledger_in_{format}_format"), shown(&output));
    }
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let dir = bundled_copy(|text| {
        replace_once(
            &text,
            "    entities: [\n",
            "    entities: [\n        Entity(id: \"ankara\", name: \"Ankara\", kind: Place),\n",
        )
    });
    let output = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("warning[unused-entity]"));
    let output = run(dir.path(), &["verify", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn explain_prints_the_rule_with_examples() {
    let output = run(Path::new(ROOT), &["explain", "duplicate-id"]);
    assert_eq!(output.status.code(), Some(0));
    snapshot!(shown(&output));
}

#[test]
fn explain_suggests_a_rule_for_a_typo() {
    let output = run(Path::new(ROOT), &["explain", "duplicate-ids"]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

#[test]
fn rules_lists_every_rule() {
    let output = run(Path::new(ROOT), &["rules"]);
    assert_eq!(output.status.code(), Some(0));
    snapshot!(shown(&output));
}

#[test]
fn help_explains_the_commands() {
    snapshot!("help", shown(&run(Path::new(ROOT), &["--help"])));
    snapshot!(
        "verify_help",
        shown(&run(Path::new(ROOT), &["verify", "--help"]))
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let output = run(Path::new(ROOT), &["verify", "no-such-ledger.ron"]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

#[test]
fn a_directory_is_not_a_ledger() {
    let output = run(Path::new(ROOT), &["verify", "tests"]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

#[test]
fn an_unknown_flag_is_misuse() {
    let output = run(Path::new(ROOT), &["verify", "--fast"]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

#[test]
fn an_impossible_today_is_misuse() {
    let output = run(Path::new(ROOT), &["verify", "--today", "2017-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

/// Writes `bytes` as `ledger.ron` in a fresh folder and verifies it.
fn verify_bytes(bytes: &[u8]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ledger.ron"), bytes).expect("write ledger");
    run(dir.path(), &["verify", "--today", TODAY])
}

#[test]
fn bad_input_each_gets_one_clear_message_and_status_2() {
    let deep = {
        let mut text = b"Ledger(claims: [Statement(id: \"x\", text: ".to_vec();
        text.extend(std::iter::repeat_n(b'[', 100_000));
        text
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "the ledger is empty"),
        ("truncated", b"Ledger(entities: [Entity(id: \"a\", na".to_vec(), "the file ends before"),
        ("invalid utf-8", b"Ledger(entities: [Entity(id: \"\xff\")])".to_vec(), "not valid UTF-8"),
        (
            "number too large",
            b"Ledger(claims: [Figure(id: \"x\", text: \"x\", subject: \"s\", measure: \"m\", value: Exactly(100000000000000000000000000000000))])".to_vec(),
            "hold exactly",
        ),
        ("deep nesting", deep, "nest deeper than 128 levels"),
    ];
    for (name, bytes, message) in cases {
        let output = verify_bytes(&bytes);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", shown(&output));
        assert!(stdout.contains(message), "{name}: {}", shown(&output));
        assert!(
            stdout.contains("--> ledger.ron:1:"),
            "{name} has no location: {stdout}"
        );
        assert!(output.stderr.is_empty(), "{name}: {}", shown(&output));
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_work() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ledger.ron")).unwrap();
    let dir = bundled_copy(|_| format!("\u{feff}{}", text.replace('\n', "\r\n")));
    let output = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
}

#[test]
fn a_200_mb_ledger_fails_fast_with_its_location() {
    // A pasted blob without its closing quote: one clear error, not a hang or a crash.
    let mut bytes = b"Ledger(\n  claims: [Statement(id: \"blob\", text: \"".to_vec();
    bytes.resize(200 * 1024 * 1024, b'a');
    let output = verify_bytes(&bytes);
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("unterminated string"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
    assert!(
        stdout.contains("--> ledger.ron:2:40"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    // The official schema's `language` pattern is not a valid regex for strict
    // validators; `format` is only an annotation in draft 7, so leave formats out.
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .build(&schema)
        .expect("schema compiles");
    for ledger in ["tests/fixtures/broken.ron", "ledger.ron"] {
        let output = run(
            Path::new(ROOT),
            &["verify", ledger, "--today", TODAY, "--format", "sarif"],
        );
        let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{ledger}: {}", errors.join("\n"));
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), factledger::rules::RULES.len());
    }
    // The validator does reject what is not SARIF.
    let not_sarif =
        serde_json::json!({"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]});
    assert!(!validator.is_valid(&not_sarif));
}

#[test]
fn broken_ledger_in_sarif_format() {
    let output = run(
        Path::new(ROOT),
        &[
            "verify",
            "tests/fixtures/broken.ron",
            "--today",
            TODAY,
            "--format",
            "sarif",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let mut log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The rules' metadata is the explain text, snapshotted elsewhere; keep this one short.
    log["runs"][0]["tool"]["driver"]["rules"] = serde_json::json!("…");
    snapshot!(serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn github_format_shows_ten_annotations_per_level_and_counts_the_rest() {
    let claims: Vec<String> = (0..12)
        .map(|i| format!("Statement(id: \"s{i}\", text: \"Uncited statement {i}.\"),"))
        .collect();
    let text = format!("Ledger(claims: [\n{}\n])\n", claims.join("\n"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ledger.ron"), text).unwrap();
    let output = run(
        dir.path(),
        &["verify", "--today", TODAY, "--format", "github"],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("::error ")).count(),
        10,
        "{stdout}"
    );
    assert!(
        stdout.contains("ledger.ron:12:15: error[no-citation]"),
        "{stdout}"
    );
    snapshot!(stdout.lines().last().unwrap());
}
