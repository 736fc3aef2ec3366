//! Sentence segmentation: turns a cleaned article into sentence byte spans.
//!
//! Placeholder: splits on blank lines only. Replaced by the real splitter.

/// A half-open byte range `[start, end)` into the cleaned article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the sentence.
    pub start: usize,
    /// One past the last byte of the sentence.
    pub end: usize,
}

/// Splits `text` into sentences and returns their spans, in order, trimmed of
/// surrounding whitespace.
pub fn split(text: &str) -> Vec<Span> {
    let mut res = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && start.is_none() {
            start = Some(i);
        }
        if c == '\n' && text[i + 1..].starts_with('\n') {
            if let Some(s) = start.take() {
                res.push(Span { start: s, end: text[..i].trim_end().len() });
            }
        }
    }
    if let Some(s) = start {
        res.push(Span { start: s, end: text.trim_end().len() });
    }
    res
}
