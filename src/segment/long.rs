//! Bounding a sentence's length: text with no sentence punctuation (a
//! transcript's wall of words, a table flattened to one line, a page whose
//! stops were stripped) would otherwise be one sentence of megabytes, which
//! every later stage (tokens, the encoder, the diff of two sentences) holds
//! and compares whole. A leaf: it imports nothing from the splitter.
//!
//! The longest sentence of about 2,000 real news articles (the shared
//! benchmarks' texts and the seeds) is 1,098 bytes; the bound is well above
//! it, so no punctuated news sentence is ever cut.

/// The most bytes a sentence may hold. A longer run is cut into pieces of at
/// most this many bytes.
pub const MAX_SENTENCE_BYTES: usize = 3_000;

/// Where to cut the over-long sentence `s` (trimmed, longer than
/// [`MAX_SENTENCE_BYTES`]): the end of its first piece, in bytes from the
/// start of `s`. The cut falls after the last clause mark (`;`, `:`, `,`,
/// a dash) followed by a space in the second half of the window, else at
/// the window's last whitespace, else (one huge word) at the window's last
/// character boundary. Always in `1..=MAX_SENTENCE_BYTES` and on a character
/// boundary.
pub(super) fn first_piece_end(s: &str) -> usize {
    let mut end = MAX_SENTENCE_BYTES.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let window = &s[..end];
    let mut half = end / 2;
    while !s.is_char_boundary(half) {
        half -= 1;
    }
    let clause = window[half..]
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | ':' | ',' | '\u{2014}' | '\u{2013}')
                && window[half + i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, c)| half + i + c.len_utf8());
    if let Some(at) = clause {
        return at;
    }
    match window.char_indices().rev().find(|&(i, c)| i > 0 && c.is_whitespace()) {
        Some((i, _)) => i,
        None if end > 0 => end,
        // A first character wider than the window cannot happen (4 bytes at
        // most); keep progress regardless.
        None => s.chars().next().map_or(s.len(), char::len_utf8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_a_clause_mark_in_the_second_half() {
        let s = format!("{}, {}", "word ".repeat(400).trim_end(), "more ".repeat(400));
        let at = first_piece_end(&s);
        assert_eq!(&s[at - 1..at], ",");
        assert!(at <= MAX_SENTENCE_BYTES);
    }

    #[test]
    fn falls_back_to_whitespace_then_to_a_char_boundary() {
        let s = "word ".repeat(1_000);
        let at = first_piece_end(&s);
        assert!(at <= MAX_SENTENCE_BYTES && at > MAX_SENTENCE_BYTES - 6);
        assert!(s[at..].starts_with(' '));
        let s = "é".repeat(2_000);
        let at = first_piece_end(&s);
        assert!(s.is_char_boundary(at) && (MAX_SENTENCE_BYTES - 1..=MAX_SENTENCE_BYTES).contains(&at));
    }
}
