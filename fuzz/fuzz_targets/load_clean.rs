//! Any bytes, read as a file: decoding (UTF-8, UTF-16, lossy, binary
//! refusal), front matter and boilerplate removal. Errors are fine; a panic
//! is a bug, and so is a cleaned article with no text
//! (`properties::load_clean`).
#![no_main]

// Each target uses one of the properties.
#[allow(dead_code)]
#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::load_clean(data));
