//! The shape of the source tree (issue 23): no file over 600 lines before
//! its tests, no import circle among the modules of any folder (the crate's
//! top-level modules included), and renderers that read only the report
//! model. Reads `src/` as text: a module's dependencies are the `crate::`
//! and `super::` paths its code (not its comments, not its tests) names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines a source file may have before its `#[cfg(test)]` tests.
const MAX_LINES: usize = 600;

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// The module path of a source file: `src/quote/survey.rs` is
/// `["quote", "survey"]`, `src/quote/mod.rs` and `src/lib.rs` end at their
/// folder.
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts
}

/// The code of a file before its tests, comment lines left out.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let before = text.split("#[cfg(test)]").next().unwrap_or("");
    before.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The modules a file's code names through `crate::` and `super::` paths
/// (the longest known module prefix of each path).
fn dependencies(module: &[String], code: &str, known: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut deps = BTreeSet::new();
    for anchor in ["crate::", "super::"] {
        for (at, _) in code.match_indices(anchor) {
            if code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[at + anchor.len()..];
            let mut path: Vec<String> = if anchor == "crate::" {
                Vec::new()
            } else {
                // `super` of `a/b.rs` and of `a/b/mod.rs` alike is `a`.
                module[..module.len().saturating_sub(1)].to_vec()
            };
            for w in rest.split("::") {
                let w: String =
                    w.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit()).collect();
                if w.is_empty() {
                    break;
                }
                path.push(w);
            }
            while !path.is_empty() && !known.contains(&path) {
                path.pop();
            }
            if !path.is_empty() && path != module {
                deps.insert(path);
            }
        }
    }
    deps
}

#[test]
fn no_file_is_over_600_lines_before_its_tests() {
    let mut over = Vec::new();
    for p in sources() {
        let text = std::fs::read_to_string(&p).unwrap();
        let lines = text.split("#[cfg(test)]").next().unwrap_or("").lines().count();
        if lines > MAX_LINES {
            over.push(format!("{} ({lines} lines)", p.display()));
        }
    }
    assert!(over.is_empty(), "over {MAX_LINES} lines before the tests: {over:?}");
}

#[test]
fn no_import_circle_among_modules() {
    let files = sources();
    let known: BTreeSet<Vec<String>> = files.iter().map(|p| module_of(p)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for p in &files {
        let m = module_of(p);
        let deps = dependencies(&m, &code(p), &known);
        edges.entry(m).or_default().extend(deps);
    }
    // For every folder (the crate root included), the graph among its
    // children: a child stands for everything inside it.
    let folders: BTreeSet<Vec<String>> =
        known.iter().filter(|m| !m.is_empty()).map(|m| m[..m.len() - 1].to_vec()).collect();
    let mut circles = Vec::new();
    for folder in &folders {
        let n = folder.len();
        let child = |m: &Vec<String>| (m.len() > n && m[..n] == folder[..]).then(|| m[n].clone());
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (m, deps) in &edges {
            let Some(a) = child(m) else { continue };
            let out = graph.entry(a.clone()).or_default();
            out.extend(deps.iter().filter_map(child).filter(|b| *b != a));
        }
        if let Some(circle) = find_circle(&graph) {
            circles.push(format!(
                "{}: {}",
                if folder.is_empty() { "crate".into() } else { folder.join("/") },
                circle.join(" -> ")
            ));
        }
    }
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

/// A circle in a directed graph, as the nodes along it (first repeated at
/// the end), if there is one.
fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        v: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(v, 1);
        stack.push(v);
        for w in graph.get(v).into_iter().flatten() {
            match state.get(w.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| *s == w).unwrap();
                    let mut circle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                    circle.push(w.clone());
                    return Some(circle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(w, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(v, 2);
        None
    }
    let mut state = BTreeMap::new();
    for v in graph.keys() {
        if !state.contains_key(v.as_str()) {
            if let Some(c) = visit(v, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_circle_finder_finds_circles() {
    let g = |pairs: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(find_circle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])).unwrap(), ["a", "b", "c", "a"]);
    assert!(find_circle(&g(&[("a", "b"), ("b", "c"), ("a", "c")])).is_none());
    let known: BTreeSet<Vec<String>> =
        [vec!["quote".to_owned()], vec!["quote".to_owned(), "words".to_owned()], vec!["findings".to_owned()]].into();
    let deps = dependencies(
        &["quote".to_owned(), "survey".to_owned()],
        "use super::words::{a, b};\nlet x = crate::findings::source_info;",
        &known,
    );
    assert_eq!(deps, [vec!["findings".to_owned()], vec!["quote".to_owned(), "words".to_owned()]].into());
}

#[test]
fn renderers_read_only_the_report_model() {
    // The quotes renderer, like the others, formats what `findings` holds.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/quotes.rs");
    let known: BTreeSet<Vec<String>> = sources().iter().map(|p| module_of(p)).collect();
    let deps = dependencies(&["report".to_owned(), "quotes".to_owned()], &code(&path), &known);
    let stages: Vec<_> = deps.iter().filter(|d| !matches!(d[0].as_str(), "findings" | "report")).collect();
    assert!(stages.is_empty(), "src/report/quotes.rs reads computing stages: {stages:?}");
}
