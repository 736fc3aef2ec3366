//! Web pages in: saved HTML pages (plain or gzipped) and web archives
//! (WARC, plain or gzipped) turned into raw articles, body text and the
//! page's own metadata.
//!
//! What an input is is read from its bytes (gzip magic, a `WARC/` record
//! header, an HTML tag near the start), so a page reaches claimdiff the same
//! way from a file, a folder or stdin. The article body and the metadata
//! (outlet from the JSON-LD publisher or `og:site_name`, title, date,
//! canonical URL, byline) come from claimdiff's own reader
//! ([`super::extract`]: one html5ever parse, trafilatura's and
//! Readability's way of finding the body); a page it is not sure of (a body
//! under 50 words, or no container found) has its body read by
//! `rs-trafilatura`, a port of trafilatura on html5ever that parses the page
//! twice and runs CSS selectors over it, ten times slower. Both measured on
//! the public article extraction benchmark (BENCHMARKS.md, "Web pages in").
//! Paragraphs stay blank-line separated, so the cleaner and the splitter
//! after this stage see what they see in a text file. No I/O happens here.

use super::load::RawInput;
use crate::error::{shown, Error, Result};
// A page's metadata and an error's detail on one line: whitespace runs
// collapsed.
use crate::text::collapse_ws as one_line;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// What an input's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// gzip-compressed bytes (`.html.gz`, `.warc.gz`, or any other).
    Gzip,
    /// A web archive: WARC records.
    Warc,
    /// An HTML page.
    Html,
    /// Anything else: read as text.
    Text,
}

/// Reads what `bytes` are from their first bytes, and `path`'s name for a
/// page without a telling start (`.html`/`.htm`).
pub fn sniff(path: &Path, bytes: &[u8]) -> Kind {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    if bytes.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    // UTF-16 after its byte-order mark: the low bytes of its first
    // characters are enough to tell a page.
    let narrowed: Vec<u8>;
    let head = match super::load::utf16_bom(bytes) {
        Some((_, big_endian)) => {
            narrowed = bytes[2..].chunks_exact(2).take(1024).map(|p| p[usize::from(big_endian)]).collect();
            &narrowed[..]
        }
        None => &bytes[..bytes.len().min(1024)],
    };
    let head = head.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let lower = head[start..].to_ascii_lowercase();
    let opens_html =
        [b"<!doctype html".as_slice(), b"<html", b"<head", b"<?xml"].iter().any(|tag| lower.starts_with(tag));
    let holds_html = lower.starts_with(b"<") && contains(&lower, b"<html");
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if opens_html || holds_html || (named && lower.starts_with(b"<")) {
        Kind::Html
    } else {
        Kind::Text
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find_bytes(hay, needle).is_some()
}

/// Whether a folder entry is a web input by its name: `.html`, `.htm`,
/// `.warc`, and those gzipped.
pub fn is_web_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".warc")
}

/// Unpacks gzip bytes, never to more than `max_bytes`, member by member (a
/// web archive gzips each record on its own). Bytes after the last member
/// that start no other are ignored, as gzip(1) does; a member cut short
/// after whole ones keeps what it gave (the archive reader then reports the
/// cut record); a first member that cannot be unpacked is an error.
pub fn gunzip(path: &Path, bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>> {
    // Room for what the (last) member says it holds, its trailer's ISIZE,
    // never past the bound: a hint, which spares the copies of a growing
    // buffer.
    let said = bytes.len().checked_sub(4).map_or(0, |at| u32::from_le_bytes(bytes[at..].try_into().unwrap_or([0; 4])));
    let mut out = Vec::with_capacity((u64::from(said).min(max_bytes.saturating_add(1))) as usize);
    let cap = max_bytes.saturating_add(1);
    let mut rest = bytes;
    let mut first = true;
    while first || rest.starts_with(&[0x1f, 0x8b]) {
        let left = cap - out.len() as u64;
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let read = (&mut member).take(left).read_to_end(&mut out);
        if out.len() as u64 > max_bytes {
            return Err(Error::TooLarge { path: path.to_path_buf(), size: None, limit: max_bytes });
        }
        match read {
            Err(e) if first => return Err(page_error(path, format!("cannot unpack gzip: {e}"))),
            Err(_) => break,
            Ok(_) => {}
        }
        rest = member.into_inner();
        first = false;
    }
    Ok(out)
}

fn page_error(path: &Path, msg: String) -> Error {
    Error::Page { path: path.to_path_buf(), msg }
}

/// Marks that end a sentence, in the scripts that have them: full stop,
/// question and exclamation marks (also CJK full-width, Arabic, Urdu),
/// ellipsis, the Devanagari danda, the Armenian, Ethiopic and Myanmar full
/// stops.
const SENTENCE_ENDS: [char; 14] = [
    '.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff0e}', '\u{2026}', '\u{61f}', '\u{6d4}', '\u{964}',
    '\u{589}', '\u{1362}', '\u{104b}',
];

/// The most words a page may hold in its body and still be refused as no
/// article (a section front, an error page, a login wall).
const MIN_BODY_WORDS: usize = 25;

/// One HTML page to a raw article: its body text, blank-line separated
/// paragraphs, and its metadata; `url` is the address it was fetched from,
/// when known (a WARC record's target), used when the page names no
/// canonical URL. A page with no article body is an error.
pub fn page(path: &Path, html: &[u8], url: Option<&str>) -> Result<RawInput> {
    // A page saved as UTF-16 (Windows' "Unicode"), by its byte-order mark:
    // read as UTF-8 (whatever charset it declares), with a warning.
    if let Some((name, big_endian)) = super::load::utf16_bom(html) {
        let (text, _) = super::load::decode_utf16(&html[2..], big_endian);
        let mut raw = page(path, &[b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(), url)?;
        raw.warnings.insert(0, format!("{}: {name} page (byte-order mark); decoded to UTF-8", path.display()));
        return Ok(raw);
    }
    let mut warnings = Vec::new();
    if !ends_like_a_page(html) {
        return Err(page_error(path, "page looks truncated (no closing </html> or </body>)".to_owned()));
    }
    let max = super::nesting::MAX_DEPTH;
    let too_deep = || page_error(path, format!("page nests elements more than {max} deep: not an article page"));
    // A large page is measured by the tokenizer before it is parsed: the
    // parse's own guard stops it a slice past the bound, but some markup
    // (formatting elements the parser opens again in every paragraph) is
    // slow to parse without nesting deep.
    // A tag of thousands of attributes: a parser reading the page whole
    // checks each against those before it (minutes). The reader's own parse
    // keeps the first thousand; the other readers are not given it.
    // Scanned for at most once, on the paths that hand the page on whole.
    let scanned = std::cell::OnceCell::new();
    let crowded = || *scanned.get_or_init(|| super::extract::crowded_tag(html));
    let refused = || {
        let most = super::extract::MAX_TAG_ATTRIBUTES;
        page_error(path, format!("a tag has more than {most} attributes: not an article page"))
    };
    if html.len() > TOKEN_GUARD_BYTES {
        if crowded() {
            return Err(refused());
        }
        if super::nesting::depth(html) > max {
            return Err(too_deep());
        }
    }
    // The page's own metadata is read by claimdiff's reader in every case;
    // only a body it is not sure of is read again by the library.
    let read = super::extract::extract(html, max).map_err(|_| too_deep())?;
    let (body, kind) = if read.confident {
        (read.body, String::new())
    } else {
        if crowded() {
            return Err(refused());
        }
        fallback(path, html, url, read.body)?
    };
    let text = paragraphs(&body);
    let words = text.split_whitespace().count();
    if words < MIN_BODY_WORDS {
        let what = match kind.as_str() {
            "" | "article" => String::new(),
            k => format!(" (a {k} page)"),
        };
        return Err(page_error(path, format!("page holds no article text{what}: {words} words in its body")));
    }
    // A section front or a list of teasers: headlines, and not one sentence
    // among them (Thai, Lao and Khmer end no sentence with a mark: not read
    // so).
    if !text.contains(SENTENCE_ENDS)
        && !text.chars().any(|c| ('\u{e00}'..='\u{eff}').contains(&c) || ('\u{1780}'..='\u{17ff}').contains(&c))
    {
        return Err(page_error(
            path,
            format!("page holds no sentence in its {words} words (no full stop, question or exclamation mark): a list of headlines or links, not an article"),
        ));
    }
    if matches!(kind.as_str(), "listing" | "collection") {
        warnings.push(format!("{}: page looks like a {kind} page, not an article; its main text is read", shown(path)));
    }
    let md = &read.meta;
    let clean = |s: &Option<String>| s.as_deref().map(one_line).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let mut meta = super::load::meta_from_path(path);
    let page_url = clean(&md.url).or_else(|| url.map(str::to_owned));
    if let Some(outlet) = clean(&md.site_name).or_else(|| page_url.as_deref().and_then(host)) {
        meta.outlet = outlet;
    }
    meta.title = clean(&md.title).map(|t| cut_site_name(&t, meta.outlet.as_str()));
    meta.date = md.date.as_deref().and_then(super::dates::normalize);
    meta.url = page_url;
    meta.byline = clean(&md.author).map(|b| {
        b.strip_prefix("By ")
            .or_else(|| b.strip_prefix("by "))
            .or_else(|| b.strip_prefix("BY "))
            .unwrap_or(&b)
            .to_owned()
    });
    Ok(RawInput { meta, text, warnings })
}

/// Pages larger than this are measured by the tokenizer before they are
/// parsed (see [`page`]).
const TOKEN_GUARD_BYTES: usize = 2 << 20;

/// The body by rs-trafilatura, for a page claimdiff's own reader was not
/// sure of (a short body, or no container found), with the page type the
/// library read; `own` (that reader's body) when the library finds
/// nothing.
fn fallback(path: &Path, html: &[u8], url: Option<&str>, own: String) -> Result<(String, String)> {
    // A JSON-LD body written in HTML is parsed too (by the library, and by
    // `structured_body`): it is held to the page's bound.
    let ld_body = json_ld_article_body(html).filter(|b| b.contains('<'));
    if ld_body.as_deref().is_some_and(|b| super::nesting::depth(b.as_bytes()) > super::nesting::MAX_DEPTH) {
        let max = super::nesting::MAX_DEPTH;
        return Err(page_error(path, format!("page nests elements more than {max} deep: not an article page")));
    }
    let options = rs_trafilatura::Options { url: url.map(str::to_owned), ..Default::default() };
    let result = match rs_trafilatura::extract_bytes_with_options(html, &options) {
        Ok(r) => r,
        Err(_) if !own.trim().is_empty() => return Ok((own, String::new())),
        Err(e) => return Err(page_error(path, format!("no article body found ({})", one_line(&e.to_string())))),
    };
    let kind = result.metadata.page_type.clone().unwrap_or_default();
    let body =
        ld_body.and_then(|ld| structured_body(html, &ld, &options)).unwrap_or_else(|| result.content_text.clone());
    if body.trim().is_empty() && !own.trim().is_empty() {
        return Ok((own, kind));
    }
    Ok((body, kind))
}

/// The body of a page whose JSON-LD `articleBody` is HTML, read right.
/// rs-trafilatura (0.2.2) prefers that body to the page's text when the
/// page's text is short or the body much longer, in its main path and in its
/// fallback, but flattens it with no paragraph breaks and repeats the text of
/// every nested element (a body with `<div .../>` shortcodes came out four
/// times over, run together). Here the page is read with that key hidden,
/// the body is read as a page of its own, and the library's rule picks
/// between them on their true lengths: the body when the page's text is under
/// 200 characters or the body more than twice as long. `body` is that
/// `articleBody`; None when it reads as nothing (the library's reading
/// stands).
fn structured_body(html: &[u8], body: &str, options: &rs_trafilatura::Options) -> Option<String> {
    let read = |page: &[u8]| rs_trafilatura::extract_bytes_with_options(page, options).ok().map(|r| r.content_text);
    // An empty reading of the body gives way to the library's own.
    let own = read(format!("<html><head></head><body><article>{body}</article></body></html>").as_bytes())
        .filter(|t| !t.trim().is_empty())?;
    let dom = read(&hide_article_body(html)).unwrap_or_default();
    let (own_len, dom_len) = (own.chars().count(), dom.chars().count());
    Some(if dom_len < 200 || own_len > dom_len * 2 { own } else { dom })
}

const LD_JSON: &[u8] = b"application/ld+json";

/// The first `articleBody` string in the page's JSON-LD scripts (at any
/// depth, as rs-trafilatura looks for it). Script content is raw text in
/// HTML, so the scripts are found by their tags.
fn json_ld_article_body(html: &[u8]) -> Option<String> {
    fn find(v: &serde_json::Value) -> Option<&str> {
        match v {
            serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| match v {
                serde_json::Value::String(s) if k.eq_ignore_ascii_case("articleBody") => Some(s.as_str()),
                _ => find(v),
            }),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    let mut rest = html;
    while let Some(at) = find_bytes(rest, LD_JSON) {
        rest = &rest[at..];
        let open = find_bytes(rest, b">")? + 1;
        let close = find_bytes(&rest[open..], b"</script")? + open;
        let script = &rest[open..close];
        rest = &rest[close..];
        let Ok(json) = serde_json::from_slice::<serde_json::Value>(script) else { continue };
        if let Some(body) = find(&json).map(str::trim).filter(|b| !b.is_empty()) {
            return Some(body.to_owned());
        }
    }
    None
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The page with every `"articleBody"` key renamed (any case, same
/// length), so that the JSON stays valid and its other metadata readable.
fn hide_article_body(html: &[u8]) -> Vec<u8> {
    const KEY: &[u8] = b"\"articlebody\"";
    let mut out = html.to_vec();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find_bytes(&lower[from..], KEY) {
        out[from + at + 1..from + at + KEY.len() - 1].copy_from_slice(b"hidden_body");
        from += at + KEY.len();
    }
    out
}

/// A page that stops before its end tags was cut off in saving or in
/// transfer: its text may be part of the article.
fn ends_like_a_page(html: &[u8]) -> bool {
    let tail = &html[html.len().saturating_sub(4096)..];
    let lower = tail.to_ascii_lowercase();
    contains(&lower, b"</html") || contains(&lower, b"</body")
}

/// The body text with every line its own paragraph (blank-line separated),
/// as the splitter expects of text files.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push_str("\n\n");
    }
    out
}

/// A `<title>`-style headline without its site name: `Headline | Outlet`,
/// `Headline - Outlet`, `Outlet: Headline`.
fn cut_site_name(title: &str, outlet: &str) -> String {
    let site = outlet.to_lowercase();
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00b7} "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if !site.is_empty() && tail.trim().to_lowercase() == site {
                return head.trim().to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if !site.is_empty() && head.trim().to_lowercase() == site {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// What a WARC reader's error means for the archive, in its user's terms.
fn warc_problem(e: &warc::Error) -> String {
    match e {
        warc::Error::ParseHeaders(_) => {
            "its header block cannot be parsed (a malformed line, or a Content-Length that is no number)".to_owned()
        }
        warc::Error::MissingHeader(h) => format!("it lacks the required `{h}` header"),
        warc::Error::MalformedHeader(h, why) => format!("its `{h}` header is malformed ({})", one_line(why)),
        warc::Error::ReadData(io) => format!("cannot read it ({io})"),
        warc::Error::ReadOverflow => {
            "its body does not end where its Content-Length says (a missing or wrong Content-Length)".to_owned()
        }
        warc::Error::UnexpectedEOB => {
            "the archive ends inside it (truncated, or a Content-Length too large)".to_owned()
        }
    }
}

/// The HTML pages of a web archive, one article per HTML response record
/// (`FILE:N`, N its record's 1-based position); a record that is no article
/// is an error of its own. An archive with no HTML response is an error.
pub fn warc(path: &Path, bytes: &[u8], max_bytes: u64) -> Result<Vec<Result<RawInput>>> {
    let reader = warc::WarcReader::new(BufReader::new(bytes));
    let mut out = Vec::new();
    let mut passed_over = 0;
    for (i, record) in reader.iter_records().enumerate() {
        let at = PathBuf::from(format!("{}:{}", path.display(), i + 1));
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(page_error(&at, format!("unreadable WARC record: {}", warc_problem(&e)))));
                break;
            }
        };
        if record.warc_type().to_string() != "response" {
            continue;
        }
        let target = record.header(warc::WarcHeader::TargetURI).map(|u| u.into_owned());
        let Some((status, headers, body)) = http_response(&at, record.body(), max_bytes) else { continue };
        // A redirect, a missing page or an error is no article: passed over
        // as a request record is.
        if !(200..300).contains(&status) {
            passed_over += 1;
            continue;
        }
        let html_type = headers.iter().any(|(k, v)| k == "content-type" && v.to_ascii_lowercase().contains("html"));
        let body = match body {
            Ok(body) => body,
            // A body that cannot be unpacked is this record's problem when
            // the response says it is a page.
            Err(e) if html_type => {
                out.push(Err(e));
                continue;
            }
            Err(_) => continue,
        };
        if !html_type && sniff(&at, &body) != Kind::Html {
            continue;
        }
        out.push(page(&at, &body, target.as_deref()).map(|mut raw| {
            if raw.meta.outlet == super::load::outlet_from_path(&at) {
                raw.meta.outlet = target.as_deref().and_then(host).unwrap_or(raw.meta.outlet);
            }
            raw
        }));
    }
    if out.is_empty() {
        let what = if passed_over > 0 {
            "web archive holds no HTML pages (only redirects or error responses)"
        } else {
            "web archive holds no HTML pages"
        };
        return Err(Error::Empty { path: path.to_path_buf(), what });
    }
    Ok(out)
}

/// The host of a URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned()).filter(|h| !h.is_empty())
}

/// HTTP headers, names lower-cased, in order.
type Headers = Vec<(String, String)>;

/// An HTTP response's status code, headers (names lower-cased) and body, de-chunked
/// and unpacked when the headers say so (gzip through [`gunzip`], deflate
/// through [`inflate`], so never past `max_bytes`: a body that unpacks to
/// more is an error of its record); `None` when the record holds no HTTP
/// response.
fn http_response(at: &Path, raw: &[u8], max_bytes: u64) -> Option<(u16, Headers, Result<Vec<u8>>)> {
    let mut reader = BufReader::new(raw);
    let mut status = String::new();
    reader.read_line(&mut status).ok()?;
    if !status.starts_with("HTTP/") {
        return None;
    }
    // `HTTP/1.1 200 OK`: a status line without a readable code is taken as
    // a page, as before it was read.
    let code = status.split_whitespace().nth(1).and_then(|c| c.parse::<u16>().ok()).unwrap_or(200);
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    let mut body = Vec::new();
    reader.read_to_end(&mut body).ok()?;
    let said =
        |name: &str, value: &str| headers.iter().any(|(k, v)| k == name && v.to_ascii_lowercase().contains(value));
    if said("transfer-encoding", "chunked") {
        body = dechunk(&body).unwrap_or(body);
    }
    let unpacked = if said("content-encoding", "gzip") || body.starts_with(&[0x1f, 0x8b]) {
        gunzip(at, &body, max_bytes)
    } else if said("content-encoding", "deflate") {
        inflate(at, &body, max_bytes)
    } else {
        Ok(body)
    };
    Some((code, headers, unpacked))
}

/// An HTTP `deflate` body unpacked, never to more than `max_bytes`: zlib
/// data as the standard says, or the bare deflate stream some servers send.
fn inflate(path: &Path, bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>> {
    let cap = max_bytes.saturating_add(1);
    let mut out = Vec::new();
    let mut read = flate2::bufread::ZlibDecoder::new(bytes).take(cap).read_to_end(&mut out);
    if read.is_err() {
        out.clear();
        read = flate2::bufread::DeflateDecoder::new(bytes).take(cap).read_to_end(&mut out);
    }
    if out.len() as u64 > max_bytes {
        return Err(Error::TooLarge { path: path.to_path_buf(), size: None, limit: max_bytes });
    }
    read.map_err(|e| page_error(path, format!("cannot unpack its deflate body: {e}")))?;
    Ok(out)
}

/// An HTTP/1.1 chunked body joined; `None` when it is not well formed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?.strip_prefix(b"\r\n").unwrap_or(&b[size..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Dockers walk out at Felixstowe | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:title" content="Dockers walk out at Felixstowe">
<meta property="article:published_time" content="2024-06-14T09:12:00Z">
<link rel="canonical" href="https://harbourtimes.example/news/dockers-walk-out">
<meta name="author" content="Jane Hollis">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dockers walk out at Felixstowe</h1>
<p>More than 1,900 dock workers at the port of Felixstowe walked out on Friday after talks over pay broke down, the union said.</p>
<p>The strike, the first at the port in thirty years, is expected to last eight days and to disrupt nearly half of the container freight entering Britain.</p>
<p>"We did not want this," the union's regional officer said. "The company left us no choice."</p>
</article><footer>Copyright 2024 The Harbour Times. Share this article.</footer></body></html>"#;

    #[test]
    fn sniffs_by_content_not_name() {
        let p = Path::new("x.txt");
        assert_eq!(sniff(p, PAGE.as_bytes()), Kind::Html);
        assert_eq!(sniff(p, b"  <html><body>hi</body></html>"), Kind::Html);
        assert_eq!(sniff(p, b"WARC/1.0\r\n"), Kind::Warc);
        assert_eq!(sniff(p, &[0x1f, 0x8b, 8, 0]), Kind::Gzip);
        assert_eq!(sniff(p, b"The minister said <b> is a tag."), Kind::Text);
        assert_eq!(sniff(Path::new("x.html"), b"<p>A fragment saved alone.</p>"), Kind::Html);
        assert_eq!(sniff(p, b"<p>A fragment saved alone.</p>"), Kind::Text);
    }

    #[test]
    fn a_page_gives_its_body_and_metadata() {
        let raw = page(Path::new("a.html"), PAGE.as_bytes(), None).unwrap();
        assert_eq!(raw.meta.outlet, "The Harbour Times");
        assert_eq!(raw.meta.title.as_deref(), Some("Dockers walk out at Felixstowe"));
        assert_eq!(raw.meta.date.as_deref(), Some("2024-06-14"));
        assert_eq!(raw.meta.url.as_deref(), Some("https://harbourtimes.example/news/dockers-walk-out"));
        assert_eq!(raw.meta.byline.as_deref(), Some("Jane Hollis"));
        assert!(raw.text.contains("More than 1,900 dock workers"), "{}", raw.text);
        assert!(raw.text.contains("\n\n"), "paragraphs kept");
        assert!(!raw.text.contains("Home"), "navigation dropped: {}", raw.text);
    }

    #[test]
    fn a_json_ld_body_in_html_keeps_its_paragraphs_once_each() {
        // The page shows a teaser; its JSON-LD carries the whole body as
        // HTML, with a self-closing shortcode `<div .../>` that an HTML
        // parser reads as an open element around the rest.
        let paras = [
            "More than 1,900 dock workers at the port of Felixstowe walked out on Friday after talks over pay broke down, the union said on its website.",
            "The strike, the first at the port in thirty years, is expected to last eight days and to disrupt nearly half of the container freight entering Britain.",
            "The port's operator said it had offered a rise of seven per cent and a one-off payment, and that the union had refused to put the offer to a vote.",
            "Shipping lines have begun to divert vessels to Rotterdam and Antwerp, and hauliers warned of queues on the A14 for as long as the walkout lasts.",
            "Talks are due to resume on Tuesday at the conciliation service, the union's regional officer said, adding that the members were solid.",
        ];
        let body: String =
            paras
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i == 2 {
                        format!(r#"<div data-shortcode=\"video\"/><p>{p}</p>"#)
                    } else {
                        format!("<p>{p}</p>")
                    }
                })
                .collect();
        let page_html = format!(
            r#"<!DOCTYPE html><html><head><title>Dockers walk out</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dockers walk out","articleBody":"<body>{body}</body>"}}</script>
</head><body><article><h1>Dockers walk out</h1><p>{}</p></article></body></html>"#,
            paras[0]
        );
        let raw = page(Path::new("ld.html"), page_html.as_bytes(), None).unwrap();
        for p in paras {
            assert_eq!(raw.text.matches(p).count(), 1, "each paragraph once, whole: {p}\n{}", raw.text);
        }
        assert_eq!(raw.text.matches("\n\n").count(), paras.len(), "paragraphs kept apart: {}", raw.text);
    }

    #[test]
    fn bad_pages_are_errors_naming_the_problem() {
        let cut = &PAGE[..PAGE.len() / 2];
        let e = page(Path::new("cut.html"), cut.as_bytes(), None).unwrap_err();
        assert!(e.reason().contains("truncated"), "{}", e.reason());
        let empty = "<html><head><title>Home</title></head><body><nav>News Sport</nav></body></html>";
        let e = page(Path::new("front.html"), empty.as_bytes(), None).unwrap_err();
        assert!(e.reason().contains("no article text"), "{}", e.reason());
        // A section front: headlines, long enough, but not one sentence.
        let links: String = (0..40)
            .map(|i| format!("<li><a href=\"/s/{i}\">Council approves budget plan number {i}</a></li>"))
            .collect();
        let front =
            format!("<html><head><title>Politics</title></head><body><main><ul>{links}</ul></main></body></html>");
        let e = page(Path::new("front.html"), front.as_bytes(), None).unwrap_err();
        assert!(e.reason().contains("no sentence") && e.reason().contains("not an article"), "{}", e.reason());
        // Prose whose script ends sentences with its own mark (the
        // Devanagari danda), or with none (Thai), is read.
        for sentence in [
            "\u{928}\u{917}\u{930} \u{92a}\u{930}\u{93f}\u{937}\u{926} \u{928}\u{947} \u{906}\u{91c} \u{928}\u{908} \u{92f}\u{94b}\u{91c}\u{928}\u{93e} \u{915}\u{94b} \u{92e}\u{902}\u{91c}\u{942}\u{930}\u{940} \u{926}\u{940}\u{964} ",
            "\u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d} \u{e1b}\u{e34}\u{e14} \u{e27}\u{e31}\u{e19}\u{e19}\u{e35}\u{e49} \u{e04}\u{e19}\u{e07}\u{e32}\u{e19} ",
        ] {
            let body = format!("<p>{}</p>", sentence.repeat(6));
            let html = format!("<html><head><title>News</title></head><body><article>{body}{body}</article></body></html>");
            assert!(page(Path::new("p.html"), html.as_bytes(), None).is_ok(), "{sentence}");
        }
        // Nested past the bound, in the page or in a JSON-LD body written in
        // HTML (which the extractor parses too).
        let prose = "<p>The council met on Monday and agreed the plan to reopen the harbour road.</p>".repeat(5);
        let deep = "<div>".repeat(2_000);
        let ld = serde_json::json!({"@type": "NewsArticle", "articleBody": format!("{deep}Text")});
        for html in [
            format!("<html><body>{deep}{prose}</body></html>"),
            format!("<html><head><script type=\"application/ld+json\">{ld}</script></head><body>{prose}</body></html>"),
        ] {
            let e = page(Path::new("deep.html"), html.as_bytes(), None).unwrap_err();
            assert!(e.reason().contains("nests elements more than 1000 deep"), "{}", e.reason());
        }
    }

    #[test]
    fn gzip_members_are_read_one_by_one() {
        use std::io::Write;
        let gz = |text: &[u8]| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(text).unwrap();
            e.finish().unwrap()
        };
        let at = Path::new("x.warc.gz");
        let (one, two) = (gz(b"first record "), gz(b"second record"));
        // Members in a row are one stream; bytes after them that open no
        // member are ignored, as gzip(1) does.
        let mut both = [one.clone(), two.clone(), b"junk!".to_vec()].concat();
        assert_eq!(gunzip(at, &both, 1 << 20).unwrap(), b"first record second record");
        // A member cut short after a whole one keeps the whole one (and
        // what it gave); a first member cut short is an error.
        both.truncate(one.len() + two.len() / 2);
        assert!(gunzip(at, &both, 1 << 20).unwrap().starts_with(b"first record "));
        let e = gunzip(at, &one[..one.len() / 2], 1 << 20).unwrap_err();
        assert!(e.reason().contains("cannot unpack gzip"), "{}", e.reason());
        // The size bound holds across members.
        assert!(matches!(gunzip(at, &[one.clone(), two].concat(), 20), Err(Error::TooLarge { .. })));
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(cut_site_name("Strike at port | Harbour Times", "Harbour Times"), "Strike at port");
        assert_eq!(cut_site_name("Harbour Times - Strike at port", "Harbour Times"), "Strike at port");
        assert_eq!(cut_site_name("Strike - day two", "Harbour Times"), "Strike - day two");
    }

    #[test]
    fn a_web_archive_gives_each_html_response() {
        let body = PAGE.as_bytes();
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let mut payload = http.into_bytes();
        payload.extend_from_slice(body);
        let warc = warc_of(&[
            ("warcinfo", b"software: test\r\n".to_vec()),
            ("response", payload.clone()),
            ("response", payload),
        ]);
        let pages = self::warc(Path::new("crawl.warc"), &warc, u64::MAX).unwrap();
        assert_eq!(pages.len(), 2);
        let first = pages[0].as_ref().unwrap();
        assert_eq!(first.meta.outlet, "The Harbour Times");
        assert_eq!(first.meta.path, PathBuf::from("crawl.warc:2"));
        // Cut short inside the second response: the pages before it stay,
        // and the error says what is wrong in the archive's terms.
        let cut = &warc[..warc.len() - 200];
        let pages = self::warc(Path::new("crawl.warc"), cut, u64::MAX).unwrap();
        let err = pages.last().unwrap().as_ref().unwrap_err().to_string();
        assert!(err.starts_with("crawl.warc:3: unreadable WARC record: the archive ends inside it"), "{err}");
    }

    #[test]
    fn redirects_and_error_responses_are_passed_over() {
        let response = |status: &str, body: &[u8]| {
            let mut http =
                format!("HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", body.len())
                    .into_bytes();
            http.extend_from_slice(body);
            ("response", http)
        };
        // A redirect's empty body was "page looks truncated"; a 404 page was
        // read as the article.
        let warc = warc_of(&[
            response("301 Moved Permanently", b""),
            response("404 Not Found", PAGE.as_bytes()),
            response("200 OK", PAGE.as_bytes()),
        ]);
        let pages = self::warc(Path::new("crawl.warc"), &warc, u64::MAX).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].as_ref().unwrap().meta.path, PathBuf::from("crawl.warc:3"));
        let warc = warc_of(&[response("301 Moved Permanently", b""), response("404 Not Found", PAGE.as_bytes())]);
        let err = self::warc(Path::new("crawl.warc"), &warc, u64::MAX).unwrap_err().to_string();
        assert!(err.contains("no HTML pages (only redirects or error responses)"), "{err}");
    }

    #[test]
    fn deflate_bodies_are_unpacked_and_bounded() {
        use std::io::Write;
        let response = |zlib: bool| {
            let mut packed = Vec::new();
            if zlib {
                let mut z = flate2::write::ZlibEncoder::new(&mut packed, flate2::Compression::default());
                z.write_all(PAGE.as_bytes()).unwrap();
                z.finish().unwrap();
            } else {
                let mut z = flate2::write::DeflateEncoder::new(&mut packed, flate2::Compression::default());
                z.write_all(PAGE.as_bytes()).unwrap();
                z.finish().unwrap();
            }
            let mut http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\nContent-Length: {}\r\n\r\n",
                packed.len()
            )
            .into_bytes();
            http.extend_from_slice(&packed);
            ("response", http)
        };
        // Zlib data, as the standard says, and a bare deflate stream.
        let warc = warc_of(&[response(true), response(false)]);
        let pages = self::warc(Path::new("crawl.warc"), &warc, u64::MAX).unwrap();
        assert_eq!(pages.len(), 2);
        for page in &pages {
            assert_eq!(page.as_ref().unwrap().meta.outlet, "The Harbour Times");
        }
        // A body that unpacks past the bound is refused as too large, not
        // read as a truncated page.
        let pages = self::warc(Path::new("crawl.warc"), &warc, 200).unwrap();
        assert!(pages.iter().all(|p| matches!(p, Err(Error::TooLarge { .. }))), "{pages:?}");
    }

    /// A web archive of the given records.
    fn warc_of(records: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut warc = Vec::new();
        for (kind, block) in records {
            warc.extend_from_slice(
                format!(
                    "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://www.harbourtimes.example/x\r\nWARC-Date: 2024-06-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                    uuid_for(warc.len()),
                    block.len()
                )
                .as_bytes(),
            );
            warc.extend_from_slice(block);
            warc.extend_from_slice(b"\r\n\r\n");
        }
        warc
    }

    fn uuid_for(n: usize) -> String {
        format!("00000000-0000-0000-0000-{n:012}")
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"zz\r\n").is_none());
    }
}
