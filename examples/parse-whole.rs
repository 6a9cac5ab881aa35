//! The yardstick of `benches/scale.sh`: one single-threaded `ron` call that reads a
//! whole ledger file into the same types `verify` uses, and nothing else.
//!
//! cargo run --release --example parse-whole -- ledger.ron
#![allow(clippy::print_stderr, reason = "a measuring tool reports what it read")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse-whole LEDGER");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read `{path}`: {e}");
            return ExitCode::from(2);
        }
    };
    match factledger::load::parse_whole(&text) {
        Ok(ledger) => {
            eprintln!("{path}: {} claims", ledger.claims.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: `{path}`: {e}");
            ExitCode::from(1)
        }
    }
}
