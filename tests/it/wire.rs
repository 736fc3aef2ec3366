//! Agency (wire) copy: `claimdiff split` on `data/wire/agency-copy.txt`
//! keeps every sentence of the story and none of the agency furniture (slug
//! lines, byline, dateline, control characters, MORE/ENDS, timestamp, credit
//! line, editor's notes), and `--verbose` names each dropped line and why.
//! Prose that merely looks like furniture is kept, and no sentence is empty.

use crate::util::*;

use claimdiff::article::{clean, load, DropReason};
use std::path::Path;

const AGENCY: &str = "data/wire/agency-copy.txt";

/// The story's sentences, as `split` prints them.
const STORY: &[&str] = &[
    "Quarry boss cleared over River Wend fish deaths",
    "The managing director of a limestone quarry has been cleared of polluting the River Wend after a three-week trial at Hartwell Crown Court.",
    "Martin Colbeck, 58, of Upper Fenby, denied two charges of causing a water discharge activity without a permit in March 2023, when about 4,000 fish died along a six-mile stretch of the river.",
    "A jury of seven men and five women returned unanimous not guilty verdicts on Friday after deliberating for just under four hours.",
    "Prosecutors had argued that silt-laden water escaped from a settling lagoon at Mr Colbeck's Brindle Edge quarry after a pump failed overnight.",
    "The Environment Agency told the court that samples taken downstream showed suspended solids at 30 times the normal level.",
    "By Monday of the second week, the defence had called two hydrologists, who said heavy rain upstream could explain the readings.",
    "Speaking outside court, Mr Colbeck said the case had been \"a long and painful ordeal\" for his family and his 40 employees.",
    "\"I have fished this river since I was a boy, and I would never knowingly harm it,\" he said.",
    "More than 60 people, many of them anglers, had packed the public gallery for the verdicts.",
    "Dan Pryce, secretary of the Wend Valley Angling Club, said members were \"bitterly disappointed\".",
    "He said the club would ask the Environment Agency to publish its full sampling data.",
    "The agency said it respected the jury's decision but would review the evidence before deciding on any further action.",
    "It added that the quarry's discharge permit remained under review.",
    "Judge Helen Marsh thanked the jurors and said the case had been difficult to follow because so much of the evidence was technical.",
    "Work to clear silt from the riverbed is expected to end in September, when the angling club will restock the river with brown trout.",
    "Brindle Edge quarry has operated since 1962 and supplies crushed stone to road builders across the county.",
];

/// Every line the cleaner drops from the sample, as `--verbose` reports it
/// (line number, reason, text).
const DROPPED: &[(usize, &str, &str)] = &[
    (1, "slug line", "09:12 14/06/24: Page 1 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF POLLUTION CHARGES"),
    (5, "byline", "By Jane Hollis, PA News"),
    (7, "dateline", "HARTWELL, June 14 (PA) -"),
    (7, "control characters", "13 removed from the text (U+0019 x13)"),
    (18, "end marker", "MORE"),
    (20, "slug line", "09:31 14/06/24: Page 2 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF POLLUTION CHARGES"),
    (40, "end marker", "ENDS"),
    (42, "timestamp", "10:05 BST 14/06/2024"),
    (44, "byline", "(Reporting by Jane Hollis; editing by Tom Reed)"),
    (46, "editor's note", "Editor's note: This story was corrected at 10:05 to give Mr Colbeck's age as 58, not 56."),
    (48, "editor's note", "Note to editors:"),
    (49, "editor's note", "Pictures of Brindle Edge quarry are available from the picture desk."),
    (50, "editor's note", "Call the newsdesk on 020 7946 0000 for interview requests."),
    (52, "end marker", "# # #"),
];

fn stdout_lines(out: &std::process::Output) -> Vec<String> {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn split_keeps_the_story_and_none_of_the_furniture() {
    let out = claimdiff().args(["split", AGENCY]).output().unwrap();
    let lines = stdout_lines(&out);
    assert_eq!(lines, STORY);
    assert!(out.stderr.is_empty(), "without --verbose, cleaning is silent: {}", String::from_utf8_lossy(&out.stderr));
    let all = lines.join("\n");
    for furniture in ["HHH", "PA News", "(PA)", "HARTWELL,", "MORE\n", "ENDS", "BST", "Reporting by", "editors", "#"] {
        assert!(!all.contains(furniture), "{furniture:?} survived cleaning");
    }
    assert!(!all.chars().any(|c| c.is_control() && c != '\n'), "a control character survived cleaning");
    // Without cleaning, the furniture is all there.
    let raw = claimdiff().args(["split", "--raw", AGENCY]).output().unwrap();
    let raw = stdout_lines(&raw).join("\n");
    // (the control character shown, not sent: `\u{19}`)
    assert!(raw.contains("By Jane Hollis, PA News") && raw.contains("ENDS") && raw.contains("\\u{19}"));
}

#[test]
fn verbose_lists_each_dropped_line_with_its_reason() {
    let out = claimdiff().args(["split", "--verbose", AGENCY]).output().unwrap();
    assert_eq!(stdout_lines(&out), STORY);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected: Vec<String> = DROPPED
        .iter()
        .map(|(line, reason, text)| format!("claimdiff: {AGENCY}:{line}: dropped ({reason}): {text}"))
        .collect();
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn dateline_and_headline_become_metadata() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(AGENCY);
    let raw = load::load_path(&path, load::LoadOptions::default()).unwrap().remove(0);
    let a = clean::clean(raw).unwrap();
    assert_eq!(a.meta.dateline.as_deref(), Some("HARTWELL, June 14 (PA)"));
    assert_eq!(a.meta.title.as_deref(), Some(STORY[0]));
    assert_eq!(a.meta.outlet, "agency-copy");
    assert!(a.text.contains("\nThe managing director of a limestone quarry"));
    let controls: Vec<_> = a.dropped.iter().filter(|d| d.reason == DropReason::ControlCharacters).collect();
    assert_eq!(controls.len(), 1, "control characters are reported once per file");
}

#[test]
fn prose_that_looks_like_furniture_is_kept() {
    let text = "Quarry boss cleared\n\n\
                By Monday, the union had agreed to return to work.\n\n\
                By the end of the week, talks had collapsed.\n\n\
                Reporting by the Guardian found that the quarry had no permit.\n\n\
                The strike will end on Friday.\n\n\
                More than 60 people packed the gallery.\n\n\
                Editor's notes from the meeting were leaked to the press.\n\n\
                At 09:12 on 14/06/24 the pump failed.\n\n\
                QUARRY BOSS CLEARED OF POLLUTION CHARGES\n\n\
                LONDON (Reuters) - This dateline follows prose, so it stays.\n";
    let out = claimdiff().args(["split", "--verbose", "-"]).write_stdin(text).output().unwrap();
    let kept = stdout_lines(&out);
    let expected: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(kept, expected);
    assert!(out.stderr.is_empty(), "nothing may be dropped: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn no_sentence_is_empty() {
    let text = "\u{19}Quarry boss cleared\n\n\u{19}\n\n* * *\n\n\u{2014}\n\n...\n\n\u{200b}\n\n\u{19}\u{7f}\u{9f}\n\n\
                \u{19}The jury was out for four hours.\n\n-more-\n\n\u{19}It returned at noon.\n\n(END)\n";
    let out = claimdiff().args(["split", "-"]).write_stdin(text).output().unwrap();
    assert_eq!(stdout_lines(&out), ["Quarry boss cleared", "The jury was out for four hours.", "It returned at noon."]);
    let json = claimdiff().args(["split", "--format", "json", "-"]).write_stdin(text).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for s in v.as_array().unwrap() {
        assert!(s["text"].as_str().unwrap().chars().any(char::is_alphanumeric), "{s}");
    }
    let verbose = claimdiff().args(["split", "--verbose", "-"]).write_stdin(text).output().unwrap();
    let stderr = String::from_utf8(verbose.stderr).unwrap();
    assert!(stderr.contains("claimdiff: -:1: dropped (control characters): 7 removed from the text"), "{stderr}");
    assert_eq!(stderr.matches("dropped (no words)").count(), 4, "{stderr}");
    assert_eq!(stderr.matches("dropped (end marker)").count(), 2, "{stderr}");
    // Only furniture: no article left, and the error names the input.
    let out = claimdiff().args(["split", "-"]).write_stdin("\u{19}MORE\n\n# # #\n\n\u{19}\n").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article text left"));
}

const TAKES: &str = "data/takes/wire";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = claimdiff().args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_slug_glued_to_a_takes_first_sentence_is_cut_and_the_sentence_kept() {
    let (code, out, err) = run(&["split", "-v", "data/takes/wire/take2.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("take2.txt:1: dropped (slug line): 11:20 17/03/25: Page 2 (HHH) COURTS Tolley\n"), "{err}");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("Mr Tolley told the jury that he had met"), "{out}");
    // The substitute's slug carries its kind; page 3's only sentence on its
    // slug line is kept.
    let (_, out, err) = run(&["split", "-v", "data/takes/wire/take4.txt"]);
    assert!(err.contains("dropped (slug line): 11:52 17/03/25: Page 2 (HHH) COURTS Tolley Substitute\n"), "{err}");
    assert!(out.starts_with("Mr Tolley told the jury"), "{out}");
    let (_, out, _) = run(&["split", "data/takes/wire/take3.txt"]);
    assert!(out.starts_with("Under cross-examination, Mr Tolley accepted"), "{out}");
}

#[test]
fn takes_are_one_reference_with_the_substitute_in_place() {
    // The story that ran the corrected copy checks cleanly; the one that
    // ran the first page 2 fails on its figure. The furniture-only take is
    // skipped with a warning and the check runs on.
    let (code, out, err) =
        run(&["check", "-v", "data/takes/stories/copied.txt", "--against", TAKES, "--format", "json"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(err.contains("take5.txt: skipped: no article text left after removing boilerplate"), "{err}");
    assert!(err.contains("read as one reference: data/takes/wire/take1.txt, data/takes/wire/take4.txt, data/takes/wire/take3.txt; data/takes/wire/take2.txt (replaced by data/takes/wire/take4.txt)"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["refs"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(v["notes"].as_array().unwrap().len(), 1);
    assert!(v["reuse"]["score"].as_f64().unwrap() > 0.9, "{}", v["reuse"]);
    let (code, out, _) = run(&["check", "data/takes/stories/stale.txt", "--against", TAKES, "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let number = v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "number").expect("the stale figure");
    assert!(number["explanation"].as_str().unwrap().contains("A says \"48,000\", B says \"84,000\""), "{number}");
    // Named on the command line, the furniture-only take is skipped too;
    // with nothing else, there is no reference: trouble.
    let (code, _, err) = run(&[
        "check",
        "data/takes/stories/copied.txt",
        "--against",
        "data/takes/wire/take1.txt",
        "data/takes/wire/take5.txt",
    ]);
    assert_ne!(code, 2, "{err}");
    assert!(err.contains("take5.txt: skipped:"), "{err}");
    let (code, _, err) = run(&["check", "data/takes/stories/copied.txt", "--against", "data/takes/wire/take5.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("check needs at least one usable reference"), "{err}");
    // Without the substitute, the stale story agrees with its page 2.
    let (code, out, _) = run(&[
        "check",
        "data/takes/stories/stale.txt",
        "--against",
        "data/takes/wire/take1.txt",
        "data/takes/wire/take2.txt",
        "data/takes/wire/take3.txt",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["kind"] != "number"), "{out}");
    assert_eq!(code, 0, "{out}");
}
