//! Claim matching against `tests/gold/paraphrase.json`: cross-outlet
//! sentence pairs labelled `same` (one claim, reworded or near-copied) or
//! `different` (hard negatives from the same story). See the README beside
//! the gold file.
//!
//! Each document pair is aligned once per config (lexical, and semantic with
//! the vendored encoder); a gold pair counts as linked when one link holds
//! its `a` sentence on the `a` side and its `b` sentence on the `b` side.
//! Reported per source: recall (linked `same` / all `same`), a precision
//! proxy (linked `same` / all linked gold pairs) and the false-link rate
//! (linked `different` / all `different`). The floors below sit a little
//! under today's values, so a change that matches claims worse fails here.
//!
//! ECB+ pairs run only when `CLAIMDIFF_SHARED` names the shared folder; the
//! ECB+ text is read from there and never stored. The `data/` pairs always
//! run. `CLAIMDIFF_GOLD_DEBUG=1 cargo test --test it paraphrase_gold --
//! --nocapture` also lists, for the semantic config, every false link and
//! every missed `same` pair with its scores.

use crate::util::gold_key;
use claimdiff::align::{align_pair, score_groups, PairAlignment};
use claimdiff::article::{clean, load, Article, Meta};
use claimdiff::config::MatchConfig;
use claimdiff::corpus::{Corpus, Scorer};
use claimdiff::semantic::{Encoder, MODEL_NAME};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The vendored encoder, loaded once per test binary.
fn encoder() -> &'static Encoder {
    static ENCODER: OnceLock<&'static Encoder> = OnceLock::new();
    ENCODER.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(MODEL_NAME);
        let enc = Encoder::load(&dir).unwrap_or_else(|e| panic!("the vendored model loads: {e}"));
        Box::leak(Box::new(enc))
    })
}

/// One side of a gold pair.
#[derive(Debug, Clone)]
struct Ref {
    doc: String,
    sent: usize,
    key: String,
}

impl Ref {
    fn of(v: &Value) -> Ref {
        Ref {
            doc: v["doc"].as_str().unwrap().to_owned(),
            sent: v["sent"].as_u64().unwrap() as usize,
            key: v["key"].as_str().unwrap().to_owned(),
        }
    }
}

#[derive(Debug, Clone)]
struct GoldPair {
    a: Ref,
    b: Ref,
    same: bool,
    kind: String,
}

/// Counts for one config on one source.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    same: usize,
    same_linked: usize,
    different: usize,
    different_linked: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        self.same_linked as f64 / self.same.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.same_linked as f64 / (self.same_linked + self.different_linked).max(1) as f64
    }
    fn false_link_rate(&self) -> f64 {
        self.different_linked as f64 / self.different.max(1) as f64
    }
    fn add(&mut self, o: &Tally) {
        self.same += o.same;
        self.same_linked += o.same_linked;
        self.different += o.different;
        self.different_linked += o.different_linked;
    }
}

/// The result of one source under both configs.
#[derive(Default)]
struct SourceResult {
    lexical: Tally,
    semantic: Tally,
    pairs: usize,
    key_mismatches: usize,
}

/// An ECB+ document as `claimdiff split --raw` sees it: the `text` field,
/// uncleaned (only a byte-order mark is dropped, as the loader does).
pub(crate) fn raw_article(doc_id: &str, text: &str) -> Article {
    Article {
        meta: Meta { outlet: doc_id.to_owned(), path: PathBuf::from(doc_id), ..Meta::default() },
        text: text.strip_prefix('\u{feff}').unwrap_or(text).to_owned(),
        dropped: Vec::new(),
        warnings: Vec::new(),
    }
}

/// A `data/` document as `claimdiff split FILE` sees it: loaded and cleaned.
pub(crate) fn cleaned_article(doc: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(doc);
    clean::clean(load::load_path(&path, load::LoadOptions::default()).unwrap().remove(0)).unwrap()
}

/// The ECB+ texts of `wanted` documents.
pub(crate) fn ecbplus_texts(shared: &Path, wanted: &HashSet<&str>) -> HashMap<String, String> {
    let path = shared.join("bench").join("ecbplus").join("subtopics.jsonl");
    let all = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut res = HashMap::new();
    for line in all.lines().filter(|l| !l.trim().is_empty()) {
        let sub: Value = serde_json::from_str(line).unwrap();
        for d in sub["docs"].as_array().unwrap() {
            let id = d["doc_id"].as_str().unwrap();
            if wanted.contains(id) {
                res.insert(id.to_owned(), d["text"].as_str().unwrap().to_owned());
            }
        }
    }
    res
}

/// Whether `al` (of corpus docs 0 and 1) links sentence `i` of doc `da` with
/// sentence `j` of the other doc.
fn linked(al: &PairAlignment, da: usize, i: usize, j: usize) -> bool {
    al.links.iter().any(|l| {
        if da == 0 {
            l.a.contains(&i) && l.b.contains(&j)
        } else {
            l.b.contains(&i) && l.a.contains(&j)
        }
    })
}

/// Where sentence `i` of doc `d` went: the other side of its link, if any.
fn partner(al: &PairAlignment, d: usize, i: usize) -> String {
    let found = al.links.iter().find_map(|l| {
        if d == 0 {
            l.a.contains(&i).then_some(&l.b)
        } else {
            l.b.contains(&i).then_some(&l.a)
        }
    });
    match found {
        Some(v) => format!("{v:?}"),
        None => "-".to_owned(),
    }
}

/// A document: its source and its name in the gold file.
type DocId = (String, String);

/// Every document's sentence vectors, from one corpus of all documents
/// prepared the library's way. Encoding each sentence once, in one call
/// whose batches spread over the cores, is what keeps this test fast in
/// unoptimised test builds; `inject` puts the vectors into the corpus of
/// each document pair.
fn all_vectors(docs: &BTreeMap<DocId, Article>, cfg: &MatchConfig) -> HashMap<DocId, Vec<Vec<f32>>> {
    let mut corpus = Corpus::build(docs.values().cloned().collect());
    let start = std::time::Instant::now();
    corpus.prepare(cfg);
    let n: usize = corpus.docs.iter().map(|d| d.sentences.len()).sum();
    eprintln!("paraphrase gold: encoded {n} sentences of {} documents in {:.1?}", docs.len(), start.elapsed());
    assert!(matches!(corpus.scorer, Scorer::Semantic(_)), "the gold documents fit the semantic budget");
    docs.keys()
        .zip(&corpus.docs)
        .map(|(id, d)| (id.clone(), d.sentences.iter().map(|s| s.profile.vector.clone()).collect()))
        .collect()
}

/// Gives the sentences of a two-document corpus their vectors, as
/// `Corpus::prepare` would.
fn inject(corpus: &mut Corpus, vectors: [&[Vec<f32>]; 2], name: &str) {
    for (doc, vs) in corpus.docs.iter_mut().zip(vectors) {
        assert_eq!(doc.sentences.len(), vs.len());
        for (s, v) in doc.sentences.iter_mut().zip(vs) {
            s.profile.vector = v.clone();
        }
    }
    corpus.scorer = Scorer::Semantic(name.to_owned());
}

/// Aligns every document pair under both configs and tallies the gold
/// pairs per source; with `debug`, lists the semantic config's errors.
fn evaluate(
    pairs: &BTreeMap<String, Vec<GoldPair>>,
    docs: &BTreeMap<DocId, Article>,
    debug: bool,
) -> BTreeMap<String, SourceResult> {
    let lexical_cfg = MatchConfig::default();
    let semantic_cfg = MatchConfig { encoder: Some(encoder()), ..MatchConfig::default() };
    let vectors = all_vectors(docs, &semantic_cfg);
    // Document pairs, unordered: align_pair gives the same links either way
    // round, and each gold pair is read in its own orientation below.
    let mut groups: BTreeMap<(&str, &str, &str), Vec<&GoldPair>> = BTreeMap::new();
    for (source, list) in pairs {
        for p in list {
            let (x, y) = if p.a.doc <= p.b.doc { (&p.a.doc, &p.b.doc) } else { (&p.b.doc, &p.a.doc) };
            groups.entry((source.as_str(), x.as_str(), y.as_str())).or_default().push(p);
        }
    }
    let mut results: BTreeMap<String, SourceResult> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut checked_prepare = false;
    for (&(source, x, y), group) in &groups {
        let id = |d: &str| (source.to_owned(), d.to_owned());
        let corpus = Corpus::build(vec![docs[&id(x)].clone(), docs[&id(y)].clone()]);
        let mut sem_corpus = corpus.clone();
        inject(&mut sem_corpus, [&vectors[&id(x)], &vectors[&id(y)]], encoder().name());
        if !checked_prepare {
            // Once, on the first pair: the shared vectors are what
            // `prepare` gives this corpus.
            let mut direct = corpus.clone();
            direct.prepare(&semantic_cfg);
            for (d, e) in direct.docs.iter().zip(&sem_corpus.docs) {
                for (s, t) in d.sentences.iter().zip(&e.sentences) {
                    let diff =
                        s.profile.vector.iter().zip(&t.profile.vector).map(|(u, v)| (u - v).abs()).fold(0.0, f32::max);
                    assert!(
                        s.profile.vector.len() == t.profile.vector.len() && diff < 1e-4,
                        "{x}: vectors differ by {diff}"
                    );
                }
            }
            checked_prepare = true;
        }
        let lex_al = align_pair(&corpus, 0, 1, &lexical_cfg);
        let sem_al = align_pair(&sem_corpus, 0, 1, &semantic_cfg);
        let r = results.entry(source.to_owned()).or_default();
        for p in group {
            r.pairs += 1;
            let (da, db) = if p.a.doc == x { (0, 1) } else { (1, 0) };
            let ok =
                |d: usize, r: &Ref| corpus.docs[d].sentences.get(r.sent).is_some_and(|s| gold_key(&s.text, 8) == r.key);
            if !ok(da, &p.a) || !ok(db, &p.b) {
                eprintln!("{source}: key mismatch, skipped: {}:{} / {}:{}", p.a.doc, p.a.sent, p.b.doc, p.b.sent);
                r.key_mismatches += 1;
                continue;
            }
            for (al, tally) in [(&lex_al, &mut r.lexical), (&sem_al, &mut r.semantic)] {
                let l = linked(al, da, p.a.sent, p.b.sent);
                if p.same {
                    tally.same += 1;
                    tally.same_linked += l as usize;
                } else {
                    tally.different += 1;
                    tally.different_linked += l as usize;
                }
            }
            let sem_linked = linked(&sem_al, da, p.a.sent, p.b.sent);
            if debug && p.same != sem_linked {
                let sem = score_groups(&sem_corpus, da, &[p.a.sent], db, &[p.b.sent]);
                let lex = score_groups(&corpus, da, &[p.a.sent], db, &[p.b.sent]);
                failures.push(format!(
                    "{source} semantic: {:<10} {:<17} {}:{} / {}:{}  total {:.3} (lexical {:.3})  cosine {:.3}  jac {:.2} cont {:.2}  a->{} b->{}  lexical {}",
                    if p.same { "missed" } else { "false link" },
                    p.kind,
                    p.a.doc,
                    p.a.sent,
                    p.b.doc,
                    p.b.sent,
                    sem.total,
                    lex.total,
                    sem.semantic.unwrap_or(f32::NAN),
                    sem.jaccard,
                    sem.containment,
                    partner(&sem_al, da, p.a.sent),
                    partner(&sem_al, db, p.b.sent),
                    if linked(&lex_al, da, p.a.sent, p.b.sent) { "linked" } else { "not linked" },
                ));
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    results
}

fn print_table(rows: &[(&str, &SourceResult)]) {
    eprintln!("paraphrase gold: source    config    same  linked  recall  diff  linked  false-link  precision");
    let mut total = (Tally::default(), Tally::default());
    let line = |source: &str, config: &str, t: &Tally| {
        eprintln!(
            "paraphrase gold: {source:<9} {config:<9} {:>4}  {:>6}  {:>6.3}  {:>4}  {:>6}  {:>10.3}  {:>9.3}",
            t.same,
            t.same_linked,
            t.recall(),
            t.different,
            t.different_linked,
            t.false_link_rate(),
            t.precision()
        )
    };
    for (source, r) in rows {
        line(source, "lexical", &r.lexical);
        line(source, "semantic", &r.semantic);
        total.0.add(&r.lexical);
        total.1.add(&r.semantic);
    }
    if rows.len() > 1 {
        line("all", "lexical", &total.0);
        line("all", "semantic", &total.1);
    }
}

/// Minimum recall and precision proxy, maximum false-link rate.
struct Floors {
    recall: f64,
    precision: f64,
    false_link_rate: f64,
}

fn check(source: &str, config: &str, t: &Tally, f: &Floors) {
    assert!(t.recall() >= f.recall, "{source} {config}: recall {:.3} < {}", t.recall(), f.recall);
    assert!(t.precision() >= f.precision, "{source} {config}: precision {:.3} < {}", t.precision(), f.precision);
    assert!(
        t.false_link_rate() <= f.false_link_rate,
        "{source} {config}: false-link rate {:.3} > {}",
        t.false_link_rate(),
        f.false_link_rate
    );
}

fn check_keys(source: &str, r: &SourceResult) {
    // Splitter changes may shift a few indices; more than 5% means the gold
    // no longer describes this splitter.
    assert!(
        r.key_mismatches * 20 <= r.pairs,
        "{source}: {} of {} pairs have keys that do not match the splitter (see tests/gold/check_paraphrase.py)",
        r.key_mismatches,
        r.pairs
    );
}

#[test]
fn paraphrase_gold_pairs_are_linked() {
    let gold: Value = serde_json::from_str(include_str!("../gold/paraphrase.json")).unwrap();
    let debug = std::env::var_os("CLAIMDIFF_GOLD_DEBUG").is_some();
    let mut by_source: BTreeMap<String, Vec<GoldPair>> = BTreeMap::new();
    for p in gold["pairs"].as_array().unwrap() {
        by_source.entry(p["source"].as_str().unwrap().to_owned()).or_default().push(GoldPair {
            a: Ref::of(&p["a"]),
            b: Ref::of(&p["b"]),
            same: p["label"] == "same",
            kind: p["kind"].as_str().unwrap().to_owned(),
        });
    }
    assert_eq!(by_source.keys().map(String::as_str).collect::<Vec<_>>(), ["data", "ecbplus"]);

    let mut docs: BTreeMap<DocId, Article> = BTreeMap::new();
    for p in &by_source["data"] {
        for d in [&p.a.doc, &p.b.doc] {
            docs.entry(("data".to_owned(), d.clone())).or_insert_with(|| cleaned_article(d));
        }
    }
    match std::env::var_os("CLAIMDIFF_SHARED") {
        Some(shared) => {
            let wanted: HashSet<&str> =
                by_source["ecbplus"].iter().flat_map(|p| [p.a.doc.as_str(), p.b.doc.as_str()]).collect();
            let texts = ecbplus_texts(Path::new(&shared), &wanted);
            assert_eq!(texts.len(), wanted.len(), "every referenced ECB+ document is in subtopics.jsonl");
            for (id, text) in &texts {
                docs.insert(("ecbplus".to_owned(), id.clone()), raw_article(id, text));
            }
        }
        None => {
            eprintln!("CLAIMDIFF_SHARED is unset: skipping the ECB+ pairs of the paraphrase gold");
            by_source.remove("ecbplus");
        }
    }
    let results = evaluate(&by_source, &docs, debug);
    let data = &results["data"];
    let ecb = results.get("ecbplus");
    let mut rows = vec![("data", data)];
    if let Some(e) = ecb {
        rows.push(("ecbplus", e));
    }
    print_table(&rows);

    // Floors a little under today's values (2026-11-25, at fd41c42), as
    // recall / precision proxy / false-link rate: data lexical 0.941 / 1.000
    // / 0.000 and semantic 0.941 / 0.941 / 0.050; ECB+ lexical 0.217 / 0.867
    // / 0.027 and semantic 0.467 / 0.800 / 0.093. The lexical floors guard
    // the path taken without a model or beyond the semantic budget.
    check_keys("data", data);
    check("data", "lexical", &data.lexical, &Floors { recall: 0.90, precision: 0.95, false_link_rate: 0.05 });
    check("data", "semantic", &data.semantic, &Floors { recall: 0.90, precision: 0.90, false_link_rate: 0.10 });
    if let Some(e) = ecb {
        check_keys("ecbplus", e);
        check("ecbplus", "lexical", &e.lexical, &Floors { recall: 0.20, precision: 0.85, false_link_rate: 0.05 });
        // Recall 0.417 since pairwise reports stopped aligning pairs below
        // a same-claim probability of 0.3 (issue 19: this gold's `same` is
        // one event, looser than one claim; the false-link rate held).
        check("ecbplus", "semantic", &e.semantic, &Floors { recall: 0.40, precision: 0.75, false_link_rate: 0.10 });
    }
}
