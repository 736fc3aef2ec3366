//! Test fixtures shared by the rule files: compare two one-paragraph
//! articles and check the flags on their aligned rows.

use crate::findings::{Flag, PairReport, Row};

/// Compares two one-paragraph articles and checks the flag names on
/// their aligned rows (sorted, duplicates kept).
pub(super) fn check_flags(a: &str, b: &str, expected: &[&str]) {
    let report = flag_report(a, b);
    let aligned: Vec<&Row> = report.rows.iter().filter(|r| r.a.is_some() && r.b.is_some()).collect();
    assert!(!aligned.is_empty(), "no aligned row for {a:?} / {b:?}");
    let mut got: Vec<&str> = aligned.iter().flat_map(|r| r.flags.iter().map(|f| f.name.as_str())).collect();
    got.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "\nA: {a}\nB: {b}\nflags: {:#?}", aligned.iter().map(|r| &r.flags).collect::<Vec<_>>());
}

pub(super) fn flag_report(a: &str, b: &str) -> PairReport {
    use crate::article::Article;
    let a = Article::from_text("a", a).unwrap();
    let b = Article::from_text("b", b).unwrap();
    // The rules are tested on any pair the aligner offers them, down to the
    // lowest floor a caller may set (`check` aligns at it), not only on
    // pairs a default report aligns.
    let cfg = crate::config::MatchConfig { claim_floor: crate::sameclaim::PAIR_FLOOR, ..Default::default() };
    crate::compare_pair(a, b, &cfg)
}

/// The one flag named `name` on the report's aligned rows.
pub(super) fn the_flag(a: &str, b: &str, name: &str) -> Flag {
    let report = flag_report(a, b);
    let mut found = report.rows.iter().flat_map(|r| r.flags.iter()).filter(|f| f.name == name);
    let f = found.next().unwrap_or_else(|| panic!("no {name} flag"));
    f.clone()
}

pub(super) const PORT: &str = "About 1,200 dock workers at the Kessel Quay terminal walked off the job on Wednesday.";
