//! The command line: what was typed → library options → output and exit status.
//!
//! The only module that prints, and the only one that reads the clock.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI's job is to print"
)]

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::render::{self, human::Style};
use crate::rules::{RULES, Rule};
use crate::value::PartialDate;
use crate::verify::{self, Outcome};

/// Keep sourced figures and quotes in a plain-text ledger, and check them like code.
#[derive(Debug, Parser)]
#[command(name = "factledger", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 clean, 1 findings at error severity (or warnings with \
--deny-warnings), 2 the ledger could not be read or the command was misused."
)]
struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a ledger: structure, references, attribution and dates.
    ///
    /// Every finding is reported with its file, line and column. Exit status 0 when
    /// clean, 1 with errors (or warnings with --deny-warnings), 2 when the ledger
    /// cannot be read.
    Verify(VerifyArgs),
    /// Explain a rule: what it checks, why, a failing and a passing example.
    Explain {
        /// The rule's name, e.g. `duplicate-id` (see `factledger rules`).
        rule: String,
    },
    /// List every rule with its default severity.
    Rules,
}

#[derive(Debug, clap::Args)]
struct VerifyArgs {
    /// Ledger file to check.
    #[arg(default_value = "ledger.ron")]
    ledger: PathBuf,
    /// The date to judge "future" and "stale" against, as YYYY-MM-DD (default: today's date).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<PartialDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Also show findings waived by a record's `allow`, with the reason.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style messages with the source line and a caret.
    Human,
    /// One JSON document: findings with file, line and column, and a summary.
    Json,
    /// SARIF 2.1.0, for code-scanning interfaces.
    Sarif,
    /// GitHub Actions annotations (10 per level are shown), then a summary line.
    Github,
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    let date: PartialDate = text
        .parse()
        .map_err(|e: crate::value::DateError| e.to_string())?;
    if date.day().is_none() {
        return Err(format!("`{text}` is not a full date; write YYYY-MM-DD"));
    }
    Ok(date)
}

/// The process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing that fails the run.
    Clean,
    /// 1: findings at error severity (or warnings with `--deny-warnings`).
    Findings,
    /// 2: the ledger could not be read, or the command was misused.
    Failed,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failed => 2,
        })
    }
}

impl From<Outcome> for ExitStatus {
    fn from(outcome: Outcome) -> ExitStatus {
        match outcome {
            Outcome::Clean => ExitStatus::Clean,
            Outcome::Findings => ExitStatus::Findings,
            Outcome::Unreadable => ExitStatus::Failed,
        }
    }
}

/// Runs the command line `args` (program name first) and returns the exit status.
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors; clap knows which is which.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let style = match cli.color {
        ColorChoice::Always => Style::Colored,
        ColorChoice::Auto
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
        {
            Style::Colored
        }
        ColorChoice::Auto | ColorChoice::Never => Style::Plain,
    };
    match run(cli.command, style) {
        Ok(status) => status.into(),
        Err(e) => {
            eprintln!("error: {}", chain(&e));
            ExitStatus::Failed.into()
        }
    }
}

/// "cannot read `x`: No such file or directory (os error 2)".
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Writes to stdout; a closed pipe (`factledger verify | head`) is not an error.
fn emit(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}

fn today() -> PartialDate {
    PartialDate::from_date(jiff::ZonedDateTime::now().date())
}

fn run(command: Command, style: Style) -> Result<ExitStatus, Error> {
    match command {
        Command::Verify(args) => run_verify(&args, style),
        Command::Explain { rule } => {
            let Some(found) = Rule::find(&rule) else {
                let hint = crate::diagnostic::did_you_mean(&rule, RULES.iter().map(|r| r.name))
                    .unwrap_or_else(|| "`factledger rules` lists them".to_owned());
                return Err(Error::Usage(format!("no rule is named `{rule}`; {hint}")));
            };
            emit(&format!(
                "{} ({})\n\n{}\n",
                found.name,
                found.severity.name(),
                found.explanation().trim_end()
            ))?;
            Ok(ExitStatus::Clean)
        }
        Command::Rules => {
            let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let mut text = String::new();
            for rule in RULES {
                let _ = writeln!(
                    text,
                    "{:width$}  {:7}  {}",
                    rule.name,
                    rule.severity.name(),
                    rule.summary()
                );
            }
            emit(&text)?;
            Ok(ExitStatus::Clean)
        }
    }
}

fn run_verify(args: &VerifyArgs, style: Style) -> Result<ExitStatus, Error> {
    let options = verify::Options {
        today: Some(args.today.unwrap_or_else(today)),
        deny_warnings: args.deny_warnings,
    };
    let report = verify::verify(&args.ledger, &options)?;
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| args.verbose || d.allowed.is_none())
        .cloned()
        .collect();
    let text = match args.format {
        Format::Human => {
            let name = args.ledger.display();
            let summary = render::summary(report.records(), report.counts());
            format!(
                "{}{name}: {summary}\n",
                render::human::human(&shown, &report.loaded.files, style)
            )
        }
        Format::Json => render::json::json(&shown, &report.loaded.files, report.records()),
        Format::Sarif => render::sarif::sarif(&report.diagnostics, &report.loaded.files, RULES),
        Format::Github => render::github::github(&report.diagnostics, &report.loaded.files),
    };
    emit(&text)?;
    Ok(report.outcome(&options).into())
}
