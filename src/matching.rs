//! Fuzzy scoring of candidate sentence pairs.
//!
//! One calibrated similarity in [0, 1] combines three measures:
//! - weighted Jaccard over token ids (IDF x kind weights), where two
//!   different keys still count as shared when they are spelling variants
//!   (Jaro-Winkler >= 0.9 on keys of 4+ characters: `tehreek`/`tehrik`);
//! - weighted containment: the shared weight over the lighter side's weight,
//!   which keeps a trimmed sentence close to its longer original;
//! - a character-level measure (Sorensen-Dice over character bigrams of the
//!   glyph-folded, lower-cased texts), which catches what tokens miss.
//!
//! The score is symmetric by construction. Rayon parallelism lives here, over
//! the candidate list (the outer loop); nothing here prints.

use crate::corpus::{Corpus, Sentence};
use crate::normalize::fold_glyphs;
use rayon::prelude::*;
use serde::Serialize;

/// A pair's similarity and its components.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// The combined score in [0, 1].
    pub total: f32,
    /// Weighted Jaccard over tokens.
    pub jaccard: f32,
    /// Shared weight over the lighter side's weight.
    pub containment: f32,
    /// Character bigram Sorensen-Dice.
    pub chars: f32,
    /// Fraction of A's token weight found in B.
    pub covered_a: f32,
    /// Fraction of B's token weight found in A.
    pub covered_b: f32,
}

/// Relative weights of the components in [`Score::total`].
const W_JACCARD: f32 = 0.45;
const W_CONTAINMENT: f32 = 0.30;
const W_CHARS: f32 = 0.25;

/// Two keys closer than this (Jaro-Winkler) are spelling variants.
pub const VARIANT_SIMILARITY: f64 = 0.9;

/// Scores one pair of token bags (sorted by id). `a` and `b` may be the
/// union bags of several sentences.
pub fn score_bags(corpus: &Corpus, a: &[(u32, f32)], b: &[(u32, f32)], text_a: &str, text_b: &str) -> Score {
    let weight_a: f32 = a.iter().map(|&e| corpus.weight(e)).sum();
    let weight_b: f32 = b.iter().map(|&e| corpus.weight(e)).sum();
    if weight_a == 0.0 || weight_b == 0.0 {
        return Score::default();
    }
    let (mut shared, mut only_a, mut only_b) = (0.0f32, Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                shared += corpus.weight(a[i]).min(corpus.weight(b[j]));
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                only_a.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b.push(b[j]);
                j += 1;
            }
        }
    }
    only_a.extend_from_slice(&a[i..]);
    only_b.extend_from_slice(&b[j..]);
    shared += variant_weight(corpus, &only_a, &only_b);
    let shared = shared.min(weight_a).min(weight_b);
    let jaccard = shared / (weight_a + weight_b - shared);
    let containment = shared / weight_a.min(weight_b);
    let chars = char_similarity(text_a, text_b);
    let total = (W_JACCARD * jaccard + W_CONTAINMENT * containment + W_CHARS * chars).clamp(0.0, 1.0);
    Score { total, jaccard, containment, chars, covered_a: shared / weight_a, covered_b: shared / weight_b }
}

/// Scores two sentences.
pub fn score(corpus: &Corpus, a: &Sentence, b: &Sentence) -> Score {
    score_bags(corpus, &a.bag, &b.bag, &a.text, &b.text)
}

/// The weight of keys on one side that are spelling variants of keys on the
/// other (each key used at most once), scaled by how close they are. Pairs
/// are taken closest first, ties broken by the keys themselves, so the result
/// does not depend on which side is A.
fn variant_weight(corpus: &Corpus, only_a: &[(u32, f32)], only_b: &[(u32, f32)]) -> f32 {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (x, ea) in only_a.iter().enumerate() {
        let ka = &corpus.keys[ea.0 as usize];
        if !is_variant_candidate(ka) {
            continue;
        }
        for (y, eb) in only_b.iter().enumerate() {
            let kb = &corpus.keys[eb.0 as usize];
            if is_variant_candidate(kb) {
                let sim = strsim::jaro_winkler(ka, kb);
                if sim >= VARIANT_SIMILARITY {
                    pairs.push((sim, x, y));
                }
            }
        }
    }
    let unordered = |&(_, x, y): &(f64, usize, usize)| {
        let (ka, kb) = (&corpus.keys[only_a[x].0 as usize], &corpus.keys[only_b[y].0 as usize]);
        if ka <= kb {
            (ka, kb)
        } else {
            (kb, ka)
        }
    };
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| unordered(p).cmp(&unordered(q))));
    let (mut used_a, mut used_b) = (vec![false; only_a.len()], vec![false; only_b.len()]);
    let mut res = 0.0;
    for (sim, x, y) in pairs {
        if !used_a[x] && !used_b[y] {
            used_a[x] = true;
            used_b[y] = true;
            res += corpus.weight(only_a[x]).min(corpus.weight(only_b[y])) * sim as f32;
        }
    }
    res
}

fn is_variant_candidate(key: &str) -> bool {
    key.len() >= 4 && !key.starts_with(|c: char| c.is_ascii_digit())
}

/// Sorensen-Dice over character bigrams of the folded, lower-cased texts.
pub fn char_similarity(a: &str, b: &str) -> f32 {
    let fa = fold_glyphs(a).to_lowercase();
    let fb = fold_glyphs(b).to_lowercase();
    strsim::sorensen_dice(&fa, &fb) as f32
}

/// A sentence of the corpus: (document index, sentence index).
pub type SentenceRef = (usize, usize);

/// Scores every candidate pair in parallel. `pairs` holds (doc, sentence)
/// references; the result is in the same order.
pub fn score_all(corpus: &Corpus, pairs: &[(SentenceRef, SentenceRef)]) -> Vec<Score> {
    // Rayon at the outer loop: each candidate is independent work of a few
    // microseconds, and candidate lists run to millions on large corpora.
    pairs
        .par_iter()
        .map(|&((da, sa), (db, sb))| score(corpus, &corpus.docs[da].sentences[sa], &corpus.docs[db].sentences[sb]))
        .collect()
}
