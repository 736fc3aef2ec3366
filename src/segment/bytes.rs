//! Byte-level helpers every rule reads: whitespace (ASCII and Unicode),
//! and the quote marks and brackets that close a sentence or open the
//! next. A leaf: it imports nothing from the splitter.

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

/// Skips closing quotes and brackets after a terminator, so that they stay
/// with the sentence they close (gr21, gr24–gr26).
#[inline]
pub(super) fn skip_closers(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b')' | b']' | b'}' => i += 1,
            // ” ’ »
            0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 && matches!(b[i + 2], 0x9D | 0x99) => i += 3,
            0xC2 if i + 1 < b.len() && b[i + 1] == 0xBB => i += 2,
            _ => break,
        }
    }
    i
}

/// Skips opening quotes and brackets before a word.
#[inline]
pub(super) fn skip_openers(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'(' | b'[' | b'{' => i += 1,
            // “ ‘
            0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 && matches!(b[i + 2], 0x9C | 0x98) => i += 3,
            // «
            0xC2 if i + 1 < b.len() && b[i + 1] == 0xAB => i += 2,
            _ => break,
        }
    }
    i
}
