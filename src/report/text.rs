//! Human-readable text renderer, coloured when asked (the caller decides
//! whether colour is wanted: terminal detection and NO_COLOR live in the
//! binary).

use super::{field, visible, ReportConfig};
use crate::findings::{Chunk, Explain, Highlight, PairReport, Row, Side, Status};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

/// The styles of the text reports (all plain when colour is off).
pub(crate) struct Palette {
    pub(crate) removed: Style,
    pub(crate) added: Style,
    pub(crate) dim: Style,
    pub(crate) head: Style,
    pub(crate) only: Style,
}

impl Palette {
    pub(crate) fn new(color: bool) -> Palette {
        if !color {
            let s = Style::new();
            return Palette { removed: s, added: s, dim: s, head: s, only: s };
        }
        Palette {
            removed: Style::new().fg_color(Some(AnsiColor::Red.into())).strikethrough(),
            added: Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
            dim: Style::new().dimmed(),
            head: Style::new().bold(),
            only: Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold(),
        }
    }
}

/// Writes the report for a person to read.
pub fn write<W: Write>(report: &PairReport, cfg: &ReportConfig, mut out: W) -> io::Result<()> {
    let p = Palette::new(cfg.color);
    for (label, s) in ["A", "B"].iter().zip(&report.sources) {
        write!(
            out,
            "{}{label}: {}{} ({} sentences",
            p.head.render(),
            field(&s.outlet),
            p.head.render_reset(),
            s.sentences
        )?;
        if let Some(d) = &s.date {
            write!(out, ", {}", field(d))?;
        }
        write!(out, ", {})", field(&s.path))?;
        if let Some(t) = &s.title {
            write!(out, "\n   {}{}{}", p.dim.render(), field(t), p.dim.render_reset())?;
        }
        writeln!(out)?;
    }
    let counts = report.counts();
    let summary: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {}", s.as_str())).collect();
    writeln!(out, "{}", summary.join(", "))?;
    if report.rows.iter().all(|r| r.a.is_none() || r.b.is_none()) {
        writeln!(
            out,
            "note: no sentence of A is one claim with a sentence of B: the two articles may not report one story"
        )?;
    }
    writeln!(out, "{}scorer: {}{}\n", p.dim.render(), visible(&report.scorer), p.dim.render_reset())?;
    write_highlights(&mut out, &report.highlights, &p)?;
    for row in &report.rows {
        write_row(&mut out, row, &p, cfg)?;
    }
    Ok(())
}

fn write_row<W: Write>(out: &mut W, row: &Row, p: &Palette, cfg: &ReportConfig) -> io::Result<()> {
    let color = cfg.color;
    let mark = match row.status {
        Status::Same => '=',
        Status::Reworded => '~',
        Status::Partial => '%',
        Status::OnlyA => '<',
        Status::OnlyB => '>',
    };
    let refs = match (&row.a, &row.b) {
        (Some(a), Some(b)) => format!("A{} B{}", a.index_label(), b.index_label()),
        (Some(a), None) => format!("A{}", a.index_label()),
        (None, Some(b)) => format!("B{}", b.index_label()),
        (None, None) => String::new(),
    };
    let style = if matches!(row.status, Status::OnlyA | Status::OnlyB) { p.only } else { p.head };
    write!(
        out,
        "{mark} {}{:<8}{} {:.3}  {refs:<10} ",
        style.render(),
        row.status.as_str(),
        style.render_reset(),
        row.similarity
    )?;
    match row.status {
        Status::Same => writeln!(out, "{}", visible(side_text(&row.a)))?,
        Status::OnlyA => writeln!(out, "{}", visible(side_text(&row.a)))?,
        Status::OnlyB => writeln!(out, "{}", visible(side_text(&row.b)))?,
        Status::Reworded | Status::Partial => {
            writeln!(out)?;
            write!(out, "    ")?;
            write_chunks(out, &row.diff, p, color)?;
            writeln!(out)?;
        }
    }
    if let (true, Some(e)) = (cfg.explain, &row.explain) {
        write_explain(out, e, p)?;
    }
    for f in &row.flags {
        writeln!(out, "    {}! {}{}: {}", p.only.render(), f.name, p.only.render_reset(), visible(&f.explanation))?;
    }
    Ok(())
}

/// Writes a word diff: coloured runs with colour, git's `[-...-]{+...+}`
/// notation without.
pub(crate) fn write_chunks<W: Write>(out: &mut W, chunks: &[Chunk], p: &Palette, color: bool) -> io::Result<()> {
    if !color {
        return write!(out, "{}", visible(&super::word_diff_notation(chunks)));
    }
    for (k, c) in chunks.iter().enumerate() {
        if k > 0 && !(matches!(c, Chunk::Added(_)) && matches!(chunks[k - 1], Chunk::Removed(_))) {
            write!(out, " ")?;
        }
        match c {
            Chunk::Equal(t) => write!(out, "{}", visible(t))?,
            Chunk::Removed(t) => write!(out, "{}{}{}", p.removed.render(), visible(t), p.removed.render_reset())?,
            Chunk::Added(t) => write!(out, "{}{}{}", p.added.render(), visible(t), p.added.render_reset())?,
        }
    }
    Ok(())
}

fn side_text(side: &Option<Side>) -> &str {
    side.as_ref().map(|s| s.sentence.as_str()).unwrap_or("")
}

/// Writes why the matcher scored a pair as it did.
fn write_explain<W: Write>(out: &mut W, e: &Explain, p: &Palette) -> io::Result<()> {
    let (d, r) = (p.dim.render(), p.dim.render_reset());
    let s = &e.score;
    writeln!(out, "    {d}shared: {}{r}", visible(&e.shared.join(", ")))?;
    writeln!(out, "    {d}only A: {}{r}", visible(&e.only_a.join(", ")))?;
    writeln!(out, "    {d}only B: {}{r}", visible(&e.only_b.join(", ")))?;
    let semantic = s.semantic.map(|c| format!("semantic cosine {c:.3}; ")).unwrap_or_default();
    writeln!(
        out,
        "    {d}score {:.3} = logistic({semantic}jaccard {:.3}, containment {:.3}, coverage A {:.3} / B {:.3}, chars {:.3}, edit {:.3}, edit sorted {:.3}, bigrams {:.3}, length ratio {:.3}, numbers differ {}, unshared {}, shared {}){r}",
        s.total, s.jaccard, s.containment, s.covered_a, s.covered_b, s.chars, s.edit, s.edit_sorted, s.bigrams,
        s.length_ratio, s.numbers_differ, s.unshared, s.shared_content
    )?;
    writeln!(out, "    {d}same claim: probability {:.3}{r}", s.same_claim)
}

/// The ranked summary, numbered, then a blank line (nothing when empty).
pub(crate) fn write_highlights<W: Write>(out: &mut W, highlights: &[Highlight], p: &Palette) -> io::Result<()> {
    if highlights.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}Most consequential differences:{}", p.head.render(), p.head.render_reset())?;
    for (k, h) in highlights.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. {}{:<16}{} {:<10} {}",
            k + 1,
            p.only.render(),
            h.kind,
            p.only.render_reset(),
            h.refs,
            visible(&h.summary)
        )?;
    }
    writeln!(out)
}
