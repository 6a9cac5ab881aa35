//! `verify`: load a ledger, run every rule, and judge the outcome.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::load::{self, Loaded};
use crate::render::{Counts, RecordCounts};
use crate::rules;
use crate::value::PartialDate;

/// What a verify run needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date "future" and "stale" are judged against; `None` skips those rules.
    pub today: Option<PartialDate>,
    /// Warnings fail the run too.
    pub deny_warnings: bool,
}

/// A verified ledger: what was read and everything found.
#[derive(Debug)]
pub struct Report {
    pub loaded: Loaded,
    /// Every finding, waived ones included, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a run ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing that fails the run.
    Clean,
    /// Errors, or warnings under `--deny-warnings`.
    Findings,
    /// Some part of the ledger could not be read.
    Unreadable,
}

impl Report {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }

    pub fn records(&self) -> RecordCounts {
        RecordCounts::of(&self.loaded.ledger)
    }

    /// The findings that are not waived.
    pub fn active(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.allowed.is_none())
    }

    pub fn outcome(&self, options: &Options) -> Outcome {
        if self.loaded.has_parse_errors() {
            return Outcome::Unreadable;
        }
        let fails = |d: &&Diagnostic| {
            d.severity == Severity::Error
                || (options.deny_warnings && d.severity == Severity::Warning)
        };
        if self.active().any(|d| fails(&d)) {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }
}

/// Reads the ledger at `path` and checks it.
pub fn verify(path: &Path, options: &Options) -> Result<Report, Error> {
    Ok(check(load::load(path)?, options))
}

/// Checks a ledger that is already loaded.
pub fn check(loaded: Loaded, options: &Options) -> Report {
    let diagnostics = rules::check(&loaded, options.today);
    Report {
        loaded,
        diagnostics,
    }
}
