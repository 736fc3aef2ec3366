//! The fuzz targets' properties (`fuzz/fuzz_targets/`), checked on stable
//! Rust in every `cargo test`: the sample articles of `data/` mutated at
//! random (quote marks, stops, line breaks, NUL, control and combining
//! characters, front matter and tags inserted; spans deleted or repeated)
//! and arbitrary text and bytes, through loading and cleaning, the
//! splitter, quotation extraction and the survey, and pairwise and
//! many-way comparison with every report. Errors are fine; a panic, a span
//! off a character boundary or a cleaned article with no text is a bug.
//!
//! cargo-fuzz explores far more (coverage-guided, `scripts/fuzz-smoke.sh`
//! or `cargo +nightly fuzz run TARGET`); this keeps the same properties in
//! CI without the instrumented nightly build (six minutes of CI's budget).

use claimdiff::article::clean::clean;
use claimdiff::article::load::{decode, LoadOptions};
use claimdiff::article::Article;
use claimdiff::config::MatchConfig;
use claimdiff::report::{self, ReportConfig};
use claimdiff::{compare_many, compare_pair, quote, quote_survey, segment};
use proptest::prelude::*;
use std::path::Path;

/// The sample articles, read once.
fn samples() -> &'static [String] {
    static SAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/harbour-strike");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    })
}

/// What a mutation inserts: the characters and words the stages read.
const PIECES: &[&str] = &[
    "\u{201c}",
    "\u{201d}",
    "\"",
    "''",
    "'",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    ".",
    ". ",
    "...",
    "\u{2026}",
    "\n",
    "\n\n",
    "\0",
    "\u{feff}",
    "\u{200b}",
    "\u{2014}",
    " - ",
    "Mr.",
    "U.S.",
    " said ",
    " Sen. ",
    ":",
    "\r\n",
    "\u{301}",
    "\u{1f600}",
    "\t",
    "<p>",
    "---\n",
    "title: X\n",
    "7,000",
    "3.5%",
    "(",
    ")",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "?!",
    "Advertisement\n",
    "\u{5d0}\u{5d1}",
    "ABC, ",
];

/// One edit of a text: insert a piece, delete or repeat a span, at a
/// position given as a fraction of the length (snapped to a character).
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, usize),
    Delete(f64, usize),
    Repeat(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0.0..1.0f64, 0..PIECES.len()).prop_map(|(at, k)| Edit::Insert(at, k)),
        1 => (0.0..1.0f64, 1..200usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (0.0..1.0f64, 1..300usize).prop_map(|(at, n)| Edit::Repeat(at, n)),
    ]
}

fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut t = text.to_owned();
    for e in edits {
        match *e {
            Edit::Insert(at, k) => {
                let i = boundary(&t, at);
                t.insert_str(i, PIECES[k]);
            }
            Edit::Delete(at, n) | Edit::Repeat(at, n) => {
                let i = boundary(&t, at);
                let mut j = (i + n).min(t.len());
                while !t.is_char_boundary(j) {
                    j -= 1;
                }
                if matches!(e, Edit::Delete(..)) {
                    t.replace_range(i..j, "");
                } else {
                    let span = t[i..j].to_owned();
                    t.insert_str(j, &span);
                }
            }
        }
    }
    t
}

/// A sample article mutated, or arbitrary text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..4usize, proptest::collection::vec(edit(), 1..24)).prop_map(|(k, edits)| {
            let s = samples();
            mutate(&s[k % s.len()], &edits)
        }),
        1 => ".{0,600}",
    ]
}

fn config() -> ProptestConfig {
    // Each case compares whole articles: under two hundred cases keep the test in
    // seconds; the seed varies per run (a failure prints its input).
    // PROPTEST_CASES=5000 runs a longer search.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(192);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_load_and_clean(bytes in prop_oneof![
        3 => text().prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 0..2048),
        1 => (text(), proptest::collection::vec(any::<u8>(), 1..8)).prop_map(|(t, junk)| {
            let mut b = t.into_bytes();
            let at = b.len() / 2;
            b.splice(at..at, junk);
            b
        }),
    ]) {
        if let Ok(raw) = decode(Path::new("fuzz.txt"), bytes, LoadOptions::default()) {
            if let Ok(article) = clean(raw) {
                prop_assert!(!article.text.trim().is_empty(), "a cleaned article has text");
            }
        }
    }

    #[test]
    fn any_text_splits_into_ordered_sentences(text in text()) {
        let mut end = 0;
        for span in segment::split(&text) {
            prop_assert!(span.start >= end && span.start < span.end && span.end <= text.len());
            prop_assert!(!text[span.start..span.end].trim().is_empty());
            end = span.end;
        }
    }

    #[test]
    fn any_text_gives_quotations_on_boundaries(a in text(), b in text()) {
        for q in quote::extract(&a) {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= a.len());
            prop_assert!(a.is_char_boundary(q.span.start) && a.is_char_boundary(q.span.end));
        }
        let articles: Vec<Article> =
            [a, b].iter().enumerate().filter_map(|(i, t)| Article::from_text(&format!("outlet{i}"), t).ok()).collect();
        if articles.len() == 2 {
            quote_survey(articles);
        }
    }

    #[test]
    fn any_texts_compare_and_render(a in text(), b in text(), c in text()) {
        let articles: Vec<Article> = [a, b, c]
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Article::from_text(&format!("outlet{i}"), t).ok())
            .collect();
        let cfg = MatchConfig::default();
        let rcfg = ReportConfig { color: true, explain: true };
        if articles.len() >= 2 {
            let ab = compare_pair(articles[0].clone(), articles[1].clone(), &cfg);
            let ba = compare_pair(articles[1].clone(), articles[0].clone(), &cfg);
            prop_assert_eq!(ab.rows.len(), ba.rows.len(), "pairwise comparison mirrors");
            report::text::write(&ab, &rcfg, std::io::sink()).unwrap();
            report::json::write(&ab, &rcfg, std::io::sink()).unwrap();
            report::csv::write(&ab, std::io::sink()).unwrap();
            report::html::write(&ab, std::io::sink()).unwrap();
        }
        if articles.len() == 3 {
            let claims = compare_many(articles, &cfg, &|_, _| {});
            report::claims::text::write(&claims, &rcfg, std::io::sink()).unwrap();
            report::claims::json::write(&claims, std::io::sink()).unwrap();
            report::claims::csv::write(&claims, std::io::sink()).unwrap();
            report::claims::csv::write_matrix(&claims, std::io::sink()).unwrap();
            report::claims::html::write(&claims, std::io::sink()).unwrap();
        }
    }
}
