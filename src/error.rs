//! The library's error type. Every message names the file (or source) at
//! fault and the problem, so the binary can print it as one line.

use std::path::PathBuf;

/// Errors the library reports. Malformed *text* is never an error (it is
/// cleaned and warned about); these are the cases where an input cannot be
/// used at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file at fault.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file holds no text (or only whitespace, or only boilerplate).
    #[error("{}: {what}", path.display())]
    Empty {
        /// The file at fault.
        path: PathBuf,
        /// What exactly is empty.
        what: &'static str,
    },
    /// The file looks like binary data, not text.
    #[error("{}: looks like a binary file (NUL bytes), not text", path.display())]
    Binary {
        /// The file at fault.
        path: PathBuf,
    },
    /// The file is larger than the configured limit.
    #[error("{}: too large ({})", path.display(), too_large(*size, *limit))]
    TooLarge {
        /// The file at fault.
        path: PathBuf,
        /// Its size in bytes, when known (a regular file's); `None` for a
        /// stream (stdin, a device, a FIFO) that held more than the limit.
        size: Option<u64>,
        /// The limit in force.
        limit: u64,
    },
    /// A JSONL line could not be parsed as an article.
    #[error("{}:{line}: invalid JSONL article: {msg}", path.display())]
    Jsonl {
        /// The file at fault.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What went wrong.
        msg: String,
    },
    /// A problem with the inputs as a whole (not one file).
    #[error("{0}")]
    Usage(String),
}

/// How much too large: the size and the limit, or for a stream only the
/// limit it went past.
fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{size} bytes; the limit is {limit} bytes"),
        None => format!("more than the limit of {limit} bytes"),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
