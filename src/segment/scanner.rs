//! The forward scan: the splitter's state (the cursor), the table of
//! trigger bytes, the handler of each trigger byte (`.`, `?`/`!`, `)`, a
//! newline, the lead byte of `…` and bullets), and cutting spans.
//!
//! The scanner owns the cursor and every decision that moves it. The
//! sibling files hold the rules it consults: plain functions over the bytes
//! (the word before a stop, the context after it, quote marks, ellipses,
//! list markers, line ends), which never import the scanner back. Each
//! handler's doc names the Golden Rules cases it serves.

use super::abbreviations::{classify_word, WordClass};
use super::bytes::{skip_closers, skip_ws};
use super::context::{next_context, starts_lower};
use super::ellipsis::{bracketed_omission, is_ellipsis, spaced_dots};
use super::lines::{ends_with_terminal, last_non_ws};
use super::lists::{bullet_at, marker_at, starts_item_line, ListStyle};
use super::long::{first_piece_end, MAX_SENTENCE_BYTES};
use super::missing_space::missing_space_boundary;
use super::quotes::{attributed_quote, spaced_closer};
use super::terminators::{terminal_run_end, wide_closer_len, wide_stop_len};
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
    // 0xE3 leads `。`, 0xEF the full-width `！` and `？`.
    t[0xE3] = true;
    t[0xEF] = true;
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
    /// Sentences longer than [`MAX_SENTENCE_BYTES`] that were cut into
    /// pieces.
    pub(super) cut_long: usize,
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
            cut_long: 0,
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
                0xE2 => self.on_e2(i),
                _ => self.on_wide(i),
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
        // A stretch with no letter or digit (an ellipsis between two
        // sentences, a lone dash) is no sentence: it stays with the one
        // before it, or, at the start, with the next (a text of nothing
        // else is one sentence still: every character is in a span).
        if !trimmed_start.is_empty() && !trimmed_start.chars().any(char::is_alphanumeric) {
            match self.out.last_mut() {
                Some(last) => {
                    last.end = self.seg_start + seg.trim_end().len();
                    self.seg_start = pos;
                    return;
                }
                None if pos < self.text.len() => return,
                None => {}
            }
        }
        if !trimmed_start.is_empty() {
            let mut start = pos - trimmed_start.len();
            let end = self.seg_start + seg.trim_end().len();
            if end - start > MAX_SENTENCE_BYTES {
                self.cut_long += 1;
            }
            while end - start > MAX_SENTENCE_BYTES && self.out.len() <= self.max {
                let piece = &self.text[start..end];
                let cut = first_piece_end(piece);
                let head = piece[..cut].trim_end();
                self.out.push(Span { start, end: start + head.len() });
                start = end - piece[cut..].trim_start().len();
            }
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

    /// Handles a byte leading a character of U+3000-U+3FFF or U+F000-U+FFFF:
    /// a full-width stop (`。`, `！`, `？`, a run of them, then any closing
    /// quotes or brackets) ends the sentence whatever follows, as Chinese
    /// and Japanese put no space after it.
    fn on_wide(&mut self, i: usize) -> usize {
        let b = self.b;
        if wide_stop_len(b, i) == 0 {
            // Valid UTF-8: the lead byte opens three bytes.
            return i + 3;
        }
        let mut e = i;
        while wide_stop_len(b, e) > 0 {
            e += 3;
        }
        loop {
            let next = skip_closers(b, e);
            let wide = wide_closer_len(b, next);
            if wide == 0 {
                e = next;
                break;
            }
            e = next + wide;
        }
        if e >= b.len() {
            return e;
        }
        self.cut_and_start(e)
    }

    // terminators
    /// Handles a `.` at `i`.
    #[inline]
    pub(super) fn on_period(&mut self, i: usize) -> usize {
        let b = self.b;
        // A mid-sentence list marker (`... item 2. Next item`) continuing a
        // list that opened an earlier sentence starts a new sentence.
        if let Some(start) = self.mid_list_marker(i) {
            return self.cut_and_start(start);
        }
        let (j, k) = spaced_dots(b, i);
        if k >= 3 {
            return self.on_spaced_ellipsis(i, j, k);
        }
        let next = i + 1;
        if next < b.len() && (b[next] == b'.' || b[next] == b'?' || b[next] == b'!') {
            return self.on_terminal_run(i);
        }
        if next < b.len() && b[next] == 0xE2 && is_ellipsis(b, next) {
            return self.on_terminal_run(i);
        }
        self.on_single_period(i)
    }

    /// Handles a run of terminal punctuation (`?`, `!`, several dots, `…`)
    /// starting at `i`: a boundary unless a lower-case word follows (gr02,
    /// gr03, gr27–gr30, gr44, gr49).
    #[inline]
    pub(super) fn on_terminal_run(&mut self, i: usize) -> usize {
        let b = self.b;
        let (j, dots) = terminal_run_end(b, i);
        if bracketed_omission(b, i, j, dots) {
            return j + 1;
        }
        let e = spaced_closer(b, self.seg_start, skip_closers(b, j));
        let ctx = next_context(self.text, e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end || !ctx.ws_after {
            return e;
        }
        if ctx.lower && !ctx.opening {
            return e;
        }
        if attributed_quote(b, i, j, e, &ctx) {
            return e;
        }
        self.cut_and_start(e)
    }

    /// Handles a lone `.` at `i`: abbreviations, initials, numbers and the
    /// missing-space case `word.Next` (gr01, gr04–gr20, gr43, gr45, gr52).
    fn on_single_period(&mut self, i: usize) -> usize {
        let b = self.b;
        let e = spaced_closer(b, self.seg_start, skip_closers(b, i + 1));
        let ctx = next_context(self.text, e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end {
            return e;
        }
        let class = classify_word(b, self.seg_start, i);
        if !ctx.ws_after {
            // `world.Today`: a missing space after a plain word (gr52).
            if e == i + 1 && class == WordClass::Plain && missing_space_boundary(b, i) {
                return self.cut_and_start(i + 1);
            }
            return e;
        }
        if class.ends_sentence_before(&ctx) {
            self.cut_and_start(e)
        } else {
            e
        }
    }

    // ellipsis
    /// Handles a chain of `k >= 3` dots separated by single spaces, from the
    /// dot at `i` to the dot at `j`: three spaced dots mark an omission inside
    /// a sentence (gr46, gr50, gr51), and four before a sentence opener end
    /// the sentence (gr48).
    #[inline]
    pub(super) fn on_spaced_ellipsis(&mut self, i: usize, j: usize, k: usize) -> usize {
        let b = self.b;
        let attached = i > 0 && !b[i - 1].is_ascii_whitespace();
        let e = skip_closers(b, j + 1);
        let ctx = next_context(self.text, e);
        if ctx.paragraph {
            return self.cut_and_start(e);
        }
        if ctx.at_end || !ctx.ws_after {
            return e;
        }
        let starts_sentence = !ctx.lower || ctx.opening;
        if attached && k == 4 && starts_sentence {
            // `word. . . . Next`: a full stop followed by an ellipsis that
            // opens the next sentence (MLA style).
            self.cut(i + 1);
            return e;
        }
        if k >= 4 && starts_sentence {
            // `word . . . . Next`: an ellipsis and then the full stop.
            return self.cut_and_start(e);
        }
        // Three spaced dots mark an omission inside a sentence.
        e
    }

    // lines
    /// Handles a newline at `i`.
    #[inline]
    pub(super) fn on_newline(&mut self, i: usize) -> usize {
        let b = self.b;
        let (next, newlines, _) = skip_ws(b, i + 1);
        if newlines > 0 {
            // A blank line (paragraph break) always ends a sentence.
            return self.cut_and_start(i);
        }
        let line_start = self.line_start;
        self.line_start = i + 1;
        if next >= b.len() {
            return next;
        }
        // Bullets, table rows and list items start their own sentence, and so
        // does the line after a bullet or table row.
        if starts_item_line(b, next) || starts_item_line(b, skip_ws(b, line_start).0) {
            return self.cut_and_start(i);
        }
        let last = last_non_ws(b, line_start, i);
        let Some(last) = last else {
            return i + 1;
        };
        if ends_with_terminal(b, line_start, last + 1) || matches!(b[last], b',' | b';') {
            // The full stop (or comma) before the break was already judged.
            return i + 1;
        }
        let (lower, _) = starts_lower(self.text, next);
        if !lower || !self.rest_has_terminal(next) {
            // A headline or an unpunctuated list line.
            return self.cut_and_start(i);
        }
        // A soft wrap inside a sentence.
        i + 1
    }

    /// Whether terminal punctuation occurs between `p` and the end of the
    /// paragraph.
    fn rest_has_terminal(&mut self, p: usize) -> bool {
        if let Some((q, found)) = self.rest_cache {
            if q >= p {
                return found;
            }
        }
        let b = self.b;
        let mut k = p;
        let mut result = (b.len(), false);
        while k < b.len() {
            match b[k] {
                b'.' | b'?' | b'!' => {
                    result = (k, true);
                    break;
                }
                0xE2 if is_ellipsis(b, k) => {
                    result = (k, true);
                    break;
                }
                b'\n' => {
                    let (_, nl, _) = skip_ws(b, k + 1);
                    if nl > 0 {
                        result = (k, false);
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        self.rest_cache = Some(result);
        result.1
    }

    // lists
    /// Skips a bullet and a list marker opening the sentence at `p`, and
    /// remembers the marker, so that its own full stop is not taken as a
    /// boundary and the list's next item can be found mid-line (gr31–gr39).
    /// Returns where scanning resumes.
    #[inline]
    pub(super) fn skip_item_marker(&mut self, mut p: usize) -> usize {
        if let Some(after) = bullet_at(self.b, p) {
            p = skip_ws(self.b, after).0;
            // The bullet's text starts a new sentence, so resume after it.
            if let Some(m) = marker_at(self.b, p) {
                self.list = Some((m.style, m.value));
                return m.end;
            }
            return p;
        }
        if let Some(m) = marker_at(self.b, p) {
            self.list = Some((m.style, m.value));
            return m.end;
        }
        // A sentence that is not a list item ends the list, so that a later
        // `round 2. The` is not mistaken for its next item.
        self.list = None;
        p
    }

    /// Handles a `)` at `i`, which matters only as the end of a list marker
    /// such as `2)` in the middle of a line (gr31–gr34).
    #[inline]
    pub(super) fn on_paren(&mut self, i: usize) -> usize {
        if let Some(start) = self.mid_list_marker(i) {
            return self.cut_and_start(start);
        }
        i + 1
    }

    /// Returns the start of a list marker ending at `i` (the `.` or `)` of
    /// `2.`, `2.)`, `2)`, `b.`), when it continues the current list and sits
    /// in the middle of a sentence (gr31–gr39).
    #[inline]
    pub(super) fn mid_list_marker(&self, i: usize) -> Option<usize> {
        let (style, value) = self.list?;
        let b = self.b;
        // Find the start of the token before the `.` or `)`.
        let mut s = i;
        if b[i] == b')' && s > 0 && b[s - 1] == b'.' {
            s -= 1;
        }
        let tok_end = s;
        while s > 0 && b[s - 1].is_ascii_alphanumeric() && tok_end - s < 4 {
            s -= 1;
        }
        if s == tok_end || s <= self.seg_start || !b[s - 1].is_ascii_whitespace() {
            return None;
        }
        let m = marker_at(b, s)?;
        if m.style != style || m.value != value + 1 || m.end <= i {
            return None;
        }
        // The item text must not start in lower case, which filters out
        // ordinary words such as `a.m.` and sums such as `2) and`.
        let (p, _, _) = skip_ws(b, m.end);
        if p >= b.len() || starts_lower(self.text, p).0 {
            return None;
        }
        Some(s)
    }
}
