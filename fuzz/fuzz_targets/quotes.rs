//! Any text through quotation extraction (nested, unbalanced and curly
//! quotes, speakers) and the quote survey across two articles cut at a NUL.
#![no_main]

use claimdiff::article::Article;
use claimdiff::{quote, quote_survey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for q in quote::extract(text) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    let articles: Vec<Article> = text
        .split('\0')
        .take(2)
        .enumerate()
        .filter_map(|(i, t)| Article::from_text(&format!("outlet{i}"), t).ok())
        .collect();
    if articles.len() == 2 {
        quote_survey(articles);
    }
});
