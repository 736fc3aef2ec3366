//! What a finding is about: the one vocabulary of `check --fail-on`, the
//! check CSV's `kind` column and the `--format findings` table, and which
//! pairwise flag evidences which kind.

use super::Flag;
use serde::Serialize;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A quotation worded differently (or given to another speaker).
    Quote,
    /// Numbers that differ.
    Number,
    /// Names written differently.
    Name,
    /// A name spelled or hyphenated differently (Harbour/Harbor,
    /// Okonjo-Vance/Okonjo Vance), or a fuller form of it (a middle name
    /// only one side gives): house style, not fact.
    Spelling,
    /// A negation added or dropped.
    Negation,
    /// Hedging or attribution added or dropped.
    Hedge,
    /// A clause one side adds to a shared claim.
    Clause,
    /// `check`: a story sentence no reference carries.
    Unsupported,
    /// `check`: a claim every reference carries and the story lacks.
    Dropped,
    /// `compare`: a claim only one outlet carries.
    Unique,
}

impl FindingKind {
    /// Every kind, in report order.
    pub const ALL: [FindingKind; 10] = [
        FindingKind::Quote,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Spelling,
        FindingKind::Negation,
        FindingKind::Hedge,
        FindingKind::Clause,
        FindingKind::Unsupported,
        FindingKind::Dropped,
        FindingKind::Unique,
    ];

    /// The kinds a pairwise flag can evidence, in report order.
    pub const OF_FLAGS: [FindingKind; 7] = [
        FindingKind::Quote,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Spelling,
        FindingKind::Negation,
        FindingKind::Hedge,
        FindingKind::Clause,
    ];

    /// The kinds `check` reports (its `--fail-on` values): the flags'
    /// kinds, `unsupported`, `dropped`.
    pub const CHECK: [FindingKind; 9] = [
        FindingKind::Quote,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Spelling,
        FindingKind::Negation,
        FindingKind::Hedge,
        FindingKind::Clause,
        FindingKind::Unsupported,
        FindingKind::Dropped,
    ];

    /// The kinds `compare` reports (its `--fail-on` values): the flags'
    /// kinds and `unique`.
    pub const COMPARE: [FindingKind; 8] = [
        FindingKind::Quote,
        FindingKind::Number,
        FindingKind::Name,
        FindingKind::Spelling,
        FindingKind::Negation,
        FindingKind::Hedge,
        FindingKind::Clause,
        FindingKind::Unique,
    ];

    /// The kinds that fail a check (and are marked failing in `compare
    /// --format findings`) by default.
    pub const DEFAULT_FAIL_ON: [FindingKind; 3] = [FindingKind::Quote, FindingKind::Number, FindingKind::Name];

    /// The contract name (`--fail-on` values, CSV `kind` columns).
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Quote => "quote",
            FindingKind::Number => "number",
            FindingKind::Name => "name",
            FindingKind::Spelling => "spelling",
            FindingKind::Negation => "negation",
            FindingKind::Hedge => "hedge",
            FindingKind::Clause => "clause",
            FindingKind::Unsupported => "unsupported",
            FindingKind::Dropped => "dropped",
            FindingKind::Unique => "unique",
        }
    }

    /// Parses a contract name.
    pub fn parse(s: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A `--fail-on` list: kind names out of `allowed` (duplicates and
    /// blank items ignored), or `all` or `none` alone. An empty list is
    /// refused rather than read as `none`: an unset shell variable must not
    /// switch a gate off unnoticed.
    pub fn parse_list<'a>(
        parts: impl IntoIterator<Item = &'a str>,
        allowed: &[FindingKind],
    ) -> Result<Vec<FindingKind>, String> {
        let parts: Vec<&str> = parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
        let names = || allowed.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
        match parts[..] {
            [] => return Err(format!("no kinds given: name some of {}, or `all` or `none`", names())),
            ["all"] => return Ok(allowed.to_vec()),
            ["none"] => return Ok(Vec::new()),
            _ => {}
        }
        let mut kinds = Vec::new();
        for part in parts {
            if part == "all" || part == "none" {
                return Err(format!("`{part}` stands alone: it cannot be combined with other kinds"));
            }
            let kind = FindingKind::parse(part)
                .filter(|k| allowed.contains(k))
                .ok_or_else(|| format!("`{part}` is not one of {}", names()))?;
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        Ok(kinds)
    }

    /// The kind a pairwise flag evidences (every flag has one).
    pub fn of_flag(f: &Flag) -> Option<FindingKind> {
        let spelling = matches!(f.rule.as_str(), "name:spelling" | "name:hyphenation" | "name:middle");
        Some(match f.name.as_str() {
            "quote_altered" | "speaker_changed" => FindingKind::Quote,
            "number_changed" => FindingKind::Number,
            "name_changed" if spelling => FindingKind::Spelling,
            "name_changed" => FindingKind::Name,
            "negation_changed" => FindingKind::Negation,
            "hedge_changed" => FindingKind::Hedge,
            "clause_only_a" | "clause_only_b" => FindingKind::Clause,
            _ => return None,
        })
    }

    /// Whether a pairwise flag evidences this kind.
    pub fn matches(self, f: &Flag) -> bool {
        FindingKind::of_flag(f) == Some(self)
    }
}
