//! claimdiff compares how different news outlets report the same story.
//!
//! The pipeline flows one way, one module per stage (the inner stages,
//! named here without links, are hidden from these docs: not a stable API):
//!
//! 1. [`article::load`] reads files, folders, JSONL and stdin (the only input
//!    I/O) and [`article::clean`] drops boilerplate and reads metadata;
//! 2. [`segment`] splits each article into sentence byte spans;
//! 3. `normalize` turns each sentence into comparison tokens, and
//!    `corpus` interns them and weights them by IDF;
//! 4. `index` proposes candidate sentence pairs, `matching` scores them;
//! 5. `align` picks a globally consistent alignment;
//! 6. `classify` decides each row's status and word diff and runs the
//!    flag rules, one file per rule family (with [`quote`] for quotations
//!    and their speakers); for three or more articles, `cluster` groups
//!    sentences into claims across outlets and `claims` builds the
//!    many-outlet report; [`check`] gates a story against reference copy,
//!    with [`derive`](mod@derive) saying how much of the story comes from
//!    it;
//! 7. the result is the report model in [`findings`] (rows, statuses,
//!    flags and their evidence, the ranked summary), plain data that
//!    [`report`] renders as text, CSV, JSON or HTML without computing
//!    anything.
//!
//! ```
//! use claimdiff::{article::Article, compare_pair, config::MatchConfig, findings::Status};
//!
//! let a = Article::from_text("herald", "The port closed on Monday.\n\nPolice made two arrests.").unwrap();
//! let b = Article::from_text("wire", "The port closed on Monday.\n\nOfficials blamed the union.").unwrap();
//! let report = compare_pair(a, b, &MatchConfig::default());
//! assert_eq!(report.rows[0].status, Status::Same);
//! assert!(report.rows.iter().any(|r| r.status == Status::OnlyA));
//! ```

#![deny(missing_docs)]
// The library never prints: warnings travel as values, output goes through
// the renderers into a caller-supplied writer.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// The API: load articles, configure, compare or check, read the report
// model, render it.
pub mod article;
pub mod check;
pub mod config;
pub mod derive;
pub mod error;
pub mod exit_codes;
pub mod findings;
pub mod quote;
pub mod report;
pub mod segment;
pub mod semantic;
pub mod stories;

// The pipeline's inner stages: public so that the benches, fuzz targets and
// tests can reach them, hidden from the docs and not a stable API (they
// change whenever the pipeline does). Use [`compare_pair`],
// [`compare_many`], [`check::check`] and [`quote_survey`] instead.
#[doc(hidden)]
pub mod align;
#[doc(hidden)]
pub mod claims;
#[doc(hidden)]
pub mod classify;
#[doc(hidden)]
pub mod cluster;
#[doc(hidden)]
pub mod corpus;
#[doc(hidden)]
pub mod index;
mod lexicon;
#[doc(hidden)]
pub mod matching;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod sameclaim;
mod score;
// Byte-level text helpers shared by the stages.
mod text;

pub use error::{Error, Result};

use article::Article;
use config::MatchConfig;
use corpus::Corpus;
use findings::claims::ClaimsReport;
use findings::PairReport;

/// The most sentences (both articles together) for which a pairwise report
/// looks below the claim floor for the clauses one side adds to a near
/// sentence ([`classify::pair_report_with_near`]).
pub const NEAR_CLAUSES_MAX_SENTENCES: usize = 5_000;

/// Compares two cleaned articles: segment, normalise, match, align and
/// classify. Pure computation, no I/O.
///
/// A pair aligns only when it is one claim by `cfg.claim_floor`, as two
/// outlets' sentences must be to share a claim in [`compare_many`]: the
/// two reports agree on what two outlets both say.
pub fn compare_pair(a: Article, b: Article, cfg: &MatchConfig) -> PairReport {
    let one_claim = MatchConfig { min_same_claim: cfg.claim_floor.max(cfg.min_same_claim), ..*cfg };
    let mut corpus = Corpus::build(vec![a, b]);
    corpus.prepare(cfg);
    let alignment = align::align_pair(&corpus, 0, 1, &one_claim);
    // The pairs below the claim floor, for what one side adds to a near
    // sentence of the other: a second alignment, so only for articles of
    // news length (two books' worth of sentences would pay for it twice).
    let sentences: usize = corpus.docs.iter().map(|d| d.sentences.len()).sum();
    let near = (one_claim.min_same_claim > cfg.min_same_claim
        && sentences <= NEAR_CLAUSES_MAX_SENTENCES.min(cfg.semantic_max_sentences))
    .then(|| align::align_pair(&corpus, 0, 1, cfg));
    classify::pair_report_with_near(&corpus, &alignment, near.as_ref())
}

/// Compares any number of articles: clusters their sentences into claims
/// across outlets and builds the many-outlet report. `progress` receives
/// (done, total) units of alignment work, from worker threads.
pub fn compare_many(
    articles: Vec<Article>,
    cfg: &MatchConfig,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> ClaimsReport {
    let mut corpus = Corpus::build(articles);
    corpus.prepare(cfg);
    let claims = cluster::cluster(&corpus, cfg, progress);
    claims::claims_report(&corpus, &claims, cfg.encoder)
}

/// Lists every quotation of the articles, with its speaker, and how each
/// other article carries it (verbatim, trimmed, altered, paraphrased or
/// absent). Pure computation, no I/O.
pub fn quote_survey(articles: Vec<Article>) -> quote::QuoteSurvey {
    quote::survey(&Corpus::build(articles), None, quote::PARAPHRASE_COSINE)
}

/// [`quote_survey`] with the sentence encoder of `cfg` (when it has one and
/// the articles fit its budget: over it the corpus has no sentence vectors
/// and the search by meaning finds nothing): an article that retells a
/// quotation in other words also counts as paraphrasing it. What
/// `claimdiff quotes` runs.
pub fn quote_survey_with(articles: Vec<Article>, cfg: &MatchConfig) -> quote::QuoteSurvey {
    let mut corpus = Corpus::build(articles);
    corpus.prepare(cfg);
    quote::survey(&corpus, cfg.encoder, quote::PARAPHRASE_COSINE)
}

/// One story of a [`compare_stories`] run: its articles and, when it has
/// two or more, their claims report.
#[derive(Debug, Clone)]
pub struct StoryReport {
    /// The story (article indices into the input of [`compare_stories`]).
    pub story: stories::Story,
    /// The claims report of its articles; `None` for a one-article story
    /// (nothing to compare).
    pub report: Option<findings::claims::ClaimsReport>,
}

/// Groups `articles` into stories ([`stories::group`]) and compares each
/// story's articles claim by claim ([`compare_many`]), stories in parallel.
/// The sentence encoder is used only when the whole run stays within
/// `cfg.semantic_max_sentences` (the budget is for the run, not each
/// story); otherwise every story is matched on wording, and each report's
/// `scorer` says so. `progress` receives (stories done, stories).
pub fn compare_stories(
    articles: Vec<Article>,
    story_cfg: &stories::StoryConfig,
    cfg: &MatchConfig,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<StoryReport> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let grouped = stories::group(&articles, story_cfg);
    let sentences: usize = articles.par_iter().map(|a| segment::split(&a.text).len()).sum();
    let mut cfg = *cfg;
    if sentences > cfg.semantic_max_sentences {
        cfg.encoder = None;
    }
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    let work: Vec<(stories::Story, Vec<Article>)> = grouped
        .into_iter()
        .map(|s| {
            let members = s.articles.iter().filter_map(|&i| slots[i].take()).collect();
            (s, members)
        })
        .collect();
    let total = work.len();
    let done = AtomicUsize::new(0);
    let quiet = |_: usize, _: usize| {};
    work.into_par_iter()
        .map(|(story, members)| {
            let report = (members.len() >= 2).then(|| compare_many(members, &cfg, &quiet));
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            StoryReport { story, report }
        })
        .collect()
}
