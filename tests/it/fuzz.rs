//! The fuzz targets' properties (`fuzz/properties.rs`, which the targets in
//! `fuzz/fuzz_targets/` call too), checked on stable Rust in every `cargo
//! test`: the sample articles of `data/` mutated at
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

use proptest::prelude::*;
use std::path::Path;

/// The targets' properties, shared with the cargo-fuzz targets.
#[path = "../../fuzz/properties.rs"]
mod properties;

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
        properties::load_clean(&bytes);
    }

    #[test]
    fn any_text_splits_into_ordered_sentences(text in text()) {
        properties::split(&text);
    }

    #[test]
    fn any_text_gives_quotations_on_boundaries(a in text(), b in text()) {
        properties::quotes(&format!("{a}\0{b}"));
    }

    #[test]
    fn any_texts_compare_and_render(a in text(), b in text(), c in text()) {
        // Pairwise, then many-way.
        properties::compare(&format!("{a}\0{b}"));
        properties::compare(&format!("{a}\0{b}\0{c}"));
    }
}
