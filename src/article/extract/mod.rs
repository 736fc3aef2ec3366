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

mod arena;
mod body;
mod element;
mod meta;
mod names;
mod parse;
mod prescan;

use arena::Arena;
use body::join;
use parse::parse;
use prescan::without_script_text;
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
/// the parse stops soon after that depth is passed.
pub fn extract(html: &[u8], max_depth: usize) -> Result<Extracted, TooDeep> {
    let text = decode(html);
    let doc = parse(&without_script_text(&text), max_depth)?;
    let mut arena = Arena::build(&doc);
    drop(doc);
    arena.aggregate();
    let (meta, ld_body) = arena.meta();
    let (body, how) = arena.body();
    let mut out = Extracted { body, meta, confident: how != "whole", how };
    // A JSON-LD body is taken when the page's own text is short or it is
    // more than twice as long (rs-trafilatura's rule); plain text only when
    // it is long enough to be a body at all (500 characters). One written
    // in HTML is read as a page of its own.
    if let Some(ld) = ld_body.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
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

/// Whether a tag of the page has more than [`MAX_TAG_ATTRIBUTES`]
/// attributes: such a page is not handed to a parser whole.
pub fn crowded_tag(html: &[u8]) -> bool {
    prescan::crowded_tag(html)
}

/// The most attributes a tag keeps when a page is read.
pub const MAX_TAG_ATTRIBUTES: usize = prescan::MAX_TAG_ATTRIBUTES;

/// The page's bytes as text, by the charset its first 1,024 bytes declare
/// (`<meta charset>`, `<meta http-equiv=Content-Type>`), else UTF-8; bytes
/// that do not decode become U+FFFD. A UTF-8 byte-order mark wins over the
/// declaration (as in browsers), and so do bytes that are valid UTF-8 with
/// characters beyond ASCII: a page declared windows-1252 but saved as UTF-8
/// (a common slip) would read "Northportâ€™s".
fn decode(html: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = html.strip_prefix(b"\xef\xbb\xbf".as_slice()) {
        return String::from_utf8_lossy(rest);
    }
    // Validated once: both the declaration's test and the UTF-8 reading
    // use it.
    let utf8 = std::str::from_utf8(html);
    let utf8_beyond_ascii = utf8.is_ok() && !html.is_ascii();
    match declared_charset(html) {
        Some(enc) if enc != encoding_rs::UTF_8 && !utf8_beyond_ascii => enc.decode_without_bom_handling(html).0,
        _ => match utf8 {
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
