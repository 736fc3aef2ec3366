//! List items and bullets: markers such as `1.`, `1.)`, `1)`, `a.`, `a)`
//! opening a sentence, the next marker of the same list in the middle of a
//! line, bullets (`•`, `‣`, `⁃`, `◦`, `▪`) and the lines that start an item
//! (`-`, `*`, `+`, `|` table rows).
//!
//! Golden Rules: gr31–gr39.

use super::context::starts_lower;
use super::scanner::{skip_ws, Splitter};

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
struct Marker {
    style: ListStyle,
    value: u32,
    end: usize,
}

impl Splitter<'_> {
    /// Skips a bullet and a list marker opening the sentence at `p`, and
    /// remembers the marker, so that its own full stop is not taken as a
    /// boundary and the list's next item can be found mid-line (gr31–gr39).
    /// Returns where scanning resumes.
    #[inline]
    pub(super) fn skip_item_marker(&mut self, mut p: usize) -> usize {
        if let Some(after) = bullet_at(self.b, p) {
            p = skip_ws(self.b, after).0;
            // The bullet's text starts a new sentence, so resume after it.
            if let Some(m) = marker_at(self.b, p) {
                self.list = Some((m.style, m.value));
                return m.end;
            }
            return p;
        }
        if let Some(m) = marker_at(self.b, p) {
            self.list = Some((m.style, m.value));
            return m.end;
        }
        // A sentence that is not a list item ends the list, so that a later
        // `round 2. The` is not mistaken for its next item.
        self.list = None;
        p
    }

    /// Handles a `)` at `i`, which matters only as the end of a list marker
    /// such as `2)` in the middle of a line (gr31–gr34).
    #[inline]
    pub(super) fn on_paren(&mut self, i: usize) -> usize {
        if let Some(start) = self.mid_list_marker(i) {
            return self.cut_and_start(start);
        }
        i + 1
    }

    /// Returns the start of a list marker ending at `i` (the `.` or `)` of
    /// `2.`, `2.)`, `2)`, `b.`), when it continues the current list and sits
    /// in the middle of a sentence (gr31–gr39).
    #[inline]
    pub(super) fn mid_list_marker(&self, i: usize) -> Option<usize> {
        let (style, value) = self.list?;
        let b = self.b;
        // Find the start of the token before the `.` or `)`.
        let mut s = i;
        if b[i] == b')' && s > 0 && b[s - 1] == b'.' {
            s -= 1;
        }
        let tok_end = s;
        while s > 0 && b[s - 1].is_ascii_alphanumeric() && tok_end - s < 4 {
            s -= 1;
        }
        if s == tok_end || s <= self.seg_start || !b[s - 1].is_ascii_whitespace() {
            return None;
        }
        let m = marker_at(b, s)?;
        if m.style != style || m.value != value + 1 || m.end <= i {
            return None;
        }
        // The item text must not start in lower case, which filters out
        // ordinary words such as `a.m.` and sums such as `2) and`.
        let (p, _, _) = skip_ws(b, m.end);
        if p >= b.len() || starts_lower(self.text, p).0 {
            return None;
        }
        Some(s)
    }
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
fn marker_at(b: &[u8], p: usize) -> Option<Marker> {
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
