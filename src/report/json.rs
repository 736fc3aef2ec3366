//! JSON renderer for pairwise reports: a `sources` array with each source's
//! metadata, and `rows` with the same fields as the CSV (indices as arrays,
//! plus byte spans and structured flags).

use super::{word_diff_notation, ReportConfig};
use crate::findings::{Chunk, Explain, Flag, Highlight, PairReport, SourceInfo};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    sources: &'a [SourceInfo; 2],
    scorer: &'a str,
    highlights: &'a [Highlight],
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    status: &'static str,
    similarity: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_a: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index_a: Option<&'a [usize]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence_a: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span_a: Option<Vec<[usize; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_b: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index_b: Option<&'a [usize]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence_b: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span_b: Option<Vec<[usize; 2]>>,
    diff: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    diff_chunks: &'a [Chunk],
    flags: &'a [Flag],
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<&'a Explain>,
}

/// Writes the report as one pretty-printed JSON object.
pub fn write<W: Write>(report: &PairReport, cfg: &ReportConfig, mut out: W) -> std::io::Result<()> {
    let rows = report
        .rows
        .iter()
        .map(|r| JsonRow {
            status: r.status.as_str(),
            similarity: (r.similarity as f64 * 1000.0).round() / 1000.0,
            source_a: r.a.as_ref().map(|s| s.source.as_str()),
            index_a: r.a.as_ref().map(|s| s.indices.as_slice()),
            sentence_a: r.a.as_ref().map(|s| s.sentence.as_str()),
            span_a: r.a.as_ref().map(|s| spans(&s.spans)),
            source_b: r.b.as_ref().map(|s| s.source.as_str()),
            index_b: r.b.as_ref().map(|s| s.indices.as_slice()),
            sentence_b: r.b.as_ref().map(|s| s.sentence.as_str()),
            span_b: r.b.as_ref().map(|s| spans(&s.spans)),
            diff: word_diff_notation(&r.diff),
            diff_chunks: &r.diff,
            flags: &r.flags,
            explain: r.explain.as_deref().filter(|_| cfg.explain),
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut out,
        &JsonReport {
            schema_version: super::JSON_SCHEMA_VERSION,
            sources: &report.sources,
            scorer: &report.scorer,
            highlights: &report.highlights,
            rows,
        },
    )?;
    out.write_all(b"\n")
}

fn spans(spans: &[crate::segment::Span]) -> Vec<[usize; 2]> {
    spans.iter().map(|s| [s.start, s.end]).collect()
}
