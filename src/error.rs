//! Why a command could not do its job (exit status 2). Problems with a place in the
//! ledger are [`Diagnostic`](crate::diagnostic::Diagnostic)s instead.

use std::path::PathBuf;

/// The crate's error: the command could not run to the end.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read `{}`", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("`{}` is {size} bytes; a ledger file may be at most 4 GiB (split it with `include`)", .path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("cannot write `{}`", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
}
