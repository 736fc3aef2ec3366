//! The semantic signal on graded real data: STS news pairs (Pearson with
//! people's 0-5 scores) and MSRP (accuracy), scored through the library's
//! public scoring path (`Corpus::build`, `Corpus::embed`, `score_groups`),
//! with the lexical score beside it in the same run.
//!
//! Which files fit the weights and which only report: the semantic model's
//! weights (`SEMANTIC_WEIGHTS` in `src/matching.rs`) were fitted on the MSRP
//! train split and the STS 2013, 2014 and 2016 headlines and 2014 tweet-news
//! files; the 2015 headlines, 2014 deft-news and the MSRP test split are
//! reported here and were never fitted on.
//!
//! Run: `CLAIMDIFF_SHARED=../shared cargo bench --bench semantic`.
//! `CLAIMDIFF_FEATURE_DUMP=path.tsv` also writes every pair's features (the
//! input of `scripts/fit-semantic.py`). The data is read from ../shared and
//! never copied into the project.

mod common;

use claimdiff::align::score_groups;
use claimdiff::article::Article;
use claimdiff::corpus::Corpus;
use claimdiff::matching::Score;
use claimdiff::semantic::{self, Encoder};
use common::{accuracy, best_threshold};
use std::path::{Path, PathBuf};

struct Pair {
    gold: f32,
    a: String,
    b: String,
}

/// `score<TAB>a<TAB>b` lines; lines without a score are not gold.
fn load_sts(path: &Path) -> Vec<Pair> {
    let text = std::fs::read_to_string(path).expect("STS file is readable");
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let gold: f32 = f.next()?.trim().parse().ok()?;
            let (a, b) = (f.next()?.to_owned(), f.next()?.to_owned());
            (!a.trim().is_empty() && !b.trim().is_empty()).then_some(Pair { gold, a, b })
        })
        .collect()
}

fn load_msrp(path: &Path) -> Vec<Pair> {
    let text = std::fs::read_to_string(path).expect("MSRP file is readable");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5).then(|| Pair { gold: f[0].parse().unwrap_or(0.0), a: f[3].to_owned(), b: f[4].to_owned() })
        })
        .collect()
}

/// Drops the pairs with a side that cleaning empties (a tweet that is only a
/// photo credit, say): they cannot be compared at all.
fn comparable(pairs: Vec<Pair>) -> Vec<Pair> {
    pairs
        .into_iter()
        .filter(|p| Article::from_text("a", &p.a).is_ok() && Article::from_text("b", &p.b).is_ok())
        .collect()
}

/// Scores every pair lexically and semantically, IDF over the set's sentences.
fn score_set(pairs: &[Pair], encoder: &Encoder) -> (Vec<Score>, Vec<Score>) {
    let articles: Vec<Article> = pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .enumerate()
        .map(|(i, s)| Article::from_text(&format!("s{i}"), s).expect("comparable() kept only usable pairs"))
        .collect();
    let mut corpus = Corpus::build(articles);
    let score_all = |corpus: &Corpus| -> Vec<Score> {
        (0..pairs.len())
            .map(|k| {
                let (da, db) = (2 * k, 2 * k + 1);
                let ia: Vec<usize> = (0..corpus.docs[da].sentences.len()).collect();
                let ib: Vec<usize> = (0..corpus.docs[db].sentences.len()).collect();
                score_groups(corpus, da, &ia, db, &ib)
            })
            .collect()
    };
    let lexical = score_all(&corpus);
    corpus.embed(encoder, usize::MAX);
    (lexical, score_all(&corpus))
}

fn pearson(x: &[f32], y: &[f32]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().map(|&v| v as f64).sum::<f64>() / n, y.iter().map(|&v| v as f64).sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        let (da, db) = (a as f64 - mx, b as f64 - my);
        sxy += da * db;
        sxx += da * da;
        syy += db * db;
    }
    sxy / (sxx * syy).sqrt().max(1e-12)
}

fn dump_rows(out: &mut String, set: &str, pairs: &[Pair], lexical: &[Score], semantic: &[Score]) {
    for ((p, l), s) in pairs.iter().zip(lexical).zip(semantic) {
        let mut f = l.features().to_vec();
        f.push(s.semantic.unwrap_or(0.0));
        let f: Vec<String> = f.iter().map(|x| x.to_string()).collect();
        out.push_str(&format!("{set}\t{}\t{}\t{}\t{}\n", p.gold, f.join("\t"), l.total, s.total));
    }
}

fn main() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("semantic: set CLAIMDIFF_SHARED to the shared folder; skipping");
        return;
    };
    let shared = PathBuf::from(shared);
    let model = std::env::var_os(semantic::MODEL_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(semantic::MODEL_NAME));
    let t = std::time::Instant::now();
    let encoder = Encoder::load(&model).expect("the model loads");
    println!("model {} loaded in {:.2?}", encoder.name(), t.elapsed());
    let mut dump = String::from(
        "set\tgold\tjaccard\tcontainment\tcovered_min\tchars\tnumbers_differ\tlength_ratio\tbigrams\tedit\tedit_sorted\tunshared\tcosine\tlexical\tsemantic\n",
    );
    println!("{:<22} {:>5} {:>9} {:>8} {:>9}  fitted on", "STS set", "pairs", "lexical", "cosine", "combined");
    for (file, fitted) in [
        ("2013_headlines", true),
        ("2014_headlines", true),
        ("2016_headlines", true),
        ("2014_tweet-news", true),
        ("2015_headlines", false),
        ("2014_deft-news", false),
    ] {
        let pairs = comparable(load_sts(&shared.join(format!("bench/sts-news/{file}.test.tsv"))));
        let (lex, sem) = score_set(&pairs, &encoder);
        let gold: Vec<f32> = pairs.iter().map(|p| p.gold).collect();
        let total = |v: &[Score]| v.iter().map(|s| s.total).collect::<Vec<f32>>();
        let cos: Vec<f32> = sem.iter().map(|s| s.semantic.unwrap_or(0.0)).collect();
        println!(
            "{file:<22} {:>5} {:>9.3} {:>8.3} {:>9.3}  {}",
            pairs.len(),
            pearson(&total(&lex), &gold),
            pearson(&cos, &gold),
            pearson(&total(&sem), &gold),
            if fitted { "yes" } else { "no (reported)" }
        );
        dump_rows(&mut dump, file, &pairs, &lex, &sem);
    }
    let train = comparable(load_msrp(&shared.join("bench/msrp/msr_paraphrase_train.tsv")));
    let test = comparable(load_msrp(&shared.join("bench/msrp/msr_paraphrase_test.tsv")));
    let (lex_tr, sem_tr) = score_set(&train, &encoder);
    let (lex_te, sem_te) = score_set(&test, &encoder);
    let y_tr: Vec<bool> = train.iter().map(|p| p.gold > 0.5).collect();
    let y_te: Vec<bool> = test.iter().map(|p| p.gold > 0.5).collect();
    println!("{:<22} {:>6} {:>9}", "MSRP (threshold on train)", "thr", "test_acc");
    for (name, tr, te) in [("lexical", &lex_tr, &lex_te), ("combined", &sem_tr, &sem_te)] {
        let tr: Vec<f32> = tr.iter().map(|s| s.total).collect();
        let te: Vec<f32> = te.iter().map(|s| s.total).collect();
        let (t, _) = best_threshold(&tr, &y_tr);
        println!("{name:<22} {t:>6.3} {:>9.2}", accuracy(&te, &y_te, t) * 100.0);
    }
    dump_rows(&mut dump, "msrp_train", &train, &lex_tr, &sem_tr);
    dump_rows(&mut dump, "msrp_test", &test, &lex_te, &sem_te);
    if let Some(path) = std::env::var_os("CLAIMDIFF_FEATURE_DUMP") {
        std::fs::write(path, dump).expect("feature dump is writable");
    }
}
