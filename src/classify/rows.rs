//! Report rows from an alignment: each row's status (`same`, `reworded`,
//! `partial`, `only_a`, `only_b`), its word diff, its flags (from the
//! rules [`super`] runs), what `--explain` shows, and the rows' order.

use super::diff::word_diff;
use super::flags;
use super::salience::highlights;
use super::view::{doc_quotes, View};
use crate::align::{Link, PairAlignment};
use crate::corpus::{Corpus, Document};
use crate::findings::{side, source_info, Explain, PairReport, Row, ScoreParts, Status};
use crate::matching::Score;
use crate::normalize::{fold_glyphs, TokenKind};
use std::collections::HashSet;

/// A side covering at least this fraction of the other's token weight,
/// while the other covers less than [`PARTIAL_OTHER`] of it, is `partial`.
const PARTIAL_COVER: f32 = 0.85;
const PARTIAL_OTHER: f32 = 0.6;

/// Builds the report rows for an alignment.
pub fn pair_report(corpus: &Corpus, al: &PairAlignment) -> PairReport {
    pair_report_with_near(corpus, al, None)
}

/// [`pair_report`], where `near` aligns the same two articles at a lower
/// same-claim floor: a pair it links that `al` left apart is two sentences
/// near each other but not one claim, and what one of them adds (an
/// accusation or an action, as in claims mode's clauses one outlet adds)
/// is flagged on its one-side row.
pub fn pair_report_with_near(corpus: &Corpus, al: &PairAlignment, near: Option<&PairAlignment>) -> PairReport {
    let (doc_a, doc_b) = (&corpus.docs[al.da], &corpus.docs[al.db]);
    let (quotes_a, quotes_b) = (doc_quotes(doc_a), doc_quotes(doc_b));
    // Rows are ordered by a key before any is built: sorting the keys (a
    // few words each) rather than the rows (hundreds of bytes each, for
    // every one-source sentence of a large article) keeps the peak low.
    let mut keyed: Vec<((usize, usize, usize), RowOf)> =
        Vec::with_capacity(al.links.len() + al.only_a.len() + al.only_b.len());
    for (i, link) in al.links.iter().enumerate() {
        keyed.push(((link.a[0], 1, link.b[0]), RowOf::Link(i)));
    }
    for (i, u) in al.only_a.iter().enumerate() {
        keyed.push(((u.idx, 1, 0), RowOf::OnlyA(i)));
    }
    // A B-only sentence goes right after the row holding its nearest earlier
    // B sentence, so the report reads in both articles' order.
    let mut anchor_of_b: Vec<Option<usize>> = vec![None; doc_b.sentences.len()];
    for link in &al.links {
        for &j in &link.b {
            anchor_of_b[j] = Some(link.a[0]);
        }
    }
    // The nearest earlier anchor of every B sentence, in one pass (a scan
    // back from each would be quadratic in a long run of B-only sentences).
    let mut last = None;
    let anchor_before: Vec<Option<usize>> = anchor_of_b
        .iter()
        .map(|a| {
            let before = last;
            last = a.or(last);
            before
        })
        .collect();
    drop(anchor_of_b);
    for (i, u) in al.only_b.iter().enumerate() {
        let anchor = anchor_before[u.idx];
        let key = match anchor {
            Some(a) => (a, 2, u.idx),
            None => (0, 0, u.idx),
        };
        keyed.push((key, RowOf::OnlyB(i)));
    }
    drop(anchor_before);
    keyed.sort_by_key(|(k, _)| *k);
    let mut rows: Vec<Row> = Vec::with_capacity(keyed.len());
    for (_, of) in keyed {
        rows.push(match of {
            RowOf::Link(i) => {
                let link = &al.links[i];
                let mut row = link_row(doc_a, doc_b, link);
                if row.status != Status::Same {
                    let a = View::new(doc_a, &link.a, &quotes_a);
                    let b = View::new(doc_b, &link.b, &quotes_b);
                    row.flags = flags(&a, &b);
                    // A detail flag (a number, name, negation, hedge, quote or
                    // speaker) is about one claim told two ways: on a pair
                    // that is probably two claims, aligned as each other's
                    // nearest wording, it would be noise. What one side adds
                    // (a clause) is reported either way.
                    if link.score.same_claim < crate::sameclaim::CONFIDENT {
                        row.flags.retain(|f| f.name.starts_with("clause_only"));
                    }
                }
                row
            }
            RowOf::OnlyA(i) => {
                let u = &al.only_a[i];
                Row {
                    status: Status::OnlyA,
                    similarity: u.best,
                    a: Some(side(doc_a, &[u.idx])),
                    b: None,
                    diff: vec![],
                    flags: vec![],
                    explain: None,
                }
            }
            RowOf::OnlyB(i) => {
                let u = &al.only_b[i];
                Row {
                    status: Status::OnlyB,
                    similarity: u.best,
                    a: None,
                    b: Some(side(doc_b, &[u.idx])),
                    diff: vec![],
                    flags: vec![],
                    explain: None,
                }
            }
        });
    }
    let near_rows = match near {
        Some(near) => near_clauses(corpus, al, near, (&quotes_a, &quotes_b), &mut rows),
        None => HashSet::new(),
    };
    let highlights = highlights(&rows, &near_rows);
    PairReport { sources: [source_info(doc_a), source_info(doc_b)], scorer: corpus.scorer.label(), rows, highlights }
}

/// Flags on one-side rows the clauses that `near`'s links (pairs `al` did
/// not align) show one side adding: those with a verb of accusation or
/// action, not carried by any sentence of the other article, and not most
/// of their sentence. Returns the rows of those links' sentences: each is
/// near a sentence of the other article, so it does not lead the summary
/// as one side's alone (its clause may).
fn near_clauses(
    corpus: &Corpus,
    al: &PairAlignment,
    near: &PairAlignment,
    (quotes_a, quotes_b): (&super::DocQuotes, &super::DocQuotes),
    rows: &mut [Row],
) -> HashSet<usize> {
    let mut near_rows = HashSet::new();
    // Each one-side row by its side and sentence, looked up once per link
    // (not a scan of the rows: a long article has tens of thousands).
    let mut one_side: std::collections::HashMap<(bool, usize), usize> = std::collections::HashMap::new();
    for (k, r) in rows.iter().enumerate() {
        match (r.status, &r.a, &r.b) {
            (Status::OnlyA, Some(sd), _) | (Status::OnlyB, _, Some(sd)) if sd.indices.len() == 1 => {
                one_side.insert((r.status == Status::OnlyA, sd.indices[0]), k);
            }
            _ => {}
        }
    }
    let row_of = |status: Status, i: usize| one_side.get(&(status == Status::OnlyA, i)).copied();
    let (doc_a, doc_b) = (&corpus.docs[al.da], &corpus.docs[al.db]);
    for link in &near.links {
        // Only a pair the report left apart on both sides.
        let (rows_a, rows_b): (Option<Vec<usize>>, Option<Vec<usize>>) = (
            link.a.iter().map(|&i| row_of(Status::OnlyA, i)).collect(),
            link.b.iter().map(|&j| row_of(Status::OnlyB, j)).collect(),
        );
        let (Some(rows_a), Some(rows_b)) = (rows_a, rows_b) else { continue };
        near_rows.extend(rows_a.into_iter().chain(rows_b));
        for f in super::group_flags((doc_a, &link.a, quotes_a), (doc_b, &link.b, quotes_b)) {
            let (status, doc, evidence, other) = match f.name.as_str() {
                "clause_only_a" => (Status::OnlyA, doc_a, &f.a, doc_b),
                "clause_only_b" => (Status::OnlyB, doc_b, &f.b, doc_a),
                _ => continue,
            };
            for ev in evidence.iter().filter(|ev| super::names_an_action(&ev.text)) {
                let keys = super::content_keys(&ev.text);
                // Carried by a sentence of the other article anywhere.
                let need = super::CLAUSE_CARRIED * keys.len() as f32;
                let held = |s: &crate::corpus::Sentence| {
                    keys.iter().filter(|k| s.tokens.iter().any(|t| t.key.as_str() == k.as_str())).count() as f32
                };
                if other.sentences.iter().any(|s| held(s) >= need) {
                    continue;
                }
                let Some(i) = doc.sentences.iter().position(|s| s.span.start <= ev.start && ev.end <= s.span.end)
                else {
                    continue;
                };
                let sentence_keys =
                    super::content_keys(&doc.article.text[doc.sentences[i].span.start..doc.sentences[i].span.end]);
                if !super::is_own_clause(keys.len(), sentence_keys.len()) {
                    continue;
                }
                let Some(r) = row_of(status, i) else { continue };
                let (a, b) =
                    if status == Status::OnlyA { (vec![ev.clone()], vec![]) } else { (vec![], vec![ev.clone()]) };
                rows[r].flags.push(crate::findings::Flag { a, b, ..f.clone() });
            }
        }
    }
    near_rows
}

/// Which alignment entry a report row is built from.
#[derive(Debug, Clone, Copy)]
enum RowOf {
    /// `PairAlignment::links[i]`.
    Link(usize),
    /// `PairAlignment::only_a[i]`.
    OnlyA(usize),
    /// `PairAlignment::only_b[i]`.
    OnlyB(usize),
}

fn link_row(doc_a: &Document, doc_b: &Document, link: &Link) -> Row {
    let a = side(doc_a, &link.a);
    let b = side(doc_b, &link.b);
    let s = link.score;
    let status = if link.a.len() > 1 || link.b.len() > 1 {
        Status::Partial
    } else if fold_glyphs(&a.sentence) == fold_glyphs(&b.sentence) {
        Status::Same
    } else if s.covered_a.max(s.covered_b) >= PARTIAL_COVER && s.covered_a.min(s.covered_b) < PARTIAL_OTHER {
        Status::Partial
    } else {
        Status::Reworded
    };
    let diff = word_diff(&a.sentence, &b.sentence);
    let similarity = if status == Status::Same { 1.0 } else { s.total };
    let explain = Some(Box::new(explain(doc_a, &link.a, doc_b, &link.b, s)));
    Row { status, similarity, a: Some(a), b: Some(b), diff, flags: vec![], explain }
}

/// The content words each side shares with the other or carries alone.
fn explain(doc_a: &Document, a: &[usize], doc_b: &Document, b: &[usize], score: Score) -> Explain {
    let content = |doc: &'_ Document, idx: &[usize]| -> Vec<(String, String)> {
        let mut seen = HashSet::new();
        idx.iter()
            .flat_map(|&i| doc.sentences[i].tokens.iter())
            .filter(|t| t.kind != TokenKind::Stop && seen.insert(t.key.clone()))
            .map(|t| (t.key.to_string(), doc.article.text[t.start..t.end].to_owned()))
            .collect()
    };
    let (ca, cb) = (content(doc_a, a), content(doc_b, b));
    let keys_b: HashSet<&str> = cb.iter().map(|(k, _)| k.as_str()).collect();
    let keys_a: HashSet<&str> = ca.iter().map(|(k, _)| k.as_str()).collect();
    // Spelling variants the matcher folds (Tehreek/Tehrik) count as shared.
    let variant = |k: &str, others: &HashSet<&str>| {
        k.len() >= 4
            && others.iter().any(|o| o.len() >= 4 && strsim::jaro_winkler(k, o) >= crate::matching::VARIANT_SIMILARITY)
    };
    let mut e = Explain { shared: Vec::new(), only_a: Vec::new(), only_b: Vec::new(), score: score_parts(score) };
    for (k, w) in &ca {
        if keys_b.contains(k.as_str()) || variant(k, &keys_b) {
            e.shared.push(w.clone());
        } else {
            e.only_a.push(w.clone());
        }
    }
    for (k, w) in &cb {
        if !keys_a.contains(k.as_str()) && !variant(k, &keys_a) {
            e.only_b.push(w.clone());
        }
    }
    e
}

/// The matcher's score as the report model carries it.
fn score_parts(s: Score) -> ScoreParts {
    ScoreParts {
        total: s.total,
        jaccard: s.jaccard,
        containment: s.containment,
        covered_a: s.covered_a,
        covered_b: s.covered_b,
        chars: s.chars,
        edit: s.edit,
        edit_sorted: s.edit_sorted,
        bigrams: s.bigrams,
        length_ratio: s.length_ratio,
        numbers_differ: s.numbers_differ,
        unshared: s.unshared,
        shared_content: s.shared_content,
        semantic: s.semantic,
        same_claim: s.same_claim,
    }
}
