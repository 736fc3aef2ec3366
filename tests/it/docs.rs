//! The docs say what the tool does: examples in README.md and
//! data/harbour-strike/README.md are checked against the binary, so they
//! cannot drift.

use crate::util::*;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(claimdiff().args(args).output().unwrap().stdout).unwrap()
}

fn stderr(args: &[&str]) -> String {
    String::from_utf8(claimdiff().args(args).output().unwrap().stderr).unwrap()
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
fn readme_examples_match_the_tool() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    // Every --verbose line the README shows is one the tool prints.
    for line in readme.lines().filter(|l| l.starts_with("claimdiff: data/") && l.contains(": dropped (")) {
        let path = line["claimdiff: ".len()..].split(':').next().unwrap();
        let printed = stderr(&["split", "-v", path]);
        assert!(printed.lines().any(|p| p == line), "README shows a line the tool does not print:\n{line}");
    }
    // The JSON example's sentence count for the sample article.
    let herald = stdout(&["split", HERALD]).lines().count();
    assert!(readme.contains(&format!("\"path\": \"{HERALD}\", \"sentences\": {herald}}}")), "README JSON example");
}

/// Whether `line` matches `pattern`, where `...` in the pattern stands for
/// any text.
fn matches_elided(pattern: &str, line: &str) -> bool {
    let parts: Vec<&str> = pattern.split("...").collect();
    let mut rest = line;
    for (i, part) in parts.iter().enumerate() {
        let part = if i == 0 { part.trim_end() } else { part.trim() };
        match rest.find(part) {
            Some(at) if i > 0 || at == 0 => rest = &rest[at + part.len()..],
            _ => return false,
        }
    }
    parts.len() == 1 && rest.is_empty() || parts.last().is_some_and(|p| line.ends_with(p.trim()))
}

#[test]
fn readme_quotes_example_matches_the_tool() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start =
        readme.find("```\nCoastal Herald (data/harbour-strike/coastal-herald.txt):").expect("the quotes example");
    let example: Vec<&str> = readme[start + 4..].lines().take_while(|l| !l.starts_with("```")).collect();
    let printed = stdout(&["quotes", DIR]);
    let printed: Vec<&str> = printed.lines().collect();
    for (i, want) in example.iter().enumerate() {
        assert!(
            matches_elided(want, printed[i]),
            "README quotes example line {i}:\n{want}\nthe tool prints:\n{}",
            printed[i]
        );
    }
}
