//! The report model and its renderers.
//!
//! The pipeline produces a [`PairReport`]: plain data, already classified.
//! Each renderer ([`text`], [`csv`], [`json`], [`html`]) only formats it into any
//! `io::Write`; none of them computes anything.

pub mod check;
pub mod claims;
pub mod csv;
pub mod html;
pub mod json;
pub mod quotes;
pub mod text;

use crate::segment::Span;
use serde::Serialize;

/// How a row's sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Identical once whitespace and quote/dash glyphs are folded.
    Same,
    /// Aligned, wording differs.
    Reworded,
    /// One side covers only part of the other, or one sentence aligns to
    /// several.
    Partial,
    /// Only in A.
    OnlyA,
    /// Only in B.
    OnlyB,
}

impl Status {
    /// The contract name, as in the CSV `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Reworded => "reworded",
            Status::Partial => "partial",
            Status::OnlyA => "only_a",
            Status::OnlyB => "only_b",
        }
    }
}

/// One article's side of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The outlet.
    pub source: String,
    /// 0-based sentence indices (several for a split sentence).
    pub indices: Vec<usize>,
    /// The sentence text (several joined by a space).
    pub sentence: String,
    /// Byte spans of the sentences in the cleaned article.
    pub spans: Vec<Span>,
}

impl Side {
    /// Indices joined with `+`, as in the CSV.
    pub fn index_label(&self) -> String {
        self.indices.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("+")
    }
}

/// A word-diff chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op", content = "text")]
pub enum Chunk {
    /// Words both sides carry (shown as A has them).
    Equal(String),
    /// Words only A carries.
    Removed(String),
    /// Words only B carries.
    Added(String),
}

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

/// See [`visible`].
#[derive(Debug, Clone, Copy)]
pub struct Visible<'a>(pub &'a str);

impl std::fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        while let Some((k, c)) = rest.char_indices().find(|&(_, c)| is_terminal_control(c)) {
            f.write_str(&rest[..k])?;
            write!(f, "{}", c.escape_default())?;
            rest = &rest[k + c.len_utf8()..];
        }
        f.write_str(rest)
    }
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

/// A byte range in a cleaned article, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// First byte in the cleaned article.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text at that range.
    pub text: String,
}

/// A difference that matters, found on a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The flag's contract name (`number_changed`, ...).
    pub name: String,
    /// The rule that fired.
    pub rule: String,
    /// A short human explanation.
    pub explanation: String,
    /// The differing words in A.
    pub a: Vec<Evidence>,
    /// The differing words in B.
    pub b: Vec<Evidence>,
}

/// One row of a pairwise report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The status.
    pub status: Status,
    /// The matcher's score in [0, 1]; for unmatched rows, the best score the
    /// sentence reached with any candidate.
    pub similarity: f32,
    /// A's side, absent for `only_b`.
    pub a: Option<Side>,
    /// B's side, absent for `only_a`.
    pub b: Option<Side>,
    /// The word diff from A to B (empty for unmatched rows).
    pub diff: Vec<Chunk>,
    /// Flags from the classifier.
    pub flags: Vec<Flag>,
    /// Why the matcher scored the pair as it did (aligned rows only).
    /// (Boxed: most rows of a large report are one-source rows without one.)
    pub explain: Option<Box<Explain>>,
}

/// The matcher's reasons for an aligned pair: the content words both sides
/// share, those only one side has, and every component of the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    /// Content words (names, numbers, other content words) both sides carry,
    /// as A writes them; spelling variants the matcher folds count here.
    pub shared: Vec<String>,
    /// Content words only A carries.
    pub only_a: Vec<String>,
    /// Content words only B carries.
    pub only_b: Vec<String>,
    /// The score and its components.
    pub score: crate::matching::Score,
}

/// What the report says about each source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// Outlet name.
    pub outlet: String,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Input path.
    pub path: String,
    /// Number of sentences after cleaning.
    pub sentences: usize,
}

/// The comparison of two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    /// A and B.
    pub sources: [SourceInfo; 2],
    /// The similarity used: `lexical` or `semantic:MODEL`.
    pub scorer: String,
    /// Rows in reading order: A's order, with B-only rows placed after their
    /// B neighbours.
    pub rows: Vec<Row>,
    /// The most consequential differences, most salient first (computed by
    /// the classifier; reporters print them as they are).
    pub highlights: Vec<Highlight>,
}

/// One entry of the report's summary: a flag or a one-source sentence,
/// ranked by how much it matters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    /// The index of the row in [`PairReport::rows`].
    pub row: usize,
    /// A flag name, or `only_a`/`only_b` for a one-source sentence.
    pub kind: String,
    /// The ranking score: higher matters more.
    pub salience: f32,
    /// The row's sentence references, as in the text report (`A5 B6`).
    pub refs: String,
    /// One line saying what differs.
    pub summary: String,
}

impl PairReport {
    /// How many rows have each status, in contract order.
    pub fn counts(&self) -> [(Status, usize); 5] {
        [Status::Same, Status::Reworded, Status::Partial, Status::OnlyA, Status::OnlyB]
            .map(|s| (s, self.rows.iter().filter(|r| r.status == s).count()))
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
