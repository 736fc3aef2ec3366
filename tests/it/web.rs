//! Web pages in (`data/pages`: three pages of the sample story, with Open
//! Graph, JSON-LD, and neither): metadata from the page, the same claims as
//! the extracted text, bad pages refused on one line; and, where
//! `CLAIMDIFF_SHARED` is set, the body extraction floor on the public
//! article extraction benchmark (keys only, no text, leave the shared folder).

use crate::util::claimdiff;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

const OG: &str = "data/pages/coastal-herald.html";
const LD: &str = "data/pages/meridian-wire.html.gz";
const BARE: &str = "data/pages/northport-times.htm";

fn extract_json(args: &[&str]) -> Vec<Value> {
    let out = claimdiff().arg("extract").arg("--format").arg("json").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

#[test]
fn pages_give_outlet_title_date_url_and_byline() {
    let got = extract_json(&["data/pages"]);
    let by_path: HashMap<&str, &Value> = got.iter().map(|a| (a["path"].as_str().unwrap(), a)).collect();
    let og = by_path[OG];
    assert_eq!(og["outlet"], "Coastal Herald");
    assert_eq!(og["title"], "Northport dock workers walk out after fatal crane collapse");
    assert_eq!(og["date"], "2025-03-13");
    assert_eq!(
        og["url"],
        "https://coastal-herald.example/news/2025/03/13/northport-dock-workers-walk-out-after-fatal-crane-collapse"
    );
    assert_eq!(og["byline"], "Dana Whitlock");
    let ld = by_path[LD];
    assert_eq!(ld["outlet"], "Meridian Wire");
    assert_eq!(ld["title"], "Northport dockers strike after crane collapse kills operator");
    assert_eq!(ld["date"], "2025-03-12");
    assert_eq!(ld["url"], "https://meridian-wire.example/world/2025-03-12/northport-dockers-strike-crane-collapse");
    assert_eq!(ld["byline"], "Tomas Reyna");
    // Neither: the title's site name is the outlet, cut from the headline.
    let bare = by_path[BARE];
    assert_eq!(bare["outlet"], "Northport Times");
    assert_eq!(bare["title"], "Northport strike enters third day as city mourns crane operator");
    assert!(bare["date"].is_null() && bare["url"].is_null());
    for a in &got {
        let text = a["text"].as_str().unwrap();
        for furniture in [
            "Accept all",
            "Sign up for our newsletter",
            "Related stories",
            "Share on Facebook",
            "thoughts with the family",
            "Privacy policy",
        ] {
            assert!(!text.contains(furniture), "{}: {furniture:?} kept", a["path"]);
        }
    }
    assert!(by_path[LD]["text"].as_str().unwrap().contains("About 1,200 workers"));
}

#[test]
fn comparing_pages_is_comparing_their_extracted_texts() {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for (page, name) in [(OG, "a.txt"), (LD, "b.txt")] {
        let out = claimdiff().args(["extract", page]).output().unwrap();
        assert!(out.status.success());
        let path = dir.path().join(name);
        std::fs::write(&path, &out.stdout).unwrap();
        texts.push(path);
    }
    let report = |a: &Path, b: &Path| {
        let out = claimdiff().args(["compare", "--format", "json"]).arg(a).arg(b).output().unwrap();
        let mut v: Value = serde_json::from_slice(&out.stdout).unwrap();
        // Only the paths may differ.
        for source in v["sources"].as_array_mut().unwrap() {
            source["path"] = Value::Null;
        }
        v
    };
    assert_eq!(report(Path::new(OG), Path::new(LD)), report(&texts[0], &texts[1]));
}

#[test]
fn a_page_on_stdin_is_read_by_its_content() {
    let page = std::fs::read(OG).unwrap();
    let out = claimdiff().args(["extract", "--format", "json", "-"]).write_stdin(page).output().unwrap();
    let got: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got[0]["outlet"], "Coastal Herald");
}

#[test]
fn bad_pages_are_refused_alone_and_skipped_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(OG).unwrap();
    let cut = dir.path().join("cut.html");
    std::fs::write(&cut, &page[..page.len() / 2]).unwrap();
    let front = dir.path().join("front.html");
    std::fs::write(&front, "<html><head><title>News | Coastal Herald</title></head><body><nav><a href=/>Home</a></nav><ul><li><a href=/a>Story one</a></li></ul></body></html>").unwrap();
    // Nested past the guard's bound (the extractor's time grows with the
    // square of the nesting, and 100,000 levels overflowed its stack).
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, format!("<html><body>{}</body></html>", "<div>".repeat(100_000))).unwrap();
    for bad in [&cut, &front, &deep] {
        let out = claimdiff().arg("extract").arg(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(bad.file_name().unwrap().to_str().unwrap()), "{err}");
    }
    std::fs::copy(OG, dir.path().join("good.html")).unwrap();
    let out = claimdiff().args(["extract", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cut.html: skipped: page looks truncated"), "{err}");
    assert!(err.contains("front.html: skipped: page holds no article text"), "{err}");
    assert!(err.contains("deep.html: skipped: page nests elements more than 1000 deep"), "{err}");
    assert_eq!(serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap().len(), 1);
}

/// The benchmark's metric: word 4-gram shingles (`\w+`), counted with
/// multiplicity, per page; precision and recall averaged; F1 of the means.
fn benchmark_f1(truth: &HashMap<String, String>, pred: &HashMap<String, String>) -> f64 {
    fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
        let toks: Vec<&str> =
            text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect();
        let mut out = HashMap::new();
        for w in toks.windows(4.min(toks.len().max(1))) {
            *out.entry(w.to_vec()).or_default() += 1;
        }
        out
    }
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for (key, t) in truth {
        let (t, p) = (shingles(t), shingles(pred.get(key).map_or("", String::as_str)));
        let tp: usize = t.iter().map(|(k, n)| (*n).min(*p.get(k).unwrap_or(&0))).sum();
        let (nt, np): (usize, usize) = (t.values().sum(), p.values().sum());
        let (fp, fn_) = (np - tp, nt - tp);
        if fp == 0 && fn_ == 0 {
            ps.push(1.0);
            rs.push(1.0);
            continue;
        }
        if tp + fp > 0 {
            ps.push(tp as f64 / (tp + fp) as f64);
        }
        if tp + fn_ > 0 {
            rs.push(tp as f64 / (tp + fn_) as f64);
        }
    }
    let (p, r) = (ps.iter().sum::<f64>() / ps.len() as f64, rs.iter().sum::<f64>() / rs.len() as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn body_extraction_holds_its_floor_on_the_public_benchmark() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("note: CLAIMDIFF_SHARED is unset: skipping the article extraction benchmark");
        return;
    };
    let bench = Path::new(&shared).join("bench/article-extraction");
    let truth: HashMap<String, Value> =
        serde_json::from_slice(&std::fs::read(bench.join("ground-truth.json")).unwrap()).unwrap();
    let truth: HashMap<String, String> =
        truth.into_iter().map(|(k, v)| (k, v["articleBody"].as_str().unwrap_or("").to_owned())).collect();
    let got = extract_json(&[bench.join("html").to_str().unwrap()]);
    let pred: HashMap<String, String> = got
        .iter()
        .map(|a| {
            let name = Path::new(a["path"].as_str().unwrap()).file_name().unwrap().to_str().unwrap();
            (name.split('.').next().unwrap().to_owned(), a["text"].as_str().unwrap().to_owned())
        })
        .collect();
    // Every page is read: none is refused (the nesting guard among the
    // refusals: these pages nest at most 49 elements deep).
    assert_eq!(pred.len(), truth.len(), "pages refused");
    let f1 = benchmark_f1(&truth, &pred);
    eprintln!("article extraction benchmark: {} pages, F1 {f1:.3}", truth.len());
    // 0.979 with claimdiff's own reader (0.956 with rs-trafilatura when the
    // floor was first set; trafilatura 2.3 in the same run: 0.955); the
    // issue's floor is 0.96. BENCHMARKS.md.
    assert!(f1 >= 0.97, "F1 {f1:.3} below the floor of 0.97");
}

/// `split`'s output and stderr for a page's bytes written to `name`.
fn split_page(dir: &Path, name: &str, bytes: &[u8]) -> (Option<i32>, String, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = claimdiff().arg("split").arg(&path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn pages_saved_as_utf16_or_declaring_the_wrong_charset_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(OG).unwrap();
    let (_, plain, _) = split_page(dir.path(), "plain.html", html.as_bytes());
    // Windows' "Unicode" save: UTF-16 with a byte-order mark, either order.
    // It was read as text, its markup the article.
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(html.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(html.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    for (name, bytes, enc) in [("le.html", &le, "UTF-16LE"), ("be.html", &be, "UTF-16BE")] {
        let (code, out, err) = split_page(dir.path(), name, bytes);
        assert_eq!((code, out.as_str()), (Some(0), plain.as_str()), "{err}");
        assert!(err.contains(&format!("{enc} page (byte-order mark); decoded to UTF-8")), "{err}");
    }
    // Without the mark: refused as UTF-16, not as a truncated page.
    let (code, _, err) = split_page(dir.path(), "bare.html", &le[2..]);
    assert_eq!(code, Some(2));
    assert!(err.contains("UTF-16LE text without a byte-order mark"), "{err}");
    // UTF-8 bytes under a windows-1252 declaration: read as UTF-8.
    let lying = html.replacen("<head>", "<head><meta charset=\"windows-1252\">", 1);
    assert_ne!(lying, html);
    let (code, out, err) = split_page(dir.path(), "lying.html", lying.as_bytes());
    assert_eq!((code, out.as_str()), (Some(0), plain.as_str()), "{err}");
}

#[test]
fn a_tag_of_thousands_of_attributes_is_refused_at_once() {
    // The parser checks each attribute of a tag against those before it: a
    // 1 MB page of one such tag took 21 s, 2.3 MB 42 s.
    let dir = tempfile::tempdir().unwrap();
    let prose = "<p>The council voted on Monday to close the harbour road for repairs, officials said.</p>".repeat(30);
    for (name, n) in [("one.html", 100_000), ("two.html", 200_000)] {
        let attrs: Vec<String> = (0..n).map(|i| format!("a{i}=\"1\"")).collect();
        let page = format!(
            "<html><head><title>Road shut</title></head><body><article {}>{prose}</article></body></html>",
            attrs.join(" ")
        );
        let (code, _, err) = split_page(dir.path(), name, page.as_bytes());
        assert_eq!(code, Some(2), "{err}");
        assert!(
            err.ends_with("a tag has more than 1000 attributes: not an article page\n") && err.lines().count() == 1,
            "{err}"
        );
    }
}
