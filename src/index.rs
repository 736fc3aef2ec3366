//! Candidate generation: an inverted index over content tokens.
//!
//! Scoring every sentence of A against every sentence of B costs |A| x |B|;
//! instead each sentence of A looks up only the sentences of B that share a
//! content token (not a function word) with it. Tokens so common that their
//! posting list is longer than a cap carry almost no evidence and are
//! skipped, which keeps the cost proportional to the true candidates.

use crate::corpus::{Corpus, Sentence, CONTENT_FACTOR};
use crate::matching::SentenceRef;
use std::collections::HashMap;

/// Sentence pairs `(index_a, index_b)` between documents `da` and `db` that
/// share at least one content token, sorted and unique.
pub fn candidate_pairs(corpus: &Corpus, da: usize, db: usize) -> Vec<(usize, usize)> {
    let sa = &corpus.docs[da].sentences;
    let sb = &corpus.docs[db].sentences;
    let postings = postings(sb);
    // A token found in more than this many sentences of B is no evidence of a
    // match; scoring still sees it, the index just does not follow it. The
    // cap never exceeds the global index's, so huge articles stay linear.
    let cap = (sb.len() / 4).clamp(8, GLOBAL_MAX_POSTING);
    let mut res = Vec::new();
    let mut seen = vec![usize::MAX; sb.len()];
    for (i, s) in sa.iter().enumerate() {
        for &(id, factor) in &s.profile.bag {
            if factor < CONTENT_FACTOR {
                continue;
            }
            let Some(list) = postings.get(&id) else { continue };
            if list.len() > cap {
                continue;
            }
            for &j in list {
                if seen[j] != i {
                    seen[j] = i;
                    res.push((i, j));
                }
            }
        }
    }
    res.sort_unstable();
    res
}

fn postings(sentences: &[Sentence]) -> HashMap<u32, Vec<usize>> {
    let mut map: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, s) in sentences.iter().enumerate() {
        for &(id, factor) in &s.profile.bag {
            if factor >= CONTENT_FACTOR {
                map.entry(id).or_default().push(j);
            }
        }
    }
    map
}

/// The global index proposes pairs sharing at least this many content
/// tokens (fewer when a sentence has fewer)...
pub const GLOBAL_MIN_SHARED: u16 = 2;
/// ...and at least this fraction of the smaller sentence's indexed tokens...
pub const GLOBAL_MIN_OVERLAP: f32 = 0.4;
/// ...following only tokens found in at most this many sentences...
pub const GLOBAL_MAX_POSTING: usize = 256;
/// ...and each sentence proposes at most this many partners (those with the
/// highest token overlap). All four are fixed, so the candidate count grows
/// with the corpus, not its square.
pub const GLOBAL_MAX_PARTNERS: usize = 64;

/// Every cross-document pair among the sentences `refs` that shares at least
/// [`GLOBAL_MIN_SHARED`] content tokens and [`GLOBAL_MIN_OVERLAP`] of the
/// smaller sentence's indexed content tokens, each pair once with the lower
/// reference first, sorted.
///
/// One inverted index over all sentences; posting lists longer than
/// [`GLOBAL_MAX_POSTING`] are skipped (a token in that many sentences says nothing
/// about which two match). Sentences are processed in parallel with
/// per-thread counters, so the cost is the number of (sentence, co-occurring
/// sentence) visits through rare tokens, not the number of sentence pairs.
pub fn candidate_pairs_all(corpus: &Corpus, refs: &[SentenceRef]) -> Vec<(SentenceRef, SentenceRef)> {
    let (min_shared, min_overlap, max_posting) = (GLOBAL_MIN_SHARED, GLOBAL_MIN_OVERLAP, GLOBAL_MAX_POSTING);
    use rayon::prelude::*;
    let sentence = |r: SentenceRef| &corpus.docs[r.0].sentences[r.1];
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); corpus.keys.len()];
    for (g, &r) in refs.iter().enumerate() {
        for &(id, factor) in &sentence(r).profile.bag {
            if factor >= CONTENT_FACTOR {
                postings[id as usize].push(g as u32);
            }
        }
    }
    // Each sentence's number of indexed tokens: content tokens whose posting
    // list is short enough to follow.
    let indexed: Vec<u16> = refs
        .iter()
        .map(|&r| {
            let bag = &sentence(r).profile.bag;
            bag.iter().filter(|e| e.1 >= CONTENT_FACTOR && postings[e.0 as usize].len() <= max_posting).count() as u16
        })
        .collect();
    let n = refs.len();
    // Rayon over sentences (the outer loop); each worker keeps one counter
    // array and a list of the entries it touched, reset after each sentence.
    refs.par_iter()
        .enumerate()
        .map_init(
            || (vec![0u16; n], Vec::<u32>::new()),
            |(counts, touched), (g, &r)| {
                let bag = &sentence(r).profile.bag;
                for &(id, factor) in bag {
                    if factor < CONTENT_FACTOR {
                        continue;
                    }
                    let list = &postings[id as usize];
                    if list.len() > max_posting {
                        continue;
                    }
                    for &h in list {
                        // Each unordered pair once: only partners after g, in
                        // another document.
                        if (h as usize) <= g || refs[h as usize].0 == r.0 {
                            continue;
                        }
                        if counts[h as usize] == 0 {
                            touched.push(h);
                        }
                        counts[h as usize] = counts[h as usize].saturating_add(1);
                    }
                }
                // (overlap, partner) of every partner that passes the filters.
                let mut kept: Vec<(f32, u32)> = Vec::new();
                for &h in touched.iter() {
                    let smaller = indexed[g].min(indexed[h as usize]);
                    let need = (min_shared.min(smaller)).max((min_overlap * smaller as f32).ceil() as u16).max(1);
                    if counts[h as usize] >= need {
                        kept.push((counts[h as usize] as f32 / smaller.max(1) as f32, h));
                    }
                    counts[h as usize] = 0;
                }
                touched.clear();
                // A sentence proposes at most its best partners, so the
                // candidate count stays linear however often a passage is
                // repeated across the corpus.
                if kept.len() > GLOBAL_MAX_PARTNERS {
                    kept.select_nth_unstable_by(GLOBAL_MAX_PARTNERS, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                    kept.truncate(GLOBAL_MAX_PARTNERS);
                }
                let mut res: Vec<(SentenceRef, SentenceRef)> =
                    kept.into_iter().map(|(_, h)| (r, refs[h as usize])).collect();
                res.sort_unstable();
                res
            },
        )
        .flatten()
        .collect()
}

/// Candidates by meaning: for each sentence of `refs` that has an encoder
/// vector, its `k` nearest sentences of other documents with a cosine of at
/// least `floor`, found by exact search (blocked matrix products over the
/// unit vectors: 20,000 sentences take about two seconds on two cores).
/// Pairs are returned once, lower reference first, sorted.
pub fn semantic_pairs(corpus: &Corpus, refs: &[SentenceRef], k: usize, floor: f32) -> Vec<(SentenceRef, SentenceRef)> {
    use rayon::prelude::*;
    let with_vec: Vec<SentenceRef> =
        refs.iter().copied().filter(|r| !corpus.docs[r.0].sentences[r.1].profile.vector.is_empty()).collect();
    let Some(&first) = with_vec.first() else { return Vec::new() };
    let dim = corpus.docs[first.0].sentences[first.1].profile.vector.len();
    let n = with_vec.len();
    let mut matrix = Vec::with_capacity(n * dim);
    for r in &with_vec {
        matrix.extend_from_slice(&corpus.docs[r.0].sentences[r.1].profile.vector);
    }
    const BLOCK: usize = 256;
    let mut pairs: Vec<(SentenceRef, SentenceRef)> = (0..n.div_ceil(BLOCK))
        .into_par_iter()
        .flat_map_iter(|blk| {
            let rows = blk * BLOCK..((blk + 1) * BLOCK).min(n);
            let sims = crate::semantic::cosines(&matrix[rows.start * dim..rows.end * dim], &matrix, dim);
            let mut out = Vec::new();
            let mut best: Vec<(f32, usize)> = Vec::new();
            for (row, g) in rows.enumerate() {
                best.clear();
                for (h, &s) in sims[row * n..(row + 1) * n].iter().enumerate() {
                    if s >= floor && with_vec[h].0 != with_vec[g].0 {
                        best.push((s, h));
                    }
                }
                best.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                for &(_, h) in best.iter().take(k) {
                    let (x, y) = (with_vec[g], with_vec[h]);
                    out.push(if x < y { (x, y) } else { (y, x) });
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{clean, load};
    use crate::config::MatchConfig;
    use crate::matching::score_sentences;

    fn corpus(paths: &[&str]) -> Corpus {
        Corpus::build(
            paths
                .iter()
                .map(|p| {
                    clean::clean(load::load_path(p.as_ref(), load::LoadOptions::default()).unwrap().remove(0)).unwrap()
                })
                .collect(),
        )
    }

    /// Every pair the brute-force matcher accepts, between documents 0 and 1.
    fn brute_force(c: &Corpus, cfg: &MatchConfig) -> Vec<(usize, usize)> {
        let mut res = Vec::new();
        for a in &c.docs[0].sentences {
            for b in &c.docs[1].sentences {
                if score_sentences(c, a, b).is_match(cfg) {
                    res.push((a.idx, b.idx));
                }
            }
        }
        res
    }

    #[test]
    fn the_index_never_misses_a_pair_the_brute_force_matcher_finds() {
        let cfg = MatchConfig::default();
        let files = [
            "data/harbour-strike/coastal-herald.txt",
            "data/harbour-strike/meridian-wire.txt",
            "data/harbour-strike/northport-times.txt",
            "data/harbour-strike/the-daily-ledger.txt",
        ];
        for (x, a) in files.iter().enumerate() {
            for b in &files[x + 1..] {
                let c = corpus(&[a, b]);
                let cands = candidate_pairs(&c, 0, 1);
                let all_refs: Vec<SentenceRef> = c
                    .docs
                    .iter()
                    .enumerate()
                    .flat_map(|(d, doc)| (0..doc.sentences.len()).map(move |s| (d, s)))
                    .collect();
                let global: Vec<(usize, usize)> =
                    candidate_pairs_all(&c, &all_refs).into_iter().map(|(p, q)| (p.1, q.1)).collect();
                for pair in brute_force(&c, &cfg) {
                    assert!(cands.binary_search(&pair).is_ok(), "{a} vs {b}: pairwise index missed {pair:?}");
                    assert!(global.contains(&pair), "{a} vs {b}: global index missed {pair:?}");
                }
            }
        }
    }
}
