//! End-to-end tests of `claimdiff check`: findings and diff(1)-style exit
//! codes (0 nothing fails, 1 findings fail, 2 trouble).

use crate::util::*;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = claimdiff().arg("check").args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_story_given_again_among_the_references_is_skipped_with_a_warning() {
    // The Herald inside the folder it is checked against: compared with
    // itself, every sentence would be supported.
    let (_, out, err) = check(&[HERALD, "--against", DIR, "--format", "json"]);
    assert!(err.contains(&format!("{HERALD}: skipped as a reference: it is the story itself")), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let refs: Vec<&str> = v["refs"].as_array().unwrap().iter().map(|r| r["outlet"].as_str().unwrap()).collect();
    assert_eq!(refs, ["Meridian Wire", "northport-times", "The Daily Ledger"]);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    // With no other reference there is nothing to check against: trouble.
    let (code, out, err) = check(&[HERALD, "--against", HERALD]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("skipped as a reference") && err.contains("needs a reference other than the story"), "{err}");
}

#[test]
fn another_outlets_article_with_the_same_text_is_a_reference_the_story_copies() {
    // A newspaper that runs agency copy word for word: the reference has the
    // story's text under another outlet's name. It is no copy of the story
    // to skip: the story is wholly derived from it, consistent (exit 0).
    let dir = tempfile::tempdir().unwrap();
    let body = "The council approved the budget on Monday. The mayor said the plan would cut costs by 10 percent.\n";
    let story = dir.path().join("story.txt");
    let wire = dir.path().join("wire.txt");
    std::fs::write(&story, format!("---\noutlet: Coastal Herald\n---\n{body}")).unwrap();
    std::fs::write(&wire, format!("---\noutlet: Meridian Wire\n---\n{body}")).unwrap();
    let (story, wire) = (story.to_str().unwrap(), wire.to_str().unwrap());
    let (code, out, err) = check(&[story, "--against", wire]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("wholly derived") && !err.contains("skipped"), "{out}{err}");
    // The same outlet's copy of the story is the story itself.
    let copy = dir.path().join("copy.txt");
    std::fs::write(&copy, format!("---\noutlet: Coastal Herald\n---\n{body}")).unwrap();
    let (code, _, err) = check(&[story, "--against", copy.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("skipped as a reference: it is the story itself"), "{err}");
}

#[test]
fn references_come_after_the_story() {
    // `--against` takes every path after it: a story given last is read as
    // a reference, and the story is missing (usage error, exit 2).
    let (code, _, err) = check(&["--against", WIRE, HERALD]);
    assert_eq!(code, 2);
    assert!(err.contains("(usage: claimdiff check [OPTIONS] STORY --against REF...)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
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
    assert!(out.starts_with("kind,fails,story_index,story_sentence,ref_source,ref_index,ref_sentence,explanation,"));
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
    // The Ledger's 1,500 disagrees with the wire; a second wire copy that
    // says 1,500 agrees with it: no finding about that number.
    let dir = tempfile::tempdir().unwrap();
    let agreeing = dir.path().join("wire-update.txt");
    let wire = std::fs::read_to_string(WIRE).unwrap();
    std::fs::write(&agreeing, wire.replace("About 1,200", "About 1,500")).unwrap();
    let (_, out, _) = check(&[LEDGER, "--against", WIRE, "--format", "csv"]);
    assert!(out.lines().any(|l| l.starts_with("number,") && l.contains("1,500")), "{out}");
    let (_, out, _) = check(&[LEDGER, "--against", WIRE, agreeing.to_str().unwrap(), "--format", "csv"]);
    assert!(!out.lines().any(|l| l.starts_with("number,") && l.contains("1,500")), "{out}");
}

// The derivation sample (data/reuse): one agency file and three stories
// built from it, with hand labels in data/reuse/labels.json.
const FERRY_WIRE: &str = "data/reuse/wire/ferry-grounding.txt";
const COURIER: &str = "data/reuse/stories/mainland-courier.txt";
const EXAMINER: &str = "data/reuse/stories/highland-examiner.txt";
const SKERROW: &str = "data/reuse/stories/skerrow-times.txt";

fn check_json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = check(&all);
    assert!(code < 2, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn derivation_labels(v: &serde_json::Value) -> String {
    v["derivation"].as_array().unwrap().iter().map(|d| d["label"].as_str().unwrap()[..1].to_uppercase()).collect()
}

#[test]
fn derivation_labels_on_the_sample_are_pinned() {
    // V verbatim, R rewritten, N new, one per story sentence (the same with
    // the encoder and with --lexical). data/reuse/README.md lists where they
    // differ from the hand labels.
    for (story, pinned) in [(COURIER, "VVVVVVVVVVVNV"), (EXAMINER, "RRNNNRRNRNRNNRNR"), (SKERROW, "NNNNNNNVNNN")] {
        for scorer in [None, Some("--lexical")] {
            let mut args = vec![story, "--against", FERRY_WIRE];
            args.extend(scorer);
            assert_eq!(derivation_labels(&check_json(&args)), pinned, "{story} {scorer:?}");
        }
    }
}

#[test]
fn derivation_agrees_with_the_hand_labels_and_orders_the_stories() {
    let labels: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("data/reuse/labels.json").unwrap()).unwrap();
    let (mut agree, mut total) = (0, 0);
    let mut scores = Vec::new();
    for s in labels["stories"].as_array().unwrap() {
        let story = format!("data/reuse/{}", s["file"].as_str().unwrap());
        let v = check_json(&[&story, "--against", FERRY_WIRE]);
        let derived = v["derivation"].as_array().unwrap();
        let hand = s["labels"].as_array().unwrap();
        assert_eq!(derived.len(), hand.len(), "{story}");
        agree += derived.iter().zip(hand).filter(|(d, h)| d["label"] == **h).count();
        total += hand.len();
        scores.push((s["derived"].as_str().unwrap().to_owned(), v["reuse"]["score"].as_f64().unwrap()));
        // The story's class is our label of it.
        assert_eq!(v["reuse"]["derived"], s["derived"], "{story}");
    }
    assert!(agree * 10 >= total * 9, "{agree} of {total} sentences agree");
    let order: Vec<&str> = scores.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(order, ["wholly", "partly", "not"]);
    assert!(scores[0].1 > scores[1].1 && scores[1].1 > scores[2].1, "{scores:?}");
}

#[test]
fn reuse_is_in_the_json_and_unsupported_findings_are_the_new_sentences() {
    let v = check_json(&[EXAMINER, "--against", FERRY_WIRE]);
    let reuse = &v["reuse"];
    for key in ["verbatim", "rewritten", "new", "score"] {
        let x = reuse[key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x), "{key}: {x}");
    }
    let sum =
        reuse["verbatim"].as_f64().unwrap() + reuse["rewritten"].as_f64().unwrap() + reuse["new"].as_f64().unwrap();
    assert!((sum - 1.0).abs() < 1e-4, "{reuse}");
    let derivation = v["derivation"].as_array().unwrap();
    assert_eq!(derivation.len(), v["story"]["sentences"].as_u64().unwrap() as usize);
    for (i, d) in derivation.iter().enumerate() {
        assert_eq!(d["index"], i, "story order");
        let refs = d["ref"].as_array().unwrap();
        assert_eq!(refs.is_empty(), d["label"] == "new", "{d}");
        assert!(refs.iter().all(|r| r["source"] == "ferry-grounding" && r["index"].is_u64()), "{d}");
    }
    let new: Vec<u64> =
        derivation.iter().filter(|d| d["label"] == "new").map(|d| d["index"].as_u64().unwrap()).collect();
    let unsupported: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "unsupported")
        .map(|f| f["story_index"][0].as_u64().unwrap())
        .collect();
    assert_eq!(new, unsupported);
    // A sentence that merges three wire sentences is rewritten, with all
    // three named (Examiner #1: passengers and crew, hospital).
    assert_eq!(derivation[1]["label"], "rewritten");
    assert!(derivation[1]["ref"].as_array().unwrap().len() >= 2, "{}", derivation[1]);
}

#[test]
fn reuse_is_in_the_text_header_and_the_csv() {
    let (_, out, _) = check(&[COURIER, "--against", FERRY_WIRE, "--color", "never"]);
    let header: Vec<&str> = out.lines().take(5).collect();
    assert!(
        header.contains(
            &"reuse: 0.93 of the story's 233 words come from the references (verbatim 0.93, rewritten 0.00, new 0.07): wholly derived"
        ),
        "{out}"
    );
    let (_, out, _) = check(&[COURIER, "--against", FERRY_WIRE, "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header = rows.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "kind",
            "fails",
            "story_index",
            "story_sentence",
            "ref_source",
            "ref_index",
            "ref_sentence",
            "explanation",
            "derivation",
            "reuse_verbatim",
            "reuse_rewritten",
            "reuse_new",
            "reuse_score",
            "ref_stance",
            "reuse_derived"
        ]
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let last = rows.last().unwrap();
    assert_eq!((&last[0], &last[1], &last[12]), ("reuse", "no", "0.927"), "{last:?}");
    assert!(rows.iter().all(|r| &r[12] == "0.927"), "every row carries the shares");
    let unsupported = rows.iter().find(|r| &r[0] == "unsupported").unwrap();
    assert_eq!((&unsupported[2], &unsupported[8]), ("11", "new"));
    // With nothing to report (the wire against a copy that differs in one
    // punctuation mark), the reuse row is still there.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::write(&copy, std::fs::read_to_string(FERRY_WIRE).unwrap().replace("heavy seas.", "heavy seas!")).unwrap();
    let (code, out, _) =
        check(&[FERRY_WIRE, "--against", copy.to_str().unwrap(), "--fail-on", "all", "--format", "csv"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().last().unwrap().starts_with("reuse,no,,,,,,100% of the story's "), "{out}");
}

#[test]
fn every_flag_of_a_finding_shows_in_text_and_csv() {
    // The seeds: 002 alone says the TTP is backed by India, in a clause of a
    // sentence other articles carry; against 000 that flag comes second.
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the seed check test");
        return;
    };
    let seeds = std::path::Path::new(&shared).join("seeds");
    let mut files: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    let story = files.iter().find(|f| f.contains("/002_")).unwrap().clone();
    let others: Vec<&str> = files.iter().filter(|f| **f != story).map(String::as_str).collect();
    let mut args = vec![story.as_str(), "--against"];
    args.extend(&others);
    let (_, text, _) = check(&[&args[..], &["--color", "never"]].concat());
    assert!(text.contains("\"they were also being backed by India\" appears only in A"), "{text}");
    let (_, csv, _) = check(&[&args[..], &["--format", "csv"]].concat());
    assert!(csv.lines().any(|l| l.starts_with("clause,") && l.contains("backed by India")), "{csv}");
    // The same run given the seeds folder skips the story inside it.
    let (_, text, err) = check(&[story.as_str(), "--against", seeds.to_str().unwrap(), "--color", "never"]);
    assert!(err.contains("skipped as a reference"), "{err}");
    assert!(text.contains("backed by India"), "{text}");
}

#[test]
fn a_fuller_form_of_a_name_is_a_note_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    let wire = dir.path().join("wire.txt");
    std::fs::write(&story, "Lt Gen Nadeem Ahmed Anjum led the delegation to Kabul on Monday.\n").unwrap();
    std::fs::write(&wire, "Lt Gen Nadeem Anjum led the delegation to Kabul on Monday.\n").unwrap();
    let (s, w) = (story.to_str().unwrap(), wire.to_str().unwrap());
    let (code, out, _) = check(&["--lexical", s, "--against", w, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kinds: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["spelling"], "{out}");
    // Asked for, it fails.
    let (code, _, _) = check(&["--lexical", s, "--against", w, "--fail-on", "spelling"]);
    assert_eq!(code, 1);
}

/// The seeds' files, sorted, or `None` when CLAIMDIFF_SHARED is unset.
fn seed_files() -> Option<Vec<String>> {
    let shared = std::env::var_os("CLAIMDIFF_SHARED")?;
    let mut files: Vec<String> = std::fs::read_dir(std::path::Path::new(&shared).join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn a_reference_that_does_not_quote_cannot_clear_a_changed_quote() {
    // Seed 001 with words changed inside two of its quotations; seed 002
    // retells the same statements without quoting them: silent, it clears
    // neither. 001 contradicts both.
    let Some(files) = seed_files() else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the altered-seed check test");
        return;
    };
    let (s001, s002) =
        (files.iter().find(|f| f.contains("/001_")).unwrap(), files.iter().find(|f| f.contains("/002_")).unwrap());
    let text = std::fs::read_to_string(s001).unwrap();
    let altered = text
        .replacen("even today", "every day", 1)
        .replacen("especially Khyber Pakhtunkhwa", "especially Balochistan", 1)
        .replacen("they won\u{2019}t allow", "they will allow", 1);
    assert_eq!(altered.matches("every day").count() + altered.matches("will allow").count(), 2);
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("altered.txt");
    std::fs::write(&story, altered).unwrap();
    for refs in [vec![s001.as_str()], vec![s001.as_str(), s002.as_str()]] {
        let mut args = vec![story.to_str().unwrap(), "--against"];
        args.extend(&refs);
        args.extend(["--format", "json"]);
        let (code, out, _) = check(&args);
        assert_eq!(code, 1, "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let quotes: Vec<&serde_json::Value> =
            v["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "quote").collect();
        assert_eq!(quotes.len(), 2, "both altered quotes fail with references {refs:?}: {out}");
        for q in quotes {
            let stance = |name: &str| {
                q["refs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["source"].as_str().unwrap().starts_with(name))
                    .map(|r| r["stance"].clone())
            };
            assert_eq!(stance("001_"), Some(serde_json::json!("contradicts")), "{q}");
            if refs.len() == 2 {
                assert_eq!(stance("002_"), Some(serde_json::json!("silent")), "{q}");
                assert!(q["explanation"].as_str().unwrap().contains("silent: 002_"), "{q}");
            }
        }
    }
}

#[test]
fn one_reference_quoting_the_story_word_for_word_clears_it() {
    // Three references: one quotes the story's words, one quotes them
    // otherwise, one retells them. The supporting one clears the quote; the
    // other two alone fail it, and the retelling one is named silent.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let story = write(
        "story.txt",
        "\"We will not reopen the quay until every crane has been inspected,\" the harbour master, Ruth Calloway, said on Monday.\n",
    );
    let same = write(
        "same.txt",
        "\"We will not reopen the quay until every crane has been inspected,\" harbour master Ruth Calloway said on Monday.\n",
    );
    let other = write(
        "other.txt",
        "\"We will not reopen the quay until the cranes have been looked at,\" the harbour master, Ruth Calloway, said on Monday.\n",
    );
    let retold = write(
        "retold.txt",
        "The harbour master, Ruth Calloway, said on Monday that the quay would stay shut until every crane had been inspected.\n",
    );
    let run = |refs: &[&str]| {
        let mut args = vec!["--lexical", story.as_str(), "--against"];
        args.extend(refs);
        args.extend(["--format", "json"]);
        let (code, out, _) = check(&args);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let quote = v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "quote").cloned();
        (code, quote)
    };
    assert_eq!(run(&[&same, &other, &retold]), (0, None));
    let (code, quote) = run(&[&other, &retold]);
    assert_eq!(code, 1);
    let quote = quote.expect("the quote fails without support");
    let stances: Vec<(&str, &str)> = quote["refs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["source"].as_str().unwrap(), r["stance"].as_str().unwrap()))
        .collect();
    assert_eq!(stances, [("other", "contradicts"), ("retold", "silent")], "{quote}");
    // The text report says where each reference stands; the findings
    // table marks the silent one.
    let (_, text, _) = check(&["--lexical", &story, "--against", &other, &retold, "--color", "never"]);
    assert!(text.contains("other #0 (contradicts)") && text.contains("retold #0 (silent)"), "{text}");
    let (_, table, _) = check(&["--lexical", &story, "--against", &other, &retold, "--format", "findings"]);
    assert!(table.lines().any(|l| l.contains(",quote,silent,")), "{table}");
    // Alone, the retelling reference is silent: nothing to contradict.
    assert_eq!(run(&[&retold]).1, None);
}
