//! The claims gold (`tests/gold/claims-pairs.json`), shared by
//! `benches/sameclaim.rs`, `benches/quote_paraphrase.rs` and
//! `tests/it/claims_gold.rs` (included with
//! `#[path]`): its stories, judged pairs, and the story folders written from
//! ../shared exactly as `benches/claims_gold.py stories` writes them.
#![allow(dead_code)] // Each includer uses part of it.

use serde::Deserialize;
use std::path::Path;

/// The gold file.
#[derive(Debug, Deserialize)]
pub struct ClaimsGold {
    pub stories: Vec<Story>,
    pub pairs: Vec<Pair>,
}

/// A story: documents of several outlets about one event.
#[derive(Debug, Deserialize)]
pub struct Story {
    pub id: String,
    pub docs: Vec<String>,
    /// `train` (fitting) or `test` (held out).
    pub split: String,
}

/// A judged pair of sentences of two documents of one story.
#[derive(Debug, Deserialize)]
pub struct Pair {
    pub story: String,
    pub a: SentenceRef,
    pub b: SentenceRef,
    /// `same`, `related` or `different`.
    pub label: String,
}

/// A sentence by reference: document, index when judged, key of its words.
#[derive(Debug, Deserialize)]
pub struct SentenceRef {
    pub doc: String,
    pub index: usize,
    pub key: String,
}

impl ClaimsGold {
    /// Reads the gold file of the project at `root`.
    pub fn load(root: &Path) -> ClaimsGold {
        let text = std::fs::read_to_string(root.join("tests/gold/claims-pairs.json")).expect("claims gold");
        serde_json::from_str(&text).expect("claims gold parses")
    }
}

/// FNV-1a 64 of the first eight lower-cased alphanumeric words, as
/// `tests/gold/README.md` defines a sentence key.
pub fn key(sentence: &str) -> String {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(8).collect();
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in words.join(" ").as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The sentence of `texts` with this key, the one nearest `index` when
/// several share it; `None` when the splitter no longer makes it.
pub fn find_sentence(texts: &[&str], k: &str, index: usize) -> Option<usize> {
    (0..texts.len()).filter(|&i| key(texts[i]) == k).min_by_key(|&i| i.abs_diff(index))
}

/// The file a document is written to in its story folder.
pub fn file_name(doc: &str) -> String {
    let (kind, id) = doc.split_once(':').expect("kind:id");
    if kind == "data" {
        return Path::new(id).file_name().unwrap().to_string_lossy().into_owned();
    }
    let safe: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || "_.-".contains(c) { c } else { '_' }).take(80).collect();
    format!("{safe}.txt")
}

#[derive(Deserialize)]
struct EcbSubtopic {
    docs: Vec<EcbDoc>,
}

#[derive(Deserialize)]
struct EcbDoc {
    doc_id: String,
    title: String,
    text: String,
}

#[derive(Deserialize)]
struct PolDoc {
    doc_id: String,
    publisher: String,
    date: String,
    text: String,
}

/// Writes one folder of articles per story under `out` (folder names with
/// `:` as `_`), from the ECB+ and PolNeAR files in `shared` and the
/// project's `data/` under `root`.
pub fn write_stories(g: &ClaimsGold, shared: &Path, root: &Path, out: &Path) {
    let mut docs: std::collections::HashMap<String, String> = Default::default();
    let ecb = std::fs::read_to_string(shared.join("bench/ecbplus/subtopics.jsonl")).expect("ECB+");
    for line in ecb.lines().filter(|l| !l.trim().is_empty()) {
        let st: EcbSubtopic = serde_json::from_str(line).expect("ECB+ line");
        for d in st.docs {
            docs.insert(format!("ecb:{}", d.doc_id), article_file(&d.doc_id, "", &d.title, &d.text));
        }
    }
    for part in ["train", "dev"] {
        let pol = std::fs::read_to_string(shared.join(format!("bench/polnear/{part}.jsonl"))).expect("PolNeAR");
        for line in pol.lines().filter(|l| !l.trim().is_empty()) {
            let d: PolDoc = serde_json::from_str(line).expect("PolNeAR line");
            docs.entry(format!("pol:{}", d.doc_id)).or_insert_with(|| article_file(&d.publisher, &d.date, "", &d.text));
        }
    }
    for st in &g.stories {
        let dir = out.join(st.id.replace(':', "_"));
        std::fs::create_dir_all(&dir).unwrap();
        for doc in &st.docs {
            let target = dir.join(file_name(doc));
            match doc.split_once(':') {
                Some(("data", path)) => std::fs::copy(root.join(path), target).map(|_| ()).unwrap(),
                _ => std::fs::write(target, &docs[doc]).unwrap(),
            }
        }
    }
}

/// Front matter (outlet, date, title), a blank line, the text.
fn article_file(outlet: &str, date: &str, title: &str, text: &str) -> String {
    let mut head = vec![format!("outlet: {outlet}")];
    if !date.is_empty() {
        head.push(format!("date: {date}"));
    }
    if !title.is_empty() {
        head.push(format!("title: {}", title.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    format!("---\n{}\n---\n\n{}\n", head.join("\n"), text.trim())
}

/// A story folder's articles, cleaned, in file-name order, with the file
/// names.
pub fn load_story(folder: &Path) -> (Vec<String>, Vec<claimdiff::article::Article>) {
    use claimdiff::article::load::{self, LoadOptions};
    let mut files: Vec<std::path::PathBuf> =
        std::fs::read_dir(folder).expect("story folder").map(|e| e.unwrap().path()).collect();
    files.sort();
    let names = files.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let articles = files
        .iter()
        .map(|p| {
            let raw = load::load_path(p, LoadOptions::default()).expect("loads").remove(0);
            claimdiff::article::clean::clean(raw).expect("cleans")
        })
        .collect();
    (names, articles)
}
