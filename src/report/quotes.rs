//! Renderers for `claimdiff quotes`: every quotation of every article, its
//! speaker, and how each other article carries it. Like the other renderers
//! these only format a [`QuoteSurvey`] the library computed.

use crate::findings::quotes::{QuoteStatus, QuoteSurvey};
use crate::report::{field, visible};
use std::io::{self, Write};

/// Writes the survey for a person to read: one block per article, one
/// entry per quotation, one line per other article.
pub fn write_text<W: Write>(survey: &QuoteSurvey, mut out: W) -> io::Result<()> {
    for (k, source) in survey.sources.iter().enumerate() {
        let quotes: Vec<_> = survey.quotes.iter().filter(|q| q.source == k).collect();
        writeln!(out, "{} ({}): {} quotations", field(&source.outlet), field(&source.path), quotes.len())?;
        for entry in quotes {
            let q = &entry.quote;
            let speaker = q.speaker.as_deref().unwrap_or("(speaker unknown)");
            let kind = if q.fragment { " (fragment)" } else { "" };
            writeln!(
                out,
                "  {}..{} {}{kind}: \u{201c}{}\u{201d}",
                q.span.start,
                q.span.end,
                visible(speaker),
                visible(&q.text)
            )?;
            for (other, c) in survey.carried(entry) {
                let Some(c) = c else {
                    writeln!(out, "      {}: {}", field(&survey.sources[other].outlet), QuoteStatus::Absent.as_str())?;
                    continue;
                };
                write!(out, "      {}: {}", field(&c.outlet), c.status.as_str())?;
                if let Some(t) = c.text.as_deref().filter(|_| c.status != QuoteStatus::Verbatim) {
                    write!(out, ": {}", visible(t))?;
                }
                if c.speaker_changed {
                    write!(out, " [speaker changed: {}]", visible(c.speaker.as_deref().unwrap_or("")))?;
                }
                writeln!(out)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the survey as one pretty-printed JSON object: `sources` and
/// `quotes`, each quote with `span` and `parts` as `[start, end]` byte
/// ranges in its cleaned article.
pub fn write_json<W: Write>(survey: &QuoteSurvey, mut out: W) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        schema_version: u32,
        #[serde(flatten)]
        survey: &'a QuoteSurvey,
    }
    serde_json::to_writer_pretty(&mut out, &Doc { schema_version: super::JSON_SCHEMA_VERSION, survey })?;
    out.write_all(b"\n")
}
