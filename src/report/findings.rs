//! The findings table as CSV (`--format findings`, for `compare` and
//! `check`): one row per finding (and reference), typed. The columns are a
//! contract: `finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails`,
//! `fails` being `true` or `false` (whether the finding's kind is one of
//! `--fail-on`). Columns are only ever added at the end.

use super::CsvConfig;
use crate::findings::{FindingKind, FindingRecord};
use std::io::Write;

/// The header, in contract order.
pub const HEADER: [&str; 11] = [
    "finding_id",
    "kind",
    "flag",
    "source_a",
    "index_a",
    "source_b",
    "index_b",
    "text_a",
    "text_b",
    "explanation",
    "fails",
];

/// Writes the header and one row per record, `fails` true for the kinds
/// in `fail_on`; cells written as `cfg` says (`--csv-safe`).
pub fn write_csv<W: Write>(
    records: &[FindingRecord],
    fail_on: &[FindingKind],
    cfg: &CsvConfig,
    out: W,
) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER)?;
    for r in records {
        cfg.record(&mut w, cells(r, fail_on))?;
    }
    w.flush()
}

/// Writes the findings of several stories as one table: the header with a
/// last `story` column, then each story's rows with its id (finding ids
/// restart in each story).
pub fn write_csv_by_story<W: Write>(
    tables: &[(&str, Vec<FindingRecord>)],
    fail_on: &[FindingKind],
    cfg: &CsvConfig,
    out: W,
) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER.iter().chain(&["story"]))?;
    for (story, records) in tables {
        for r in records {
            cfg.record(&mut w, cells(r, fail_on).chain([*story]))?;
        }
    }
    w.flush()
}

/// A record's eleven cells, in contract order.
fn cells<'a>(r: &'a FindingRecord, fail_on: &[FindingKind]) -> impl Iterator<Item = &'a str> {
    let fails = if r.fails(fail_on) { "true" } else { "false" };
    r.columns().into_iter().chain([fails])
}
