//! MSRP paraphrase benchmark: the similarity score used as a paraphrase
//! classifier on the Microsoft Research Paraphrase Corpus.
//!
//! Reads `$CLAIMDIFF_SHARED/bench/msrp/msr_paraphrase_{train,test}.tsv` (the
//! corpus's license forbids copying it into the project), scores every pair,
//! picks the threshold that maximises accuracy on train, and prints test
//! accuracy, precision, recall and F1, for the combined score and for each
//! component. Misclassified test pairs go to `target/msrp-failures.tsv`.
//!
//! Run: `CLAIMDIFF_SHARED=../shared cargo bench --bench msrp`

mod common;

use claimdiff::align::score_groups;
use claimdiff::article::Article;
use claimdiff::corpus::Corpus;
use claimdiff::matching::Score;
use common::{accuracy, best_threshold};
use std::path::PathBuf;

/// A named view of a score: the combined total or one component.
type Component = (&'static str, fn(&Score) -> f32);

struct Pair {
    label: bool,
    ids: (String, String),
    a: String,
    b: String,
}

fn load(path: &PathBuf) -> Vec<Pair> {
    let mut r =
        csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_path(path).expect("MSRP file is readable");
    r.records()
        .map(|rec| {
            let rec = rec.expect("MSRP row");
            Pair {
                label: &rec[0] == "1",
                ids: (rec[1].to_owned(), rec[2].to_owned()),
                a: rec[3].to_owned(),
                b: rec[4].to_owned(),
            }
        })
        .collect()
}

/// Scores each pair with IDF over all sentences of both splits.
fn score_pairs(corpus: &Corpus, offset: usize, n: usize) -> Vec<Score> {
    (0..n)
        .map(|k| {
            let (da, db) = (offset + 2 * k, offset + 2 * k + 1);
            let ia: Vec<usize> = (0..corpus.docs[da].sentences.len()).collect();
            let ib: Vec<usize> = (0..corpus.docs[db].sentences.len()).collect();
            score_groups(corpus, da, &ia, db, &ib)
        })
        .collect()
}

fn prf(scores: &[f32], labels: &[bool], t: f32) -> (f64, f64, f64) {
    let tp = scores.iter().zip(labels).filter(|(s, l)| **s >= t && **l).count() as f64;
    let fp = scores.iter().zip(labels).filter(|(s, l)| **s >= t && !**l).count() as f64;
    let fn_ = scores.iter().zip(labels).filter(|(s, l)| **s < t && **l).count() as f64;
    let p = tp / (tp + fp).max(1.0);
    let r = tp / (tp + fn_).max(1.0);
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn main() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("msrp: set CLAIMDIFF_SHARED to the shared folder; skipping");
        return;
    };
    let dir = PathBuf::from(shared).join("bench/msrp");
    let train = load(&dir.join("msr_paraphrase_train.tsv"));
    let test = load(&dir.join("msr_paraphrase_test.tsv"));
    let start = std::time::Instant::now();
    let articles: Vec<Article> = train
        .iter()
        .chain(&test)
        .flat_map(|p| [&p.a, &p.b])
        .enumerate()
        .map(|(i, s)| Article::from_text(&format!("s{i}"), s).expect("MSRP sentences are not empty"))
        .collect();
    let corpus = Corpus::build(articles);
    let s_train = score_pairs(&corpus, 0, train.len());
    let s_test = score_pairs(&corpus, 2 * train.len(), test.len());
    let elapsed = start.elapsed();
    if let Some(dump) = std::env::var_os("CLAIMDIFF_MSRP_DUMP") {
        // Feature dump for offline calibration of the score's weights.
        let mut out = String::from("split\tlabel\tjaccard\tcontainment\tcovered_min\tchars\tnumbers_differ\tlength_ratio\tbigrams\tedit\tedit_sorted\tunshared\ta\tb\n");
        for (split, pairs, scores) in [("train", &train, &s_train), ("test", &test, &s_test)] {
            for (p, s) in pairs.iter().zip(scores.iter()) {
                let f = s.features();
                let f: Vec<String> = f.iter().map(|x| x.to_string()).collect();
                out.push_str(&format!("{split}\t{}\t{}\t{}\t{}\n", p.label as u8, f.join("\t"), p.a, p.b));
            }
        }
        std::fs::write(dump, out).expect("feature dump is writable");
    }
    let y_train: Vec<bool> = train.iter().map(|p| p.label).collect();
    let y_test: Vec<bool> = test.iter().map(|p| p.label).collect();
    println!("MSRP: {} train, {} test pairs, scored in {:.2?}", train.len(), test.len(), elapsed);
    println!("{:<12} {:>6} {:>9} {:>8} {:>6} {:>6} {:>6}", "score", "thr", "train_acc", "test_acc", "P", "R", "F1");
    let components: [Component; 5] = [
        ("total", |s| s.total),
        ("jaccard", |s| s.jaccard),
        ("containment", |s| s.containment),
        ("chars", |s| s.chars),
        ("edit", |s| s.edit),
    ];
    for (name, f) in components {
        let tr: Vec<f32> = s_train.iter().map(f).collect();
        let te: Vec<f32> = s_test.iter().map(f).collect();
        let (t, tr_acc) = best_threshold(&tr, &y_train);
        let acc = accuracy(&te, &y_test, t);
        let (p, r, f1) = prf(&te, &y_test, t);
        println!(
            "{name:<12} {t:>6.3} {:>9.2} {:>8.2} {:>6.2} {:>6.2} {:>6.2}",
            tr_acc * 100.0,
            acc * 100.0,
            p * 100.0,
            r * 100.0,
            f1 * 100.0
        );
        if name == "total" {
            let mut out = String::from("label\tscore\tid_a\tid_b\tsentence_a\tsentence_b\n");
            for (p, s) in test.iter().zip(&te) {
                if (*s >= t) != p.label {
                    out.push_str(&format!("{}\t{s:.3}\t{}\t{}\t{}\t{}\n", p.label as u8, p.ids.0, p.ids.1, p.a, p.b));
                }
            }
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/msrp-failures.tsv");
            if std::fs::write(&path, out).is_ok() {
                println!("misclassified test pairs: {}", path.display());
            }
        }
    }
}
