//! Renderers for `check` reports: text for the desk, CSV and JSON for
//! scripts. One row per finding and reference in CSV:
//! `kind,fails,story_index,story_sentence,ref_source,ref_index,ref_sentence,explanation`.

use super::text::Palette;
use super::{visible, CsvConfig, ReportConfig};
use crate::check::{CheckReport, FindingKind};
use serde::Serialize;
use std::io::{self, Write};

/// The CSV header, in contract order.
pub const HEADER: [&str; 8] =
    ["kind", "fails", "story_index", "story_sentence", "ref_source", "ref_index", "ref_sentence", "explanation"];

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
        visible(&report.story.outlet),
        p.head.render_reset(),
        visible(&refs.join(", "))
    )?;
    let failing = report.findings.iter().filter(|f| fail_on.contains(&f.kind)).count();
    writeln!(out, "{} findings, {failing} failing (--fail-on {})", report.findings.len(), names(fail_on))?;
    writeln!(out, "{}scorer: {}{}", p.dim.render(), visible(&report.scorer), p.dim.render_reset())?;
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
            writeln!(out, "      {} #{}: {}", visible(&r.source), label(&r.index), visible(&r.sentence))?;
        }
    }
    Ok(())
}

fn names(kinds: &[FindingKind]) -> String {
    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")
}

/// Writes one CSV row per finding and reference, every cell as it is.
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
    for f in &report.findings {
        let fails = if fail_on.contains(&f.kind) { "yes" } else { "no" };
        let story = label(&f.story_index);
        if f.refs.is_empty() {
            cfg.record(&mut w, [f.kind.as_str(), fails, &story, &f.story_sentence, "", "", "", &f.explanation])?;
        }
        for r in &f.refs {
            cfg.record(
                &mut w,
                [
                    f.kind.as_str(),
                    fails,
                    &story,
                    &f.story_sentence,
                    &r.source,
                    &label(&r.index),
                    &r.sentence,
                    &f.explanation,
                ],
            )?;
        }
    }
    w.flush()
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    fail_on: Vec<&'static str>,
    fails: bool,
    #[serde(flatten)]
    report: &'a CheckReport,
}

/// Writes the report as JSON: story and reference metadata, `fail_on`,
/// whether the check fails, and every finding with its evidence.
pub fn write_json<W: Write>(report: &CheckReport, fail_on: &[FindingKind], mut out: W) -> io::Result<()> {
    let doc = JsonCheck { fail_on: fail_on.iter().map(|k| k.as_str()).collect(), fails: report.fails(fail_on), report };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}
