//! Options, split as the pipeline is: [`MatchConfig`] changes what is
//! computed, `ReportConfig` (in `report`) only how it is shown.

use crate::semantic::Encoder;

/// Options of the matching and alignment stages.
#[derive(Debug, Clone, Copy)]
pub struct MatchConfig {
    /// The sentence encoder behind the semantic signal; `None` scores
    /// lexically. (A `'static` borrow: the binary loads one encoder per
    /// process, and the config stays `Copy`.)
    pub encoder: Option<&'static Encoder>,
    /// Runs with more sentences than this are scored lexically: see
    /// [`DEFAULT_SEMANTIC_MAX_SENTENCES`].
    pub semantic_max_sentences: usize,
    /// Pairs scoring at or above this are aligned.
    pub threshold: f32,
    /// Pairs where one side's content weight is at least this fraction
    /// inside the other are aligned too (as `partial`)...
    pub containment: f32,
    /// ...when they share at least this many content words.
    pub containment_min_words: f32,
    /// A leftover sentence joins a link when at least this fraction of its
    /// token weight is found in the link's other side.
    pub join_coverage: f32,
    /// Two leftover sentences that are each other's best candidate are
    /// linked when one holds at least this fraction of the other's content
    /// weight...
    pub weak_containment: f32,
    /// ...and their score is at least this (lexical scores) or
    /// `weak_floor_semantic` (scores with encoder vectors)...
    pub weak_floor: f32,
    /// See `weak_floor`.
    pub weak_floor_semantic: f32,
    /// ...and their evidence beats each one's runner-up by this factor; and
    /// only between articles that already share this many links at or above
    /// the threshold.
    pub weak_margin: f32,
    /// See `weak_margin`.
    pub weak_min_strong: usize,
    /// A hard floor: no pair scoring below `threshold` aligns, neither as a
    /// weak link nor as a contained sentence (the two rules that otherwise
    /// align a trimmed or loosely retold sentence below the calibrated
    /// cut). Off by default; the binary sets it when `--threshold` is given
    /// any value but the default, so that a threshold the user chose holds
    /// for every aligned row.
    pub strict_threshold: bool,
    /// Pairs whose same-claim probability ([`crate::sameclaim`]) is below
    /// this do not align: [`crate::sameclaim::PAIR_FLOOR`] by default (what
    /// `check` uses); pairwise reports ([`crate::compare_pair`]) and claims
    /// mode set `claim_floor` here, so two outlets' sentences are shown as
    /// one claim only when they are.
    pub min_same_claim: f32,
    /// Claims mode (`--claim-floor`): two outlets' sentences join one shared
    /// claim only when the claim's members are one claim with at least this
    /// probability on average, and no pair of them is more than 0.15 below
    /// it (average linkage with a floor).
    pub claim_floor: f32,
}

/// The default semantic budget, in sentences. The semantic path costs about
/// 1.4 ms per sentence on two cores, end to end (int8 encoder and the extra
/// candidates it brings), so this many sentences take about a minute; larger
/// runs (well over a thousand articles) take the lexical path.
pub const DEFAULT_SEMANTIC_MAX_SENTENCES: usize = 40_000;

impl PartialEq for MatchConfig {
    fn eq(&self, other: &Self) -> bool {
        let same_encoder = match (self.encoder, other.encoder) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_encoder
            && self.semantic_max_sentences == other.semantic_max_sentences
            && self.threshold == other.threshold
            && self.containment == other.containment
            && self.containment_min_words == other.containment_min_words
            && self.join_coverage == other.join_coverage
            && self.weak_containment == other.weak_containment
            && self.weak_floor == other.weak_floor
            && self.strict_threshold == other.strict_threshold
            && self.weak_floor_semantic == other.weak_floor_semantic
            && self.weak_margin == other.weak_margin
            && self.weak_min_strong == other.weak_min_strong
            && self.min_same_claim == other.min_same_claim
            && self.claim_floor == other.claim_floor
    }
}

/// The default match cut-off.
pub const DEFAULT_THRESHOLD: f32 = 0.45;

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            encoder: None,
            semantic_max_sentences: DEFAULT_SEMANTIC_MAX_SENTENCES,
            threshold: DEFAULT_THRESHOLD,
            containment: 0.85,
            containment_min_words: 4.0,
            join_coverage: 0.6,
            weak_containment: 0.2,
            weak_floor: 0.05,
            weak_floor_semantic: 0.3,
            weak_margin: 1.3,
            weak_min_strong: 1,
            strict_threshold: false,
            min_same_claim: crate::sameclaim::PAIR_FLOOR,
            claim_floor: crate::sameclaim::DEFAULT_CLAIM_FLOOR,
        }
    }
}
