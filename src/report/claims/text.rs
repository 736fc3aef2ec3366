//! Human-readable renderer for many-outlet reports, findings first: the
//! ranked summary, shared claims the outlets word or flag differently, the
//! claims one outlet carries alone (most salient first), the shared claims
//! worded alike, the coverage matrix and each outlet's consistency summary.

use crate::findings::claims::{ClaimEntry, ClaimStatus, ClaimsReport};
use crate::report::text::{write_chunks, write_highlights, Palette};
use crate::report::{field, visible, ReportConfig};
use std::io::{self, Write};

/// Writes the report for a person to read.
pub fn write<W: Write>(report: &ClaimsReport, cfg: &ReportConfig, mut out: W) -> io::Result<()> {
    let p = Palette::new(cfg.color);
    let (h, r) = (p.head.render(), p.head.render_reset());
    writeln!(out, "{h}Sources ({}){r}", report.sources.len())?;
    for (k, s) in report.sources.iter().enumerate() {
        write!(out, "  [{}] {} ({} sentences", k + 1, field(&s.outlet), s.sentences)?;
        if let Some(d) = &s.date {
            write!(out, ", {}", visible(d))?;
        }
        writeln!(out, ", {})", field(&s.path))?;
    }
    let (shared, unique) = report.counts();
    write!(out, "{} claims: {shared} shared, {unique} carried by one outlet only", report.claims.len())?;
    match report.clause_count() {
        0 => writeln!(out)?,
        n => writeln!(out, " ({n} of them clauses one outlet adds to a shared claim)")?,
    }
    if shared == 0 && report.sources.len() > 1 {
        writeln!(out, "note: no claim is shared by two outlets: these articles may not report one story")?;
    }
    for g in &report.date_gaps {
        let when = if g.days > 0 { "after" } else { "before" };
        writeln!(
            out,
            "note: [{}] {} is dated {} days {when} the others' median date: it may report another occasion, so its sentences share a claim only on shared wording, not by meaning alone",
            g.source + 1,
            field(&report.sources[g.source].outlet),
            g.days.abs()
        )?;
    }
    writeln!(out, "{}scorer: {}{}\n", p.dim.render(), visible(&report.scorer), p.dim.render_reset())?;
    write_highlights(&mut out, &report.highlights, &p)?;

    writeln!(out, "{h}Shared claims the outlets word differently{r}")?;
    writeln!(
        out,
        "  (= the representative wording, or an outlet's that matches it; ~ another outlet's, with its word\n   diff and flags against it: in flag explanations A is the representative and B that outlet)"
    )?;
    for c in report.claims.iter().filter(|c| c.status == ClaimStatus::Shared && c.differs()) {
        write_shared(&mut out, report, c, &p, cfg.color)?;
    }

    writeln!(out, "\n{h}Claims carried by one outlet only, most salient first{r}")?;
    for c in report.claims.iter().filter(|c| c.status == ClaimStatus::Unique) {
        let v = &c.variants[0];
        write!(
            out,
            "  {}{:<5}{} [{}] {} #{}: ",
            p.only.render(),
            c.id,
            p.only.render_reset(),
            v.source + 1,
            visible(&v.side.source),
            v.side.index_label(),
        )?;
        match &c.clause {
            Some(cl) => writeln!(out, "\"{}\" (a clause only this outlet adds to {})", visible(&cl.text), cl.claim)?,
            None => writeln!(out, "{}", visible(&v.side.sentence))?,
        }
    }
    writeln!(out, "\n{h}Shared claims worded alike{r}")?;
    for c in report.claims.iter().filter(|c| c.status == ClaimStatus::Shared && !c.differs()) {
        write_shared(&mut out, report, c, &p, cfg.color)?;
    }
    write_matrix(&mut out, report, &p)?;
    writeln!(out, "\n{h}Outlet consistency{r}")?;
    for o in &report.outlets {
        writeln!(
            out,
            "  [{}] {}: {} claims, {} shared with a majority, {} alone, {} altered quotes",
            o.source + 1,
            field(&report.sources[o.source].outlet),
            o.claims,
            o.shared_with_majority,
            o.alone,
            o.altered_quotes
        )?;
    }
    Ok(())
}

fn write_shared<W: Write>(
    out: &mut W,
    report: &ClaimsReport,
    c: &ClaimEntry,
    p: &Palette,
    color: bool,
) -> io::Result<()> {
    let carriers: Vec<String> = c.variants.iter().map(|v| format!("[{}]", v.source + 1)).collect();
    write!(
        out,
        "  {}{}{} carried by {}/{}: {}",
        p.head.render(),
        c.id,
        p.head.render_reset(),
        c.variants.len(),
        report.sources.len(),
        carriers.join("")
    )?;
    if let Some(prov) = &c.provenance {
        write!(
            out,
            "; earliest [{}] {} ({})",
            prov.earliest + 1,
            field(&report.sources[prov.earliest].outlet),
            visible(&prov.date)
        )?;
    }
    writeln!(out)?;
    for (x, v) in c.variants.iter().enumerate() {
        if x == c.representative || v.same() {
            writeln!(out, "    = [{}] #{} {}", v.source + 1, v.side.index_label(), visible(&v.side.sentence))?;
            continue;
        }
        write!(out, "    ~ [{}] #{} {:.3} ", v.source + 1, v.side.index_label(), v.similarity)?;
        write_chunks(out, &v.diff, p, color)?;
        writeln!(out)?;
        for f in &v.flags {
            writeln!(
                out,
                "        {}! {}{}: {}",
                p.only.render(),
                f.name,
                p.only.render_reset(),
                visible(&f.explanation)
            )?;
        }
    }
    if let Some(prov) = &c.provenance {
        for hint in &prov.hints {
            let ahead = match hint.margin {
                Some(m) => format!("{m:.3} ahead of the next earlier outlet"),
                None => "the only earlier outlet".to_owned(),
            };
            writeln!(
                out,
                "    {}hint: [{}] reads closest to [{}] ({:.3}; {ahead}): possible copying, not proof{}",
                p.dim.render(),
                hint.source + 1,
                hint.closest + 1,
                hint.similarity,
                p.dim.render_reset()
            )?;
        }
    }
    Ok(())
}

/// The most sources the text matrix has a column for: about a terminal's
/// width. Beyond it a line names `--format matrix`, the same matrix as CSV
/// (one column per source would make each row thousands of characters, and
/// the report gigabytes, at thousands of outlets).
const TEXT_MATRIX_MAX_SOURCES: usize = 40;

fn write_matrix<W: Write>(out: &mut W, report: &ClaimsReport, p: &Palette) -> io::Result<()> {
    if report.sources.len() > TEXT_MATRIX_MAX_SOURCES {
        return writeln!(
            out,
            "\n{}Coverage matrix{}: not drawn for {} sources (more than {TEXT_MATRIX_MAX_SOURCES} columns); `--format matrix` writes it as CSV",
            p.head.render(),
            p.head.render_reset(),
            report.sources.len()
        );
    }
    writeln!(out, "\n{}Coverage matrix{} (rows: claims; columns: sources)", p.head.render(), p.head.render_reset())?;
    let width = report.claims.iter().map(|c| c.id.len()).max().unwrap_or(2).max(5);
    write!(out, "  {:<width$}", "claim")?;
    for k in 0..report.sources.len() {
        write!(out, " {:>3}", k + 1)?;
    }
    writeln!(out)?;
    for (c, row) in report.claims.iter().zip(report.matrix()) {
        write!(out, "  {:<width$}", c.id)?;
        for cell in row {
            write!(out, " {:>3}", if cell.is_some() { "x" } else { "." })?;
        }
        writeln!(out)?;
    }
    Ok(())
}
