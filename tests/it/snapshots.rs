//! Every report format, byte for byte: `split`, `quotes`, `compare`
//! (pairwise and many-way, every format, with and without `--explain`,
//! coloured and plain) and `check`, on `data/` (whole outputs in
//! `tests/snapshots/`) and on the five real seed articles (FNV-1a hashes of
//! the outputs in `tests/snapshots/seeds.txt`, since their text may not be
//! copied into the project). They pin behaviour across refactors: a change
//! that alters any report shows here as a diff.
//!
//! After an intended change of output, rewrite them with
//! `CLAIMDIFF_UPDATE_SNAPSHOTS=1 cargo test --test it snapshots` (with
//! `CLAIMDIFF_SHARED` set, for the seeds) and review the diff.

use crate::util::*;
use std::path::{Path, PathBuf};

/// Each run's name and arguments. Paths are relative to the folder the run
/// starts in, so outputs name files the same way on every machine.
fn data_runs() -> Vec<(String, Vec<String>)> {
    let mut runs: Vec<(&str, Vec<&str>)> = vec![
        ("split-text", vec!["split", HERALD]),
        ("split-json", vec!["split", "--format", "json", WIRE]),
        ("quotes-text", vec!["quotes", DIR]),
        ("quotes-json", vec!["quotes", "--format", "json", DIR]),
        ("pair-text", vec!["compare", HERALD, WIRE]),
        ("pair-text-color", vec!["compare", "--color", "always", HERALD, WIRE]),
        ("pair-text-explain", vec!["compare", "--explain", TIMES, LEDGER]),
        ("pair-json", vec!["compare", "--format", "json", HERALD, WIRE]),
        ("pair-json-explain", vec!["compare", "--format", "json", "--explain", TIMES, LEDGER]),
        ("pair-csv", vec!["compare", "--format", "csv", HERALD, WIRE]),
        ("pair-html", vec!["compare", "--format", "html", HERALD, WIRE]),
        ("pair-matrix", vec!["compare", "--format", "matrix", HERALD, WIRE]),
        ("pair-findings", vec!["compare", "--format", "findings", HERALD, WIRE]),
        ("pair-lexical-text", vec!["compare", "--lexical", HERALD, WIRE]),
        ("many-text", vec!["compare", DIR]),
        ("many-text-color", vec!["compare", "--color", "always", DIR]),
        ("many-json", vec!["compare", "--format", "json", DIR]),
        ("many-csv", vec!["compare", "--format", "csv", DIR]),
        ("many-html", vec!["compare", "--format", "html", DIR]),
        ("many-matrix", vec!["compare", "--format", "matrix", DIR]),
        ("many-findings", vec!["compare", "--format", "findings", DIR]),
        ("many-jsonl-lexical-text", vec!["compare", "--lexical", JSONL]),
        ("check-text", vec!["check", TIMES, "--against", WIRE]),
        ("check-json", vec!["check", "--format", "json", TIMES, "--against", WIRE]),
        ("check-csv", vec!["check", "--format", "csv", TIMES, "--against", WIRE]),
        ("check-findings", vec!["check", "--format", "findings", TIMES, "--against", WIRE]),
        (
            "check-wire-text",
            vec![
                "check",
                "data/reuse/stories/highland-examiner.txt",
                "--against",
                "data/reuse/wire/ferry-grounding.txt",
            ],
        ),
        (
            "check-wire-json",
            vec![
                "check",
                "--format",
                "json",
                "data/reuse/stories/skerrow-times.txt",
                "--against",
                "data/reuse/wire/ferry-grounding.txt",
            ],
        ),
        ("wire-split", vec!["split", "data/wire/agency-copy.txt"]),
    ];
    runs.sort_by_key(|r| r.0);
    runs.into_iter().map(|(n, a)| (n.to_owned(), a.into_iter().map(str::to_owned).collect())).collect()
}

fn seed_runs(seeds: &[String]) -> Vec<(String, Vec<String>)> {
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
    let all = || seeds.to_vec();
    let mut runs = vec![
        ("seeds-quotes-text".to_owned(), [s(&["quotes"]), all()].concat()),
        ("seeds-quotes-json".to_owned(), [s(&["quotes", "--format", "json"]), all()].concat()),
        ("seeds-many-text".to_owned(), [s(&["compare"]), all()].concat()),
        ("seeds-many-json".to_owned(), [s(&["compare", "--format", "json"]), all()].concat()),
        ("seeds-many-csv".to_owned(), [s(&["compare", "--format", "csv"]), all()].concat()),
        ("seeds-many-html".to_owned(), [s(&["compare", "--format", "html"]), all()].concat()),
        ("seeds-many-matrix".to_owned(), [s(&["compare", "--format", "matrix"]), all()].concat()),
        ("seeds-many-findings".to_owned(), [s(&["compare", "--format", "findings"]), all()].concat()),
        ("seeds-many-lexical-json".to_owned(), [s(&["compare", "--lexical", "--format", "json"]), all()].concat()),
    ];
    for (i, a) in seeds.iter().enumerate() {
        runs.push((
            format!("seeds-split-{i}"),
            vec!["split".to_owned(), "--format".to_owned(), "json".to_owned(), a.clone()],
        ));
        let b = &seeds[(i + 1) % seeds.len()];
        for f in ["text", "json", "csv", "html"] {
            runs.push((
                format!("seeds-pair-{i}-{f}"),
                [s(&["compare", "--format", f]), vec![a.clone(), b.clone()]].concat(),
            ));
        }
        runs.push((
            format!("seeds-pair-{i}-explain"),
            [s(&["compare", "--explain", "--format", "json"]), vec![a.clone(), b.clone()]].concat(),
        ));
        for f in ["text", "json", "csv"] {
            runs.push((
                format!("seeds-check-{i}-{f}"),
                [s(&["check", "--format", f, a, "--against"]), vec![b.clone()]].concat(),
            ));
        }
    }
    runs
}

/// Runs `args` in `dir`: the exit code, then stdout.
fn output(dir: &Path, args: &[String]) -> Vec<u8> {
    let out = claimdiff().current_dir(dir).args(args).output().unwrap();
    let mut bytes = format!("exit: {}\n", out.status.code().unwrap_or(-1)).into_bytes();
    bytes.extend_from_slice(&out.stdout);
    bytes
}

fn updating() -> bool {
    std::env::var_os("CLAIMDIFF_UPDATE_SNAPSHOTS").is_some()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn data_reports_match_their_snapshots() {
    let dir = root().join("tests/snapshots/data");
    let mut changed = Vec::new();
    for (name, args) in data_runs() {
        let got = output(&root(), &args);
        let path = dir.join(format!("{name}.out"));
        if updating() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if got != want {
            let at = got.iter().zip(&want).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
            let line = got[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            changed.push(format!("{name} (`claimdiff {}`): differs from line {line}", args.join(" ")));
        }
    }
    assert!(changed.is_empty(), "reports changed:\n{}", changed.join("\n"));
}

#[test]
fn seed_reports_match_their_snapshots() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("snapshots: CLAIMDIFF_SHARED not set; seed snapshots skipped");
        return;
    };
    let seeds_dir = PathBuf::from(shared).join("seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(&seeds_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "five seed articles");
    let lines: Vec<String> = seed_runs(&seeds)
        .iter()
        .map(|(name, args)| format!("{name} {:016x}", fnv1a(&output(&seeds_dir, args))))
        .collect();
    let path = root().join("tests/snapshots/seeds.txt");
    if updating() {
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<&String> = lines.iter().filter(|l| !want.lines().any(|w| w == l.as_str())).collect();
    assert!(changed.is_empty(), "seed reports changed (name, new hash):\n{changed:?}");
}
