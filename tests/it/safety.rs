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
    let out = claimdiff().args(["quotes", "--format", "json", "-"]).write_stdin(text.clone()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), marks);
    // Two such articles: every quotation is carried verbatim by the other.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, &text).unwrap();
    let out = claimdiff().args(["quotes", "--format", "json"]).arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2 * marks);
    assert!(quotes.iter().all(|q| q["carried"][0]["status"] == "verbatim"));
}

#[test]
fn straight_quotes_full_of_curly_ones_and_quoted_paragraphs_complete() {
    // About 300 KB each: curly marks nested in straight-quoted quotations
    // in one paragraph, and paragraphs that each open with a quotation
    // whose speaker the paragraph before gives.
    let unit = "\"We said \u{201c}they\u{201d} told us \u{201c}the port\u{201d} will not ";
    let nested = unit.repeat(300_000 / unit.len());
    let paras = "Continued Stone:\n\n\"We will stay.\"\n\n".repeat(300_000 / 34);
    for text in [nested, paras] {
        let out = claimdiff().args(["quotes", "--format", "json", "-"]).write_stdin(text).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["quotes"].as_array().unwrap().len() > 1000);
    }
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

/// An article with terminal escape sequences in its text and no front
/// matter (its outlet is its file name), and cells a spreadsheet would run
/// as formulas. (Cleaning drops control characters from the text; file
/// names and JSONL metadata keep them.)
const HOSTILE: &str = "The port closed on Monday \u{1b}[2J after a strike by dock workers at the harbour.\n\n\
=HYPERLINK(\"http://example.invalid\",\"click\") said the union\u{9b} on Tuesday.\n\n\
\u{201c}We will not go back\u{1b}[31m,\u{201d} said Dariusz Brel.\n";

const PLAIN: &str = "The port closed on Monday after a strike by dock workers at the harbour.\n\n\
-5 degrees and +3 winds were reported by @harbourmaster on Tuesday.\n\n\
\"We will not go back,\" said Dariusz Brel.\n";

/// The outlet of the hostile JSONL article.
const EVIL: &str = "Evil\u{1b}]0;pwned\u{7} News";

/// Writes into a fresh folder the hostile article under a file name holding
/// an escape sequence, the plain one, and a JSONL file (its name holding an
/// escape sequence too) with both, the first with escape sequences in its
/// outlet, title and date; returns the folder and the three paths.
fn hostile_files() -> (tempfile::TempDir, [std::path::PathBuf; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("evil\u{1b}[1m.txt");
    let b = dir.path().join("plain.txt");
    let j = dir.path().join("both\u{1b}[1m.jsonl");
    std::fs::write(&a, HOSTILE).unwrap();
    std::fs::write(&b, PLAIN).unwrap();
    let lines = [
        serde_json::json!({"outlet": EVIL, "title": "Strike\u{1b}[2J", "date": "2025-03-13\u{1b}[5m", "text": HOSTILE}),
        serde_json::json!({"outlet": "Plain", "text": PLAIN}),
    ];
    std::fs::write(&j, lines.map(|l| l.to_string()).join("\n")).unwrap();
    (dir, [a, b, j])
}

/// The control characters of `s` that are not a newline or a tab.
fn controls(s: &str) -> Vec<char> {
    s.chars().filter(|&c| c.is_control() && c != '\n' && c != '\t').collect()
}

#[test]
fn text_reports_show_control_characters_instead_of_sending_them() {
    let (dir, [a, b, j]) = hostile_files();
    let c = dir.path().join("third.txt");
    std::fs::write(&c, PLAIN.replace("Tuesday", "Wednesday")).unwrap();
    let (a, b, c, j) = (a.as_os_str(), b.as_os_str(), c.as_os_str(), j.as_os_str());
    let runs: [&[&std::ffi::OsStr]; 8] = [
        &["compare".as_ref(), "--lexical".as_ref(), a, b],
        &["compare".as_ref(), "--lexical".as_ref(), j],
        &["compare".as_ref(), "--lexical".as_ref(), "--explain".as_ref(), j],
        &["compare".as_ref(), "--lexical".as_ref(), j, c],
        &["check".as_ref(), "--lexical".as_ref(), a, "--against".as_ref(), b],
        &["check".as_ref(), "--lexical".as_ref(), c, "--against".as_ref(), j],
        &["quotes".as_ref(), a, j],
        &["split".as_ref(), "--raw".as_ref(), a],
    ];
    for args in runs {
        // Not a terminal: no colour unless asked.
        let out = claimdiff().args(args).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(controls(&text).is_empty(), "{args:?} sent {:?}:\n{text}", controls(&text));
        assert!(text.contains("\\u{1b}"), "{args:?} shows the escapes:\n{text}");
    }
    // Coloured, the report's own styles are the only escape sequences.
    let out = claimdiff().args(["compare", "--lexical", "--color", "always"]).arg(j).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains('\u{1b}'), "coloured");
    assert!(!text.contains("\u{1b}]") && !text.contains("\u{1b}[2J") && !text.contains('\u{7}'));
    assert!(text.contains("Evil\\u{1b}]0;pwned\\u{7} News") && text.contains("both\\u{1b}[1m.jsonl"), "{text}");
}

#[test]
fn messages_on_stderr_show_control_characters_in_file_names() {
    let (dir, [_, b, _]) = hostile_files();
    let missing = dir.path().join("gone\u{1b}[5m.txt");
    let out = claimdiff().args(["compare", "--lexical"]).arg(&missing).arg(&b).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(controls(&err).is_empty() && err.contains("gone\\u{1b}[5m.txt"), "{err}");
}

#[test]
fn csv_and_json_keep_the_data_and_csv_safe_defuses_formulas() {
    let (_dir, [_, _, j]) = hostile_files();
    let csv = |extra: &[&str]| -> Vec<Vec<String>> {
        let out = claimdiff().args(["compare", "--lexical", "--format", "csv"]).args(extra).arg(&j).output().unwrap();
        assert!(out.status.success());
        let mut r = csv::Reader::from_reader(out.stdout.as_slice());
        assert_eq!(r.headers().unwrap(), claimdiff::report::csv::HEADER.as_slice());
        r.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
    };
    let cells = |rows: &[Vec<String>]| rows.iter().flatten().cloned().collect::<Vec<_>>();
    // By default every cell is the data itself, escape sequences included.
    let exact = cells(&csv(&[]));
    assert!(exact.iter().any(|c| c.starts_with("=HYPERLINK(")));
    assert!(exact.iter().any(|c| c.starts_with("-5 degrees")));
    assert!(exact.iter().any(|c| c == EVIL));
    // --csv-safe: every cell that starts with = + - @ gets a leading quote,
    // and nothing else changes.
    let safe = cells(&csv(&["--csv-safe"]));
    assert_eq!(exact.len(), safe.len());
    for (e, s) in exact.iter().zip(&safe) {
        if e.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            assert_eq!(*s, format!("'{e}"));
        } else {
            assert_eq!(s, e);
        }
    }
    assert!(safe.iter().any(|c| c.starts_with("'=HYPERLINK(")) && safe.iter().any(|c| c.starts_with("'-5 degrees")));
    // JSON keeps the text exactly.
    let out = claimdiff().args(["compare", "--lexical", "--format", "json"]).arg(&j).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"][0]["outlet"], EVIL);
    assert_eq!(v["sources"][0]["title"], "Strike\u{1b}[2J");
}

#[test]
fn csv_safe_covers_claims_csv_the_matrix_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (k, outlet) in ["=Wire", "+Herald", "Ledger"].iter().enumerate() {
        let p = dir.path().join(format!("{k}.txt"));
        // The Ledger's number differs: a finding against the others.
        let text = if k == 2 { PLAIN.replace("-5 degrees", "-7 degrees") } else { PLAIN.to_owned() };
        std::fs::write(&p, format!("---\noutlet: {outlet}\n---\n{text}")).unwrap();
        paths.push(p);
    }
    let run = |args: &[&str]| -> String {
        let out = claimdiff().args(args).arg("--lexical").output().unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let p: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let long = run(&["compare", "--format", "csv", "--csv-safe", p[0], p[1], p[2]]);
    assert!(long.starts_with("claim,source,index,sentence,status,similarity,diff,flags\n"));
    assert!(long.contains(",'=Wire,") && long.contains(",'+Herald,") && long.contains(",'-5 degrees"), "{long}");
    let matrix = run(&["compare", "--format", "matrix", "--csv-safe", p[0], p[1], p[2]]);
    assert!(matrix.starts_with("claim,status,outlets,representative,'=Wire,'+Herald,Ledger\n"), "{matrix}");
    let plain = run(&["compare", "--format", "matrix", p[0], p[1], p[2]]);
    assert!(plain.starts_with("claim,status,outlets,representative,=Wire,+Herald,Ledger\n"), "{plain}");
    let check = run(&["check", "--format", "csv", "--csv-safe", p[2], "--against", p[0]]);
    assert!(check.starts_with("kind,fails,story_index,story_sentence,ref_source,ref_index,ref_sentence,explanation,"));
    assert!(check.contains("number,yes,1,'-7 degrees") && check.contains(",'=Wire,1,'-5 degrees"), "{check}");
}

#[test]
fn book_length_pairs_by_meaning_are_read_from_either_side() {
    // Over 500,000 sentence pairs (the global index's path) with the
    // encoder, where the article whose text sorts first was named second:
    // pairs by meaning came back B's sentence first and indexed A's
    // sentences with B's numbers (a panic).
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "Buffalo. ".repeat(1000)).unwrap();
    std::fs::write(&b, "Buffalo buffalo. ".repeat(501)).unwrap();
    for (x, y) in [(&a, &b), (&b, &a)] {
        let out = claimdiff().args(["compare", "--format", "json"]).arg(x).arg(y).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !err.contains("panicked"), "{err}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["scorer"].as_str().unwrap_or_default().starts_with("semantic"), "{}", v["scorer"]);
    }
}

#[test]
fn nul_in_metadata_reaches_no_report_and_a_title_keeps_to_its_line() {
    // JSONL fields come with whatever a scraper put in them: NUL reached the
    // CSV and HTML reports, and a line break in a title split the text
    // report's header. Other controls are data: escaped in text reports,
    // kept in CSV and JSON.
    let body = "The port of Northport closed on Monday after the strike began. The union said talks would resume.";
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"outlet": "Out\u{1b}[31mlet\u{0}nul", "title": "First line\nSecond\u{7} line", "text": body}),
        serde_json::json!({"outlet": "Second Desk", "title": "Plain", "text": body}),
    );
    let run = |format: &str| {
        let out = claimdiff().args(["compare", "--format", format, "-"]).write_stdin(jsonl.clone()).output().unwrap();
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(err.contains("NUL removed from the outlet"), "{err}");
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["text", "csv", "html", "json", "matrix", "findings"] {
        assert!(!run(format).contains('\u{0}'), "{format}");
    }
    let text = run("text");
    assert!(!text.contains(['\u{1b}', '\u{7}']), "{text}");
    assert!(text.contains("First line\\nSecond\\u{7} line"), "{text}");
    assert!(run("csv").contains("Out\u{1b}[31mletnul"), "CSV keeps the data");
}

#[cfg(unix)]
#[test]
fn one_stream_named_twice_is_refused() {
    // `/dev/stdin` twice (or `-` and `/dev/stdin`): two readers shared the
    // pipe's bytes at random and compared the halves.
    let body = "The port closed on Monday. The union said talks would resume on Friday.\n".repeat(200);
    for names in [["/dev/stdin", "/dev/stdin"], ["-", "/dev/stdin"]] {
        let out = claimdiff().args(["compare", "--lexical"]).args(names).write_stdin(body.clone()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{names:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("are one stream") && err.lines().count() == 1, "{err}");
    }
}

#[test]
fn jsonl_numbers_for_metadata_and_a_byte_order_mark_per_line_are_read() {
    // An exporter's unquoted number skipped the whole article ("invalid
    // type: integer"), and a line of a file joined with `cat` opening with
    // its own byte-order mark was "not a JSON object".
    let jsonl = "{\"outlet\": 123, \"date\": 2025, \"text\": \"The port closed on Monday. Talks resume on Friday.\"}\n\
                 \u{feff}{\"outlet\": \"B\", \"text\": \"The port shut on Monday. Talks will resume on Friday.\"}\n";
    let out = claimdiff().args(["extract", "--format", "json", "-"]).write_stdin(jsonl).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["outlet"], "123");
    assert_eq!(v[1]["outlet"], "B");
    // An array is still no outlet.
    let bad = "{\"outlet\": \"B\", \"text\": \"The port shut on Monday.\"}\n{\"outlet\": [\"x\"], \"text\": \"Hi there. Bye.\"}\n";
    let out = claimdiff().args(["extract", "-"]).write_stdin(bad).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stdin:2: skipped: invalid JSONL article: expected a string"), "{err}");
}

#[test]
fn a_quotation_survey_too_large_for_memory_is_refused_before_it_starts() {
    // Each quotation lists every other article: 800 copies of a story took
    // 2.8 GB and wrote 1.5 GB of JSON, 3,000 passed 13.8 GB.
    let text: String = (0..50)
        .map(|i| format!("\"The port will stay shut for the {i}th day,\" said union leader Ana Ruiz. "))
        .collect();
    let record = |k: usize| serde_json::json!({"outlet": format!("Desk {k}"), "text": text}).to_string();
    let many: String = (0..250).map(|k| record(k) + "\n").collect();
    let out = claimdiff().args(["quotes", "-"]).write_stdin(many).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().last().unwrap_or("").contains("250 articles would list 3112500 quotation entries"), "{err}");
    let two: String = (0..2).map(|k| record(k) + "\n").collect();
    let out = claimdiff().args(["quotes", "-"]).write_stdin(two).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
