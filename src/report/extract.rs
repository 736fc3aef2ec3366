//! Renderers for `claimdiff extract`: what claimdiff read from each input
//! (a web page's body and metadata, a text file's cleaned text). Text is
//! the article as a text file with front matter, which claimdiff reads back
//! as it was; JSON is an array of `{outlet, title, date, url, byline, path,
//! text}` in input order.

use super::{field, visible};
use crate::article::Article;
use serde::Serialize;
use std::io::{self, Write};

/// Writes each article as front matter and its text, articles apart by a
/// blank line.
pub fn write_text<W: Write>(articles: &[Article], mut out: W) -> io::Result<()> {
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let m = &a.meta;
        writeln!(out, "---")?;
        writeln!(out, "outlet: {}", field(&m.outlet))?;
        for (key, value) in [("title", &m.title), ("date", &m.date), ("url", &m.url), ("byline", &m.byline)] {
            if let Some(v) = value {
                writeln!(out, "{key}: {}", field(v))?;
            }
        }
        writeln!(out, "---")?;
        writeln!(out, "{}", visible(a.text.trim_end()))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Extracted<'a> {
    outlet: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    byline: Option<&'a str>,
    path: String,
    text: &'a str,
}

/// Writes a JSON array, one object per article in input order (a field the
/// input does not give is `null`).
pub fn write_json<W: Write>(articles: &[Article], mut out: W) -> io::Result<()> {
    let items: Vec<Extracted> = articles
        .iter()
        .map(|a| Extracted {
            outlet: &a.meta.outlet,
            title: a.meta.title.as_deref(),
            date: a.meta.date.as_deref(),
            url: a.meta.url.as_deref(),
            byline: a.meta.byline.as_deref(),
            path: a.meta.path.display().to_string(),
            text: &a.text,
        })
        .collect();
    serde_json::to_writer_pretty(&mut out, &items)?;
    writeln!(out)
}
