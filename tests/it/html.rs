//! End-to-end tests of `compare --format html`: the binary writes one
//! self-contained page, pairwise for two articles and a claims page (with
//! the coverage matrix) for a folder.

use crate::util::*;

fn run(args: &[&str]) -> Vec<u8> {
    let out = claimdiff().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// The articles' own URLs, from the JSON report of the same inputs.
fn source_urls(args: &[&str]) -> Vec<String> {
    let mut all = vec!["compare", "--format", "json"];
    all.extend_from_slice(args);
    let v: serde_json::Value = serde_json::from_slice(&run(&all)).unwrap();
    v["sources"].as_array().unwrap().iter().filter_map(|s| s["url"].as_str()).map(str::to_owned).collect()
}

/// Asserts that `html` refers to no outside resource: every `http` in it
/// belongs to one of the articles' URLs, shown as table text.
fn assert_self_contained(html: &str, urls: &[String]) {
    let mut rest = html.to_owned();
    for url in urls {
        let shown = format!("<td>{}</td>", url.replace('&', "&amp;"));
        assert!(rest.contains(&shown), "{url} is not shown as text");
        rest = rest.replace(&shown, "");
    }
    let lower = rest.to_lowercase();
    assert!(!lower.contains("http"), "an outside reference remains");
    for tag in ["<link", "<img", "<iframe", "src=", "@import", "url("] {
        assert!(!lower.contains(tag), "found {tag}");
    }
}

#[test]
fn pairwise_html_is_written_to_a_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = run(&["compare", "--format", "html", "-o", path.to_str().unwrap(), HERALD, LEDGER]);
    assert!(out.is_empty(), "with -o nothing goes to stdout");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The page opens with the ranked findings, the altered quote first.
    let top = html.find("Most consequential differences").expect("highlights section");
    assert!(html[top..]
        .find("quote_altered")
        .is_some_and(|q| q < html[top..].find("number_changed").unwrap_or(usize::MAX)));
    assert!(html.trim_end().ends_with("</html>"));
    let urls = source_urls(&[HERALD, LEDGER]);
    assert_eq!(urls.len(), 2);
    assert_self_contained(&html, &urls);
    assert!(html.contains("<table class=\"rows\">"));
    assert!(html.contains("<del>") && html.contains("<ins>"));
}

#[test]
fn folder_html_is_a_claims_page_with_a_matrix() {
    let html = String::from_utf8(run(&["compare", "--format", "html", DIR])).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let start = html.find("<table class=\"matrix\">").expect("a matrix table");
    let matrix = &html[start..start + html[start..].find("</table>").unwrap()];
    // The Northport Times file has no front matter, so its file stem names it.
    for outlet in ["Coastal Herald", "Meridian Wire", "northport-times", "The Daily Ledger"] {
        assert!(matrix.contains(outlet), "no column for {outlet}");
    }
    assert!(matrix.contains("<td class=\"yes\">"));
    assert!(html.contains("Hint, not proof"));
    assert_self_contained(&html, &source_urls(&[DIR]));
}
