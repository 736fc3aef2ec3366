//! Any text through the sentence splitter: spans are in order, do not
//! overlap, lie on character boundaries and are never blank
//! (`properties::split`).
#![no_main]

// Each target uses one of the properties.
#[allow(dead_code)]
#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|text: &str| properties::split(text));
