//! Finding the direct quotations of one cleaned article: their marks,
//! their extent over sentences and paragraphs, and whether they are
//! fragments quoted inside a sentence. The speaker comes from
//! [`super::attribution`], then roles and pronouns are resolved by
//! [`super::coreference`].

use super::attribution::{speaker_after, speaker_of_previous_sentence, speaker_of_report, speaker_or_subject_before};
use super::coreference::{resolve_pronouns, resolve_roles};
use super::names::name_from;
use super::words::is_speech_verb;
use super::Quote;
use crate::segment::Span;

/// Finds every direct quotation in a cleaned article, in text order.
pub fn extract(text: &str) -> Vec<Quote> {
    let mut res: Vec<Quote> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut parts: Vec<Span> = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let len = c.len_utf8();
        match (open, c) {
            (None, '\u{201c}' | '\u{201e}' | '\u{00ab}' | '"') => open = Some((i, i + len)),
            // Two apostrophes open a quotation where a word starts right
            // after them at the start of a word (newspaper archives write
            // ''It's anti-reform,'' for both marks).
            (None, '\'') if opens_with_apostrophes(text, i) => {
                iter.next();
                open = Some((i, i + 2));
            }
            (Some((outer, inner)), '\u{201d}' | '\u{00bb}' | '"') => {
                parts.push(Span { start: inner, end: i });
                res.push(finish(text, outer, i + len, std::mem::take(&mut parts)));
                open = None;
            }
            // Two apostrophes close a quotation in tokenised text (the
            // Penn Treebank and TeX convention: "words , '' he said").
            (Some((outer, inner)), '\'') if text[i + 1..].starts_with('\'') => {
                iter.next();
                parts.push(Span { start: inner, end: i });
                res.push(finish(text, outer, i + 2, std::mem::take(&mut parts)));
                open = None;
            }
            // Curly quotes nested in a quotation opened by a straight mark
            // ("The department isn't about “Equal Justice” anymore."):
            // skipped when their closing mark comes before the next
            // straight one in the paragraph.
            (Some((outer, _)), '\u{201c}') if text[outer..].starts_with('"') && nested_curly(text, i) => {
                let close = i + text[i..].find('\u{201d}').unwrap_or(0);
                while iter.peek().is_some_and(|&(j, _)| j <= close) {
                    iter.next();
                }
            }
            (Some((outer, inner)), '\u{201c}' | '\u{201e}' | '\u{00ab}') => {
                // An opening mark inside an open quotation: the previous one
                // lost its closing mark. Keep it up to here and start anew.
                parts.push(Span { start: inner, end: trim_end(text, i) });
                res.push(finish(text, outer, trim_end(text, i), std::mem::take(&mut parts)));
                open = Some((i, i + len));
            }
            (Some((outer, inner)), '\n') => {
                // A paragraph that ends inside a quotation either continues
                // it (the next paragraph opens with a quote mark again) or
                // lost its closing mark (a blank line, then no mark).
                let rest = &text[i..];
                let ws = rest.len() - rest.trim_start().len();
                let next = rest[ws..].chars().next();
                let blank = rest[..ws].matches('\n').count() >= 2;
                let apostrophes = opens_with_apostrophes(text, i + ws);
                if apostrophes || matches!(next, Some('\u{201c}' | '\u{201e}' | '\u{00ab}' | '"')) {
                    parts.push(Span { start: inner, end: trim_end(text, i) });
                    let mark = i + ws;
                    let mark_len = if apostrophes { 2 } else { next.map_or(1, char::len_utf8) };
                    open = Some((outer, mark + mark_len));
                    while iter.peek().is_some_and(|&(j, _)| j < mark + mark_len) {
                        iter.next();
                    }
                } else if blank || next.is_none() {
                    let end = unclosed_end(text, inner, trim_end(text, i));
                    parts.push(Span { start: inner, end });
                    res.push(finish(text, outer, end, std::mem::take(&mut parts)));
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((outer, inner)) = open {
        let end = unclosed_end(text, inner, trim_end(text, text.len()));
        parts.push(Span { start: inner, end });
        res.push(finish(text, outer, end, parts));
    }
    res.retain(|q| !q.text.is_empty());
    share_sentence_speakers(text, &mut res);
    continue_paragraphs(text, &mut res);
    resolve_roles(text, &mut res);
    resolve_pronouns(text, &mut res);
    res
}

/// A quotation that opens a paragraph with no attribution of its own is
/// spoken by whoever the paragraph before introduced: "Cruz continued:"
/// (an attribution that ends in a colon), a quotation of a named speaker
/// that paragraph ended with (a quotation continued over paragraphs), or a
/// sentence reporting speech that quotes nothing ("Trump said in a
/// statement on Friday.").
fn continue_paragraphs(text: &str, quotes: &mut [Quote]) {
    for k in 0..quotes.len() {
        if quotes[k].speaker.is_some() || quotes[k].fragment {
            continue;
        }
        let before = &text[..quotes[k].span.start];
        let head = before.trim_end_matches([' ', '\t']);
        if !(head.is_empty() || head.ends_with('\n')) {
            continue;
        }
        let prev_para = head.trim_end();
        let Some(prev_para) = prev_para.rsplit("\n").next().filter(|p| !p.trim().is_empty()) else { continue };
        let para_start = prev_para.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(intro) = prev_para.trim_end().strip_suffix(':') {
            // "Dr. Ward stated:", or the verb first: "Continued Stone:".
            let words: Vec<&str> = intro.split_whitespace().collect();
            let verb_first = words.len() >= 2 && is_speech_verb(&words[0].to_lowercase());
            quotes[k].speaker = if verb_first { name_from(&words[1..]) } else { speaker_or_subject_before(intro) };
            continue;
        }
        // The last quotation of the paragraph before, if it closes it
        // (quotations are in text order: only the one before can be in
        // that paragraph last, so the work stays linear).
        let last = k.checked_sub(1).filter(|&j| quotes[j].span.end > para_start);
        if let Some(j) = last {
            let tail = text.get(quotes[j].span.end..para_start + prev_para.len()).unwrap_or("");
            if quotes[j].speaker.is_some() && tail.split_terminator(['.', '!', '?']).count() <= 1 {
                quotes[k].speaker = quotes[j].speaker.clone();
            }
            continue;
        }
        quotes[k].speaker = speaker_of_report(prev_para).filter(|s| super::words::is_named(s));
    }
}

/// Quotations of one sentence attributed once, at its end ("his support
/// will carry “a great deal of weight” and bring the “grass-roots
/// firepower” they need, a spokesman said"): a quotation with no speaker
/// takes the next one's when nothing between them ends the sentence or
/// names another verb of saying.
fn share_sentence_speakers(text: &str, quotes: &mut [Quote]) {
    for k in (0..quotes.len().saturating_sub(1)).rev() {
        let (q, next) = (&quotes[k], &quotes[k + 1]);
        if q.speaker.is_some() || next.speaker.is_none() || q.text.ends_with(['.', '!', '?', '\u{2026}']) {
            continue;
        }
        let Some(between) = text.get(q.span.end..next.span.start) else { continue };
        let ends = between.contains(['\n', '.', '!', '?', ';']);
        if between.len() <= 300 && !ends && !between.split_whitespace().any(is_speech_verb) {
            quotes[k].speaker = quotes[k + 1].speaker.clone();
        }
    }
}

/// Whether the curly opening mark at `i` has its closing mark before the
/// next straight double quote and the end of the paragraph (looked for in
/// the next 4 KB).
fn nested_curly(text: &str, i: usize) -> bool {
    // Within a few kilobytes (a paragraph), so the work per mark is bounded.
    let rest = &text[i..super::words::floor_boundary(text, i + 4096)];
    let para = rest.find("\n\n").unwrap_or(rest.len());
    let rest = &rest[..para];
    match (rest.find('\u{201d}'), rest.find('"')) {
        (Some(c), Some(s)) => c < s,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Whether two apostrophes at `i` open a quotation: at the start of the
/// text or after whitespace or an opening bracket, and followed by a word
/// (a closing pair follows a word: "reform,'' said").
fn opens_with_apostrophes(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    if !rest.starts_with("''") || rest[2..].starts_with('\'') {
        return false;
    }
    let after = rest[2..].chars().next();
    let before = text[..i].chars().next_back();
    after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '(' | '[' | '.' | '\u{2026}'))
        && before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}'))
}

/// Where a quotation that lost its closing mark really ends: before a
/// trailing attribution (", he said.") when the paragraph ends with one, so
/// the attribution is not taken for quoted words.
fn unclosed_end(text: &str, inner: usize, end: usize) -> usize {
    let body = &text[inner..end];
    let Some(comma) = body.rfind(',') else { return end };
    let tail: Vec<&str> = body[comma + 1..].split_whitespace().collect();
    if (2..=6).contains(&tail.len()) && tail.iter().any(|w| is_speech_verb(w)) {
        let cut = body[..comma].trim_end_matches(['\u{2019}', '\'', ' ']);
        return inner + cut.len();
    }
    end
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

fn finish(text: &str, start: usize, end: usize, parts: Vec<Span>) -> Quote {
    let joined: Vec<&str> = parts.iter().map(|p| &text[p.start..p.end]).collect();
    let inner = crate::corpus::collapse_ws(&joined.join(" "));
    let before = &text[..start];
    let fragment = before.trim_end_matches([' ', '\t']).chars().next_back().is_some_and(char::is_alphanumeric);
    let ends_sentence = inner.ends_with(['.', '\u{2026}']);
    let speaker = speaker_after(&text[end..], ends_sentence)
        .or_else(|| speaker_or_subject_before(before))
        .or_else(|| if fragment { None } else { speaker_of_previous_sentence(before) });
    Quote { span: Span { start, end }, parts, text: inner, speaker, fragment }
}
