//! The full stop, question mark and exclamation mark: the extent of a run
//! of terminal punctuation (`?!`, `..`, `…`). The scanner's handlers decide
//! a `.` (an ellipsis, a run, or a lone stop decided by the word before it,
//! [`super::abbreviations`], and with no space after it by
//! [`super::missing_space`]).

use super::ellipsis::is_ellipsis;

/// Returns the end of the run of terminal punctuation starting at `i` and
/// the number of dots in it, counting `…` as three.
pub(super) fn terminal_run_end(b: &[u8], i: usize) -> (usize, usize) {
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

/// Length of the full-width sentence end at `i` (3), or 0: the ideographic
/// full stop `。` and the full-width `！` and `？` of Chinese and Japanese
/// prose, which need no space after them.
#[inline]
pub(super) fn wide_stop_len(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F]) => 3,
        _ => 0,
    }
}

/// Length of the full-width closing quote or bracket at `i` (3), or 0:
/// `」`, `』`, `】` and `）`, which stay with the sentence they close.
#[inline]
pub(super) fn wide_closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE3, 0x80, 0x8D | 0x8F | 0x91] | [0xEF, 0xBC, 0x89]) => 3,
        _ => 0,
    }
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
    fn full_width_stops_end_sentences_without_a_space() {
        check(
            "\u{6e2f}\u{53e3}\u{7f62}\u{5de5}\u{3002}\u{5de5}\u{4f1a}\u{8868}\u{793a}\u{ff01}\u{4f55}\u{65f6}\u{ff1f}",
            &[
                "\u{6e2f}\u{53e3}\u{7f62}\u{5de5}\u{3002}",
                "\u{5de5}\u{4f1a}\u{8868}\u{793a}\u{ff01}",
                "\u{4f55}\u{65f6}\u{ff1f}",
            ],
        );
        // Closing brackets and quotes stay with the sentence; a run of stops
        // is one end.
        check(
            "\u{300c}\u{597d}\u{3002}\u{300d}\u{4ed6}\u{8bf4}\u{ff01}\u{ff1f}\u{ff08}\u{5b8c}\u{3002}\u{ff09} Next.",
            &[
                "\u{300c}\u{597d}\u{3002}\u{300d}",
                "\u{4ed6}\u{8bf4}\u{ff01}\u{ff1f}",
                "\u{ff08}\u{5b8c}\u{3002}\u{ff09}",
                "Next.",
            ],
        );
        // Other characters led by the same bytes are no stop: kana, a
        // full-width comma, the ideographic space.
        check("\u{3053}\u{308c}\u{ff0c}\u{3042}\u{3000}\u{308c}", &["\u{3053}\u{308c}\u{ff0c}\u{3042} \u{308c}"]);
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
