//! Any text through the sentence splitter: spans are in order, do not
//! overlap, lie on character boundaries and are never blank.
#![no_main]

use claimdiff::segment::split;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut end = 0;
    for span in split(text) {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        let s = &text[span.start..span.end];
        assert!(!s.trim().is_empty());
        end = span.end;
    }
});
