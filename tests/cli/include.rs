//! Ledgers split over files with `include`: ids are global, findings name the file
//! they are in, and `add --file` appends to one of the files.

use std::path::Path;

use crate::{ROOT, TODAY, run, shown, snapshot};

#[test]
fn a_ledger_split_over_files_verifies_as_one() {
    let output = run(
        Path::new(ROOT),
        &[
            "verify",
            "tests/fixtures/multi/ok/ledger.ron",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 claims read"));
}

#[test]
fn findings_name_the_included_file_and_bad_includes_are_errors() {
    let output = run(
        Path::new(ROOT),
        &[
            "verify",
            "tests/fixtures/multi/broken/ledger.ron",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "a missing or looping include leaves the ledger unread"
    );
    snapshot!(shown(&output));
}

/// A copy of the split ledger in a fresh folder.
fn split_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(ROOT).join("tests/fixtures/multi/ok");
    std::fs::create_dir(dir.path().join("desks")).unwrap();
    for name in ["ledger.ron", "desks/casualties.ron", "desks/kurds.ron"] {
        std::fs::copy(from.join(name), dir.path().join(name)).unwrap();
    }
    dir
}

#[test]
fn add_appends_to_the_file_it_is_given() {
    let dir = split_copy();
    let root = std::fs::read_to_string(dir.path().join("ledger.ron")).unwrap();
    let args = [
        "add",
        "statement",
        "--file",
        "desks/kurds.ron",
        "--subject",
        "pyd",
        "--text",
        "Turkey ruled out inviting the PYD.",
        "--source",
        "rferl-sochi",
        "--excerpt",
        "which governs around 25 percent of Syria's territory",
        "--today",
        TODAY,
    ];
    let output = run(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ledger.ron")).unwrap(),
        root,
        "the root file is untouched"
    );
    let desk = std::fs::read_to_string(dir.path().join("desks/kurds.ron")).unwrap();
    assert!(desk.contains("Turkey ruled out inviting the PYD."));
    let verify = run(dir.path(), &["verify", "--today", TODAY]);
    assert_eq!(verify.status.code(), Some(0), "{}", shown(&verify));
    // Ids are global: the casualties desk's id is taken in the Kurdish desk too.
    let duplicate = [&args[..4], &["--id", "syria-killed"], &args[4..]].concat();
    let refused = run(dir.path(), &duplicate);
    assert_eq!(refused.status.code(), Some(1), "{}", shown(&refused));
    snapshot!(shown(&refused));
}

#[test]
fn add_refuses_a_file_the_ledger_does_not_include() {
    let dir = split_copy();
    std::fs::write(dir.path().join("stray.ron"), "Ledger()\n").unwrap();
    let args = [
        "add",
        "entity",
        "--file",
        "stray.ron",
        "--name",
        "UN",
        "--kind",
        "Organization",
        "--today",
        TODAY,
    ];
    let output = run(dir.path(), &args);
    assert_eq!(output.status.code(), Some(2));
    snapshot!(shown(&output));
}
