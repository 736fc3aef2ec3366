//! Renderers for `check` reports: text for the desk, CSV and JSON for
//! scripts. One row per finding and reference in CSV:
//! `kind,fails,story_index,story_sentence,ref_source,ref_index,ref_sentence,explanation`,
//! then the story's derivation: `derivation` (the label of each story
//! sentence of the row) and the story's reuse shares on every row, and a
//! last row of kind `reuse` that carries them even when nothing was found;
//! then `ref_stance`: where the row's reference stands on the finding's
//! element (`contradicts`, `silent`; `supports` for a dropped claim), and
//! `reuse_derived`, the story's class (`wholly`, `partly`, `not`).

use super::text::Palette;
use super::{field, visible, CsvConfig, ReportConfig};
use crate::check::{CheckReport, FindingKind};
use crate::derive::Label;
use serde::Serialize;
use std::io::{self, Write};

/// The CSV header, in contract order: the finding's eight columns, then
/// the derivation's five and the reference's stance (each added after the
/// earlier ones, so that readers of those are unaffected).
pub const HEADER: [&str; 15] = [
    "kind",
    "fails",
    "story_index",
    "story_sentence",
    "ref_source",
    "ref_index",
    "ref_sentence",
    "explanation",
    "derivation",
    "reuse_verbatim",
    "reuse_rewritten",
    "reuse_new",
    "reuse_score",
    "ref_stance",
    "reuse_derived",
];

/// The `kind` of the CSV's last row, the story's reuse summary.
pub const REUSE_ROW: &str = "reuse";

fn label(idx: &[usize]) -> String {
    idx.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("+")
}

/// Writes the findings for a person to read.
pub fn write_text<W: Write>(
    report: &CheckReport,
    fail_on: &[FindingKind],
    cfg: &ReportConfig,
    mut out: W,
) -> io::Result<()> {
    let p = Palette::new(cfg.color);
    let refs: Vec<&str> = report.refs.iter().map(|r| r.outlet.as_str()).collect();
    writeln!(
        out,
        "{}check: {}{} against {}",
        p.head.render(),
        field(&report.story.outlet),
        p.head.render_reset(),
        visible(&refs.join(", "))
    )?;
    let failing = report.findings.iter().filter(|f| fail_on.contains(&f.kind)).count();
    writeln!(out, "{} findings, {failing} failing (--fail-on {})", report.findings.len(), names(fail_on))?;
    writeln!(out, "{}scorer: {}{}", p.dim.render(), visible(&report.scorer), p.dim.render_reset())?;
    let r = &report.reuse;
    writeln!(
        out,
        "reuse: {:.2} of the story's {} words come from the references (verbatim {:.2}, rewritten {:.2}, new {:.2}): {} derived",
        r.score,
        r.words,
        r.verbatim,
        r.rewritten,
        r.new,
        r.derived.as_str()
    )?;
    writeln!(out, "In the explanations, A is the story and B a reference.\n")?;
    for f in &report.findings {
        let fails = fail_on.contains(&f.kind);
        let style = if fails { p.only } else { p.dim };
        write!(
            out,
            "{}{}{:<11}{} ",
            style.render(),
            if fails { "FAIL " } else { "note " },
            f.kind.as_str(),
            style.render_reset()
        )?;
        if f.story_index.is_empty() {
            writeln!(out, "{}", visible(&f.explanation))?;
        } else {
            writeln!(out, "story #{}: {}", label(&f.story_index), visible(&f.story_sentence))?;
            writeln!(out, "      {}", visible(&f.explanation))?;
        }
        for r in &f.refs {
            // Where each reference stands on a flagged element.
            let stance = if FindingKind::OF_FLAGS.contains(&f.kind) {
                format!(" ({})", r.stance.as_str())
            } else {
                String::new()
            };
            writeln!(out, "      {} #{}{stance}: {}", visible(&r.source), label(&r.index), visible(&r.sentence))?;
        }
    }
    Ok(())
}

fn labels(labels: &[Label]) -> String {
    labels.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("+")
}

fn names(kinds: &[FindingKind]) -> String {
    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")
}

/// Writes one CSV row per finding and reference, then the reuse row, every
/// cell as it is.
pub fn write_csv<W: Write>(report: &CheckReport, fail_on: &[FindingKind], out: W) -> io::Result<()> {
    write_csv_with(report, fail_on, &CsvConfig::default(), out)
}

/// [`write_csv`], cells written as `cfg` says (`--csv-safe`).
pub fn write_csv_with<W: Write>(
    report: &CheckReport,
    fail_on: &[FindingKind],
    cfg: &CsvConfig,
    out: W,
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER)?;
    let r = &report.reuse;
    let shares = [r.verbatim, r.rewritten, r.new, r.score].map(|x| format!("{x:.3}"));
    let [verbatim, rewritten, new, score] = shares.each_ref().map(String::as_str);
    let derived = r.derived.as_str();
    for f in &report.findings {
        let fails = if fail_on.contains(&f.kind) { "yes" } else { "no" };
        let story = label(&f.story_index);
        let derivation = labels(&f.derivation);
        // One row per reference; a finding no reference carries (an
        // unsupported sentence) gets one row with the reference cells empty.
        let refs: Vec<Option<_>> = if f.refs.is_empty() { vec![None] } else { f.refs.iter().map(Some).collect() };
        for r in refs {
            let (source, index, sentence, stance) = match r {
                Some(r) => (r.source.as_str(), label(&r.index), r.sentence.as_str(), r.stance.as_str()),
                None => ("", String::new(), "", ""),
            };
            cfg.record(
                &mut w,
                [
                    f.kind.as_str(),
                    fails,
                    &story,
                    &f.story_sentence,
                    source,
                    &index,
                    sentence,
                    &f.explanation,
                    &derivation,
                    verbatim,
                    rewritten,
                    new,
                    score,
                    stance,
                    derived,
                ],
            )?;
        }
    }
    let summary = format!("{:.0}% of the story's {} words come from the references", r.score * 100.0, r.words);
    cfg.record(
        &mut w,
        [REUSE_ROW, "no", "", "", "", "", "", &summary, "", verbatim, rewritten, new, score, "", derived],
    )?;
    w.flush()
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    schema_version: u32,
    fail_on: Vec<&'static str>,
    fails: bool,
    #[serde(flatten)]
    report: &'a CheckReport,
}

/// Writes the report as JSON: story and reference metadata, `fail_on`,
/// whether the check fails, the story's `reuse` shares, each sentence's
/// `derivation`, and every finding with its evidence.
pub fn write_json<W: Write>(report: &CheckReport, fail_on: &[FindingKind], mut out: W) -> io::Result<()> {
    let doc = JsonCheck {
        schema_version: super::JSON_SCHEMA_VERSION,
        fail_on: fail_on.iter().map(|k| k.as_str()).collect(),
        fails: report.fails(fail_on),
        report,
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}
