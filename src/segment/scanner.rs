//! The forward scan: the splitter's state, the table of trigger bytes, the
//! dispatch from each trigger byte to its rule, and cutting spans.
//!
//! The rules themselves live in the sibling files and extend [`Splitter`]
//! with `impl` blocks of their own; this file owns only the state they share
//! and the byte-level whitespace helpers every rule uses.

use super::ellipsis::is_ellipsis;
use super::lists::{bullet_at, ListStyle};
use super::Span;

/// Bytes at which the scanner stops to look at the context. Everything else
/// is skipped by a single table lookup per byte.
static TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b')' as usize] = true;
    t[b'\n' as usize] = true;
    // 0xE2 leads `…` and the bullets `•`, `‣`, `⁃`, `◦` and `▪`.
    t[0xE2] = true;
    t
};

/// The state of one scan over `text`.
pub(super) struct Splitter<'a> {
    pub(super) text: &'a str,
    pub(super) b: &'a [u8],
    pub(super) out: Vec<Span>,
    /// Start of the sentence being built (not yet trimmed).
    pub(super) seg_start: usize,
    /// Byte just after the most recent newline, i.e. the current line start.
    pub(super) line_start: usize,
    /// The most recent list item that opened a sentence.
    pub(super) list: Option<(ListStyle, u32)>,
    /// Cached answer of [`Splitter::rest_has_terminal`]: the position of the
    /// first terminal punctuation or paragraph break found by the last scan
    /// and whether it was punctuation. Queries only move forward, so the
    /// cache keeps that check linear overall.
    pub(super) rest_cache: Option<(usize, bool)>,
    /// Scanning stops once `out` holds more sentences than this.
    pub(super) max: usize,
}

impl<'a> Splitter<'a> {
    pub(super) fn new(text: &'a str, max: usize) -> Self {
        Splitter {
            text,
            b: text.as_bytes(),
            // News sentences average well over 100 bytes; this avoids most
            // reallocations without over-reserving.
            out: Vec::with_capacity((text.len() / 128).min(max) + 1),
            seg_start: 0,
            line_start: 0,
            list: None,
            rest_cache: None,
            max,
        }
    }

    pub(super) fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = self.start_sentence(0);
        while i < n {
            if !TRIGGER[b[i] as usize] {
                i += 1;
                continue;
            }
            if self.out.len() > self.max {
                return;
            }
            i = match b[i] {
                b'.' => self.on_period(i),
                b'?' | b'!' => self.on_terminal_run(i),
                b')' => self.on_paren(i),
                b'\n' => self.on_newline(i),
                _ => self.on_e2(i),
            };
        }
        self.cut(n);
    }

    /// Closes the current sentence at `pos` (trimming whitespace) and starts
    /// the next one there. Empty segments are dropped silently.
    #[inline]
    pub(super) fn cut(&mut self, pos: usize) {
        if pos <= self.seg_start {
            return;
        }
        let seg = &self.text[self.seg_start..pos];
        let trimmed_start = seg.trim_start();
        if !trimmed_start.is_empty() {
            let start = pos - trimmed_start.len();
            let end = self.seg_start + seg.trim_end().len();
            self.out.push(Span { start, end });
        }
        self.seg_start = pos;
    }

    /// Cuts at `pos` and returns where scanning should resume: past the
    /// whitespace and past any bullet or list marker opening the next
    /// sentence, so that a marker's own full stop is not taken as a boundary.
    #[inline]
    pub(super) fn cut_and_start(&mut self, pos: usize) -> usize {
        self.cut(pos);
        self.start_sentence(pos)
    }

    /// Skips the whitespace at `pos`, noting any line start, and any bullet
    /// or list marker that opens the sentence there; returns where scanning
    /// resumes.
    #[inline]
    fn start_sentence(&mut self, pos: usize) -> usize {
        let (p, newlines, last_nl) = skip_ws(self.b, pos);
        if newlines > 0 {
            self.line_start = last_nl + 1;
        }
        self.skip_item_marker(p)
    }

    /// Handles bytes led by 0xE2: the ellipsis `…` and the bullets.
    fn on_e2(&mut self, i: usize) -> usize {
        if is_ellipsis(self.b, i) {
            return self.on_terminal_run(i);
        }
        if bullet_at(self.b, i).is_some() {
            // A bullet always opens a new item, even in the middle of a line
            // (gr37, gr38).
            return self.cut_and_start(i);
        }
        i + 1
    }
}

/// Skips whitespace from `i`; returns the next non-whitespace position, the
/// number of newlines skipped and the position of the last one.
#[inline]
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> (usize, usize, usize) {
    let mut newlines = 0;
    let mut last_nl = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            newlines += 1;
            last_nl = i;
            i += 1;
        } else if c.is_ascii_whitespace() || c == 0x0B {
            i += 1;
        } else if c >= 0x80 {
            let w = unicode_ws_len(b, i);
            if w == 0 {
                break;
            }
            i += w;
        } else {
            break;
        }
    }
    (i, newlines, last_nl)
}

/// Length in bytes of the Unicode whitespace character at `i`, or 0.
#[inline]
fn unicode_ws_len(b: &[u8], i: usize) -> usize {
    let len = utf8_len(b[i]);
    if i + len > b.len() {
        return 0;
    }
    match std::str::from_utf8(&b[i..i + len]) {
        Ok(s) => match s.chars().next() {
            Some(c) if c.is_whitespace() => len,
            _ => 0,
        },
        Err(_) => 0,
    }
}

/// Length of the UTF-8 sequence led by `lead` (1 for continuation bytes so
/// that callers always make progress).
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}
