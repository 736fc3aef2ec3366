//! The report model: the plain data the stages produce and the renderers
//! read. `crate::classify` builds a [`PairReport`] (rows, statuses, word
//! diffs, flags with their evidence, the ranked summary), `crate::claims`
//! a [`claims::ClaimsReport`], `crate::quote` a [`quotes::QuoteSurvey`];
//! [`crate::report`] only formats them.
//!
//! The model depends on no stage past `crate::corpus`: an aligned row's
//! score arrives as [`ScoreParts`], plain numbers the stage that builds the
//! rows copies from the matcher's score.

pub mod claims;
mod kind;
pub mod marks;
pub mod quotes;
pub mod table;

pub use kind::FindingKind;
pub use table::{Cell, FindingRecord};

use crate::corpus::Document;
use crate::segment::Span;
use serde::Serialize;

/// How a row's sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Identical once whitespace and quote/dash glyphs are folded.
    Same,
    /// Aligned, wording differs.
    Reworded,
    /// One side covers only part of the other, or one sentence aligns to
    /// several.
    Partial,
    /// Only in A.
    OnlyA,
    /// Only in B.
    OnlyB,
}

impl Status {
    /// The contract name, as in the CSV `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Reworded => "reworded",
            Status::Partial => "partial",
            Status::OnlyA => "only_a",
            Status::OnlyB => "only_b",
        }
    }
}

/// One article's side of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The outlet.
    pub source: String,
    /// 0-based sentence indices (several for a split sentence).
    pub indices: Vec<usize>,
    /// The sentence text (several joined by a space).
    pub sentence: String,
    /// Byte spans of the sentences in the cleaned article.
    pub spans: Vec<Span>,
}

impl Side {
    /// Indices joined with `+`, as in the CSV.
    pub fn index_label(&self) -> String {
        index_label(&self.indices)
    }
}

/// A word-diff chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op", content = "text")]
pub enum Chunk {
    /// Words both sides carry (shown as A has them).
    Equal(String),
    /// Words only A carries.
    Removed(String),
    /// Words only B carries.
    Added(String),
}

/// A byte range in a cleaned article, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// First byte in the cleaned article.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text at that range.
    pub text: String,
}

/// A difference that matters, found on a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The flag's contract name (`number_changed`, ...).
    pub name: String,
    /// The rule that fired.
    pub rule: String,
    /// A short human explanation.
    pub explanation: String,
    /// The differing words in A.
    pub a: Vec<Evidence>,
    /// The differing words in B.
    pub b: Vec<Evidence>,
}

/// One row of a pairwise report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The status.
    pub status: Status,
    /// The matcher's score in [0, 1]; for unmatched rows, the best score the
    /// sentence reached with any candidate.
    pub similarity: f32,
    /// A's side, absent for `only_b`.
    pub a: Option<Side>,
    /// B's side, absent for `only_a`.
    pub b: Option<Side>,
    /// The word diff from A to B (empty for unmatched rows).
    pub diff: Vec<Chunk>,
    /// Flags from the classifier.
    pub flags: Vec<Flag>,
    /// Why the matcher scored the pair as it did (aligned rows only).
    /// (Boxed: most rows of a large report are one-source rows without one.)
    pub explain: Option<Box<Explain>>,
}

/// The matcher's reasons for an aligned pair: the content words both sides
/// share, those only one side has, and every component of the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    /// Content words (names, numbers, other content words) both sides carry,
    /// as A writes them; spelling variants the matcher folds count here.
    pub shared: Vec<String>,
    /// Content words only A carries.
    pub only_a: Vec<String>,
    /// Content words only B carries.
    pub only_b: Vec<String>,
    /// The score and its components.
    pub score: ScoreParts,
}

/// What the report says about each source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// Outlet name.
    pub outlet: String,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Input path.
    pub path: String,
    /// Number of sentences after cleaning.
    pub sentences: usize,
}

/// The comparison of two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    /// A and B.
    pub sources: [SourceInfo; 2],
    /// The similarity used: `lexical` or `semantic:MODEL`.
    pub scorer: String,
    /// Rows in reading order: A's order, with B-only rows placed after their
    /// B neighbours.
    pub rows: Vec<Row>,
    /// The most consequential differences, most salient first (computed by
    /// the classifier; reporters print them as they are).
    pub highlights: Vec<Highlight>,
}

/// One entry of the report's summary: a flag or a one-source sentence,
/// ranked by how much it matters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    /// The index of the row in [`PairReport::rows`].
    pub row: usize,
    /// A flag name, or `only_a`/`only_b` for a one-source sentence.
    pub kind: String,
    /// The ranking score: higher matters more.
    pub salience: f32,
    /// The row's sentence references, as in the text report (`A5 B6`).
    pub refs: String,
    /// One line saying what differs.
    pub summary: String,
}

impl PairReport {
    /// Whether the report shows differences (`compare --exit-code`): any
    /// sentence that is not the same on both sides.
    pub fn differs(&self) -> bool {
        self.rows.iter().any(|r| r.status != Status::Same)
    }

    /// How many rows have each status, in contract order.
    pub fn counts(&self) -> [(Status, usize); 5] {
        [Status::Same, Status::Reworded, Status::Partial, Status::OnlyA, Status::OnlyB]
            .map(|s| (s, self.rows.iter().filter(|r| r.status == s).count()))
    }
}

/// The components of an aligned pair's similarity score, as the matcher
/// computed them (see `matching::Score`, which fills one per row); they are
/// shown by `--explain`, in this order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ScoreParts {
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
    /// Cosine of the two sentences' encoder vectors; absent when the corpus
    /// was scored lexically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub semantic: Option<f32>,
    /// The probability that the two sides assert the same claim (details may
    /// differ): the cut claims mode merges on, and below 0.5 no detail flag
    /// is raised.
    pub same_claim: f32,
}

/// What a report says about one document.
pub fn source_info(doc: &Document) -> SourceInfo {
    let m = &doc.article.meta;
    SourceInfo {
        outlet: m.outlet.clone(),
        title: m.title.clone(),
        date: m.date.clone(),
        url: m.url.clone(),
        path: m.path.display().to_string(),
        sentences: doc.sentences.len(),
    }
}

/// One document's side of a row: the sentences at `idx`, joined by a space.
pub fn side(doc: &Document, idx: &[usize]) -> Side {
    let sentence = idx.iter().map(|&i| doc.sentences[i].text.as_str()).collect::<Vec<_>>().join(" ");
    Side {
        source: doc.article.meta.outlet.clone(),
        indices: idx.to_vec(),
        sentence,
        spans: idx.iter().map(|&i| doc.sentences[i].span).collect(),
    }
}

/// The flags' names, each once, in order (a row may carry two clauses of
/// one kind).
pub fn flag_names<'a>(flags: impl IntoIterator<Item = &'a Flag>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for f in flags {
        if !names.contains(&f.name.as_str()) {
            names.push(&f.name);
        }
    }
    names
}

/// Sentence indices as one label: `3`, or `3+4` for a merged group.
pub fn index_label(indices: &[usize]) -> String {
    indices.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("+")
}
