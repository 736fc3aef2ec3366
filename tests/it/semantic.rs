//! The semantic signal end to end: which scorer a run uses, how reports name
//! it, the lexical fallback without a model, and claims the encoder lets
//! outlets share although they word them differently.

use crate::util::*;

use std::path::Path;

fn json(args: &[&str]) -> serde_json::Value {
    let out = claimdiff().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn reports_name_the_scorer() {
    let pair = json(&["compare", "--format", "json", HERALD, LEDGER]);
    assert_eq!(pair["scorer"], "semantic:paraphrase-MiniLM-L3-v2");
    let lexical = json(&["compare", "--format", "json", "--lexical", HERALD, LEDGER]);
    assert_eq!(lexical["scorer"], "lexical");
    let claims = json(&["compare", "--format", "json", DIR]);
    assert_eq!(claims["scorer"], "semantic:paraphrase-MiniLM-L3-v2");
    let check = claimdiff().args(["check", "--format", "json", HERALD, "--against", WIRE]).output().unwrap();
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(check["scorer"], "semantic:paraphrase-MiniLM-L3-v2");
    let text = claimdiff().args(["compare", "--color", "never", HERALD, LEDGER]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("\nscorer: semantic:paraphrase-MiniLM-L3-v2\n"));
}

#[test]
fn explain_shows_the_semantic_component() {
    let out = claimdiff().args(["compare", "--color", "never", "--explain", HERALD, LEDGER]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("logistic(semantic cosine "));
    let v = json(&["compare", "--format", "json", "--explain", HERALD, LEDGER]);
    let row = v["rows"].as_array().unwrap().iter().find(|r| r.get("explain").is_some()).unwrap();
    let cos = row["explain"]["score"]["semantic"].as_f64().unwrap();
    assert!((-1.0..=1.0001).contains(&cos), "{cos}");
    let lexical = json(&["compare", "--format", "json", "--explain", "--lexical", HERALD, LEDGER]);
    let row = lexical["rows"].as_array().unwrap().iter().find(|r| r.get("explain").is_some()).unwrap();
    assert!(row["explain"]["score"].get("semantic").is_none());
}

/// A binary copied away from the repository (installed, built with a
/// target dir elsewhere, copied to a server) carries its encoder: it
/// matches semantically from any folder, and `--version` names the
/// encoder. (A slim build, `--no-default-features`, looks for the model
/// folder instead and falls back to wording with one line on stderr.)
#[test]
fn a_copied_binary_carries_its_encoder() {
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("claimdiff");
    std::fs::copy(assert_cmd::cargo::cargo_bin("claimdiff"), &exe).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        std::process::Command::new(&exe)
            .args(args)
            .arg(root.join(HERALD))
            .arg(root.join(LEDGER))
            .current_dir(dir.path())
            .env_remove("CLAIMDIFF_MODEL")
            .output()
            .unwrap()
    };
    let out = run(&["compare", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scorer"], format!("semantic:{}", claimdiff::semantic::MODEL_NAME));
    // The same report as the binary inside the tree.
    let here = json(&["compare", "--format", "json", HERALD, LEDGER]);
    assert_eq!(v["rows"].as_array().unwrap().len(), here["rows"].as_array().unwrap().len());
    let version = std::process::Command::new(&exe).arg("--version").env_remove("CLAIMDIFF_MODEL").output().unwrap();
    let version = String::from_utf8(version.stdout).unwrap();
    assert!(version.contains(&format!("encoder: {} (compiled in)", claimdiff::semantic::MODEL_NAME)), "{version}");
    // CLAIMDIFF_MODEL still overrides, and --version says so.
    let version =
        std::process::Command::new(&exe).arg("--version").env("CLAIMDIFF_MODEL", "/elsewhere").output().unwrap();
    assert!(String::from_utf8(version.stdout).unwrap().contains("encoder: /elsewhere (from CLAIMDIFF_MODEL)"));
}

#[test]
fn a_model_given_but_unusable_is_trouble_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimdiff().args(["compare", "--model"]).arg(dir.path()).args([HERALD, LEDGER]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("model.safetensors"), "{stderr}");
    let out = claimdiff().env("CLAIMDIFF_MODEL", dir.path()).args(["compare", HERALD, LEDGER]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // An empty value is no folder: the variable counts as unset.
    let out = claimdiff().env("CLAIMDIFF_MODEL", "").args(["compare", HERALD, LEDGER]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let version = claimdiff().env("CLAIMDIFF_MODEL", "").arg("--version").output().unwrap();
    assert!(!String::from_utf8_lossy(&version.stdout).contains("from CLAIMDIFF_MODEL"));
}

#[test]
fn over_the_semantic_budget_matching_is_lexical_and_says_so() {
    let out = claimdiff()
        .args(["compare", "--format", "json", "--semantic-max-sentences", "10", HERALD, LEDGER])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--semantic-max-sentences"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scorer"], "lexical");
}

#[test]
fn semantic_matching_mirrors() {
    let ab = json(&["compare", "--format", "json", HERALD, TIMES]);
    let ba = json(&["compare", "--format", "json", TIMES, HERALD]);
    let pairs = |v: &serde_json::Value, x: &str, y: &str| -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r.get(x).is_some() && r.get(y).is_some())
            .map(|r| (r[x].to_string(), r[y].to_string()))
            .collect();
        p.sort();
        p
    };
    assert_eq!(pairs(&ab, "index_a", "index_b"), pairs(&ba, "index_b", "index_a"));
}

/// The one-outlet clause inside a shared claim is a claim of its own in the
/// claims report: text, JSON and the long CSV.
#[test]
fn one_outlet_clauses_are_claims() {
    let v = json(&["compare", "--format", "json", DIR]);
    let clause = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clause"]["text"].as_str().is_some_and(|t| t.contains("bankrolled by a rival terminal operator")))
        .expect("the Ledger's bankrolled clause is a claim");
    assert_eq!(clause["status"], "unique");
    assert_eq!(clause["outlets"], 1);
    let parent = clause["clause"]["claim"].as_str().unwrap();
    let parent = v["claims"].as_array().unwrap().iter().find(|c| c["id"] == parent).unwrap();
    assert_eq!(parent["status"], "shared");
    let out = claimdiff().args(["compare", "--format", "csv", DIR]).output().unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let row = r
        .records()
        .map(|x| x.unwrap())
        .find(|x| x[0] == *clause["id"].as_str().unwrap())
        .expect("the clause has its own CSV row");
    assert_eq!(&row[4], "unique");
    assert!(row[3].contains("bankrolled") && !row[3].contains("Ms Quill"), "{row:?}");
    let text = claimdiff().args(["compare", "--color", "never", DIR]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("a clause only this outlet adds to"));
}

/// The five real seed articles: the February delegation to Kabul, told in
/// other words by three outlets, is one claim; the India allegation stays
/// with the one outlet that makes it (its headline, and the clause it adds
/// to the shared weapons claim).
#[test]
fn seed_retold_claims_meet_and_the_india_allegation_stays_alone() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the seed semantic test");
        return;
    };
    let seeds = Path::new(&shared).join("seeds");
    let v = json(&["compare", "--format", "json", seeds.to_str().unwrap()]);
    let claims = v["claims"].as_array().unwrap();
    let sentence_claim = |needle: &str| -> &serde_json::Value {
        claims
            .iter()
            .filter(|c| c.get("clause").is_none())
            .find(|c| {
                c["variants"].as_array().unwrap().iter().any(|x| x["sentence"].as_str().unwrap().contains(needle))
            })
            .unwrap_or_else(|| panic!("no claim holds {needle:?}"))
    };
    let delegation = sentence_claim("In February, a high-level delegation");
    let texts: Vec<&str> =
        delegation["variants"].as_array().unwrap().iter().map(|x| x["sentence"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("delegation comprising")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("visited Kabul on 22 February")), "{texts:#?}");
    let headline = sentence_claim("India is also helping the militant group");
    assert_eq!(headline["status"], "unique");
    // The allegation is one outlet's: a one-outlet claim holds it (its
    // sentence, or the clause it adds to a shared claim), and no shared
    // claim passes it off as the others' too.
    let one_outlet = |c: &&serde_json::Value| {
        c["status"] == "unique"
            && (c["clause"]["text"].as_str().is_some_and(|t| t.contains("backed by India"))
                || c["variants"][0]["sentence"].as_str().unwrap().contains("backed by India"))
    };
    assert!(claims.iter().any(|c| one_outlet(&c)));
}
