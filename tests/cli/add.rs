//! `factledger add`: refusals, byte-exact insertion, concurrency, crashes, prompts.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;

use crate::{TODAY, bundled_copy, run, run_with_input, shown, snapshot};

/// Flags of a valid figure for the bundled ledger: the UN envoy's figure is not in the
/// article, so this one restates the article's own.
const FIGURE: &[&str] = &[
    "add",
    "figure",
    "--subject",
    "syria",
    "--measure",
    "people-killed",
    "--value",
    "more than 330,000",
    "--as-of",
    "2017-12-27",
    "--claimant",
    "rferl",
    "--text",
    "More than 330,000 people have been killed in Syria, RFE/RL reported.",
    "--source",
    "rferl-2017-12-27-sochi",
    "--excerpt",
    "More than 330,000 people have been killed in Syria",
    "--today",
    TODAY,
];

/// True when `new` is `old` with text inserted and nothing removed or changed.
fn is_pure_insertion(old: &str, new: &str) -> bool {
    similar::TextDiff::from_chars(old, new)
        .ops()
        .iter()
        .all(|op| matches!(op.tag(), similar::DiffTag::Equal | similar::DiffTag::Insert))
}

/// `factledger add statement --id ID ...` in `dir`: a valid record for the bundled
/// ledger, as the concurrency and crash tests append many of.
fn add_statement(dir: &Path, id: &str) -> Command {
    let mut command = Command::new(cargo_bin!("factledger"));
    command
        .current_dir(dir)
        .args([
            "add",
            "statement",
            "--id",
            id,
            "--subject",
            "syria",
            "--today",
            TODAY,
        ])
        .args([
            "--text",
            &format!("Statement {id}."),
            "--source",
            "rferl-2017-12-27-sochi",
            "--excerpt",
            "Syria's government has said it will attend the forum.",
        ]);
    command
}

fn ledger_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("ledger.ron")).expect("ledger reads")
}

#[test]
fn appending_to_the_bundled_ledger_only_adds_lines_and_verifies_clean() {
    let dir = bundled_copy(|t| t);
    let old = ledger_text(dir.path());
    let output = run(dir.path(), FIGURE);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let new = ledger_text(dir.path());
    let diff = similar::TextDiff::from_lines(&old, &new);
    assert!(
        diff.ops()
            .iter()
            .all(|op| matches!(op.tag(), similar::DiffTag::Equal | similar::DiffTag::Insert))
    );
    assert!(
        new.contains("id: \"syria-people-killed-2017-12-27\""),
        "{new}"
    );
    let verify = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(verify.status.code(), Some(0), "{}", shown(&verify));
    snapshot!(shown(&output));
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = bundled_copy(|t| t);
    let old = ledger_text(dir.path());
    let mut args = FIGURE.to_vec();
    args.push("--dry-run");
    let output = run(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(ledger_text(dir.path()), old);
    snapshot!(shown(&output));
}

/// Each refusal: what to change in the valid figure, and the rule that refuses it.
#[test]
fn records_that_bring_errors_are_refused_and_the_file_is_unchanged() {
    let cases: [(&str, &str, &str, &str); 3] = [
        (
            "unknown_source",
            "rferl-2017-12-27-sochi",
            "rferl-2017-12-27",
            "unknown-source",
        ),
        (
            "figure_not_in_excerpt",
            "more than 330,000",
            "more than 303,000",
            "figure-not-in-excerpt",
        ),
        (
            "duplicate_id",
            "--subject",
            "--id=syria-killed-2017-12\n--subject",
            "duplicate-id",
        ),
    ];
    for (name, from, to, rule) in cases {
        let dir = bundled_copy(|t| t);
        let before = std::fs::read(dir.path().join("ledger.ron")).unwrap();
        let args: Vec<String> = FIGURE
            .iter()
            .flat_map(|a| {
                if *a == from {
                    to.split('\n').map(str::to_owned).collect()
                } else {
                    vec![(*a).to_owned()]
                }
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(1), "{name}: {}", shown(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains(&format!("error[{rule}]")),
            "{name}: {}",
            shown(&output)
        );
        assert_eq!(
            std::fs::read(dir.path().join("ledger.ron")).unwrap(),
            before,
            "{name} changed the file"
        );
        snapshot!(format!("refused_{name}"), shown(&output));
    }
}

#[test]
fn a_record_from_standard_input_is_appended() {
    let dir = bundled_copy(|t| t);
    let record = r#"Entity(id: "un", name: "United Nations", kind: Organization)"#;
    let output = run_with_input(
        dir.path(),
        &["add", "--from", "-", "--today", TODAY],
        record,
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(ledger_text(dir.path()).contains("Entity(\n            id: \"un\","));
    // Unused, so a warning: shown, not blocking.
    assert!(String::from_utf8_lossy(&output.stdout).contains("warning[unused-entity]"));
}

#[test]
fn a_malformed_record_on_standard_input_is_a_parse_error() {
    let dir = bundled_copy(|t| t);
    let output = run_with_input(
        dir.path(),
        &["add", "--from", "-"],
        "Entity(id: \"un\", nmae: \"UN\", kind: Organization)",
    );
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}

#[test]
fn prompts_ask_each_field_and_ask_again_after_a_bad_answer() {
    let dir = bundled_copy(|t| t);
    let answers = [
        "figure",
        "",      // id: derived
        "syr",   // subject: several ids start so, asked again
        "sirya", // a typo, asked again with a suggestion
        "syria",
        "people-ki", // measure: completes to `people-killed`
        "lots",      // value: not a value, asked again
        "more than 330,000",
        "",           // unit
        "2017-02-30", // as-of: impossible, asked again
        "2017-12-27",
        "", // since
        "", // of
        "More than 330,000 people have been killed in Syria.",
        "", // claimant: the ledger's voice
        "rferl-2017-12-27-sochi",
        "More than 330,000 people have been killed in Syria",
        "", // no second source
        "casualties",
        "", // no second tag
        "", // note
    ];
    let output = run_with_input(
        dir.path(),
        &["add", "--interactive", "--today", TODAY],
        &(answers.join("\n") + "\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let text = ledger_text(dir.path());
    assert!(text.contains("id: \"syria-people-killed-2017-12-27\""));
    assert!(text.contains("tags: [\"casualties\"]"));
    snapshot!(shown(&output));
}

#[test]
fn eight_editors_appending_at_once_lose_nothing() {
    let dir = bundled_copy(|t| t);
    std::thread::scope(|scope| {
        for editor in 0..8 {
            let dir = dir.path();
            scope.spawn(move || {
                for n in 0..50 {
                    let id = format!("load-{editor}-{n}");
                    let status = add_statement(dir, &id).output().expect("add runs");
                    assert_eq!(
                        status.status.code(),
                        Some(0),
                        "{}",
                        String::from_utf8_lossy(&status.stdout)
                    );
                }
            });
        }
    });
    let text = ledger_text(dir.path());
    for editor in 0..8 {
        for n in 0..50 {
            assert_eq!(
                text.matches(&format!("id: \"load-{editor}-{n}\",")).count(),
                1,
                "load-{editor}-{n}"
            );
        }
    }
    let verify = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(verify.status.code(), Some(0), "{}", shown(&verify));
}

#[test]
fn a_killed_add_leaves_the_old_or_the_new_ledger() {
    let dir = bundled_copy(|t| t);
    // How long one add takes here, to kill at points spread over its whole run.
    let started = std::time::Instant::now();
    add_statement(dir.path(), "timing")
        .output()
        .expect("add runs");
    let span = u64::try_from(started.elapsed().as_micros())
        .unwrap_or(u64::MAX)
        .max(1000);
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut old = ledger_text(dir.path());
    let mut completed = 0;
    for round in 0..200 {
        let mut child = add_statement(dir.path(), &format!("crash-{round}"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("add starts");
        std::thread::sleep(std::time::Duration::from_micros(rng.u64(0..span * 12 / 10)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = ledger_text(dir.path());
        if now != old {
            assert!(
                is_pure_insertion(&old, &now),
                "round {round}: the ledger is neither old nor old plus a record"
            );
            assert!(
                now.contains(&format!("id: \"crash-{round}\",")),
                "round {round}"
            );
            completed += 1;
        }
        let loaded = factledger::load::load_bytes(
            Path::new("ledger.ron"),
            now.clone().into_bytes(),
            dir.path().to_owned(),
        );
        assert!(
            loaded.diagnostics.is_empty(),
            "round {round}: {:?}",
            loaded.diagnostics
        );
        old = now;
    }
    // Both outcomes happened, so kills landed before and after the rename.
    assert!(
        completed > 0 && completed < 200,
        "{completed} of 200 adds completed"
    );
    let verify = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(verify.status.code(), Some(0), "{}", shown(&verify));
}

#[test]
fn add_help_explains_each_field() {
    let output = run(std::path::Path::new(crate::ROOT), &["add", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    snapshot!(shown(&output));
}

#[test]
fn a_field_that_does_not_fit_the_kind_is_misuse() {
    let dir = bundled_copy(|t| t);
    let output = run(
        dir.path(),
        &[
            "add",
            "entity",
            "--name",
            "UN",
            "--kind",
            "Organization",
            "--speaker",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}
