//! Text read a byte at a time: whitespace and control characters, the
//! checks every stage makes on every line, without decoding ASCII.
//!
//! Each function answers exactly as its `char` counterpart
//! ([`char::is_whitespace`], [`char::is_control`]) would.

/// Collapses every whitespace run (newlines included) to one space, and
/// trims both ends: the words of `s.split_whitespace()` joined by spaces,
/// read a byte at a time (only non-ASCII characters are decoded).
pub fn collapse_ws(s: &str) -> String {
    // Most sentences are already collapsed: ASCII words single-spaced.
    if is_collapsed_ascii(s.as_bytes()) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut word: Option<usize> = None;
    let mut k = 0;
    while k < s.len() {
        let (space, width) = space_at(s, k);
        match (space, word) {
            (false, None) => word = Some(k),
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..k]);
                word = None;
            }
            _ => {}
        }
        k += width;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Whether `b` is non-empty ASCII with no control characters, whose only
/// whitespace is single spaces between words.
fn is_collapsed_ascii(b: &[u8]) -> bool {
    // Branch-free passes, so that they run a vector at a time.
    let odd = b.iter().fold(false, |seen, &c| seen | !(0x20..0x80).contains(&c));
    let doubled = b.windows(2).fold(false, |seen, w| seen | ((w[0] == b' ') & (w[1] == b' ')));
    !odd && !doubled && b.first().is_some_and(|&c| c != b' ') && b.last().is_some_and(|&c| c != b' ')
}

/// Whether `s` has at most `n` words (as `split_whitespace` counts them);
/// stops counting at `n + 1`.
pub(crate) fn at_most_words(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let (mut words, mut in_word, mut k) = (0, false, 0);
    while k < b.len() {
        let (space, width) = if b[k] < 0x80 { (is_ascii_space(b[k]), 1) } else { space_at(s, k) };
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        k += width;
    }
    true
}

/// An ASCII byte that [`char::is_whitespace`] calls whitespace (vertical tab
/// included, unlike [`u8::is_ascii_whitespace`]).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether the character at byte `k` of `s` (a character boundary) is
/// whitespace as [`char::is_whitespace`] has it, and its width in bytes.
#[inline]
pub(crate) fn space_at(s: &str, k: usize) -> (bool, usize) {
    let b = s.as_bytes()[k];
    if b < 0x80 {
        return (is_ascii_space(b), 1);
    }
    let c = s[k..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

/// Whether `s` holds a control character other than newline and tab: C0,
/// DEL or C1 (U+0080-U+009F, the bytes `C2 80`-`C2 9F`).
pub(crate) fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    // A quick pass that most lines fail: no byte that could open one.
    if !b.iter().fold(false, |seen, &c| seen | (c < 0x20) | (c == 0x7f) | (c == 0xc2)) {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && c != b'\n' && c != b'\t')
            || c == 0x7f
            || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Whether `s` holds a no-break space (U+00A0) or a narrow one (U+202F),
/// read as bytes: most lines hold neither byte that opens one.
pub(crate) fn has_nbsp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(0xc2, 0xe2, &b[from..]) {
        let at = &b[from + k..];
        if at.starts_with(&[0xc2, 0xa0]) || at.starts_with(&[0xe2, 0x80, 0xaf]) {
            return true;
        }
        from += k + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn collapse_ws_joins_the_words(s in "(\\PC|[ \t\n\r\x0b\x0c\u{85}\u{a0}\u{2028}\u{3000}\u{1}\u{7f}\u{80}\u{9f}]){0,40}") {
            prop_assert_eq!(collapse_ws(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        #[test]
        fn at_most_words_counts_as_split_whitespace(s in "(\\PC|[ \t\n\x0b\u{85}\u{a0}\u{3000}]){0,30}", n in 0usize..8) {
            prop_assert_eq!(at_most_words(&s, n), s.split_whitespace().count() <= n);
        }

        #[test]
        fn has_control_is_char_is_control(s in "(\\PC|[ \t\n\r\x0b\u{1}\u{7f}\u{80}\u{9f}\u{a0}\u{c2}])*") {
            prop_assert_eq!(has_control(&s), s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }

        #[test]
        fn has_nbsp_is_contains(s in "(\\PC|[ \u{a0}\u{202f}\u{2020}\u{c2}\u{e2}])*") {
            prop_assert_eq!(has_nbsp(&s), s.contains(['\u{a0}', '\u{202f}']));
        }

        #[test]
        fn space_at_is_char_is_whitespace(s in "(\\PC|[ \t\n\r\x0b\x0c\u{85}\u{a0}\u{1680}\u{2028}])*") {
            for (k, c) in s.char_indices() {
                prop_assert_eq!(space_at(&s, k), (c.is_whitespace(), c.len_utf8()));
            }
        }
    }
}
