//! The same-claim probability on the claims gold (`tests/gold/claims-pairs.json`):
//! judged cross-outlet sentence pairs of real multi-outlet stories.
//!
//!     CLAIMDIFF_SHARED=../shared python3 benches/claims_gold.py stories /tmp/cg
//!     CLAIMDIFF_GOLD_STORIES=/tmp/cg cargo bench --bench sameclaim
//!
//! prints, for the train and test stories, how well the probability and the
//! paraphrase score each separate pairs judged `same` from the rest (ROC AUC,
//! precision and recall at the default cuts). With `CLAIMDIFF_FEATURE_DUMP`
//! set to a path, it also writes every judged pair's features (semantic and
//! lexical) there, for `scripts/fit-sameclaim.py`; with `CLAIMDIFF_TEXT_DUMP`,
//! every judged pair's label, probability, cosine, two sentences and where
//! they are (file#index), for reading errors (it holds the outlets' text, so
//! keep it outside the project).

use claimdiff::config::MatchConfig;
use claimdiff::corpus::Corpus;
use claimdiff::matching::{self, Score};
use claimdiff::sameclaim::{self, CONFIDENT};
use claimdiff::semantic::{self, Encoder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[path = "common/gold.rs"]
mod gold;

/// A judged pair as scored: whether judged `same`, the paraphrase score,
/// the same-claim probability. Kept per (split, semantic scorer).
type Judged = (bool, f32, f32);

fn main() {
    let Some(dir) = std::env::var_os("CLAIMDIFF_GOLD_STORIES") else {
        eprintln!(
            "sameclaim: set CLAIMDIFF_GOLD_STORIES to the folder `benches/claims_gold.py stories` wrote; skipping"
        );
        return;
    };
    let dir = PathBuf::from(dir);
    let model = std::env::var_os(semantic::MODEL_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(semantic::MODEL_NAME));
    let encoder: &'static Encoder = Box::leak(Box::new(Encoder::load(&model).expect("the model loads")));
    let g = gold::ClaimsGold::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut dump = String::new();
    let mut texts_dump = String::new();
    let mut results: HashMap<(String, bool), Vec<Judged>> = HashMap::new();
    for story in &g.stories {
        let folder = dir.join(story.id.replace(':', "_"));
        let (names, articles) = gold::load_story(&folder);
        for sem in [true, false] {
            let mut corpus = Corpus::build(articles.clone());
            let cfg = MatchConfig { encoder: sem.then_some(encoder), ..MatchConfig::default() };
            corpus.prepare(&cfg);
            let texts: Vec<Vec<&str>> =
                corpus.docs.iter().map(|d| d.sentences.iter().map(|s| s.text.as_str()).collect()).collect();
            for p in g.pairs.iter().filter(|p| p.story == story.id) {
                let find = |side: &gold::SentenceRef| {
                    let doc = names.iter().position(|n| *n == gold::file_name(&side.doc))?;
                    let idx = gold::find_sentence(&texts[doc], &side.key, side.index)?;
                    Some((doc, idx))
                };
                let (Some(a), Some(b)) = (find(&p.a), find(&p.b)) else { continue };
                let pa = &corpus.docs[a.0].sentences[a.1].profile;
                let pb = &corpus.docs[b.0].sentences[b.1].profile;
                let s: Score = matching::score(&corpus, pa, pb);
                let c = sameclaim::contrast(&pa.facts, &pb.facts);
                let f = sameclaim::features(&s, &c);
                let same = p.label == "same";
                results.entry((story.split.clone(), sem)).or_default().push((same, s.total, s.same_claim));
                if sem {
                    let clean = |t: &str| t.replace(['\t', '\n'], " ");
                    texts_dump.push_str(&format!(
                        "{}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{}\t{}#{}\t{}#{}\n",
                        story.split,
                        p.label,
                        story.id,
                        s.same_claim,
                        s.semantic.unwrap_or(0.0),
                        clean(texts[a.0][a.1]),
                        clean(texts[b.0][b.1]),
                        names[a.0],
                        a.1,
                        names[b.0],
                        b.1
                    ));
                }
                let f: Vec<String> = f.iter().map(|x| x.to_string()).collect();
                dump.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    story.split,
                    if sem { "semantic" } else { "lexical" },
                    p.label,
                    story.id,
                    f.join("\t")
                ));
            }
        }
    }
    if let Some(path) = std::env::var_os("CLAIMDIFF_FEATURE_DUMP") {
        std::fs::write(&path, dump).expect("dump written");
        println!("features written to {}", PathBuf::from(path).display());
    }
    if let Some(path) = std::env::var_os("CLAIMDIFF_TEXT_DUMP") {
        std::fs::write(&path, texts_dump).expect("text dump written");
        println!("pairs with their texts written to {}", PathBuf::from(path).display());
    }
    println!(
        "{:<6} {:<9} {:>5} {:>6} {:>8} {:>8}  {:>22}  {:>22}",
        "split", "scorer", "pairs", "same", "AUC sim", "AUC p", "score>=0.45 P/R", "p>=CONFIDENT P/R"
    );
    let mut keys: Vec<_> = results.keys().cloned().collect();
    keys.sort();
    for k in keys {
        let r = &results[&k];
        let sim: Vec<(bool, f32)> = r.iter().map(|x| (x.0, x.1)).collect();
        let prob: Vec<(bool, f32)> = r.iter().map(|x| (x.0, x.2)).collect();
        let (p1, r1) = pr(&sim, 0.45);
        let (p2, r2) = pr(&prob, CONFIDENT);
        println!(
            "{:<6} {:<9} {:>5} {:>6} {:>8.3} {:>8.3}  {:>10.3} / {:<9.3}  {:>10.3} / {:<9.3}",
            k.0,
            if k.1 { "semantic" } else { "lexical" },
            r.len(),
            r.iter().filter(|x| x.0).count(),
            auc(&sim),
            auc(&prob),
            p1,
            r1,
            p2,
            r2
        );
    }
}

/// Precision and recall of `score >= t` for the label.
fn pr(xs: &[(bool, f32)], t: f32) -> (f64, f64) {
    let tp = xs.iter().filter(|x| x.0 && x.1 >= t).count() as f64;
    let pp = xs.iter().filter(|x| x.1 >= t).count() as f64;
    let pos = xs.iter().filter(|x| x.0).count() as f64;
    (if pp > 0.0 { tp / pp } else { 1.0 }, if pos > 0.0 { tp / pos } else { 0.0 })
}

/// ROC AUC: the chance that a random positive outscores a random negative.
fn auc(xs: &[(bool, f32)]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (mut rank_sum, mut pos) = (0.0f64, 0usize);
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].1 == v[i].1 {
            j += 1;
        }
        let avg = (i + j + 1) as f64 / 2.0;
        for x in &v[i..j] {
            if x.0 {
                rank_sum += avg;
                pos += 1;
            }
        }
        i = j;
    }
    let neg = v.len() - pos;
    if pos == 0 || neg == 0 {
        return 0.5;
    }
    (rank_sum - (pos * (pos + 1)) as f64 / 2.0) / (pos * neg) as f64
}
