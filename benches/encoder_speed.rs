//! The encoder alone: sentences a second over a file of sentences, one per
//! line (default: the 5,000-sentence scale corpus), with a checksum of the
//! vectors so that two builds can be compared for identical output.
//!
//! Run: `cargo bench --bench encoder_speed [-- FILE [REPEATS]]` (make the
//! corpus first with `cargo bench --bench scale`, or pass any file).

use claimdiff::semantic::Encoder;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let file = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/scale/c5000-s11/sentences.txt"));
    let repeats: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let Ok(text) = std::fs::read_to_string(&file) else {
        eprintln!("encoder_speed: cannot read {}; skipping", file.display());
        return;
    };
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let t = std::time::Instant::now();
    let Some(encoder) = Encoder::embedded() else {
        eprintln!("encoder_speed: this build has no embedded encoder; skipping");
        return;
    };
    println!("model {} loaded in {:.2?}", encoder.name(), t.elapsed());
    let mut best = f64::INFINITY;
    let mut vectors = Vec::new();
    for _ in 0..repeats {
        let t = std::time::Instant::now();
        vectors = encoder.embed(&sentences);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let checksum: f64 = vectors.iter().enumerate().map(|(i, v)| f64::from(*v) * ((i % 97) as f64 + 1.0)).sum();
    println!(
        "{} sentences: best of {repeats} {:.3} s, {:.0} sentences/s; checksum {checksum:.6}",
        sentences.len(),
        best,
        sentences.len() as f64 / best
    );
}
