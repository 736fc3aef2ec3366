//! Inputs that are hostile or merely huge: quotation extraction and the
//! quotation survey stay near-linear (behaviour only: timings live in
//! BENCHMARKS.md, never in tests).

use crate::util::*;

/// A paragraph of `n` units of opening quote marks that never close.
fn nested_quotes(bytes: usize) -> String {
    let unit = "\u{201c}We said \u{201c}they told us \u{201c}the port will not ";
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn a_long_paragraph_of_nested_quote_marks_completes() {
    // About 300 KB in one paragraph: every opening mark starts a quotation.
    let text = nested_quotes(300_000);
    let marks = text.matches('\u{201c}').count();
    let out = claimdiff().args(["quotes", "--format", "json", "-"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), marks);
}

#[test]
fn the_survey_of_many_articles_lists_every_other_article() {
    // 150 articles: every one quotes the union, a third alter the quote, and
    // every fifth one also paraphrases the minister.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let mut lines = Vec::new();
    for k in 0..150 {
        let quote = if k % 3 == 0 {
            "We will not go back up those cranes until the minister answers"
        } else {
            "We will not go back up those cranes until the port authority answers"
        };
        let mut text = format!("Workers walked out at dock {k}. \u{201c}{quote},\u{201d} said Dariusz Brel.");
        if k % 5 == 0 {
            text.push_str("\n\nThe minister said the terminal would reopen once inspectors had checked every crane.");
        } else {
            text.push_str(
                "\n\n\"The terminal will reopen once inspectors have checked every crane,\" the minister said.",
            );
        }
        lines.push(serde_json::json!({"outlet": format!("outlet{k:03}"), "text": text}).to_string());
    }
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = claimdiff().args(["quotes", "--format", "json"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 150 + 120, "one union quote each, the minister's in four of five");
    let count = |q: &serde_json::Value, status: &str| {
        q["carried"].as_array().unwrap().iter().filter(|c| c["status"] == status).count()
    };
    for q in quotes {
        assert_eq!(q["carried"].as_array().unwrap().len(), 149, "every other article, in order");
    }
    // outlet000 quotes the altered union line: 49 others carry it verbatim,
    // 100 altered; its minister line is a paraphrase, carried by 120.
    let first = &quotes[0];
    assert_eq!((count(first, "verbatim"), count(first, "altered")), (49, 100));
    let minister = quotes.iter().find(|q| q["outlet"] == "outlet001" && q["speaker"] == "the minister").unwrap();
    assert_eq!((count(minister, "verbatim"), count(minister, "paraphrased")), (119, 30));
}
