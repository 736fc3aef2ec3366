//! The lines classified in parallel ahead of the walk give the walk's own
//! answers: every furniture rule, every state the walk keeps (a note, a
//! comment form, a related-links block, a slug cut, a repeated headline).

use super::*;
use crate::article::Meta;
use proptest::prelude::*;
use std::path::PathBuf;

/// Cleans `text` both ways and checks they agree.
fn both_ways(text: &str) {
    let raw = || RawInput {
        meta: Meta { outlet: "stem".into(), path: PathBuf::from("stem.txt"), ..Meta::default() },
        text: text.to_owned(),
        warnings: vec![],
    };
    let walked = clean_with(raw(), usize::MAX).map(|a| (a.meta, a.text, a.dropped, a.warnings));
    let ahead = clean_with(raw(), 0).map(|a| (a.meta, a.text, a.dropped, a.warnings));
    match (walked, ahead) {
        (Ok(w), Ok(a)) => assert_eq!(w, a, "on {text:?}"),
        (Err(w), Err(a)) => assert_eq!(w.to_string(), a.to_string()),
        (w, a) => panic!("one way failed: {:?} / {:?}", w.is_ok(), a.is_ok()),
    }
}

/// Lines of every kind the cleaner tells apart, and prose that opens alike.
const POOL: &[&str] = &[
    "",
    "Quarry boss cleared",
    "The jury was out for two days before it returned its verdict on Friday.",
    "LONDON (Reuters) - The quarry closed on Tuesday after 40 years.",
    "09:12 14/06/24: Page 1 (HHH) COURTS Quarry",
    "09:14 14/06/24: Page 2 (HHH) The jury was out.",
    "By Jane Hollis, PA News",
    "By Land and Sea",
    "Advertisement",
    "Photo: Reuters",
    "Photo: the quarry's owner said on Friday that the site would close, and 40 jobs would go.",
    "Editor's note:",
    "Editor's\u{a0}note: This story has been corrected.",
    "Related:",
    "Quarry owner fined over dust",
    "Leave A Reply",
    "Cancel reply",
    "Read more: https://example.com/quarry",
    "ENDS",
    "* * *",
    "\u{19}",
    "Reporting by Jane Hollis; Editing by Tom Black",
    "(Reporting by Jane Hollis)",
    "Share this:",
    "Click here to subscribe.",
    "\"We are relieved,\" said the owner, Anne Marsh.",
    "Copyright 2024 The Ledger. All rights reserved.",
    "<tweet tweet-id=\"7286\"><tweet/>.",
];

proptest! {
    #[test]
    fn ahead_agrees_with_the_walk(picks in proptest::collection::vec(0..POOL.len(), 1..60)) {
        let text: Vec<&str> = picks.iter().map(|&k| POOL[k]).collect();
        both_ways(&text.join("\n"));
    }
}

#[test]
fn ahead_agrees_on_the_samples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut all = String::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                both_ways(&text);
                all.push_str(&text);
                all.push('\n');
            }
        }
    }
    assert!(all.len() > 10_000, "the samples were not found");
    // One long text, its furniture in the middle.
    both_ways(&all);
}
