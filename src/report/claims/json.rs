//! JSON renderer for many-outlet reports: sources, claims with every
//! outlet's variant, the coverage matrix and per-outlet summaries.

use crate::findings::claims::{ClaimsReport, ClauseOf, CopyHint, OutletSummary};
use crate::findings::{Chunk, Flag, Highlight, SourceInfo};
use crate::report::word_diff_notation;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    /// The story id, in a `compare --by-story` stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    sources: &'a [SourceInfo],
    scorer: &'a str,
    /// The ranked summary; `row` indexes `claims`.
    highlights: &'a [Highlight],
    claims: Vec<JsonClaim<'a>>,
    matrix: JsonMatrix<'a>,
    outlets: Vec<JsonOutlet<'a>>,
    /// Sources dated far from the others (their sentences share a claim
    /// only on shared wording); absent when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    date_gaps: Vec<JsonDateGap<'a>>,
}

#[derive(Serialize)]
struct JsonDateGap<'a> {
    source: &'a str,
    days_from_median: i64,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    status: &'static str,
    /// The number of outlets carrying the claim (as `outlet_count`).
    outlets: usize,
    /// The same count, under a name no other field shares.
    outlet_count: usize,
    salience: f64,
    /// The representative wording's outlet (as `representative_outlet`).
    representative: &'a str,
    /// The representative wording's outlet, named unambiguously.
    representative_outlet: &'a str,
    /// The representative wording itself (the matrix CSV's
    /// `representative` column).
    representative_sentence: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<JsonProvenance<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'a ClauseOf>,
    variants: Vec<JsonVariant<'a>>,
}

#[derive(Serialize)]
struct JsonProvenance<'a> {
    earliest: &'a str,
    date: &'a str,
    hints: Vec<JsonHint<'a>>,
}

#[derive(Serialize)]
struct JsonHint<'a> {
    source: &'a str,
    closest_earlier: &'a str,
    similarity: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    margin: Option<f64>,
    note: &'static str,
}

#[derive(Serialize)]
struct JsonVariant<'a> {
    source: &'a str,
    index: &'a [usize],
    sentence: &'a str,
    span: Vec<[usize; 2]>,
    similarity: f64,
    same_claim: f64,
    diff: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    diff_chunks: &'a [Chunk],
    flags: &'a [Flag],
}

#[derive(Serialize)]
struct JsonMatrix<'a> {
    outlets: Vec<&'a str>,
    rows: JsonMatrixRows<'a>,
}

/// The matrix's rows, each made as it is written (see
/// [`ClaimsReport::matrix`]).
struct JsonMatrixRows<'a>(&'a ClaimsReport);

impl Serialize for JsonMatrixRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.claims.iter().zip(self.0.matrix()).map(|(c, row)| JsonMatrixRow {
            claim: &c.id,
            cells: row.into_iter().map(|cell| cell.map(|s| s.indices.as_slice())).collect(),
        }))
    }
}

#[derive(Serialize)]
struct JsonMatrixRow<'a> {
    claim: &'a str,
    cells: Vec<Option<&'a [usize]>>,
}

#[derive(Serialize)]
struct JsonOutlet<'a> {
    outlet: &'a str,
    #[serde(flatten)]
    summary: &'a OutletSummary,
}

fn round3(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

/// Writes the report as one pretty-printed JSON object.
pub fn write<W: Write>(report: &ClaimsReport, mut out: W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &document(report, None))?;
    out.write_all(b"\n")
}

/// Writes the report as one line of JSON (a JSON Lines record) with the
/// story's id after `schema_version`: the `compare --by-story` stream.
pub fn write_line<W: Write>(report: &ClaimsReport, story: &str, mut out: W) -> std::io::Result<()> {
    serde_json::to_writer(&mut out, &document(report, Some(story)))?;
    out.write_all(b"\n")
}

fn document<'a>(report: &'a ClaimsReport, story: Option<&'a str>) -> JsonReport<'a> {
    let name = |i: usize| report.sources[i].outlet.as_str();
    let hint = |h: &CopyHint| JsonHint {
        source: name(h.source),
        closest_earlier: name(h.closest),
        similarity: round3(h.similarity),
        margin: h.margin.map(round3),
        note: "a hint of copying from wording similarity, not proof",
    };
    let claims = report
        .claims
        .iter()
        .map(|c| JsonClaim {
            id: &c.id,
            status: c.status.as_str(),
            outlets: c.variants.len(),
            outlet_count: c.variants.len(),
            salience: round3(c.salience),
            representative: name(c.variants[c.representative].source),
            representative_outlet: name(c.variants[c.representative].source),
            representative_sentence: &c.variants[c.representative].side.sentence,
            provenance: c.provenance.as_ref().map(|p| JsonProvenance {
                earliest: name(p.earliest),
                date: &p.date,
                hints: p.hints.iter().map(hint).collect(),
            }),
            clause: c.clause.as_ref(),
            variants: c
                .variants
                .iter()
                .map(|v| JsonVariant {
                    source: name(v.source),
                    index: &v.side.indices,
                    sentence: &v.side.sentence,
                    span: v.side.spans.iter().map(|s| [s.start, s.end]).collect(),
                    similarity: round3(v.similarity),
                    same_claim: round3(v.same_claim),
                    diff: word_diff_notation(&v.diff),
                    diff_chunks: &v.diff,
                    flags: &v.flags,
                })
                .collect(),
        })
        .collect();
    let matrix = JsonMatrix {
        outlets: report.sources.iter().map(|s| s.outlet.as_str()).collect(),
        rows: JsonMatrixRows(report),
    };
    let outlets = report.outlets.iter().map(|o| JsonOutlet { outlet: name(o.source), summary: o }).collect();
    JsonReport {
        schema_version: crate::report::JSON_SCHEMA_VERSION,
        story,
        sources: &report.sources,
        scorer: &report.scorer,
        highlights: &report.highlights,
        claims,
        matrix,
        outlets,
        date_gaps: report
            .date_gaps
            .iter()
            .map(|g| JsonDateGap { source: report.sources[g.source].outlet.as_str(), days_from_median: g.days })
            .collect(),
    }
}
