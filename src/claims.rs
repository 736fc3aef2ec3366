//! The many-outlet report: from claim clusters to a [`ClaimsReport`].
//!
//! For every claim, each outlet's wording is compared with the
//! representative (word diff and flags, as in pairwise mode), unique claims
//! are ranked by salience, each outlet gets a consistency summary, and where
//! dates are known the earliest outlet and copying hints are worked out.
//! Pure computation; the reporters only print what this builds.

use crate::align;
use crate::classify;
use crate::cluster::Claim;
use crate::corpus::Corpus;
use crate::findings::{
    self,
    claims::{ClaimEntry, ClaimStatus, ClaimsReport, ClauseOf, CopyHint, DateGap, OutletSummary, Provenance, Variant},
};
use crate::normalize::TokenKind;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Copying hints are worked out for claims carried by at most this many
/// dated outlets.
const PROVENANCE_HINTS_MAX: usize = 32;

/// A later outlet is said to follow an earlier one when its wording scores
/// at least this against it...
const COPY_MIN_SIMILARITY: f32 = 0.8;
/// ...and beats every other earlier outlet by at least this...
const COPY_MIN_MARGIN: f32 = 0.05;
/// ...or, when only one earlier outlet carries the claim, is this close to
/// it (near-verbatim).
const COPY_SOLE_SIMILARITY: f32 = 0.95;

/// Builds the report for claims clustered over `corpus`.
/// With the `encoder` the corpus was embedded with, a clause one outlet adds
/// is also checked against the other outlets' sentences by meaning.
pub fn claims_report(corpus: &Corpus, claims: &[Claim], encoder: Option<&crate::semantic::Encoder>) -> ClaimsReport {
    let sources: Vec<_> = corpus.docs.iter().map(findings::source_info).collect();
    // Quotations are extracted once per article (in parallel: articles are
    // independent) and shared by every claim's flag rules.
    let quotes: Vec<classify::DocQuotes> = corpus.docs.par_iter().map(classify::doc_quotes).collect();
    let n_sources = sources.len();
    let mut entries: Vec<ClaimEntry> = claims
        .par_iter()
        .enumerate()
        .map(|(k, claim)| {
            let rep = &claim.members[claim.representative];
            let rep_side = findings::side(&corpus.docs[rep.doc], &rep.sentences);
            let variants = claim
                .members
                .iter()
                .enumerate()
                .map(|(x, m)| {
                    let side = findings::side(&corpus.docs[m.doc], &m.sentences);
                    let (diff, flags) = if x == claim.representative {
                        (Vec::new(), Vec::new())
                    } else {
                        let mut flags = classify::group_flags(
                            (&corpus.docs[rep.doc], &rep.sentences, &quotes[rep.doc]),
                            (&corpus.docs[m.doc], &m.sentences, &quotes[m.doc]),
                        );
                        // As in pairwise reports: a detail flag needs a pair
                        // that is one claim; a member that joined through
                        // the others (below that with the representative)
                        // keeps only the clauses it adds.
                        if m.score.same_claim < crate::sameclaim::CONFIDENT {
                            flags.retain(|f| f.name.starts_with("clause_only"));
                        }
                        (classify::word_diff(&rep_side.sentence, &side.sentence), flags)
                    };
                    Variant {
                        source: m.doc,
                        side,
                        similarity: m.score.total,
                        same_claim: m.score.same_claim,
                        diff,
                        flags,
                    }
                })
                .collect();
            ClaimEntry {
                id: format!("C{}", k + 1),
                status: if claim.is_unique() { ClaimStatus::Unique } else { ClaimStatus::Shared },
                salience: {
                    let doc = &corpus.docs[rep.doc];
                    let toks: Vec<_> =
                        rep.sentences.iter().flat_map(|&i| doc.sentences[i].tokens.iter().cloned()).collect();
                    classify::salience_of(&doc.article.text, &toks)
                },
                representative: claim.representative,
                variants,
                provenance: provenance(corpus, claim),
                clause: None,
                nearest_elsewhere: None,
                nearest_at: None,
                novelty: None,
            }
        })
        .collect();
    let mut story_keys = KeyIndex::of(corpus);
    novelties(corpus, claims, &story_keys, &mut entries);
    nearest_elsewhere(corpus, claims, &mut entries);
    let clauses = one_outlet_clauses(corpus, &entries, &quotes, encoder, &mut story_keys);
    entries.extend(clauses);
    // Unique claims first, most salient first; then shared ones, most widely
    // carried first; reading order breaks ties.
    entries.sort_by(|x, y| {
        let rank = |e: &ClaimEntry| {
            (
                e.status == ClaimStatus::Shared,
                if e.status == ClaimStatus::Unique { -e.salience } else { -(e.variants.len() as f32) },
            )
        };
        let (rx, ry) = (rank(x), rank(y));
        rx.0.cmp(&ry.0).then(rx.1.total_cmp(&ry.1))
    });
    let outlets = outlet_summaries(n_sources, &entries);
    let date_gaps = date_gaps(corpus);
    let highlights = classify::claim_highlights(&entries, &sources, &date_gaps);
    ClaimsReport { sources, scorer: corpus.scorer.label(), claims: entries, outlets, highlights, date_gaps }
}

/// The sources dated more than [`crate::cluster::DATE_GAP_DAYS`] from the
/// median date of the dated ones.
fn date_gaps(corpus: &Corpus) -> Vec<DateGap> {
    let days: Vec<Option<i64>> =
        corpus.docs.iter().map(|d| d.article.meta.date.as_deref().and_then(crate::lexicon::day_number)).collect();
    let mut dated: Vec<i64> = days.iter().flatten().copied().collect();
    if dated.len() < 2 {
        return Vec::new();
    }
    dated.sort_unstable();
    let median = dated[(dated.len() - 1) / 2];
    days.iter()
        .enumerate()
        .filter_map(|(source, d)| {
            let gap = (*d)? - median;
            (gap.abs() > crate::cluster::DATE_GAP_DAYS).then_some(DateGap { source, days: gap })
        })
        .collect()
}

/// A sentence of the corpus: its document and its index there.
type SentenceAt = (usize, usize);

/// The most salient one-outlet sentences are checked against every other
/// outlet's sentences this many at a time...
const NEAREST_BATCH: usize = 40;
/// ...until this many are found carried nowhere else (twice what the ranked
/// summary lists: headlines and history rank lower)...
const NEAREST_LEADS: usize = 20;
/// ...or this many were checked. (40 at once, as before, left the less
/// salient ones of a long story unchecked, and those then led the summary
/// unchecked when the checked ones were all carried elsewhere.)
const NEAREST_CHECKED_MAX: usize = 200;

/// For the most salient one-outlet sentences, the best same-claim
/// probability of any other outlet's sentence: a claim the matcher did not
/// dare merge may still be carried in other words, and then it must not
/// lead the summary as one outlet's alone.
fn nearest_elsewhere(corpus: &Corpus, claims: &[Claim], entries: &mut [ClaimEntry]) {
    // Those that restate the other outlets' words cannot lead anyway.
    let may_lead = |e: &ClaimEntry| e.status == ClaimStatus::Unique && e.novelty.is_none_or(classify::leads_as_new);
    let mut order: Vec<usize> = (0..entries.len()).filter(|&k| may_lead(&entries[k])).collect();
    order.sort_by(|&x, &y| entries[y].salience.total_cmp(&entries[x].salience).then(x.cmp(&y)));
    order.truncate(NEAREST_CHECKED_MAX);
    let mut leads = 0;
    for batch in order.chunks(NEAREST_BATCH) {
        for (k, best, at) in nearest_of(corpus, claims, batch) {
            entries[k].nearest_elsewhere = Some(best);
            entries[k].nearest_at = at;
            leads += usize::from(best < classify::UNIQUE_LEAD_MAX);
        }
        if leads >= NEAREST_LEADS {
            break;
        }
    }
}

/// For each given one-outlet claim (index into `claims`), the best
/// same-claim probability of another outlet's sentence, and where it is.
fn nearest_of(corpus: &Corpus, claims: &[Claim], batch: &[usize]) -> Vec<(usize, f32, Option<SentenceAt>)> {
    // Rayon over the checked claims: each scores its sentence against the
    // rest of the corpus.
    batch
        .par_iter()
        .map(|&k| {
            let m = &claims[k].members[0];
            let mine =
                crate::corpus::Profile::join(m.sentences.iter().map(|&i| &corpus.docs[m.doc].sentences[i].profile));
            let (best, at) = corpus
                .docs
                .iter()
                .enumerate()
                .filter(|(d, _)| *d != m.doc)
                // Its sentences, and its title: a headline that makes the
                // claim carries it (no sentence to compare clauses with).
                .flat_map(|(d, doc)| {
                    let title = (!doc.title_profile.bag.is_empty()).then_some((d, None, &doc.title_profile));
                    doc.sentences.iter().enumerate().map(move |(i, s)| (d, Some(i), &s.profile)).chain(title)
                })
                // Only sentences sharing a content word or close in meaning
                // can carry the claim; the containment prefilter then skips
                // the character features of pairs that share too few words
                // and too little meaning to reach any cut (as the global
                // index does).
                .filter(|(_, _, p)| crate::matching::may_carry(&mine, p))
                .filter_map(|(d, i, p)| {
                    crate::matching::score_above(corpus, &mine, p, crate::matching::PREFILTER_CONTAINMENT)
                        .map(|s| (s.same_claim, i.map(|i| (d, i))))
                })
                .fold((0.0f32, None), |x, y| if y.0 > x.0 { y } else { x });
            (k, best, at)
        })
        .collect()
}

/// For each one-outlet sentence, the share of its content words that no
/// other outlet's sentence holds ([`ClaimEntry::novelty`]).
fn novelties(corpus: &Corpus, claims: &[Claim], index: &KeyIndex, entries: &mut [ClaimEntry]) {
    for (e, claim) in entries.iter_mut().zip(claims) {
        if e.status != ClaimStatus::Unique {
            continue;
        }
        let m = &claim.members[0];
        let doc = &corpus.docs[m.doc];
        let toks = m.sentences.iter().flat_map(|&i| doc.sentences[i].tokens.iter());
        e.novelty = classify::novelty(toks.map(|t| (t.key.as_str(), t.kind)), |k| index.elsewhere(k, m.doc));
    }
}

/// A clause whose vector is at least this close to another outlet's
/// sentence is carried by it in other words. (Judged on 40 clause claims of
/// real stories: 32 were carried elsewhere, most of them paraphrased; then
/// on the 13 left at 0.5: 8 were carried elsewhere, at 0.367-0.487 from
/// their nearest other sentence, a clause being shorter than the sentence
/// that carries it. Precision first: a one-outlet clause must be far from
/// every other outlet's sentence.)
const CLAUSE_CARRIED_COSINE: f32 = 0.42;

/// The clauses that one outlet adds to a shared claim and no other outlet's
/// wording of that claim carries, as one-outlet claims of their own (ids
/// continue after the clustered claims'). They come from the `clause_only_*`
/// flags between each wording and the representative, and between a
/// one-outlet sentence and the other outlet's sentence nearest to it.
fn one_outlet_clauses(
    corpus: &Corpus,
    entries: &[ClaimEntry],
    quotes: &[classify::DocQuotes],
    encoder: Option<&crate::semantic::Encoder>,
    story_keys: &mut KeyIndex,
) -> Vec<ClaimEntry> {
    let mut res = Vec::new();
    for e in entries {
        // Candidate clauses per holding wording (index into variants).
        let mut found: Vec<(usize, &crate::findings::Evidence)> = Vec::new();
        let near_flags: Vec<crate::findings::Flag>;
        if e.status == ClaimStatus::Shared {
            for v in &e.variants {
                for f in &v.flags {
                    let (holder, evidence) = match f.name.as_str() {
                        "clause_only_a" => (e.representative, &f.a),
                        "clause_only_b" => (e.variants.iter().position(|x| x.source == v.source).unwrap_or(0), &f.b),
                        _ => continue,
                    };
                    found.extend(evidence.iter().map(|ev| (holder, ev)));
                }
            }
        } else {
            // A one-outlet sentence that another outlet's sentence comes
            // near (so it does not lead the summary as one outlet's): what
            // it adds to that sentence ("..., adding that they were also
            // being backed by India").
            let (Some(p), Some((d, i))) = (e.nearest_elsewhere, e.nearest_at) else { continue };
            if p < classify::UNIQUE_LEAD_MAX {
                continue;
            }
            let v = &e.variants[0];
            near_flags = classify::group_flags(
                (&corpus.docs[v.source], &v.side.indices, &quotes[v.source]),
                (&corpus.docs[d], &[i], &quotes[d]),
            );
            // Only an accusation or action it adds ("backed", "funded",
            // "killed"): beside a sentence on the same topic, a clause of
            // any other kind is more often detail or rewording (on 119 real
            // stories, every clause of this kind took 31 clause claims to
            // 137, most of them fragments and details).
            found.extend(
                near_flags
                    .iter()
                    .filter(|f| f.name == "clause_only_a")
                    .flat_map(|f| f.a.iter().filter(|ev| classify::names_an_action(&ev.text)).map(|ev| (0, ev))),
            );
        }
        // The same clause is flagged once per other wording, with slightly
        // different edges: the shortest version of overlapping spans stands
        // for all of them.
        found.sort_by_key(|(h, ev)| (*h, ev.end - ev.start, ev.start));
        let mut kept: Vec<(usize, &crate::findings::Evidence)> = Vec::new();
        for (h, ev) in found {
            if kept.iter().any(|(kh, k)| *kh == h && k.start < ev.end && ev.start < k.end) {
                continue;
            }
            kept.push((h, ev));
        }
        let mut units: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for (h, ev) in kept {
            let holder = &e.variants[h];
            let doc = &corpus.docs[holder.source];
            // A clause flag quotes the readable clause itself, inside the one
            // sentence that holds it (`classify::clauses`).
            let Some(span) = holder.side.spans.iter().find(|sp| sp.start <= ev.start && ev.start < sp.end) else {
                continue;
            };
            let unit = ev.start..ev.end;
            if units.iter().any(|(uh, u)| *uh == h && u.start < unit.end && unit.start < u.end) {
                continue;
            }
            let text = crate::corpus::collapse_ws(&doc.article.text[unit.clone()]);
            let keys = classify::content_keys(&text);
            let sentence_keys = classify::content_keys(&doc.article.text[span.start..span.end]);
            if !classify::is_own_clause(keys.len(), sentence_keys.len()) {
                continue;
            }
            // Carried by another outlet anywhere in the story (not only in
            // its wording of this claim): then it is not one outlet's.
            // (The sentences' own tokens carry the same keys: no text is
            // tokenized again.)
            let carried = carried_elsewhere(story_keys, &keys, holder.source);
            if carried {
                continue;
            }
            units.push((h, unit.clone()));
            res.push(ClaimEntry {
                id: String::new(),
                status: ClaimStatus::Unique,
                salience: classify::salience(&text),
                representative: 0,
                variants: vec![Variant {
                    source: holder.source,
                    side: holder.side.clone(),
                    similarity: 1.0,
                    same_claim: 1.0,
                    diff: Vec::new(),
                    flags: Vec::new(),
                }],
                provenance: None,
                clause: Some(ClauseOf { claim: e.id.clone(), text, start: unit.start, end: unit.end }),
                nearest_elsewhere: None,
                nearest_at: None,
                novelty: None,
            });
        }
    }
    // Another outlet may carry the clause in other words ("Sixty residents
    // were moved" / "around 60 people were evacuated"): with sentence
    // vectors, a clause as close as this to any other outlet's sentence is
    // not one outlet's.
    let embedded = corpus.docs.iter().flat_map(|d| d.sentences.first()).all(|s| !s.profile.vector.is_empty());
    if let (Some(enc), true, false) = (encoder, embedded, res.is_empty()) {
        let texts: Vec<&str> = res.iter().filter_map(|c| c.clause.as_ref().map(|cl| cl.text.as_str())).collect();
        let vectors = enc.embed(&texts);
        let dim = enc.dim();
        let mut k = 0;
        res.retain(|c| {
            let v = &vectors[k * dim..(k + 1) * dim];
            k += 1;
            let holder = c.variants[0].source;
            !corpus.docs.iter().enumerate().filter(|(d, _)| *d != holder).any(|(_, doc)| {
                doc.sentences.iter().any(|s| crate::semantic::cosine(v, &s.profile.vector) >= CLAUSE_CARRIED_COSINE)
            })
        });
    }
    for (k, c) in res.iter_mut().enumerate() {
        c.id = format!("C{}", entries.len() + k + 1);
    }
    res
}

/// Which sentences hold each content key (a function word is none): the
/// story's words, looked up once per clause instead of reading every
/// sentence of the story for each (which made claims mode quadratic: 208 s
/// for 150,000 sentences).
struct KeyIndex<'c> {
    /// Content key -> global sentence numbers holding it, each once.
    postings: HashMap<&'c str, Vec<u32>>,
    /// Global sentence number -> its document.
    doc_of: Vec<u32>,
    /// Per sentence, how many of the clause's keys it holds (scratch).
    held: Vec<u16>,
}

impl<'c> KeyIndex<'c> {
    fn of(corpus: &'c Corpus) -> KeyIndex<'c> {
        let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut doc_of = Vec::new();
        for (d, doc) in corpus.docs.iter().enumerate() {
            // The title counts as one more sentence of its outlet: a claim
            // another outlet's headline makes is not one outlet's alone.
            for toks in doc.sentences.iter().map(|s| &s.tokens).chain([&doc.title]) {
                let n = doc_of.len() as u32;
                doc_of.push(d as u32);
                for t in toks.iter().filter(|t| t.kind != TokenKind::Stop) {
                    let list = postings.entry(t.key.as_str()).or_default();
                    if list.last() != Some(&n) {
                        list.push(n);
                    }
                }
            }
        }
        let held = vec![0; doc_of.len()];
        KeyIndex { postings, doc_of, held }
    }

    /// Whether a document other than `holder` holds the key. A posting list
    /// runs in document order, so another document holds it exactly when
    /// its first or its last sentence is another document's (a key that one
    /// document repeats a million times is answered at once).
    fn elsewhere(&self, key: &str, holder: usize) -> bool {
        let list = self.postings.get(key).map(Vec::as_slice).unwrap_or(&[]);
        let other = |n: Option<&u32>| n.is_some_and(|&n| self.doc_of[n as usize] as usize != holder);
        other(list.first()) || other(list.last())
    }
}

/// Whether some sentence of an outlet other than `holder` holds at least
/// [`classify::CLAUSE_CARRIED`] of the clause's content `keys`.
fn carried_elsewhere(index: &mut KeyIndex, keys: &HashSet<String>, holder: usize) -> bool {
    let need = classify::CLAUSE_CARRIED * keys.len() as f32;
    let mut touched: Vec<u32> = Vec::new();
    let mut carried = false;
    for k in keys {
        let list = index.postings.get(k.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        // The holder's own sentences are one stretch of the list (document
        // order): skipped whole, not one by one.
        let from = list.partition_point(|&n| (index.doc_of[n as usize] as usize) < holder);
        let to = from + list[from..].partition_point(|&n| index.doc_of[n as usize] as usize == holder);
        for &n in list[..from].iter().chain(&list[to..]) {
            let h = &mut index.held[n as usize];
            if *h == 0 {
                touched.push(n);
            }
            *h = h.saturating_add(1);
            carried |= f32::from(*h) >= need;
        }
    }
    for n in touched {
        index.held[n as usize] = 0;
    }
    carried
}

/// Each outlet's consistency summary, in one pass over the claims.
fn outlet_summaries(n_sources: usize, entries: &[ClaimEntry]) -> Vec<OutletSummary> {
    let mut res: Vec<OutletSummary> = (0..n_sources)
        .map(|source| OutletSummary { source, claims: 0, shared_with_majority: 0, alone: 0, altered_quotes: 0 })
        .collect();
    for e in entries {
        let majority = e.variants.len() * 2 > n_sources;
        for v in &e.variants {
            let s = &mut res[v.source];
            s.claims += 1;
            s.shared_with_majority += usize::from(majority);
            s.alone += usize::from(e.status == ClaimStatus::Unique);
            s.altered_quotes += usize::from(v.flags.iter().any(|f| f.name == "quote_altered"));
        }
    }
    res
}

fn provenance(corpus: &Corpus, claim: &Claim) -> Option<Provenance> {
    let date = |doc: usize| corpus.docs[doc].article.meta.date.as_deref();
    let dated: Vec<usize> = (0..claim.members.len()).filter(|&x| date(claim.members[x].doc).is_some()).collect();
    if dated.len() < 2 {
        return None;
    }
    let earliest = *dated.iter().min_by_key(|&&x| (date(claim.members[x].doc), claim.members[x].doc))?;
    let first_date = date(claim.members[earliest].doc)?;
    let mut hints = Vec::new();
    if dated.len() > PROVENANCE_HINTS_MAX {
        // Hints compare every later wording with every earlier one; for a
        // claim carried this widely only the earliest outlet is reported.
        return Some(Provenance { earliest: claim.members[earliest].doc, date: first_date.to_owned(), hints });
    }
    let k = claim.members.len();
    for &x in &dated {
        let later = &claim.members[x];
        let earlier: Vec<usize> =
            dated.iter().copied().filter(|&y| date(claim.members[y].doc) < date(later.doc)).collect();
        // Scores computed while choosing the representative are reused.
        let pair = |y: usize| match claim.pair_scores.get(y * k + x) {
            Some(&s) => s,
            None => {
                let e = &claim.members[y];
                align::score_groups(corpus, e.doc, &e.sentences, later.doc, &later.sentences).total
            }
        };
        let mut scored: Vec<(f32, usize)> = earlier.iter().map(|&y| (pair(y), claim.members[y].doc)).collect();
        scored.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        let Some(&(best, closest)) = scored.first() else { continue };
        let margin = scored.get(1).map(|s| best - s.0);
        let clear = match margin {
            Some(m) => best >= COPY_MIN_SIMILARITY && m >= COPY_MIN_MARGIN,
            None => best >= COPY_SOLE_SIMILARITY,
        };
        if clear {
            hints.push(CopyHint { source: later.doc, closest, similarity: best, margin });
        }
    }
    Some(Provenance { earliest: claim.members[earliest].doc, date: first_date.to_owned(), hints })
}
