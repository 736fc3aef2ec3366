//! How deep a page nests its elements, read by html5ever's tokenizer alone
//! (no tree is built): the guard that runs before a page over 2 MiB is
//! parsed, and before a JSON-LD body written in HTML is given to
//! rs-trafilatura.
//!
//! rs-trafilatura walks the page's tree recursively and matches selectors
//! against every element's ancestors, so its time grows with the square of
//! the nesting and its stack with the nesting: a page of 10,000 nested
//! `<div>`s took 16 s, one of 100,000 (1.1 MB) overflowed the stack and
//! aborted the process; html5ever's tree building itself takes 34 s over
//! 100,000. Real pages nest a few dozen elements deep (at most 49 on the
//! 117 pages of the extraction benchmark), so a page nested past
//! [`MAX_DEPTH`] is refused with a one-line error. Claimdiff's own reader
//! follows the depth as its parse inserts elements and stops a slice past
//! the bound (`article/extract/parse.rs`); this count, a second pass of the
//! tokenizer (as long as the parse's own tokenizing), is kept for pages
//! over 2 MiB, where markup that is slow to parse without nesting deep
//! (formatting elements opened again in every paragraph) costs the most.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::LocalName;
use std::cell::{Cell, RefCell};

/// The deepest nesting a page may have: twenty times the deepest of the
/// extraction benchmark's pages, and far below where the extractor's time
/// (about 0.2 s at 1,000) or stack become a problem.
pub const MAX_DEPTH: usize = 1_000;

/// The open elements as the tokenizer reports tags: a stack of their
/// names, as the parser keeps one. An end tag closes the nearest open
/// element of its name and every element above it, and closes nothing when
/// none is open (a stray `</x>` after each `<span>` must not make 100,000
/// nested spans look flat); a self-closing `<div/>` opens a `<div>`, as
/// the parser reads it, except inside SVG or MathML, where `/>` closes.
/// Counting stops past [`MAX_DEPTH`]: the answer is known, and the stack
/// stays small.
#[derive(Default)]
struct Depth {
    open: RefCell<Vec<LocalName>>,
    max: Cell<usize>,
}

/// Elements that never hold others (no end tag), and elements whose end
/// tag is optional and usually left out (`<p>`, `<li>`, `<td>`: the parser
/// closes them itself, so counting them would see depth where the tree has
/// none). Neither kind is counted.
fn counted(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rtc"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

impl TokenSink for Depth {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else { return TokenSinkResult::Continue };
        let mut open = self.open.borrow_mut();
        match tag.kind {
            TagKind::StartTag => {
                // (Whether SVG or MathML is open matters only for "/>".)
                let closes = tag.self_closing && open.iter().any(|n| matches!(&**n, "svg" | "math"));
                if counted(&tag.name) && !closes && self.max.get() <= MAX_DEPTH {
                    open.push(tag.name.clone());
                    self.max.set(self.max.get().max(open.len()));
                }
                // The text of these is not markup: "<div>" inside a script
                // is no element.
                match &*tag.name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                if let Some(at) = open.iter().rposition(|n| *n == tag.name) {
                    open.truncate(at);
                }
                TokenSinkResult::Continue
            }
        }
    }
}

/// The deepest nesting of elements in `html`, up to [`MAX_DEPTH`] + 1
/// (counting stops there; bytes that are not UTF-8 are replaced: tags are
/// ASCII).
pub fn depth(html: &[u8]) -> usize {
    let text = String::from_utf8_lossy(html);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&text));
    let tokenizer = Tokenizer::new(Depth::default(), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.max.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_open_elements() {
        assert_eq!(depth(b"<html><body><div><div><span>x</span></div></div></body></html>"), 3);
        // Unclosed elements nest, as they do in the parser's tree.
        assert_eq!(depth(&b"<div>".repeat(50)), 50);
        // Void and optional-end elements, script text: flat.
        let flat = b"<div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x><br/><script>if (a<b) { s = '<div><div>'; }</script></div>";
        assert_eq!(depth(flat), 2);
        assert_eq!(depth(b"not html at all"), 0);
        // What the parser nests, the guard counts: stray end tags close
        // nothing, `<div/>` opens a div, `<b></i>` keeps the b open.
        assert_eq!(depth(&b"<span></x>".repeat(2_000)), MAX_DEPTH + 1);
        assert_eq!(depth(&b"<div/>".repeat(2_000)), MAX_DEPTH + 1);
        assert_eq!(depth(&b"<b></i>".repeat(2_000)), MAX_DEPTH + 1);
        // An end tag closes what is open above its element.
        assert_eq!(depth(b"<div><span><em>a</div><div>b</div>"), 3);
        // SVG's self-closing shapes are closed.
        let svg = format!("<div><svg>{}</svg></div>", "<path d=\"M0 0\"/>".repeat(2_000));
        assert_eq!(depth(svg.as_bytes()), 2);
        assert_eq!(depth(b"<div>\xff\xfe</div>"), 1);
    }
}
