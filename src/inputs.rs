//! Reading a command's inputs: loading and cleaning every article, the
//! one-line report of each that cannot be used, and the warnings about the
//! set (identical texts, one outlet named by several articles, what the
//! cleaner dropped under `--verbose`).

use crate::cli::InputArgs;
use crate::{say, Reported};
use anyhow::bail;
use claimdiff::article::load::{self, LoadOptions};
use claimdiff::article::Article;
use std::path::PathBuf;

/// The usable articles of a command's inputs, and how many were skipped.
pub struct Loaded {
    pub articles: Vec<Article>,
    skipped: usize,
}

impl Loaded {
    /// The articles, if there are at least `need` of them; else trouble,
    /// one line saying what `command` needed (`need` of `what`, a plural)
    /// and what the inputs held.
    pub fn usable(self, command: &str, need: usize, what: &str) -> anyhow::Result<Vec<Article>> {
        if self.articles.len() < need {
            let (least, noun) = match need {
                1 => ("one".to_owned(), what.strip_suffix('s').unwrap_or(what)),
                2 => ("two".to_owned(), what),
                n => (n.to_string(), what),
            };
            bail!("{command} needs at least {least} usable {noun}; the {what} given hold {}", self.count());
        }
        Ok(self.articles)
    }

    /// `3`, or `3 (2 skipped)`.
    pub fn count(&self) -> String {
        match self.skipped {
            0 => self.articles.len().to_string(),
            n => format!("{} ({n} skipped)", self.articles.len()),
        }
    }
}

/// Loads and cleans every input. A file named on the command line must be
/// usable; an article inside a folder or JSONL file that is not (binary, too
/// large, empty after cleaning, a bad JSONL line) is skipped with one line
/// `claimdiff: PATH: skipped: REASON`, unless `strict`. Every failure is
/// reported, one line each, before giving up, so one run shows every bad
/// file. With `skip_empty`, a named file with no text left after cleaning
/// is skipped the same way (`check`'s references).
pub fn load_articles(paths: &[PathBuf], input: &InputArgs, strict: bool, skip_empty: bool) -> anyhow::Result<Loaded> {
    let opts = load_options(input);
    let mut loaded = Loaded { articles: Vec::new(), skipped: 0 };
    let mut failed = false;
    // Inputs are read (web pages extracted) and cleaned in parallel, then
    // reported in the order they were named.
    let batches: Vec<_> = {
        use rayon::prelude::*;
        let cleaned = |b: load::Batch| (b.collection, claimdiff::article::clean_all(b.items, input.max_sentences));
        paths.par_iter().map(|path| load::load_batch(path, opts).map(cleaned)).collect()
    };
    for (path, batch) in paths.iter().zip(batches) {
        let (collection, articles) = match batch {
            Ok(batch) => batch,
            Err(e) => {
                say(e);
                failed = true;
                continue;
            }
        };
        for article in articles {
            match article {
                Ok(article) => {
                    report_cleaning(&article, input);
                    loaded.articles.push(article);
                }
                Err(e) if (collection || (skip_empty && matches!(e, claimdiff::Error::Empty { .. }))) && !strict => {
                    let at = e.location().unwrap_or_else(|| path.display().to_string());
                    say(format_args!("{at}: skipped: {}", e.reason()));
                    loaded.skipped += 1;
                }
                Err(e) => {
                    say(e);
                    failed = true;
                }
            }
        }
    }
    if failed {
        return Err(Reported.into());
    }
    warn_identical(&loaded.articles);
    Ok(loaded)
}

/// Says which articles hold the same text as an earlier one (the same file
/// named twice, or a copy): every sentence of such a pair matches itself.
/// Five lines at most, then a count.
fn warn_identical(articles: &[Article]) {
    let pairs = claimdiff::article::identical(articles);
    for &(earlier, later) in pairs.iter().take(5) {
        let (a, b) = (&articles[earlier].meta.path, &articles[later].meta.path);
        match a == b {
            true => say(format_args!("warning: {}: named more than once; compared with itself", a.display())),
            false => say(format_args!("warning: {}: the same text as {}", b.display(), a.display())),
        }
    }
    if pairs.len() > 5 {
        say(format_args!("warning: {} more articles hold the same text as an earlier one", pairs.len() - 5));
    }
}

/// Says which articles name one outlet: a claims report counts each
/// article as an outlet, so two articles of one newsroom would read as two
/// outlets corroborating each other. Five lines at most, then a count.
pub fn warn_same_outlet(articles: &[Article]) {
    let groups = claimdiff::article::same_outlet(articles);
    for g in groups.iter().take(5) {
        let outlet = &articles[g[0]].meta.outlet;
        let mut paths: Vec<String> = g.iter().take(3).map(|&i| articles[i].meta.path.display().to_string()).collect();
        if g.len() > 3 {
            paths.push(format!("{} more", g.len() - 3));
        }
        say(format_args!(
            "warning: {} articles name the outlet `{outlet}` ({}): each counts as an outlet of its own in this report",
            g.len(),
            paths.join(", ")
        ));
    }
    if groups.len() > 5 {
        say(format_args!("warning: {} more outlets are named by more than one article", groups.len() - 5));
    }
}

/// How inputs are read: the size limit, and a note on stderr when a FIFO
/// waits for a writer.
pub fn load_options(input: &InputArgs) -> LoadOptions {
    LoadOptions { max_bytes: input.max_bytes, waiting_for_writer: Some(note_waiting) }
}

/// Says once that a FIFO input has no writer yet (reading waits for one, as
/// cat(1) does).
fn note_waiting(path: &std::path::Path) {
    say(format_args!("{}: waiting for a writer to open this FIFO (Ctrl-C to stop)", path.display()));
}

pub fn warn_all(warnings: &[String]) {
    for w in warnings {
        say(format_args!("warning: {w}"));
    }
}

pub fn report_cleaning(article: &Article, input: &InputArgs) {
    warn_all(&article.warnings);
    if input.verbose {
        for d in &article.dropped {
            say(format_args!(
                "{}:{}: dropped ({}): {}",
                article.meta.path.display(),
                d.line,
                d.reason.describe(),
                d.text.trim()
            ));
        }
    }
}
