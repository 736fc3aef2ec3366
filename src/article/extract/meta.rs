//! The page's own metadata: site name, headline, date, canonical URL and
//! author, from its JSON-LD, meta tags, `<title>`, `<time>`, byline
//! elements and URL.

use super::arena::{append_collapsed, Arena};
use super::element::Tag;
use super::PageMeta;

#[derive(Default)]
struct LdFound {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    author_is_person: bool,
    publisher: Option<String>,
    /// The first organisation or web site named.
    organization: Option<String>,
    article_body: Option<String>,
}

impl Arena {
    /// The page's metadata, and its JSON-LD `articleBody`.
    pub(super) fn meta(&self) -> (PageMeta, Option<String>) {
        let mut ld = LdFound::default();
        let mut title_el = None;
        for i in 1..self.nodes.len() {
            match self.nodes[i].tag {
                Tag::Title if title_el.is_none() => title_el = Some(self.inner_text(i)),
                Tag::LdJson => {
                    let json = self.inner_text_raw(i);
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
                        read_ld(&v, &mut ld, 0);
                    }
                }
                _ => {}
            }
        }
        // A byline's text: short, with letters and no digits (no date).
        let bylike = |b: &str| {
            let b = b
                .strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .or_else(|| b.strip_prefix("BY "))
                .unwrap_or(b)
                .trim();
            (b.len() <= 60
                && b.split_whitespace().count() <= 6
                && b.chars().any(char::is_alphabetic)
                && !b.chars().any(|c| c.is_ascii_digit()))
            .then(|| b.to_owned())
        };
        let byline = self
            .metas
            .byline
            .iter()
            .chain(&self.metas.byline_named)
            .filter(|&&i| !self.in_comments(i as usize))
            .find_map(|&i| bylike(&self.inner_text(i as usize)).filter(|b| !b.is_empty()));
        let m = &self.metas;
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|s| {
                    let mut one = String::with_capacity(s.len());
                    append_collapsed(&mut one, s);
                    one.trim_end().to_owned()
                })
                .filter(|s| !s.is_empty())
        };
        let title_el = clean(&title_el);
        // No site name given: the `<title>`'s short tail (`Headline | Outlet`).
        let named = |s: &Option<String>| clean(s).filter(|s| !s.contains("://"));
        let site_name = named(&ld.publisher)
            .or_else(|| named(&m.site_name))
            .or_else(|| named(&ld.organization))
            .or_else(|| named(&m.app_name))
            .or_else(|| {
                let t = title_el.as_deref()?;
                let (head, tail) = TITLE_SEPARATORS.iter().find_map(|sep| t.rsplit_once(sep))?;
                let tail = tail.trim();
                (tail.len() > 2 && tail.len() < 50 && tail.split_whitespace().count() <= 5 && head.trim().len() > 10)
                    .then(|| tail.to_owned())
            });
        let title = clean(&m.og_title).or_else(|| clean(&ld.headline)).or(title_el);
        let title = title.map(|t| strip_site_suffix(&t, site_name.as_deref())).filter(|t| !t.is_empty());
        let not_url = |a: &String| !a.starts_with("http") && !a.starts_with('/');
        let url = clean(&m.canonical).or_else(|| clean(&m.og_url));
        // The author: a person the JSON-LD names, else the meta tag, else an
        // organisation the JSON-LD names, else a short byline element.
        let ld_author = clean(&ld.author);
        let author = ld_author
            .clone()
            .filter(|_| ld.author_is_person)
            .or_else(|| clean(&m.author).filter(not_url))
            .or(ld_author)
            .or(byline);
        let date = clean(&m.published)
            .or_else(|| clean(&ld.date))
            .or_else(|| clean(&m.other_date))
            .or_else(|| clean(&m.time))
            .or_else(|| url.as_deref().and_then(url_date));
        (PageMeta { title, site_name, date, url, author }, ld.article_body)
    }

    /// Whether a node is in a form or a comments section (where a
    /// commenter's name is no byline).
    fn in_comments(&self, mut i: usize) -> bool {
        while i != 0 {
            if self.nodes[i].tag == Tag::Form || self.names_of(i).to_ascii_lowercase().contains("comment") {
                return true;
            }
            i = self.nodes[i].parent as usize;
        }
        false
    }

    fn inner_text_raw(&self, i: usize) -> String {
        let mut out = String::new();
        for k in i + 1..self.nodes[i].end as usize {
            if self.nodes[k].tag == Tag::Text {
                out.push_str(self.text_of(k));
            }
        }
        out
    }

    fn inner_text(&self, i: usize) -> String {
        let mut out = String::new();
        append_collapsed(&mut out, &self.inner_text_raw(i));
        out.trim().to_owned()
    }
}

/// A date an article's URL carries (`/2019/11/19/`, `/2019-11-19/`), as
/// `YYYY-MM-DD`.
fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let valid = |y: u32, m: u32, d: u32| (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    for w in parts.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (num(w[0], 4), num(w[1], 2), num(w[2], 2)) {
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    parts.iter().find_map(|p| {
        let mut it = p.split('-');
        let (y, m, d) = (num(it.next()?, 4)?, num(it.next()?, 2)?, num(it.next()?, 2)?);
        (it.next().is_none() && valid(y, m, d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

/// What stands between a headline and a site name in a `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{2022} ", " \u{00bb} "];

/// A headline without a site name before or after it: the known site name,
/// else a short tail (at most five words, under 35 bytes) after a
/// substantial headline, or a short head (at most two words) before a
/// longer one (rs-trafilatura's rule).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let site = site.map(str::to_lowercase);
    for sep in TITLE_SEPARATORS {
        for (pos, _) in title.match_indices(sep) {
            let (before, after) = (title[..pos].trim(), title[pos + sep.len()..].trim());
            if let Some(site) = &site {
                if after.to_lowercase().starts_with(site.as_str()) && !before.is_empty() {
                    return before.to_owned();
                }
                if before.to_lowercase() == *site && !after.is_empty() {
                    return after.to_owned();
                }
            }
            if after.split_whitespace().count() <= 5 && after.len() < 35 && before.len() > 10 {
                return before.to_owned();
            }
            if before.split_whitespace().count() <= 2 && before.len() < 20 && after.len() > before.len() {
                return after.to_owned();
            }
        }
    }
    title.to_owned()
}

/// Reads JSON-LD: the first article-like object's headline, date, author,
/// publisher and body (in `@graph`s and arrays too).
fn read_ld(v: &serde_json::Value, out: &mut LdFound, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|x| read_ld(x, out, depth + 1)),
        Value::Object(map) => {
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if out.organization.is_none()
                && types.iter().any(|t| matches!(*t, "Organization" | "NewsMediaOrganization" | "WebSite"))
            {
                out.organization =
                    map.get("name").and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
            }
            let article = types.iter().any(|t| {
                t.ends_with("Article")
                    || matches!(*t, "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting" | "Review")
            });
            if article {
                let s = |k: &str| {
                    map.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
                };
                if out.headline.is_none() {
                    out.headline = s("headline").or_else(|| s("name"));
                }
                if out.date.is_none() {
                    out.date = s("datePublished");
                }
                if out.author.is_none() {
                    out.author = map.get("author").and_then(person_name);
                    out.author_is_person = map.get("author").is_some_and(is_person);
                }
                if out.publisher.is_none() {
                    out.publisher = map.get("publisher").and_then(person_name);
                }
            }
            if out.article_body.is_none() {
                if let Some(b) =
                    map.iter().find(|(k, _)| k.eq_ignore_ascii_case("articleBody")).and_then(|(_, v)| v.as_str())
                {
                    if !b.trim().is_empty() {
                        out.article_body = Some(b.to_owned());
                    }
                }
            }
            if let Some(g) = map.get("@graph") {
                read_ld(g, out, depth + 1);
            }
            if !article {
                for (k, x) in map {
                    if k != "@graph" && (x.is_object() || x.is_array()) {
                        read_ld(x, out, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD author is a person (`@type: Person`, or a list whose
/// first is).
fn is_person(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Object(m) => m.get("@type").and_then(serde_json::Value::as_str) == Some("Person"),
        serde_json::Value::Array(a) => a.first().is_some_and(is_person),
        _ => false,
    }
}

/// A JSON-LD person or organisation's name: a string, `{name}`, or the
/// names of an array, comma separated.
fn person_name(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty() && !s.starts_with("http")),
        Value::Object(m) => m.get("name").and_then(person_name),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(person_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}
