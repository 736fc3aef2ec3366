//! Cleaning: raw article text in, [`Article`] out.
//!
//! Reads the optional `---` front-matter block, a glued ` date YYYY-MM-DD `
//! prefix and a wire dateline (`LONDON (Reuters) - `) into [`Meta`](super::Meta), reads a
//! lone carriage return as a line end, removes control characters, and drops boilerplate lines (repeated headlines,
//! section labels, advertisements, photo captions, related links, social
//! prompts, comment forms, a site's navigation) and agency furniture (slug lines, timestamps,
//! bylines and credits, end markers, editor's notes), and lines with no
//! words. Every rule matches the shape of a whole line, never the opening
//! words of prose. Every dropped line is recorded with its reason so
//! `--verbose` can show it. Paragraph breaks are kept: the splitter relies on
//! them. No I/O happens here.
//!
//! The rooms: `front_matter` (the front-matter block, a glued date, the
//! headline), `page` (web-page furniture), `agency` (wire-copy furniture
//! and the dateline), and `shape`, the line-shape tests they share (a
//! leaf). This file walks the lines and keeps the state between them
//! (an editor's note running on, a comment form, the dateline still open).

mod agency;
mod front_matter;
mod page;
mod shape;

use super::load::RawInput;
use super::{Article, DropReason, DroppedLine};
use crate::error::{Error, Result};
use agency::{dateline, editors_note, wire_furniture};
use front_matter::{glued_date, looks_like_headline};
use page::opening_furniture;
use shape::{ends_sentence, furniture_shaped, lower_head};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Cleans one raw input into an article.
///
/// Fails only when nothing is left after cleaning.
pub fn clean(raw: RawInput) -> Result<Article> {
    clean_with(raw, PARALLEL_LINES)
}

/// [`clean`], classifying the lines in parallel when there are at least
/// `parallel_lines` of them.
fn clean_with(raw: RawInput, parallel_lines: usize) -> Result<Article> {
    let RawInput { mut meta, text, mut warnings } = raw;
    let text = universal_newlines(&text);
    let mut controls = Controls::default();
    let stripped: Vec<Cow<str>> = text.lines().enumerate().map(|(i, l)| controls.strip(i + 1, l)).collect();
    let lines: Vec<&str> = stripped.iter().map(|l| l.as_ref()).collect();
    let mut dropped = Vec::new();

    let first = front_matter::read(&lines, &mut meta, &mut dropped, &mut warnings);
    let navigation = page::navigation_lines(&lines, first, meta.title.as_deref());
    let classified = Classified::new(&lines, first, parallel_lines);

    let mut out = String::with_capacity(text.len());
    let mut last_kept: Option<&str> = None;
    let mut seen_content = false;
    let mut comment_form = false;
    let mut related_block = false;
    let mut note = Note::Off;
    // A dateline is looked for until the first kept line that ends a
    // sentence: it opens the first paragraph of prose, after any headline.
    let mut dateline_open = true;
    let mut i = first;
    while i < lines.len() {
        let mut line = lines[i];
        let mut slug_cut = false;
        // A timed slug: the take is noted, and a first sentence glued to it
        // (continuation takes) is kept without it.
        if !comment_form && note == Note::Off {
            if let Some((take, rest)) = super::takes::timed_slug(line.trim_start()) {
                meta.take.get_or_insert(take);
                if super::takes::is_prose(rest) {
                    dropped.push(DroppedLine {
                        line: i + 1,
                        text: line[..line.len() - rest.len()].trim_end().to_owned(),
                        reason: DropReason::SlugLine,
                    });
                    line = rest;
                    slug_cut = true;
                }
            }
        }
        let trimmed = line.trim();
        let reason = if comment_form {
            Some(DropReason::CommentForm)
        } else if navigation.binary_search(&i).is_ok() {
            Some(DropReason::Navigation)
        } else if related_block && !trimmed.is_empty() && page::is_related_headline(trimmed) {
            Some(DropReason::RelatedLink)
        } else if trimmed.is_empty() {
            if note == Note::Paragraph {
                note = Note::Off;
            }
            None
        } else if note != Note::Off {
            note = Note::Paragraph;
            Some(DropReason::EditorsNote)
        } else {
            // Furniture is recognised by its words, whatever spaces stand
            // between them (web copy puts no-break spaces in labels:
            // "Editor's\u{a0}note:").
            let spaced = nbsp_as_space(trimmed);
            if last_kept == Some(spaced.as_ref()) {
                Some(DropReason::RepeatedHeadline)
            } else {
                match classified.get(i, seen_content && !slug_cut) {
                    Some(reason) => reason,
                    None => classify_line(&spaced, seen_content, &lines, i),
                }
            }
        };
        // A related-links header opens a block of headlines, which ends at
        // the first line that is not one.
        if !trimmed.is_empty() {
            related_block = reason == Some(DropReason::RelatedLink)
                && (related_block || page::is_related_header(lower_head(trimmed).as_str()));
        }
        if let Some(reason) = reason {
            match reason {
                DropReason::CommentForm => comment_form = true,
                // The note's label opens it; the rest of its paragraph (or,
                // for a bare label, the next paragraph) goes with it.
                DropReason::EditorsNote if note == Note::Off => {
                    note = if editors_note(trimmed) == Some(true) { Note::Pending } else { Note::Paragraph };
                }
                _ => {}
            }
            if !trimmed.is_empty() {
                dropped.push(DroppedLine { line: i + 1, text: line.to_owned(), reason });
            }
            i += 1;
            continue;
        }
        if !seen_content && !trimmed.is_empty() {
            if let Some((date, rest)) = glued_date(line) {
                dropped.push(DroppedLine {
                    line: i + 1,
                    text: line[..line.len() - rest.len()].to_owned(),
                    reason: DropReason::DatePrefix,
                });
                if meta.date.is_none() {
                    meta.date = Some(date.to_owned());
                }
                line = rest;
            }
        }
        if dateline_open && !trimmed.is_empty() {
            if let Some((dateline, rest)) = dateline(line) {
                dateline_open = false;
                dropped.push(DroppedLine {
                    line: i + 1,
                    text: line[..line.len() - rest.len()].to_owned(),
                    reason: DropReason::Dateline,
                });
                meta.dateline.get_or_insert_with(|| dateline.to_owned());
                if rest.trim().is_empty() {
                    i += 1;
                    continue;
                }
                line = rest;
            }
        }
        if !trimmed.is_empty() {
            if !seen_content && meta.title.is_none() && looks_like_headline(line.trim()) {
                meta.title = Some(line.trim().to_owned());
            }
            seen_content = true;
            dateline_open &= !ends_sentence(line);
            last_kept = Some(line.trim());
        }
        out.push_str(line.trim_end());
        out.push('\n');
        i += 1;
    }
    if let Some(record) = controls.record() {
        dropped.push(record);
        dropped.sort_by_key(|d| d.line);
    }
    if out.trim().is_empty() {
        return Err(Error::Empty { path: meta.path.clone(), what: "no article text left after removing boilerplate" });
    }
    cap_fields(&mut meta, &mut warnings);
    Ok(Article { meta, text: out, dropped, warnings })
}

/// A line of markup tags and punctuation only (`<tweet tweet-id="7286..."><tweet/>.`,
/// an embed an archive left in the text): no word a reader sees.
fn markup_only(line: &str) -> bool {
    let line = line.trim();
    if !line.starts_with('<') {
        return false;
    }
    let mut outside = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        outside.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else { return false };
        // A tag: a bare name (`<tweet/>`, `</b>`) or a name with
        // attributes; a title in angle brackets (`<The Palace>`, as Korean
        // copy marks works) is words.
        let tag = &rest[open + 1..open + close];
        let name = tag.trim_start_matches('/').trim_end_matches('/');
        let bare = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':');
        if !bare && !tag.contains('=') {
            return false;
        }
        rest = &rest[open + close + 1..];
    }
    outside.push_str(rest);
    !outside.chars().any(char::is_alphanumeric)
}

/// Where the cleaner is in an editor's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// Not in a note.
    Off,
    /// In a note's paragraph: dropped up to the next blank line.
    Paragraph,
    /// After a bare label ("Note to editors:"): the next paragraph is the
    /// note.
    Pending,
}

/// The most characters a metadata field (outlet, title, byline, URL,
/// dateline) keeps: every report repeats the outlet beside each sentence,
/// so a megabyte "outlet" would multiply into hundreds of megabytes.
pub const MAX_FIELD_CHARS: usize = 300;

/// Cuts over-long metadata fields to [`MAX_FIELD_CHARS`] characters (ending
/// in `…`), and takes NUL out of them, with one warning per field: NUL
/// never reaches a report (a file or JSONL text holding one is refused as
/// binary), and metadata from JSONL fields and a page's `<meta>` tags comes
/// here with its own. Other control characters stay, as the data: text
/// reports show them escaped, CSV, JSON and HTML keep them.
fn cap_fields(meta: &mut super::Meta, warnings: &mut Vec<String>) {
    let path = meta.path.display().to_string();
    let mut cap = |name: &str, value: &mut String| {
        if value.contains('\0') {
            value.retain(|c| c != '\0');
            warnings.push(format!("{path}: NUL removed from the {name}"));
        }
        let chars = value.chars().count();
        if chars > MAX_FIELD_CHARS {
            let keep: String = value.chars().take(MAX_FIELD_CHARS - 1).collect();
            *value = format!("{}\u{2026}", keep.trim_end());
            warnings.push(format!("{path}: {name} of {chars} characters cut to {MAX_FIELD_CHARS}"));
        }
    };
    cap("outlet", &mut meta.outlet);
    for (name, field) in [
        ("title", &mut meta.title),
        ("date", &mut meta.date),
        ("byline", &mut meta.byline),
        ("url", &mut meta.url),
        ("dateline", &mut meta.dateline),
    ] {
        if let Some(v) = field {
            cap(name, v);
        }
    }
}

/// A line with its no-break spaces as plain ones (borrowed when it has none).
fn nbsp_as_space(line: &str) -> Cow<'_, str> {
    if crate::text::has_nbsp(line) {
        Cow::Owned(line.replace(['\u{a0}', '\u{202f}'], " "))
    } else {
        Cow::Borrowed(line)
    }
}

/// `text` with every line ending as `\n`: a carriage return not followed by
/// a line feed (old Mac OS files, some exports) ends a line too, as in
/// universal-newline reading; `\r\n` is left for [`str::lines`].
fn universal_newlines(text: &str) -> Cow<'_, str> {
    if !text.match_indices('\r').any(|(i, _)| !text[i + 1..].starts_with('\n')) {
        return Cow::Borrowed(text);
    }
    // A run of CRs before a LF is one line end (`\r\r\n`, from `\r\n`
    // written through a text-mode stream); a CR before anything else is one.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find('\r') {
        out.push_str(&rest[..k]);
        let after = rest[k..].trim_start_matches('\r');
        if !after.starts_with('\n') {
            out.extend(std::iter::repeat_n('\n', rest.len() - k - after.len()));
        }
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Control characters removed from the text: how many of each, and the line
/// of the first.
#[derive(Debug, Default)]
struct Controls {
    first_line: Option<usize>,
    counts: BTreeMap<char, usize>,
}

impl Controls {
    /// `line` (1-based line number `n`) without its control characters; the
    /// ones that stand for space (CR, VT, FF, NEL) become a space so words
    /// stay apart.
    fn strip<'a>(&mut self, n: usize, line: &'a str) -> Cow<'a, str> {
        if !crate::text::has_control(line) {
            return Cow::Borrowed(line);
        }
        self.first_line.get_or_insert(n);
        let mut out = String::with_capacity(line.len());
        for c in line.chars() {
            if !is_stray_control(c) {
                out.push(c);
                continue;
            }
            *self.counts.entry(c).or_default() += 1;
            if c.is_whitespace() {
                out.push(' ');
            }
        }
        Cow::Owned(out)
    }

    /// The one record of the file's removals, if there were any.
    fn record(&self) -> Option<DroppedLine> {
        let line = self.first_line?;
        let total: usize = self.counts.values().sum();
        let each: Vec<String> = self.counts.iter().map(|(c, n)| format!("U+{:04X} x{n}", u32::from(*c))).collect();
        Some(DroppedLine {
            line,
            text: format!("{total} removed from the text ({})", each.join(", ")),
            reason: DropReason::ControlCharacters,
        })
    }
}

/// A C0 control other than newline and tab, DEL, or a C1 control.
fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// How many lines a text has before its lines are classified in parallel,
/// ahead of the walk: below it, the threads' start costs more than they save.
const PARALLEL_LINES: usize = 4096;

/// Each line's [`classify_line`] for the walk after the first kept line
/// (`seen_content`), computed on every core before the walk for a long text.
///
/// The walk's state reaches a line's classification only through
/// `seen_content` and the line itself (a repeated headline is checked by the
/// walk), so a line the walk reaches after content, unchanged by a slug cut,
/// takes its answer from here.
struct Classified {
    /// The first line classified (the front matter's end).
    first: usize,
    /// The classifications of `lines[first..]`, if the text was long enough.
    reasons: Option<Vec<Option<DropReason>>>,
}

impl Classified {
    /// Classifies `lines[first..]` when there are at least `min_lines` of
    /// them.
    fn new(lines: &[&str], first: usize, min_lines: usize) -> Classified {
        use rayon::prelude::*;
        if lines.len().saturating_sub(first) < min_lines {
            return Classified { first, reasons: None };
        }
        let reasons = lines[first..]
            .par_iter()
            .with_min_len(256)
            .enumerate()
            .map(|(k, line)| {
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    return None;
                }
                classify_line(&nbsp_as_space(trimmed), true, lines, first + k)
            })
            .collect();
        Classified { first, reasons: Some(reasons) }
    }

    /// The classification of line `i`, if it was computed ahead and `usable`
    /// (the walk has seen content and the line is as it was).
    fn get(&self, i: usize, usable: bool) -> Option<Option<DropReason>> {
        let reasons = self.reasons.as_ref().filter(|_| usable)?;
        reasons.get(i.checked_sub(self.first)?).copied()
    }
}

/// Decides whether a non-empty line is boilerplate, and which kind (apart
/// from a repeated headline, which needs the last kept line: the walk checks
/// it).
fn classify_line(line: &str, seen_content: bool, lines: &[&str], i: usize) -> Option<DropReason> {
    // The rules below read a line's opening words or match a short line
    // whole, so only its head is lower-cased (a paragraph of prose costs no
    // more than its first words).
    let lower = lower_head(line);
    let lower = lower.as_str();
    if let Some(reason) = wire_furniture(line, seen_content) {
        return Some(reason);
    }
    if page::is_advertisement(line) || page::is_shopping_disclosure(line) {
        return Some(DropReason::Advertisement);
    }
    if page::ends_with_web_address(line) {
        return Some(DropReason::RelatedLink);
    }
    // Everything below this point matches a line by how it starts, so it
    // applies only to lines shaped like furniture: short, at most one
    // sentence, not running on into prose on the next line. A one-line
    // article or a paragraph of prose that happens to open with "Photo:" or
    // "Also read" is kept. (The shape is checked last, on a line that opens
    // like furniture: it costs most.)
    opening_furniture(line, lower, seen_content, lines, i).filter(|_| furniture_shaped(line, lines, i))
}

#[cfg(test)]
mod parallel_tests;
#[cfg(test)]
mod tests;
