//! The full stop, question mark and exclamation mark: which rule decides a
//! `.` (an ellipsis, a run such as `?!`, or a lone stop after a word), and
//! the decision for runs of terminal punctuation.
//!
//! A lone stop is decided by the word before it
//! ([`super::abbreviations`]) and, with no space after it, by
//! [`super::missing_space`].

use super::abbreviations::{classify_word, WordClass};
use super::ellipsis::{bracketed_omission, is_ellipsis, spaced_dots};
use super::missing_space::missing_space_boundary;
use super::quotes::{attributed_quote, skip_closers};
use super::scanner::Splitter;

impl Splitter<'_> {
    /// Handles a `.` at `i`.
    #[inline]
    pub(super) fn on_period(&mut self, i: usize) -> usize {
        let b = self.b;
        // A mid-sentence list marker (`... item 2. Next item`) continuing a
        // list that opened an earlier sentence starts a new sentence.
        if let Some(start) = self.mid_list_marker(i) {
            return self.cut_and_start(start);
        }
        let (j, k) = spaced_dots(b, i);
        if k >= 3 {
            return self.on_spaced_ellipsis(i, j, k);
        }
        let next = i + 1;
        if next < b.len() && (b[next] == b'.' || b[next] == b'?' || b[next] == b'!') {
            return self.on_terminal_run(i);
        }
        if next < b.len() && b[next] == 0xE2 && is_ellipsis(b, next) {
            return self.on_terminal_run(i);
        }
        self.on_single_period(i)
    }

    /// Handles a run of terminal punctuation (`?`, `!`, several dots, `…`)
    /// starting at `i`: a boundary unless a lower-case word follows (gr02,
    /// gr03, gr27–gr30, gr44, gr49).
    #[inline]
    pub(super) fn on_terminal_run(&mut self, i: usize) -> usize {
        let b = self.b;
        let (j, dots) = terminal_run_end(b, i);
        if bracketed_omission(b, i, j, dots) {
            return j + 1;
        }
        let e = skip_closers(b, j);
        let ctx = self.next_context(e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end || !ctx.ws_after {
            return e;
        }
        if ctx.lower && !ctx.opening {
            return e;
        }
        if attributed_quote(b, i, j, e, &ctx) {
            return e;
        }
        self.cut_and_start(e)
    }

    /// Handles a lone `.` at `i`: abbreviations, initials, numbers and the
    /// missing-space case `word.Next` (gr01, gr04–gr20, gr43, gr45, gr52).
    fn on_single_period(&mut self, i: usize) -> usize {
        let b = self.b;
        let e = skip_closers(b, i + 1);
        let ctx = self.next_context(e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end {
            return e;
        }
        let class = classify_word(b, self.seg_start, i);
        if !ctx.ws_after {
            // `world.Today`: a missing space after a plain word (gr52).
            if e == i + 1 && class == WordClass::Plain && missing_space_boundary(b, i) {
                return self.cut_and_start(i + 1);
            }
            return e;
        }
        if class.ends_sentence_before(&ctx) {
            self.cut_and_start(e)
        } else {
            e
        }
    }
}

/// Returns the end of the run of terminal punctuation starting at `i` and
/// the number of dots in it, counting `…` as three.
fn terminal_run_end(b: &[u8], i: usize) -> (usize, usize) {
    let mut j = i;
    let mut dots = 0usize;
    loop {
        if j < b.len() && matches!(b[j], b'.' | b'?' | b'!') {
            if b[j] == b'.' {
                dots += 1;
            }
            j += 1;
        } else if j < b.len() && is_ellipsis(b, j) {
            dots += 3;
            j += 3;
        } else {
            break;
        }
    }
    (j, dots)
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn basic_terminators() {
        check("The vote passed. Lawmakers left.", &["The vote passed.", "Lawmakers left."]);
        check("Who knew? Nobody did.", &["Who knew?", "Nobody did."]);
        check("Stop it! The crowd roared.", &["Stop it!", "The crowd roared."]);
        check("Really?! The mayor said so.", &["Really?!", "The mayor said so."]);
        check("Why?? Nobody knows.", &["Why??", "Nobody knows."]);
        check("No punctuation at all", &["No punctuation at all"]);
        check("", &[]);
        check("   \n\n  ", &[]);
        check("  Padded sentence.  ", &["Padded sentence."]);
    }

    #[test]
    fn datelines_and_dashes() {
        check(
            "ISLAMABAD (Web Desk) \u{2013} The minister said talks would resume.",
            &["ISLAMABAD (Web Desk) \u{2013} The minister said talks would resume."],
        );
        check(
            "LAGOS \u{2014} Rain flooded roads. Schools closed.",
            &["LAGOS \u{2014} Rain flooded roads.", "Schools closed."],
        );
    }
}
