//! Quotations against `tests/gold/quotes.json`: who said each quotation,
//! and how versions of one quotation in two outlets relate. See the README
//! beside the gold file.
//!
//! Speakers: each gold quotation is matched to the extracted quotation that
//! overlaps it most (none: missed, counted as a wrong speaker), and the
//! speaker is right when its last name word is one of the gold speaker's
//! words ("Mr Okonjo-Vance" for "Dariusz Okonjo-Vance", "the source" for
//! "a police source"), titles and case aside. Relations: each gold pair's
//! quotation `a` is looked up in the `quotes` survey of its story, and what
//! the survey says of `b`'s article is compared with the label. Floors:
//! speaker accuracy at least 0.95, no `altered` verdict between quotations
//! whose gold speakers differ, and the `paraphrased` pairs the survey's
//! word-overlap rule can find (3 of 5 with ECB+, 2 of 3 without: the
//! others retell the quotation in other words).
//!
//! The ECB+ part runs only when `CLAIMDIFF_SHARED` names the shared folder;
//! its text is read from there and never stored. The `data/` part always
//! runs.

use crate::paraphrase_gold::{cleaned_article, ecbplus_texts, raw_article};
use crate::util::gold_key;
use claimdiff::article::Article;
use claimdiff::config::MatchConfig;
use claimdiff::quote::{extract, QuoteStatus, QuoteSurvey};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// A document: its source and its name in the gold file.
type DocId = (String, String);

/// A gold quotation resolved against its document.
struct GoldQuote {
    id: String,
    doc: DocId,
    /// The quoted words, as a byte span of the article text.
    span: (usize, usize),
    /// The speaker as the text names them (`None`: "unknown").
    speaker: Option<String>,
}

/// Byte offset of char offset `c` in `text`.
fn byte_at(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

/// The byte span of an ECB+ reference (`start`, `end` in chars), checked
/// against its key.
fn ecb_span(text: &str, r: &Value, what: &str) -> (usize, usize) {
    let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
    let (bs, be) = (byte_at(text, s), byte_at(text, e));
    assert_eq!(gold_key(&text[bs..be], 8), r["key"].as_str().unwrap(), "{what}: the key matches the text");
    (bs, be)
}

/// The byte span of a `data/` reference: the first occurrence of its text.
fn data_span(text: &str, r: &Value, what: &str) -> (usize, usize) {
    let t = r["text"].as_str().unwrap();
    let s = text.find(t).unwrap_or_else(|| panic!("{what}: the text is in the cleaned article"));
    (s, s + t.len())
}

/// Speaker words: lower-cased, split at spaces and hyphens, without titles,
/// articles and possessives.
fn speaker_words(s: &str) -> Vec<String> {
    const SKIP: &[&str] = &[
        "a", "an", "the", "his", "her", "their", "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "lt", "col", "supt",
        "const", "sen", "rep", "gov",
    ];
    s.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            w.trim_end_matches("\u{2019}s").trim_end_matches("'s").to_owned()
        })
        .filter(|w| !w.is_empty() && !SKIP.contains(&w.as_str()))
        .collect()
}

/// Whether the tool's speaker names the gold one: its last name word is one
/// of the gold speaker's words.
fn speaker_right(got: Option<&str>, want: Option<&str>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(w)) => {
            let want = speaker_words(w);
            speaker_words(g).last().is_some_and(|l| want.contains(l))
        }
        _ => false,
    }
}

/// Whether two gold speakers are different people: neither one's words are
/// all in the other's ("Fanning" and "Tim Fanning" are one; "Makaeo
/// Williams" and "Jumaane Williams" are two).
fn gold_speakers_differ(a: &str, b: &str) -> bool {
    let (wa, wb): (HashSet<String>, HashSet<String>) =
        (speaker_words(a).into_iter().collect(), speaker_words(b).into_iter().collect());
    !wa.is_subset(&wb) && !wb.is_subset(&wa)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The story a document belongs to: its `data/` folder, or its ECB+
/// subtopic ("18_2ecb" is in "18ecb").
fn story(doc: &DocId) -> String {
    match doc.0.as_str() {
        "data" => doc.1.rsplit_once('/').map_or("", |(dir, _)| dir).split('/').next().unwrap().to_owned(),
        _ => {
            let (topic, rest) = doc.1.split_once('_').unwrap();
            let kind = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            format!("{topic}{kind}")
        }
    }
}

/// Per source: quotations, found, speaker right.
#[derive(Default, Clone, Copy)]
struct SpeakerTally {
    quotes: usize,
    found: usize,
    right: usize,
}

#[test]
fn quote_gold_speakers_and_relations() {
    let gold: Value = serde_json::from_str(include_str!("../gold/quotes.json")).unwrap();
    let shared = std::env::var_os("CLAIMDIFF_SHARED");
    if shared.is_none() {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the ECB+ part of the quote gold");
    }
    let wanted_source = |s: &str| s == "data" || shared.is_some();
    let quotes_json: Vec<&Value> =
        gold["quotes"].as_array().unwrap().iter().filter(|q| wanted_source(q["source"].as_str().unwrap())).collect();
    let relations_json: Vec<&Value> =
        gold["relations"].as_array().unwrap().iter().filter(|r| wanted_source(r["source"].as_str().unwrap())).collect();

    // Every document the gold names, loaded the way the tool reads it: data/
    // files cleaned, ECB+ texts raw.
    let mut names: HashSet<DocId> = HashSet::new();
    for q in &quotes_json {
        names.insert((q["source"].as_str().unwrap().to_owned(), q["doc"].as_str().unwrap().to_owned()));
    }
    for r in &relations_json {
        if let Some(doc) = r["b"]["doc"].as_str() {
            names.insert((r["source"].as_str().unwrap().to_owned(), doc.to_owned()));
        }
    }
    let mut docs: BTreeMap<DocId, Article> = BTreeMap::new();
    let ecb: HashSet<&str> = names.iter().filter(|d| d.0 == "ecbplus").map(|d| d.1.as_str()).collect();
    if let Some(shared) = &shared {
        let texts = ecbplus_texts(Path::new(shared), &ecb);
        assert_eq!(texts.len(), ecb.len(), "every referenced ECB+ document is in subtopics.jsonl");
        for (id, text) in &texts {
            assert!(!text.starts_with('\u{feff}'), "{id}: offsets count from the first character");
            docs.insert(("ecbplus".to_owned(), id.clone()), raw_article(id, text));
        }
    }
    for d in names.iter().filter(|d| d.0 == "data") {
        docs.insert(d.clone(), cleaned_article(&d.1));
    }

    // Resolve the gold quotations.
    let mut gold_quotes: Vec<GoldQuote> = Vec::new();
    for q in &quotes_json {
        let id = q["id"].as_str().unwrap().to_owned();
        let doc = (q["source"].as_str().unwrap().to_owned(), q["doc"].as_str().unwrap().to_owned());
        let text = &docs[&doc].text;
        let (span, speaker) = if doc.0 == "data" {
            let speaker = q["speaker"].as_str().unwrap();
            (data_span(text, q, &id), (speaker != "unknown").then(|| speaker.to_owned()))
        } else {
            let span = ecb_span(text, &q["quote"], &id);
            let speaker = match &q["speaker"] {
                Value::String(s) if s == "unknown" => None,
                v => {
                    let (s, e) = ecb_span(text, v, &format!("{id} speaker"));
                    Some(text[s..e].to_owned())
                }
            };
            (span, speaker)
        };
        gold_quotes.push(GoldQuote { id, doc, span, speaker });
    }
    let by_id: HashMap<&str, &GoldQuote> = gold_quotes.iter().map(|q| (q.id.as_str(), q)).collect();

    // Speakers.
    let mut tally: BTreeMap<&str, SpeakerTally> = BTreeMap::new();
    let extracted: HashMap<&DocId, Vec<claimdiff::quote::Quote>> =
        docs.iter().map(|(id, a)| (id, extract(&a.text))).collect();
    for g in &gold_quotes {
        let t = tally.entry(g.doc.0.as_str()).or_default();
        t.quotes += 1;
        let best = extracted[&g.doc]
            .iter()
            .map(|q| (q.parts.iter().map(|p| overlap((p.start, p.end), g.span)).sum::<usize>(), q))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, q)| q);
        let Some(q) = best else {
            eprintln!("quote gold: missed quotation {} ({})", g.id, g.doc.1);
            continue;
        };
        t.found += 1;
        if speaker_right(q.speaker.as_deref(), g.speaker.as_deref()) {
            t.right += 1;
        } else {
            eprintln!(
                "quote gold: speaker of {} (extracted at {}..{}): got {:?}, want {:?}",
                g.id,
                q.span.start,
                q.span.end,
                q.speaker.as_deref().unwrap_or("unknown"),
                g.speaker.as_deref().unwrap_or("unknown")
            );
        }
    }
    let mut all = SpeakerTally::default();
    for (source, t) in &tally {
        eprintln!(
            "quote gold: {source:<8} quotations {:>3}  found {:>3}  speaker right {:>3}  accuracy {:.3}",
            t.quotes,
            t.found,
            t.right,
            t.right as f64 / t.quotes as f64
        );
        all.quotes += t.quotes;
        all.found += t.found;
        all.right += t.right;
    }
    let accuracy = all.right as f64 / all.quotes as f64;
    eprintln!(
        "quote gold: all      quotations {:>3}  found {:>3}  speaker right {:>3}  accuracy {accuracy:.3}",
        all.quotes, all.found, all.right
    );

    // One survey per story, of every document of it the gold names.
    let mut stories: BTreeMap<String, Vec<&DocId>> = BTreeMap::new();
    for d in docs.keys() {
        stories.entry(story(d)).or_default().push(d);
    }
    let mut surveys: HashMap<&DocId, (usize, std::rc::Rc<QuoteSurvey>)> = HashMap::new();
    for members in stories.values() {
        // As `claimdiff quotes` runs it: with the bundled encoder.
        let articles: Vec<Article> = members.iter().map(|d| docs[*d].clone()).collect();
        let s = std::rc::Rc::new(claimdiff::quote_survey_with(articles, &encoder_config()));
        for (k, d) in members.iter().enumerate() {
            surveys.insert(d, (k, s.clone()));
        }
    }
    // How the survey says article `b` carries the quotation at `span` of
    // article `a`: the status and the span it points at.
    let carried = |a: &DocId, span: (usize, usize), b: &DocId| -> Option<(QuoteStatus, Option<(usize, usize)>)> {
        let (ka, s) = &surveys[a];
        let (kb, _) = &surveys[b];
        let entry = s
            .quotes
            .iter()
            .filter(|e| e.source == *ka)
            .map(|e| (e.quote.parts.iter().map(|p| overlap((p.start, p.end), span)).sum::<usize>(), e))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)?
            .1;
        let c = s.carried(entry).find(|(j, _)| j == kb)?.1;
        Some(match c {
            Some(c) => (c.status, c.span.map(|[x, y]| (x, y))),
            None => (QuoteStatus::Absent, None),
        })
    };

    // Relations.
    let mut rel_total: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    let mut altered_across = Vec::new();
    let mut paraphrase_missed = Vec::new();
    for r in &relations_json {
        let source = r["source"].as_str().unwrap();
        let label = r["relation"].as_str().unwrap();
        let a = by_id[r["a"].as_str().unwrap()];
        let (b_doc, b_span, b_speaker) = match &r["b"] {
            Value::String(id) => {
                let b = by_id[id.as_str()];
                (b.doc.clone(), b.span, b.speaker.clone())
            }
            v => {
                let doc = (source.to_owned(), v["doc"].as_str().unwrap().to_owned());
                let text = &docs[&doc].text;
                let span = if source == "data" { data_span(text, v, label) } else { ecb_span(text, v, label) };
                (doc, span, None)
            }
        };
        let got = carried(&a.doc, a.span, &b_doc);
        let points_at_b = |g: &Option<(QuoteStatus, Option<(usize, usize)>)>| {
            g.as_ref().and_then(|(_, s)| *s).is_some_and(|s| overlap(s, b_span) > 0)
        };
        let status = got.as_ref().map(|(s, _)| *s);
        let right = match label {
            "different_speakers" => !(status == Some(QuoteStatus::Altered) && points_at_b(&got)),
            _ => status.is_some_and(|s| s.as_str() == label) && points_at_b(&got),
        };
        let e = rel_total.entry((source, label)).or_default();
        e.0 += 1;
        e.1 += right as usize;
        if !right {
            eprintln!(
                "quote gold: relation {} / {} ({label}): got {}",
                a.id,
                r["b"].as_str().unwrap_or(&b_doc.1),
                status.map_or("no quotation", |s| s.as_str())
            );
        }
        if label == "paraphrased" && !right {
            paraphrase_missed.push(a.id.clone());
        }
        let differ = match (&a.speaker, &b_speaker) {
            (Some(x), Some(y)) => gold_speakers_differ(x, y),
            _ => label == "different_speakers",
        };
        if differ && status == Some(QuoteStatus::Altered) && points_at_b(&got) {
            altered_across.push(format!("{} / {}", a.id, b_doc.1));
        }
    }
    // Beyond the labelled pairs: no gold quotation is called an altered
    // version of another gold quotation whose gold speaker differs.
    for a in &gold_quotes {
        for b in gold_quotes.iter().filter(|b| b.doc != a.doc && story(&b.doc) == story(&a.doc)) {
            let (Some(x), Some(y)) = (&a.speaker, &b.speaker) else { continue };
            if !gold_speakers_differ(x, y) {
                continue;
            }
            let got = carried(&a.doc, a.span, &b.doc);
            if let Some((QuoteStatus::Altered, Some(s))) = got {
                if overlap(s, b.span) > 0 {
                    altered_across.push(format!("{} / {}", a.id, b.id));
                }
            }
        }
    }
    altered_across.sort();
    altered_across.dedup();
    for ((source, label), (n, right)) in &rel_total {
        eprintln!("quote gold: {source:<8} {label:<18} pairs {n:>3}  right {right:>3}");
    }
    eprintln!("quote gold: altered across different speakers: {}", altered_across.len());

    assert!(accuracy >= 0.95, "speaker accuracy {accuracy:.3} < 0.95");
    assert!(altered_across.is_empty(), "altered across different speakers: {altered_across:?}");
    // The survey finds a paraphrase by the quotation's content words (60%
    // in one sentence) or by meaning (the encoder, cosine 0.70); the two
    // retellings missed today score under that floor (0.653 for data/f1).
    // The floor is today's count.
    let paraphrased = relations_json.iter().filter(|r| r["relation"] == "paraphrased").count();
    let found = paraphrased - paraphrase_missed.len();
    eprintln!("quote gold: paraphrased pairs found {found} of {paraphrased}: missed {paraphrase_missed:?}");
    let floor = if shared.is_some() { 3 } else { 2 };
    assert!(found >= floor, "paraphrased pairs found {found} < {floor}: missed {paraphrase_missed:?}");
}

/// The matching options with the encoder compiled into the build.
fn encoder_config() -> MatchConfig {
    let encoder = claimdiff::semantic::Encoder::embedded().expect("the default build embeds its encoder");
    MatchConfig { encoder: Some(Box::leak(Box::new(encoder))), ..MatchConfig::default() }
}
