//! factledger keeps the figures and attributed statements a newsroom publishes as
//! sourced records in one plain-text file, `ledger.ron`, checks them for consistency
//! and attribution the way a compiler checks code, and reports every problem with
//! its place in the file.
//!
//! ```no_run
//! use std::path::Path;
//! use factledger::verify::{self, Options};
//!
//! let report = verify::verify(Path::new("ledger.ron"), &Options::default()).unwrap();
//! for finding in report.active() {
//!     println!("{}: {}", finding.rule, finding.message);
//! }
//! ```
//!
//! The binary is a thin shell over this library: see [`cli`].

pub mod add;
pub mod cli;
pub mod consistency;
pub mod diagnostic;
pub mod error;
pub mod file;
pub mod generate;
pub mod interval;
pub mod load;
pub mod model;
pub mod numbers;
pub mod prompt;
pub mod render;
pub mod rules;
pub mod scan;
pub mod sheet;
pub mod source_map;
pub mod syntax;
pub mod text;
pub mod value;
pub mod verify;

#[cfg(test)]
mod test;

pub use error::Error;
