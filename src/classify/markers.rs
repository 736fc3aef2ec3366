//! `negation_changed` and `hedge_changed`: the negation words, the hedges
//! and attributions ("reportedly", "according to"), and the rule that one
//! side has a marker the other lacks entirely.

use super::view::{Region, View};
use crate::findings::Flag;
use crate::normalize::{Token, TokenKind};

/// Word classes counted by [`marker_flag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Negation,
    Hedge,
}

const NEGATIONS: &[&str] = &["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot"];
const HEDGES: &[&str] = &[
    "allegedly",
    "alleged",
    "reportedly",
    "purportedly",
    "apparently",
    "supposedly",
    "claimed",
    "claims",
    "may",
    "might",
    "could",
    "possibly",
    "probably",
    "likely",
    "suspected",
    "unconfirmed",
    // An allegation named as one casts what follows as alleged ("faces the
    // DUI allegation"). Not "accused": who accuses ("Kiir accused Sudan of
    // ...") speaks, and "is accused of" against "prosecutors charged that"
    // is the same attribution (tried on 81 real stories: six new flags in
    // their summaries, five of them noise).
    "allegation",
    "allegations",
];
/// Words after which "claims" is the noun: determiners and possessives,
/// prepositions, and the verbs that probe, make or dispute claims. (At the
/// start of a sentence it is the noun too: "Claims that ...".)
const CLAIMS_NOUN_AFTER: &[&str] = &[
    "about",
    "any",
    "backed",
    "deny",
    "denied",
    "denies",
    "dismissed",
    "disputed",
    "false",
    "her",
    "his",
    "investigate",
    "investigating",
    "its",
    "made",
    "make",
    "making",
    "new",
    "of",
    "on",
    "over",
    "probe",
    "probing",
    "rejected",
    "rejects",
    "repeated",
    "such",
    "the",
    "their",
    "these",
    "those",
    "to",
    "unfounded",
    "unsubstantiated",
    "your",
];

/// Hedges of two words: the first word, and the word that must follow.
const HEDGE_PAIRS: &[(&str, &[&str])] = &[
    ("according", &["to"]),
    ("believed", &["to"]),
    ("appears", &["to"]),
    ("appeared", &["to"]),
    ("appear", &["to"]),
    ("seems", &["to"]),
    ("seemed", &["to"]),
    ("said", &["to"]),
    // "It appeared the group was ...", "it seems": "appeared to" in other
    // words.
    ("it", &["appeared", "appears", "seemed", "seems"]),
];

/// The hedges that weigh a statement's likelihood; every other hedge
/// attributes it or casts it as an allegation ("allegedly", "reportedly",
/// "according to", "suspected"). A hedge one side lacks is a change only if
/// that side has no hedge of the same kind: "alleged" for "allegedly",
/// "reportedly" for "allegedly" and "might" for "may" keep the hedge.
const LIKELIHOOD_HEDGES: &[&str] = &["may", "might", "could", "possibly", "probably", "likely"];

fn likelihood(name: &str) -> bool {
    LIKELIHOOD_HEDGES.contains(&name)
}

/// Verbs whose negation says what the other verb says ("will not end until"
/// = "will continue until"): a negation before one of them, where the other
/// side has the other verb instead, is a restatement, not a negation added.
const NEGATED_ANTONYMS: &[(&str, &[&str])] = &[
    ("end", &["continue", "last", "go"]),
    ("stop", &["continue", "keep", "go"]),
    ("allow", &["prevent", "bar", "block", "ban", "forbid", "stop"]),
    ("permit", &["prevent", "bar", "block", "ban", "forbid"]),
    ("accept", &["reject", "refuse", "decline"]),
    ("agree", &["refuse", "reject", "decline", "disagree"]),
    ("leave", &["stay", "remain"]),
    ("succeed", &["fail"]),
    ("pass", &["fail"]),
    ("confirm", &["deny", "decline"]),
    ("attend", &["skip", "miss", "boycott"]),
    ("include", &["exclude", "omit"]),
    ("survive", &["die"]),
    ("resume", &["halt", "suspend"]),
];

/// The comparison key of one word (as the tokenizer makes it).
fn key_of(word: &str) -> String {
    crate::normalize::tokens(word).into_iter().next().map(|t| t.key.to_string()).unwrap_or_default()
}

/// The antonym table by comparison key, built once.
fn antonym_keys() -> &'static [(String, Vec<String>)] {
    static KEYS: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        NEGATED_ANTONYMS.iter().map(|(v, others)| (key_of(v), others.iter().map(|o| key_of(o)).collect())).collect()
    })
}

/// Whether the negation at token `k` of `v` negates a verb whose antonym
/// `other` uses instead (and `other` lacks the verb itself): the two sides
/// say the same thing.
fn restated(v: &View, k: usize, other: &View) -> bool {
    let has = |view: &View, key: &str| view.tokens.iter().any(|t| t.key == key);
    v.tokens.iter().skip(k + 1).take(4).any(|t| {
        antonym_keys()
            .iter()
            .filter(|(verb, _)| *verb == t.key)
            .any(|(verb, others)| !has(other, verb) && others.iter().any(|o| has(other, o)))
    })
}

/// Verbs of saying that attribute a statement to its source.
const SAYING: &[&str] = &[
    "announced",
    "added",
    "explained",
    "noted",
    "said",
    "say",
    "says",
    "stated",
    "tell",
    "tells",
    "told",
    // Reports and records as the source ("Reports indicate ...", "The
    // Times reported ...").
    "reported",
    "indicate",
    "indicates",
    "indicated",
];

/// Whether a sentence attributes what it says with a verb of saying ("said",
/// not "said to", which hedges), itself or in the sentence just before it,
/// whose attribution carries over ("Authorities say his blood alcohol was
/// 0.41%. That is more than five times the legal limit.").
fn attributes(v: &View) -> bool {
    let before: Vec<&Token> = v.before.iter().collect();
    attributes_itself(v) || saying(v, &before)
}

/// Whether a sentence attributes what it says with a verb of saying of its
/// own.
fn attributes_itself(v: &View) -> bool {
    saying(v, &v.tokens)
}

/// Whether tokens of `v` hold a verb of saying (not "said to").
fn saying(v: &View, toks: &[&Token]) -> bool {
    toks.iter()
        .enumerate()
        .any(|(k, t)| SAYING.contains(&v.word(t).as_str()) && toks.get(k + 1).is_none_or(|n| v.word(n) != "to"))
}

/// Whether a "May" is the month: capitalised where no sentence starts ("in
/// May 2012", "on May 3"), not the modal verb opening a sentence.
fn is_month(v: &View, t: &Token) -> bool {
    let capital = v.text[t.start..].starts_with('M');
    let opens = v.spans.iter().any(|s| s.start == t.start)
        || v.text[..t.start].trim_end().ends_with(['.', '!', '?', '"', '\u{201c}', '\n']);
    capital && !opens
}

/// The marker a token starts, if any: its name and the span it covers.
pub(super) fn marker_at(v: &View, t: &Token, kind: Marker) -> Option<(String, usize)> {
    let w = v.word(t);
    let at = v.tokens.iter().position(|x| std::ptr::eq(*x, t));
    let next = at.and_then(|k| v.tokens.get(k + 1)).copied();
    // The word before, read only by the rules that need it.
    let prev_word = || at.and_then(|k| k.checked_sub(1)).map(|k| v.word(v.tokens[k]));
    match kind {
        Marker::Negation => {
            // "It was not until May that ..." dates something; it denies nothing.
            if t.key == "not" && next.is_some_and(|n| v.word(n) == "until") {
                let k = at.unwrap_or(0);
                if v.tokens[k.saturating_sub(3)..k].iter().any(|x| x.key == "it") {
                    return None;
                }
            }
            // (The neighbouring words are read only for the words below:
            // this runs for every token of a flagged pair.)
            let next_is = |words: &[&str]| next.is_some_and(|n| words.contains(&v.word(n).as_str()));
            // "not just X", "not only X" (but Y) adds; "none more so" ranks.
            if (w == "not" && next_is(&["just", "only", "merely"])) || (w == "none" && next_is(&["more"])) {
                return None;
            }
            if t.key == "not" {
                return Some(("not".to_owned(), t.end));
            }
            // "had yet to regain" is "had not yet regained" (not "yet to
            // many observers").
            let after_auxiliary = || {
                prev_word()
                    .is_some_and(|p| matches!(p.as_str(), "has" | "have" | "had" | "is" | "are" | "was" | "were"))
            };
            if w == "yet" && next_is(&["to"]) && after_auxiliary() {
                return Some(("not".to_owned(), t.end));
            }
            // "No." is "number" ("crane No. 5").
            if !NEGATIONS.contains(&w.as_str()) || (w == "no" && v.text[t.end..].starts_with('.')) {
                return None;
            }
            match next {
                Some(n) if w == "no" && v.word(n) == "longer" => Some(("no longer".to_owned(), n.end)),
                _ => Some((w, t.end)),
            }
        }
        Marker::Hedge => {
            if w == "may" && is_month(v, t) {
                return None;
            }
            // A modal of purpose ("so his family could be notified", "so
            // that crews may reach it") says why, not how likely.
            if matches!(w.as_str(), "could" | "may" | "might") {
                let k = at.unwrap_or(0);
                if v.tokens[k.saturating_sub(4)..k].iter().any(|x| v.word(x) == "so") {
                    return None;
                }
            }
            // "Could not face him" is "was unable to": no likelihood.
            if w == "could"
                && next.is_some_and(|n| n.key == "not" || matches!(v.word(n).as_str(), "n't" | "n\u{2019}t"))
            {
                return None;
            }
            // "probe claims Clinton made", "the claims": the noun names what
            // is disputed; only "X claims (that) ..." casts it as a claim.
            if w == "claims" && prev_word().is_none_or(|p| CLAIMS_NOUN_AFTER.contains(&p.as_str())) {
                return None;
            }
            if HEDGES.contains(&w.as_str()) {
                return Some((w, t.end));
            }
            let (_, follow) = HEDGE_PAIRS.iter().find(|(first, _)| *first == w)?;
            let n = next?;
            follow.contains(&v.word(n).as_str()).then(|| (format!("{w} {}", v.word(n)), n.end))
        }
    }
}

/// How many tokens after a negation the word it negates is looked for.
const NEGATED_REACH: usize = 4;

/// Whether what a negation or hedge ending at byte `end` bears on, the
/// first content word after it, is a word the other side has too ("will
/// *not return*" against "will return"). A negated or hedged word the other
/// side lacks is part of a clause of the side's own ("35,000 bodies *never
/// recovered*", "is *believed to* have read the transcripts"), not the
/// other side's claim negated or hedged.
fn negates_shared(v: &View, end: usize, other: &View) -> bool {
    let after = v.tokens.partition_point(|t| t.start < end);
    let negated =
        v.tokens[after..].iter().take(NEGATED_REACH).find(|t| matches!(t.kind, TokenKind::Word | TokenKind::Name));
    negated.is_none_or(|n| other.tokens.iter().any(|o| o.key == n.key))
}

/// `negation_changed` / `hedge_changed`: a negation or hedge that one side
/// has and the other lacks. Markers inside a one-side clause belong to
/// that clause's flag.
pub(super) fn marker_flag(
    a: &View,
    b: &View,
    regions: &[Region],
    kind: Marker,
    skip_a: &dyn Fn(&Token) -> bool,
    skip_b: &dyn Fn(&Token) -> bool,
) -> Option<Flag> {
    let collect = |v: &View, other: &View, skip: &dyn Fn(&Token) -> bool, changed: &dyn Fn(usize) -> bool| {
        let mut res: Vec<(String, usize, usize, bool, bool)> = Vec::new();
        let mut last_end = 0;
        for (k, t) in v.tokens.iter().enumerate() {
            if t.start < last_end || (kind == Marker::Negation && (skip(t) || restated(v, k, other))) {
                continue;
            }
            let modal = matches!(v.word(t).as_str(), "may" | "might" | "could");
            if kind == Marker::Hedge && modal && skip(t) {
                continue;
            }
            if let Some((name, end)) = marker_at(v, t, kind) {
                last_end = end;
                // An attribution hedges the whole sentence; any other
                // hedge, like a negation, what follows it.
                let shared = name == "according to" || negates_shared(v, end, other);
                res.push((name, t.start, end, changed(k), shared));
            }
        }
        res
    };
    let in_a = |k: usize| regions.iter().any(|r| r.a.contains(&k));
    let in_b = |k: usize| regions.iter().any(|r| r.b.contains(&k));
    let (ma, mb) = (collect(a, b, skip_a, &in_a), collect(b, a, skip_b, &in_b));
    // As many negations on each side, in other words ("No financial terms
    // were disclosed" / "Financial terms were not disclosed", "would not
    // say why" / "it wasn't clear why"): the same polarity. Counted before
    // either side's negations of words the other lacks are set aside, so
    // that the two sides are weighed alike.
    if kind == Marker::Negation && !ma.is_empty() && ma.len() == mb.len() {
        return None;
    }
    // Every hedge a side has, for "a hedge of the same kind in other
    // words" (the other side's may bear on a word of its own: "the gunman,
    // who allegedly fired first" still hedges).
    let (all_a, all_b) = (ma.clone(), mb.clone());
    let (ma, mb): (Vec<_>, Vec<_>) =
        (ma.into_iter().filter(|m| m.4).collect(), mb.into_iter().filter(|m| m.4).collect());
    let names: std::collections::BTreeSet<&str> = ma.iter().chain(&mb).map(|m| m.0.as_str()).collect();
    let mut ea = Vec::new();
    let mut eb = Vec::new();
    let mut only = Vec::new();
    for name in names {
        let (ca, cb) = (ma.iter().filter(|m| m.0 == name).count(), mb.iter().filter(|m| m.0 == name).count());
        // Only a marker that one side lacks entirely counts: when both have
        // it, the sentence was restructured ("who do not answer to" for
        // "not ... independent of") rather than negated or hedged anew.
        if ca == cb || (ca > 0 && cb > 0) {
            continue;
        }
        let lacking = if ca > cb { &all_b } else { &all_a };
        if kind == Marker::Hedge && lacking.iter().any(|m| likelihood(&m.0) == likelihood(name)) {
            continue;
        }
        // "according to X" where the other side has "X said" is the same
        // attribution in other words, not a hedge added; so is "reportedly"
        // against a sentence that names who says it ("THR says Ross
        // accepted ...": its own verb, not the sentence before's).
        let other = if ca > cb { b } else { a };
        if (name == "according to" && attributes(other)) || (name == "reportedly" && attributes_itself(other)) {
            continue;
        }
        let (side, label, v, out) = if ca > cb { (&ma, "A", a, &mut ea) } else { (&mb, "B", b, &mut eb) };
        let mine: Vec<_> = side.iter().filter(|m| m.0 == name).collect();
        let changed: Vec<_> = mine.iter().filter(|m| m.3).collect();
        let pick: Vec<_> = if changed.is_empty() { mine.iter().collect() } else { changed };
        out.extend(pick.iter().map(|m| v.evidence(m.1, m.2)));
        only.push(format!("\"{name}\" only in {label}"));
    }
    if only.is_empty() {
        return None;
    }
    let (flag, what) = match kind {
        Marker::Negation => ("negation_changed", "negation"),
        Marker::Hedge => ("hedge_changed", "hedge or attribution"),
    };
    let rule = match (ea.is_empty(), eb.is_empty()) {
        (false, true) => format!("{what}: removed in B"),
        (true, false) => format!("{what}: added in B"),
        _ => format!("{what}: changed"),
    };
    Some(Flag { name: flag.to_owned(), rule, explanation: only.join("; "), a: ea, b: eb })
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, the_flag};

    #[test]
    fn negation_changed() {
        check_flags(
            "Strand said crane No. 5 had not been flagged as faulty at its last inspection.",
            "Strand said crane No. 5 had been flagged as faulty at its last inspection.",
            &["negation_changed"],
        );
        check_flags(
            "The authority said the terminal was no longer accepting new vessels.",
            "The authority said the terminal was still accepting new vessels.",
            &["negation_changed"],
        );
        // "Yet to" is "not yet"; "not just" and "none more so" deny nothing.
        for (a, b) in [
            (
                "The injured pilot had yet to regain consciousness on Wednesday, police said.",
                "The injured pilot had not yet regained consciousness on Wednesday, police said.",
            ),
            (
                "The strike hit not just the Kessel Quay cranes but the rail yards too.",
                "The strike hit the Kessel Quay cranes and the rail yards too.",
            ),
        ] {
            check_flags(a, b, &[]);
        }
        // A conjunction "yet" before "to" denies nothing.
        check_flags(
            "The walkout was short, yet to the dockers at Kessel Quay it was a victory.",
            "The walkout was short, but to the dockers at Kessel Quay it was a victory.",
            &[],
        );
        check_flags(
            "The union said the dockers won't return to the Kessel Quay cranes.",
            "The union said the dockers will return to the Kessel Quay cranes.",
            &["negation_changed"],
        );
        check_flags(
            "The union said the dockers won't return to the Kessel Quay cranes.",
            "The union said the dockers will not return to the Kessel Quay cranes.",
            &[],
        );
        // One negation on each side is the same polarity, whatever each
        // negates; "it was not until" dates something and denies nothing.
        for (a, b) in [
            (
                "Ketsoyan would not say what the actress was being treated for.",
                "Ketsoyan did not reveal what the actress was being treated for.",
            ),
            (
                "It was n't until May 30, 2005, that Felt's family revealed his identity in Vanity Fair.",
                "Felt's family revealed his identity in Vanity Fair on May 30, 2005.",
            ),
            (
                "It wasn't until May 30, 2005, that Felt's family revealed his identity in Vanity Fair.",
                "Felt's family revealed his identity in Vanity Fair on May 30, 2005.",
            ),
        ] {
            check_flags(a, b, &[]);
        }
        // A negation of what the other side does not say belongs to a
        // clause of its own side.
        let report = crate::classify::testutil::flag_report(
            "The tsunami killed 170,000 people in the province, with 35,000 bodies never recovered.",
            "The tsunami killed 170,000 people in the province and tens of thousands more abroad.",
        );
        assert!(report.rows.iter().all(|r| r.flags.iter().all(|f| f.name != "negation_changed")));
        check_flags(
            "\"I cant speak for the family of the dockers,\" the union secretary said.",
            "\"I can't speak for the family of the dockers,\" the union secretary said.",
            &[],
        );
        // Both sides negate: restructured, not negated anew.
        check_flags(
            "The union will not return until engineers who do not answer to the port authority inspect the cranes.",
            "The union will not return until engineers independent of the port authority inspect the cranes.",
            &[],
        );
        // One negation for another keeps the polarity.
        check_flags(
            "No financial terms of the Kessel Quay deal were disclosed, the port authority said.",
            "Financial terms of the Kessel Quay deal were not disclosed, the port authority said.",
            &[],
        );
        // A negated verb restated by its antonym says the same thing.
        check_flags(
            "The union said the strike will not end until every crane has been inspected.",
            "The union said the strike would continue until every crane has been inspected.",
            &[],
        );
        check_flags(
            "Officials said the ministry did not allow the convoy to cross the border.",
            "Officials said the ministry prevented the convoy from crossing the border.",
            &[],
        );
        // The same verb on both sides is still a negation changed.
        check_flags(
            "The union said the strike will not end on Friday.",
            "The union said the strike will end on Friday.",
            &["negation_changed"],
        );
    }

    #[test]
    fn hedge_changed() {
        for (a, b) in [
            (
                "The crane had reportedly failed a load test in February, but was returned to service.",
                "The crane had failed a load test in February, but was returned to service.",
            ),
            (
                "The union said managers ignored two written complaints about the brakes.",
                "The union said managers allegedly ignored two written complaints about the brakes.",
            ),
            (
                "The dispute may spread to the rail freight yards at Fenwick Junction.",
                "The dispute will spread to the rail freight yards at Fenwick Junction.",
            ),
            (
                "The hydraulic system was believed to have been leaking for weeks.",
                "The hydraulic system had been leaking for weeks.",
            ),
            (
                "The union claims managers ignored two written complaints about the brakes.",
                "Managers ignored two written complaints about the brakes.",
            ),
        ] {
            check_flags(a, b, &["hedge_changed"]);
        }
        // "Claims" the noun casts nothing as alleged.
        for (a, b) in [
            (
                "The chairmen asked prosecutors to probe claims Clinton made at the hearing last fall.",
                "The chairmen asked prosecutors to look into what Clinton said at the hearing last fall.",
            ),
            (
                "The union repeated the claims about the brakes at the hearing on Monday.",
                "The union repeated its complaints about the brakes at the hearing on Monday.",
            ),
        ] {
            check_flags(a, b, &[]);
        }
        let f = the_flag(
            "The dispute may spread to the rail freight yards at Fenwick Junction.",
            "The dispute will spread to the rail freight yards at Fenwick Junction.",
            "hedge_changed",
        );
        assert_eq!(f.a[0].text, "may");
        check_flags(
            "The dispute may spread to the rail freight yards at Fenwick Junction.",
            "The dispute may spread to the freight yards at Fenwick Junction.",
            &[],
        );
        // A hedge on a clause only one side has is that clause's, not the
        // shared claim hedged.
        let report = crate::classify::testutil::flag_report(
            "Gaetano Lo Presti, 52, hanged himself in his cell on Tuesday evening after he was arrested in the raid.",
            "Gaetano Lo Presti, 52, hanged himself in his cell on Tuesday evening after he is believed to have read police transcripts.",
        );
        let names: Vec<&str> = report.rows.iter().flat_map(|r| r.flags.iter().map(|f| f.name.as_str())).collect();
        assert!(!names.contains(&"hedge_changed"), "{names:?}");
        // The month is no hedge; the modal verb is.
        check_flags(
            "A magnitude 8.6 quake struck off Aceh in April last year, officials said.",
            "A magnitude 8.6 quake struck off Aceh in May last year, officials said.",
            &[],
        );
        check_flags(
            "The dispute may spread to the rail freight yards at Fenwick Junction.",
            "The dispute will spread to the rail freight yards at Fenwick Junction.",
            &["hedge_changed"],
        );
        // The same attribution in other words is no hedge; an attribution a
        // bare statement gains is.
        check_flags(
            "The actress checked into a rehab centre on Tuesday, her publicist Ina Brel said.",
            "The actress checked into a rehab centre on Tuesday, according to her publicist, Ina Brel.",
            &[],
        );
        check_flags(
            "The actress checked into a rehab centre on Tuesday.",
            "The actress checked into a rehab centre on Tuesday, according to her publicist, Ina Brel.",
            &["hedge_changed"],
        );
        check_flags(
            "Clinton has amassed the 2,383 delegates she needs to win the nomination, according to a tally.",
            "Reports indicate Clinton has amassed the 2,383 delegates she needs to win the nomination.",
            &[],
        );
        check_flags(
            "Ross was reportedly paid $3 million to direct the first film.",
            "The Hollywood Reporter says Ross was paid $3 million to direct the first film.",
            &[],
        );
        // "Police say X" is "according to police, X"; and an attribution in
        // the sentence just before carries over to the next.
        check_flags(
            "Police say the driver had a blood alcohol level of 0.31% on Friday night.",
            "The driver had a blood alcohol level of 0.31% on Friday night, according to police.",
            &[],
        );
        check_flags(
            "Police say the driver's blood alcohol level was 0.31%.\n\nThat is nearly four times the legal limit for drivers in the state.",
            "His blood alcohol level was nearly four times the legal limit for drivers in the state, according to the charges.",
            &[],
        );
        // A hedge of the same kind in other words keeps the hedge.
        for (a, b) in [
            (
                "The alleged gunman was arrested at his home on Friday.",
                "The gunman, who allegedly fired first, was arrested at his home on Friday.",
            ),
            ("The gunman reportedly fled in a stolen car.", "The gunman allegedly fled in a stolen car."),
            ("The strike might spread to the rail yards.", "The strike could spread to the rail yards."),
            (
                "Police said it appeared the crew was poorly equipped for the crossing.",
                "Police said the crew appeared to be poorly equipped for the crossing.",
            ),
            (
                "Vale faces the DUI allegation as well as a probation charge.",
                "Vale faces charges on the alleged DUI as well as a probation charge.",
            ),
            (
                "The Russian pulled out with an ankle injury and could not face Vale.",
                "The Russian pulled out with an ankle injury and did not face Vale.",
            ),
            (
                "The Russian pulled out with an ankle injury and could n't face Vale.",
                "The Russian pulled out with an ankle injury and did not face Vale.",
            ),
            // A modal of purpose says why, not how likely.
            (
                "Police delayed naming the trooper so his family could be told first.",
                "Police delayed naming the trooper so his family was told first.",
            ),
        ] {
            check_flags(a, b, &[]);
        }

        check_flags(
            "The gunman reportedly fled in a stolen car.",
            "The gunman may have fled in a stolen car.",
            &["hedge_changed"],
        );
        // Both sides attributing alike is no change, whatever precedes them.
        check_flags(
            "The stoppage costs the port about $1.2bn a week, according to the Chamber of Commerce.",
            "Police said the pickets were peaceful.\n\nThe stoppage costs the port about $1.2 billion a week, according to the Chamber of Commerce.",
            &[],
        );
    }
}
