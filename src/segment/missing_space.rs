//! A full stop with no space after it: `world.Today` ends a sentence, while
//! `jane.doe@example.org`, `www.example.com`, `U.S.Army` and URLs do not.
//!
//! Golden Rules: gr22 (email), gr23 (URL), gr52 (no space between
//! sentences).

/// Decides `word.Next` with no space after the stop at `i`: a boundary when a
/// lower-case letter or digit precedes, a capitalised word follows, and the
/// token is not an email address, URL or domain.
#[inline]
pub(super) fn missing_space_boundary(b: &[u8], i: usize) -> bool {
    if i == 0 || i + 2 >= b.len() {
        return false;
    }
    let prev = b[i - 1];
    if !(prev.is_ascii_lowercase() || prev.is_ascii_digit()) {
        return false;
    }
    if !(b[i + 1].is_ascii_uppercase() && b[i + 2].is_ascii_lowercase()) {
        return false;
    }
    let mut s = i;
    while s > 0 && i - s < 64 && !b[s - 1].is_ascii_whitespace() {
        s -= 1;
        if matches!(b[s], b'@' | b'/' | b'.' | b':') {
            return false;
        }
    }
    if s < i && (b[s..i].eq_ignore_ascii_case(b"www")) {
        return false;
    }
    let mut e = i + 1;
    while e < b.len() && e - i < 64 && !b[e].is_ascii_whitespace() {
        if matches!(b[e], b'@' | b'/') {
            return false;
        }
        e += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn urls_and_emails() {
        check("Details are at www.example.com for now.", &["Details are at www.example.com for now."]);
        check(
            "Write to jane.doe@example.org. She replies fast.",
            &["Write to jane.doe@example.org.", "She replies fast."],
        );
        check("See https://example.com/a.b/Index.Html today.", &["See https://example.com/a.b/Index.Html today."]);
        check("Contact Jane.Doe@example.org today.", &["Contact Jane.Doe@example.org today."]);
    }

    #[test]
    fn missing_space() {
        check("Markets fell.Traders were nervous.", &["Markets fell.", "Traders were nervous."]);
        check("The U.S.Army base.", &["The U.S.Army base."]);
    }
}
