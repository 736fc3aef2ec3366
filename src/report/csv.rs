//! CSV renderer for pairwise reports. The columns are a contract:
//! `status,similarity,source_a,index_a,sentence_a,source_b,index_b,sentence_b,diff,flags,explanations`
//! (`explanations` added after the first ten; columns are only ever added
//! at the end).

use super::{word_diff_notation, CsvConfig};
use crate::findings::{PairReport, Side};
use std::io::Write;

/// The header, in contract order.
pub const HEADER: [&str; 11] = [
    "status",
    "similarity",
    "source_a",
    "index_a",
    "sentence_a",
    "source_b",
    "index_b",
    "sentence_b",
    "diff",
    "flags",
    "explanations",
];

/// Writes one row per aligned pair or unmatched sentence, every cell as it
/// is.
pub fn write<W: Write>(report: &PairReport, out: W) -> std::io::Result<()> {
    write_with(report, &CsvConfig::default(), out)
}

/// [`write()`], cells written as `cfg` says (`--csv-safe`).
pub fn write_with<W: Write>(report: &PairReport, cfg: &CsvConfig, out: W) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER)?;
    for row in &report.rows {
        let (source_a, index_a, sentence_a) = side_cells(row.a.as_ref());
        let (source_b, index_b, sentence_b) = side_cells(row.b.as_ref());
        // Each flag name once; every flag's explanation, in order, in the
        // last column.
        let flags = crate::findings::flag_names(&row.flags).join(";");
        let explanations =
            row.flags.iter().map(|f| format!("{}: {}", f.name, f.explanation)).collect::<Vec<_>>().join(" | ");
        cfg.record(
            &mut w,
            [
                row.status.as_str(),
                &format!("{:.3}", row.similarity),
                source_a,
                &index_a,
                sentence_a,
                source_b,
                &index_b,
                sentence_b,
                &word_diff_notation(&row.diff),
                &flags,
                &explanations,
            ],
        )?;
    }
    w.flush()
}

fn side_cells(side: Option<&Side>) -> (&str, String, &str) {
    match side {
        Some(s) => (&s.source, s.index_label(), &s.sentence),
        None => ("", String::new(), ""),
    }
}
