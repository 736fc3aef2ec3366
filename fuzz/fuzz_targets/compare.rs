//! Any text cut into two or three articles (at NUL bytes), compared pairwise
//! and many-way with the lexical scorer, and every report rendered: no
//! panic, and pairwise output mirrors in its counts (`properties::compare`).
#![no_main]

// Each target uses one of the properties.
#[allow(dead_code)]
#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|text: &str| properties::compare(text));
