//! `quote_altered` and `speaker_changed`: the two sides' versions of one
//! quotation, paired through [`crate::quote`], with the quoted words that
//! differ and where each side names the speaker.

use super::view::{regions, View};
use crate::findings::{Evidence, Flag};
use crate::normalize::Token;
use crate::quote::{self, Quote, QuoteStatus};

/// `quote_altered` and `speaker_changed`: the two sides' versions of one
/// quotation, paired by their shared words.
pub(super) fn quote_flags(a: &View, b: &View) -> Vec<Flag> {
    let mut res = Vec::new();
    for (qa, ta) in a.quotes.iter().map(|x| (&x.0, &x.1)) {
        let best = b
            .quotes
            .iter()
            .filter_map(|(qb, tb)| {
                let status = quote::relate(ta, &qa.text, tb, &qb.text)?;
                // Different words from a different named speaker: two
                // quotations, not one altered (as in `claimdiff quotes`).
                if status == QuoteStatus::Altered && quote::speakers_differ(&qa.speaker, &qb.speaker) {
                    return None;
                }
                Some((status, quote::overlap(ta, tb), qb, tb))
            })
            .min_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
        let Some((status, _, qb, tb)) = best else { continue };
        if status == QuoteStatus::Altered {
            let ra: Vec<&Token> = ta.iter().collect();
            let rb: Vec<&Token> = tb.iter().collect();
            let mut ea = Vec::new();
            let mut eb = Vec::new();
            // Words only one version has before the first shared word or
            // after the last are more or less of the quotation (one outlet
            // quoting a sentence of the paragraph the other quotes whole),
            // not words altered: a trimmed quotation, as `quote::relate`
            // calls one that is a stretch of the other word for word.
            let edge = |r: &super::view::Region| {
                (r.a.is_empty() || r.b.is_empty())
                    && ((r.a.start == 0 && r.b.start == 0) || (r.a.end == ra.len() && r.b.end == rb.len()))
            };
            for r in regions(&ra, &rb).into_iter().filter(|r| !edge(r)) {
                if !r.a.is_empty() {
                    ea.push(a.evidence(ra[r.a.start].start, ra[r.a.end - 1].end));
                }
                if !r.b.is_empty() {
                    eb.push(b.evidence(rb[r.b.start].start, rb[r.b.end - 1].end));
                }
            }
            let list = |e: &[Evidence]| {
                if e.is_empty() {
                    "nothing".to_owned()
                } else {
                    e.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join(", ")
                }
            };
            // (Nothing left but the edges: trimmed, not altered.)
            if !ea.is_empty() || !eb.is_empty() {
                res.push(Flag {
                    name: "quote_altered".to_owned(),
                    rule: "quote:words-differ".to_owned(),
                    explanation: format!("quoted words differ: {} (A) vs {} (B)", list(&ea), list(&eb)),
                    a: ea,
                    b: eb,
                });
            }
        }
        if let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker) {
            // A side whose own sentences name the other side's speaker
            // outside the quotation credits both, or the one through the
            // other: "said Laurence Mark and Bill Condon" against "Bill
            // Condon called ...", "Paul Ferguson, a researcher at Trend
            // Micro, said" against "Trend Micro said".
            let credits_both = names_speaker(a, qa, sb) || names_speaker(b, qb, sa);
            // Each side must name its speaker in its own sentences: a
            // speaker read through "he said" from a name sentences away is
            // the reader's guess, and on 81 real stories such guesses made
            // 13 of the 14 changed speakers listed in the summaries (the one
            // left: "A.J. Butler" / "A.J. Smith", both named).
            let named = || Some((speaker_span(a, qa)?, speaker_span(b, qb)?));
            let changed = quote::speakers_differ(&qa.speaker, &qb.speaker) && !credits_both;
            if let Some((sa_at, sb_at)) = changed.then(named).flatten() {
                res.push(Flag {
                    name: "speaker_changed".to_owned(),
                    rule: "quote:speaker".to_owned(),
                    explanation: format!("{SPEAKER_INTRO}{sa}{SPEAKER_BETWEEN}{sb} in B"),
                    a: vec![a.evidence(sa_at.0, sa_at.1)],
                    b: vec![b.evidence(sb_at.0, sb_at.1)],
                });
            }
        }
    }
    res
}

const SPEAKER_INTRO: &str = "the same quote is attributed to ";
const SPEAKER_BETWEEN: &str = " in A and to ";

/// The two speakers a `speaker_changed` flag's explanation names.
pub(super) fn changed_speakers(explanation: &str) -> Option<(&str, &str)> {
    let rest = explanation.strip_prefix(SPEAKER_INTRO)?.strip_suffix(" in B")?;
    rest.split_once(SPEAKER_BETWEEN)
}

/// Whether the side's sentences name `speaker` (by its last word, a
/// surname or the end of a body's name: not the roles and affiliations
/// before it, "Chargers general manager") outside the quotation.
fn names_speaker(v: &View, q: &Quote, speaker: &str) -> bool {
    let last = speaker
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']))
        .map(|w| quote::without_possessive(w).unwrap_or(w))
        .rfind(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase) && !quote::is_title(w));
    let Some(last) = last.filter(|w| !crate::normalize::is_stop_word(&w.to_lowercase())) else { return false };
    v.spans.iter().any(|sp| {
        let outside = [(sp.start, q.span.start.clamp(sp.start, sp.end)), (q.span.end.clamp(sp.start, sp.end), sp.end)];
        outside
            .iter()
            .any(|&(from, to)| v.text[from..to].split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == last))
    })
}

/// Whether some quotation of `a` has its version among `b`'s (the pairing
/// [`quote_flags`] compares).
pub(super) fn paired(a: &View, b: &View) -> bool {
    a.quotes.iter().any(|(qa, ta)| b.quotes.iter().any(|(qb, tb)| quote::relate(ta, &qa.text, tb, &qb.text).is_some()))
}

/// Where a quotation's speaker is named in the side's sentences, outside
/// the quote marks (a resolved pronoun is not found: the name is elsewhere).
pub(super) fn speaker_span(v: &View, q: &Quote) -> Option<(usize, usize)> {
    let speaker = q.speaker.as_deref()?;
    let find = |name: &str| {
        v.spans.iter().find_map(|sp| {
            let sentence = &v.text[sp.start..sp.end];
            sentence
                .match_indices(name)
                .map(|(k, _)| sp.start + k)
                .find(|&k| k >= q.span.end || k + name.len() <= q.span.start)
                .map(|k| (k, k + name.len()))
        })
    };
    // The name as read may be written otherwise ("A.J Smith" for "A.J.
    // Smith"): then its last word.
    find(speaker).or_else(|| find(speaker.split_whitespace().last().filter(|w| w.len() > 2)?))
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, the_flag};

    #[test]
    fn quote_altered_and_speaker_changed() {
        let a = "\u{201c}We will not go back until engineers who do not answer to the port authority inspect them,\u{201d} said Dariusz Okonjo-Vance.";
        let b = "\"We will not go back until engineers who do not answer to the minister inspect them,\" said Dariusz Okonjo-Vance.";
        check_flags(a, b, &["quote_altered"]);
        let f = the_flag(a, b, "quote_altered");
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("port authority", "minister"));
        check_flags(
            "Mr Okonjo-Vance added: \u{201c}Nobody should have to choose between a pay cheque and coming home alive.\u{201d}",
            "\u{201c}Nobody should have to choose between a pay cheque and coming home alive,\u{201d} said Marta Quill.",
            &["speaker_changed"],
        );
        // One outlet quotes a stretch of what the other quotes: only the
        // words changed inside it differ, not the words it leaves out.
        let whole =
            "\u{201c}Look, we warned the port authority twice and nobody listened, and now a man is dead,\u{201d} \
                     said Dariusz Okonjo-Vance.";
        let part = "\u{201c}We warned the harbour board twice and nobody listened,\u{201d} said Dariusz Okonjo-Vance.";
        let f = the_flag(whole, part, "quote_altered");
        assert_eq!((f.a.len(), f.b.len()), (1, 1), "{f:?}");
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("port authority", "harbour board"));
        // A speaker read through "he said" from a name sentences away is no
        // speaker the outlet changed.
        check_flags(
            "Pilot Tomas Renn spoke to reporters at the quay.\n\n\u{201c}Nobody should have to choose between a pay \
             cheque and coming home alive,\u{201d} he said.",
            "\u{201c}Nobody should have to choose between a pay cheque and coming home alive,\u{201d} said Marta Quill.",
            &[],
        );
        // A speaker described may be the one named: no change told.
        check_flags(
            "\u{201c}Many people were hurt and the roads out of the quay were jammed,\u{201d} said a Kessel Quay crane driver.",
            "\u{201c}Many people were hurt and the roads out of the quay were jammed,\u{201d} said Marta Quill.",
            &[],
        );
        // A side that names the other's speaker too credits both (a joint
        // statement), or one through the other: no change told.
        check_flags(
            "\u{201c}Hugh Jackman is a consummate entertainer and a movie star,\u{201d} said Laurence Mark and Bill \
             Condon, the producers.",
            "Producers Laurence Mark and Bill Condon called the actor \u{201c}a consummate entertainer and a movie \
             star.\u{201d}",
            &[],
        );
        // Different words from a different named speaker are two quotations.
        let report = crate::classify::testutil::flag_report(
            "Speaking at the quay on Monday, Marta Quill said: \u{201c}For more than three decades the port law has \
             protected our quays and the dockers who work them.\u{201d}",
            "Speaking at the quay on Monday, Dariusz Okonjo-Vance said: \u{201c}For decades the port law has protected the \
             quays and their dockers.\u{201d}",
        );
        let names: Vec<&str> = report.rows.iter().flat_map(|r| r.flags.iter().map(|f| f.name.as_str())).collect();
        assert!(!names.iter().any(|n| n.starts_with("quote") || n.starts_with("speaker")), "{names:?}");
        // A quotation the other side paraphrases is not two one-side clauses.
        check_flags(
            "\u{201c}We will not go back up those cranes until engineers who do not answer to the port authority \
             inspect them,\u{201d} said Dariusz Okonjo-Vance.",
            "Dariusz Okonjo-Vance said workers would not climb back into the cranes until engineers independent of \
             the port authority had checked each one.",
            &[],
        );
        // A trimmed quote, or one with an omission marked, is not altered.
        check_flags(
            "\u{201c}We warned them about that crane \u{2026} more than once, and nothing happened,\u{201d} he said.",
            "\u{201c}We warned them about that crane [\u{2026}] and nothing happened,\u{201d} he said.",
            &[],
        );
    }
}
