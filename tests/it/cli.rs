//! End-to-end tests: run the `claimdiff` binary and check stdout, stderr and
//! the exit code. Tests that read the real seed articles in ../shared take
//! its path from `CLAIMDIFF_SHARED` (set by `.ci/run`) and are skipped, with
//! a note, when it is unset.

use crate::util::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn seeds() -> Option<Vec<PathBuf>> {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the seed-article checks");
        return None;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(&shared).join("seeds"))
        .expect("CLAIMDIFF_SHARED/seeds is readable")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "expected seed articles in {}", shared.to_string_lossy());
    Some(files)
}

/// Runs `compare --format csv` and parses the rows.
fn csv_rows(a: &Path, b: &Path) -> Vec<csv::StringRecord> {
    let out = claimdiff().args(["compare", "--format", "csv"]).arg(a).arg(b).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, claimdiff::report::csv::HEADER);
    r.records().map(Result::unwrap).collect()
}

fn assert_self_compare_is_all_same(path: &Path) {
    let rows = csv_rows(path, path);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(&row[0], "same", "{}: {row:?}", path.display());
        assert_eq!(&row[3], &row[6], "a sentence must align with itself: {row:?}");
        assert_eq!(&row[1], "1.000");
    }
}

/// A row seen from the other side: statuses and columns swapped.
fn mirrored(row: &csv::StringRecord) -> (String, String, String, String) {
    let status = match &row[0] {
        "only_a" => "only_b",
        "only_b" => "only_a",
        s => s,
    };
    (status.to_owned(), row[1].to_owned(), row[6].to_owned(), row[3].to_owned())
}

fn assert_mirror(a: &Path, b: &Path) {
    let ab: BTreeSet<_> =
        csv_rows(a, b).iter().map(|r| (r[0].to_owned(), r[1].to_owned(), r[3].to_owned(), r[6].to_owned())).collect();
    let ba: BTreeSet<_> = csv_rows(b, a).iter().map(mirrored).collect();
    assert_eq!(ab, ba, "compare {} {} must mirror the reverse", a.display(), b.display());
}

#[test]
fn compare_a_a_gives_only_same_on_samples() {
    for f in [HERALD, WIRE, TIMES, LEDGER] {
        assert_self_compare_is_all_same(Path::new(f));
    }
}

#[test]
fn compare_a_a_gives_only_same_on_seeds() {
    let Some(seeds) = seeds() else { return };
    for f in &seeds {
        assert_self_compare_is_all_same(f);
    }
}

#[test]
fn compare_mirrors_on_samples() {
    assert_mirror(Path::new(HERALD), Path::new(WIRE));
    assert_mirror(Path::new(TIMES), Path::new(LEDGER));
}

#[test]
fn compare_mirrors_on_seeds() {
    let Some(seeds) = seeds() else { return };
    for pair in seeds.windows(2) {
        assert_mirror(&pair[0], &pair[1]);
    }
}

#[test]
fn csv_rows_are_well_formed() {
    let rows = csv_rows(Path::new(HERALD), Path::new(LEDGER));
    let statuses: BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert!(statuses.is_subset(&["same", "reworded", "partial", "only_a", "only_b"].into()));
    for r in &rows {
        let sim: f64 = r[1].parse().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        assert_eq!(r[1].split('.').nth(1).map(str::len), Some(3), "3 decimals: {}", &r[1]);
        match &r[0] {
            "only_a" => assert!(r[5].is_empty() && r[6].is_empty() && !r[4].is_empty()),
            "only_b" => assert!(r[2].is_empty() && r[3].is_empty() && !r[7].is_empty()),
            _ => {
                assert_eq!(&r[2], "Coastal Herald");
                assert_eq!(&r[5], "The Daily Ledger");
                assert!(!r[8].is_empty());
            }
        }
    }
    // The changed number shows up in the word diff.
    assert!(
        rows.iter().any(|r| r[8].contains("[-About 1,200-]") || r[8].contains("1,200-]")),
        "no 1,200 change in diffs"
    );
}

#[test]
fn json_carries_sources_and_rows() {
    let out = claimdiff().args(["compare", "--format", "json", HERALD, TIMES]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["outlet"], "Coastal Herald");
    assert_eq!(sources[0]["date"], "2025-03-13");
    // No front matter: the outlet is the file stem, the date the glued prefix.
    assert_eq!(sources[1]["outlet"], "northport-times");
    assert_eq!(sources[1]["date"], "2025-03-14");
    assert!(sources[1]["sentences"].as_u64().unwrap() > 5);
    let rows = v["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert!(r["status"].is_string() && r["similarity"].is_number() && r["flags"].is_array());
    }
}

#[test]
fn text_report_colours_only_when_asked() {
    let plain = claimdiff().args(["compare", HERALD, WIRE]).output().unwrap();
    assert!(plain.status.success());
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    assert!(plain.contains("A: Coastal Herald"));
    let coloured = claimdiff().args(["compare", "--color", "always", HERALD, WIRE]).output().unwrap();
    assert!(String::from_utf8(coloured.stdout).unwrap().contains('\u{1b}'));
    let never = claimdiff().args(["compare", "--color", "never", HERALD, WIRE]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8(never.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn verbose_lists_dropped_lines() {
    let out = claimdiff().args(["compare", "--verbose", HERALD, LEDGER]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("dropped (photo caption)"), "{err}");
    assert!(err.contains("dropped (repeated headline)"), "{err}");
    assert!(err.contains("dropped (section label): Business"), "{err}");
}

#[test]
fn output_is_written_atomically_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("report.csv");
    claimdiff()
        .args(["compare", "--format", "csv", "-o"])
        .arg(&out_path)
        .args([HERALD, WIRE])
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&out_path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a report is an ordinary readable file");
    }
    // The first ten columns are the shipped contract; columns are only
    // added after them.
    assert!(text.starts_with("status,similarity,source_a,index_a,sentence_a,source_b,index_b,sentence_b,diff,flags,"));
    assert!(text.starts_with(
        "status,similarity,source_a,index_a,sentence_a,source_b,index_b,sentence_b,diff,flags,explanations\n"
    ));
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "The port closed on Monday.\n").unwrap();
    let out = claimdiff().args(["compare", "-o"]).arg(&input).arg(&input).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite an input"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "The port closed on Monday.\n");
}

fn assert_trouble(args: &[&Path], needle: &str) {
    let out = claimdiff().arg("compare").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let first = err.lines().next().unwrap_or("");
    assert!(first.starts_with("claimdiff: ") && first.contains(needle), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_inputs_exit_2_with_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = Path::new(HERALD);
    let missing = dir.path().join("missing.txt");
    assert_trouble(&[&missing, good], "missing.txt: cannot read");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_trouble(&[good, &empty], "empty.txt: file is empty");
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, "\n  \n").unwrap();
    assert_trouble(&[good, &blank], "blank.txt: file is empty");
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_trouble(&[good, &binary], "image.txt: looks like a binary file");
    let boiler = dir.path().join("ads.txt");
    std::fs::write(&boiler, "Advertisement\n\nAdvertisement\n").unwrap();
    assert_trouble(&[good, &boiler], "ads.txt: no article text left");
    let out = claimdiff().args(["compare", "--max-bytes", "100", HERALD, WIRE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too large"));
    // Every command says the cause once ("split" printed the I/O error
    // twice: in the message and again as its cause).
    for command in ["split", "quotes", "extract"] {
        let out = claimdiff().arg(command).arg(&missing).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{command}: {err}");
        assert!(err.contains("missing.txt: cannot read"), "{command}: {err}");
        assert_eq!(err.matches("os error").count(), 1, "{command}: {err}");
    }
}

#[test]
fn text_without_sentence_punctuation_is_cut_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let wall = dir.path().join("wall.txt");
    std::fs::write(&wall, "officials said the border talks would resume on monday ".repeat(400)).unwrap();
    let out = claimdiff().arg("split").arg(&wall).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 7, "{text}");
    assert!(text.lines().all(|l| l.len() <= claimdiff::segment::MAX_SENTENCE_BYTES));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning") && err.contains("wall.txt") && err.contains("without sentence punctuation"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = claimdiff().args(["compare", "--lexical"]).arg(&wall).arg(HERALD).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("wall.txt: 1 run of text"));
}

#[test]
fn non_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"The caf\xe9 on the quay closed on Monday.\n\nPolice made no arrests.\n").unwrap();
    let out = claimdiff().arg("compare").arg(&latin1).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("warning") && err.contains("latin1.txt") && err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn one_sentence_and_identical_articles_work() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.txt");
    std::fs::write(&one, "Dockers walked out in Northport on Wednesday").unwrap();
    claimdiff().arg("compare").arg(&one).arg(HERALD).assert().success();
    let copy = dir.path().join("copy.txt");
    std::fs::copy(HERALD, &copy).unwrap();
    let rows = csv_rows(Path::new(HERALD), &copy);
    assert!(rows.iter().all(|r| &r[0] == "same"));
}

#[test]
fn stdin_is_an_input() {
    let text = std::fs::read_to_string(WIRE).unwrap();
    let out = claimdiff().args(["compare", "--format", "csv", "-", WIRE]).write_stdin(text).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.lines().skip(1).all(|l| l.starts_with("same,")), "{s}");
}

#[test]
fn usage_errors_are_one_line_with_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["compare", "--frobnicate", "a", "b"],
            "unexpected argument '--frobnicate' found (see claimdiff compare --help)",
        ),
        (&["compare", "--format", "xml", "a", "b"], "[possible values: text,"),
        (
            &["check", "a.txt"],
            "not provided: --against <REF>... (usage: claimdiff check [OPTIONS] STORY --against REF...)",
        ),
        (&["compare", "--threshold", "-0.5", "a", "b"], "`-0.5` is outside [0, 1]"),
        (&["stories", "--window-days", "-7", "a"], "`-7` is negative"),
        (&["check", "--fail-on", "", "a", "--against", "b"], "no kinds given"),
        (&["check", "--fail-on", ",,,", "a", "--against", "b"], "no kinds given"),
        (&["frob"], "unrecognized subcommand 'frob' (see claimdiff --help)"),
    ];
    for (args, want) in cases {
        let out = claimdiff().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("claimdiff: ") && err.contains(want), "{args:?}: {err}");
    }
    // An argument that is not UTF-8 (a file name) gets the same one line.
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"--bogus\xff");
    let out = claimdiff().arg(bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let help = claimdiff().args(["compare", "--help"]).output().unwrap();
    assert!(help.status.success() && String::from_utf8(help.stdout).unwrap().contains("Usage: claimdiff compare"));
}

#[test]
fn jsonl_on_stdin_is_a_collection() {
    let jsonl = std::fs::read_to_string("data/harbour-strike.jsonl").unwrap();
    let out = claimdiff().args(["compare", "--lexical", "--format", "json", "-"]).write_stdin(jsonl).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 4);
    assert!(sources[0]["path"].as_str().unwrap().starts_with("stdin:"), "{}", sources[0]);
}

#[test]
fn json_lines_without_text_on_stdin_are_read_as_prose_with_a_warning() {
    let lines = "{\"outlet\": \"A\", \"title\": \"x\"}\n{\"outlet\": \"B\", \"body\": \"y\"}\n";
    let out = claimdiff().args(["split", "-"]).write_stdin(lines).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: stdin: its first line is a JSON object with no string `text`"), "{err}");
    // Prose that opens with a brace is no JSON object: no warning.
    let out = claimdiff().args(["split", "-"]).write_stdin("{Braces} open this line.\n").output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn articles_naming_one_outlet_are_said_to_count_as_two() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["coastal-herald", "meridian-wire", "the-daily-ledger"] {
        let text = std::fs::read_to_string(format!("data/harbour-strike/{name}.txt")).unwrap();
        let text = text.replace("outlet: Meridian Wire", "outlet: coastal herald ");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let out = claimdiff().args(["compare", "--lexical"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: 2 articles name the outlet `Coastal Herald` ("), "{err}");
    assert!(err.contains("meridian-wire.txt): each counts as an outlet of its own"), "{err}");
    // The sample's four outlets are four: no warning.
    let out = claimdiff().args(["compare", "--lexical", "data/harbour-strike"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("name the outlet"));
}

#[test]
fn split_prints_one_sentence_per_line() {
    let out = claimdiff()
        .args(["split", "-"])
        .write_stdin("Police said the march\nwas peaceful.\n\nA headline without a stop\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Police said the march was peaceful.\nA headline without a stop\n"
    );
    let json = claimdiff().args(["split", "--format", "json", "-"]).write_stdin("One.\n\nTwo.\n").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[1]["start"], 6);
    assert_eq!(v[1]["text"], "Two.");
}

#[test]
fn explain_shows_shared_words_and_score_components() {
    let out = claimdiff().args(["compare", "--explain", "--color", "never", HERALD, LEDGER]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("    shared: ") && text.contains("    only A: ") && text.contains(" jaccard "), "{text}");
    let plain = claimdiff().args(["compare", "--format", "json", HERALD, LEDGER]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(v["rows"].as_array().unwrap().iter().all(|r| r.get("explain").is_none()));
    let out = claimdiff().args(["compare", "--format", "json", "--explain", HERALD, LEDGER]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["sentence_b"].as_str().is_some_and(|s| s.contains("Some 1,500 workers")))
        .unwrap();
    let e = &row["explain"];
    assert!(e["shared"].as_array().unwrap().iter().any(|w| w == "Kessel"));
    assert!(e["only_a"].as_array().unwrap().iter().any(|w| w == "1,200"));
    assert!(e["only_b"].as_array().unwrap().iter().any(|w| w == "1,500"));
    for c in ["total", "jaccard", "containment", "chars", "edit", "edit_sorted", "bigrams", "length_ratio"] {
        let x = e["score"][c].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x), "{c} = {x}");
    }
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = claimdiff().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("claimdiff") && script.contains("semantic-max-sentences"), "{shell}");
    }
    let out = claimdiff().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH claimdiff 1") && page.contains("compare"), "{page}");
}

#[test]
fn exit_code_reports_differences_like_diff() {
    let code = |args: &[&str]| claimdiff().args(args).output().unwrap().status.code();
    // Without the flag, compare succeeds whatever it finds.
    assert_eq!(code(&["compare", "--lexical", HERALD, WIRE]), Some(0));
    assert_eq!(code(&["compare", "--lexical", "--exit-code", HERALD, WIRE]), Some(1));
    assert_eq!(code(&["compare", "--lexical", "--exit-code", HERALD, HERALD]), Some(0));
    assert_eq!(code(&["compare", "--lexical", "--exit-code", "-q", DIR]), Some(1));
    assert_eq!(code(&["compare", "--lexical", "--exit-code", "-q", HERALD, HERALD, HERALD]), Some(0));
    // Trouble still wins.
    assert_eq!(code(&["compare", "--exit-code", HERALD, "no-such-file.txt"]), Some(2));
}

#[test]
fn colour_follows_clicolor_conventions() {
    let coloured = |vars: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = claimdiff();
        cmd.env_remove("CLICOLOR").env_remove("CLICOLOR_FORCE").env_remove("TERM");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.args(["compare", "--lexical", HERALD, WIRE]).args(extra).output().unwrap();
        out.stdout.contains(&0x1b)
    };
    // A pipe is plain unless forced; NO_COLOR beats the force.
    assert!(!coloured(&[], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]));
    // "0" forces nothing.
    assert!(!coloured(&[("CLICOLOR_FORCE", "0")], &[]));
    // The flag beats the variables.
    assert!(!coloured(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
    assert!(coloured(&[("NO_COLOR", "1")], &["--color", "always"]));
}

#[test]
fn an_explicit_threshold_is_a_hard_floor_for_aligned_rows() {
    for (a, b) in [(HERALD, LEDGER), (HERALD, TIMES), (WIRE, TIMES), (TIMES, LEDGER)] {
        for t in ["0.3", "0.6"] {
            for scorer in [&["--lexical"][..], &[]] {
                let out = claimdiff()
                    .args(["compare", "--format", "json", "--threshold", t])
                    .args(scorer)
                    .args([a, b])
                    .output()
                    .unwrap();
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                let floor: f64 = t.parse().unwrap();
                for row in v["rows"].as_array().unwrap() {
                    if matches!(row["status"].as_str(), Some("same" | "reworded" | "partial")) {
                        let s = row["similarity"].as_f64().unwrap();
                        assert!(s >= floor - 5e-4, "{a} {b} --threshold {t} {scorer:?}: aligned at {s}");
                    }
                }
            }
        }
    }
}

#[test]
fn pairwise_csv_names_each_flag_once_and_explains_every_one() {
    let out = claimdiff().args(["compare", "--lexical", "--format", "csv", HERALD, LEDGER]).output().unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let mut explained = 0;
    for row in r.records().map(Result::unwrap) {
        let flags: Vec<&str> = row[9].split(';').filter(|f| !f.is_empty()).collect();
        let unique: std::collections::HashSet<&&str> = flags.iter().collect();
        assert_eq!(unique.len(), flags.len(), "{row:?}");
        for f in &flags {
            assert!(row[10].contains(&format!("{f}: ")), "{row:?}");
        }
        explained += usize::from(!flags.is_empty());
    }
    assert!(explained > 5);
}

#[test]
fn identical_articles_are_compared_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::copy(HERALD, &copy).unwrap();
    let out = claimdiff().args(["compare", "--lexical", HERALD, HERALD]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("coastal-herald.txt: named more than once; compared with itself"), "{err}");
    let out = claimdiff().args(["compare", "--lexical", HERALD]).arg(&copy).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("copy.txt: the same text as data/harbour-strike/coastal-herald.txt"), "{err}");
    let out = claimdiff().args(["compare", "--lexical", HERALD, WIRE]).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
