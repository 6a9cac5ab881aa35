//! Writes a generated ledger, for benchmarks and scale tests.
//!
//! cargo run --release --example gen-ledger -- --claims 100000 --seed 1 -o /tmp/ledger.ron
#![allow(
    clippy::print_stderr,
    reason = "a command-line tool reports what it wrote"
)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use factledger::generate::{Options, generate};

/// Generate a realistic ledger of any size (deterministic for a seed).
#[derive(Parser)]
struct Args {
    /// Number of claims.
    #[arg(long, default_value_t = 10_000)]
    claims: usize,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Plant this many known faults of mixed rules.
    #[arg(long, default_value_t = 0)]
    inject: usize,
    /// Where to write the ledger (with `--split`, the root ledger; desks go beside it).
    #[arg(short, long)]
    output: PathBuf,
    /// Split the claims over this many files in `desks/`, included by the root.
    #[arg(long)]
    split: Option<usize>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let generated = generate(&Options {
        claims: args.claims,
        seed: args.seed,
        inject: args.inject,
    });
    let files = match args.split {
        Some(desks) => generated.split(desks),
        None => vec![(PathBuf::from("ledger.ron"), generated.text.clone())],
    };
    let dir = args.output.parent().unwrap_or(std::path::Path::new("."));
    for (name, text) in &files {
        let path = if name == std::path::Path::new("ledger.ron") {
            args.output.clone()
        } else {
            dir.join(name)
        };
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "wrote {} claims ({} bytes) to {}{}",
        args.claims,
        generated.text.len(),
        args.output.display(),
        if generated.faults.is_empty() {
            String::new()
        } else {
            format!(", with {} planted faults", generated.faults.len())
        }
    );
    ExitCode::SUCCESS
}
