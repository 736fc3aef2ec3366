//! The body: the first known article container that holds prose (not far
//! shorter than the best-scored block), with its chunks and lead, else the
//! best-scored block and its siblings (Readability's way); its paragraphs
//! in document order, furniture, link lists, link-only lines and the
//! headline left out.

use super::arena::{append_collapsed, Arena};
use super::element::{Tag, LINK};

impl Arena {
    /// The body text, and how it was found.
    pub(super) fn body(&self) -> (String, &'static str) {
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
    pub(super) fn paragraphs(&self, roots: &[usize]) -> Vec<Para> {
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
pub(super) struct Para {
    text: String,
    chars: u32,
    link: u32,
    kind: Tag,
}

pub(super) fn join(paras: &[Para]) -> String {
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
