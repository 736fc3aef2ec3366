//! The score of one sentence pair: the plain numbers the matcher
//! (`crate::matching`, which also gives it its methods) fills and the
//! same-claim model (`crate::sameclaim`) reads. A leaf, so that neither of
//! the two imports the other's inputs back.

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
    /// Fraction of A's token weight found in B.
    pub covered_a: f32,
    /// Fraction of B's token weight found in A.
    pub covered_b: f32,
    /// Character bigram Sorensen-Dice.
    pub chars: f32,
    /// Character edit ratio (2 x matched characters / total characters).
    pub edit: f32,
    /// Character edit ratio over the words sorted (ignores word order).
    pub edit_sorted: f32,
    /// Jaccard over adjacent token pairs (word order).
    pub bigrams: f32,
    /// Shorter token count over the longer.
    pub length_ratio: f32,
    /// 1 when the two sides carry different numbers, else 0.
    pub numbers_differ: f32,
    /// Content words only one side has (the larger side's count).
    pub unshared: f32,
    /// Content words both sides have (spelling variants included).
    pub shared_content: f32,
    /// How nearly the shorter side is the start or the end of the longer
    /// one, word for word (character edit ratio against the longer side's
    /// opening or closing stretch of the same length); 0 unless the longer
    /// side is clearly longer. A sentence glued to the next by a missing
    /// full stop, or one that another outlet extended with an attribution
    /// or a second clause, scores near 1. Not serialised (a contract of
    /// `--explain` JSON would otherwise grow).
    #[serde(skip)]
    pub edge: f32,
    /// Cosine of the two sentences' encoder vectors; absent when the corpus
    /// was scored lexically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub semantic: Option<f32>,
    /// The probability that the two sides assert the same claim
    /// ([`crate::sameclaim`]).
    pub same_claim: f32,
}

/// A pair whose shorter side is the start or end of the longer one at
/// least this closely ([`Score::edge`]) is contained, as by token
/// containment. Of the 2,242 judged pairs of the claims gold, the 65 at or
/// above it (shorter side of four words or more) were all judged the same
/// claim.
pub const EDGE_MATCH: f32 = 0.85;
