//! `clause_only_a` / `clause_only_b`: a clause one side adds with content
//! of its own, quoted as the readable clause around the new words
//! ([`super::units::clause_unit`]) and raised only when more than two
//! thirds of that clause is new. Owns the speech words and the dateline
//! that are no clause, and sets aside names the other side also has,
//! speakers, and quotations the other side paraphrases.

use super::markers::{marker_at, Marker};
use super::names::{name_phrases, similar_words, NamePhrase};
use super::quotes::speaker_span;
use super::salience::is_salient_verb;
use super::view::{QuoteTokens, Region, View};
use crate::findings::{Evidence, Flag};
use crate::normalize::{Token, TokenKind};
use crate::quote;
use std::collections::HashSet;
use std::ops::Range;

/// A clause counts as carried by another outlet when one of that outlet's
/// sentences holds at least this share of the clause's content words.
pub(crate) const CLAUSE_CARRIED: f32 = 0.6;

/// A flagged clause with more than this share of its sentence's content
/// words is not listed as a claim of its own (nor flagged on a
/// one-side row).
const CLAUSE_MAX_SHARE: f32 = 0.5;

/// Whether a clause one side adds beside a near sentence of the other names
/// an accusation or an action ("backed", "funded", "killed"): beside a
/// sentence on the same topic, a clause of any other kind is more often
/// detail or rewording. Claims mode's clause claims and pairwise reports'
/// one-side rows both ask it.
pub(crate) fn names_an_action(clause: &str) -> bool {
    clause.split_whitespace().any(|w| is_salient_verb(&w.to_lowercase()))
}

/// Whether a clause of `keys` content words, in a sentence of
/// `sentence_keys`, is a claim of its own: two words or more (one word,
/// "Thursday", is a detail) and at most [`CLAUSE_MAX_SHARE`] of its
/// sentence (more means the wordings barely share a claim: the
/// alignment's doubt, not a clause one side added).
pub(crate) fn is_own_clause(keys: usize, sentence_keys: usize) -> bool {
    keys >= 2 && keys as f32 <= CLAUSE_MAX_SHARE * sentence_keys as f32
}

/// The byte offset where a wire dateline ("NORTHPORT (Meridian Wire) - ")
/// ends in a side's first sentence, or the sentence start: a dateline names
/// the outlet, not a claim.
fn dateline_end(v: &View) -> usize {
    let Some(span) = v.spans.first() else { return 0 };
    let s = &v.text[span.start..span.end];
    let head: String = s.chars().take(80).collect();
    for dash in [" \u{2013} ", " \u{2014} ", " - ", "\u{2013} ", "\u{2014} "] {
        if let Some(k) = head.find(dash) {
            let before = &head[..k];
            let first = before.split([' ', '(']).next().unwrap_or("");
            if first.chars().count() >= 3 && first.chars().all(|c| c.is_uppercase() || c == ',' || c == '-') {
                return span.start + k + dash.len();
            }
        }
    }
    span.start
}

/// Words that report speech: a clause's "adding that" is not its content.
const SPEECH_WORDS: &[&str] =
    &["add", "adds", "added", "adding", "told", "tell", "tells", "telling", "saying", "stated", "noted", "noting"];

/// The content words of a changed stretch that the other side lacks
/// entirely: no hedges, negations or speech verbs, which have their own
/// flags or carry no claim.
fn novel<'t>(
    v: &View<'t>,
    range: &Range<usize>,
    other: &HashSet<&str>,
    numbers: bool,
    names: &[(usize, usize)],
) -> Vec<&'t Token> {
    let dateline = dateline_end(v);
    v.tokens[range.clone()]
        .iter()
        .copied()
        .filter(|t| t.start >= dateline)
        .filter(|t| !names.iter().any(|&(s, e)| s <= t.start && t.end <= e))
        .filter(|t| match t.kind {
            TokenKind::Word | TokenKind::Name => true,
            TokenKind::Number => numbers,
            TokenKind::Stop => false,
        })
        .filter(|t| !other.contains(t.key.as_str()))
        .filter(|t| t.kind != TokenKind::Name || !other.iter().any(|o| shares_prefix(&t.key, o)))
        .filter(|t| {
            let w = v.word(t);
            !SPEECH_WORDS.contains(&w.as_str()) && marker_at(v, t, Marker::Hedge).is_none()
        })
        .collect()
}

/// Whether a token is written in capitals ("US", "IT"): an acronym, even
/// when its letters spell a function word.
fn acronym(v: &View, t: &Token) -> bool {
    let w = &v.text[t.start..t.end];
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
}

/// Whether two keys share their first five letters ("afghan" and
/// "afghanistan"): names of one place or people.
fn shares_prefix(x: &str, y: &str) -> bool {
    let n = 5;
    x.chars().count() >= n && y.chars().count() >= n && x.chars().take(n).eq(y.chars().take(n))
}

/// `clause_only_a`/`clause_only_b`: a stretch that one side adds with its own
/// content. A pure insertion needs two new content words (or one new name
/// or number); a replacement needs two more new words than it replaces, or
/// an accusation/action verb, so that rewording ("rejected" for "turned
/// down") is not a clause.
pub(super) fn clause_flags(a: &View, b: &View, regions: &[Region]) -> Vec<Flag> {
    let keys_a: HashSet<&str> = a.tokens.iter().map(|t| t.key.as_str()).collect();
    let keys_b: HashSet<&str> = b.tokens.iter().map(|t| t.key.as_str()).collect();
    // Titles, first and middle names of a name the other side also has
    // ("Defence Minister Khawaja Asif" for "Minister Asif") are not a clause.
    let (names_a, names_b) = (name_phrases(a), name_phrases(b));
    let linked = |ps: &[NamePhrase], qs: &[NamePhrase]| -> Vec<(usize, usize)> {
        ps.iter()
            .filter(|p| qs.iter().any(|q| p.words.iter().any(|w| q.words.iter().any(|o| similar_words(w, o)))))
            .map(|p| (p.start, p.end))
            .collect()
    };
    let (mut linked_a, mut linked_b) = (linked(&names_a, &names_b), linked(&names_b, &names_a));
    // Nor is the name of a quotation's speaker: a changed speaker has its
    // own flag.
    linked_a.extend(a.quotes.iter().filter_map(|(q, _)| speaker_span(a, q)));
    linked_b.extend(b.quotes.iter().filter_map(|(q, _)| speaker_span(b, q)));
    let mut res = Vec::new();
    for r in regions {
        let content = |v: &View, range: &Range<usize>| {
            v.tokens[range.clone()].iter().any(|t| t.kind != TokenKind::Stop || acronym(v, t))
        };
        let pure_b = !content(a, &r.a);
        let pure_a = !content(b, &r.b);
        let novel_a = novel(a, &r.a, &keys_b, pure_a, &linked_a);
        let novel_b = novel(b, &r.b, &keys_a, pure_b, &linked_b);
        // Words inside quote marks on one side and outside on the other are
        // a paraphrased quotation (`claimdiff quotes` reports it), not two
        // one-side clauses.
        let quoted = |v: &View, toks: &[&Token]| {
            let inside =
                toks.iter().filter(|t| v.quotes.iter().any(|(q, _)| q.span.start <= t.start && t.end <= q.span.end));
            2 * inside.count() > toks.len()
        };
        if !novel_a.is_empty() && !novel_b.is_empty() && quoted(a, &novel_a) != quoted(b, &novel_b) {
            continue;
        }
        for (this, other, pure, side) in [(&novel_a, &novel_b, pure_a, 'a'), (&novel_b, &novel_a, pure_b, 'b')] {
            let named = this.iter().any(|t| matches!(t.kind, TokenKind::Name | TokenKind::Number));
            let v = if side == 'a' { a } else { b };
            let salient = this.iter().any(|t| is_salient_verb(&v.word(t)));
            let fires = if pure {
                this.len() >= 2 || named
            } else {
                this.len() >= 2 && (this.len() >= other.len() + 2 || salient)
            };
            if !fires {
                continue;
            }
            let (first, last) = (this[0], this[this.len() - 1]);
            // The readable clause around the words (a predicate with its
            // arguments, cut on clause boundaries), inside the sentence that
            // holds them; a run with no readable clause around it (a phrase,
            // a bare attribution, words cut from a name) is a detail of
            // wording, not a clause one side adds.
            let Some(span) = v.spans.iter().find(|sp| sp.start <= first.start && first.start < sp.end) else {
                continue;
            };
            let unit = super::units::clause_unit(v.text, span.start..span.end, first.start..last.end);
            let Some(unit) = unit else { continue };
            // The clause is the side's own only when more than two thirds of
            // its content is new (words the other side lacks, and figures it does
            // not give): a changed detail inside a shared clause ("from the
            // terminal gates" for "from the port", "a CHP officer" for "the
            // patrol") is not a clause one side adds. (On 40 judged flags of
            // real stories: 7 of 15 kept right, against 11 of 39 at half.)
            let other_keys = if side == 'a' { &keys_b } else { &keys_a };
            let in_unit: Vec<&&Token> = v
                .tokens
                .iter()
                .filter(|t| unit.start <= t.start && t.end <= unit.end && t.kind != TokenKind::Stop)
                .collect();
            let new_numbers =
                in_unit.iter().filter(|t| t.kind == TokenKind::Number && !other_keys.contains(t.key.as_str())).count();
            let fresh = this.iter().filter(|t| t.kind != TokenKind::Number).count() + new_numbers;
            if 3 * fresh <= 2 * in_unit.len() {
                continue;
            }
            let ev = v.evidence(unit.start, unit.end);
            let (label, name) = if side == 'a' { ("A", "clause_only_a") } else { ("B", "clause_only_b") };
            let rule = if pure {
                "clause:inserted"
            } else if salient {
                "clause:salient-verb"
            } else {
                "clause:replaced"
            };
            let explanation = format!("\"{}\" appears only in {label}", ev.text);
            let (ea, eb) = if side == 'a' { (vec![ev], vec![]) } else { (vec![], vec![ev]) };
            res.push(Flag { name: name.to_owned(), rule: rule.to_owned(), explanation, a: ea, b: eb });
        }
    }
    // A quotation that the other side paraphrases (carries most of its
    // words, without quote marks) is neither side's own clause: the quoted
    // words on one side and the paraphrase on the other say one thing.
    let para_a = paraphrased(a, b);
    let para_b = paraphrased(b, a);
    res.retain(|f| {
        let drop = |ev: &[Evidence], v: &View, mine: &[&QuoteTokens], theirs: &[&QuoteTokens]| {
            ev.iter().any(|e| {
                let inside = mine.iter().any(|(q, _)| q.span.start <= e.start && e.end <= q.span.end);
                let toks: Vec<&Token> =
                    v.tokens.iter().copied().filter(|t| e.start <= t.start && t.end <= e.end).collect();
                let keys: HashSet<&str> =
                    toks.iter().filter(|t| t.kind != TokenKind::Stop).map(|t| t.key.as_str()).collect();
                let echoes =
                    theirs.iter().any(|(_, qt)| qt.iter().filter(|t| keys.contains(t.key.as_str())).count() >= 2);
                inside || echoes
            })
        };
        !(drop(&f.a, a, &para_a, &para_b) || drop(&f.b, b, &para_b, &para_a))
    });
    res
}

/// The quotations of `v` that `other` paraphrases: no quotation of `other`
/// is a version of it, but `other` carries at least half its content words.
fn paraphrased<'v>(v: &View<'v>, other: &View) -> Vec<&'v QuoteTokens> {
    let other_keys: HashSet<&str> = other.tokens.iter().map(|t| t.key.as_str()).collect();
    v.quotes
        .iter()
        .copied()
        .filter(|(q, qt)| other.quotes.iter().all(|(oq, ot)| quote::relate(qt, &q.text, ot, &oq.text).is_none()))
        .filter(|(_, qt)| {
            let content: HashSet<&str> =
                qt.iter().filter(|t| t.kind != TokenKind::Stop).map(|t| t.key.as_str()).collect();
            !content.is_empty() && 2 * content.iter().filter(|k| other_keys.contains(*k)).count() >= content.len()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, the_flag, PORT};

    #[test]
    fn clause_only_one_side() {
        let castellan =
            "Minister Castellan accused the union of exploiting a tragedy in pay talks that stalled in January.";
        check_flags(
            castellan,
            "Minister Castellan accused the union of exploiting a tragedy in pay talks that stalled in January, \
             adding that the walkout was being bankrolled by a rival operator in Saltmere.",
            &["clause_only_b"],
        );
        let f = the_flag(
            "Asif said the militants had advanced weapons left by the American forces.",
            "Asif said the militants had advanced weapons, adding that they were also being backed by India.",
            "clause_only_b",
        );
        // The clause reads as a predicate with its arguments, not as the
        // run of new words ("backed by India").
        assert_eq!(f.explanation, "\"they were also being backed by India\" appears only in B");
        check_flags(
            "The stoppage is costing the regional economy about $1.2bn a week, according to the Northport Chamber of Commerce.",
            "The stoppage is costing the regional economy about $1.2bn a week.",
            &["hedge_changed"],
        );
        // A detail changed inside a shared clause is no clause one side adds.
        check_flags(
            "Police said about 300 people joined a march from the terminal gates on Wednesday evening.",
            "Police said about 300 people joined a march from the port on Wednesday evening.",
            &[],
        );
        // Rewording is not a one-side clause.
        check_flags(
            "The union had rejected a 3.5% pay offer from the port in January.",
            "The union turned down a 3.5% pay offer from the port in January.",
            &[],
        );
        // A wire dateline names the outlet, not a claim.
        check_flags(PORT, &format!("NORTHPORT (Meridian Wire) \u{2013} {PORT}"), &[]);
    }
}
