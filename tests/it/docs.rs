//! The docs say what the tool does: every `console` example of README.md
//! is run by trycmd and compared with its output, and the sample's table in
//! data/harbour-strike/README.md is checked against the binary, so they
//! cannot drift.

use crate::util::*;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(claimdiff().args(args).output().unwrap().stdout).unwrap()
}

#[test]
fn the_sample_table_matches_the_tool() {
    let readme = std::fs::read_to_string("data/harbour-strike/README.md").unwrap();
    let rows: Vec<Vec<&str>> = readme
        .lines()
        .filter(|l| l.starts_with("| `") && l.contains(".txt`"))
        .map(|l| l.split('|').map(str::trim).collect())
        .collect();
    assert_eq!(rows.len(), 4, "four articles in the table");
    for cols in rows {
        let file = cols[1].split('`').nth(1).unwrap();
        let path = format!("{DIR}/{file}");
        let sentences = stdout(&["split", &path]).lines().count();
        assert_eq!(cols[5], sentences.to_string(), "{file}: sentences");
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["compare", "--lexical", "--format", "json", &path, HERALD])).unwrap();
        assert_eq!(json["sources"][0]["outlet"], cols[2], "{file}: outlet");
        assert_eq!(json["sources"][0]["date"], cols[3], "{file}: date");
    }
}

#[test]
fn readme_json_sketch_matches_the_tool() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    // The JSON example (a sketch, not run as a console example): the
    // sentence count it gives for the sample article.
    let herald = stdout(&["split", HERALD]).lines().count();
    assert!(readme.contains(&format!("\"path\": \"{HERALD}\", \"sentences\": {herald}}}")), "README JSON example");
}

/// Every `console` block of README.md is run and its output compared
/// (`...` stands for lines left out, `[..]` for the rest of a line):
/// the README's examples are the tool's output. After an intended change,
/// `TRYCMD=overwrite cargo test --test it readme_console` rewrites them.
#[test]
fn readme_console_examples() {
    trycmd::TestCases::new()
        .register_bin("claimdiff", std::path::PathBuf::from(env!("CARGO_BIN_EXE_claimdiff")))
        .env("NO_COLOR", "1")
        .case("README.md");
}
