//! The binary as users run it: exit status, stdout and stderr. One test binary, one
//! module per command.

mod add;
mod include;
mod scan;
mod sheet;
mod verify;

use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;
use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TODAY: &str = "2026-11-28";

/// Settings for every snapshot: all files go to the top-level `snapshots/` folder.
fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_omit_expression(true);
    settings
}

macro_rules! snapshot {
    ($($args:tt)*) => {
        $crate::snapshot_settings().bind(|| insta::assert_snapshot!($($args)*))
    };
}
pub(crate) use snapshot;

/// Runs the binary in `dir` and returns its output.
fn run(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("factledger")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("binary runs")
}

/// Runs the binary in `dir` with `input` on standard input.
fn run_with_input(dir: &Path, args: &[&str], input: &str) -> Output {
    cargo_bin_cmd!("factledger")
        .current_dir(dir)
        .args(args)
        .write_stdin(input)
        .output()
        .expect("binary runs")
}

/// Status, stdout and stderr, as a snapshot shows them.
fn shown(output: &Output) -> String {
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".to_owned(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A copy of the bundled ledger and its archive in a fresh folder, with `edit` applied.
fn bundled_copy(edit: impl FnOnce(String) -> String) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(Path::new(ROOT).join("ledger.ron")).expect("bundled ledger");
    std::fs::write(dir.path().join("ledger.ron"), edit(text)).expect("write ledger");
    std::fs::create_dir(dir.path().join("sources")).expect("sources dir");
    for entry in std::fs::read_dir(Path::new(ROOT).join("sources")).expect("sources") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.path().join("sources").join(entry.file_name()),
        )
        .expect("copy archive");
    }
    dir
}

/// (rule, line) of each finding in `verify --format json` output.
fn findings(output: &Output) -> Vec<(String, u64)> {
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json output");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}
