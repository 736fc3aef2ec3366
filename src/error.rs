//! The library's error type. Every message names the file (or source) at
//! fault and the problem, on one line, so the binary can print it as one
//! line: control characters in a file name (a newline among them) are
//! escaped, see [`shown`].

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// Errors the library reports. Malformed *text* is never an error (it is
/// cleaned and warned about); these are the cases where an input cannot be
/// used at all.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    Io {
        /// The file at fault.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file holds no text (or only whitespace, or only boilerplate).
    Empty {
        /// The file at fault.
        path: PathBuf,
        /// What exactly is empty.
        what: &'static str,
    },
    /// The file looks like binary data, not text.
    Binary {
        /// The file at fault.
        path: PathBuf,
    },
    /// The file holds no NUL but is mostly bytes that are not text (not
    /// UTF-8, and control characters): binary data, not a text in another
    /// encoding.
    NotText {
        /// The file at fault.
        path: PathBuf,
        /// The share of its characters that are not text, in percent.
        percent: u8,
    },
    /// The file looks like UTF-16 text without a byte-order mark (with
    /// one, it is decoded).
    Utf16 {
        /// The file at fault.
        path: PathBuf,
        /// `UTF-16LE` or `UTF-16BE`.
        encoding: &'static str,
    },
    /// The file is larger than the configured limit.
    TooLarge {
        /// The file at fault.
        path: PathBuf,
        /// Its size in bytes, when known (a regular file's); `None` for a
        /// stream (stdin, a device, a FIFO) that held more than the limit.
        size: Option<u64>,
        /// The limit in force.
        limit: u64,
    },
    /// The article has more sentences than the configured budget (its
    /// memory grows with them; counting stops at the first one over).
    TooManySentences {
        /// The file at fault (`FILE:LINE` for a JSONL record).
        path: PathBuf,
        /// The budget in force.
        limit: usize,
    },
    /// A JSONL line could not be parsed as an article.
    Jsonl {
        /// The file at fault.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What went wrong.
        msg: String,
    },
    /// A web page or web archive record that holds no usable article
    /// (truncated, no body, not a page).
    Page {
        /// The page at fault (`FILE:N` for a web archive's record).
        path: PathBuf,
        /// What is wrong with it.
        msg: String,
    },
    /// A problem with the inputs as a whole (not one file).
    Usage(String),
}

impl Error {
    /// Where the problem is, as shown in messages (`FILE`, or `FILE:LINE`
    /// for a JSONL line); `None` for a problem with the inputs as a whole.
    pub fn location(&self) -> Option<String> {
        match self {
            Error::Io { path, .. }
            | Error::Empty { path, .. }
            | Error::Binary { path }
            | Error::NotText { path, .. }
            | Error::Utf16 { path, .. }
            | Error::TooLarge { path, .. }
            | Error::TooManySentences { path, .. }
            | Error::Page { path, .. } => Some(shown(path).to_string()),
            Error::Jsonl { path, line, .. } => Some(format!("{}:{line}", shown(path))),
            Error::Usage(_) => None,
        }
    }

    /// The problem, without its location: `file is empty`, `too large (...)`.
    pub fn reason(&self) -> String {
        match self {
            Error::Io { source, .. } => format!("cannot read: {}", one_line(&source.to_string())),
            Error::Empty { what, .. } => (*what).to_owned(),
            Error::Binary { .. } => "looks like a binary file (NUL bytes), not text".to_owned(),
            Error::NotText { percent, .. } => {
                format!("looks like a binary file ({percent}% of it is neither UTF-8 nor printable), not text")
            }
            Error::Utf16 { encoding, .. } => format!(
                "looks like {encoding} text without a byte-order mark; convert it to UTF-8 (iconv -f {encoding} -t UTF-8)"
            ),
            Error::TooLarge { size: Some(size), limit, .. } => {
                format!("too large ({size} bytes; the limit is {limit} bytes)")
            }
            Error::TooLarge { size: None, limit, .. } => format!("too large (more than the limit of {limit} bytes)"),
            Error::TooManySentences { limit, .. } => {
                format!("too many sentences (over {limit}); raise --max-sentences or split the input")
            }
            Error::Jsonl { msg, .. } => format!("invalid JSONL article: {}", one_line(msg)),
            Error::Page { msg, .. } => one_line(msg).into_owned(),
            Error::Usage(msg) => one_line(msg).into_owned(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some(at) => write!(f, "{at}: {}", self.reason()),
            None => f.write_str(&self.reason()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A path as messages show it: lossily decoded, with control characters
/// escaped (see [`one_line`]), so a file named `a\nb.txt` never splits a
/// message in two.
pub fn shown(path: &Path) -> impl fmt::Display + '_ {
    struct Shown<'a>(&'a Path);
    impl fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&one_line(&self.0.to_string_lossy()))
        }
    }
    Shown(path)
}

/// `text` with every character that could break or hijack a line of
/// terminal output escaped as Rust writes it (`\n`, `\r`, `\u{1b}`): control
/// characters other than tab, and the Unicode line and paragraph separators.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_stay_on_one_line() {
        let err = Error::Empty { path: PathBuf::from("a\nb\r\u{1b}[31m\tc.txt"), what: "file is empty" };
        assert_eq!(err.to_string(), "a\\nb\\r\\u{1b}[31m\tc.txt: file is empty");
        let err = Error::Jsonl { path: PathBuf::from("x\u{2028}.jsonl"), line: 3, msg: "bad\nthing".into() };
        assert_eq!(err.location().unwrap(), "x\\u{2028}.jsonl:3");
        assert_eq!(err.to_string(), "x\\u{2028}.jsonl:3: invalid JSONL article: bad\\nthing");
        assert_eq!(one_line("plain"), "plain");
    }

    #[test]
    fn too_large_says_what_is_known() {
        let known = Error::TooLarge { path: "big.txt".into(), size: Some(10), limit: 4 };
        assert_eq!(known.to_string(), "big.txt: too large (10 bytes; the limit is 4 bytes)");
        let stream = Error::TooLarge { path: "-".into(), size: None, limit: 4 };
        assert_eq!(stream.to_string(), "-: too large (more than the limit of 4 bytes)");
        assert_eq!(stream.reason(), "too large (more than the limit of 4 bytes)");
    }

    #[test]
    fn too_many_sentences_names_the_budget_and_the_way_out() {
        let err = Error::TooManySentences { path: "big.txt".into(), limit: 10 };
        assert_eq!(err.to_string(), "big.txt: too many sentences (over 10); raise --max-sentences or split the input");
    }
}
