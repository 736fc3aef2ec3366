//! CSV renderers for many-outlet reports: the long format (one row per
//! claim and outlet) and the coverage matrix (one row per claim, one column
//! per outlet).

use crate::findings::claims::ClaimsReport;
use crate::report::{word_diff_notation, CsvConfig};
use std::io::Write;

/// The long format's header, in contract order.
pub const HEADER: [&str; 8] = ["claim", "source", "index", "sentence", "status", "similarity", "diff", "flags"];

/// Writes one row per (claim, outlet carrying it), every cell as it is.
pub fn write<W: Write>(report: &ClaimsReport, out: W) -> std::io::Result<()> {
    write_with(report, &CsvConfig::default(), out)
}

/// [`write()`], cells written as `cfg` says (`--csv-safe`).
pub fn write_with<W: Write>(report: &ClaimsReport, cfg: &CsvConfig, out: W) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER)?;
    let labels = report.source_labels();
    for c in &report.claims {
        for v in &c.variants {
            let flags = v.flags.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(";");
            cfg.record(
                &mut w,
                [
                    c.id.as_str(),
                    labels.get(v.source).unwrap_or(&v.side.source),
                    &v.side.index_label(),
                    // A clause claim's row holds the clause, at the index of
                    // the sentence it sits in.
                    c.clause.as_ref().map_or(&v.side.sentence, |cl| &cl.text),
                    c.status.as_str(),
                    &format!("{:.3}", v.similarity),
                    &word_diff_notation(&v.diff),
                    &flags,
                ],
            )?;
        }
    }
    w.flush()
}

/// Writes the coverage matrix: `claim,status,outlets,representative`, then
/// one column per outlet holding the sentence index (empty if absent),
/// named as [`ClaimsReport::source_labels`] says.
pub fn write_matrix<W: Write>(report: &ClaimsReport, out: W) -> std::io::Result<()> {
    write_matrix_with(report, &CsvConfig::default(), out)
}

/// [`write_matrix`], cells written as `cfg` says (`--csv-safe`).
pub fn write_matrix_with<W: Write>(report: &ClaimsReport, cfg: &CsvConfig, out: W) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    let mut header = vec!["claim".to_owned(), "status".to_owned(), "outlets".to_owned(), "representative".to_owned()];
    header.extend(report.source_labels());
    cfg.record(&mut w, &header)?;
    for (c, row) in report.claims.iter().zip(report.matrix()) {
        let mut rec = vec![
            c.id.clone(),
            c.status.as_str().to_owned(),
            c.variants.len().to_string(),
            c.variants[c.representative].side.sentence.clone(),
        ];
        rec.extend(row.iter().map(|cell| cell.map(|s| s.index_label()).unwrap_or_default()));
        cfg.record(&mut w, &rec)?;
    }
    w.flush()
}
