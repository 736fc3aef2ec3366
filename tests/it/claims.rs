//! End-to-end tests of many-outlet mode: `compare` with three or more
//! articles (files, a folder, a JSONL file) clusters claims across outlets.

use crate::util::*;

use std::collections::BTreeMap;

fn run(args: &[&str]) -> String {
    let out = claimdiff().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn long_rows(input: &str) -> Vec<csv::StringRecord> {
    let text = run(&["compare", "--format", "csv", input]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, ["claim", "source", "index", "sentence", "status", "similarity", "diff", "flags"]);
    r.records().map(Result::unwrap).collect()
}

#[test]
fn folder_compare_clusters_claims_across_outlets() {
    let rows = long_rows(DIR);
    let mut outlets_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &rows {
        outlets_of.entry(r[0].to_owned()).or_default().push(r[1].to_owned());
        match &r[4] {
            "unique" | "shared" => {}
            other => panic!("bad status {other}"),
        }
    }
    // No claim holds two sentences of one outlet.
    for (claim, outlets) in &outlets_of {
        let mut o = outlets.clone();
        o.dedup();
        assert_eq!(&o, outlets, "{claim}");
    }
    // The tender claim is the Northport Times's alone; the wire's lead is
    // carried by all four.
    let tender = rows.iter().find(|r| r[3].contains("without a public tender")).unwrap();
    assert_eq!(&tender[4], "unique");
    assert_eq!(&tender[1], "northport-times");
    let lead = rows.iter().find(|r| r[3].contains("Union said the strike would continue")).unwrap();
    assert_eq!(outlets_of[&lead[0]].len(), 4);
    // Unique claims are listed first.
    let first_shared = rows.iter().position(|r| &r[4] == "shared").unwrap();
    assert!(rows[first_shared..].iter().all(|r| &r[4] == "shared"));
}

#[test]
fn jsonl_and_folder_give_the_same_claims() {
    let count = |rows: Vec<csv::StringRecord>| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for r in rows {
            *m.entry(r[4].to_owned()).or_default() += 1;
        }
        m
    };
    assert_eq!(count(long_rows(DIR)), count(long_rows(JSONL)));
}

#[test]
fn matrix_has_one_column_per_outlet() {
    let text = run(&["compare", "--format", "matrix", JSONL]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..4], ["claim", "status", "outlets", "representative"]);
    assert_eq!(header[4..], ["Coastal Herald", "Meridian Wire", "Northport Times", "The Daily Ledger"]);
    for rec in r.records().map(Result::unwrap) {
        let carried = rec.iter().skip(4).filter(|c| !c.is_empty()).count();
        assert_eq!(carried.to_string(), rec[2]);
    }
}

#[test]
fn unambiguous_claim_keys_agree_with_the_old_ones_and_the_matrix() {
    // `outlets` is a count on a claim but a list elsewhere, `representative`
    // an outlet in JSON but a sentence in the matrix CSV: the unambiguous
    // keys say which, and agree with both.
    let v: serde_json::Value = serde_json::from_str(&run(&["compare", "--format", "json", JSONL])).unwrap();
    let text = run(&["compare", "--format", "matrix", JSONL]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(rows.len(), claims.len());
    for (c, row) in claims.iter().zip(&rows) {
        assert_eq!(c["id"], &row[0]);
        assert_eq!(c["outlet_count"], c["outlets"]);
        assert_eq!(c["outlet_count"].to_string(), &row[2]);
        assert_eq!(c["representative_outlet"], c["representative"]);
        assert_eq!(c["representative_sentence"], &row[3]);
        let rep = c["variants"].as_array().unwrap().iter().find(|x| x["source"] == c["representative_outlet"]).unwrap();
        assert_eq!(rep["sentence"], c["representative_sentence"]);
    }
}

#[test]
fn json_carries_claims_matrix_and_outlet_summaries() {
    let v: serde_json::Value = serde_json::from_str(&run(&["compare", "--format", "json", DIR])).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(v["matrix"]["rows"].as_array().unwrap().len(), claims.len());
    assert_eq!(v["outlets"].as_array().unwrap().len(), 4);
    let lead = claims.iter().find(|c| c["variants"].as_array().unwrap().len() == 4).unwrap();
    // Dates are known: the wire (2025-03-12) carried it first.
    assert_eq!(lead["provenance"]["earliest"], "Meridian Wire");
    assert_eq!(lead["provenance"]["date"], "2025-03-12");
}

#[test]
fn text_report_leads_with_findings_then_differing_claims_then_unique_ones() {
    let text = run(&[
        "compare",
        "--color",
        "never",
        "data/harbour-strike/coastal-herald.txt",
        "data/harbour-strike/meridian-wire.txt",
        "data/harbour-strike/northport-times.txt",
    ]);
    let top = text.find("Most consequential differences:").unwrap();
    let shared = text.find("Shared claims the outlets word differently").unwrap();
    let unique = text.find("Claims carried by one outlet only").unwrap();
    let alike = text.find("Shared claims worded alike").unwrap();
    let matrix = text.find("Coverage matrix").unwrap();
    let summary = text.find("Outlet consistency").unwrap();
    assert!(top < shared && shared < unique && unique < alike && alike < matrix && matrix < summary, "{text}");
    assert!(text.contains("possible copying, not proof"));
    // A wording identical to the representative is marked as such, never
    // as a change at 1.000.
    assert!(!text.lines().any(|l| l.trim_start().starts_with("~ [") && l.contains(" 1.000 ")), "{text}");
    // The ranked summary names claim ids and outlets.
    let first = text[top..].lines().nth(1).unwrap();
    assert!(first.contains(" C") && first.contains(" ["), "{first}");
}

#[test]
fn claims_flag_variants_against_the_representative() {
    let rows = long_rows(DIR);
    let ledger_quote = rows
        .iter()
        .find(|r| &r[1] == "The Daily Ledger" && r[3].contains("answer to the minister"))
        .expect("the Ledger's altered quote is a variant");
    assert!(ledger_quote[7].split(';').any(|f| f == "quote_altered"), "{ledger_quote:?}");
    // Wire copy reprinted word for word (no diff) carries no flags.
    assert!(rows.iter().filter(|r| !r[6].contains("[-") && !r[6].contains("{+")).all(|r| r[7].is_empty()));
}

#[test]
fn seed_articles_cluster_and_the_india_claim_stands_out() {
    let Some(shared) = std::env::var_os("CLAIMDIFF_SHARED") else {
        eprintln!("CLAIMDIFF_SHARED is unset: skipping the seed claims test");
        return;
    };
    let seeds = std::path::Path::new(&shared).join("seeds");
    let v: serde_json::Value =
        serde_json::from_str(&run(&["compare", "--format", "json", seeds.to_str().unwrap()])).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let india: Vec<&serde_json::Value> = claims
        .iter()
        .filter(|c| c.get("clause").is_none())
        .filter(|c| {
            c["variants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["sentence"].as_str().unwrap().contains("backed by India"))
        })
        .collect();
    assert_eq!(india.len(), 1, "one claim holds the India sentence");
    let variants = india[0]["variants"].as_array().unwrap();
    // Either way, the allegation leads the summary in so many words: as
    // the clause one outlet adds, or as its sentence.
    let highlights = v["highlights"].as_array().unwrap();
    assert!(
        highlights.iter().take(3).any(|h| h["summary"].as_str().unwrap().contains("backed by India")),
        "{highlights:#?}"
    );
    if india[0]["status"] == "unique" {
        // The sentence did not meet another outlet's surely enough to share
        // a claim: it is one outlet's as a whole, and what it adds to the
        // other outlets' nearest sentence is a one-outlet clause.
        assert!(
            claims.iter().any(|c| c["status"] == "unique"
                && c["clause"]["text"].as_str().is_some_and(|t| t.contains("backed by India"))),
            "the India clause is listed among the one-outlet claims"
        );
        return;
    }
    // Where the India sentence shares a claim with another outlet's weapons
    // sentence, the clause is a one-outlet claim of its own, and every
    // comparison with the representative that involves the India sentence
    // flags the clause as one-sided, whichever side carries it (outlets
    // that both lack it have nothing to flag).
    assert!(
        claims
            .iter()
            .any(|c| c["status"] == "unique" && c["clause"]["text"].as_str().is_some_and(|t| t.contains("India"))),
        "the India clause is listed among the one-outlet claims"
    );
    let rep = india[0]["representative"].as_str().unwrap();
    let has_india = |x: &serde_json::Value| x["sentence"].as_str().unwrap().contains("backed by India");
    let rep_has_india = variants.iter().any(|x| x["source"] == rep && has_india(x));
    for x in variants.iter().filter(|x| x["source"] != rep && (rep_has_india || has_india(x))) {
        let flags = x["flags"].as_array().unwrap();
        assert!(
            flags.iter().any(|f| f["name"].as_str().unwrap().starts_with("clause_only")
                && f["explanation"].as_str().unwrap().contains("India")),
            "{x:#}"
        );
    }
}

#[test]
fn bad_jsonl_lines_are_skipped_or_with_strict_trouble_and_empty_folders_are_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"outlet\": \"A\", \"text\": \"One.\"}\n{not json}\n").unwrap();
    let out = claimdiff().args(["compare", "--lexical"]).arg(&bad).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.jsonl:2: skipped: invalid JSONL article"), "{err}");
    let out = claimdiff().args(["compare", "--lexical", "--strict"]).arg(&bad).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.jsonl:2: invalid JSONL article"), "{err}");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = claimdiff().arg("compare").arg(&empty).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("folder holds no .txt, .md, .html or .warc articles") && !err.contains("subfolders"), "{err}");
    // A folder of story folders: subfolders are not read, and it says so.
    std::fs::create_dir(empty.join("story-1")).unwrap();
    std::fs::copy(HERALD, empty.join("story-1").join("a.txt")).unwrap();
    let out = claimdiff().arg("compare").arg(&empty).arg(HERALD).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("(subfolders are not read: name each one)") && err.lines().count() == 1, "{err}");
}

#[test]
fn every_json_report_carries_its_schema_version_and_claims_json_its_ranked_summary() {
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_slice(&claimdiff().args(args).output().unwrap().stdout).unwrap()
    };
    let many = json(&["compare", "--lexical", "-q", "--format", "json", DIR]);
    for v in [
        &many,
        &json(&["compare", "--lexical", "--format", "json", HERALD, WIRE]),
        &json(&["check", "--lexical", "--format", "json", TIMES, "--against", WIRE]),
        &json(&["quotes", "--format", "json", DIR]),
    ] {
        assert_eq!(v["schema_version"], 1);
    }
    let claims = many["claims"].as_array().unwrap();
    let top = many["highlights"].as_array().unwrap();
    assert!(!top.is_empty() && top.len() <= 10);
    for h in top {
        let row = h["row"].as_u64().unwrap() as usize;
        assert!(h["refs"].as_str().unwrap().starts_with(claims[row]["id"].as_str().unwrap()), "{h}");
    }
}

/// Issue 19: an outlet dated far from the others is named, and its
/// sentences join a claim only on shared wording.
#[test]
fn issue_19_a_far_dated_outlet_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The minister met Taliban leaders in Kabul to demand action against the militants.\n\nThe talks lasted two hours.\n";
    for (name, date) in [("a", "2023-04-11"), ("b", "2023-04-12"), ("c", "2024-03-20")] {
        std::fs::write(
            dir.path().join(format!("{name}.txt")),
            format!("---\noutlet: {name}\ndate: {date}\n---\n\n{body}"),
        )
        .unwrap();
    }
    let v: serde_json::Value =
        serde_json::from_str(&run(&["compare", "--format", "json", dir.path().to_str().unwrap()])).unwrap();
    assert_eq!(v["date_gaps"][0]["source"], "c");
    assert_eq!(v["date_gaps"][0]["days_from_median"], 343);
    let text = run(&["compare", dir.path().to_str().unwrap()]);
    assert!(text.contains("note: [3] c is dated 343 days after the others' median date"), "{text}");
    // Word for word, it is still the same claim.
    assert!(v["claims"].as_array().unwrap().iter().any(|c| c["outlets"] == 3));
}

/// Up to 40 sources the text report draws the coverage matrix, a column
/// each; with more it says so and names `--format matrix`, which still has
/// a column per source.
#[test]
fn text_matrix_is_drawn_for_up_to_forty_sources() {
    let dir = tempfile::tempdir().unwrap();
    let write = |n: usize| {
        for k in 0..n {
            let text = format!(
                "Council {k} approved the new harbour budget on Monday.\nThe mayor of town {k} said repairs begin in May.\n"
            );
            std::fs::write(dir.path().join(format!("outlet{k:02}.txt")), text).unwrap();
        }
    };
    write(40);
    let path = dir.path().to_str().unwrap();
    let text = run(&["compare", "--lexical", "--color", "never", path]);
    assert!(text.contains("Coverage matrix (rows: claims; columns: sources)"), "{text}");
    assert!(text.contains("  40\n"), "a column for the 40th source");
    write(41);
    let text = run(&["compare", "--lexical", "--color", "never", path]);
    assert!(
        text.contains(
            "Coverage matrix: not drawn for 41 sources (more than 40 columns); `--format matrix` writes it as CSV"
        ),
        "{text}"
    );
    assert!(!text.contains("  41\n"));
    let matrix = run(&["compare", "--lexical", "--format", "matrix", path]);
    let header = matrix.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 4 + 41, "{header}");
}

/// One pair of speakers swapped on several quotations is one finding in the
/// summary; each claim's detail still flags it.
#[test]
fn a_speaker_swapped_on_several_quotations_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let body = |who: &str| {
        format!(
            "\u{201c}We have to move on from this and find a new coach before the draft,\u{201d} said general manager \
             A.J. {who}.\n\n\u{201c}The players deserve a staff that believes in them every single week,\u{201d} \
             {who} added.\n\nThe team finished the season with eight wins and eight losses.\n"
        )
    };
    for (name, who) in [("a", "Butler"), ("b", "Smith"), ("c", "Smith")] {
        std::fs::write(dir.path().join(format!("{name}.txt")), format!("---\noutlet: {name}\n---\n\n{}", body(who)))
            .unwrap();
    }
    let v: serde_json::Value =
        serde_json::from_str(&run(&["compare", "--format", "json", dir.path().to_str().unwrap()])).unwrap();
    let count = |kind: &str| v["highlights"].as_array().unwrap().iter().filter(|h| h["kind"] == kind).count();
    let flagged =
        v["claims"].as_array().unwrap().iter().filter(|c| c.to_string().contains("\"speaker_changed\"")).count();
    assert_eq!(flagged, 2, "{v:#}");
    assert_eq!(count("speaker_changed"), 1, "{:#}", v["highlights"]);
}

#[test]
fn a_claim_another_outlets_headline_makes_is_not_one_outlets_alone() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "Dockers at Kessel Quay walked off the job on Monday in a dispute over crane safety.\n\n\
                  The union said about 1,200 members joined the strike at the terminal gates.\n";
    let own = "Harbour master Ines Carvell said Greyfield Insurance had tripled the terminal's premiums to $4 million last spring.\n";
    let write = |name: &str, title: &str, extra: &str| {
        let text = format!("---\noutlet: {name}\ntitle: {title}\n---\n\n{shared}\n{extra}");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    };
    let summary = |dir: &std::path::Path| -> String {
        let v: serde_json::Value =
            serde_json::from_str(&run(&["compare", "--format", "json", dir.to_str().unwrap()])).unwrap();
        v["highlights"].to_string()
    };
    write("a", "Kessel Quay dockers strike", own);
    write("b", "Dockers walk out at Kessel Quay", "");
    write("c", "Port strike over crane safety", "");
    assert!(summary(dir.path()).contains("Greyfield Insurance had tripled"), "{}", summary(dir.path()));
    // Another outlet's headline says it: then it is not one outlet's alone.
    write("c", "Greyfield Insurance tripled Kessel terminal premiums to $4 million, harbour master Carvell says", "");
    assert!(!summary(dir.path()).contains("Greyfield Insurance had tripled"), "{}", summary(dir.path()));
}

/// The rest of a quotation (or the words of a statement just reported), a
/// sentence with no speaker of its own, is not a second one-outlet finding
/// after the sentence that reports it.
#[test]
fn a_quotation_carried_on_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "Dockers at Kessel Quay walked off the job on Monday in a dispute over crane safety.\n\n\
                  The union said about 1,200 members joined the strike at the terminal gates.\n";
    let own = "Greyfield Insurance said it had tripled the terminal's premiums to $4 million after the collapse.\n\n\
               \u{201c}Our underwriters in Saltmere have cancelled every policy Greyfield wrote for Northport since 2019.\u{201d}\n";
    for (name, extra) in [("a", own), ("b", ""), ("c", "")] {
        let text = format!("---\noutlet: {name}\n---\n\n{shared}\n{extra}");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let v: serde_json::Value =
        serde_json::from_str(&run(&["compare", "--format", "json", dir.path().to_str().unwrap()])).unwrap();
    let summary = v["highlights"].to_string();
    assert!(summary.contains("tripled the terminal"), "{summary}");
    assert!(!summary.contains("underwriters"), "{summary}");
    // With a speaker of its own, the quotation is a finding of its own.
    let said = own.replace("2019.\u{201d}", "2019,\u{201d} said Greyfield chief Ines Carvell.");
    std::fs::write(dir.path().join("a.txt"), format!("---\noutlet: a\n---\n\n{shared}\n{said}")).unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&run(&["compare", "--format", "json", dir.path().to_str().unwrap()])).unwrap();
    let summary = v["highlights"].to_string();
    assert!(summary.contains("underwriters") && summary.contains("tripled the terminal"), "{summary}");
}

#[test]
fn two_sources_of_one_outlet_are_told_apart_in_every_csv() {
    // A paper's print and web copies, or two agency takes: the matrix had
    // two columns of one name, and the long and findings rows could not say
    // whose they were.
    let dir = tempfile::tempdir().unwrap();
    let herald = std::fs::read_to_string("data/harbour-strike/coastal-herald.txt").unwrap();
    let web = herald.replace("walked off the job on Wednesday", "stopped work on Wednesday");
    assert_ne!(web, herald);
    let (a, b) = (dir.path().join("print.txt"), dir.path().join("web.txt"));
    std::fs::write(&a, &herald).unwrap();
    std::fs::write(&b, &web).unwrap();
    let c = "data/harbour-strike/meridian-wire.txt";
    let csv = |format: &str| {
        let out = claimdiff().args(["compare", "--format", format]).arg(&a).arg(&b).arg(c).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        csv::Reader::from_reader(out.stdout.as_slice()).into_records().map(Result::unwrap).collect::<Vec<_>>()
    };
    let out = claimdiff().args(["compare", "--format", "matrix"]).arg(&a).arg(&b).arg(c).output().unwrap();
    let header = csv::Reader::from_reader(out.stdout.as_slice()).headers().unwrap().clone();
    let names: Vec<&str> = header.iter().skip(4).collect();
    assert_eq!(names, ["Coastal Herald [1]", "Coastal Herald [2]", "Meridian Wire"]);
    let sources: std::collections::BTreeSet<String> = csv("csv").iter().map(|r| r[1].to_owned()).collect();
    assert!(sources.contains("Coastal Herald [1]") && sources.contains("Coastal Herald [2]"), "{sources:?}");
    assert!(!sources.contains("Coastal Herald"), "{sources:?}");
    let findings = csv("findings");
    assert!(findings.iter().all(|r| &r[3] != "Coastal Herald" && &r[5] != "Coastal Herald"));
    // One outlet per source: names as they are.
    let out = claimdiff().args(["compare", "--format", "matrix", "data/harbour-strike"]).output().unwrap();
    let header = csv::Reader::from_reader(out.stdout.as_slice()).headers().unwrap().clone();
    assert!(header.iter().all(|h| !h.contains('[')), "{header:?}");
}
