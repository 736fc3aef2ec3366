//! Derivation (`check`'s reuse labels and score) on labelled and real data.
//!
//! - `data/reuse`: the sample (an agency file and three stories built from
//!   it) against the labels in `data/reuse/labels.json`: sentence agreement,
//!   the reuse score of each story.
//! - `data/harbour-strike`: the Coastal Herald against the Meridian Wire,
//!   with `gold.json`'s (A,B) alignment as the truth of which Herald
//!   sentences the wire carries: F1 of `new` against the gold's `only_a`.
//! - ECB+ (`$CLAIMDIFF_SHARED/bench/ecbplus`, real articles; read there,
//!   never copied): every article that has near-copies in its subtopic
//!   serves as the "wire"; its near-copies (word-trigram containment of
//!   the story in the wire >= 0.5, not identical) are derived stories; the
//!   same subtopic's articles sharing almost no trigrams with it (< 0.05:
//!   the same event, written independently) and the other subtopic's
//!   articles of the same topic (a similar event) are independent ones.
//!   Reported: the AUC of the reuse score, derived vs each kind of
//!   independent story, beside the same AUC for word-trigram containment
//!   and for the share of story words found in the wire. The labels come
//!   from containment, so containment separates them by construction: the
//!   question these numbers answer is whether the reuse score keeps that
//!   separation while it also credits reworded copy.
//!
//! Run: `CLAIMDIFF_SHARED=../shared cargo bench --bench reuse`.
//! `CLAIMDIFF_REUSE_DUMP=path.tsv` writes every sentence's evidence;
//! `CLAIMDIFF_REUSE_LEXICAL=1` runs without the sentence encoder.

use claimdiff::align;
use claimdiff::article::Article;
use claimdiff::config::MatchConfig;
use claimdiff::corpus::{Corpus, Scorer};
use claimdiff::derive::{self, DeriveConfig, Label, SentenceDerivation};
use claimdiff::semantic::{self, Encoder};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Sentence vectors computed once per text, shared by every corpus.
struct Vectors<'a> {
    /// `None` scores lexically (`CLAIMDIFF_REUSE_LEXICAL=1`).
    encoder: Option<&'a Encoder>,
    cache: HashMap<String, Vec<f32>>,
}

impl Vectors<'_> {
    fn fill(&mut self, corpus: &mut Corpus) {
        let Some(encoder) = self.encoder else { return };
        let missing: Vec<String> = corpus
            .docs
            .iter()
            .flat_map(|d| d.sentences.iter().map(|s| s.text.clone()))
            .filter(|t| !self.cache.contains_key(t))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if !missing.is_empty() {
            let refs: Vec<&str> = missing.iter().map(String::as_str).collect();
            let v = encoder.embed(&refs);
            for (t, chunk) in missing.into_iter().zip(v.chunks_exact(encoder.dim())) {
                self.cache.insert(t, chunk.to_vec());
            }
        }
        for d in &mut corpus.docs {
            for s in &mut d.sentences {
                s.profile.vector = self.cache[&s.text].clone();
            }
        }
        corpus.scorer = Scorer::Semantic(encoder.name().to_owned());
    }
}

fn derive_one(vectors: &mut Vectors, story: &Article, refs: &[&Article]) -> Vec<SentenceDerivation> {
    derive_and_align(vectors, story, refs).0
}

/// The derivation, and which story sentences the pairwise alignment links
/// to some reference (how `check` decided `unsupported` before the
/// derivation: the "before" column).
fn derive_and_align(vectors: &mut Vectors, story: &Article, refs: &[&Article]) -> (Vec<SentenceDerivation>, Vec<bool>) {
    let mut articles = vec![story.clone()];
    articles.extend(refs.iter().map(|a| (*a).clone()));
    let mut corpus = Corpus::build(articles);
    vectors.fill(&mut corpus);
    let ids: Vec<usize> = (1..corpus.docs.len()).collect();
    let d = derive::derive(&corpus, 0, &ids, &DeriveConfig::default());
    let mut aligned = vec![false; d.len()];
    for &r in &ids {
        for link in align::align_pair(&corpus, 0, r, &MatchConfig::default()).links {
            for i in link.a {
                aligned[i] = true;
            }
        }
    }
    (d, aligned)
}

/// Share of the story's words in aligned sentences.
fn aligned_share(d: &[SentenceDerivation], aligned: &[bool]) -> f32 {
    let total: usize = d.iter().map(|s| s.words).sum();
    d.iter().zip(aligned).filter(|(_, a)| **a).map(|(s, _)| s.words).sum::<usize>() as f32 / total.max(1) as f32
}

fn dump_rows(out: &mut String, set: &str, story: &str, gold: &[&str], d: &[SentenceDerivation]) {
    for (s, g) in d.iter().zip(gold.iter().copied().chain(std::iter::repeat(""))) {
        let e = &s.evidence;
        out.push_str(&format!(
            "{set}\t{story}\t{}\t{}\t{g}\t{}\t{:.4}\t{}\t{:.4}\t{:.4}\t{:.4}\n",
            s.index,
            s.words,
            s.label.as_str(),
            e.containment,
            e.longest_run,
            e.best_score,
            e.coverage,
            e.merged_score
        ));
    }
}

/// Area under the ROC curve of `pos` over `neg` (ties count half).
fn auc(pos: &[f32], neg: &[f32]) -> f64 {
    if pos.is_empty() || neg.is_empty() {
        return f64::NAN;
    }
    let mut wins = 0.0;
    for p in pos {
        for n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

/// Lower-cased alphanumeric words (the baselines' tokens).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Share of the story's word trigrams found in the reference.
fn trigram_containment(story: &[String], reference: &[String]) -> f32 {
    let tri = |w: &[String]| -> HashSet<String> { w.windows(3).map(|t| t.join(" ")).collect() };
    let (s, r) = (tri(story), tri(reference));
    if s.is_empty() {
        return 0.0;
    }
    s.intersection(&r).count() as f32 / s.len() as f32
}

/// Share of the story's word tokens that occur in the reference.
fn shared_words(story: &[String], reference: &[String]) -> f32 {
    let r: HashSet<&String> = reference.iter().collect();
    story.iter().filter(|w| r.contains(w)).count() as f32 / story.len().max(1) as f32
}

fn sample(vectors: &mut Vectors, dump: &mut String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reuse");
    let labels: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("labels.json")).unwrap()).unwrap();
    let wire = article(&root.join(labels["wire"].as_str().unwrap()));
    println!("sample (data/reuse): story, derived, reuse score, verbatim/rewritten/new shares, agreement with labels");
    let (mut agree, mut total) = (0, 0);
    for s in labels["stories"].as_array().unwrap() {
        let story = article(&root.join(s["file"].as_str().unwrap()));
        let d = derive_one(vectors, &story, &[&wire]);
        let gold: Vec<&str> = s["labels"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
        let ok = d.iter().zip(&gold).filter(|(x, g)| x.label.as_str() == **g).count();
        agree += ok;
        total += gold.len();
        let r = derive::reuse(&d);
        println!(
            "  {:<32} {:<7} {:.3}  {:.2}/{:.2}/{:.2}  {ok}/{}",
            s["file"].as_str().unwrap(),
            s["derived"].as_str().unwrap(),
            r.score,
            r.verbatim,
            r.rewritten,
            r.new,
            gold.len()
        );
        for (x, g) in d.iter().zip(&gold) {
            if x.label.as_str() != *g {
                println!("    #{} labelled {g}, derived {} {:?}", x.index, x.label.as_str(), x.evidence);
            }
        }
        dump_rows(dump, "sample", s["file"].as_str().unwrap(), &gold, &d);
    }
    println!("  agreement {agree}/{total} = {:.3}", agree as f64 / total as f64);
}

fn article(path: &Path) -> Article {
    let text = std::fs::read_to_string(path).unwrap();
    let stem = path.file_stem().unwrap().to_string_lossy();
    Article::from_text(&stem, &text).unwrap()
}

/// F1 of `new` against a set of sentences known to be added.
fn f1_new(d: &[SentenceDerivation], added: &[bool]) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (s, &a) in d.iter().zip(added) {
        match (s.label == Label::New, a) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    (tp, fp, fn_)
}

fn harbour(vectors: &mut Vectors, dump: &mut String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/harbour-strike");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("gold.json")).unwrap()).unwrap();
    let pair = gold["pairs"].as_array().unwrap().iter().find(|p| p["b"] == "meridian-wire.txt").unwrap();
    let only_a: HashSet<&str> = pair["only_a"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    let story = article(&root.join("coastal-herald.txt"));
    let wire = article(&root.join("meridian-wire.txt"));
    let d = derive_one(vectors, &story, &[&wire]);
    let corpus = Corpus::build(vec![story]);
    let added: Vec<bool> = corpus.docs[0].sentences.iter().map(|s| only_a.contains(s.text.as_str())).collect();
    let (tp, fp, fn_) = f1_new(&d, &added);
    let gold_labels: Vec<&str> = added.iter().map(|&a| if a { "new" } else { "derived" }).collect();
    dump_rows(dump, "harbour", "coastal-herald", &gold_labels, &d);
    let r = derive::reuse(&d);
    println!(
        "harbour-strike: Coastal Herald vs Meridian Wire: reuse {:.3} ({:.2}/{:.2}/{:.2}); new vs gold only_a: tp {tp} fp {fp} fn {fn_}, F1 {:.3}",
        r.score,
        r.verbatim,
        r.rewritten,
        r.new,
        2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64
    );
    for ((s, a), t) in d.iter().zip(&added).zip(&corpus.docs[0].sentences) {
        if (s.label == Label::New) != *a {
            println!(
                "    #{} gold {} derived {} {:?} {}",
                s.index,
                if *a { "new" } else { "carried" },
                s.label.as_str(),
                s.evidence,
                t.text
            );
        }
    }
}

struct EcbDoc {
    subtopic: String,
    topic: u64,
    id: String,
    words: Vec<String>,
    article: Article,
}

fn ecbplus(vectors: &mut Vectors, shared: &Path, dump: &mut String) {
    let text = std::fs::read_to_string(shared.join("bench/ecbplus/subtopics.jsonl")).expect("ECB+ is readable");
    let mut docs: Vec<EcbDoc> = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for d in v["docs"].as_array().unwrap() {
            let body = d["text"].as_str().unwrap();
            let id = d["doc_id"].as_str().unwrap().to_owned();
            let Ok(article) = Article::from_text(&id, body) else { continue };
            docs.push(EcbDoc {
                subtopic: v["subtopic"].as_str().unwrap().to_owned(),
                topic: v["topic"].as_u64().unwrap(),
                id,
                words: words(body),
                article,
            });
        }
    }
    hand_labelled(vectors, &docs, dump);
    // (kind, reuse, trigram containment, shared words, verbatim share,
    // rewritten share, aligned share)
    let mut rows: Vec<(&str, f32, f32, f32, f32, f32, f32)> = Vec::new();
    let mut n_sentences = 0usize;
    for (w, wire) in docs.iter().enumerate() {
        let containment = |s: usize| trigram_containment(&docs[s].words, &wire.words);
        let same: Vec<usize> = (0..docs.len()).filter(|&s| s != w && docs[s].subtopic == wire.subtopic).collect();
        let copies: Vec<usize> = same.iter().copied().filter(|&s| (0.5..0.95).contains(&containment(s))).collect();
        if copies.is_empty() {
            continue;
        }
        let partial: Vec<usize> = same.iter().copied().filter(|&s| (0.15..0.5).contains(&containment(s))).collect();
        let same_event: Vec<usize> = same.iter().copied().filter(|&s| containment(s) < 0.05).collect();
        let similar_event: Vec<usize> =
            (0..docs.len()).filter(|&s| docs[s].topic == wire.topic && docs[s].subtopic != wire.subtopic).collect();
        for (kind, stories) in [
            ("derived", &copies),
            ("partial", &partial),
            ("same_event", &same_event),
            ("similar_event", &similar_event),
        ] {
            for &s in stories.iter() {
                let (d, aligned) = derive_and_align(vectors, &docs[s].article, &[&wire.article]);
                n_sentences += d.len();
                dump_rows(dump, &format!("ecb_{kind}"), &format!("{}<{}", docs[s].id, wire.id), &[], &d);
                let r = derive::reuse(&d);
                rows.push((
                    kind,
                    r.score,
                    containment(s),
                    shared_words(&docs[s].words, &wire.words),
                    r.verbatim,
                    r.rewritten,
                    aligned_share(&d, &aligned),
                ));
            }
        }
    }
    type Row<'a> = (&'a str, f32, f32, f32, f32, f32, f32);
    let col = |kinds: &[&str], f: fn(&Row) -> f32| -> Vec<f32> {
        rows.iter().filter(|r| kinds.contains(&r.0)).map(f).collect()
    };
    println!("ECB+ ({n_sentences} story sentences): AUC of derived vs independent stories");
    println!(
        "  {:<28} {:<14} {:>5} {:>6} {:>7} {:>9} {:>8}",
        "derived", "independent", "pos", "neg", "reuse", "trigrams", "words"
    );
    for (pos, neg) in [
        (&["derived"][..], "same_event"),
        (&["derived"][..], "similar_event"),
        (&["derived", "partial"][..], "same_event"),
        (&["partial"][..], "same_event"),
    ] {
        println!(
            "  {:<28} {neg:<14} {:>5} {:>6} {:>7.3} {:>9.3} {:>8.3} {:>8.3}",
            pos.join("+"),
            col(pos, |r| r.1).len(),
            col(&[neg], |r| r.1).len(),
            auc(&col(pos, |r| r.1), &col(&[neg], |r| r.1)),
            auc(&col(pos, |r| r.2), &col(&[neg], |r| r.2)),
            auc(&col(pos, |r| r.3), &col(&[neg], |r| r.3)),
            auc(&col(pos, |r| r.6), &col(&[neg], |r| r.6)),
        );
    }
    let mean = |v: Vec<f32>| v.iter().sum::<f32>() / v.len().max(1) as f32;
    println!("  {:<14} {:>7} {:>9} {:>10} {:>7}", "stories", "reuse", "verbatim", "rewritten", "(means)");
    for kind in ["derived", "partial", "same_event", "similar_event"] {
        println!(
            "  {kind:<14} {:>7.3} {:>9.3} {:>10.3}",
            mean(col(&[kind], |r| r.1)),
            mean(col(&[kind], |r| r.4)),
            mean(col(&[kind], |r| r.5))
        );
    }
}

/// The hand-labelled ECB+ pairs (`benches/data/ecbplus-derivation.json`):
/// agreement per label and F1 of `new`, beside the best cut-off on
/// sentence trigram containment alone.
fn hand_labelled(vectors: &mut Vectors, docs: &[EcbDoc], dump: &mut String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/ecbplus-derivation.json");
    let labels: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let find = |id: &str| docs.iter().find(|d| d.id == id).expect("labelled doc is in ECB+");
    let mut confusion: HashMap<(String, &str), usize> = HashMap::new();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut before = (0, 0, 0);
    // (containment, is new) for the baseline
    let mut base: Vec<(f32, bool)> = Vec::new();
    for p in labels["pairs"].as_array().unwrap() {
        let (story, reference) = (find(p["story"].as_str().unwrap()), find(p["ref"].as_str().unwrap()));
        let (d, aligned) = derive_and_align(vectors, &story.article, &[&reference.article]);
        let gold: Vec<Option<&str>> = p["labels"].as_array().unwrap().iter().map(|l| l.as_str()).collect();
        assert_eq!(gold.len(), d.len(), "{}: the segmenter changed; relabel", story.id);
        let gold_str: Vec<&str> = gold.iter().map(|g| g.unwrap_or("")).collect();
        dump_rows(dump, "ecb_hand", &format!("{}<{}", story.id, reference.id), &gold_str, &d);
        for (s, g) in d.iter().zip(&gold) {
            let Some(g) = g else { continue };
            *confusion.entry((g.to_string(), s.label.as_str())).or_default() += 1;
            match (s.label == Label::New, *g == "new") {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
            base.push((s.evidence.containment, *g == "new"));
            match (!aligned[s.index], *g == "new") {
                (true, true) => before.0 += 1,
                (true, false) => before.1 += 1,
                (false, true) => before.2 += 1,
                _ => {}
            }
        }
    }
    let n: usize = confusion.values().sum();
    let agree: usize = confusion.iter().filter(|(k, _)| k.0 == k.1).map(|(_, v)| v).sum();
    println!(
        "ECB+ hand-labelled ({} pairs, {n} sentences): agreement {:.3}",
        labels["pairs"].as_array().unwrap().len(),
        agree as f64 / n as f64
    );
    for g in ["verbatim", "rewritten", "new"] {
        let row: Vec<String> = ["verbatim", "rewritten", "new"]
            .iter()
            .map(|l| format!("{:>4}", confusion.get(&(g.to_string(), *l)).copied().unwrap_or(0)))
            .collect();
        println!("  gold {g:<9} -> derived verbatim/rewritten/new {}", row.join(""));
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    let mut best = (0.0, 0.0);
    for t in (1..100).map(|t| t as f32 / 100.0) {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for &(c, is_new) in &base {
            match (c < t, is_new) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        if f1(tp, fp, fn_) > best.1 {
            best = (t, f1(tp, fp, fn_));
        }
    }
    println!(
        "  F1 of new: {:.3} (tp {tp} fp {fp} fn {fn_}); trigram containment alone, best cut-off {:.2} (chosen on these labels): {:.3}",
        f1(tp, fp, fn_),
        best.0,
        best.1
    );
    println!(
        "  before the derivation (unsupported = no aligned partner): F1 {:.3} (tp {} fp {} fn {})",
        f1(before.0, before.1, before.2),
        before.0,
        before.1,
        before.2
    );
}

fn main() {
    let model = std::env::var_os(semantic::MODEL_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(semantic::MODEL_NAME));
    let encoder = Encoder::load(&model).expect("the model loads");
    let lexical = std::env::var_os("CLAIMDIFF_REUSE_LEXICAL").is_some_and(|v| v == "1");
    println!("scorer: {}", if lexical { "lexical" } else { "semantic" });
    let mut vectors = Vectors { encoder: (!lexical).then_some(&encoder), cache: HashMap::new() };
    let mut dump = String::from(
        "set\tstory\tindex\twords\tgold\tlabel\tcontainment\tlongest_run\tbest_score\tcoverage\tmerged_score\n",
    );
    sample(&mut vectors, &mut dump);
    harbour(&mut vectors, &mut dump);
    match std::env::var_os("CLAIMDIFF_SHARED") {
        Some(shared) => ecbplus(&mut vectors, Path::new(&shared), &mut dump),
        None => eprintln!("reuse: set CLAIMDIFF_SHARED to the shared folder for ECB+; skipped"),
    }
    if let Some(path) = std::env::var_os("CLAIMDIFF_REUSE_DUMP") {
        std::fs::write(path, dump).expect("dump is writable");
    }
}
