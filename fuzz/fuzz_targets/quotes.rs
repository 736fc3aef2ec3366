//! Any text through quotation extraction (nested, unbalanced and curly
//! quotes, speakers) and the quote survey across two articles cut at a NUL
//! (`properties::quotes`).
#![no_main]

// Each target uses one of the properties.
#[allow(dead_code)]
#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|text: &str| properties::quotes(text));
