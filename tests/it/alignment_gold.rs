//! Alignment quality against labelled golds: the sample story in `data/`
//! (sentence texts in `data/harbour-strike/gold.json`) and pairs of the real
//! seed articles (`tests/gold/seeds-alignment.json`, which stores only hashes
//! of each sentence's first words: the seed text is not ours to copy).
//!
//! Each gold match contributes all its (sentence of A, sentence of B) pairs;
//! precision and recall are over those pairs. The floors below are what the
//! aligner reaches today, so a change that makes alignment worse fails here.
//! `CLAIMDIFF_GOLD_DEBUG=1 cargo test --test it alignment_gold -- --nocapture`
//! also prints every gold pair's score and every extra or missed link.

use crate::util::gold_key;
use claimdiff::align::align_pair;
use claimdiff::article::{clean, load};
use claimdiff::config::MatchConfig;
use claimdiff::corpus::Corpus;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

#[derive(Default, Debug)]
struct Tally {
    tp: usize,
    n_ours: usize,
    n_gold: usize,
    unique_ok: usize,
    unique_gold: usize,
    missing: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.tp as f64 / self.n_ours.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / self.n_gold.max(1) as f64
    }
}

/// How a gold entry names a sentence.
#[derive(Clone, Copy)]
enum GoldForm {
    /// The sentence's text; it stands for every sentence of ours inside it
    /// (our splitter may cut a quotation where the gold writer did not), or
    /// the one of ours that holds it.
    Text,
    /// The key of the sentence's first words (`key`), or `{"hash": ...}`.
    Key,
}

/// Aligns `a` and `b` and scores the links against gold pairs.
fn evaluate(a: &Path, b: &Path, gold: &Value, form: GoldForm, tally: &mut Tally) -> String {
    let articles = [a, b]
        .iter()
        .map(|p| clean::clean(load::load_path(p, load::LoadOptions::default()).unwrap().remove(0)).unwrap())
        .collect();
    let corpus = Corpus::build(articles);
    let al = align_pair(&corpus, 0, 1, &MatchConfig::default());
    let keys = |d: usize| -> HashMap<String, usize> {
        corpus.docs[d].sentences.iter().map(|s| (gold_key(&s.text, 8), s.idx)).collect()
    };
    let (ka, kb) = (keys(0), keys(1));
    let mut missing = 0;
    let mut locate = |d: usize, v: &Value| -> Vec<usize> {
        let found: Vec<usize> = match form {
            GoldForm::Text => {
                let gold_text = v.as_str().unwrap();
                // Segmentations may differ either way: a gold sentence may
                // hold several of ours, or one of ours several gold ones.
                corpus.docs[d]
                    .sentences
                    .iter()
                    .filter(|s| gold_text.contains(s.text.as_str()) || s.text.contains(gold_text))
                    .map(|s| s.idx)
                    .collect()
            }
            GoldForm::Key => {
                let k = match v {
                    Value::String(s) => s.clone(),
                    other => other["hash"].as_str().unwrap().to_owned(),
                };
                [&ka, &kb][d].get(&k).copied().into_iter().collect()
            }
        };
        if found.is_empty() {
            missing += 1;
        }
        found
    };
    let mut gold_pairs = BTreeSet::new();
    for m in gold["matches"].as_array().unwrap() {
        let ia: Vec<usize> = m["a"].as_array().unwrap().iter().flat_map(|v| locate(0, v)).collect();
        let ib: Vec<usize> = m["b"].as_array().unwrap().iter().flat_map(|v| locate(1, v)).collect();
        if ia.is_empty() || ib.is_empty() {
            tally.n_gold += 1; // A gold link we cannot even locate is a miss.
        }
        for &i in &ia {
            for &j in &ib {
                gold_pairs.insert((i, j));
            }
        }
    }
    if std::env::var_os("CLAIMDIFF_GOLD_DEBUG").is_some() {
        for &(i, j) in &gold_pairs {
            let sc = claimdiff::align::score_groups(&corpus, 0, &[i], 1, &[j]);
            eprintln!("gold {i}-{j}: total {:.3} jac {:.2} cont {:.2} cov {:.2}/{:.2} chars {:.2} edit {:.2} es {:.2} big {:.2} lr {:.2} num {} uns {}", sc.total, sc.jaccard, sc.containment, sc.covered_a, sc.covered_b, sc.chars, sc.edit, sc.edit_sorted, sc.bigrams, sc.length_ratio, sc.numbers_differ, sc.unshared);
        }
    }
    let ours: BTreeSet<(usize, usize)> =
        al.links.iter().flat_map(|l| l.a.iter().flat_map(|&i| l.b.iter().map(move |&j| (i, j)))).collect();
    let tp = ours.intersection(&gold_pairs).count();
    if std::env::var_os("CLAIMDIFF_GOLD_DEBUG").is_some() {
        let text = |d: usize, i: usize| corpus.docs[d].sentences[i].text.chars().take(90).collect::<String>();
        for &(i, j) in ours.difference(&gold_pairs) {
            eprintln!("extra {i}-{j}: {} || {}", text(0, i), text(1, j));
        }
        for &(i, j) in gold_pairs.difference(&ours) {
            eprintln!("missed {i}-{j}: {} || {}", text(0, i), text(1, j));
        }
    }
    let only_a: BTreeSet<usize> = al.only_a.iter().map(|u| u.idx).collect();
    let only_b: BTreeSet<usize> = al.only_b.iter().map(|u| u.idx).collect();
    let (mut unique_ok, mut unique_gold) = (0, 0);
    for (d, field, ours_unique) in [(0, "only_a", &only_a), (1, "only_b", &only_b)] {
        for v in gold[field].as_array().unwrap() {
            for i in locate(d, v) {
                unique_gold += 1;
                if ours_unique.contains(&i) {
                    unique_ok += 1;
                }
            }
        }
    }
    tally.tp += tp;
    tally.n_ours += ours.len();
    tally.n_gold += gold_pairs.len();
    tally.unique_ok += unique_ok;
    tally.unique_gold += unique_gold;
    tally.missing += missing;
    format!(
        "{} vs {}: {tp} of {} links right, {} gold links, {unique_ok}/{unique_gold} unique sentences found, {missing} gold sentences not found by segmentation",
        a.file_name().unwrap().to_string_lossy(),
        b.file_name().unwrap().to_string_lossy(),
        ours.len(),
        gold_pairs.len()
    )
}

fn report(name: &str, t: &Tally, lines: &[String]) {
    for l in lines {
        eprintln!("{name}: {l}");
    }
    eprintln!(
        "{name}: precision {:.3}, recall {:.3}, unique-sentence recall {:.3}, unlocated {}",
        t.precision(),
        t.recall(),
        t.unique_ok as f64 / t.unique_gold.max(1) as f64,
        t.missing
    );
}

#[test]
fn sample_story_alignment_matches_gold() {
    let dir = PathBuf::from("data/harbour-strike");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let mut tally = Tally::default();
    let mut lines = Vec::new();
    for pair in gold["pairs"].as_array().unwrap() {
        let (a, b) = (dir.join(pair["a"].as_str().unwrap()), dir.join(pair["b"].as_str().unwrap()));
        lines.push(evaluate(&a, &b, pair, GoldForm::Text, &mut tally));
    }
    report("data", &tally, &lines);
    assert!(tally.precision() >= 0.97, "precision {:.3}", tally.precision());
    assert!(tally.recall() >= 0.88, "recall {:.3}", tally.recall());
}

#[test]
fn seed_alignment_matches_gold() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the seed alignment gold");
        return;
    };
    let seeds = PathBuf::from(shared).join("seeds");
    let gold: Value = serde_json::from_str(include_str!("../gold/seeds-alignment.json")).unwrap();
    let mut tally = Tally::default();
    let mut lines = Vec::new();
    for pair in gold["pairs"].as_array().unwrap() {
        let (a, b) = (seeds.join(pair["a"].as_str().unwrap()), seeds.join(pair["b"].as_str().unwrap()));
        lines.push(evaluate(&a, &b, pair, GoldForm::Key, &mut tally));
    }
    report("seeds", &tally, &lines);
    assert!(tally.precision() >= 0.9, "precision {:.3}", tally.precision());
    assert!(tally.recall() >= 0.15, "recall {:.3}", tally.recall());
}
