//! Options, split as the pipeline is: [`MatchConfig`] changes what is
//! computed, `ReportConfig` (in `report`) only how it is shown.

/// Options of the matching and alignment stages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchConfig {
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
    /// ...and their score is at least this...
    pub weak_floor: f32,
    /// ...and their evidence beats each one's runner-up by this factor; and
    /// only between articles that already share this many links at or above
    /// the threshold.
    pub weak_margin: f32,
    /// See `weak_margin`.
    pub weak_min_strong: usize,
}

/// The default match cut-off.
pub const DEFAULT_THRESHOLD: f32 = 0.45;

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            threshold: DEFAULT_THRESHOLD,
            containment: 0.85,
            containment_min_words: 4.0,
            join_coverage: 0.6,
            weak_containment: 0.2,
            weak_floor: 0.05,
            weak_margin: 1.3,
            weak_min_strong: 1,
        }
    }
}
