//! Line breaks: where a line ends in terminal punctuation, for the
//! scanner's newline handler, which applies the rules: a blank line always
//! ends a sentence; a lone newline ends one before or after a bullet, table
//! row or list item, and after a line with no terminal punctuation (a
//! headline or an unpunctuated list line), unless the next line starts in
//! lower case and the paragraph still has punctuation to come (a soft
//! wrap).
//!
//! Golden Rules: gr40, gr41 (soft wraps), gr42 (an unpunctuated list).

/// Last non-whitespace byte position in `[from, to)`, treating only ASCII
/// whitespace (enough to find the line's final punctuation).
pub(super) fn last_non_ws(b: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut k = to;
    while k > from {
        k -= 1;
        if !b[k].is_ascii_whitespace() {
            return Some(k);
        }
    }
    None
}

/// Whether `b[from..end]` ends with terminal punctuation, possibly followed
/// by closing quotes or brackets.
pub(super) fn ends_with_terminal(b: &[u8], from: usize, end: usize) -> bool {
    let mut k = end;
    while k > from {
        let c = b[k - 1];
        match c {
            b'.' | b'?' | b'!' => return true,
            b'"' | b'\'' | b')' | b']' => k -= 1,
            // The last byte of `…` (A6), `”` (9D) or `’` (99).
            0xA6 if k >= from + 3 && b[k - 3] == 0xE2 && b[k - 2] == 0x80 => return true,
            0x9D | 0x99 if k >= from + 3 && b[k - 3] == 0xE2 && b[k - 2] == 0x80 => k -= 3,
            0xBB if k >= from + 2 && b[k - 2] == 0xC2 => k -= 2,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn headlines_and_paragraphs() {
        check(
            "Storm hits coast\n\nWinds reached 150 km/h overnight.",
            &["Storm hits coast", "Winds reached 150 km/h overnight."],
        );
        check(
            "Storm hits coast\nWinds reached 150 km/h overnight.",
            &["Storm hits coast", "Winds reached 150 km/h overnight."],
        );
        check("one line paragraph\n\nanother one\n\nA third.", &["one line paragraph", "another one", "A third."]);
        check("The minister met with\nlocal leaders on Monday.", &["The minister met with local leaders on Monday."]);
        check("He thanked Mr.\n\nThe next paragraph.", &["He thanked Mr.", "The next paragraph."]);
        check("Windows line endings.\r\n\r\nSecond paragraph.", &["Windows line endings.", "Second paragraph."]);
        check("The bill passed,\nSenators said.", &["The bill passed, Senators said."]);
    }

    #[test]
    fn soft_wraps_and_unpunctuated_lists() {
        check(
            "This line was cut\nin the middle by a PDF export.",
            &["This line was cut in the middle by a PDF export."],
        );
        check("sports\nweather\nlocal news\n", &["sports", "weather", "local news"]);
        // A line ending on a full-width stop or its closing bracket ends there.
        check(
            "\u{7f62}\u{5de5}\u{3002}\n\u{5de5}\u{4f1a}\u{ff08}\u{8bf4}\u{3002}\u{ff09}\nheld a vote.",
            &["\u{7f62}\u{5de5}\u{3002}", "\u{5de5}\u{4f1a}\u{ff08}\u{8bf4}\u{3002}\u{ff09}", "held a vote."],
        );
    }
}
