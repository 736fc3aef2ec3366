//! Paraphrased quotations found by meaning, for judging and for choosing
//! `quote::PARAPHRASE_COSINE`: every story folder under DIR (one article a
//! file, as `benches/claims_gold.py stories DIR` writes them) is surveyed
//! with the encoder and a low floor, and each quotation's closest sentence
//! in each other article that does not carry it in its words is written as
//! one JSON line (story, files, byte spans, texts, cosine) to OUT. The texts
//! are for a reader to judge and stay outside the project; the gold keeps
//! only references (`tests/gold/quote-paraphrase.json`).
//!
//! Run: `cargo bench --bench quote_paraphrase -- DIR OUT [FLOOR]` (FLOOR
//! 0.5 by default; without OUT it only counts). Score the lines against the
//! gold with `python3 benches/quote_paraphrase_gold.py eval OUT`.

use claimdiff::config::MatchConfig;
use claimdiff::corpus::Corpus;
use claimdiff::semantic::Encoder;
use std::io::Write;
use std::path::PathBuf;

#[path = "common/gold.rs"]
mod gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("quote_paraphrase: give the stories folder; skipping");
        return;
    };
    let Some(encoder) = Encoder::embedded() else {
        eprintln!("quote_paraphrase: no embedded encoder; skipping");
        return;
    };
    let encoder: &'static Encoder = Box::leak(Box::new(encoder));
    let out_path = args.get(1).map(PathBuf::from);
    let floor: f32 = args.get(2).and_then(|f| f.parse().ok()).unwrap_or(0.5);
    let mut stories: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("stories folder").map(|e| e.unwrap().path()).collect();
    stories.sort();
    let mut out = out_path.map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("output file")));
    let mut rows = 0;
    for story in stories.iter().filter(|p| p.is_dir()) {
        let (names, articles) = gold::load_story(story);
        let mut corpus = Corpus::build(articles);
        corpus.prepare(&MatchConfig { encoder: Some(encoder), ..MatchConfig::default() });
        let survey = claimdiff::quote::survey(&corpus, Some(encoder), floor);
        let story_name = story.file_name().unwrap().to_string_lossy().into_owned();
        for e in &survey.quotes {
            for c in e.carried.iter().filter(|c| c.similarity.is_some()) {
                rows += 1;
                if let Some(out) = out.as_mut() {
                    let row = serde_json::json!({
                        "story": story_name,
                        "a_file": names[e.source],
                        "a_span": [e.quote.span.start, e.quote.span.end],
                        "a_quote": e.quote.text,
                        "a_speaker": e.quote.speaker,
                        "b_file": names[c.source],
                        "b_span": c.span,
                        "b_sentence": c.text,
                        "cosine": c.similarity,
                    });
                    writeln!(out, "{row}").unwrap();
                }
            }
        }
    }
    println!("{rows} candidate paraphrases at cosine >= {floor}");
}
