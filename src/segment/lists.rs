//! List items and bullets: markers such as `1.`, `1.)`, `1)`, `a.`, `a)`
//! opening a sentence, the next marker of the same list in the middle of a
//! line, bullets (`•`, `‣`, `⁃`, `◦`, `▪`) and the lines that start an item
//! (`-`, `*`, `+`, `|` table rows).
//!
//! Golden Rules: gr31–gr39.

/// How a numbered or lettered list item marks itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListStyle {
    /// `1.`
    NumDot,
    /// `1.)`
    NumDotParen,
    /// `1)`
    NumParen,
    /// `a.`
    AlphaDot,
    /// `a)`
    AlphaParen,
}

/// A recognised list marker: its style, its ordinal value and the byte just
/// after it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) style: ListStyle,
    pub(super) value: u32,
    pub(super) end: usize,
}

/// If a bullet character sits at `i`, returns the byte after it.
pub(super) fn bullet_at(b: &[u8], i: usize) -> Option<usize> {
    if i + 2 >= b.len() || b[i] != 0xE2 {
        return None;
    }
    match (b[i + 1], b[i + 2]) {
        // • ‣ ⁃ ▪ ◦
        (0x80, 0xA2) | (0x80, 0xA3) | (0x81, 0x83) | (0x96, 0xAA) | (0x97, 0xA6) => Some(i + 3),
        _ => None,
    }
}

/// Whether the line whose first non-blank byte is at `p` is a bullet, a table
/// row, a dash or star bullet, or a list item.
pub(super) fn starts_item_line(b: &[u8], p: usize) -> bool {
    if p >= b.len() {
        return false;
    }
    if b[p] == b'|' || bullet_at(b, p).is_some() {
        return true;
    }
    if matches!(b[p], b'-' | b'*' | b'+') && p + 1 < b.len() && b[p + 1] == b' ' {
        return true;
    }
    marker_at(b, p).is_some()
}

/// Recognises a list marker at `p`: one to three digits or one lower-case
/// letter, then `.`, `.)` or `)`, then whitespace.
pub(super) fn marker_at(b: &[u8], p: usize) -> Option<Marker> {
    let mut q = p;
    let mut value: u32 = 0;
    while q < b.len() && b[q].is_ascii_digit() && q - p < 3 {
        value = value * 10 + u32::from(b[q] - b'0');
        q += 1;
    }
    let numeric = q > p;
    if !numeric {
        if q < b.len() && b[q].is_ascii_lowercase() {
            value = u32::from(b[q] - b'a') + 1;
            q += 1;
        } else {
            return None;
        }
    }
    if q >= b.len() {
        return None;
    }
    let style;
    if b[q] == b'.' && q + 1 < b.len() && b[q + 1] == b')' {
        if !numeric {
            return None;
        }
        style = ListStyle::NumDotParen;
        q += 2;
    } else if b[q] == b'.' {
        style = if numeric { ListStyle::NumDot } else { ListStyle::AlphaDot };
        q += 1;
    } else if b[q] == b')' {
        style = if numeric { ListStyle::NumParen } else { ListStyle::AlphaParen };
        q += 1;
    } else {
        return None;
    }
    if q < b.len() && b[q].is_ascii_whitespace() {
        Some(Marker { style, value, end: q })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn bullets_and_tables() {
        check(
            "Key points:\n\u{2022} Taxes rise\n\u{2022} spending falls\n",
            &["Key points:", "\u{2022} Taxes rise", "\u{2022} spending falls"],
        );
        check(
            "Results \u{2022} Team A won \u{2022} Team B lost",
            &["Results", "\u{2022} Team A won", "\u{2022} Team B lost"],
        );
        check("Scores:\n- first item\n- second item", &["Scores:", "- first item", "- second item"]);
        check(
            "| City | Votes |\n| Lagos | 120 |\nthe table ends here.",
            &["| City | Votes |", "| Lagos | 120 |", "the table ends here."],
        );
        check("Steps:\n1. Register online\n2. Vote early", &["Steps:", "1. Register online", "2. Vote early"]);
    }

    #[test]
    fn inline_lists() {
        check("1. Open the polls 2. Count the votes", &["1. Open the polls", "2. Count the votes"]);
        check("a) Raise taxes b) Cut spending", &["a) Raise taxes", "b) Cut spending"]);
        check(
            "1. Intro\n\nHe won in round 2. The crowd cheered.",
            &["1. Intro", "He won in round 2.", "The crowd cheered."],
        );
        check(
            "He finished in round 1. In round 2. The crowd cheered.",
            &["He finished in round 1.", "In round 2.", "The crowd cheered."],
        );
    }
}
