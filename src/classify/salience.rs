//! How much a stretch of text matters to a reader (names, accusation and
//! action verbs, numbers, other content words), and the ranked summary of
//! a pairwise report built from it: [`highlights`].

use super::asides::{
    continues_quotation, only_past_years, opens_in_a_past_year, reads_as_headline, story_year, writer_speaks,
};
use super::people::{
    name_mentions, person_differences, person_facts, spelling_differences, transliterated, NameMention, PersonFact,
};
use super::weights::{confidence, flag_weight};
use crate::findings::claims::{ClaimEntry, ClaimStatus, DateGap, Variant};
use crate::findings::{Flag, Highlight, Row, SourceInfo, Status};
use crate::normalize::{Token, TokenKind};
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Accusation and action verbs: a one-source clause or sentence with one of
/// these is a claim worth reading first.
const SALIENT_VERBS: &[&str] = &[
    "abducted",
    "accused",
    "accusing",
    "admitted",
    "alleged",
    "armed",
    "arming",
    "arrested",
    "attacked",
    "attacking",
    "backed",
    "backing",
    "bankrolled",
    "bankrolling",
    "banned",
    "blamed",
    "bombed",
    "condemned",
    "confirmed",
    "denied",
    "detained",
    "executed",
    "financed",
    "financing",
    "funded",
    "funding",
    "helped",
    "helping",
    "injured",
    "kidnapped",
    "killed",
    "ordered",
    "raided",
    "refused",
    "rejected",
    "shot",
    "sponsored",
    "supported",
    "supporting",
    "threatened",
    "wounded",
];

/// Whether a word (lower case) is an accusation or action verb. Verb forms
/// only, matched as written: "attacks" and "support" are as often nouns.
pub fn is_salient_verb(word: &str) -> bool {
    SALIENT_VERBS.binary_search(&word).is_ok()
}

/// How much a stretch of text matters to a reader: named people, places
/// and organisations, accusation/action verbs, numbers, then other content
/// words.
pub fn salience(text: &str) -> f32 {
    salience_of(text, &crate::normalize::tokens(text))
}

/// [`salience`] over tokens already made: their spans index into `text`.
pub fn salience_of(text: &str, toks: &[Token]) -> f32 {
    let names: HashSet<&str> = toks.iter().filter(|t| t.kind == TokenKind::Name).map(|t| t.key.as_str()).collect();
    let verbs = toks.iter().filter(|t| is_salient_verb(&text[t.start..t.end].to_lowercase())).count();
    let numbers = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    2.0 * names.len().min(3) as f32 + 6.0 * verbs.min(2) as f32 + numbers.min(3) as f32 + 0.2 * words.min(10) as f32
}

/// A flag's ranking score: its kind's weight raised by the salience of the
/// words behind it, scaled by how sure it is.
fn flag_salience(f: &Flag, similarity: f32) -> Option<f32> {
    let base = flag_weight(f).filter(|_| super::weights::listed(f, similarity))?;
    let words: String = f.a.iter().chain(&f.b).map(|e| e.text.as_str()).collect::<Vec<_>>().join(" ");
    Some((base + salience(&words)) * confidence(f, similarity))
}

/// A one-source sentence's ranking score: its salience, halved for a line
/// without closing punctuation (a headline, subheading or standfirst: it may
/// state a claim, but it repeats the body). `None` below the bar of a
/// finding worth listing.
fn single_salience(sentence: &str, now: Option<u16>) -> Option<f32> {
    single_salience_of(sentence, now, || salience(sentence))
}

/// [`single_salience`] given the sentence's salience (computed only when
/// needed). `now` is the story's year ([`story_year`]), when known.
fn single_salience_of(sentence: &str, now: Option<u16>, salience: impl FnOnce() -> f32) -> Option<f32> {
    // A question asserts nothing ("Do you support Dr. Ben Carson?"), and a
    // headline restates the story: neither is a claim one outlet makes alone.
    // Nor is a link to another story run into the text ("More from ...").
    if sentence.trim_end().ends_with('?') || reads_as_headline(sentence) || crate::lexicon::opens_as_link(sentence) {
        return None;
    }
    let s = salience();
    let full = sentence.trim_end().ends_with(['.', '!', '"', '\u{201d}', ')']);
    // Background (what happened in an earlier year) and the writer's own
    // voice (a columnist's "I") are true but seldom what an editor acts on.
    let aside = opens_in_a_past_year(sentence) || only_past_years(sentence, now) || writer_speaks(sentence);
    let weight = if full { 1.0 } else { 0.5 } * if aside { 0.5 } else { 1.0 };
    (s >= 3.0).then_some(s * weight)
}

/// Ranks a claims report's findings for its summary, as [`highlights`] does
/// for a pair: each flag between an outlet's wording and the claim's
/// representative, each clause one outlet adds, and each one-outlet claim,
/// by the same weights. `row` is the claim's index in `claims`, `refs` the
/// claim id and the outlet's source number (`C12 [3]`).
pub fn claim_highlights(claims: &[ClaimEntry], sources: &[SourceInfo], date_gaps: &[DateGap]) -> Vec<Highlight> {
    // A person two outlets age or place differently, wherever in the story
    // they say it. An outlet dated far from the others may give an age a
    // year on: it is left out.
    let sentences = claims.iter().enumerate().filter(|(_, c)| c.clause.is_none()).flat_map(|(k, c)| {
        let dated = c.variants.iter().filter(|v| date_gaps.iter().all(|g| g.source != v.source));
        dated.filter_map(move |v| Some((v.source, *v.side.indices.first()?, k, v.side.sentence.as_str())))
    });
    let label = |_: usize, _: usize, k: usize| claims[k].id.clone();
    let outlet_of = |s: usize| format!("[{}] {}", s + 1, sources[s].outlet);
    let now = story_year(
        sources.iter().map(|s| s.date.as_deref()),
        claims.iter().flat_map(|c| c.variants.iter().map(|v| (v.source, v.side.sentence.as_str()))),
    );
    let mut res = people_highlights(sentences.clone(), label, outlet_of);
    res.extend(super::figures::figure_highlights(sentences, now, label, outlet_of));
    // A one-outlet sentence's rank in the summary, `None` when it is not
    // listed: another outlet may carry it in other words (then "only this
    // outlet" is not sure enough to lead the summary), or it restates the
    // others, or it is below the bar. (The claim's salience was computed
    // from the corpus's tokens of this same sentence.)
    let unique_salience = |c: &ClaimEntry| {
        if c.status != ClaimStatus::Unique || c.clause.is_some() {
            return None;
        }
        if c.nearest_elsewhere.is_some_and(|p| p >= UNIQUE_LEAD_MAX) || c.novelty.is_some_and(|n| !leads_as_new(n)) {
            return None;
        }
        single_salience_of(&c.variants.first()?.side.sentence, now, || c.salience)
    };
    // Each claim's rank as a one-outlet item, computed once: the listed
    // ones are also what a quotation may carry on from.
    let unique_ranks: Vec<Option<f32>> = claims.iter().map(unique_salience).collect();
    let listed: HashSet<(usize, usize)> = claims
        .iter()
        .zip(&unique_ranks)
        .filter(|(_, rank)| rank.is_some())
        .filter_map(|(c, _)| Some((c.variants[0].source, *c.variants[0].side.indices.first()?)))
        .collect();
    let mut people_pairs: HashSet<(String, String)> = HashSet::new();
    for (k, c) in claims.iter().enumerate() {
        let outlet = |v: &Variant| format!("[{}] {}", v.source + 1, sources[v.source].outlet);
        match (c.status, &c.clause) {
            (ClaimStatus::Shared, _) => {
                // One difference that several outlets' wordings share against
                // the representative ("170,000" for "230,000" in two of them)
                // is one finding, listed with every outlet that has it.
                let mut found: Vec<(&Flag, f32, Vec<&Variant>)> = Vec::new();
                for v in c.variants.iter().filter(|v| !v.flags.is_empty()) {
                    for f in &v.flags {
                        // A clause one outlet adds is listed as its own claim.
                        if matches!(f.name.as_str(), "clause_only_a" | "clause_only_b") {
                            continue;
                        }
                        let Some(s) = flag_salience(f, v.similarity) else { continue };
                        match found.iter_mut().find(|x| x.0.name == f.name && x.0.explanation == f.explanation) {
                            Some(x) => {
                                x.1 = x.1.max(s);
                                x.2.push(v);
                            }
                            None => found.push((f, s, vec![v])),
                        }
                    }
                }
                for (f, s, vs) in found {
                    // One pair of speakers swapped on several quotations of
                    // the story is one finding (its first claim listed).
                    // So is a person named otherwise on several claims, or
                    // both as a speaker and a name.
                    let names = match super::quotes::changed_speakers(&f.explanation) {
                        Some(pair) => Some(pair),
                        None if f.rule == "name:different" => {
                            f.a.first().zip(f.b.first()).map(|(x, y)| (x.text.as_str(), y.text.as_str()))
                        }
                        None => None,
                    };
                    if let Some((x, y)) = names {
                        let surname = |n: &str| {
                            let last = n.split_whitespace().last().unwrap_or("");
                            last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
                        };
                        let (x, y) = (surname(x), surname(y));
                        if !people_pairs.insert(if x <= y { (x, y) } else { (y, x) }) {
                            continue;
                        }
                    }
                    let sources: Vec<String> = vs.iter().map(|v| format!("[{}]", v.source + 1)).collect();
                    let outlets: Vec<String> = vs.iter().map(|v| outlet(v)).collect();
                    res.push(Highlight {
                        row: k,
                        kind: f.name.clone(),
                        salience: s,
                        refs: format!("{} {}", c.id, sources.join(" ")),
                        summary: format!("{}: {}", outlets.join(", "), f.explanation),
                    });
                }
            }
            (ClaimStatus::Unique, Some(cl)) => {
                let v = &c.variants[0];
                res.push(Highlight {
                    row: k,
                    kind: "clause_unique".to_owned(),
                    salience: 8.0 + salience(&cl.text),
                    refs: format!("{} [{}]", c.id, v.source + 1),
                    summary: format!("only {} adds to {}: \"{}\"", outlet(v), cl.claim, cl.text),
                });
            }
            (ClaimStatus::Unique, None) => {
                let v = &c.variants[0];
                let Some(s) = unique_ranks[k] else { continue };
                // A quotation that carries on from a listed sentence of its
                // outlet just before it (the rest of a quote, the words of
                // a statement just reported) is that finding again.
                let i = v.side.indices.first().copied().unwrap_or(0);
                let follows = (1..=2).any(|d| i >= d && listed.contains(&(v.source, i - d)));
                if follows && continues_quotation(&v.side.sentence) {
                    continue;
                }
                res.push(Highlight {
                    row: k,
                    kind: "unique".to_owned(),
                    salience: s,
                    refs: format!("{} [{}]", c.id, v.source + 1),
                    summary: format!("only {}: {}", outlet(v), v.side.sentence),
                });
            }
        }
        if res.len() >= 2 * MAX_HIGHLIGHTS + 64 {
            rank_highlights_capped(&mut res, Some(OUTLET_CAP));
        }
    }
    rank_highlights_capped(&mut res, Some(OUTLET_CAP));
    res
}

/// A one-outlet sentence leads the summary only when no other outlet's
/// sentence reaches this same-claim probability with it (below the pairing
/// floor, [`crate::sameclaim::PAIR_FLOOR`]): "only this outlet" must be
/// sure. On three judged stories, the one-outlet sentences a reader found
/// useful had their nearest other sentence at 0.11-0.24, those that another
/// outlet carries in other words at 0.26-0.30 (and some lower: "declined to
/// reveal the reason" / "did not specify what she was treated for", 0.11).
pub(crate) const UNIQUE_LEAD_MAX: f32 = 0.25;

/// A one-outlet sentence leads the summary only when more than this share
/// of its content words is found in no other outlet
/// ([`ClaimEntry::novelty`], [`novelty`]). Of the 102 one-outlet sentences
/// a reader judged in the summaries of 15 real stories, the three at a
/// fifth or less were two restating other outlets ("The team's best running
/// back also sat out in Week 17": every word is in another outlet's account)
/// and one minor aside; the 19 judged useful had 0.4 or more.
pub(crate) const NOVEL_LEAD_MIN: f32 = 0.2;

/// The share of a sentence's content words (`keys` with their kinds) that
/// no other source uses, where `elsewhere` tells whether another does. A
/// name another source also gives is the story's subject, not the claim,
/// and counts for neither side ("Okonjo-Vance said the union would hold a
/// vigil ..."). `None` for a sentence without content words.
pub(crate) fn novelty<'k>(
    keys: impl Iterator<Item = (&'k str, TokenKind)>,
    elsewhere: impl Fn(&str) -> bool,
) -> Option<f32> {
    let mut seen: HashSet<&str> = HashSet::new();
    let (mut new, mut old, mut any) = (0usize, 0usize, false);
    for (key, kind) in keys.filter(|(_, kind)| *kind != TokenKind::Stop) {
        if !seen.insert(key) {
            continue;
        }
        any = true;
        if !elsewhere(key) {
            new += 1;
        } else if kind != TokenKind::Name {
            old += 1;
        }
    }
    any.then(|| if new == 0 { 0.0 } else { new as f32 / (new + old) as f32 })
}

/// Whether a one-outlet sentence with this share of words of its own
/// (found in no other source) may lead the summary.
pub(crate) fn leads_as_new(novelty: f32) -> bool {
    novelty > NOVEL_LEAD_MIN
}

/// How many findings the summary lists.
const MAX_HIGHLIGHTS: usize = 10;

/// Ranks a report's findings for the summary: altered quotes and changed
/// speakers first, then one-source clauses, changed numbers, negations and
/// hedges, and one-source sentences, each raised by the salience of its
/// words. Spelling-only name variants are left out: they change nothing.
/// Headlines rank at half weight.
///
/// `near` holds the one-side rows whose sentence stands near one of the
/// other article's (a pair below the claim floor): they do not lead as one
/// side's alone, as in claims mode.
pub fn highlights(rows: &[Row], near: &HashSet<usize>) -> Vec<Highlight> {
    let mut res: Vec<Highlight> = Vec::new();
    // A pairwise report has no dates here: the latest year both articles
    // name.
    let sides = rows.iter().flat_map(|r| {
        let a = r.a.as_ref().map(|s| (0, s.sentence.as_str()));
        let b = r.b.as_ref().map(|s| (1, s.sentence.as_str()));
        a.into_iter().chain(b)
    });
    let now = story_year(std::iter::empty(), sides);
    // Each side's content words, for the share of a one-side sentence's
    // words the other side never uses.
    let words_of = |pick: fn(&Row) -> Option<&crate::findings::Side>| -> HashSet<String> {
        let sentences: HashSet<&str> = rows.iter().filter_map(|r| pick(r).map(|s| s.sentence.as_str())).collect();
        sentences.into_iter().flat_map(content_keys).collect()
    };
    let (words_a, words_b) = (words_of(|r| r.a.as_ref()), words_of(|r| r.b.as_ref()));
    // A person the two articles age or place differently, wherever in them.
    let sentences = rows.iter().enumerate().flat_map(|(k, r)| {
        let sides = [(0, r.a.as_ref()), (1, r.b.as_ref())];
        sides.into_iter().filter_map(move |(source, side)| {
            let side = side?;
            Some((source, *side.indices.first()?, k, side.sentence.as_str()))
        })
    });
    let side_name = |s: usize| if s == 0 { "A" } else { "B" };
    res.extend(people_highlights(sentences, |s, i, _| format!("{}{i}", side_name(s)), |s| side_name(s).to_owned()));
    for (row_idx, row) in rows.iter().enumerate() {
        let refs = match (&row.a, &row.b) {
            (Some(a), Some(b)) => format!("A{} B{}", a.index_label(), b.index_label()),
            (Some(a), None) => format!("A{}", a.index_label()),
            (None, Some(b)) => format!("B{}", b.index_label()),
            (None, None) => String::new(),
        };
        for f in &row.flags {
            let Some(s) = flag_salience(f, row.similarity) else { continue };
            res.push(Highlight {
                row: row_idx,
                kind: f.name.clone(),
                salience: s,
                refs: refs.clone(),
                summary: f.explanation.clone(),
            });
        }
        // A one-side sentence near a sentence of the other article: any
        // clause flagged as what it adds is the finding.
        let single = match row.status {
            _ if near.contains(&row_idx) => None,
            Status::OnlyA => row.a.as_ref(),
            Status::OnlyB => row.b.as_ref(),
            _ => None,
        };
        if let Some(side) = single {
            let others = if row.status == Status::OnlyA { &words_b } else { &words_a };
            let toks = crate::normalize::tokens(&side.sentence);
            let new = novelty(toks.iter().map(|t| (t.key.as_str(), t.kind)), |k| others.contains(k));
            if new.is_some_and(|n| !leads_as_new(n)) {
                continue;
            }
            // A headline may state a claim ("India is also helping the
            // group"), but ranks at half weight (`single_salience`).
            if let Some(s) = single_salience(&side.sentence, now) {
                res.push(Highlight {
                    row: row_idx,
                    kind: row.status.as_str().to_owned(),
                    salience: s,
                    refs: refs.clone(),
                    summary: format!(
                        "only in {}: {}",
                        if row.status == Status::OnlyA { "A" } else { "B" },
                        side.sentence
                    ),
                });
            }
        }
        // Only the best few are kept: ranking as we go keeps a large
        // article's one-source sentences from being copied into highlights
        // all at once. A stable sort over the kept ones and the newcomers
        // picks what one sort over all would.
        if res.len() >= 2 * MAX_HIGHLIGHTS + 64 {
            rank_highlights(&mut res);
        }
    }
    rank_highlights(&mut res);
    res
}

/// How much an age two sources give differently matters in the summary: a
/// fact about a person in the news that one of them has wrong (as much as
/// a changed speaker).
const AGE_WEIGHT: f32 = 18.0;
/// ...and a home town: one may name a district of the other's town.
const HOMETOWN_WEIGHT: f32 = 12.0;
/// ...and a person's name spelled two ways: one outlet has it wrong
/// ("Malcom"/"Malcolm")...
const SPELLING_WEIGHT: f32 = 12.0;
/// ...or, when only vowels and doubled letters differ, more often two
/// transliterations ("Heidar"/"Heydar"): listed below most findings.
const TRANSLITERATION_WEIGHT: f32 = 6.0;

/// The people whose age or home town the sources give differently
/// ([`super::people`]), as summary findings. `sentences` gives each
/// sentence as (source, index, row, text), a sentence on several rows
/// once (its first row); `label` a sentence's reference from its source,
/// index and row; `source` a source's label.
fn people_highlights<'s>(
    sentences: impl Iterator<Item = (usize, usize, usize, &'s str)>,
    label: impl Fn(usize, usize, usize) -> String,
    source: impl Fn(usize) -> String,
) -> Vec<Highlight> {
    // (source, index) -> (row, text), in reading order.
    let mut at: BTreeMap<(usize, usize), (usize, &str)> = BTreeMap::new();
    for (s, i, row, text) in sentences {
        at.entry((s, i)).or_insert((row, text));
    }
    let facts: Vec<PersonFact> = at.iter().flat_map(|(&(s, i), &(_, text))| person_facts(s, i, text)).collect();
    let mentions: Vec<NameMention> = at.iter().flat_map(|(&(s, i), &(_, text))| name_mentions(s, i, text)).collect();
    // The story's words in lower case, read only when two spellings are
    // found: a name word the story also writes in lower case is a word.
    let lower: OnceCell<HashSet<&str>> = OnceCell::new();
    let is_word = |w: &str| {
        let lower = lower.get_or_init(|| {
            let words = at.values().flat_map(|(_, text)| text.split(|c: char| !c.is_alphabetic()));
            words.filter(|w| w.starts_with(|c: char| c.is_lowercase())).collect()
        });
        lower.contains(w.to_lowercase().as_str())
    };
    let spellings = spelling_differences(&mentions, is_word);
    let mut res = Vec::new();
    let found = person_differences(&facts).into_iter().map(|d| (d, true));
    for (d, of_facts) in found.chain(spellings.into_iter().map(|d| (d, false))) {
        let place = |k: usize| {
            if of_facts {
                (facts[k].source, facts[k].sentence)
            } else {
                (mentions[k].source, mentions[k].sentence)
            }
        };
        let (mut row, mut refs) = (usize::MAX, Vec::new());
        let mut values = Vec::new();
        for (value, ks) in &d.values {
            let mut sources: Vec<usize> = ks.iter().map(|&k| place(k).0).collect();
            sources.dedup();
            for &k in ks {
                let (s, i) = place(k);
                let r = at[&(s, i)].0;
                row = row.min(r);
                let l = label(s, i, r);
                if !refs.contains(&l) {
                    refs.push(l);
                }
            }
            let value = if d.kind == "hometown_differs" { format!("of {value}") } else { value.clone() };
            values.push(format!("{value} in {}", sources.into_iter().map(&source).collect::<Vec<_>>().join(", ")));
        }
        let (what, salience) = match d.kind {
            "age_differs" => ("age", AGE_WEIGHT),
            "hometown_differs" => ("home town", HOMETOWN_WEIGHT),
            _ if transliterated(&d) => ("spelling", TRANSLITERATION_WEIGHT),
            _ => ("spelling", SPELLING_WEIGHT),
        };
        res.push(Highlight {
            row,
            kind: d.kind.to_owned(),
            salience,
            refs: refs.join(" "),
            summary: format!("{what} of {}: {}", d.name, values.join("; ")),
        });
    }
    res
}

/// The normalised keys of a text's content words (no function words).
pub(crate) fn content_keys(text: &str) -> HashSet<String> {
    crate::normalize::tokens(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Stop)
        .map(|t| t.key.to_string())
        .collect()
}

/// Sorts highlights by salience, highest first (ties in row order), and
/// keeps the first [`MAX_HIGHLIGHTS`]. One finding is listed once: a second
/// flag of the same kind on the same claim and outlets (two stretches of
/// one quotation that differ) is left to the claim's detail. Clauses one
/// side adds are each a claim of their own and all stay.
fn rank_highlights(res: &mut Vec<Highlight>) {
    rank_highlights_capped(res, None);
}

/// In a claims report's summary, one outlet's own claims (what it alone
/// carries, whole or as a clause) take at most this many lines while
/// other findings wait: a long article's background would otherwise fill
/// the summary and push out the short outlet's one allegation. Those past
/// the cap follow every other finding, so a story with little else still
/// lists them.
const OUTLET_CAP: usize = 3;

/// The outlet a one-outlet finding of a claims report belongs to (its
/// refs are the claim id and that outlet's source number, `C12 [3]`).
fn lone_outlet(h: &Highlight) -> Option<&str> {
    matches!(h.kind.as_str(), "unique" | "clause_unique").then(|| h.refs.split_once(' ').map(|x| x.1)).flatten()
}

/// [`rank_highlights`], with at most `cap` one-outlet findings of each
/// outlet ahead of the rest. Calling it as findings arrive keeps what one
/// call over them all would: an outlet's findings past the cap only fall
/// further as others arrive.
fn rank_highlights_capped(res: &mut Vec<Highlight>, cap: Option<usize>) {
    res.sort_by(|x, y| y.salience.total_cmp(&x.salience).then(x.row.cmp(&y.row)));
    let mut seen: HashSet<(usize, String, String)> = HashSet::new();
    res.retain(|h| h.kind.starts_with("clause_only") || seen.insert((h.row, h.kind.clone(), h.refs.clone())));
    if let Some(cap) = cap {
        let mut listed: HashMap<String, usize> = HashMap::new();
        let (ahead, past): (Vec<Highlight>, Vec<Highlight>) = std::mem::take(res).into_iter().partition(|h| {
            let Some(outlet) = lone_outlet(h) else { return true };
            let n = listed.entry(outlet.to_owned()).or_default();
            *n += 1;
            *n <= cap
        });
        *res = ahead;
        res.extend(past);
    }
    res.truncate(MAX_HIGHLIGHTS);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::testutil::flag_report;
    use crate::findings::Side;

    #[test]
    fn highlights_rank_quotes_and_salient_claims_first() {
        let a = "\u{201c}Engineers who answer to the port authority must inspect them,\u{201d} said Dariusz Okonjo-Vance.\n\n\
                 About 1,200 dock workers at the Kessel Quay terminal walked off the job on Wednesday.\n\n\
                 The weather was mild.";
        let b = "\"Engineers who answer to the minister must inspect them,\" said Dariusz Okonjo-Vance.\n\n\
                 About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.\n\n\
                 Police said the strike was funded by Greyfield Lifting Services of Saltmere.";
        let report = flag_report(a, b);
        let kinds: Vec<&str> = report.highlights.iter().map(|h| h.kind.as_str()).collect();
        assert_eq!(kinds.first(), Some(&"quote_altered"), "{kinds:?}");
        assert!(kinds.contains(&"only_b") && kinds.contains(&"number_changed"), "{kinds:?}");
        assert!(salience("the strike was funded by Greyfield of Saltmere") > salience("the weather was mild today"));
    }

    #[test]
    fn background_and_the_writers_asides_rank_at_half_weight() {
        let news = "A crane collapse at Kessel Quay killed 14 dock workers on Tuesday.";
        let past = "In March 2009 a crane collapse at Kessel Quay killed 14 dock workers.";
        let aside = "The Ledger, where I write a column, killed 14 stories on Kessel Quay on Tuesday.";
        let full = single_salience(news, None).unwrap();
        assert!(single_salience(past, None).unwrap() < 0.6 * full);
        let joan = aside.replace(" I ", " Joan ");
        assert!(single_salience(aside, None).unwrap() < 0.6 * single_salience(&joan, None).unwrap());
        // Years all before the story's year are background wherever they
        // sit; a year of the story's own is not.
        let history = "Perot sold the firm to General Motors for $2.5 billion in 1984.";
        let plan = "The firm will close the yard in 2008, Perot said.";
        let recent = "The contract was awarded in 2005 without a public tender.";
        assert_eq!(single_salience(recent, Some(2008)), single_salience(recent, None));
        let hired = "The deal, announced Tuesday, is the biggest since Hurd was hired in 2005.";
        assert_eq!(single_salience(hired, Some(2008)), single_salience(hired, None));
        let full = single_salience(history, None).unwrap();
        assert!(single_salience(history, Some(2008)).unwrap() < 0.6 * full);
        assert_eq!(single_salience(plan, Some(2008)), single_salience(plan, None));
        assert_eq!(single_salience(news, Some(2008)), single_salience(news, None));
        // A quoted "I" is the speaker's, not the writer's.
        let quoted = "\u{201c}I saw the crane fall at Kessel Quay,\u{201d} said Dariusz Okonjo-Vance.";
        assert!(!writer_speaks(quoted) && writer_speaks(aside));
        // A roman numeral after a name is no first person; a pronoun after a
        // sentence's opening word or a conjunction is.
        assert!(!writer_speaks("The veterans of World War I were honoured on Sunday."));
        assert!(!writer_speaks("The Queen's visit recalled that of Elizabeth I to the port."));
        assert!(writer_speaks("Yesterday I spoke to the minister."));
        assert!(writer_speaks("The minister and I spoke on Sunday."));
        assert!(writer_speaks("On Tuesday I spoke to the minister."));
        assert!(opens_in_a_past_year(past) && !opens_in_a_past_year(news));
    }

    #[test]
    fn a_finding_is_listed_once_but_every_added_clause_stays() {
        let h = |kind: &str, salience: f32| Highlight {
            row: 3,
            kind: kind.to_owned(),
            salience,
            refs: "C4 [2]".to_owned(),
            summary: format!("{kind} {salience}"),
        };
        let mut res =
            vec![h("quote_altered", 20.0), h("quote_altered", 25.0), h("clause_only_b", 9.0), h("clause_only_b", 8.0)];
        rank_highlights(&mut res);
        let got: Vec<&str> = res.iter().map(|h| h.summary.as_str()).collect();
        assert_eq!(got, ["quote_altered 25", "clause_only_b 9", "clause_only_b 8"]);
    }

    #[test]
    fn one_outlet_takes_at_most_three_lines_while_others_wait() {
        let h = |kind: &str, outlet: usize, salience: f32| Highlight {
            row: 0,
            kind: kind.to_owned(),
            salience,
            refs: format!("C{salience} [{outlet}]"),
            summary: format!("{kind} [{outlet}] {salience}"),
        };
        let mut all: Vec<Highlight> = (0..8).map(|k| h("unique", 1, 30.0 - k as f32)).collect();
        all.extend([h("unique", 2, 12.0), h("quote_altered", 3, 5.0), h("clause_unique", 2, 4.0)]);
        let mut res = all.clone();
        rank_highlights_capped(&mut res, Some(OUTLET_CAP));
        let got: Vec<&str> = res.iter().map(|h| h.summary.as_str()).collect();
        assert_eq!(
            got,
            [
                "unique [1] 30",
                "unique [1] 29",
                "unique [1] 28",
                "unique [2] 12",
                "quote_altered [3] 5",
                "clause_unique [2] 4",
                "unique [1] 27",
                "unique [1] 26",
                "unique [1] 25",
                "unique [1] 24",
            ]
        );
        // Ranked as they arrive, in any cut, the same ten.
        let mut step: Vec<Highlight> = Vec::new();
        for x in all.iter().rev() {
            step.push(x.clone());
            rank_highlights_capped(&mut step, Some(OUTLET_CAP));
        }
        assert_eq!(step, res);
        // Without a cap (pairwise reports), salience alone.
        let mut plain = all;
        rank_highlights(&mut plain);
        assert_eq!(plain[3].summary, "unique [1] 27");
    }

    #[test]
    fn a_sentence_in_other_sources_words_does_not_lead_as_new() {
        let keys = |s: &str| -> Vec<(String, TokenKind)> {
            crate::normalize::tokens(s).into_iter().map(|t| (t.key.to_string(), t.kind)).collect()
        };
        let other: HashSet<String> = keys(
            "Dariusz Okonjo-Vance said the union's members walked off the job at the terminal gates. \
             The crane operator, Tomas Renn, died on Tuesday.",
        )
        .into_iter()
        .map(|(k, _)| k)
        .collect();
        let share = |s: &str| {
            let ks = keys(s);
            novelty(ks.iter().map(|(k, t)| (k.as_str(), *t)), |k| other.contains(k)).unwrap()
        };
        // Every word is in the other source.
        assert_eq!(share("The union's members walked off the job on Tuesday."), 0.0);
        // Names the other source gives count for neither side: two new
        // words ("hold", "vigil") of the six that are not names.
        let vigil = share("Okonjo-Vance said the union would hold a vigil for Renn at the terminal gates.");
        assert!(vigil > NOVEL_LEAD_MIN && leads_as_new(vigil), "{vigil}");
        assert!((vigil - 2.0 / 6.0).abs() < 1e-6, "{vigil}");
        assert_eq!(novelty(std::iter::empty(), |_| false), None);

        // In a pairwise report, such a sentence is not "only in B", where a
        // sentence with words of its own is.
        let side = |i: usize, text: &str| Side {
            source: String::new(),
            indices: vec![i],
            sentence: text.to_owned(),
            spans: Vec::new(),
        };
        let row = |status: Status, a: Option<Side>, b: Option<Side>| Row {
            status,
            similarity: 0.0,
            a,
            b,
            diff: Vec::new(),
            flags: Vec::new(),
            explain: None,
        };
        let rows = [
            row(Status::OnlyA, Some(side(0, "Police said the crane's brakes had failed twice since January, inspection records show.")), None),
            row(
                Status::OnlyA,
                Some(side(1, "Greyfield Lifting Services, which maintains the cranes, declined to comment.")),
                None,
            ),
            row(
                Status::OnlyB,
                None,
                Some(side(0, "Greyfield Lifting, which maintains the cranes, said the brakes had failed twice since January, police said.")),
            ),
            row(
                Status::OnlyB,
                None,
                Some(side(1, "Police arrested two Greyfield managers at the terminal on Thursday.")),
            ),
        ];
        let found = highlights(&rows, &HashSet::new());
        let refs: Vec<&str> = found.iter().map(|h| h.refs.as_str()).collect();
        assert!(refs.contains(&"B1") && refs.contains(&"A0") && !refs.contains(&"B0"), "{refs:?}");
    }

    #[test]
    fn salient_verbs_are_sorted_for_binary_search() {
        assert!(SALIENT_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_salient_verb("bankrolled") && is_salient_verb("backed") && !is_salient_verb("attacks"));
    }
}
