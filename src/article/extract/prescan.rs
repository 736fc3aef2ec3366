//! The scan before the parse: the page's script and style text, the
//! content of its inline SVG and MathML and the attributes nothing reads,
//! left out where html5ever's tokenizer would read them, so that the tree
//! read is the page's own. A leaf.

use std::borrow::Cow;

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
pub(super) fn without_script_text(html: &str) -> Cow<'_, str> {
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
                let trims = foreign.is_empty()
                    && !in_select
                    && !formatting_element(name)
                    && !matches!(name, b"template" | b"svg" | b"math")
                    && attrs.iter().any(|a| unread(a) || href(a));
                // The parser checks each attribute against those before it:
                // a tag of a hundred thousand costs minutes, so no tag keeps
                // more than a page could mean.
                if trims || attrs.len() > MAX_TAG_ATTRIBUTES {
                    out.push_str(&html[copied..lt]);
                    out.push('<');
                    out.push_str(&html[tag.name.0..tag.name.1]);
                    for a in attrs.iter().filter(|a| !trims || !unread(a)).take(MAX_TAG_ATTRIBUTES) {
                        out.push(' ');
                        // A link's address: only that it has one is read.
                        out.push_str(if trims && href(a) { "href" } else { &html[a.start..a.end] });
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

/// Whether a tag of the page has more than [`MAX_TAG_ATTRIBUTES`]
/// attributes (a hostile page: a parser that reads it whole checks each
/// attribute against those before it).
pub(super) fn crowded_tag(b: &[u8]) -> bool {
    let mut attrs = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + k;
        i = lt + 1;
        if b.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            if let Some(tag) = read_tag(b, lt + 1, &mut attrs) {
                if attrs.len() > MAX_TAG_ATTRIBUTES {
                    return true;
                }
                i = tag.end;
            }
        }
    }
    false
}

/// The most attributes a tag keeps (the first ones; the parser keeps the
/// first of two of one name too).
pub(super) const MAX_TAG_ATTRIBUTES: usize = 1_000;

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
