//! The shape of a line: its length in words and sentence breaks, its
//! lower-cased head, how it ends. A leaf the furniture rules share.

use crate::text::at_most_words;

/// The most words a line recognised by its opening words may have.
pub(super) const FURNITURE_MAX_WORDS: usize = 30;

/// Whether line `i` has the shape of page furniture: at most
/// [`FURNITURE_MAX_WORDS`] words, no more than one sentence break inside, and
/// not continued by the next line (a line that ends without punctuation
/// followed by one that starts in lower case is wrapped prose).
pub(super) fn furniture_shaped(line: &str, lines: &[&str], i: usize) -> bool {
    if !at_most_words(line, FURNITURE_MAX_WORDS) || !at_most_breaks(line, 1) {
        return false;
    }
    let continues = !line.trim_end().ends_with(['.', '!', '?', ':', ';', '|', ')'])
        && lines.get(i + 1).is_some_and(|next| next.trim_start().starts_with(char::is_lowercase));
    !continues
}

/// Whether a sentence ends inside `line` and another starts at most `n`
/// times: `.`, `!` or `?`, then space, then a capital letter or an opening
/// quote. Stops counting at `n + 1`.
pub(super) fn at_most_breaks(line: &str, n: usize) -> bool {
    let bytes = line.as_bytes();
    line.match_indices(['.', '!', '?'])
        .filter(|(at, _)| {
            bytes.get(at + 1).is_some_and(u8::is_ascii_whitespace)
                && line[at + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201c}' | '\''))
        })
        .nth(n)
        .is_none()
}

/// The most characters of a line's head that [`lower_head`] lower-cases:
/// more than the longest opening any rule reads.
pub(super) const HEAD_CHARS: usize = 64;

/// The first [`HEAD_CHARS`] characters of `line`.
pub(super) fn head(line: &str) -> &str {
    if line.len() <= HEAD_CHARS {
        return line;
    }
    if line.as_bytes()[..HEAD_CHARS].is_ascii() {
        return &line[..HEAD_CHARS];
    }
    &line[..line.char_indices().nth(HEAD_CHARS).map_or(line.len(), |(k, _)| k)]
}

/// The [`head`] of `line` lower-cased: what rules that read a line's
/// opening words need.
pub(super) fn lower_head(line: &str) -> Lower {
    Lower::new(head(line))
}

/// `s` lower-cased when it is short enough to equal a label of `longest`
/// bytes that a rule matches whole (ASCII keeps its length; any other
/// lower-case mapping shrinks a character's bytes at most threefold); `None`
/// otherwise.
pub(super) fn lower_if_short(s: &str, longest: usize) -> Option<Lower> {
    let limit = if s.is_ascii() { longest } else { 3 * longest };
    (s.len() <= limit).then(|| Lower::new(s))
}

/// A short text lower-cased, on the stack when it is ASCII (every line
/// passes through the rules: this keeps them off the heap).
pub(super) enum Lower {
    Ascii([u8; HEAD_CHARS], usize),
    Other(String),
}

impl Lower {
    pub(super) fn new(s: &str) -> Lower {
        if s.len() <= HEAD_CHARS && s.is_ascii() {
            let mut buf = [0; HEAD_CHARS];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            buf[..s.len()].make_ascii_lowercase();
            Lower::Ascii(buf, s.len())
        } else {
            Lower::Other(s.to_lowercase())
        }
    }

    pub(super) fn as_str(&self) -> &str {
        match self {
            // ASCII is UTF-8.
            Lower::Ascii(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Other(s) => s,
        }
    }
}

pub(super) fn starts_with_any(lower: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| lower.starts_with(p))
}

pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '\u{201d}', '\u{2019}', '\'', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{300d}', '\u{300f}',
        '\u{ff09}',
    ])
}
