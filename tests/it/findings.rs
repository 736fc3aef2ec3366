//! `--format findings`: one typed CSV row per finding, for `compare`
//! (pairwise and many-way) and `check`, with `fails` as true/false.

use crate::util::*;
use std::collections::HashMap;

const HEADER: &str = "finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails";

/// The rows of a findings table, each as column name -> cell, after
/// checking the header.
fn table(args: &[&str]) -> Vec<HashMap<String, String>> {
    let out = claimdiff().args(args).output().unwrap();
    assert!(out.status.code().unwrap() <= 1, "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().next(), Some(HEADER));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    r.records().map(|rec| names.iter().cloned().zip(rec.unwrap().iter().map(str::to_owned)).collect()).collect()
}

fn kinds_flags(rows: &[HashMap<String, String>]) -> Vec<(String, String)> {
    rows.iter().map(|r| (r["kind"].clone(), r["flag"].clone())).collect()
}

#[test]
fn pairwise_findings_are_one_typed_row_each() {
    let rows = table(&["compare", "--format", "findings", HERALD, LEDGER]);
    assert!(!rows.is_empty());
    // Ids F1, F2, ... each once, in order.
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["finding_id"], format!("F{}", i + 1));
        assert!(r["fails"] == "true" || r["fails"] == "false", "{r:?}");
        // The default --fail-on is check's: quote, number, name.
        let fails = matches!(r["kind"].as_str(), "quote" | "number" | "name");
        assert_eq!(r["fails"], fails.to_string(), "{r:?}");
    }
    // The sample's planted differences, with both sides and the evidence.
    let number =
        rows.iter().find(|r| r["kind"] == "number" && r["explanation"].contains("1,200")).expect("1,200 vs 1,500");
    assert_eq!(number["flag"], "number_changed");
    assert_eq!((number["source_a"].as_str(), number["source_b"].as_str()), ("Coastal Herald", "The Daily Ledger"));
    assert!(number["text_a"].contains("1,200") && number["text_b"].contains("1,500"));
    let quote = rows.iter().find(|r| r["flag"] == "quote_altered").expect("the altered quote");
    assert_eq!(quote["kind"], "quote");
    assert!(quote["explanation"].contains("minister"), "{quote:?}");
    let spelling = rows.iter().find(|r| r["explanation"].contains("Harbor Workers")).expect("Harbour/Harbor");
    assert_eq!((spelling["kind"].as_str(), spelling["fails"].as_str()), ("spelling", "false"));
    // A sentence only one side has is a `unique` finding, on its side.
    let only: Vec<_> = rows.iter().filter(|r| r["kind"] == "unique").collect();
    assert!(!only.is_empty());
    for r in only {
        match r["flag"].as_str() {
            "only_a" => {
                assert!(r["source_a"] == "Coastal Herald" && r["source_b"].is_empty() && !r["text_a"].is_empty())
            }
            "only_b" => {
                assert!(r["source_b"] == "The Daily Ledger" && r["source_a"].is_empty() && !r["text_b"].is_empty())
            }
            other => panic!("unique finding with flag {other}"),
        }
    }
    // No finding twice.
    let mut seen: Vec<[String; 4]> = Vec::new();
    for r in &rows {
        let key = ["flag", "index_a", "index_b", "explanation"].map(|k| r[k].clone());
        assert!(!seen.contains(&key), "duplicate finding {r:?}");
        seen.push(key);
    }
}

#[test]
fn pairwise_findings_mirror() {
    // compare B A finds what compare A B finds, sides swapped.
    let ab = table(&["compare", "--lexical", "--format", "findings", HERALD, LEDGER]);
    let ba = table(&["compare", "--lexical", "--format", "findings", LEDGER, HERALD]);
    let mut k1 = kinds_flags(&ab).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    let mut k2 = kinds_flags(&ba).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    k1.sort();
    k2.sort();
    assert_eq!(k1, k2);
    let only_a = ab.iter().filter(|r| r["flag"] == "only_a").count();
    assert_eq!(only_a, ba.iter().filter(|r| r["flag"] == "only_b").count());
}

#[test]
fn fail_on_sets_the_fails_column() {
    let rows = table(&["compare", "--format", "findings", "--fail-on", "spelling,unique", HERALD, LEDGER]);
    for r in &rows {
        assert_eq!(r["fails"], matches!(r["kind"].as_str(), "spelling" | "unique").to_string(), "{r:?}");
    }
    let none = table(&["compare", "--format", "findings", "--fail-on", "none", HERALD, LEDGER]);
    assert!(none.iter().all(|r| r["fails"] == "false"));
    // Each command takes only the kinds it reports.
    let bad = claimdiff().args(["compare", "--fail-on", "dropped", HERALD, LEDGER]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`dropped` is not one of"));
    let bad = claimdiff().args(["check", "--fail-on", "unique", TIMES, "--against", WIRE]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn claims_findings_list_differences_and_one_outlet_claims() {
    let rows = table(&["compare", "--format", "findings", DIR]);
    let json: serde_json::Value =
        serde_json::from_slice(&claimdiff().args(["compare", "--format", "json", DIR]).output().unwrap().stdout)
            .unwrap();
    let claims = json["claims"].as_array().unwrap();
    // Every one-outlet claim is one finding: `unique`, or `clause` for a
    // clause one outlet adds to a shared claim.
    let unique = claims.iter().filter(|c| c["status"] == "unique").count();
    let one_outlet: Vec<_> = rows.iter().filter(|r| r["flag"] == "unique").collect();
    assert_eq!(one_outlet.len(), unique);
    for r in &one_outlet {
        assert!(r["kind"] == "unique" || r["kind"] == "clause", "{r:?}");
        assert!(r["source_b"].is_empty() && r["text_b"].is_empty() && !r["text_a"].is_empty());
    }
    // The planted rumour one outlet adds is a clause finding, named plainly.
    let bankrolled = one_outlet.iter().find(|r| r["text_a"].contains("bankrolled")).expect("the bankrolling clause");
    assert_eq!((bankrolled["kind"].as_str(), bankrolled["source_a"].as_str()), ("clause", "The Daily Ledger"));
    assert!(bankrolled["explanation"].starts_with("a clause only The Daily Ledger adds to claim C"));
    // Shared claims' differences are findings between two wordings.
    let number = rows.iter().find(|r| r["kind"] == "number").expect("a changed number");
    assert!(!number["source_a"].is_empty() && !number["source_b"].is_empty() && number["fails"] == "true");
    // A clause flag inside a shared claim is not repeated as its own finding.
    assert!(rows.iter().all(|r| !r["flag"].starts_with("clause_only")));
}

#[test]
fn check_findings_match_the_check_csv() {
    let args = |format: &'static str| ["check", "--format", format, TIMES, "--against", WIRE, HERALD];
    let rows = table(&args("findings"));
    let out = claimdiff().args(args("csv")).output().unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let csv: Vec<csv::StringRecord> = r.records().map(Result::unwrap).filter(|r| &r[0] != "reuse").collect();
    // One row per finding and reference, in the same order, same cells.
    assert_eq!(rows.len(), csv.len());
    for (f, c) in rows.iter().zip(&csv) {
        assert_eq!(f["kind"], &c[0]);
        assert_eq!(f["fails"], if &c[1] == "yes" { "true" } else { "false" });
        assert_eq!((f["index_a"].as_str(), f["text_a"].as_str()), (&c[2], &c[3]));
        assert_eq!((f["source_b"].as_str(), f["index_b"].as_str(), f["text_b"].as_str()), (&c[4], &c[5], &c[6]));
        assert_eq!(f["explanation"], &c[7]);
        match f["kind"].as_str() {
            "unsupported" => assert_eq!(f["flag"], "new"),
            "dropped" => assert_eq!((f["flag"].as_str(), f["source_a"].as_str()), ("only_b", "")),
            _ => assert!(!f["flag"].is_empty() && f["source_a"] == "northport-times", "{f:?}"),
        }
    }
    // Rows of one finding (one per reference) share its id.
    let ids: std::collections::BTreeSet<_> = rows.iter().map(|r| r["finding_id"].clone()).collect();
    let json: serde_json::Value =
        serde_json::from_slice(&claimdiff().args(args("json")).output().unwrap().stdout).unwrap();
    assert_eq!(ids.len(), json["findings"].as_array().unwrap().len());
}
