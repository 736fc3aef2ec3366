//! Ellipses: `…`, three or four dots, spaced `. . .` and `. . . .`, and the
//! bracketed omission `[...]`.
//!
//! This file recognises the ellipsis forms; the scanner decides runs of
//! unspaced dots and `…` with `?` and `!`, and the spaced ones by their
//! count and what follows. Golden Rules: gr46–gr51.

#[inline]
pub(super) fn is_ellipsis(b: &[u8], i: usize) -> bool {
    i + 2 < b.len() && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xA6
}

/// Counts a spaced ellipsis `. . .` from the dot at `i` as a chain of dots
/// separated by single spaces; returns the last dot and the number of dots.
#[inline]
pub(super) fn spaced_dots(b: &[u8], i: usize) -> (usize, usize) {
    let mut j = i;
    let mut k = 1;
    while j + 2 < b.len() && b[j + 1] == b' ' && b[j + 2] == b'.' {
        j += 2;
        k += 1;
    }
    (j, k)
}

/// Whether the run of terminal punctuation `b[i..j]` holding `dots` dots is
/// a bracketed omission `[...]`, `(…)`, which is never a boundary (gr47).
#[inline]
pub(super) fn bracketed_omission(b: &[u8], i: usize, j: usize, dots: usize) -> bool {
    dots >= 2 && i > 0 && matches!(b[i - 1], b'[' | b'(') && j < b.len() && matches!(b[j], b']' | b')')
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn a_stretch_without_words_is_no_sentence() {
        check("It happened. \u{2026} Everybody thought so.", &["It happened. \u{2026}", "Everybody thought so."]);
        check("? Apple unveiled a new laptop.", &["? Apple unveiled a new laptop."]);
    }

    #[test]
    fn ellipses() {
        check("He paused... then went on.", &["He paused... then went on."]);
        check("The talks stalled\u{2026} Nobody moved.", &["The talks stalled\u{2026}", "Nobody moved."]);
        check("She said it was \u{2026} complicated.", &["She said it was \u{2026} complicated."]);
        check("It ended there...", &["It ended there..."]);
        check("It ended there\u{2026}", &["It ended there\u{2026}"]);
        check(
            "The report [\u{2026}] was leaked (\u{2026}) to us [...] Officials said.",
            &["The report [\u{2026}] was leaked (\u{2026}) to us [...] Officials said."],
        );
        check(
            "The memo read \u{201c}we regret [...]\u{201d} (page 4). Staff left.",
            &["The memo read \u{201c}we regret [...]\u{201d} (page 4).", "Staff left."],
        );
    }
}
