//! The many-outlet report model: claims clustered across articles, each
//! outlet's consistency summary and provenance hints. Built by
//! `crate::claims`; rendered by [`crate::report::claims`].

use super::{Chunk, Flag, Highlight, Side, SourceInfo};
use serde::Serialize;

/// Whether a claim is carried by several outlets or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Carried by two or more outlets.
    Shared,
    /// Carried by one outlet only.
    Unique,
}

impl ClaimStatus {
    /// The contract name, as in the CSV `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Shared => "shared",
            ClaimStatus::Unique => "unique",
        }
    }
}

/// One outlet's wording of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Index into [`ClaimsReport::sources`].
    pub source: usize,
    /// The sentence(s).
    pub side: Side,
    /// Similarity to the representative wording (1 for the representative).
    pub similarity: f32,
    /// The probability that this wording and the representative assert the
    /// same claim (1 for the representative and one-outlet claims).
    pub same_claim: f32,
    /// Word diff from the representative to this wording (empty for the
    /// representative itself).
    pub diff: Vec<Chunk>,
    /// Flags between the representative and this wording.
    pub flags: Vec<Flag>,
}

/// A later outlet whose wording is closest to one earlier outlet's: a hint
/// of copying, never proof.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyHint {
    /// The later outlet (index into sources).
    pub source: usize,
    /// The earlier outlet it is closest to.
    pub closest: usize,
    /// Their similarity.
    pub similarity: f32,
    /// How much closer than to the next-closest earlier outlet; `None` when
    /// only one earlier outlet carries the claim.
    pub margin: Option<f32>,
}

/// Who carried a claim first, by date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    /// The earliest outlet carrying the claim (index into sources).
    pub earliest: usize,
    /// Its date.
    pub date: String,
    /// Copying hints for later outlets.
    pub hints: Vec<CopyHint>,
}

/// One claim across outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimEntry {
    /// Stable label, `C1`, `C2`, ... in reading order of the first outlet.
    pub id: String,
    /// Shared or unique.
    pub status: ClaimStatus,
    /// Salience: how much the claim matters if it is one-sided (names,
    /// accusation verbs, numbers).
    pub salience: f32,
    /// The representative wording (index into `variants`).
    pub representative: usize,
    /// Each outlet's wording, in source order.
    pub variants: Vec<Variant>,
    /// Provenance, when dates are known.
    pub provenance: Option<Provenance>,
    /// For a one-outlet clause inside a shared claim's sentence: which claim
    /// and which words. The entry is then `Unique`, its one variant is the
    /// sentence holding the clause.
    pub clause: Option<ClauseOf>,
    /// For a one-outlet sentence: the highest same-claim probability of any
    /// other outlet's sentence against it, when it was worked out (for the
    /// one-outlet sentences that may lead the ranked summary). One that
    /// another outlet may carry in other words (0.3 or more) does not lead
    /// it: "only this outlet says so" must be true.
    pub nearest_elsewhere: Option<f32>,
    /// Where that nearest other sentence is: its outlet (index into
    /// sources) and sentence index.
    pub nearest_at: Option<(usize, usize)>,
    /// For a one-outlet sentence: the share of its content words that no
    /// other outlet uses anywhere in the story. One whose words the others
    /// all use ("LaSalle, known to police as 'Crazy T', was Tasered and
    /// taken into custody", each part in another outlet) restates what they
    /// carry, and does not lead the summary as one outlet's.
    pub novelty: Option<f32>,
}

/// A clause that one outlet adds to a claim the others also carry
/// ("..., adding that they were also being backed by India").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseOf {
    /// The id of the shared claim whose sentence holds the clause.
    pub claim: String,
    /// The clause's words.
    pub text: String,
    /// First byte of the clause in the cleaned article.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// Per-outlet consistency with the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletSummary {
    /// Index into sources.
    pub source: usize,
    /// Claims this outlet carries.
    pub claims: usize,
    /// Of those, claims carried by a majority of outlets.
    pub shared_with_majority: usize,
    /// Of those, claims no other outlet carries.
    pub alone: usize,
    /// Its variants flagged `quote_altered` against the representative.
    pub altered_quotes: usize,
}

impl Variant {
    /// Worded as the representative (once normalised) and without a flag:
    /// the representative itself, or an outlet that carries it unchanged.
    pub fn same(&self) -> bool {
        self.flags.is_empty() && self.diff.iter().all(|c| matches!(c, Chunk::Equal(_)))
    }
}

impl ClaimEntry {
    /// Whether the outlets differ on this claim: carried by one outlet only,
    /// or worded or flagged differently by one of those that carry it.
    /// (Whether some outlet lacks a shared claim is the report's to say.)
    pub fn differs(&self) -> bool {
        self.status == ClaimStatus::Unique || !self.variants.iter().all(Variant::same)
    }

    /// What a one-outlet listing shows: the clause for a clause claim, else
    /// the first wording's sentence.
    pub fn unique_text(&self) -> &str {
        match &self.clause {
            Some(c) => &c.text,
            None => &self.variants[0].side.sentence,
        }
    }
}

impl ClaimsReport {
    /// Whether the report shows differences (`compare --exit-code`): a
    /// claim some outlet lacks, or one its outlets word or flag differently.
    pub fn differs(&self) -> bool {
        self.claims.iter().any(|c| c.variants.len() < self.sources.len() || c.differs())
    }

    /// Counts of shared and unique claims (one-outlet clauses included).
    pub fn counts(&self) -> (usize, usize) {
        let shared = self.claims.iter().filter(|c| c.status == ClaimStatus::Shared).count();
        (shared, self.claims.len() - shared)
    }

    /// How many of the unique claims are clauses added to a shared claim.
    pub fn clause_count(&self) -> usize {
        self.claims.iter().filter(|c| c.clause.is_some()).count()
    }

    /// Each source's name as a CSV column or cell shows it: its outlet, and
    /// where two sources name one outlet (two takes of an agency story, a
    /// paper's print and web copies), or an outlet is named like one of the
    /// matrix's own columns, the outlet and its number (`AP [2]`), so every
    /// column is named once and every row says whose it is.
    pub fn source_labels(&self) -> Vec<String> {
        const FIXED: [&str; 4] = ["claim", "status", "outlets", "representative"];
        let mut named: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for s in &self.sources {
            *named.entry(s.outlet.as_str()).or_default() += 1;
        }
        self.sources
            .iter()
            .enumerate()
            .map(|(k, s)| {
                if named[s.outlet.as_str()] > 1 || FIXED.contains(&s.outlet.as_str()) {
                    format!("{} [{}]", s.outlet, k + 1)
                } else {
                    s.outlet.clone()
                }
            })
            .collect()
    }

    /// The coverage matrix: for each claim, each source's sentence indices
    /// (`None` where the source does not carry the claim). Rows are made
    /// one at a time as they are read: the whole matrix (claims x sources)
    /// would be gigabytes at thousands of outlets.
    pub fn matrix(&self) -> impl Iterator<Item = Vec<Option<&Side>>> + '_ {
        self.claims.iter().map(|c| {
            let mut row = vec![None; self.sources.len()];
            for v in &c.variants {
                row[v.source] = Some(&v.side);
            }
            row
        })
    }
}

/// The comparison of three or more articles.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimsReport {
    /// Every source.
    pub sources: Vec<SourceInfo>,
    /// The similarity used: `lexical` or `semantic:MODEL`.
    pub scorer: String,
    /// Claims: unique ones first by salience, then shared ones by how many
    /// outlets carry them.
    pub claims: Vec<ClaimEntry>,
    /// The most consequential differences, ranked (at most ten): altered
    /// quotes, changed speakers, numbers, names, negations and hedges
    /// between an outlet and a claim's representative, clauses and claims
    /// one outlet carries alone. `row` indexes `claims`.
    pub highlights: Vec<Highlight>,
    /// One summary per source.
    pub outlets: Vec<OutletSummary>,
    /// Sources dated far from the others (more than
    /// [`crate::cluster::DATE_GAP_DAYS`] from the median date): their
    /// sentences share a claim only on shared wording, not by meaning alone.
    pub date_gaps: Vec<DateGap>,
}

/// A source dated far from the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateGap {
    /// Index into [`ClaimsReport::sources`].
    pub source: usize,
    /// Days from the median date of the dated sources.
    pub days: i64,
}
