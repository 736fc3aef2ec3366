//! Scale benchmark: align every sentence of a synthetic corpus against every
//! other (cross-article), and report wall time, peak memory and recall of the
//! planted near-duplicate pairs.
//!
//! Corpora come from `$CLAIMDIFF_SHARED/bench/make_corpus.py` and are built
//! into `target/scale/` (never committed). Each size runs in its own child
//! process so that its peak RSS is its own.
//!
//! Run: `CLAIMDIFF_SHARED=../shared cargo bench --bench scale`
//! Sizes: `CLAIMDIFF_SCALE_SIZES=5000,10000,20000,40000` (the default);
//! corpus seed: `CLAIMDIFF_SCALE_SEED` (default 1).
//! `CLAIMDIFF_SCALE_SEMANTIC=1` runs with the vendored encoder (or
//! `CLAIMDIFF_MODEL`) and no sentence budget: the semantic path's time and
//! recall beside the lexical one's.
//! `CLAIMDIFF_SCALE_MISSES=FILE` writes the planted pairs not found, with
//! their texts, to learn from; `CLAIMDIFF_SCALE_RUN=DIR` (set by the bench
//! for its child processes) measures one corpus.

use claimdiff::align::link_all;
use claimdiff::article::{clean, load};
use claimdiff::config::MatchConfig;
use claimdiff::corpus::Corpus;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    if let Some(dir) = std::env::var_os("CLAIMDIFF_SCALE_RUN") {
        run_one(Path::new(&dir));
        return;
    }
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("scale: set CLAIMDIFF_SHARED to the shared folder; skipping");
        return;
    };
    let sizes = std::env::var("CLAIMDIFF_SCALE_SIZES").unwrap_or_else(|_| "5000,10000,20000,40000".to_owned());
    let seed = std::env::var("CLAIMDIFF_SCALE_SEED").unwrap_or_else(|_| "1".to_owned());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/scale");
    println!(
        "{:>8} {:>9} {:>8} {:>9} {:>9} {:>9} {:>10} {:>8}",
        "N", "articles", "links", "build_s", "link_s", "total_s", "peak_MiB", "recall"
    );
    for n in sizes.split(',').map(|s| s.trim().parse::<usize>().expect("sizes are numbers")) {
        let dir = if seed == "1" { root.join(format!("c{n}")) } else { root.join(format!("c{n}-s{seed}")) };
        if !dir.join("pairs.tsv").exists() {
            let status = Command::new("python3")
                .arg(Path::new(&shared).join("bench/make_corpus.py"))
                .args(["--sentences", &n.to_string(), "--seed", &seed, "--out"])
                .arg(&dir)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("python3 runs make_corpus.py");
            assert!(status.success(), "make_corpus.py failed for {n}");
        }
        let out = Command::new(std::env::current_exe().unwrap())
            .env("CLAIMDIFF_SCALE_RUN", &dir)
            .output()
            .expect("the bench re-runs itself");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// Peak resident set size of this process, in MiB (Linux `VmHWM`).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn run_one(dir: &Path) {
    let start = Instant::now();
    let raws = load::load_path(&dir.join("articles"), load::LoadOptions::default()).expect("corpus articles load");
    let articles: Vec<_> = raws.into_iter().filter_map(|r| clean::clean(r).ok()).collect();
    let files: Vec<String> =
        articles.iter().map(|a| a.meta.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let mut corpus = Corpus::build(articles);
    let mut cfg = MatchConfig::default();
    if std::env::var_os("CLAIMDIFF_SCALE_SEMANTIC").is_some() {
        let model = std::env::var_os("CLAIMDIFF_MODEL").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(claimdiff::semantic::MODEL_NAME),
            PathBuf::from,
        );
        let encoder = claimdiff::semantic::Encoder::load(&model).expect("the model loads");
        cfg.encoder = Some(Box::leak(Box::new(encoder)));
        cfg.semantic_max_sentences = usize::MAX;
    }
    corpus.prepare(&cfg);
    let built = start.elapsed();
    let links = link_all(&corpus, &cfg);
    let total = start.elapsed();
    let peak = peak_rss_mib();

    // Map each of our sentences to every corpus line it overlaps: a line
    // whose full stop the corpus removed is glued to the next one, and the
    // splitter rightly sees one sentence there.
    let sentences: Vec<String> =
        std::fs::read_to_string(dir.join("sentences.txt")).unwrap().lines().map(str::to_owned).collect();
    let mut lines_of: HashMap<String, Vec<usize>> = HashMap::new();
    for row in std::fs::read_to_string(dir.join("index.tsv")).unwrap().lines().skip(1) {
        let mut cols = row.split('\t');
        let line: usize = cols.next().unwrap().parse().unwrap();
        lines_of.entry(cols.next().unwrap().to_owned()).or_default().push(line);
    }
    let mut lines_in: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = &doc.article.text;
        let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
        let mut from = 0;
        for &line in lines_of.get(&files[d]).map(Vec::as_slice).unwrap_or(&[]) {
            let needle = sentences[line].trim();
            if let Some(pos) = text[from..].find(needle) {
                ranges.push((from + pos, from + pos + needle.len(), line));
                from += pos + needle.len();
            }
        }
        for s in &doc.sentences {
            let lines = ranges.iter().filter(|r| r.0 < s.span.end && s.span.start < r.1).map(|r| r.2).collect();
            lines_in.insert((d, s.idx), lines);
        }
    }
    // `link_all` links each later copy of a sentence (same folded words)
    // to its first copy only: two sentences are linked directly or through
    // their first copies. So a link stands for every copy of both sides.
    let mut copies: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        for s in &doc.sentences {
            copies.entry(s.profile.plain.as_str()).or_default().push((d, s.idx));
        }
    }
    let lines_of_copies = |r: (usize, usize)| -> Vec<usize> {
        let plain = corpus.docs[r.0].sentences[r.1].profile.plain.as_str();
        copies[plain].iter().flat_map(|c| lines_in.get(c).cloned().unwrap_or_default()).collect()
    };
    let found: HashSet<(usize, usize)> = links
        .iter()
        .flat_map(|l| {
            let (xs, ys) = (lines_of_copies(l.a), lines_of_copies(l.b));
            xs.iter().flat_map(|&x| ys.iter().map(move |&y| (x.min(y), x.max(y)))).collect::<Vec<_>>()
        })
        .collect();
    let planted: Vec<(usize, usize)> = std::fs::read_to_string(dir.join("pairs.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|row| {
            let mut cols = row.split('\t');
            let (i, j): (usize, usize) = (cols.next().unwrap().parse().unwrap(), cols.next().unwrap().parse().unwrap());
            (i.min(j), i.max(j))
        })
        .collect();
    let hit = planted.iter().filter(|p| found.contains(p)).count();
    if let Some(path) = std::env::var_os("CLAIMDIFF_SCALE_MISSES") {
        // The planted pairs not found, with their texts, to learn from.
        let mut out = String::new();
        for p in planted.iter().filter(|p| !found.contains(p)) {
            out.push_str(&format!("{}\t{}\t{}\t{}\n", p.0, p.1, sentences[p.0], sentences[p.1]));
        }
        std::fs::write(path, out).expect("misses file is writable");
    }
    let n: usize = corpus.docs.iter().map(|d| d.sentences.len()).sum();
    println!(
        "{:>8} {:>9} {:>8} {:>9.2} {:>9.2} {:>9.2} {:>10.1} {:>7.2}%",
        sentences.len(),
        corpus.docs.len(),
        links.len(),
        built.as_secs_f64(),
        (total - built).as_secs_f64(),
        total.as_secs_f64(),
        peak,
        100.0 * hit as f64 / planted.len().max(1) as f64
    );
    if n == 0 {
        eprintln!("scale: no sentences in {}", dir.display());
    }
}
