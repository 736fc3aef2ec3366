//! Any bytes, read as a file: decoding (UTF-8, UTF-16, lossy, binary
//! refusal), front matter and boilerplate removal. Errors are fine; a panic
//! is a bug, and so is a cleaned article with no text.
#![no_main]

use claimdiff::article::clean::clean;
use claimdiff::article::load::{decode, LoadOptions};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = decode(Path::new("fuzz.txt"), data.to_vec(), LoadOptions::default()) else { return };
    if let Ok(article) = clean(raw) {
        assert!(!article.text.trim().is_empty(), "a cleaned article has text");
    }
});
