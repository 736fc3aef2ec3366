//! Renderers for a story grouping (`claimdiff stories`): text for a
//! person, CSV and JSON for programs. The CSV columns are a contract:
//! `story,article,outlet,date,title`, one row per article, stories in
//! order; `article` is the file path (`file.jsonl:N` for a JSONL line).

use super::{field, CsvConfig};
use crate::article::Article;
use crate::stories::Story;
use serde::Serialize;
use std::io::{self, Write};

/// The CSV header, in contract order.
pub const HEADER: [&str; 5] = ["story", "article", "outlet", "date", "title"];

fn path(a: &Article) -> String {
    a.meta.path.display().to_string()
}

/// Writes one CSV row per article.
pub fn write_csv<W: Write>(stories: &[Story], articles: &[Article], cfg: &CsvConfig, out: W) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    cfg.record(&mut w, HEADER)?;
    for s in stories {
        for &i in &s.articles {
            let m = &articles[i].meta;
            cfg.record(
                &mut w,
                [
                    s.id.as_str(),
                    &path(&articles[i]),
                    &m.outlet,
                    m.date.as_deref().unwrap_or(""),
                    m.title.as_deref().unwrap_or(""),
                ],
            )?;
        }
    }
    w.flush()
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    article: String,
    outlet: &'a str,
    date: Option<&'a str>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonStory<'a> {
    id: &'a str,
    articles: Vec<JsonArticle<'a>>,
}

#[derive(Serialize)]
struct JsonStories<'a> {
    schema_version: u32,
    stories: Vec<JsonStory<'a>>,
}

/// Writes `{"schema_version", "stories": [{"id", "articles": [{"article",
/// "outlet", "date", "title"}]}]}`.
pub fn write_json<W: Write>(stories: &[Story], articles: &[Article], mut out: W) -> io::Result<()> {
    let doc = JsonStories {
        schema_version: super::JSON_SCHEMA_VERSION,
        stories: stories
            .iter()
            .map(|s| JsonStory {
                id: &s.id,
                articles: s
                    .articles
                    .iter()
                    .map(|&i| {
                        let m = &articles[i].meta;
                        JsonArticle {
                            article: path(&articles[i]),
                            outlet: &m.outlet,
                            date: m.date.as_deref(),
                            title: m.title.as_deref(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}

/// Writes each story as a heading line (id, article count, date range,
/// the first article's title) and its articles indented.
pub fn write_text<W: Write>(stories: &[Story], articles: &[Article], mut out: W) -> io::Result<()> {
    let multi = stories.iter().filter(|s| s.articles.len() > 1).count();
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    writeln!(
        out,
        "{} {} in {} {} ({multi} with two or more articles)\n",
        articles.len(),
        plural(articles.len(), "article", "articles"),
        stories.len(),
        plural(stories.len(), "story", "stories"),
    )?;
    for s in stories {
        let dates: Vec<&str> = s.articles.iter().filter_map(|&i| articles[i].meta.date.as_deref()).collect();
        let range = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "undated".to_string(),
        };
        let title = s.articles.iter().find_map(|&i| articles[i].meta.title.as_deref()).unwrap_or("(no title)");
        let n = s.articles.len();
        writeln!(out, "{} ({n} article{}, {range}) {}", s.id, if n == 1 { "" } else { "s" }, field(title))?;
        for &i in &s.articles {
            let m = &articles[i].meta;
            writeln!(
                out,
                "    {}  {}  {}",
                field(&m.outlet),
                m.date.as_deref().unwrap_or("-"),
                field(&path(&articles[i]))
            )?;
        }
    }
    Ok(())
}
