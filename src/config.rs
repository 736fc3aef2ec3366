//! Options, split as the pipeline is: [`MatchConfig`] changes what is
//! computed, `ReportConfig` (in `report`) only how it is shown.

/// Options of the matching and alignment stages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchConfig {
    /// Pairs scoring at or above this are aligned.
    pub threshold: f32,
    /// A leftover sentence joins a link when at least this fraction of its
    /// token weight is found in the link's other side.
    pub join_coverage: f32,
}

/// The default match cut-off.
pub const DEFAULT_THRESHOLD: f32 = 0.45;

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig { threshold: DEFAULT_THRESHOLD, join_coverage: 0.6 }
    }
}
