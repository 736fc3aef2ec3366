//! What follows a candidate terminator: the facts every boundary rule reads
//! (end of text, paragraph break, the case of the next word, an opening
//! quote, a digit, a typical sentence opener).
//!
//! Two rules live here because they change those facts rather than decide a
//! boundary: a stray quote before the end of a paragraph closes the current
//! sentence, and clause punctuation (`&`, `,`, `)`) after a terminator reads
//! as a lower-case continuation.

use super::bytes::{skip_openers, skip_ws};

/// What follows a candidate terminator, after any whitespace.
#[derive(Debug, Clone, Copy)]
pub(super) struct NextCtx {
    /// Only whitespace follows.
    pub(super) at_end: bool,
    /// At least one whitespace character follows directly.
    pub(super) ws_after: bool,
    /// The whitespace contains a blank line.
    pub(super) paragraph: bool,
    /// The next word starts with a lower-case letter (and is not `iPhone`).
    pub(super) lower: bool,
    /// The next word is preceded by an opening quote or bracket.
    pub(super) opening: bool,
    /// The next word starts with a digit.
    pub(super) digit: bool,
    /// The next word typically opens a sentence (`The`, `He`, `It`, ...).
    pub(super) starter: bool,
}

/// Looks at what follows a terminator that ends at `e`. A lower-case
/// next word keeps the sentence going after a quote closed by a stop
/// (gr24, gr25) and after `Yahoo!` (gr44).
#[inline]
pub(super) fn next_context(text: &str, e: usize) -> NextCtx {
    let b = text.as_bytes();
    let (p, newlines, _) = skip_ws(b, e);
    let mut ctx = NextCtx {
        at_end: p >= b.len(),
        ws_after: p > e,
        paragraph: newlines >= 2,
        lower: false,
        opening: false,
        digit: false,
        starter: false,
    };
    if ctx.at_end {
        return ctx;
    }
    let w = skip_openers(b, p);
    ctx.opening = w > p;
    if ctx.opening && (w >= b.len() || b[w].is_ascii_whitespace()) {
        // A stray quote mark followed by the end of the paragraph closes
        // the current sentence rather than opening a new one.
        let (q, nl, _) = skip_ws(b, w);
        if q >= b.len() || nl >= 2 {
            ctx.at_end = true;
            return ctx;
        }
    }
    if w >= b.len() {
        return ctx;
    }
    // A dash after the stop, on the same line, carries the clause on: a
    // newspaper's dateline ("LA CROSSE, Wisc. \u{2014} Gov. Mike Pence said
    // ...") or an aside. (At the start of a line it marks a list item.)
    let dash =
        newlines == 0 && (b[w..].starts_with("\u{2014}".as_bytes()) || b[w..].starts_with("\u{2013}".as_bytes()));
    if dash || matches!(b[w], b'&' | b',' | b';' | b':' | b'%' | b')' | b']' | b'}') {
        // Punctuation that can only continue a clause (`"Thank You!" &
        // "Re: Details"`, `[ ... ]`) behaves like a lower-case
        // continuation.
        ctx.lower = true;
        return ctx;
    }
    let (lower, digit) = starts_lower(text, w);
    ctx.lower = lower;
    ctx.digit = digit;
    ctx.starter = is_sentence_starter(b, w);
    ctx
}

/// Whether the word at `w` starts in lower case, and whether it starts with a
/// digit. A word like `iPhone` or `eBay` counts as capitalised.
#[inline]
pub(super) fn starts_lower(text: &str, w: usize) -> (bool, bool) {
    let b = text.as_bytes();
    let c = b[w];
    if c.is_ascii_digit() {
        return (false, true);
    }
    if c.is_ascii_lowercase() {
        let brand = w + 1 < b.len() && b[w + 1].is_ascii_uppercase();
        return (!brand, false);
    }
    if c < 0x80 {
        return (false, false);
    }
    let ch = text.get(w..).and_then(|s| s.chars().next());
    (ch.is_some_and(char::is_lowercase), false)
}

/// Whether the word at `w` is one that commonly opens a sentence. Used to
/// decide boundaries after abbreviations and initials, where the next word
/// being capitalised is not enough (`U.S. Government` versus `U.S. How`).
#[inline]
pub(super) fn is_sentence_starter(b: &[u8], w: usize) -> bool {
    let mut e = w;
    while e < b.len() && b[e].is_ascii_alphabetic() && e - w < 12 {
        e += 1;
    }
    // A following full stop means another initial or abbreviation (`A. A.
    // Milne`), and an apostrophe a contraction or possessive that is still a
    // plausible opener.
    if e < b.len() && (b[e] == b'.' || b[e].is_ascii_alphanumeric()) {
        return false;
    }
    matches!(
        &b[w..e],
        b"A" | b"After"
            | b"Also"
            | b"An"
            | b"And"
            | b"As"
            | b"At"
            | b"But"
            | b"Did"
            | b"During"
            | b"For"
            | b"He"
            | b"Her"
            | b"His"
            | b"How"
            | b"However"
            | b"I"
            | b"If"
            | b"In"
            | b"It"
            | b"Its"
            | b"Meanwhile"
            | b"More"
            | b"My"
            | b"No"
            | b"Not"
            | b"On"
            | b"Our"
            | b"She"
            | b"So"
            | b"That"
            | b"The"
            | b"Their"
            | b"Then"
            | b"There"
            | b"These"
            | b"They"
            | b"This"
            | b"Those"
            | b"We"
            | b"What"
            | b"When"
            | b"Where"
            | b"While"
            | b"Who"
            | b"Why"
            | b"Yet"
            | b"You"
    )
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn a_dash_after_the_stop_carries_the_clause_on() {
        check(
            "LA CROSSE, Wisc. \u{2014} Gov. Mike Pence on Thursday blamed the media. He spoke at a town hall.",
            &["LA CROSSE, Wisc. \u{2014} Gov. Mike Pence on Thursday blamed the media.", "He spoke at a town hall."],
        );
        // At the start of a line, a dash marks a list item.
        check(
            "Here are his plans.\n\u{2014} Cut regulations.\n\u{2014} Lower the corporate tax.",
            &["Here are his plans.", "\u{2014} Cut regulations.", "\u{2014} Lower the corporate tax."],
        );
    }
}
