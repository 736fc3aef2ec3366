//! claimdiff compares how different news outlets report the same story.
//!
//! The pipeline flows one way, one module per stage:
//!
//! 1. [`article::load`] reads files, folders, JSONL and stdin (the only input
//!    I/O) and [`article::clean`] drops boilerplate and reads metadata;
//! 2. [`segment`] splits each article into sentence byte spans;
//! 3. [`normalize`] turns each sentence into comparison tokens, and
//!    [`corpus`] interns them and weights them by IDF;
//! 4. [`index`] proposes candidate sentence pairs, [`matching`] scores them;
//! 5. [`align`] picks a globally consistent alignment;
//! 6. [`classify`] decides each row's status and word diff and runs the
//!    flag rules, one file per rule family (with [`quote`] for quotations
//!    and their speakers); for three or more articles, [`cluster`] groups
//!    sentences into claims across outlets and [`claims`] builds the
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

pub mod align;
pub mod article;
pub mod check;
pub mod claims;
pub mod classify;
pub mod cluster;
pub mod config;
pub mod corpus;
pub mod derive;
pub mod error;
pub mod exit_codes;
pub mod findings;
pub mod index;
pub mod matching;
pub mod normalize;
pub mod quote;
pub mod report;
pub mod segment;
pub mod semantic;

pub use error::{Error, Result};

use article::Article;
use config::MatchConfig;
use corpus::Corpus;
use findings::claims::ClaimsReport;
use findings::PairReport;

/// Compares two cleaned articles: segment, normalise, match, align and
/// classify. Pure computation, no I/O.
pub fn compare_pair(a: Article, b: Article, cfg: &MatchConfig) -> PairReport {
    let mut corpus = Corpus::build(vec![a, b]);
    corpus.prepare(cfg);
    let alignment = align::align_pair(&corpus, 0, 1, cfg);
    classify::pair_report(&corpus, &alignment)
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
    claims::claims_report(&corpus, &claims)
}

/// Lists every quotation of the articles, with its speaker, and how each
/// other article carries it (verbatim, trimmed, altered, paraphrased or
/// absent). Pure computation, no I/O.
pub fn quote_survey(articles: Vec<Article>) -> quote::QuoteSurvey {
    quote::survey(&Corpus::build(articles))
}
