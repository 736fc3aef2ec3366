//! Ellipses: `…`, three or four dots, spaced `. . .` and `. . . .`, and the
//! bracketed omission `[...]`.
//!
//! Runs of unspaced dots and `…` are decided with `?` and `!` in
//! [`super::terminators`]; this file recognises the ellipsis forms and
//! decides the spaced ones. Golden Rules: gr46–gr51.

use super::quotes::skip_closers;
use super::scanner::Splitter;

impl Splitter<'_> {
    /// Handles a chain of `k >= 3` dots separated by single spaces, from the
    /// dot at `i` to the dot at `j`: three spaced dots mark an omission inside
    /// a sentence (gr46, gr50, gr51), and four before a sentence opener end
    /// the sentence (gr48).
    #[inline]
    pub(super) fn on_spaced_ellipsis(&mut self, i: usize, j: usize, k: usize) -> usize {
        let b = self.b;
        let attached = i > 0 && !b[i - 1].is_ascii_whitespace();
        let e = skip_closers(b, j + 1);
        let ctx = self.next_context(e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end || !ctx.ws_after {
            return e;
        }
        let starts_sentence = !ctx.lower || ctx.opening;
        if attached && k == 4 && starts_sentence {
            // `word. . . . Next`: a full stop followed by an ellipsis that
            // opens the next sentence (MLA style).
            self.cut(i + 1);
            return e;
        }
        if k >= 4 && starts_sentence {
            // `word . . . . Next`: an ellipsis and then the full stop.
            return self.cut_and_start(e);
        }
        // Three spaced dots mark an omission inside a sentence.
        e
    }
}

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
