//! Candidate generation: an inverted index over content tokens.
//!
//! Scoring every sentence of A against every sentence of B costs |A| x |B|;
//! instead each sentence of A looks up only the sentences of B that share a
//! content token (not a function word) with it. Tokens so common that their
//! posting list is longer than a cap carry almost no evidence and are
//! skipped, which keeps the cost proportional to the true candidates.

use crate::corpus::{Corpus, Sentence};
use std::collections::HashMap;

/// Kind factors at or above this mark a content token (see `corpus`).
const CONTENT_FACTOR: f32 = 1.0;

/// Sentence pairs `(index_a, index_b)` between documents `da` and `db` that
/// share at least one content token, sorted and unique.
pub fn candidate_pairs(corpus: &Corpus, da: usize, db: usize) -> Vec<(usize, usize)> {
    let sa = &corpus.docs[da].sentences;
    let sb = &corpus.docs[db].sentences;
    let postings = postings(sb);
    // A token found in more than this many sentences of B is no evidence of a
    // match; scoring still sees it, the index just does not follow it.
    let cap = (sb.len() / 4).max(8);
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
