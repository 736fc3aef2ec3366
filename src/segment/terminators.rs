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
