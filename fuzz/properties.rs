//! The properties every fuzz target checks, one function per target: the
//! cargo-fuzz targets (`fuzz_targets/`) call them with libFuzzer's inputs,
//! and `tests/it/fuzz.rs` calls them from proptest in every `cargo test`
//! (both include this file with `#[path]`). Errors are fine; a panic or a
//! failed assertion is a bug.

use claimdiff::article::clean::clean;
use claimdiff::article::load::{decode, LoadOptions};
use claimdiff::article::Article;
use claimdiff::config::MatchConfig;
use claimdiff::report::{self, ReportConfig};
use claimdiff::{compare_many, compare_pair, quote, quote_survey, segment};
use std::path::Path;

/// Any bytes, read as a file: decoding (UTF-8, UTF-16, lossy, binary
/// refusal), front matter and boilerplate removal; a cleaned article has
/// text.
pub fn load_clean(data: &[u8]) {
    let Ok(raw) = decode(Path::new("fuzz.txt"), data.to_vec(), LoadOptions::default()) else { return };
    if let Ok(article) = clean(raw) {
        assert!(!article.text.trim().is_empty(), "a cleaned article has text");
    }
}

/// Any text through the sentence splitter: spans are in order, do not
/// overlap, lie on character boundaries and are never blank.
pub fn split(text: &str) {
    let mut end = 0;
    for span in segment::split(text) {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        assert!(!text[span.start..span.end].trim().is_empty());
        end = span.end;
    }
}

/// The articles of a text cut at NUL bytes, at most `n`.
fn articles(text: &str, n: usize) -> Vec<Article> {
    text.split('\0')
        .take(n)
        .enumerate()
        .filter_map(|(i, t)| Article::from_text(&format!("outlet{i}"), t).ok())
        .collect()
}

/// Any text through quotation extraction (nested, unbalanced and curly
/// quotes, speakers), spans on character boundaries, and the quote survey
/// across two articles cut at a NUL.
pub fn quotes(text: &str) {
    for q in quote::extract(text) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    let articles = articles(text, 2);
    if articles.len() == 2 {
        quote_survey(articles);
    }
}

/// Any text cut into two or three articles (at NUL bytes), compared
/// pairwise and many-way with the lexical scorer, and every report
/// rendered; pairwise output mirrors in its counts.
pub fn compare(text: &str) {
    let articles = articles(text, 3);
    let cfg = MatchConfig::default();
    let rcfg = ReportConfig { color: true, explain: true };
    match articles.len() {
        2 => {
            let ab = compare_pair(articles[0].clone(), articles[1].clone(), &cfg);
            let ba = compare_pair(articles[1].clone(), articles[0].clone(), &cfg);
            assert_eq!(ab.rows.len(), ba.rows.len(), "pairwise comparison mirrors");
            report::text::write(&ab, &rcfg, std::io::sink()).unwrap();
            report::json::write(&ab, &rcfg, std::io::sink()).unwrap();
            report::csv::write(&ab, std::io::sink()).unwrap();
            report::html::write(&ab, std::io::sink()).unwrap();
        }
        3 => {
            let claims = compare_many(articles, &cfg, &|_, _| {});
            report::claims::text::write(&claims, &rcfg, std::io::sink()).unwrap();
            report::claims::json::write(&claims, std::io::sink()).unwrap();
            report::claims::csv::write(&claims, std::io::sink()).unwrap();
            report::claims::csv::write_matrix(&claims, std::io::sink()).unwrap();
            report::claims::html::write(&claims, std::io::sink()).unwrap();
        }
        _ => {}
    }
}
