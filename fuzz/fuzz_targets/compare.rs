//! Any text cut into two or three articles (at NUL bytes), compared pairwise
//! and many-way with the lexical scorer, and every report rendered: no
//! panic, and pairwise output mirrors in its counts.
#![no_main]

use claimdiff::article::Article;
use claimdiff::config::MatchConfig;
use claimdiff::report::{self, ReportConfig};
use claimdiff::{compare_many, compare_pair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let articles: Vec<Article> = text
        .split('\0')
        .take(3)
        .enumerate()
        .filter_map(|(i, t)| Article::from_text(&format!("outlet{i}"), t).ok())
        .collect();
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
});
