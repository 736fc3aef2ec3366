//! End-to-end tests of `claimdiff check`: findings and diff(1)-style exit
//! codes (0 nothing fails, 1 findings fail, 2 trouble).

use crate::util::*;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = claimdiff().arg("check").args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_story_checked_against_itself_passes() {
    let (code, out, _) = check(&[HERALD, "--against", HERALD, "--fail-on", "all"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 findings"), "{out}");
}

#[test]
fn fail_on_decides_the_exit_code() {
    // The Ledger carries sentences no reference has: a note by default...
    let (code, out, _) = check(&[LEDGER, "--against", WIRE, "--fail-on", "none", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("unsupported,no,")), "{out}");
    // ...and a failure when asked.
    let (code, out, _) = check(&[LEDGER, "--against", WIRE, "--fail-on", "unsupported", "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("kind,fails,story_index,story_sentence,ref_source,ref_index,ref_sentence,explanation\n"));
    assert!(out.lines().any(|l| l.starts_with("unsupported,yes,")), "{out}");
}

#[test]
fn dropped_claims_are_notes_carried_by_every_reference() {
    let (_, out, _) = check(&[LEDGER, "--against", WIRE, HERALD, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let dropped: Vec<&serde_json::Value> =
        v["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "dropped").collect();
    assert!(!dropped.is_empty());
    assert!(dropped.iter().all(|f| f["story_index"].as_array().unwrap().is_empty()));
    assert_eq!(v["fail_on"], serde_json::json!(["quote", "number", "name"]));
}

#[test]
fn trouble_exits_2() {
    let (code, _, err) = check(&["missing.txt", "--against", WIRE]);
    assert_eq!(code, 2);
    assert!(err.starts_with("claimdiff: missing.txt: cannot read"), "{err}");
    let (code, _, err) = check(&[HERALD, "--against", WIRE, "--fail-on", "quotes"]);
    assert_eq!(code, 2);
    assert!(err.contains("not one of"), "{err}");
}

#[test]
fn altered_quotes_and_changed_numbers_fail_by_default() {
    let (code, out, _) = check(&[LEDGER, "--against", WIRE, HERALD, "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["fails"], true);
    let findings = v["findings"].as_array().unwrap();
    let quote = findings.iter().find(|f| f["kind"] == "quote").expect("the altered quote is found");
    assert!(quote["story_sentence"].as_str().unwrap().contains("answer to the minister"));
    assert_eq!(quote["refs"].as_array().unwrap().len(), 2, "both references disagree");
    let numbers: Vec<&str> =
        findings.iter().filter(|f| f["kind"] == "number").map(|f| f["explanation"].as_str().unwrap()).collect();
    assert!(numbers.iter().any(|e| e.contains("1,500")), "{numbers:?}");
    // Harbor/Harbour is house style: reported as spelling, not a failing name.
    assert!(findings.iter().any(|f| f["kind"] == "spelling"));
    assert!(!findings.iter().any(|f| f["kind"] == "name" && f["explanation"].as_str().unwrap().contains("Harbor")));
}

#[test]
fn one_agreeing_reference_is_support_enough() {
    // The Ledger's 1,500 disagrees with the wire, but checked against itself
    // plus the wire, one reference agrees: no number finding.
    let (_, out, _) = check(&[LEDGER, "--against", WIRE, LEDGER, "--format", "csv"]);
    assert!(!out.lines().any(|l| l.starts_with("number,")), "{out}");
}
