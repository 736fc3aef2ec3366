//! The renderers of the report model.
//!
//! The pipeline produces a [`PairReport`] (see [`crate::findings`]): plain
//! data, already classified. Each renderer ([`text`], [`csv`], [`json`],
//! [`html`]) only formats it into any `io::Write`; none of them computes
//! anything.

pub mod check;
pub mod claims;
pub mod csv;
pub mod extract;
pub mod findings;
pub mod html;
pub mod json;
pub mod quotes;
pub mod stories;
pub mod text;

// The model's public paths from before it moved to `findings`, kept for
// the library's callers; the crate itself imports it from `findings`.
pub use crate::findings::{Chunk, Evidence, Explain, Flag, Highlight, PairReport, Row, Side, SourceInfo, Status};

/// The version of every JSON report's layout (`schema_version`, the first
/// key of `compare`, `check` and `quotes` JSON). Fields are only ever added
/// within a version; a rename or removal would raise it.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// Renders chunks in git's plain word-diff notation:
/// `[-removed-]{+added+}`, unchanged words as they are.
pub fn word_diff_notation(chunks: &[Chunk]) -> String {
    let mut out = String::new();
    let mut prev_removed = false;
    for c in chunks {
        // git writes a replacement as `[-old-]{+new+}`, with no space between.
        let glued = prev_removed && matches!(c, Chunk::Added(_));
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        prev_removed = matches!(c, Chunk::Removed(_));
        match c {
            Chunk::Equal(t) => out.push_str(t),
            Chunk::Removed(t) => {
                out.push_str("[-");
                out.push_str(t);
                out.push_str("-]");
            }
            Chunk::Added(t) => {
                out.push_str("{+");
                out.push_str(t);
                out.push_str("+}");
            }
        }
    }
    out
}

/// Text as a terminal should get it: control characters written as Rust
/// escapes them (`\u{1b}` for ESC, `\r`, as in stderr messages), so an
/// escape sequence in an article, an outlet name or a file name is shown
/// rather than obeyed. Control characters are C0 but newline and tab, DEL,
/// and C1; everything else is written as it is. The text renderers write
/// every piece of input through it; CSV, JSON and HTML keep the data exact.
pub fn visible(s: &str) -> Visible<'_> {
    Visible(s)
}

/// A one-line field of a text report (an outlet, a title, a file name) as a
/// terminal should get it: like [`visible`], and a newline, carriage return
/// or line separator is escaped too (`new\nline.txt`), so a name never
/// breaks the report's layout.
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    crate::error::one_line(s)
}

/// See [`visible`].
#[derive(Debug, Clone, Copy)]
pub struct Visible<'a>(pub &'a str);

impl std::fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        if !crate::text::has_control(rest) {
            return f.write_str(rest);
        }
        while let Some((k, c)) = rest.char_indices().find(|&(_, c)| is_terminal_control(c)) {
            f.write_str(&rest[..k])?;
            write!(f, "{}", c.escape_default())?;
            rest = &rest[k + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Writes the sentences of `text` at `spans` one a line, their whitespace
/// collapsed and terminal controls escaped (`claimdiff split`'s text
/// output). A long list is formatted on every core, a batch at a time, and
/// written in order.
pub fn write_sentence_lines(
    out: &mut dyn std::io::Write,
    text: &str,
    spans: &[crate::segment::Span],
) -> std::io::Result<()> {
    use rayon::prelude::*;
    use std::io::Write;
    const PIECE: usize = 2048;
    for batch in spans.chunks(PIECE * 16) {
        let pieces: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(PIECE)
            .map(|piece| {
                let mut buf = Vec::new();
                for s in piece {
                    writeln!(buf, "{}", visible(&crate::text::collapse_ws(&text[s.start..s.end])))?;
                }
                Ok(buf)
            })
            .collect();
        for piece in pieces {
            out.write_all(&piece?)?;
        }
    }
    Ok(())
}

/// C0 but newline and tab, DEL, C1.
fn is_terminal_control(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}')
}

/// How CSV cells are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvConfig {
    /// Prefix a `'` to every cell that starts with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return, which a spreadsheet would otherwise read as a
    /// formula (`--csv-safe`). Off, cells hold the data exactly.
    pub safe: bool,
}

impl CsvConfig {
    /// The cell as written.
    pub fn cell<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        if self.safe && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            std::borrow::Cow::Owned(format!("'{s}"))
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }

    /// Writes one record, each cell through [`CsvConfig::cell`].
    pub(crate) fn record<W: std::io::Write, S: AsRef<str>>(
        &self,
        w: &mut ::csv::Writer<W>,
        cells: impl IntoIterator<Item = S>,
    ) -> ::csv::Result<()> {
        for c in cells {
            w.write_field(self.cell(c.as_ref()).as_bytes())?;
        }
        w.write_record(None::<&[u8]>)
    }
}

/// Display options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportConfig {
    /// Emit ANSI colour.
    pub color: bool,
    /// Show each aligned pair's shared and differing content words and the
    /// components of its score.
    pub explain: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        let shown = |s: &str| visible(s).to_string();
        assert_eq!(shown("plain \u{201c}text\u{201d}, caf\u{e9}"), "plain \u{201c}text\u{201d}, caf\u{e9}");
        assert_eq!(shown("line\nand\ttab"), "line\nand\ttab");
        assert_eq!(shown("\u{1b}[31mred\u{1b}]0;title\u{7}"), "\\u{1b}[31mred\\u{1b}]0;title\\u{7}");
        assert_eq!(
            shown("cr\r nul\0 del\u{7f} csi\u{9b} nel\u{85}"),
            "cr\\r nul\\u{0} del\\u{7f} csi\\u{9b} nel\\u{85}"
        );
        // The first character past C1 is text.
        assert_eq!(shown("\u{a0}"), "\u{a0}");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_get_a_quote() {
        let safe = CsvConfig { safe: true };
        for s in ["=1+1", "+1", "-5 degrees", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(safe.cell(s), format!("'{s}"));
        }
        for s in ["", "0.923", "plain", " =x", "a=b", "'quoted"] {
            assert_eq!(safe.cell(s), s);
        }
        assert_eq!(CsvConfig::default().cell("=1+1"), "=1+1");
    }
}
