//! The parsed page as reading sees it: its elements and text in document
//! order (a subtree is a range), each element's kind, flags, class and id,
//! and text sums per element (characters, link characters, paragraph
//! characters), with furniture set aside unless it holds most of the
//! page's prose. The meta tags are noted on the way.

use super::element::{hidden_style, Attrs, Tag, FURNITURE, HIDDEN, KEPT, LINK, NO_TEXT};
use super::names::{FxHasher, Names};
use dom_query::{local_name, Document, NodeData, NodeId};

#[derive(Debug, Clone, Copy)]
pub(super) struct Node {
    pub(super) tag: Tag,
    pub(super) flags: u8,
    /// A known article container's rank: 1 the surest (articleBody,
    /// article-body names), 5 the loosest (`<main>`); 0 none.
    pub(super) tier: u8,
    /// A Readability-style weight from the class and id names.
    pub(super) weight: i8,
    pub(super) parent: u32,
    /// One past the subtree's last node.
    pub(super) end: u32,
    /// The text (a text node) or the class and id (an element), in `Arena::buf`.
    pub(super) start_at: u32,
    pub(super) len: u32,
}

#[derive(Default)]
pub(super) struct MetaTags {
    pub(super) site_name: Option<String>,
    /// `application-name`, `publisher`: a site name less often given.
    pub(super) app_name: Option<String>,
    pub(super) og_title: Option<String>,
    pub(super) published: Option<String>,
    pub(super) other_date: Option<String>,
    pub(super) og_url: Option<String>,
    pub(super) canonical: Option<String>,
    pub(super) author: Option<String>,
    pub(super) time: Option<String>,
    /// The first element named as the author (`rel=author`,
    /// `itemprop=author`), by arena index.
    pub(super) byline: Option<u32>,
    /// The first few elements whose class or id names an author or byline.
    pub(super) byline_named: Vec<u32>,
}

pub(super) struct Arena {
    pub(super) nodes: Vec<Node>,
    pub(super) buf: String,
    /// A buffer for class names' words.
    pub(super) scratch: String,
    /// A buffer for a class and id pair, and what the pairs seen say.
    pub(super) key: String,
    pub(super) names_seen: std::collections::HashMap<Box<str>, Names, std::hash::BuildHasherDefault<FxHasher>>,
    pub(super) metas: MetaTags,
    /// Per node: non-space characters of its text (furniture left out).
    pub(super) chars: Vec<u32>,
    /// Per node: those inside links.
    pub(super) link: Vec<u32>,
    /// Per node: those of its own paragraph (text not in a nested block).
    pub(super) own: Vec<u32>,
    /// Per node: commas in its own paragraph.
    pub(super) commas: Vec<u32>,
    /// Per node: paragraph characters (`<p>`-like blocks) under it.
    pub(super) para: Vec<u32>,
}

/// What the walk does with a DOM node.
enum Step {
    /// Go into its children (it is in the arena).
    Enter(Option<NodeId>),
    /// Go on to its next sibling.
    Next,
}

impl Arena {
    pub(super) fn build(doc: &Document) -> Arena {
        let mut a = Arena {
            nodes: Vec::with_capacity(4096),
            buf: String::with_capacity(64 * 1024),
            scratch: String::new(),
            key: String::new(),
            names_seen: Default::default(),
            metas: MetaTags::default(),
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

    pub(super) fn text_of(&self, i: usize) -> &str {
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
    pub(super) fn aggregate(&mut self) {
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

    pub(super) fn set_aside(&self, i: usize) -> bool {
        let f = self.nodes[i].flags;
        f & NO_TEXT != 0 || f & HIDDEN != 0 || (f & FURNITURE != 0 && f & KEPT == 0)
    }

    /// Whether a node or one of its ancestors is set aside.
    pub(super) fn inside_set_aside(&self, mut i: usize) -> bool {
        while i != 0 {
            if self.set_aside(i) {
                return true;
            }
            i = self.nodes[i].parent as usize;
        }
        false
    }

    pub(super) fn names_of(&self, i: usize) -> &str {
        if self.nodes[i].tag == Tag::Text {
            ""
        } else {
            self.text_of(i)
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
pub(super) fn append_collapsed(out: &mut String, text: &str) {
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
