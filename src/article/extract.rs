//! A web page's article body and metadata, read over one HTML parse.
//!
//! This module owns reading a saved page: decoding its bytes (by the
//! charset it declares), leaving out the text of its scripts and styles
//! before the parse (read the way the tokenizer would read it), the one
//! parse (html5ever, through dom_query, with a bound on nesting), the
//! page's own metadata (site name, headline, date, canonical URL, author,
//! from its meta tags, JSON-LD and `<time>`), and the article body, found
//! the way trafilatura and Readability find it: furniture is set aside by
//! tag (navigation, header, footer, aside, forms, figures) and by class or
//! id words (comments, sharing, related stories, newsletters, cookie
//! notices, advertisements, sidebars, bylines...), unless it holds most of
//! the page's prose; the main container is the first known article-body
//! container that holds prose (`itemprop=articleBody`, `article-body`,
//! `entry-content`, then `<article>`, then `story`-like, `main-content`-like
//! names, `<main>`), not far shorter than the block whose paragraphs score
//! best, Readability's way, which is taken when there is none; its
//! paragraphs, headings, list items, quotes and table rows are read in
//! document order, link lists, link-only lines and the headline left out. A
//! JSON-LD `articleBody` (plain or HTML) stands in for a short body. The
//! body's paragraphs are separated by blank lines. Whether the reading is
//! sure of itself is said too ([`Extracted::confident`]): web.rs asks
//! rs-trafilatura when it is not. No regular expression reads the HTML; no
//! I/O happens here.

use dom_query::{local_name, Document, NodeData, NodeId};
use std::borrow::Cow;

/// What a page says about itself, white space collapsed, dates as
/// written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The JSON-LD article's publisher, else `og:site_name`, else a JSON-LD
    /// organisation or web site, else `application-name`, else the short
    /// tail of the `<title>` (`Headline | Outlet`).
    pub site_name: Option<String>,
    /// `og:title`, else the JSON-LD headline, else `<title>`, without a
    /// site name before or after it.
    pub title: Option<String>,
    /// `article:published_time`, else JSON-LD `datePublished`, else another
    /// date meta tag, else the first `<time datetime>` or
    /// `itemprop=datePublished`, else a date in the URL.
    pub date: Option<String>,
    /// `<link rel=canonical>`, else `og:url`.
    pub url: Option<String>,
    /// A person the JSON-LD names as author, else `<meta name=author>`,
    /// else the JSON-LD author, else a short byline element's text.
    pub author: Option<String>,
}

/// A page read.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The article body: paragraphs in document order, blank-line separated.
    pub body: String,
    /// The page's metadata.
    pub meta: PageMeta,
    /// The body was found in a container (a known one or the best-scored
    /// block) or in the JSON-LD, and holds at least [`MIN_SURE_WORDS`]
    /// words.
    pub confident: bool,
    /// How the body was found: `article-body`, `article`, `story`,
    /// `main-content`, `main` (the rank of the known container), `scored`,
    /// `json-ld`, or `whole` (the page's every paragraph).
    pub how: &'static str,
}

/// The fewest words of a body read with confidence: a shorter one is a
/// page this reader may have misread (or no article).
pub const MIN_SURE_WORDS: usize = 50;

/// A page nested deeper than the bound it was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Reads a page: decodes, parses once, and extracts the body and metadata.
/// A page whose elements nest more than `max_depth` deep is refused, and
/// the parse stops soon after that depth is passed (see [`parse`]).
pub fn extract(html: &[u8], max_depth: usize) -> Result<Extracted, TooDeep> {
    let text = decode(html);
    let doc = parse(&without_script_text(&text), max_depth)?;
    let mut arena = Arena::build(&doc);
    drop(doc);
    arena.aggregate();
    let meta = arena.meta();
    let (body, how) = arena.body();
    let mut out = Extracted { body, meta, confident: how != "whole", how };
    // A JSON-LD body is taken when the page's own text is short or it is
    // more than twice as long (rs-trafilatura's rule); plain text only when
    // it is long enough to be a body at all (500 characters). One written
    // in HTML is read as a page of its own.
    if let Some(ld) = arena.ld.article_body.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        let (ld_body, least) = if ld.contains('<') {
            let page = format!("<html><head></head><body><article>{ld}</article></body></html>");
            let mut arena = Arena::build(&parse(&page, max_depth)?);
            arena.aggregate();
            (join(&arena.paragraphs(&[0])), 1)
        } else {
            (ld.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n"), 500)
        };
        let (ld_len, dom_len) = (ld_body.chars().count(), out.body.chars().count());
        if ld_len >= least && (dom_len < 200 || ld_len > dom_len * 2) {
            out.body = ld_body;
            out.how = "json-ld";
            out.confident = true;
        }
    }
    if out.body.split_whitespace().nth(MIN_SURE_WORDS - 1).is_none() {
        out.confident = false;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Script and style text, left out before the parse.

/// The page with the text of its `<script>` (but JSON-LD) and `<style>`
/// elements, and the content of its inline SVG and MathML, left out: the
/// elements stay, empty. That is more than half the bytes of a news page,
/// which the parser would read for nothing (no script runs, no style or
/// drawing is read here).
///
/// The page is scanned the way html5ever's tokenizer reads it (tags and
/// their quoted attribute values, comments, the raw text of `<script>`,
/// `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`, `<noembed>`,
/// `<noframes>`, `<plaintext>`, the escaped states of script text), so that
/// a script is cut exactly where the tokenizer would end it. Where the
/// parser's tree builder would make the tokenizer read differently (inside
/// SVG or MathML, where `<script>` is no raw text, past an integration point
/// or an element breaking out of them, in a `<select>`, in a frameset) the
/// scan gives up and the page is read whole.
fn without_script_text(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    // The open SVG or MathML elements, as the parser's stack holds them.
    let mut foreign: Vec<Vec<u8>> = Vec::new();
    // Where the outermost of them began (after its start tag).
    let mut foreign_from = 0;
    let mut attrs: Vec<AttrSpan> = Vec::new();
    let mut in_select = false;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + at;
        let Some(&next) = b.get(lt + 1) else { break };
        match next {
            b'!' => {
                let Some(end) = markup_declaration_end(b, lt, !foreign.is_empty()) else { break };
                i = end;
            }
            b'?' => {
                let Some(gt) = memchr::memchr(b'>', &b[lt..]) else { break };
                i = lt + gt + 1;
            }
            b'/' => {
                let Some(&c) = b.get(lt + 2) else { break };
                if c == b'>' {
                    i = lt + 3;
                } else if c.is_ascii_alphabetic() {
                    let Some(tag) = read_tag(b, lt + 2, &mut attrs) else { break };
                    i = tag.end;
                    let mut buf = [0u8; 32];
                    let name = lower_name(&b[tag.name.0..tag.name.1], &mut buf);
                    if !foreign.is_empty() {
                        // An end tag closes the open element of its name and
                        // those above it; one that names none (or `</p>`,
                        // `</br>`) is read as HTML, which may close the SVG.
                        match foreign.iter().rposition(|open| open.as_slice() == name) {
                            Some(at) if name != b"p" && name != b"br" => {
                                foreign.truncate(at);
                                // The whole SVG or MathML read: its content
                                // is left out too (nothing in it is read).
                                if at == 0 && lt > foreign_from {
                                    out.push_str(&html[copied..foreign_from]);
                                    copied = lt;
                                }
                            }
                            _ => return Cow::Borrowed(html),
                        }
                    } else if name == b"select" {
                        in_select = false;
                    }
                } else {
                    // A bogus comment, to the next `>`.
                    let Some(gt) = memchr::memchr(b'>', &b[lt..]) else { break };
                    i = lt + gt + 1;
                }
            }
            c if c.is_ascii_alphabetic() => {
                let Some(tag) = read_tag(b, lt + 1, &mut attrs) else { break };
                i = tag.end;
                let mut buf = [0u8; 32];
                let name = lower_name(&b[tag.name.0..tag.name.1], &mut buf);
                // The tag without the attributes nothing reads (in HTML,
                // but for formatting elements and templates).
                let unread = |a: &AttrSpan| unread_attribute(&b[a.start..a.name_end]);
                let link = name == b"a";
                let href =
                    |a: &AttrSpan| link && b[a.start..a.name_end].eq_ignore_ascii_case(b"href") && a.end > a.name_end;
                if foreign.is_empty()
                    && !in_select
                    && !formatting_element(name)
                    && !matches!(name, b"template" | b"svg" | b"math")
                    && attrs.iter().any(|a| unread(a) || href(a))
                {
                    out.push_str(&html[copied..lt]);
                    out.push('<');
                    out.push_str(&html[tag.name.0..tag.name.1]);
                    for a in attrs.iter().filter(|a| !unread(a)) {
                        out.push(' ');
                        // A link's address: only that it has one is read.
                        out.push_str(if href(a) { "href" } else { &html[a.start..a.end] });
                    }
                    out.push_str(if tag.self_closing { "/>" } else { ">" });
                    copied = tag.end;
                }
                if !foreign.is_empty() {
                    if breaks_out_of_foreign(name) {
                        return Cow::Borrowed(html);
                    }
                    // An SVG `<title>` or `<desc>` holds HTML: read as
                    // nothing but its text.
                    if matches!(name, b"title" | b"desc") && !tag.self_closing {
                        let Some(next) = memchr::memchr(b'<', &b[i..]) else { break };
                        if !end_tag_at(b, i + next, name) {
                            return Cow::Borrowed(html);
                        }
                        i += next;
                        foreign.push(name.to_vec());
                        continue;
                    }
                    if !tag.self_closing {
                        foreign.push(name.to_vec());
                    }
                    continue;
                }
                if in_select {
                    match name {
                        b"option" | b"optgroup" | b"hr" => continue,
                        b"script" => {}
                        _ => return Cow::Borrowed(html),
                    }
                }
                match name {
                    b"svg" | b"math" if !tag.self_closing => {
                        foreign.push(name.to_vec());
                        foreign_from = i;
                    }
                    b"select" => in_select = true,
                    b"frameset" => return Cow::Borrowed(html),
                    b"plaintext" => break,
                    b"script" => {
                        let Some(end) = script_text_end(b, i) else { break };
                        let json_ld = tag
                            .kind
                            .is_some_and(|(f, t)| html[f..t].trim().eq_ignore_ascii_case("application/ld+json"));
                        if !json_ld && end > i {
                            out.push_str(&html[copied..i]);
                            copied = end;
                        }
                        i = end;
                    }
                    b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"title" | b"textarea" => {
                        let Some(end) = raw_text_end(b, i, name) else { break };
                        if name == b"style" && end > i {
                            out.push_str(&html[copied..i]);
                            copied = end;
                        }
                        i = end;
                    }
                    _ => {}
                }
            }
            _ => i = lt + 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// A tag name in lower case, in `buf` when it fits; a longer one is
/// returned as written (no name that matters here is that long; an SVG
/// element's end tag whose case differs from its start tag's then closes
/// nothing, and the scan gives up).
fn lower_name<'a>(name: &'a [u8], buf: &'a mut [u8; 32]) -> &'a [u8] {
    if name.len() > buf.len() {
        return name;
    }
    let out = &mut buf[..name.len()];
    out.copy_from_slice(name);
    out.make_ascii_lowercase();
    out
}

/// A tag as the tokenizer reads it: its name's span, where it ends (after
/// its `>`), whether it closes itself (`/>`), and the span of its `type`
/// attribute's value.
struct ScannedTag {
    name: (usize, usize),
    end: usize,
    self_closing: bool,
    kind: Option<(usize, usize)>,
}

/// An attribute as written in a tag: its name from `start` to `name_end`,
/// the whole (with `=` and the value) to `end`.
#[derive(Clone, Copy)]
struct AttrSpan {
    start: usize,
    name_end: usize,
    end: usize,
}

/// Attributes no reading here looks at and no tree building depends on,
/// left out of the tags that carry them: data attributes, event handlers,
/// image sources and sizes, titles, alternative text, loading hints,
/// accessible labels (but `aria-hidden`).
fn unread_attribute(name: &[u8]) -> bool {
    let mut buf = [0u8; 32];
    let name = lower_name(name, &mut buf);
    name.starts_with(b"data-")
        || (name.len() > 2 && name.starts_with(b"on"))
        || matches!(
            name,
            b"src"
                | b"srcset"
                | b"sizes"
                | b"alt"
                | b"title"
                | b"target"
                | b"loading"
                | b"decoding"
                | b"width"
                | b"height"
                | b"tabindex"
                | b"aria-label"
                | b"aria-labelledby"
                | b"aria-describedby"
                | b"aria-controls"
                | b"aria-expanded"
                | b"aria-haspopup"
                | b"crossorigin"
                | b"referrerpolicy"
                | b"integrity"
                | b"async"
                | b"defer"
                | b"fetchpriority"
                | b"media"
        )
}

/// Formatting elements: the parser compares their attributes (no more than
/// three alike stay open), so their tags are left as written (`<a>` apart:
/// only one is ever open).
fn formatting_element(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"code"
            | b"em"
            | b"font"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

/// White space to the tokenizer (a carriage return is read as a line feed).
fn tag_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

/// Reads a start or end tag whose name begins at `from` (after `<` or
/// `</`): the name, then attributes (names, `=`, quoted or unquoted values)
/// to the `>` that ends it, as html5ever's tag states do. None when the
/// page ends inside it.
fn read_tag(b: &[u8], from: usize, attrs: &mut Vec<AttrSpan>) -> Option<ScannedTag> {
    attrs.clear();
    let mut i = from;
    while i < b.len() && !tag_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = (from, i);
    let mut kind = None;
    loop {
        // Before an attribute's name.
        while i < b.len() && tag_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some(ScannedTag { name, end: i + 1, self_closing: false, kind }),
            b'/' => {
                if b.get(i + 1) == Some(&b'>') {
                    return Some(ScannedTag { name, end: i + 2, self_closing: true, kind });
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // The name (a first `=` belongs to it).
        let name_at = i;
        i += 1;
        while i < b.len() && !tag_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &b[name_at..i];
        let name_end = i;
        while i < b.len() && tag_space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            attrs.push(AttrSpan { start: name_at, name_end, end: name_end });
            continue;
        }
        i += 1;
        while i < b.len() && tag_space(b[i]) {
            i += 1;
        }
        let value = match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = memchr::memchr(q, &b[i + 1..])? + i + 1;
                let span = (i + 1, close);
                i = close + 1;
                span
            }
            b'>' => {
                attrs.push(AttrSpan { start: name_at, name_end, end: name_end });
                continue;
            }
            _ => {
                let at = i;
                while i < b.len() && !tag_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                (at, i)
            }
        };
        attrs.push(AttrSpan { start: name_at, name_end, end: i });
        if kind.is_none() && attr.eq_ignore_ascii_case(b"type") {
            kind = Some(value);
        }
    }
}

/// Whether `b[at..]` opens with `</name` and a character that ends a tag
/// name (the appropriate end tag of a raw text element), ASCII case
/// ignored.
fn end_tag_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    let rest = &b[at..];
    rest.len() > name.len() + 2
        && rest.starts_with(b"</")
        && rest[2..2 + name.len()].eq_ignore_ascii_case(name)
        && (tag_space(rest[2 + name.len()]) || matches!(rest[2 + name.len()], b'/' | b'>'))
}

/// Where the raw text (or escapable raw text) of a `name` element that
/// starts at `from` ends: at its end tag. None when it runs to the end.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        i += memchr::memchr(b'<', &b[i..])?;
        if end_tag_at(b, i, name) {
            return Some(i);
        }
        i += 1;
    }
}

/// Where a script's text that starts at `from` ends, through the escaped
/// states the tokenizer enters at `<!--` (where `<script` opens a double
/// escape that `</script` only closes again, and `-->` returns to plain
/// script text). None when it runs to the end.
fn script_text_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Escaped,
        Double,
    }
    let mut state = State::Plain;
    let mut i = from;
    let opens_script = |at: usize| {
        let rest = &b[at..];
        rest.len() > 7
            && rest[1..7].eq_ignore_ascii_case(b"script")
            && (tag_space(rest[7]) || matches!(rest[7], b'/' | b'>'))
    };
    loop {
        i += memchr::memchr2(b'<', b'-', &b[i..])?;
        if b[i] == b'-' {
            if state != State::Plain && b[i..].starts_with(b"-->") {
                state = State::Plain;
                i += 3;
            } else {
                i += 1;
            }
            continue;
        }
        match state {
            State::Plain if end_tag_at(b, i, b"script") => return Some(i),
            State::Plain if b[i..].starts_with(b"<!--") => {
                // On at the dashes: `<!-->` is escaped and back at once.
                state = State::Escaped;
                i += 2;
            }
            State::Escaped if end_tag_at(b, i, b"script") => return Some(i),
            State::Escaped if opens_script(i) => {
                state = State::Double;
                i += 7;
            }
            State::Double if end_tag_at(b, i, b"script") => {
                state = State::Escaped;
                i += 8;
            }
            _ => i += 1,
        }
    }
}

/// Where a markup declaration opening at `lt` (`<!`) ends: a comment at
/// `-->` or `--!>` (or at once, `<!-->`, `<!--->`), a CDATA section in SVG
/// or MathML at `]]>`, anything else (a doctype, a bogus comment) at the
/// next `>`. None when the page ends inside it.
fn markup_declaration_end(b: &[u8], lt: usize, foreign: bool) -> Option<usize> {
    let rest = &b[lt..];
    if rest.starts_with(b"<!--") {
        if rest[4..].starts_with(b">") {
            return Some(lt + 5);
        }
        if rest[4..].starts_with(b"->") {
            return Some(lt + 6);
        }
        let body = &rest[4..];
        let close = memchr::memmem::find(body, b"-->");
        let before = &body[..close.map_or(body.len(), |c| c + 2)];
        let end = match memchr::memmem::find(before, b"--!>") {
            Some(bang) => bang + 4,
            None => close? + 3,
        };
        return Some(lt + 4 + end);
    }
    if foreign && rest.starts_with(b"<![CDATA[") {
        return Some(lt + 9 + memchr::memmem::find(&rest[9..], b"]]>")? + 3);
    }
    Some(lt + memchr::memchr(b'>', rest)? + 1)
}

/// Start tags that end SVG or MathML content in the parser (elements that
/// break out of it), or open HTML inside it (integration points; SVG's
/// `<title>` and `<desc>` are read apart).
fn breaks_out_of_foreign(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
            | b"foreignobject"
            | b"annotation-xml"
            | b"mi"
            | b"mo"
            | b"mn"
            | b"ms"
            | b"mtext"
    )
}

/// Bytes of the page fed to the parser at a time: the depth is checked
/// between feeds.
const FEED: usize = 16 * 1024;

/// Parses the page, fed to html5ever a slice at a time, refusing it when
/// its elements nest more than `max_depth` deep. The parser's tree
/// building costs time in proportion to the depth for every tag (it scans
/// its stack of open elements), so 100,000 nested `<div>`s take half a
/// minute: the depth is followed as elements are inserted ([`Guarded`]),
/// and parsing stops at the end of the first slice that passes the bound.
fn parse(text: &str, max_depth: usize) -> Result<Document, TooDeep> {
    use html5ever::tendril::{StrTendril, TendrilSink};
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    let sink = Guarded {
        depth: std::cell::RefCell::new(std::collections::HashMap::with_capacity_and_hasher(
            text.len() / 40,
            Default::default(),
        )),
        ..Default::default()
    };
    let mut parser = html5ever::parse_document(sink, opts);
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(FEED);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if parser.tokenizer.sink.sink.deepest.get() as usize > max_depth {
            return Err(TooDeep);
        }
    }
    let guarded = parser.finish();
    if guarded.deepest.get() as usize > max_depth {
        return Err(TooDeep);
    }
    Ok(guarded.doc)
}

/// dom_query's tree sink, with each element's depth noted as it is
/// inserted (a child one below its parent, a node inserted before a sibling
/// at the sibling's depth). Children moved by the adoption agency keep the
/// depth they were inserted at.
#[derive(Default)]
struct Guarded {
    doc: Document,
    depth: std::cell::RefCell<std::collections::HashMap<NodeId, u32, std::hash::BuildHasherDefault<IdHasher>>>,
    deepest: std::cell::Cell<u32>,
}

/// A fast hash for short strings (rustc's Fx): a word at a time, rotated,
/// mixed and multiplied.
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

/// A node id's hash: the id (a number) times a large odd constant, which
/// spreads consecutive ids over the table.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Guarded {
    fn depth_of(&self, id: &NodeId) -> u32 {
        self.depth.borrow().get(id).copied().unwrap_or(0)
    }

    fn note(&self, node: &html5ever::tree_builder::NodeOrText<NodeId>, depth: u32) {
        if let html5ever::tree_builder::NodeOrText::AppendNode(id) = node {
            self.depth.borrow_mut().insert(*id, depth);
            if depth > self.deepest.get() {
                self.deepest.set(depth);
            }
        }
    }
}

impl html5ever::tree_builder::TreeSink for Guarded {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = std::cell::Ref<'a, html5ever::QualName>;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> NodeId {
        self.doc.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.doc.elem_name(target)
    }
    fn create_element(
        &self,
        name: html5ever::QualName,
        attrs: Vec<html5ever::Attribute>,
        flags: html5ever::tree_builder::ElementFlags,
    ) -> NodeId {
        self.doc.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: html5ever::tendril::StrTendril) -> NodeId {
        self.doc.create_comment(text)
    }
    fn create_pi(&self, target: html5ever::tendril::StrTendril, data: html5ever::tendril::StrTendril) -> NodeId {
        self.doc.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: html5ever::tree_builder::NodeOrText<NodeId>) {
        self.note(&child, self.depth_of(parent) + 1);
        self.doc.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: html5ever::tree_builder::NodeOrText<NodeId>,
    ) {
        // Before `element` when it has a parent, else in `prev_element`:
        // the deeper of the two is noted.
        self.note(&child, self.depth_of(element).max(self.depth_of(prev_element) + 1));
        self.doc.append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: html5ever::tendril::StrTendril,
        public_id: html5ever::tendril::StrTendril,
        system_id: html5ever::tendril::StrTendril,
    ) {
        self.doc.append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let contents = self.doc.get_template_contents(target);
        let depth = self.depth_of(target) + 1;
        self.depth.borrow_mut().insert(contents, depth);
        contents
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, mode: html5ever::tree_builder::QuirksMode) {
        self.doc.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: html5ever::tree_builder::NodeOrText<NodeId>) {
        self.note(&new_node, self.depth_of(sibling));
        self.doc.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<html5ever::Attribute>) {
        self.doc.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.doc.reparent_children(node, new_parent);
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.doc.is_mathml_annotation_xml_integration_point(handle)
    }
}

/// The page's bytes as text, by the charset its first 1,024 bytes declare
/// (`<meta charset>`, `<meta http-equiv=Content-Type>`), else UTF-8; bytes
/// that do not decode become U+FFFD.
fn decode(html: &[u8]) -> Cow<'_, str> {
    let html = html.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(html);
    match declared_charset(html) {
        Some(enc) if enc != encoding_rs::UTF_8 => enc.decode_without_bom_handling(html).0,
        _ => match std::str::from_utf8(html) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(html),
        },
    }
}

fn declared_charset(html: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = html[..html.len().min(1024)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&head[from..], b"charset") {
        let mut i = from + at + 7;
        from = i;
        // Inside a tag: a `<meta` opens before it with no `>` between.
        let before = &head[..i];
        let opened = before.iter().rposition(|&b| b == b'<');
        let closed = before.iter().rposition(|&b| b == b'>');
        if opened.is_none_or(|o| closed.is_some_and(|c| c > o)) || !head[opened.unwrap_or(0)..].starts_with(b"<meta") {
            continue;
        }
        while i < head.len() && (head[i] == b' ' || head[i] == b'=' || head[i] == b'"' || head[i] == b'\'') {
            i += 1;
        }
        let end = head[i..]
            .iter()
            .position(|&b| matches!(b, b'"' | b'\'' | b' ' | b'>' | b';' | b'/' | b'\t' | b'\n' | b'\r'))
            .map_or(head.len(), |n| i + n);
        if let Some(enc) = encoding_rs::Encoding::for_label(&head[i..end]) {
            // A page that says UTF-16 was decoded as ASCII to be read at all.
            return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            });
        }
    }
    None
}

// ---------------------------------------------------------------------------
// The arena: the parsed page, in document order, the parts that matter.

/// What an element is, for reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Tag {
    #[default]
    Root,
    Text,
    Br,
    A,
    Inline,
    P,
    Heading(u8),
    Li,
    List,
    Dt,
    Dd,
    Quote,
    Pre,
    Table,
    Tr,
    Cell,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Figure,
    Block,
    Title,
    LdJson,
}

impl Tag {
    fn is_block(self) -> bool {
        !matches!(self, Tag::Root | Tag::Text | Tag::Br | Tag::A | Tag::Inline | Tag::Cell)
    }
}

/// Set aside as furniture (by tag, name or role).
const FURNITURE: u8 = 1;
/// Hidden (`hidden`, `aria-hidden`, `display:none`).
const HIDDEN: u8 = 2;
/// A link (`<a href>`).
const LINK: u8 = 4;
/// Never text (a `<title>` or a JSON-LD script kept for metadata).
const NO_TEXT: u8 = 8;
/// A furniture flag lifted: the element holds most of the page's text.
const KEPT: u8 = 16;

#[derive(Debug, Clone, Copy)]
struct Node {
    tag: Tag,
    flags: u8,
    /// A known article container's rank: 1 the surest (articleBody,
    /// article-body names), 5 the loosest (`<main>`); 0 none.
    tier: u8,
    /// A Readability-style weight from the class and id names.
    weight: i8,
    parent: u32,
    /// One past the subtree's last node.
    end: u32,
    /// The text (a text node) or the class and id (an element), in `Arena::buf`.
    start_at: u32,
    len: u32,
}

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

#[derive(Default)]
struct MetaTags {
    site_name: Option<String>,
    /// `application-name`, `publisher`: a site name less often given.
    app_name: Option<String>,
    og_title: Option<String>,
    published: Option<String>,
    other_date: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    author: Option<String>,
    time: Option<String>,
    /// The first element named as the author (`rel=author`,
    /// `itemprop=author`), by arena index.
    byline: Option<u32>,
    /// The first few elements whose class or id names an author or byline.
    byline_named: Vec<u32>,
}

struct Arena {
    nodes: Vec<Node>,
    buf: String,
    /// A buffer for class names' words.
    scratch: String,
    /// A buffer for a class and id pair, and what the pairs seen say.
    key: String,
    names_seen: std::collections::HashMap<Box<str>, Names, std::hash::BuildHasherDefault<FxHasher>>,
    metas: MetaTags,
    ld: LdFound,
    /// Per node: non-space characters of its text (furniture left out).
    chars: Vec<u32>,
    /// Per node: those inside links.
    link: Vec<u32>,
    /// Per node: those of its own paragraph (text not in a nested block).
    own: Vec<u32>,
    /// Per node: commas in its own paragraph.
    commas: Vec<u32>,
    /// Per node: paragraph characters (`<p>`-like blocks) under it.
    para: Vec<u32>,
}

/// The attributes of an element that reading looks at.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    href: Option<&'a str>,
    rel: Option<&'a str>,
    kind: Option<&'a str>,
    hidden: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
    itemprop: Option<&'a str>,
    role: Option<&'a str>,
    datetime: Option<&'a str>,
    content: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn read(el: &'a dom_query::Element) -> Attrs<'a> {
        let mut at = Attrs::default();
        for a in &el.attrs {
            let n = &a.name.local;
            let slot = if *n == local_name!("class") {
                &mut at.class
            } else if *n == local_name!("id") {
                &mut at.id
            } else if *n == local_name!("href") {
                &mut at.href
            } else if *n == local_name!("style") {
                &mut at.style
            } else if *n == local_name!("itemprop") {
                &mut at.itemprop
            } else if *n == local_name!("role") {
                &mut at.role
            } else if *n == local_name!("rel") {
                &mut at.rel
            } else if *n == local_name!("type") {
                &mut at.kind
            } else if *n == local_name!("hidden") {
                &mut at.hidden
            } else if *n == local_name!("aria-hidden") {
                &mut at.aria_hidden
            } else if *n == local_name!("datetime") {
                &mut at.datetime
            } else if *n == local_name!("content") {
                &mut at.content
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(&a.value);
            }
        }
        at
    }
}

/// What the walk does with a DOM node.
enum Step {
    /// Go into its children (it is in the arena).
    Enter(Option<NodeId>),
    /// Go on to its next sibling.
    Next,
}

impl Arena {
    fn build(doc: &Document) -> Arena {
        let mut a = Arena {
            nodes: Vec::with_capacity(4096),
            buf: String::with_capacity(64 * 1024),
            scratch: String::new(),
            key: String::new(),
            names_seen: Default::default(),
            metas: MetaTags::default(),
            ld: LdFound::default(),
            chars: Vec::new(),
            link: Vec::new(),
            own: Vec::new(),
            commas: Vec::new(),
            para: Vec::new(),
        };
        a.nodes.push(Node { tag: Tag::Root, flags: 0, tier: 0, weight: 0, parent: 0, end: 0, start_at: 0, len: 0 });
        let tree = &doc.tree;
        let root = tree.root_id();
        // (the DOM sibling to go on with, the arena element) per open element
        let mut stack: Vec<(Option<NodeId>, u32)> = Vec::with_capacity(64);
        let mut parent: u32 = 0;
        let mut cur = tree.query_node(&root, |n| n.first_child).flatten();
        let mut in_pre = 0usize;
        loop {
            let Some(id) = cur else {
                let Some((next, idx)) = stack.pop() else { break };
                let end = a.nodes.len() as u32;
                let node = &mut a.nodes[idx as usize];
                node.end = end;
                if node.tag == Tag::Pre {
                    in_pre -= 1;
                }
                parent = node.parent;
                cur = next;
                continue;
            };
            let (next, step) = tree
                .query_node(&id, |n| {
                    let step = match &n.data {
                        NodeData::Text { contents } => {
                            a.push_text(contents, parent, in_pre > 0);
                            Step::Next
                        }
                        NodeData::Element(el) => a.push_element(el, parent, n.first_child),
                        NodeData::Document | NodeData::Fragment => Step::Enter(n.first_child),
                        _ => Step::Next,
                    };
                    (n.next_sibling, step)
                })
                .unwrap_or((None, Step::Next));
            match step {
                Step::Next => cur = next,
                Step::Enter(first) => {
                    let idx = a.nodes.len() as u32 - 1;
                    if a.nodes[idx as usize].tag == Tag::Pre {
                        in_pre += 1;
                    }
                    stack.push((next, idx));
                    parent = idx;
                    cur = first;
                }
            }
        }
        a.nodes[0].end = a.nodes.len() as u32;
        a
    }

    fn push_text(&mut self, text: &str, parent: u32, pre: bool) {
        if text.is_empty() {
            return;
        }
        // Runs of white space between tags are kept as one space.
        let start = self.buf.len() as u32;
        if !pre && text.trim().is_empty() {
            self.buf.push(' ');
        } else {
            self.buf.push_str(text);
        }
        let len = self.buf.len() as u32 - start;
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node {
            tag: Tag::Text,
            flags: 0,
            tier: 0,
            weight: 0,
            parent,
            end: idx + 1,
            start_at: start,
            len,
        });
    }

    fn push_element(&mut self, el: &dom_query::Element, parent: u32, first: Option<NodeId>) -> Step {
        let at = Attrs::read(el);
        let mut flags = 0u8;
        let tag = match el.name.local {
            local_name!("p") => Tag::P,
            local_name!("a") => {
                if at.href.is_some() {
                    flags |= LINK;
                }
                Tag::A
            }
            local_name!("br") => Tag::Br,
            local_name!("div") => Tag::Div,
            local_name!("span")
            | local_name!("b")
            | local_name!("strong")
            | local_name!("i")
            | local_name!("em")
            | local_name!("u")
            | local_name!("small")
            | local_name!("sup")
            | local_name!("sub")
            | local_name!("font")
            | local_name!("abbr")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("mark")
            | local_name!("q")
            | local_name!("s")
            | local_name!("strike")
            | local_name!("del")
            | local_name!("ins")
            | local_name!("kbd")
            | local_name!("var")
            | local_name!("samp")
            | local_name!("tt")
            | local_name!("big")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("dfn")
            | local_name!("data")
            | local_name!("nobr")
            | local_name!("wbr")
            | local_name!("label") => Tag::Inline,
            local_name!("time") => {
                if self.metas.time.is_none() {
                    if let Some(dt) = at.datetime.filter(|d| !d.trim().is_empty()) {
                        self.metas.time = Some(dt.trim().to_owned());
                    }
                }
                Tag::Inline
            }
            local_name!("li") => Tag::Li,
            local_name!("ul") | local_name!("ol") | local_name!("dl") => Tag::List,
            local_name!("dt") => Tag::Dt,
            local_name!("dd") => Tag::Dd,
            local_name!("h1") => Tag::Heading(1),
            local_name!("h2") => Tag::Heading(2),
            local_name!("h3") => Tag::Heading(3),
            local_name!("h4") => Tag::Heading(4),
            local_name!("h5") => Tag::Heading(5),
            local_name!("h6") => Tag::Heading(6),
            local_name!("blockquote") => Tag::Quote,
            local_name!("pre") => Tag::Pre,
            local_name!("table") => Tag::Table,
            local_name!("tr") => Tag::Tr,
            local_name!("td") | local_name!("th") => Tag::Cell,
            local_name!("section") => Tag::Section,
            local_name!("article") => Tag::Article,
            local_name!("main") => Tag::Main,
            local_name!("header") => {
                flags |= FURNITURE;
                Tag::Header
            }
            local_name!("footer") => {
                flags |= FURNITURE;
                Tag::Footer
            }
            local_name!("nav") | local_name!("menu") => {
                flags |= FURNITURE;
                Tag::Nav
            }
            local_name!("aside") | local_name!("dialog") => {
                flags |= FURNITURE;
                Tag::Aside
            }
            local_name!("form") => {
                flags |= FURNITURE;
                Tag::Form
            }
            local_name!("figure") | local_name!("figcaption") => {
                flags |= FURNITURE;
                Tag::Figure
            }
            local_name!("title") => {
                flags |= NO_TEXT;
                Tag::Title
            }
            local_name!("meta") => {
                self.read_meta(el);
                return Step::Next;
            }
            local_name!("link") => {
                if self.metas.canonical.is_none()
                    && at.rel.is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")))
                {
                    self.metas.canonical = at.href.map(|h| h.trim().to_owned()).filter(|h| !h.is_empty());
                }
                return Step::Next;
            }
            local_name!("script") => {
                if at.kind.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                    flags |= NO_TEXT;
                    Tag::LdJson
                } else {
                    return Step::Next;
                }
            }
            local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("input")
            | local_name!("img")
            | local_name!("picture")
            | local_name!("source")
            | local_name!("map")
            | local_name!("area")
            | local_name!("option")
            | local_name!("datalist") => return Step::Next,
            local_name!("head") => {
                // The head's metadata only.
                flags |= NO_TEXT;
                Tag::Block
            }
            local_name!("html")
            | local_name!("body")
            | local_name!("center")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("fieldset")
            | local_name!("hgroup")
            | local_name!("caption")
            | local_name!("address")
            | local_name!("hr")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("legend")
            | local_name!("frameset")
            | local_name!("frame")
            | local_name!("output") => Tag::Block,
            _ => Tag::Inline,
        };
        let class = at.class.unwrap_or("");
        let id = at.id.unwrap_or("");
        if at.hidden.is_some() || at.style.is_some_and(hidden_style) {
            flags |= HIDDEN;
        }
        // Hidden from screen readers: an icon or a duplicate, or a page
        // saved with a dialog open over it (furniture, then, unless it holds
        // most of the prose).
        if at.aria_hidden.is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
            flags |= FURNITURE;
        }
        let itemprop = at.itemprop;
        if let Some(ip) = itemprop {
            if self.metas.time.is_none() && ip.trim().eq_ignore_ascii_case("datePublished") {
                if let Some(d) = at.datetime.or(at.content) {
                    self.metas.time = Some(d.trim().to_owned()).filter(|d| !d.is_empty());
                }
            }
        }
        if self.metas.byline.is_none()
            && (itemprop.is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "author"))
                || (tag == Tag::A
                    && at.rel.is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("author")))))
        {
            self.metas.byline = Some(self.nodes.len() as u32);
        }
        let role = at.role.unwrap_or("");
        let names = self.names(class, id);
        if names.byline && self.metas.byline_named.len() < 8 {
            self.metas.byline_named.push(self.nodes.len() as u32);
        }
        if tag != Tag::Text && tag != Tag::A && !matches!(tag, Tag::Heading(_)) && names.furniture {
            flags |= FURNITURE;
        }
        if matches!(
            role.trim(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog" | "menu" | "menubar"
        ) {
            flags |= FURNITURE;
        }
        let mut tier = 0;
        if tag.is_block() || tag == Tag::Inline {
            let container = matches!(tag, Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Block);
            if itemprop.is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "articleBody")) {
                tier = 1;
            } else if container {
                tier = names.tier;
                if tag == Tag::Article && (tier == 0 || tier > 2) {
                    tier = 2;
                } else if tier == 0 && (tag == Tag::Main || role.trim() == "main") {
                    tier = 5;
                }
            }
        }
        let start_at = self.buf.len() as u32;
        if !class.is_empty() || !id.is_empty() {
            self.buf.push_str(class);
            self.buf.push(' ');
            self.buf.push_str(id);
        }
        let len = self.buf.len() as u32 - start_at;
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node { tag, flags, tier, weight: names.weight, parent, end: idx + 1, start_at, len });
        Step::Enter(first)
    }

    /// What a class and id say, read once a page for each pair (a page
    /// repeats its class names hundreds of times).
    fn names(&mut self, class: &str, id: &str) -> Names {
        if class.is_empty() && id.is_empty() {
            return Names { furniture: false, byline: false, tier: 0, weight: 0 };
        }
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push_str(class);
        key.push('\0');
        key.push_str(id);
        let names = match self.names_seen.get(key.as_str()) {
            Some(&n) => n,
            None => {
                let n = Names::read(class, id, &mut self.scratch);
                self.names_seen.insert(key.as_str().into(), n);
                n
            }
        };
        self.key = key;
        names
    }

    fn read_meta(&mut self, el: &dom_query::Element) {
        let attr = |n: dom_query::LocalName| el.attrs.iter().find(|a| a.name.local == n).map(|a| &*a.value);
        let Some(key) = attr(local_name!("property")).or(attr(local_name!("name"))).or(attr(local_name!("itemprop")))
        else {
            return;
        };
        let Some(content) = attr(local_name!("content")).map(str::trim).filter(|c| !c.is_empty()) else { return };
        let key = key.trim().to_ascii_lowercase();
        let slot = match key.as_str() {
            "og:site_name" => &mut self.metas.site_name,
            "og:title" => &mut self.metas.og_title,
            "article:published_time" | "og:article:published_time" | "datepublished" => &mut self.metas.published,
            "date" | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.created" | "pubdate" | "publishdate"
            | "publish_date" | "publish-date" | "sailthru.date" | "parsely-pub-date" | "article.published"
            | "article:published" | "article.created" | "article:created" | "og:published_time" => {
                &mut self.metas.other_date
            }
            "application-name" | "publisher" | "dc.publisher" => &mut self.metas.app_name,
            "og:url" => &mut self.metas.og_url,
            "author" | "dc.creator" | "sailthru.author" | "parsely-author" | "byl" => &mut self.metas.author,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(content.to_owned());
        }
    }

    fn text_of(&self, i: usize) -> &str {
        let n = &self.nodes[i];
        &self.buf[n.start_at as usize..(n.start_at + n.len) as usize]
    }

    /// The node's nearest block ancestor (itself when a block).
    fn block_of(&self, mut i: usize) -> usize {
        while i != 0 && !self.nodes[i].tag.is_block() {
            i = self.nodes[i].parent as usize;
        }
        i
    }

    /// Text sums per node, bottom up; furniture that holds most of the
    /// page's paragraph text is not furniture (a page wrapped whole in a
    /// `has-sidebar` or a `<form>`).
    fn aggregate(&mut self) {
        let n = self.nodes.len();
        self.chars = vec![0; n];
        self.own = vec![0; n];
        self.commas = vec![0; n];
        // Text first: a paragraph's own counts go to its nearest block.
        for i in 1..n {
            if self.nodes[i].tag != Tag::Text {
                continue;
            }
            let (c, commas) = count_text(self.text_of(i));
            self.chars[i] = c;
            let b = self.block_of(self.nodes[i].parent as usize);
            self.own[b] += c;
            self.commas[b] += commas;
        }
        let paragraph = |node: &Node, own: u32| {
            matches!(node.tag, Tag::P | Tag::Pre | Tag::Quote | Tag::Dd) || (node.tag.is_block() && own >= 100)
        };
        // The page's paragraph text with nothing set aside, to know which
        // furniture holds most of it.
        let mut whole = vec![0u32; n];
        for i in (1..n).rev() {
            let node = &self.nodes[i];
            if node.tag != Tag::Text && paragraph(node, self.own[i]) {
                whole[i] += self.own[i];
            }
            if node.flags & NO_TEXT == 0 {
                whole[node.parent as usize] += whole[i];
            }
        }
        let total = whole[0].max(1);
        for (node, &held) in self.nodes.iter_mut().zip(&whole).skip(1) {
            if node.flags & FURNITURE != 0 && node.flags & HIDDEN == 0 && held * 2 > total {
                node.flags |= KEPT;
            }
        }
        // The sums with furniture set aside.
        self.link = vec![0; n];
        self.para = whole;
        self.para.iter_mut().for_each(|p| *p = 0);
        for i in (1..n).rev() {
            let node = self.nodes[i];
            if node.tag != Tag::Text {
                if node.flags & LINK != 0 {
                    self.link[i] = self.chars[i];
                }
                if paragraph(&node, self.own[i]) {
                    self.para[i] += self.own[i];
                }
            }
            if self.set_aside(i) {
                continue;
            }
            let p = node.parent as usize;
            self.chars[p] += self.chars[i];
            self.link[p] += self.link[i];
            self.para[p] += self.para[i];
        }
    }

    fn set_aside(&self, i: usize) -> bool {
        let f = self.nodes[i].flags;
        f & NO_TEXT != 0 || f & HIDDEN != 0 || (f & FURNITURE != 0 && f & KEPT == 0)
    }

    /// Whether a node or one of its ancestors is set aside.
    fn inside_set_aside(&self, mut i: usize) -> bool {
        while i != 0 {
            if self.set_aside(i) {
                return true;
            }
            i = self.nodes[i].parent as usize;
        }
        false
    }

    // -----------------------------------------------------------------------
    // The body.

    /// The body text, and how it was found.
    fn body(&self) -> (String, &'static str) {
        let best = self.best_scored();
        let best_para = best.map_or(0, |b| self.para[b]);
        // The first known container of the surest rank that holds prose.
        for tier in 1..=5u8 {
            // A container far shorter than the best-scored block is a teaser
            // or one part of the page.
            let found = (1..self.nodes.len()).find(|&i| {
                self.nodes[i].tier == tier
                    && self.para[i] >= 200
                    && (self.para[i] * 2 >= best_para || self.contains(i, best.unwrap_or(0)))
                    && !self.inside_set_aside(i)
            });
            let Some(c) = found else { continue };
            let roots = self.same_kind(c);
            let paras = self.paragraphs(&roots);
            return (join(&paras), TIER_NAMES[tier as usize]);
        }
        if let Some(b) = best {
            let roots = self.with_siblings(b);
            return (join(&self.paragraphs(&roots)), "scored");
        }
        (join(&self.paragraphs(&[0])), "whole")
    }

    /// A body container with the other parts of the body: containers of
    /// the same rank that follow it under the same parent or with the same
    /// names (a body cut into chunks around advertisements), and a lead or
    /// summary just before it.
    fn same_kind(&self, c: usize) -> Vec<usize> {
        let names = self.names_of(c);
        let (tier, parent) = (self.nodes[c].tier, self.nodes[c].parent);
        let mut out = Vec::new();
        // The lead: an element sibling right before, named so.
        if let Some(prev) = self.prev_element_sibling(c) {
            if !self.set_aside(prev) && self.own[prev] + self.para[prev] >= 40 && self.link[prev] * 2 < self.chars[prev]
            {
                let lead = self.names_of(prev).split(|ch: char| !ch.is_ascii_alphanumeric()).any(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "summary" | "lead" | "standfirst" | "intro" | "excerpt" | "dek" | "deck"
                    )
                });
                if lead {
                    out.push(prev);
                }
            }
        }
        out.push(c);
        let mut i = self.nodes[c].end as usize;
        while i < self.nodes.len() {
            let node = &self.nodes[i];
            if tier == 1
                && node.tier == tier
                && (node.parent == parent || (!names.is_empty() && self.names_of(i) == names))
                && !self.inside_set_aside(i)
            {
                out.push(i);
                i = node.end as usize;
                continue;
            }
            i += 1;
        }
        out
    }

    fn names_of(&self, i: usize) -> &str {
        if self.nodes[i].tag == Tag::Text {
            ""
        } else {
            self.text_of(i)
        }
    }

    fn prev_element_sibling(&self, c: usize) -> Option<usize> {
        let parent = self.nodes[c].parent as usize;
        let mut i = parent + 1;
        let mut prev = None;
        while i < c {
            if self.nodes[i].tag != Tag::Text {
                prev = Some(i);
            }
            i = self.nodes[i].end as usize;
        }
        prev
    }

    fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.nodes[outer].end as usize
    }

    /// The block whose paragraphs score best, Readability's way.
    fn best_scored(&self) -> Option<usize> {
        let n = self.nodes.len();
        let mut score = vec![0f32; n];
        let mut seen = vec![false; n];
        for i in 1..n {
            let node = &self.nodes[i];
            if !node.tag.is_block()
                || self.own[i] < 25
                || !matches!(node.tag, Tag::P | Tag::Pre | Tag::Quote | Tag::Div | Tag::Dd | Tag::Section | Tag::Li)
            {
                continue;
            }
            if self.inside_set_aside(i) {
                continue;
            }
            let s = 1.0 + self.commas[i] as f32 + (self.own[i] as f32 / 100.0).min(3.0);
            let mut p = node.parent as usize;
            for level in 0..3 {
                if p == 0 {
                    break;
                }
                if !seen[p] {
                    seen[p] = true;
                    score[p] += self.base_score(p);
                }
                score[p] += s / [1.0, 2.0, 6.0][level];
                p = self.nodes[p].parent as usize;
            }
        }
        (1..n)
            .filter(|&i| seen[i])
            .map(|i| {
                let ld = self.link[i] as f32 / self.chars[i].max(1) as f32;
                (i, score[i] * (1.0 - ld))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    fn base_score(&self, i: usize) -> f32 {
        let node = &self.nodes[i];
        let t = match node.tag {
            Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
            Tag::Pre | Tag::Cell | Tag::Quote => 3.0,
            Tag::List | Tag::Li | Tag::Dd | Tag::Dt | Tag::Form | Tag::Block => -3.0,
            Tag::Heading(_) => -5.0,
            _ => 0.0,
        };
        t + f32::from(node.weight)
    }

    /// The best block and those of its siblings that read as part of the
    /// article (Readability's rule).
    fn with_siblings(&self, best: usize) -> Vec<usize> {
        let parent = self.nodes[best].parent as usize;
        if parent == 0 {
            return vec![best];
        }
        let mut out = Vec::new();
        let mut i = parent + 1;
        let end = self.nodes[parent].end as usize;
        let threshold = (self.para[best] as f32 * 0.2).max(10.0);
        while i < end {
            let node = &self.nodes[i];
            if i == best {
                out.push(i);
            } else if node.tag != Tag::Text && !self.set_aside(i) {
                let ld = self.link[i] as f32 / self.chars[i].max(1) as f32;
                let prose = node.tag == Tag::P
                    && ((self.own[i] > 80 && ld < 0.25) || (self.own[i] > 0 && ld == 0.0 && self.commas[i] > 0));
                if (self.para[i] as f32 >= threshold && ld < 0.3) || prose {
                    out.push(i);
                }
            }
            i = node.end as usize;
        }
        out
    }

    /// The paragraphs under `roots`, in document order.
    fn paragraphs(&self, roots: &[usize]) -> Vec<Para> {
        let mut out = Vec::new();
        for &r in roots {
            let mut w = Walker { arena: self, cur: Para::default(), out: &mut out };
            w.walk(r);
            w.flush();
        }
        // Headings that end the body lead nowhere.
        while out.last().is_some_and(|p| matches!(p.kind, Tag::Heading(_))) {
            out.pop();
        }
        out
    }
}

const TIER_NAMES: [&str; 6] = ["", "article-body", "article", "story", "main-content", "main"];

/// A paragraph as read.
#[derive(Debug, Default, Clone)]
struct Para {
    text: String,
    chars: u32,
    link: u32,
    kind: Tag,
}

fn join(paras: &[Para]) -> String {
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for p in paras {
        // The headline is metadata.
        if p.chars == 0 || last == Some(p.text.as_str()) || p.kind == Tag::Heading(1) {
            continue;
        }
        // A line of links alone is a menu or a teaser.
        if p.link * 10 >= p.chars * 8 && p.chars < 300 {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&p.text);
        last = Some(p.text.as_str());
    }
    out
}

struct Walker<'a> {
    arena: &'a Arena,
    cur: Para,
    out: &'a mut Vec<Para>,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let mut p = std::mem::take(&mut self.cur);
        let trimmed = p.text.trim_end();
        p.text.truncate(trimmed.len());
        if p.chars > 0 {
            self.out.push(p);
        }
    }

    fn walk(&mut self, root: usize) {
        let a = self.arena;
        // (subtree end, is a block, is a link) per open element
        let mut open: Vec<(usize, Tag, bool)> = Vec::new();
        let mut links = 0usize;
        let mut block = a.nodes[root].tag;
        let mut i = root;
        let end = a.nodes[root].end as usize;
        while i < end {
            while let Some(&(e, t, is_link)) = open.last() {
                if e > i {
                    break;
                }
                open.pop();
                if is_link {
                    links -= 1;
                }
                if t.is_block() {
                    self.flush();
                    block = open.iter().rev().find(|o| o.1.is_block()).map_or(a.nodes[root].tag, |o| o.1);
                }
            }
            let node = &a.nodes[i];
            if i != root && a.set_aside(i) {
                i = node.end as usize;
                continue;
            }
            match node.tag {
                Tag::Text => {
                    let text = a.text_of(i);
                    self.push_text(text, a.chars[i], links > 0, block, block == Tag::Pre);
                    i += 1;
                    continue;
                }
                Tag::Br => {
                    self.flush();
                    i = node.end as usize;
                    continue;
                }
                // Table cells in a row: one line, a space apart.
                Tag::Cell if !self.cur.text.is_empty() && !self.cur.text.ends_with(' ') => self.cur.text.push(' '),
                Tag::List | Tag::Div | Tag::Section | Tag::Table if i != root => {
                    // Link lists and link blocks: menus, teasers, tag clouds.
                    let (c, l) = (a.chars[i], a.link[i]);
                    if c > 0 && l * 10 >= c * 6 && (node.tag != Tag::Div || c < 1000) {
                        i = node.end as usize;
                        continue;
                    }
                }
                _ => {}
            }
            if node.tag.is_block() {
                self.flush();
                block = node.tag;
            }
            let is_link = node.flags & LINK != 0;
            if is_link {
                links += 1;
            }
            open.push((node.end as usize, node.tag, is_link));
            i += 1;
        }
        self.flush();
    }

    fn push_text(&mut self, text: &str, chars: u32, link: bool, block: Tag, pre: bool) {
        let p = &mut self.cur;
        if p.text.is_empty() {
            p.kind = block;
        }
        if pre {
            for (k, line) in text.split('\n').enumerate() {
                if k > 0 {
                    self.flush();
                    self.cur.kind = block;
                }
                let line_chars = line.chars().filter(|c| !c.is_whitespace()).count() as u32;
                append_collapsed(&mut self.cur.text, line);
                self.cur.chars += line_chars;
                if link {
                    self.cur.link += line_chars;
                }
            }
            return;
        }
        append_collapsed(&mut p.text, text);
        p.chars += chars;
        if link {
            p.link += chars;
        }
    }
}

/// A text's characters other than white space, and its commas (Latin,
/// full-width, Arabic, ideographic).
fn count_text(text: &str) -> (u32, u32) {
    if text.is_ascii() {
        let b = text.as_bytes();
        let spaces = b.iter().filter(|c| c.is_ascii_whitespace()).count();
        let commas = memchr::memchr_iter(b',', b).count();
        return ((b.len() - spaces) as u32, commas as u32);
    }
    text.chars().fold((0, 0), |(c, k), ch| {
        (c + u32::from(!ch.is_whitespace()), k + u32::from(matches!(ch, ',' | '\u{ff0c}' | '\u{060c}' | '\u{3001}')))
    })
}

/// Appends `text` with white-space runs as one space, none at a paragraph's
/// start.
fn append_collapsed(out: &mut String, text: &str) {
    let mut space = out.ends_with(' ') || out.is_empty();
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(ch);
            space = false;
        }
    }
}

/// Whether an inline style hides its element (`display: none`,
/// `visibility: hidden`).
fn hidden_style(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else { return false };
        let (prop, value) = (prop.trim(), value.trim_start());
        let starts = |v: &str, w: &str| v.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
        (prop.eq_ignore_ascii_case("display") && starts(value, "none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts(value, "hidden"))
    })
}

// ---------------------------------------------------------------------------
// Class and id names.

/// What an element's class and id names say.
#[derive(Clone, Copy)]
struct Names {
    furniture: bool,
    /// Names an author or a byline.
    byline: bool,
    tier: u8,
    weight: i8,
}

impl Names {
    /// Reads the class and id tokens; `scratch` is a buffer to reuse.
    fn read(class: &str, id: &str, scratch: &mut String) -> Names {
        let mut n = Names { furniture: false, byline: false, tier: 0, weight: 0 };
        if class.is_empty() && id.is_empty() {
            return n;
        }
        let mut positive = false;
        let mut negative = false;
        let mut bounds = [(0usize, 0usize); MAX_WORDS];
        for token in class.split_ascii_whitespace().chain(id.split_ascii_whitespace()) {
            let count = split_words(token, scratch, &mut bounds);
            let mut words = [""; MAX_WORDS];
            for (w, &(from, to)) in words.iter_mut().zip(&bounds[..count]) {
                *w = &scratch[from..to];
            }
            let words = &words[..count];
            if let Some(t) = body_tier(words) {
                n.tier = if n.tier == 0 { t } else { n.tier.min(t) };
            }
            // Hidden by a class of its own (not `field-label-hidden`, a
            // field whose label is hidden, nor `hidden-xs`, hidden on
            // phones only).
            let hidden = matches!(
                token.to_ascii_lowercase().as_str(),
                "hidden"
                    | "hide"
                    | "is-hidden"
                    | "d-none"
                    | "visually-hidden"
                    | "sr-only"
                    | "screen-reader-text"
                    | "screenreader-only"
                    | "invisible"
            );
            if hidden || furniture_words(words) {
                n.furniture = true;
            }
            for w in words {
                if matches!(*w, "author" | "byline" | "authors") {
                    n.byline = true;
                }
                if matches!(
                    *w,
                    "article" | "body" | "content" | "entry" | "main" | "page" | "post" | "text" | "blog" | "story"
                ) {
                    positive = true;
                }
                if matches!(
                    *w,
                    "comment"
                        | "comments"
                        | "meta"
                        | "footer"
                        | "footnote"
                        | "sidebar"
                        | "share"
                        | "social"
                        | "related"
                        | "widget"
                        | "sponsor"
                        | "ad"
                        | "ads"
                        | "promo"
                        | "combx"
                        | "masthead"
                        | "media"
                        | "shoutbox"
                        | "scroll"
                        | "pagination"
                        | "pager"
                        | "popup"
                        | "tags"
                        | "author"
                        | "byline"
                ) {
                    negative = true;
                }
            }
        }
        n.weight = if positive { 25 } else { 0 } - if negative { 25 } else { 0 };
        if n.tier > 0 {
            // A body container is no furniture, whatever else it is called.
            n.furniture = false;
        }
        n
    }
}

/// The most words of one class or id token that are read.
const MAX_WORDS: usize = 12;

/// Splits a class or id token into lower-case words, written to `out` with
/// their spans in `bounds`: split at non-alphanumerics and where a
/// lower-case letter meets a capital (`relatedArticles`); the words after
/// the first [`MAX_WORDS`] are left out. Returns the count.
fn split_words(token: &str, out: &mut String, bounds: &mut [(usize, usize); MAX_WORDS]) -> usize {
    out.clear();
    let mut count = 0;
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for ch in token.chars() {
        let boundary = !ch.is_alphanumeric() || (ch.is_uppercase() && prev_lower);
        if boundary {
            if let Some(from) = start.take() {
                if count == MAX_WORDS {
                    return count;
                }
                bounds[count] = (from, out.len());
                count += 1;
            }
        }
        if !ch.is_alphanumeric() {
            prev_lower = false;
            continue;
        }
        start.get_or_insert(out.len());
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    if let Some(from) = start {
        if count < MAX_WORDS {
            bounds[count] = (from, out.len());
            count += 1;
        }
    }
    count
}

/// The body-container rank a token's words name: 1 `article-body` and its
/// kin, 3 `story`-like, 4 `main-content`-like.
fn body_tier(words: &[&str]) -> Option<u8> {
    const ONE: &[&str] = &[
        "articlebody",
        "articlecontent",
        "articletext",
        "entrycontent",
        "postcontent",
        "postbody",
        "posttext",
        "postentry",
        "storybody",
        "storycontent",
        "storytext",
        "bodytext",
        "articlecontainer",
    ];
    let concat_is = |target: &str| {
        let mut rest = target;
        for w in words {
            match rest.strip_prefix(w) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    };
    if ONE.iter().any(|t| concat_is(t)) {
        return Some(1);
    }
    if let [one] = words {
        match *one {
            "fulltext" => return Some(3),
            "post" | "entry" | "story" | "article" | "text" | "postarea" => return Some(3),
            "content" | "maincontent" | "primary" => return Some(4),
            _ => {}
        }
    }
    // Pairs of words in a row: article-body, article__content, post_content, entry-content.
    for pair in words.windows(2) {
        match (pair[0], pair[1]) {
            ("article" | "art" | "entry" | "post" | "story" | "news", "body" | "content" | "text" | "copy")
            | ("body", "text" | "copy") => return Some(1),
            ("main" | "single" | "page" | "blog" | "section" | "theme", "content")
            | ("content", "main" | "body")
            | ("main", "column") => return Some(4),
            _ => {}
        }
    }
    if words.iter().any(|w| *w == "fulltext" || *w == "storybody") {
        return Some(3);
    }
    None
}

/// Whether a token's words name furniture.
fn furniture_words(words: &[&str]) -> bool {
    // An embedded post (a tweet in a `social-embed`) is quoted content.
    let embed = words.iter().any(|w| matches!(*w, "embed" | "embedded" | "tweet"));
    // Links to the next story (`next-post`, `next-prev`).
    if words.len() > 1 && words[..words.len() - 1].contains(&"next") {
        return true;
    }
    words.iter().any(|w| {
        if embed && (w.starts_with("social") || w.starts_with("share")) {
            return false;
        }
        matches!(
            *w,
            "nav"
                | "prev"
                | "previous"
                | "navbar"
                | "navigation"
                | "menu"
                | "submenu"
                | "footer"
                | "sidebar"
                | "breadcrumb"
                | "breadcrumbs"
                | "share"
                | "shares"
                | "sharing"
                | "sharebar"
                | "social"
                | "comment"
                | "comments"
                | "related"
                | "newsletter"
                | "cookie"
                | "cookies"
                | "consent"
                | "gdpr"
                | "promo"
                | "promos"
                | "ad"
                | "ads"
                | "advert"
                | "adverts"
                | "advertisement"
                | "advertising"
                | "adsbygoogle"
                | "sponsor"
                | "sponsored"
                | "outbrain"
                | "taboola"
                | "subscribe"
                | "subscription"
                | "signup"
                | "popup"
                | "modal"
                | "banner"
                | "tags"
                | "byline"
                | "author"
                | "masthead"
                | "toolbar"
                | "recommended"
                | "trending"
                | "popular"
                | "pagination"
                | "header"
                | "caption"
                | "credit"
                | "disqus"
                | "date"
                | "timestamp"
                | "dateline"
        ) || (w.starts_with("related") && w.len() > 7)
            || (w.starts_with("comment") && !w.starts_with("commentary"))
            || w.starts_with("newsletter")
            || w.starts_with("breadcrumb")
            || w.starts_with("sidebar")
            || w.starts_with("advert")
            || w.starts_with("social")
    })
}

// ---------------------------------------------------------------------------
// Metadata.

impl Arena {
    fn meta(&mut self) -> PageMeta {
        let mut title_el = None;
        for i in 1..self.nodes.len() {
            match self.nodes[i].tag {
                Tag::Title if title_el.is_none() => title_el = Some(self.inner_text(i)),
                Tag::LdJson => {
                    let json = self.inner_text_raw(i);
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
                        read_ld(&v, &mut self.ld, 0);
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
        let ld = &self.ld;
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
        PageMeta {
            title,
            site_name,
            date: clean(&m.published)
                .or_else(|| clean(&ld.date))
                .or_else(|| clean(&m.other_date))
                .or_else(|| clean(&m.time))
                .or_else(|| url.as_deref().and_then(url_date)),
            url,
            author,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The arena of a page, one node a line.
    fn arena_of(text: &str) -> String {
        let a = Arena::build(&parse(text, 10_000).unwrap());
        let mut out = String::new();
        for (i, n) in a.nodes.iter().enumerate() {
            out.push_str(&format!("{:?} {} {} {} {:?}\n", n.tag, n.flags, n.parent, n.end, a.text_of(i)));
        }
        out
    }

    const PROSE: [&str; 4] = [
        "The council voted on Monday to reopen the harbour road, closed since the storm in January, after engineers said the sea wall would hold.",
        "Traders on the quay, who say they lost half their custom over the winter, welcomed the vote but asked why the repairs had taken so long.",
        "The works will cost about 2.4 million pounds, the council said, and will be paid for from the reserves set aside for flood defences.",
        "The road is expected to reopen to cars in May and to lorries a month later, once the new surface has been laid and tested.",
    ];

    fn paras(items: &[&str]) -> String {
        items.iter().map(|p| format!("<p>{p}</p>")).collect()
    }

    #[test]
    fn the_body_is_the_article_container_without_its_furniture() {
        let page = format!(
            r#"<html><head><title>Harbour road to reopen | Harbour Times</title></head><body>
            <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <div class="layout has-sidebar"><main><article>
            <h1>Harbour road to reopen</h1>
            <div class="article-body field-label-hidden">{}
            <div class="share-bar"><a href="/s">Share on Facebook</a> <a href="/t">Share on X</a></div>
            <ul class="links"><li><a href="/a">Storm damage in pictures</a></li><li><a href="/b">Sea wall: what went wrong</a></li></ul>
            {}</div>
            <section class="related-stories"><h2>Related</h2><p>Another story about the harbour that should not be read as part of this one.</p></section>
            <div id="comments"><p>A reader wrote a long comment here about the road, the council and the weather this winter.</p></div>
            </article></main><aside class="sidebar"><p>Most read: a long teaser line that belongs to another story on this site.</p></aside></div>
            <footer><p>Copyright 2025 Harbour Times. All rights reserved by the publisher of this site.</p></footer>
            </body></html>"#,
            paras(&PROSE[..2]),
            paras(&PROSE[2..])
        );
        let read = extract(page.as_bytes(), 1000).unwrap();
        assert_eq!(read.body, PROSE.join("\n\n"), "{}", read.how);
        assert_eq!(read.how, "article-body");
        assert!(read.confident);
        assert_eq!(read.meta.title.as_deref(), Some("Harbour road to reopen"));
        assert_eq!(read.meta.site_name.as_deref(), Some("Harbour Times"));
    }

    #[test]
    fn a_body_cut_in_chunks_is_read_whole_and_a_page_without_names_is_scored() {
        let chunked = format!(
            r#"<html><body><div class="story"><div class="article__body">{}</div>
            <div class="ad ad--in-content"><p>Advertisement text that is long enough to be a paragraph of some kind.</p></div>
            <div class="article__body">{}</div></div></body></html>"#,
            paras(&PROSE[..2]),
            paras(&PROSE[2..])
        );
        let read = extract(chunked.as_bytes(), 1000).unwrap();
        assert_eq!(read.body, PROSE.join("\n\n"));
        let bare = format!(
            r#"<html><body><div><div><a href="/1">One</a> <a href="/2">Two</a> <a href="/3">Three</a></div>
            <div><div>{}</div></div><div><p>Short.</p></div></div></body></html>"#,
            paras(&PROSE)
        );
        let read = extract(bare.as_bytes(), 1000).unwrap();
        assert_eq!(read.how, "scored");
        assert_eq!(read.body, PROSE.join("\n\n"));
    }

    #[test]
    fn metadata_prefers_what_names_itself() {
        let page = r#"<html><head><title>Road reopens - Harbour Times</title>
            <meta name="author" content="Harbour Times">
            <link rel="canonical" href="https://harbour.example/news/2025/03/14/road-reopens">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Road reopens","author":{"@type":"Person","name":"Jane Hollis"},
               "publisher":{"@type":"Organization","name":"The Harbour Times"}}]}</script>
            </head><body><article><p>Text.</p></article></body></html>"#;
        let m = extract(page.as_bytes(), 1000).unwrap().meta;
        assert_eq!(m.author.as_deref(), Some("Jane Hollis"));
        assert_eq!(m.site_name.as_deref(), Some("The Harbour Times"));
        assert_eq!(m.title.as_deref(), Some("Road reopens"));
        assert_eq!(m.date.as_deref(), Some("2025-03-14"), "the URL's date, no other given");
        assert_eq!(m.url.as_deref(), Some("https://harbour.example/news/2025/03/14/road-reopens"));
        let latin1 =
            b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 reopens</title></head><body></body></html>";
        assert_eq!(extract(latin1, 1000).unwrap().meta.title.as_deref(), Some("Caf\u{e9} reopens"));
    }

    #[test]
    fn nesting_past_the_bound_stops_the_parse() {
        let deep = format!("<html><body>{}<p>x</p></body></html>", "<div>".repeat(5_000));
        assert_eq!(extract(deep.as_bytes(), 1000).unwrap_err(), TooDeep);
        let flat = format!("<html><body>{}</body></html>", "<div>x</div>".repeat(5_000));
        assert!(extract(flat.as_bytes(), 1000).is_ok());
    }

    #[test]
    fn script_text_is_left_out_where_the_tokenizer_would_end_it() {
        let cases = [
            r#"<div title="<script>x</script>">a</div><script>var s="</scr"+"ipt>";</script><p>b</p>"#,
            "<!-- <script> --><p>c</p><script>1 < 2</script><p>c2</p>",
            r#"<script><!-- document.write("<script>x</script>") --></script><p>d</p><script>2</script>"#,
            "<script><!--></script><p>e</p>",
            "<script><!--- a --></script><p>e2</p>",
            "<textarea><script>x</script></textarea><p>f</p><script>x</script>",
            "<title><style></title><p>g</p><style>p{}</style>",
            "<svg><style>.a{}</style><title>t</title><script>if(a<b){}</script></svg><script>x</script><p>h</p>",
            "<svg><p>out</p><script>x</script></svg><p>h2</p>",
            "<select><style>x</style><option>o</select><script>s</script><p>i</p>",
            "<select><option>o<script>s</script></select><p>i2</p>",
            "<math><mi><script>a<b</script></mi></math><p>i3</p>",
            r#"<script type="application/ld+json">{"a":"</p>"}</script><p>j</p>"#,
            "<div a=b'c>d</div><script>x</script><p>k</p>",
            r#"<p a="x>y">z</p><script>1</script><p>l</p>"#,
            "<script>a</scripts>b</script><p>m</p>",
            "<style>a</style >b<p>n</p>",
            "<svg><![CDATA[<script>]]></svg><script>1</script><p>o</p>",
            "<![CDATA[<script>]]><p>p</p><script>2</script>",
            "<div><svg><g></div><script>if(a<b)</script><p>q</p>",
            "<SCRIPT>x</SCRIPT><p>r</p>",
            "<script/>x</script><p>s</p>",
            "<p>t</p><script>never closed",
            "<plaintext><script>x</script>",
            "<!--><script>x</script><!---><p>u</p>",
            "<iframe><script>x</script></iframe><p>v</p>",
            "<noscript><script>x</script><p>w</p></noscript>",
            "<template><script>x</script></template><p>x</p>",
            "<table><script>x</script><tr><td>a</td></tr></table><p>y</p>",
            "<svg><desc><b>x</b></desc></svg><script>1</script><p>z</p>",
            "<svg><a href=x><text>t</text></a></svg><script>1</script><p>z2</p>",
            "<p>a < b</p><script>1</script></ p><p>z3</p>",
            "<script>a</script\n><p>z4</p>",
            r#"<div data-x='a>b' class="c" title=t><a href="/x" data-y=1 target=_blank>link</a></div><p>z5</p>"#,
            r#"<b data-k=1><b data-k=2><b data-k=3><b data-k=4><p>z6</p>"#,
            r#"<img src="a.jpg" srcset="a 1x, b 2x" alt="<script>"><p hidden title="x">z7</p>"#,
            r#"<div / data-a=1 class=x/>z8</div>"#,
        ];
        for case in cases {
            let page = format!("<html><head></head><body>{case}</body></html>");
            let elided = without_script_text(&page);
            assert_eq!(arena_of(&page), arena_of(&elided), "{case}\n{elided}");
        }
        let page =
            "<html><body><script>var a = '<p>';</script><style>p { color: red }</style><p>Text</p><svg><g><path d=\"M0 0\"/></g></svg></body></html>";
        assert_eq!(
            without_script_text(page),
            "<html><body><script></script><style></style><p>Text</p><svg></svg></body></html>"
        );
    }

    proptest::proptest! {
        /// Markup run together from pieces that change how the tokenizer
        /// reads what follows: the page read with its script text left out
        /// is the page read whole.
        #[test]
        fn leaving_script_text_out_changes_nothing_else(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("<script>"),
                    proptest::strategy::Just("</script>"),
                    proptest::strategy::Just("<script>a<b</script>"),
                    proptest::strategy::Just("<script>x='<!--'</script>"),
                    proptest::strategy::Just("<style>p{}</style>"),
                    proptest::strategy::Just("<script type=\"application/ld+json\">"),
                    proptest::strategy::Just("<style>"),
                    proptest::strategy::Just("</style>"),
                    proptest::strategy::Just("<!--"),
                    proptest::strategy::Just("-->"),
                    proptest::strategy::Just("<!"),
                    proptest::strategy::Just("<svg>"),
                    proptest::strategy::Just("</svg>"),
                    proptest::strategy::Just("<math>"),
                    proptest::strategy::Just("<title>"),
                    proptest::strategy::Just("</title>"),
                    proptest::strategy::Just("<textarea>"),
                    proptest::strategy::Just("<select>"),
                    proptest::strategy::Just("</select>"),
                    proptest::strategy::Just("<option>"),
                    proptest::strategy::Just("<p>"),
                    proptest::strategy::Just("</p>"),
                    proptest::strategy::Just("<div class=\"a>b\">"),
                    proptest::strategy::Just("<img src=\"x\" alt=\"<p>\">"),
                    proptest::strategy::Just("<a href=\"u\" data-x=\"1\" class=l>"),
                    proptest::strategy::Just("</a>"),
                    proptest::strategy::Just("<div data-a='>' class=c id=\"i\">"),
                    proptest::strategy::Just("<b data-x=1>"),
                    proptest::strategy::Just("<b data-x=2>"),
                    proptest::strategy::Just("<p title=\"t\" hidden>"),
                    proptest::strategy::Just("<span style=\"display:none\" data-q onclick=x>"),
                    proptest::strategy::Just("<section aria-label=l role=navigation/>"),
                    proptest::strategy::Just("<div a='"),
                    proptest::strategy::Just("'>"),
                    proptest::strategy::Just("</div>"),
                    proptest::strategy::Just("<g>"),
                    proptest::strategy::Just("</g>"),
                    proptest::strategy::Just("<![CDATA["),
                    proptest::strategy::Just("]]>"),
                    proptest::strategy::Just("<table>"),
                    proptest::strategy::Just("<td>"),
                    proptest::strategy::Just("<iframe>"),
                    proptest::strategy::Just("</iframe>"),
                    proptest::strategy::Just("<desc>"),
                    proptest::strategy::Just("</desc>"),
                    proptest::strategy::Just("<"),
                    proptest::strategy::Just(">"),
                    proptest::strategy::Just("/"),
                    proptest::strategy::Just("\""),
                    proptest::strategy::Just(" text "),
                ],
                0..24,
            )
        ) {
            let page = format!("<html><head></head><body>{}<p>end</p></body></html>", pieces.concat());
            let elided = without_script_text(&page);
            proptest::prop_assert_eq!(arena_of(&page), arena_of(&elided), "{}\n{}", page, elided);
        }
    }
}
