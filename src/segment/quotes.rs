//! Quotes and brackets around a terminator: closing quotes and brackets
//! that belong to the sentence ending before them, opening ones that belong
//! to the next, and a quoted question or exclamation followed by its
//! attribution.
//!
//! Golden Rules: gr21 (a parenthetical closing after its stop), gr24–gr26
//! (a quote closing after the stop, then `she said` or a new sentence).

use super::bytes::skip_ws;
use super::context::NextCtx;

/// Whether the run of terminal punctuation `b[i..j]`, followed by closing
/// quotes up to `e`, is a quoted question or exclamation followed by its
/// attribution, which keeps them one sentence: `“Who signed off?” Ms Quill
/// asked.` Not a Golden Rules case; news quotes it often.
#[inline]
pub(super) fn attributed_quote(b: &[u8], i: usize, j: usize, e: usize, ctx: &NextCtx) -> bool {
    let quoted = e > j && b[i..j].iter().any(|&c| c == b'?' || c == b'!');
    quoted && !ctx.opening && attribution_follows(b, skip_ws(b, e).0)
}

/// The end of a closing quote that tokenised copy set apart from the stop
/// before it by spaces (`... Program. ”`, `... the #Oscars! " DeGeneres
/// tweeted`), or `e` when there is none. A curly closing mark followed by a
/// space can open nothing; a straight one closes only a quotation left open
/// in the sentence so far (`b[start..e]` holds an odd number of them).
#[inline]
pub(super) fn spaced_closer(b: &[u8], start: usize, e: usize) -> usize {
    let mut p = e;
    while p < b.len() && matches!(b[p], b' ' | b'\t') {
        p += 1;
    }
    if p == e || p >= b.len() {
        return e;
    }
    let after = if b[p] == b'"' {
        p + 1
    } else if b[p..].starts_with("\u{201d}".as_bytes()) {
        p + 3
    } else {
        return e;
    };
    let alone = after == b.len() || b[after].is_ascii_whitespace();
    let closes = b[p] != b'"' || b[start.min(e)..e].iter().filter(|&&c| c == b'"').count() % 2 == 1;
    if alone && closes {
        after
    } else {
        e
    }
}

/// Whether the words at `p` are a short attribution that ends its clause:
/// up to three words (a name, a title, a pronoun) then a speech verb, then a
/// full stop or a comma (`Ms Quill asked.`, `he shouted,`).
fn attribution_follows(b: &[u8], mut p: usize) -> bool {
    const VERBS: &[&[u8]] = &[
        b"added",
        b"asked",
        b"cried",
        b"demanded",
        b"asks",
        b"insisted",
        b"replied",
        b"said",
        b"says",
        b"shouted",
        b"told",
        b"tweeted",
        b"wondered",
        b"wrote",
        b"yelled",
    ];
    for n in 0..5 {
        let start = p;
        while p < b.len() && (b[p].is_ascii_alphabetic() || b[p] == b'\'' || b[p] == b'-' || b[p] == b'.') {
            p += 1;
        }
        if p == start {
            return false;
        }
        let word = b[start..p].strip_suffix(b".").unwrap_or(&b[start..p]);
        let lower: Vec<u8> = word.to_ascii_lowercase();
        if n > 0 && VERBS.contains(&lower.as_slice()) {
            // The verb must close the clause: `asked.` / `said,` / `told reporters.`
            let rest = &b[p - usize::from(b[p - 1] == b'.')..];
            return rest.first().is_some_and(|c| matches!(c, b'.' | b',' | b' '))
                && rest.iter().take(40).any(|c| matches!(c, b'.' | b','));
        }
        if p >= b.len() || b[p] != b' ' {
            return false;
        }
        p += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn quotes_close_after_the_stop() {
        check("She said, \"It is over.\" Then she left.", &["She said, \"It is over.\"", "Then she left."]);
        check(
            "She said, \u{201c}It is over.\u{201d} Then she left.",
            &["She said, \u{201c}It is over.\u{201d}", "Then she left."],
        );
        check(
            "He called it \u{2018}a farce.\u{2019} Critics agreed.",
            &["He called it \u{2018}a farce.\u{2019}", "Critics agreed."],
        );
        check(
            "\u{201c}We will act. We have no choice,\u{201d} he said.",
            &["\u{201c}We will act.", "We have no choice,\u{201d} he said."],
        );
        check("\u{201c}It is done.\u{201d} he said.", &["\u{201c}It is done.\u{201d} he said."]);
        check("\u{201c}Is it safe?\u{201d} asked one voter.", &["\u{201c}Is it safe?\u{201d} asked one voter."]);
    }

    #[test]
    fn a_closing_quote_set_apart_by_a_space_closes() {
        // Tokenised copy puts a space before the closing mark.
        check(
            "It was nominated for \u{201c} Best Film. \u{201d} In typical fashion, she joked.",
            &["It was nominated for \u{201c} Best Film. \u{201d}", "In typical fashion, she joked."],
        );
        check(
            "\"It's official: I'm hosting! \" Ellen Strand tweeted Friday. \"I'd like to thank my wife.",
            &["\"It's official: I'm hosting! \" Ellen Strand tweeted Friday.", "\"I'd like to thank my wife."],
        );
        // A straight mark with no quotation open before it opens one.
        check(
            "The talks failed. \" We will strike, \" he said.",
            &["The talks failed.", "\" We will strike, \" he said."],
        );
    }

    #[test]
    fn quoted_question_with_its_attribution() {
        check(
            "\u{201c}Who signed off on that crane?\u{201d} Ms Quill asked.",
            &["\u{201c}Who signed off on that crane?\u{201d} Ms Quill asked."],
        );
        check("\"Why now?\" he asked, looking at the crowd.", &["\"Why now?\" he asked, looking at the crowd."]);
        check("\u{201c}Stop!\u{201d} Officer Ray Dunn shouted.", &["\u{201c}Stop!\u{201d} Officer Ray Dunn shouted."]);
        // Not an attribution: a new sentence.
        check(
            "\u{201c}Why now?\u{201d} The answer came later.",
            &["\u{201c}Why now?\u{201d}", "The answer came later."],
        );
        check("\u{201c}It is over.\u{201d} She said no more.", &["\u{201c}It is over.\u{201d}", "She said no more."]);
    }

    #[test]
    fn lower_case_start_after_quote() {
        check(
            "Prices rose again. \u{201c}inflation is back,\u{201d} one trader said.",
            &["Prices rose again.", "\u{201c}inflation is back,\u{201d} one trader said."],
        );
        check("The firm cut jobs. iPhone sales fell.", &["The firm cut jobs.", "iPhone sales fell."]);
    }

    #[test]
    fn stray_quotes_and_symbols() {
        check("\"It is over,\" he said. \"", &["\"It is over,\" he said. \""]);
        check("He said no. \"\n\nNext paragraph.", &["He said no. \"", "Next paragraph."]);
        check(
            "Subjects such as \"Thank You!\" & \"Details\" were used.",
            &["Subjects such as \"Thank You!\" & \"Details\" were used."],
        );
        check("The exit is off Hwy. 7 north.", &["The exit is off Hwy. 7 north."]);
    }

    #[test]
    fn parentheses() {
        check(
            "The deal collapsed. (Both sides blamed each other.) Talks resume Monday.",
            &["The deal collapsed.", "(Both sides blamed each other.)", "Talks resume Monday."],
        );
        check("The plan (first floated in May.) was dropped.", &["The plan (first floated in May.) was dropped."]);
        check("The fine was paid (in full.) Nobody objected.", &["The fine was paid (in full.)", "Nobody objected."]);
    }
}
