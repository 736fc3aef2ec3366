//! Story grouping against gold stories: ECB+'s 86 subtopics (982 real
//! articles; read from `CLAIMDIFF_SHARED`, skipped without it), scored by
//! B-cubed F1 and the adjusted Rand index, beside a plain TF-IDF baseline;
//! and the `stories` command's CSV/JSON contracts on generated input.

use crate::util::*;
use claimdiff::article::Article;
use claimdiff::stories::{self, StoryConfig};
use std::collections::HashMap;

/// B-cubed precision, recall and F1 of `pred` against `gold` (labels per
/// item).
pub fn bcubed(pred: &[usize], gold: &[usize]) -> (f64, f64, f64) {
    let n = pred.len();
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let same_pred = (0..n).filter(|&j| pred[j] == pred[i]).count() as f64;
        let same_gold = (0..n).filter(|&j| gold[j] == gold[i]).count() as f64;
        let both = (0..n).filter(|&j| pred[j] == pred[i] && gold[j] == gold[i]).count() as f64;
        p += both / same_pred;
        r += both / same_gold;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// The adjusted Rand index of two labellings.
pub fn adjusted_rand(pred: &[usize], gold: &[usize]) -> f64 {
    let c2 = |x: f64| x * (x - 1.0) / 2.0;
    let mut table: HashMap<(usize, usize), f64> = HashMap::new();
    let mut a: HashMap<usize, f64> = HashMap::new();
    let mut b: HashMap<usize, f64> = HashMap::new();
    for (&p, &g) in pred.iter().zip(gold) {
        *table.entry((p, g)).or_default() += 1.0;
        *a.entry(p).or_default() += 1.0;
        *b.entry(g).or_default() += 1.0;
    }
    let index: f64 = table.values().map(|&x| c2(x)).sum();
    let sa: f64 = a.values().map(|&x| c2(x)).sum();
    let sb: f64 = b.values().map(|&x| c2(x)).sum();
    let expected = sa * sb / c2(pred.len() as f64);
    (index - expected) / ((sa + sb) / 2.0 - expected)
}

/// The baseline's similarities: unigram TF-IDF (`(1 + ln tf) * ln(N /
/// df)`) over title and text, cosine, for every pair at or above `floor`
/// (computed once for all the thresholds tried).
fn baseline_pairs(articles: &[Article], floor: f64) -> Vec<(usize, usize, f64)> {
    let docs: Vec<HashMap<String, f64>> = articles
        .iter()
        .map(|a| {
            let mut tf: HashMap<String, f64> = HashMap::new();
            let text = format!("{} {}", a.meta.title.as_deref().unwrap_or(""), a.text);
            for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1) {
                let w = w.to_lowercase();
                if !claimdiff::normalize::is_stop_word(&w) {
                    *tf.entry(w).or_default() += 1.0;
                }
            }
            tf
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for d in &docs {
        for w in d.keys() {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let n = docs.len() as f64;
    let vecs: Vec<HashMap<&str, f64>> = docs
        .iter()
        .map(|d| {
            let v: HashMap<&str, f64> =
                d.iter().map(|(w, &tf)| (w.as_str(), (1.0 + tf.ln()) * (n / df[w.as_str()]).ln())).collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.into_iter().map(|(w, x)| (w, x / norm)).collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..vecs.len() {
        for j in i + 1..vecs.len() {
            let s: f64 = vecs[i].iter().filter_map(|(w, x)| vecs[j].get(w).map(|y| x * y)).sum();
            if s >= floor {
                pairs.push((i, j, s));
            }
        }
    }
    pairs
}

/// The baseline's stories: connected components of the pairs at or above
/// `t`.
fn baseline(n: usize, pairs: &[(usize, usize, f64)], t: f64) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, s) in pairs {
        if s >= t {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a] = b;
        }
    }
    (0..n).map(|i| find(&mut parent, i)).collect()
}

/// ECB+ articles (title, text) with their topic number and subtopic label.
fn ecbplus() -> Option<(Vec<Article>, Vec<u32>, Vec<usize>)> {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("note: CLAIMDIFF_SHARED is unset: skipping the ECB+ story grouping");
        return None;
    };
    let path = std::path::Path::new(&shared).join("bench/ecbplus/subtopics.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut articles, mut topics, mut gold) = (Vec::new(), Vec::new(), Vec::new());
    for (k, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for d in v["docs"].as_array().unwrap() {
            // One document has an empty text: its title stands in.
            let (title, body) = (d["title"].as_str().unwrap_or(""), d["text"].as_str().unwrap_or(""));
            let body = if body.trim().is_empty() { title } else { body };
            let mut a = Article::from_text(d["doc_id"].as_str().unwrap(), body).unwrap();
            a.meta.title = Some(title.to_owned());
            articles.push(a);
            topics.push(v["topic"].as_u64().unwrap() as u32);
            gold.push(k);
        }
    }
    Some((articles, topics, gold))
}

fn labels(n: usize, stories: &[stories::Story]) -> Vec<usize> {
    let mut l = vec![usize::MAX; n];
    for (k, s) in stories.iter().enumerate() {
        for &i in &s.articles {
            l[i] = k;
        }
    }
    assert!(l.iter().all(|&x| x != usize::MAX), "every article in a story");
    l
}

#[test]
fn ecbplus_stories_reach_the_floor_and_beat_the_baseline() {
    let Some((articles, topics, gold)) = ecbplus() else { return };
    let n = articles.len();
    let pred = labels(n, &stories::group(&articles, &StoryConfig::default()));
    let (p, r, f1) = bcubed(&pred, &gold);
    let ari = adjusted_rand(&pred, &gold);
    let stories_found = pred.iter().collect::<std::collections::HashSet<_>>().len();
    eprintln!("ECB+ stories: B-cubed P {p:.3} R {r:.3} F1 {f1:.3}, ARI {ari:.3}, {stories_found} stories (gold 86)");
    // The threshold was fitted on the odd topics: the even ones are held out.
    let half = |odd: bool| {
        let idx: Vec<usize> = (0..n).filter(|&i| (topics[i] % 2 == 1) == odd).collect();
        let sub: Vec<usize> = idx.iter().map(|&i| pred[i]).collect();
        let g: Vec<usize> = idx.iter().map(|&i| gold[i]).collect();
        bcubed(&sub, &g).2
    };
    eprintln!("  by half: odd topics (fitted) F1 {:.3}, even topics (held out) F1 {:.3}", half(true), half(false));
    let mut best = (0.0, 0.0, 0.0);
    let thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45];
    let pairs = baseline_pairs(&articles, thresholds[0]);
    for t in thresholds {
        let b = baseline(n, &pairs, t);
        let (_, _, bf1) = bcubed(&b, &gold);
        if bf1 > best.1 {
            best = (t, bf1, adjusted_rand(&b, &gold));
        }
    }
    eprintln!(
        "  baseline (unigram TF-IDF, connected components, best threshold {}): F1 {:.3}, ARI {:.3}",
        best.0, best.1, best.2
    );
    assert!(f1 >= 0.90, "B-cubed F1 {f1:.3} below the floor of 0.90");
    assert!(f1 > best.1, "no better than the baseline");
}

#[test]
fn stories_command_writes_the_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("mixed.jsonl");
    let strike = std::fs::read_to_string(JSONL).unwrap();
    let quake = |outlet: &str, extra: &str| {
        serde_json::json!({
            "outlet": outlet, "title": "Earthquake shakes Valdoria", "date": "2025-03-12",
            "text": format!("A magnitude 6.1 earthquake struck near Valdoria on Tuesday, killing 14 people. Rescue \
                     teams in Valdoria searched collapsed buildings through the night. {extra} The Valdoria \
                     governor declared a state of emergency.")
        })
        .to_string()
    };
    std::fs::write(
        &jsonl,
        format!(
            "{strike}{}\n{}\n",
            quake("Quake Daily", "Hospitals were full."),
            quake("Valdoria Post", "Schools shut.")
        ),
    )
    .unwrap();
    let out = claimdiff().args(["stories", "--format", "csv"]).arg(&jsonl).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["story", "article", "outlet", "date", "title"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let story_of = |outlet: &str| rows.iter().find(|r| &r[2] == outlet).unwrap()[0].to_string();
    // The four strike reports are one story, the two quake reports another.
    let strike_story = story_of("Coastal Herald");
    for o in ["Meridian Wire", "Northport Times", "The Daily Ledger"] {
        assert_eq!(story_of(o), strike_story, "{o}");
    }
    assert_eq!(story_of("Quake Daily"), story_of("Valdoria Post"));
    assert_ne!(story_of("Quake Daily"), strike_story);
    assert!(rows.iter().any(|r| r[1].ends_with("mixed.jsonl:5")), "article names the JSONL line");
    // JSON: the same grouping.
    let out = claimdiff().args(["stories", "--format", "json"]).arg(&jsonl).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories.iter().map(|s| s["articles"].as_array().unwrap().len()).sum::<usize>(), 6);
}

#[test]
fn two_articles_alone_are_one_story_only_when_they_report_one_event() {
    // With two articles document frequencies say nothing: unrelated
    // reports must still stay apart, and two reports of one event join.
    let stories = |a: &str, b: &str| {
        let out = claimdiff().args(["stories", "--format", "json", a, b]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["stories"].as_array().unwrap().len()
    };
    let (strike, ferry, quarry) = (HERALD, "data/reuse/wire/ferry-grounding.txt", "data/wire/agency-copy.txt");
    assert_eq!(stories(strike, quarry), 2);
    assert_eq!(stories(strike, ferry), 2);
    assert_eq!(stories("data/reuse/stories/skerrow-times.txt", quarry), 2);
    assert_eq!(stories(strike, LEDGER), 1);
    assert_eq!(stories("data/reuse/stories/skerrow-times.txt", ferry), 1);
}

#[test]
fn a_story_many_outlets_ran_word_for_word_is_one_story() {
    // Sixty outlets running one wire story: every term of it is in every
    // article, so no term is rare; the rarest one each shares still brings
    // the others as candidates (above fifty copies they were each alone).
    let text = std::fs::read_to_string(HERALD).unwrap();
    let body = text.rsplit("---\n").next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pickup.jsonl");
    let lines: Vec<String> =
        (0..60).map(|i| serde_json::json!({"outlet": format!("Outlet {i}"), "text": body}).to_string()).collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = claimdiff().args(["stories", "--format", "json"]).arg(&path).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 60);
}

#[test]
fn the_samples_three_stories() {
    // The sample folders hold three events: the port strike (four outlets,
    // JSONL), the ferry grounding (agency copy and three stories, one the
    // island paper's own account) and the quarry trial (one agency story).
    let out = claimdiff()
        .args(["stories", "--format", "json", JSONL, "data/reuse/stories", "data/reuse/wire", "data/wire"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut groups: Vec<Vec<String>> = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut a: Vec<String> =
                s["articles"].as_array().unwrap().iter().map(|a| a["article"].as_str().unwrap().to_owned()).collect();
            a.sort();
            a
        })
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        vec![
            vec![
                "data/harbour-strike.jsonl:1",
                "data/harbour-strike.jsonl:2",
                "data/harbour-strike.jsonl:3",
                "data/harbour-strike.jsonl:4"
            ],
            vec![
                "data/reuse/stories/highland-examiner.txt",
                "data/reuse/stories/mainland-courier.txt",
                "data/reuse/stories/skerrow-times.txt",
                "data/reuse/wire/ferry-grounding.txt"
            ],
            vec!["data/wire/agency-copy.txt"],
        ]
    );
}

#[test]
fn compare_by_story_reports_each_story() {
    let inputs = [JSONL, "data/reuse/stories", "data/reuse/wire", "data/wire"];
    let out =
        claimdiff().args(["compare", "--by-story", "--lexical", "--format", "json"]).args(inputs).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // One JSON Lines record per story with two or more articles; the
    // one-article story is named on stderr.
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["schema_version"], 1);
        assert!(l["story"].as_str().unwrap().starts_with('S'));
        assert_eq!(l["sources"].as_array().unwrap().len(), 4);
        assert_eq!(l["scorer"], "lexical");
        assert!(!l["claims"].as_array().unwrap().is_empty());
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 stories have one article"));
    // Each story's report is the claims report of its articles alone.
    let alone = claimdiff().args(["compare", "--lexical", "--format", "json", JSONL]).output().unwrap();
    let mut alone: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
    let strike = lines.iter().find(|l| l["sources"][0]["path"] == "data/harbour-strike.jsonl:1").unwrap();
    alone["story"] = strike["story"].clone();
    assert_eq!(&alone, strike);
    // The findings table: the contract's columns and a last `story` column.
    let out =
        claimdiff().args(["compare", "--by-story", "--lexical", "--format", "findings"]).args(inputs).output().unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.last().map(String::as_str), Some("story"));
    assert_eq!(
        header[..11].join(","),
        "finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails"
    );
    let stories: std::collections::BTreeSet<String> = r.records().map(|x| x.unwrap()[11].to_owned()).collect();
    assert_eq!(stories.len(), 2);
    // Formats that make one document per run are refused.
    let out = claimdiff().args(["compare", "--by-story", "--format", "html"]).args(inputs).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--by-story writes --format json"));
}

#[test]
fn the_window_holds_between_every_two_articles_and_bad_dates_are_unknown() {
    // One story's text three times: dated 2025-03-13, undated, and dated
    // 78 days later. The undated copy must not bridge the two dates.
    let body: String = std::fs::read_to_string(HERALD)
        .unwrap()
        .lines()
        .skip_while(|l| *l != "---")
        .skip(1)
        .skip_while(|l| *l != "---")
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, date: &str| {
        let fm = if date.is_empty() { String::new() } else { format!("---\ndate: {date}\n---\n") };
        std::fs::write(dir.path().join(name), format!("{fm}{body}")).unwrap();
    };
    write("a.txt", "2025-03-13");
    write("b.txt", "");
    write("c.txt", "2025-05-30");
    write("d.txt", "2023-13-45");
    let out = claimdiff().args(["stories", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("d.txt: date `2023-13-45` is not a date"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v.to_string();
    assert!(!text.contains("2023-13-45"), "an invalid date is never shown as one: {text}");
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{text}");
    for s in stories {
        let names: Vec<String> = s["articles"].as_array().unwrap().iter().map(|a| a["article"].to_string()).collect();
        let both = names.iter().any(|n| n.contains("a.txt")) && names.iter().any(|n| n.contains("c.txt"));
        assert!(!both, "articles 78 days apart in one story: {names:?}");
    }
}
