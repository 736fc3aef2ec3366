//! Cleaning: raw article text in, [`Article`] out.
//!
//! Reads the optional `---` front-matter block, a glued ` date YYYY-MM-DD `
//! prefix and a wire dateline (`LONDON (Reuters) - `) into [`Meta`](super::Meta), removes
//! control characters, and drops boilerplate lines (repeated headlines,
//! section labels, advertisements, photo captions, related links, social
//! prompts, comment forms) and agency furniture (slug lines, timestamps,
//! bylines and credits, end markers, editor's notes), and lines with no
//! words. Every rule matches the shape of a whole line, never the opening
//! words of prose. Every dropped line is recorded with its reason so
//! `--verbose` can show it. Paragraph breaks are kept: the splitter relies on
//! them. No I/O happens here.

use super::load::RawInput;
use super::{Article, DropReason, DroppedLine};
use crate::error::{Error, Result};
use crate::text::at_most_words;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Cleans one raw input into an article.
///
/// Fails only when nothing is left after cleaning.
pub fn clean(raw: RawInput) -> Result<Article> {
    let RawInput { mut meta, text, mut warnings } = raw;
    let mut controls = Controls::default();
    let stripped: Vec<Cow<str>> = text.lines().enumerate().map(|(i, l)| controls.strip(i + 1, l)).collect();
    let lines: Vec<&str> = stripped.iter().map(|l| l.as_ref()).collect();
    let mut dropped = Vec::new();
    let mut first = 0;

    // Front matter: `---`, then `key: value` lines, then `---`.
    if lines.first().is_some_and(|l| l.trim() == "---") {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---").map(|p| p + 1) {
            for (i, line) in lines[..=end].iter().enumerate() {
                dropped.push(DroppedLine { line: i + 1, text: (*line).to_owned(), reason: DropReason::FrontMatter });
                let Some((key, value)) = line.split_once(':') else { continue };
                let value = value.trim().trim_matches('"').to_owned();
                if value.is_empty() {
                    continue;
                }
                match key.trim().to_ascii_lowercase().as_str() {
                    "outlet" | "source" | "publisher" => meta.outlet = value,
                    "title" | "headline" => meta.title = Some(value),
                    "date" | "published" => meta.date = Some(value),
                    "url" | "link" => meta.url = Some(value),
                    "byline" | "author" => meta.byline = Some(value),
                    _ => {}
                }
            }
            first = end + 1;
        } else {
            warnings
                .push(format!("{}: front matter opened with `---` is never closed; read as text", meta.path.display()));
        }
    }

    let mut out = String::with_capacity(text.len());
    let mut last_kept: Option<&str> = None;
    let mut seen_content = false;
    let mut comment_form = false;
    let mut note = Note::Off;
    // A dateline is looked for until the first kept line that ends a
    // sentence: it opens the first paragraph of prose, after any headline.
    let mut dateline_open = true;
    let mut i = first;
    while i < lines.len() {
        let mut line = lines[i];
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
                }
            }
        }
        let trimmed = line.trim();
        let reason = if comment_form {
            Some(DropReason::CommentForm)
        } else if trimmed.is_empty() {
            if note == Note::Paragraph {
                note = Note::Off;
            }
            None
        } else if note != Note::Off {
            note = Note::Paragraph;
            Some(DropReason::EditorsNote)
        } else {
            classify_line(trimmed, last_kept, seen_content, &lines, i)
        };
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
    Ok(Article { meta, text: out, dropped, warnings })
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

/// Decides whether a non-empty line is boilerplate, and which kind.
fn classify_line(
    line: &str,
    last_kept: Option<&str>,
    seen_content: bool,
    lines: &[&str],
    i: usize,
) -> Option<DropReason> {
    // The rules below read a line's opening words or match a short line
    // whole, so only its head is lower-cased (a paragraph of prose costs no
    // more than its first words).
    let lower = lower_head(line);
    let lower = lower.as_str();
    if last_kept == Some(line) {
        return Some(DropReason::RepeatedHeadline);
    }
    if let Some(reason) = wire_furniture(line, seen_content) {
        return Some(reason);
    }
    if lower_if_short(line.trim_end_matches(['.', ':']), "story continues below advertisement".len()).is_some_and(|l| {
        matches!(
            l.as_str(),
            "advertisement"
                | "advertisment"
                | "advert"
                | "sponsored"
                | "sponsored content"
                | "story continues below advertisement"
                | "story continues below"
                | "scroll to continue with content"
                | "continue reading below"
        )
    }) {
        return Some(DropReason::Advertisement);
    }
    // Everything below this point matches a line by how it starts, so it
    // applies only to lines shaped like furniture: short, at most one
    // sentence, not running on into prose on the next line. A one-line
    // article or a paragraph of prose that happens to open with "Photo:" or
    // "Also read" is kept. (The shape is checked last, on a line that opens
    // like furniture: it costs most.)
    opening_furniture(line, lower, seen_content, lines, i).filter(|_| furniture_shaped(line, lines, i))
}

/// Which kind of furniture a line is by its opening words (`lower` is its
/// lower-cased [`head`]), before its shape is checked.
fn opening_furniture(line: &str, lower: &str, seen_content: bool, lines: &[&str], i: usize) -> Option<DropReason> {
    // The comment form drops everything after it, so its opener must be a
    // bare label.
    if starts_with_any(
        lower,
        &["leave a reply", "leave a comment", "post a comment", "comments are closed", "add a comment"],
    ) && at_most_words(line, COMMENT_LABEL_MAX_WORDS)
    {
        return Some(DropReason::CommentForm);
    }
    if starts_with_any(
        lower,
        &["your email address will not be published", "required fields are marked", "save my name, email"],
    ) {
        return Some(DropReason::CommentForm);
    }
    if is_caption_marker(lower) {
        return Some(DropReason::PhotoCaption);
    }
    // A caption line sits directly above its "Photo:" credit, in the same
    // paragraph, and has no closing punctuation of its own.
    if !ends_sentence(line) && lines.get(i + 1).is_some_and(|next| is_caption_marker(lower_head(next.trim()).as_str()))
    {
        return Some(DropReason::PhotoCaption);
    }
    if line.starts_with('|')
        || starts_with_any(
            lower,
            &[
                "also read",
                "read more:",
                "read more ",
                "read also",
                "related:",
                "related articles",
                "related stories",
                "see also:",
                "more from",
                "recommended:",
            ],
        )
    {
        return Some(DropReason::RelatedLink);
    }
    if starts_with_any(
        lower,
        &[
            "follow us on",
            "follow our",
            "subscribe to",
            "sign up for our",
            "share this",
            "share on",
            "click here to",
            "download our app",
            "join our whatsapp",
            "join us on",
            "like us on",
        ],
    ) {
        return Some(DropReason::SocialPrompt);
    }
    // A single word alone in its paragraph, after the headline, is a section
    // label ("Pakistan", "Business"), never a sentence of the story.
    if seen_content
        && !line.contains(char::is_whitespace)
        && line.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
        && lines.get(i + 1).is_none_or(|l| l.trim().is_empty())
        && (i == 0 || lines[i - 1].trim().is_empty())
    {
        return Some(DropReason::SectionLabel);
    }
    None
}

/// The most words a line recognised by its opening words may have.
const FURNITURE_MAX_WORDS: usize = 30;

/// The most words an editor's note line may have.
const EDITORS_NOTE_MAX_WORDS: usize = 60;

/// The most sentence breaks inside an editor's note line.
const EDITORS_NOTE_MAX_BREAKS: usize = 2;

/// The most words a comment-form opener ("Leave a Reply") may have.
const COMMENT_LABEL_MAX_WORDS: usize = 8;

/// Whether line `i` has the shape of page furniture: at most
/// [`FURNITURE_MAX_WORDS`] words, no more than one sentence break inside, and
/// not continued by the next line (a line that ends without punctuation
/// followed by one that starts in lower case is wrapped prose).
fn furniture_shaped(line: &str, lines: &[&str], i: usize) -> bool {
    if !at_most_words(line, FURNITURE_MAX_WORDS) || !at_most_breaks(line, 1) {
        return false;
    }
    let continues = !line.trim_end().ends_with(['.', '!', '?', ':', ';', '|', ')'])
        && lines.get(i + 1).is_some_and(|next| next.trim_start().starts_with(char::is_lowercase));
    !continues
}

/// Whether a sentence ends inside `line` and another starts at most `n`
/// times: `.`, `!` or `?`, then space, then a capital letter or an opening
/// quote. Stops counting at `n + 1`.
fn at_most_breaks(line: &str, n: usize) -> bool {
    let bytes = line.as_bytes();
    line.match_indices(['.', '!', '?'])
        .filter(|(at, _)| {
            bytes.get(at + 1).is_some_and(u8::is_ascii_whitespace)
                && line[at + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201c}' | '\''))
        })
        .nth(n)
        .is_none()
}

/// The most characters of a line's head that [`lower_head`] lower-cases:
/// more than the longest opening any rule reads.
const HEAD_CHARS: usize = 64;

/// The first [`HEAD_CHARS`] characters of `line`.
fn head(line: &str) -> &str {
    if line.len() <= HEAD_CHARS {
        return line;
    }
    if line.as_bytes()[..HEAD_CHARS].is_ascii() {
        return &line[..HEAD_CHARS];
    }
    &line[..line.char_indices().nth(HEAD_CHARS).map_or(line.len(), |(k, _)| k)]
}

/// The [`head`] of `line` lower-cased: what rules that read a line's
/// opening words need.
fn lower_head(line: &str) -> Lower {
    Lower::new(head(line))
}

/// `s` lower-cased when it is short enough to equal a label of `longest`
/// bytes that a rule matches whole (ASCII keeps its length; any other
/// lower-case mapping shrinks a character's bytes at most threefold); `None`
/// otherwise.
fn lower_if_short(s: &str, longest: usize) -> Option<Lower> {
    let limit = if s.is_ascii() { longest } else { 3 * longest };
    (s.len() <= limit).then(|| Lower::new(s))
}

/// A short text lower-cased, on the stack when it is ASCII (every line
/// passes through the rules: this keeps them off the heap).
enum Lower {
    Ascii([u8; HEAD_CHARS], usize),
    Other(String),
}

impl Lower {
    fn new(s: &str) -> Lower {
        if s.len() <= HEAD_CHARS && s.is_ascii() {
            let mut buf = [0; HEAD_CHARS];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            buf[..s.len()].make_ascii_lowercase();
            Lower::Ascii(buf, s.len())
        } else {
            Lower::Other(s.to_lowercase())
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // ASCII is UTF-8.
            Lower::Ascii(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Other(s) => s,
        }
    }
}

fn starts_with_any(lower: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| lower.starts_with(p))
}

fn is_caption_marker(lower: &str) -> bool {
    starts_with_any(
        lower,
        &[
            "photo:",
            "photo credit",
            "photograph:",
            "image:",
            "picture:",
            "file photo",
            "(photo:",
            "credit:",
            "image credit",
            "photo/",
        ],
    )
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', '\''])
}

fn looks_like_headline(line: &str) -> bool {
    !ends_sentence(line) && line.len() < 200
}

/// Splits a glued ` date YYYY-MM-DD ` prefix off a line: returns the date and
/// the rest of the line.
fn glued_date(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("date ")?.trim_start();
    let date = rest.get(..10)?;
    let b = date.as_bytes();
    let is_iso = b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !is_iso {
        return None;
    }
    Some((date, rest[10..].trim_start()))
}

// Agency (wire) copy. Each rule below matches the shape of a whole line (a
// short line of its own), never the opening words of prose: "By Monday, the
// union had ..." and "More than 60 people ..." are sentences of the story.

/// Which kind of agency furniture a non-empty line is, if any.
fn wire_furniture(line: &str, seen_content: bool) -> Option<DropReason> {
    if is_end_marker(line) {
        return Some(DropReason::EndMarker);
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(DropReason::NoWords);
    }
    if is_timestamp(line) {
        return Some(DropReason::Timestamp);
    }
    if is_slug_line(line) {
        return Some(DropReason::SlugLine);
    }
    if is_byline(line, seen_content) || is_credit_line(line) {
        return Some(DropReason::Byline);
    }
    // A note drops its paragraph, so a long line that opens like one (a
    // whole article on one line) is prose.
    if editors_note(line).is_some()
        && at_most_words(line, EDITORS_NOTE_MAX_WORDS)
        && at_most_breaks(line, EDITORS_NOTE_MAX_BREAKS)
    {
        return Some(DropReason::EditorsNote);
    }
    None
}

/// `ENDS`, `end`, `MORE`, `-more-`, `(END)`, `More to follow`, `- 30 -`,
/// `# # #`, alone on the line.
fn is_end_marker(line: &str) -> bool {
    let t = line.trim();
    if t.len() >= 3 && t.chars().all(|c| c == '#' || c.is_whitespace()) {
        return true;
    }
    let core = t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '(' | ')' | '[' | ']' | '*' | '.' | '=' | '_')
    });
    let Some(core) = lower_if_short(core, "more to follow".len()) else { return false };
    let core = core.as_str();
    match core {
        "end" | "ends" | "endit" | "more" | "more to follow" | "more follows" => true,
        // The telegraph's end mark, only between dashes.
        "30" => t.starts_with('-'),
        _ => false,
    }
}

/// A slug or catchline: a line opening with a time and a date (`09:12
/// 14/06/24: Page 1 (HHH) COURTS Quarry ...`), an AP slug (`BC-EU--Quarry`),
/// or a short, mostly capitalised line without closing punctuation that
/// carries a slug code (`Page 1`, `(HHH)`, `--`).
fn is_slug_line(line: &str) -> bool {
    let mut head = line.split_whitespace();
    fn token(w: &str) -> &str {
        w.trim_end_matches([':', ',', ';'])
    }
    if let (Some(a), Some(b)) = (head.next(), head.next()) {
        let (a, b) = (token(a), token(b));
        if (is_time(a) && is_numeric_date(b)) || (is_numeric_date(a) && is_time(b)) {
            return true;
        }
    }
    if at_most_words(line, 1) && (line.starts_with("BC-") || line.contains("--")) && line.contains(char::is_alphabetic)
    {
        return true;
    }
    if ends_sentence(line) || !at_most_words(line, 25) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let page = words.windows(2).any(|w| {
        matches!(w[0], "Page" | "PAGE" | "Pg" | "PG" | "p" | "P")
            && w[1].trim_end_matches([':', ',']).parse::<u32>().is_ok()
    });
    let code = words.iter().any(|w| {
        let inner = w.trim_end_matches([':', ',']).strip_prefix('(').and_then(|x| x.strip_suffix(')'));
        inner.is_some_and(|x| {
            (2..=6).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }) || w.starts_with("BC-")
            || w.contains("--")
    });
    if !(page || code) {
        return false;
    }
    let lettered: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).collect();
    let caps = lettered.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)).count();
    caps >= 2 && caps * 2 >= lettered.len()
}

/// A time or date alone on its line, with at most "Updated", "on", "at", a
/// weekday, a time zone: `10:05 BST 14/06/2024`, `Updated: June 14, 2024
/// 10:05 a.m. EDT`, `2024-06-14T09:12:00Z`. A date needs its day, month and
/// year.
fn is_timestamp(line: &str) -> bool {
    // A time, a date and a day all hold a digit.
    // (A branch-free pass, so that it runs a vector at a time.)
    if !line.bytes().fold(false, |seen, b| seen | b.is_ascii_digit()) {
        return false;
    }
    let (mut time, mut date, mut month, mut day, mut year) = (false, false, false, false, false);
    for raw in line.split_whitespace() {
        let t = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '|' | '(' | ')' | '[' | ']'));
        if t.is_empty() || matches!(t, "-" | "\u{2013}" | "\u{2014}" | "/") {
            continue;
        }
        let lower = t.to_lowercase();
        let word = lower.trim_end_matches('.');
        if is_time(t) || t.split_once('T').is_some_and(|(d, tm)| is_numeric_date(d) && is_time(strip_zone(tm))) {
            time = true;
        } else if is_numeric_date(t) {
            date = true;
        } else if month_word(word) {
            month = true;
        } else if t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y)) {
            year = true;
        } else if day_number(word) {
            day = true;
        } else if !(is_zone(t)
            || crate::lexicon::WEEKDAYS.iter().any(|d| word == *d || (word.len() >= 3 && d.starts_with(word)))
            || matches!(
                word,
                "am" | "pm" | "a.m" | "p.m" | "at" | "on" | "updated" | "published" | "posted" | "last" | "modified"
            ))
        {
            return false;
        }
    }
    time || date || (month && day && year)
}

/// `09:12`, `9.12`, `09:12:30`, `9:12am`.
pub(super) fn is_time(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let t = ["a.m.", "p.m.", "am", "pm"].iter().find_map(|s| lower.strip_suffix(s)).unwrap_or(&lower);
    let sep = if t.contains(':') { ':' } else { '.' };
    let parts: Vec<&str> = t.split(sep).collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    parts[0].len() <= 2
        && parts[0].parse::<u8>().is_ok_and(|h| h <= 24)
        && parts[1..].iter().all(|p| p.len() == 2 && p.parse::<u8>().is_ok_and(|m| m <= 59))
}

/// `14/06/24`, `14.06.2024`, `2024-06-14`.
pub(super) fn is_numeric_date(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(sep) = t.chars().find(|c| matches!(c, '/' | '.' | '-')) else { return false };
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    matches!(lens.as_slice(), [1 | 2, 1 | 2, 2 | 4] | [4, 1 | 2, 1 | 2])
}

/// An ISO time's zone suffix removed: `09:12:00Z`, `09:12+01:00`.
fn strip_zone(t: &str) -> &str {
    let t = t.strip_suffix('Z').unwrap_or(t);
    match t.rfind(['+', '-']) {
        Some(k) if k > 0 => &t[..k],
        _ => t,
    }
}

fn is_zone(t: &str) -> bool {
    const ZONES: &[&str] = &[
        "GMT", "BST", "UTC", "CET", "CEST", "EET", "EEST", "WET", "WEST", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT",
        "MST", "MDT", "PT", "PST", "PDT", "IST", "PKT", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "MSK", "Z",
    ];
    ZONES.contains(&t) || ["GMT+", "GMT-", "UTC+", "UTC-"].iter().any(|p| t.starts_with(p))
}

/// A month's name or its abbreviation (`jun`, `sept`), lower-cased.
fn month_word(word: &str) -> bool {
    crate::lexicon::MONTHS.iter().any(|m| word == *m || (word.len() >= 3 && m.starts_with(word)))
}

/// `14`, `3rd`, `21st` (lower-cased).
fn day_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Wire agencies, lower-cased, as they appear in datelines and bylines.
const AGENCIES: &[&str] = &[
    "reuters",
    "reuters health",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "pa",
    "pa media",
    "pa news",
    "press association",
    "the press association",
    "bloomberg",
    "dow jones",
    "dpa",
    "upi",
    "ansa",
    "efe",
    "xinhua",
    "kyodo",
    "kyodo news",
    "yonhap",
    "tass",
    "interfax",
    "anadolu",
    "anadolu agency",
    "pti",
    "ians",
    "ani",
    "app",
    "aap",
    "cp",
    "the canadian press",
    "canadian press",
    "nzpa",
    "bernama",
    "antara",
    "belga",
    "anp",
];

/// A wire agency's name, or several joined by `/`, `,` or " and "
/// (`Reuters/AP`).
fn is_agency(name: &str) -> bool {
    let lower = name.to_lowercase();
    let parts: Vec<&str> =
        lower.split(['/', ',']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    !parts.is_empty() && parts.iter().all(|p| AGENCIES.contains(p))
}

/// A wire dateline opening `line`: `LONDON (Reuters) - `, `PARIS, June 3
/// (AFP) - `, `WASHINGTON (AP) — ` or a bare `(Reuters) - `. The place is in
/// capitals, the name in brackets a wire agency, and a dash follows. Returns
/// the dateline without its dash, and the rest of the line.
fn dateline(line: &str) -> Option<(&str, &str)> {
    let s = line.trim_start();
    let open = s.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + s[open..].find(')')?;
    if !is_agency(&s[open + 1..close]) {
        return None;
    }
    let place = s[..open].trim();
    if !place.is_empty() && !is_dateline_place(place) {
        return None;
    }
    let after = s[close + 1..].trim_start();
    let rest = ["--", "-", "\u{2013}", "\u{2014}"].iter().find_map(|d| after.strip_prefix(d))?;
    Some((s[..=close].trim(), rest.trim_start()))
}

/// `LONDON`, `RIO DE JANEIRO`, `ST. LOUIS, June 3`, `PARIS, FRANCE`,
/// `BERLIN, 3 June 2024`.
fn is_dateline_place(place: &str) -> bool {
    let caps = |p: &str| {
        let words = p.split_whitespace().count();
        (1..=4).contains(&words)
            && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && p.chars().all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
    };
    let (name, rest) = match place.split_once(',') {
        Some((n, r)) => (n.trim(), Some(r.trim())),
        None => (place, None),
    };
    caps(name)
        && rest.is_none_or(|r| {
            let words: Vec<String> =
                r.split([' ', ',']).filter(|w| !w.is_empty()).map(|w| w.to_lowercase().replace('.', "")).collect();
            caps(r)
                || ((1..=4).contains(&words.len())
                    && words.iter().any(|w| month_word(w))
                    && words.iter().all(|w| month_word(w) || day_number(w) || w.parse::<u16>().is_ok()))
        })
}

/// A word of a person's name: capitalised (`Hollis`, `O'Neill`, `J.`,
/// `HOLLIS`).
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
}

/// Lower-case words that may sit inside names and credits.
const NAME_PARTICLES: &[&str] =
    &["and", "&", "de", "van", "von", "der", "den", "da", "di", "del", "du", "la", "le", "al", "bin", "el", "in", "at"];

/// A byline: `By Jane Hollis, PA News`, `By Jane Hollis, Press
/// Association`, `BY JANE HOLLIS Associated Press`, and (after the headline)
/// a plain `By Jane Hollis`. Every word after "By" is capitalised or a name
/// particle, the first is no weekday or month, and nothing closes a
/// sentence: "By Monday, the union had agreed." is prose.
fn is_byline(line: &str, seen_content: bool) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
    if ends_sentence(line) || line.split_whitespace().count() > 16 {
        return false;
    }
    let mut parts = rest.split(',').map(str::trim);
    let name: Vec<&str> = parts.next().unwrap_or("").split_whitespace().collect();
    let Some(first) = name.first() else { return false };
    let first = first.to_lowercase();
    if !is_name_word(name[0])
        || month_word(&first)
        || crate::lexicon::WEEKDAYS.iter().any(|d| first.starts_with(d))
        || matches!(first.as_str(), "the" | "this" | "that" | "then" | "now" | "far" | "all" | "law" | "noon")
    {
        return false;
    }
    let credit_word = |w: &&str| is_name_word(w) || NAME_PARTICLES.contains(w) || matches!(*w, "of" | "for" | "the");
    if !name.iter().all(|w| is_name_word(w) || NAME_PARTICLES.contains(w)) || name.len() > 8 {
        return false;
    }
    let affiliation: Vec<&str> = parts.collect();
    if affiliation.iter().any(|p| p.is_empty() || !p.split_whitespace().all(|w| credit_word(&w))) {
        return false;
    }
    let names = name.iter().filter(|w| is_name_word(w)).count();
    !affiliation.is_empty() || is_agency(&name.join(" ")) || (seen_content && (2..=5).contains(&names))
}

/// The words of a credit line's roles, lower-cased.
const CREDIT_ROLES: &[&str] = &[
    "reporting",
    "additional",
    "writing",
    "editing",
    "compiled",
    "compiling",
    "research",
    "graphics",
    "production",
    "translation",
    "translated",
    "photos",
    "video",
    "and",
];

/// A Reuters-style credit line: `Reporting by Jane Hollis; Editing by Tom
/// Reed`, `(Reporting by X in Paris; editing by Y)`, `Additional reporting
/// by ...`. Each `;` part is a role, "by", and names (capitalised words and
/// particles): "Reporting by the Guardian found ..." is prose.
fn is_credit_line(line: &str) -> bool {
    let s = line.trim();
    let s = s.strip_prefix('(').map_or(s, |x| x.strip_suffix(')').unwrap_or(x));
    let s = s.trim_end_matches('.');
    // (No role holds a k, the one ASCII letter a non-ASCII one lower-cases
    // to: comparing ASCII case-insensitively is exact.)
    if !s.split_whitespace().next().is_some_and(|w| CREDIT_ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)))
        || !at_most_words(s, 40)
    {
        return false;
    }
    s.split(';').map(str::trim).all(|part| {
        let Some((role, names)) = part.split_once(" by ").or_else(|| part.split_once(" By ")) else { return false };
        let role = role.to_lowercase();
        let role_words: Vec<&str> = role.split_whitespace().collect();
        let names: Vec<&str> = names.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        (1..=3).contains(&role_words.len())
            && role_words.iter().all(|w| CREDIT_ROLES.contains(w))
            && names.first().is_some_and(|w| is_name_word(w))
            && names.iter().all(|w| is_name_word(w) || NAME_PARTICLES.contains(w) || *w == "from")
    })
}

/// An editor's note opening a line: `Editor's note: ...`, `EDITORS NOTE:`,
/// `Note to editors: ...`, `[Editor’s note — ...]`. The label must be
/// followed by a colon or a dash, or end the line: "Editor's notes were
/// leaked" is prose. `Some(true)` when the line is the bare label.
fn editors_note(line: &str) -> Option<bool> {
    let line = line.trim_start_matches(['(', '[']);
    // Every label opens with an e or an n.
    if !line.starts_with(['e', 'E', 'n', 'N']) {
        return None;
    }
    let fold = |s: &str| s.to_lowercase().replace('\u{2019}', "'");
    const LABELS: &[&str] = &[
        "editor's note",
        "editors' note",
        "editors note",
        "editor's notes",
        "editors' notes",
        "editors notes",
        "note to editors",
        "notes to editors",
    ];
    // Most lines open with no label: their head tells, not the whole line.
    let head = fold(head(line));
    if !LABELS.iter().any(|l| head.starts_with(l)) {
        return None;
    }
    let lower = fold(line);
    let after = LABELS.iter().filter_map(|l| lower.strip_prefix(l)).map(str::trim_start).min_by_key(|a| a.len())?;
    let body = if after.is_empty() {
        after
    } else {
        ["--", ":", "-", "\u{2013}", "\u{2014}"].iter().find_map(|d| after.strip_prefix(d))?
    };
    Some(body.trim().trim_end_matches([')', ']']).trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;
    use std::path::PathBuf;

    fn run(text: &str) -> Article {
        let meta = Meta { outlet: "stem".into(), path: PathBuf::from("stem.txt"), ..Meta::default() };
        clean(RawInput { meta, text: text.to_owned(), warnings: vec![] }).unwrap()
    }

    fn reasons(a: &Article) -> Vec<DropReason> {
        a.dropped.iter().map(|d| d.reason).collect()
    }

    #[test]
    fn front_matter_becomes_metadata() {
        let a = run("---\noutlet: The Ledger\ntitle: Port shut\ndate: 2025-03-14\nurl: https://x.example/a\n---\nBody text here.\n");
        assert_eq!(a.meta.outlet, "The Ledger");
        assert_eq!(a.meta.title.as_deref(), Some("Port shut"));
        assert_eq!(a.meta.date.as_deref(), Some("2025-03-14"));
        assert_eq!(a.meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.text, "Body text here.\n");
        assert!(reasons(&a).iter().all(|r| *r == DropReason::FrontMatter));
    }

    #[test]
    fn glued_date_prefix_is_lifted() {
        let a = run(" date 2024-01-02 The council met on Monday.\n\nIt agreed.\n");
        assert_eq!(a.meta.date.as_deref(), Some("2024-01-02"));
        assert!(a.text.starts_with("The council met on Monday."));
        assert_eq!(reasons(&a), vec![DropReason::DatePrefix]);
        assert_eq!(a.meta.outlet, "stem");
    }

    #[test]
    fn boilerplate_is_dropped_with_reasons() {
        let text = "Port strike spreads\n\nPort strike spreads\n\nBusiness\n\nDock crew at the gate\nPhoto: Agency\n\nWorkers walked out.\n\n| Another story headline\nAlso Read: Something else\n\nThey said more.\n\nAdvertisement\n\nFollow us on Twitter\n\nLeave A Reply\n\nYour email address will not be published.\nName\n";
        let a = run(text);
        assert_eq!(a.meta.title.as_deref(), Some("Port strike spreads"));
        assert_eq!(
            reasons(&a),
            vec![
                DropReason::RepeatedHeadline,
                DropReason::SectionLabel,
                DropReason::PhotoCaption,
                DropReason::PhotoCaption,
                DropReason::RelatedLink,
                DropReason::RelatedLink,
                DropReason::Advertisement,
                DropReason::SocialPrompt,
                DropReason::CommentForm,
                DropReason::CommentForm,
                DropReason::CommentForm,
            ]
        );
        let kept: Vec<&str> = a.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(kept, vec!["Port strike spreads", "Workers walked out.", "They said more."]);
    }

    #[test]
    fn ordinary_prose_is_kept() {
        let text =
            "Officials said the talks would resume.\n\nPakistan strikes inside Afghanistan\n\nMore text follows.\n";
        let a = run(text);
        assert!(a.dropped.is_empty());
        assert_eq!(a.text, text);
    }

    #[test]
    fn nothing_left_is_an_error() {
        let meta = Meta { outlet: "x".into(), path: PathBuf::from("x.txt"), ..Meta::default() };
        let err = clean(RawInput { meta, text: "Advertisement\n".into(), warnings: vec![] }).unwrap_err();
        assert!(err.to_string().starts_with("x.txt: "), "{err}");
    }

    /// The lines kept, in order, without blank ones.
    fn kept(a: &Article) -> Vec<&str> {
        a.text.lines().filter(|l| !l.trim().is_empty()).collect()
    }

    /// Cleans `text` after a headline, and returns the reasons for dropping
    /// its lines and the lines kept.
    fn after_headline(text: &str) -> (Vec<DropReason>, Vec<String>) {
        let a = run(&format!("Quarry boss cleared\n\n{text}"));
        (reasons(&a), kept(&a).into_iter().skip(1).map(str::to_owned).collect())
    }

    /// Each line, its own paragraph after a headline, is dropped for `reason`.
    fn assert_dropped(lines: &[&str], reason: DropReason) {
        for line in lines {
            let (r, k) = after_headline(&format!("{line}\n\nThe jury was out for four hours.\n"));
            assert_eq!(r, vec![reason], "{line:?}");
            assert_eq!(k, vec!["The jury was out for four hours."], "{line:?}");
        }
    }

    /// Each line, its own paragraph after a headline, is kept untouched.
    fn assert_kept(lines: &[&str]) {
        for line in lines {
            let (r, k) = after_headline(&format!("{line}\n"));
            assert!(r.is_empty(), "{line:?} was dropped: {r:?}");
            assert_eq!(k, vec![*line]);
        }
    }

    #[test]
    fn slug_lines_are_dropped() {
        assert_dropped(
            &[
                "09:12 14/06/24: Page 1 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF ...",
                "14/06/2024 09:12 COURTS Quarry",
                "Page 2 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF POLLUTION CHARGES",
                "COURTS Quarry (HHH) QUARRY BOSS CLEARED",
                "BC-EU--Britain-Quarry,0412",
            ],
            DropReason::SlugLine,
        );
        // The first line of a file too, and the headline after it is the title.
        let a = run("09:12 14/06/24: Page 1 (HHH) COURTS Quarry\nQuarry boss cleared\n\nThe jury was out.\n");
        assert_eq!(reasons(&a), vec![DropReason::SlugLine]);
        assert_eq!(a.meta.title.as_deref(), Some("Quarry boss cleared"));
    }

    #[test]
    fn slug_lookalikes_are_kept() {
        assert_kept(&[
            "QUARRY BOSS CLEARED OF POLLUTION CHARGES",
            "Page 1 of the report (PDF) was never published, the court heard.",
            "At 09:12 on 14/06/24 the pump failed.",
            "09:12 was the time the pump failed, the court heard.",
            "The EU (EC) said -- again -- that it would not comment.",
        ]);
        // An all-capitals headline is the title, not a catchline.
        let a = run("QUARRY BOSS CLEARED\n\nThe jury was out.\n");
        assert!(a.dropped.is_empty());
        assert_eq!(a.meta.title.as_deref(), Some("QUARRY BOSS CLEARED"));
    }

    #[test]
    fn standalone_timestamps_are_dropped() {
        assert_dropped(
            &[
                "10:05",
                "10:05 BST 14/06/2024",
                "Updated: June 14, 2024 10:05 a.m. EDT",
                "2024-06-14T09:12:00Z",
                "14 June 2024",
                "Friday 14 June 2024 | 9.12pm",
            ],
            DropReason::Timestamp,
        );
        assert_kept(&[
            "10:05 the jury returned.",
            "On Friday at 10:05 the jury returned its verdicts.",
            "June 2024",
            "Friday 14 June",
        ]);
    }

    #[test]
    fn bylines_and_credits_are_dropped() {
        assert_dropped(
            &[
                "By Jane Hollis, PA News",
                "By Jane Hollis, Press Association",
                "By Jane Hollis, PA Political Correspondent, in Westminster",
                "BY JANE HOLLIS Associated Press",
                "By Jane Hollis",
                "By Ana de la Cruz and Tom O'Reilly",
                "Reporting by Jane Hollis; Editing by Tom Reed",
                "(Reporting by Jane Hollis in Hartwell; editing by Tom Reed)",
                "Additional reporting by Ana de la Cruz in Madrid; Writing by Jane Hollis; Editing by Tom Reed",
            ],
            DropReason::Byline,
        );
        // An agency byline before the headline too.
        let a = run("By Jane Hollis, PA News\n\nQuarry boss cleared\n\nThe jury was out.\n");
        assert_eq!(reasons(&a), vec![DropReason::Byline]);
        assert_eq!(a.meta.title.as_deref(), Some("Quarry boss cleared"));
    }

    #[test]
    fn prose_opening_like_a_byline_is_kept() {
        assert_kept(&[
            "By Monday, the union had agreed to return to work.",
            "By Monday, the union had",
            "By the end of the week, talks had collapsed.",
            "By 2030, Hartwell Will Need New Quarries",
            "By Jane Hollis's own account, the pump had failed twice.",
            "Reporting by the Guardian found that the quarry had no permit.",
            "Reporting by the Guardian; Editing by hand",
            "Editing by hand is slow, the clerk said.",
        ]);
        // A title-case headline opening with "By" is the title.
        let a = run("By Land and Sea\n\nThe jury was out.\n");
        assert!(a.dropped.is_empty());
        assert_eq!(a.meta.title.as_deref(), Some("By Land and Sea"));
    }

    #[test]
    fn end_markers_are_dropped() {
        assert_dropped(
            &["end", "ENDS", "MORE", "-more-", "# # #", "###", "(END)", "- 30 -", "More to follow", "-ENDS-"],
            DropReason::EndMarker,
        );
        assert_kept(&[
            "The strike will end on Friday.",
            "End of an era for Hartwell quarry",
            "More than 60 people packed the gallery.",
            "The end.",
            "More rain expected",
            "30",
        ]);
        // A lone "MORE" inside a paragraph is still a marker.
        let (r, k) = after_headline("The jury was out.\nMORE\nIt returned at noon.\n");
        assert_eq!(r, vec![DropReason::EndMarker]);
        assert_eq!(k, vec!["The jury was out.", "It returned at noon."]);
    }

    #[test]
    fn datelines_become_metadata() {
        for (text, dateline, rest) in [
            ("LONDON (Reuters) - The quarry closed.", "LONDON (Reuters)", "The quarry closed."),
            ("WASHINGTON (AP) \u{2014} The quarry closed.", "WASHINGTON (AP)", "The quarry closed."),
            ("PARIS, June 3 (AFP) - The quarry closed.", "PARIS, June 3 (AFP)", "The quarry closed."),
            ("(Reuters) - The quarry closed.", "(Reuters)", "The quarry closed."),
            (
                "ST. LOUIS, Jan. 5 (Reuters/AP) -- The quarry closed.",
                "ST. LOUIS, Jan. 5 (Reuters/AP)",
                "The quarry closed.",
            ),
        ] {
            let a = run(&format!("Quarry closes\n\n{text}\nIt had 40 staff.\n\nLONDON (Reuters) - Later copy.\n"));
            assert_eq!(a.meta.dateline.as_deref(), Some(dateline), "{text}");
            assert_eq!(kept(&a), vec!["Quarry closes", rest, "It had 40 staff.", "LONDON (Reuters) - Later copy."]);
            assert_eq!(reasons(&a), vec![DropReason::Dateline]);
            assert_eq!(a.dropped[0].line, 3);
            assert_eq!(a.dropped[0].text.trim(), text[..text.len() - rest.len()].trim());
        }
        // With a glued date, and as the very first line.
        let a = run(" date 2024-06-14 HARTWELL (PA) - The quarry closed.\n");
        assert_eq!((a.meta.date.as_deref(), a.meta.dateline.as_deref()), (Some("2024-06-14"), Some("HARTWELL (PA)")));
        assert_eq!(a.text, "The quarry closed.\n");
        // Alone on its line, before the paragraph it opens.
        let a = run("LONDON (Reuters) -\nThe quarry closed.\n");
        assert_eq!(a.meta.dateline.as_deref(), Some("LONDON (Reuters)"));
        assert_eq!(a.text, "The quarry closed.\n");
    }

    #[test]
    fn dateline_lookalikes_are_kept() {
        for text in [
            // Not a wire agency: the outlet's own dateline stays in the text.
            "NORTHPORT (Meridian Wire) \u{2013} About 1,200 workers walked out.",
            "ISLAMABAD (Web Desk) \u{2013} The minister spoke.",
            "The Associated Press (AP) - a news agency - said so.",
            "Officials in LONDON (Reuters) said nothing.",
            "London (Reuters) - lower-case place names are prose.",
        ] {
            let a = run(&format!("{text}\n"));
            assert!(a.dropped.is_empty(), "{text}: {:?}", a.dropped);
            assert_eq!(a.meta.dateline, None);
            assert_eq!(a.text, format!("{text}\n"));
        }
        // After the first paragraph of prose, a dateline is text.
        let a = run("The quarry closed.\n\nLONDON (Reuters) - More copy.\n");
        assert!(a.dropped.is_empty());
    }

    #[test]
    fn control_characters_are_removed_and_counted_once() {
        let a = run("Quarry closes\n\n\u{19}The jury was out.\n\n\u{19}It returned\u{85}at noon\u{7}.\n\n\u{19}\n");
        assert_eq!(a.text, "Quarry closes\n\nThe jury was out.\n\nIt returned at noon.\n\n\n");
        assert_eq!(reasons(&a), vec![DropReason::ControlCharacters]);
        assert_eq!(a.dropped[0].line, 3);
        assert_eq!(a.dropped[0].text, "5 removed from the text (U+0007 x1, U+0019 x3, U+0085 x1)");
        // Tabs and CRLF line ends are not control characters to remove.
        let a = run("Quarry closes\r\n\r\nThe jury\twas out.\r\n");
        assert!(a.dropped.is_empty());
        assert_eq!(a.text, "Quarry closes\n\nThe jury\twas out.\n");
    }

    #[test]
    fn control_characters_do_not_hide_furniture() {
        let a = run("\u{19}By Jane Hollis, PA News\n\n\u{19}LONDON (Reuters) - The jury was out.\n\n\u{19}ENDS\n");
        assert_eq!(
            reasons(&a),
            vec![DropReason::Byline, DropReason::ControlCharacters, DropReason::Dateline, DropReason::EndMarker]
        );
        assert_eq!(a.text, "\nThe jury was out.\n\n");
    }

    /// Prose that opens with the words of a boilerplate rule: a whole
    /// article on one line, and a paragraph of several sentences.
    const PROSE_OPENINGS: &[&str] =
        &["Photo:", "| ", "Also Read:", "Follow us", "Leave a reply", "Editor's note:", "Related:", "Subscribe to"];

    fn prose_after(opening: &str) -> String {
        format!(
            "{opening} the council met on Monday to discuss the strike. Workers walked out at dawn. \
             The harbour master said 14 ships were waiting. Talks resume on Friday, officials said."
        )
    }

    #[test]
    fn prose_that_opens_like_boilerplate_is_kept() {
        for opening in PROSE_OPENINGS {
            // A whole article on one line.
            let text = prose_after(opening);
            let a = run(&format!("{text}\n"));
            assert!(a.dropped.is_empty(), "{opening:?}: {:?}", a.dropped);
            assert_eq!(a.text.trim(), text);
            // A paragraph inside an article, and everything after it.
            let (r, k) = after_headline(&format!("{text}\n\nThe jury was out.\n"));
            assert!(r.is_empty(), "{opening:?}: {r:?}");
            assert_eq!(k, vec![text.as_str(), "The jury was out."]);
        }
        // Hard-wrapped prose: the next line carries on the sentence.
        let (r, k) = after_headline("Also read by the clerk was a letter\nfrom the union.\n");
        assert!(r.is_empty(), "{r:?}");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn short_boilerplate_lines_are_still_dropped() {
        assert_dropped(
            &["Photo: Reuters/Jane Doe", "Photo: The harbour at dawn. (AP Photo/Jo Lee)"],
            DropReason::PhotoCaption,
        );
        assert_dropped(&["Also Read: Strike talks collapse", "| Home | World | Sport"], DropReason::RelatedLink);
        assert_dropped(&["Follow us on Twitter for the latest news."], DropReason::SocialPrompt);
    }

    #[test]
    fn editors_notes_are_dropped() {
        assert_dropped(
            &[
                "Editor's note: This story was corrected at 10:05.",
                "EDITORS NOTE: Contains details some readers may find distressing",
                "Editor\u{2019}s Note \u{2014} This story has been updated.",
                "[Editor's note: Mr Colbeck is 58, not 56.]",
                "Note to editors: pictures are available.",
            ],
            DropReason::EditorsNote,
        );
        // The note's paragraph goes with it.
        let (r, k) =
            after_headline("Editor's note: this story was corrected.\nMr Colbeck is 58.\n\nThe jury was out.\n");
        assert_eq!(r, vec![DropReason::EditorsNote; 2]);
        assert_eq!(k, vec!["The jury was out."]);
        // A bare label takes the next paragraph with it.
        let (r, k) =
            after_headline("Note to editors:\n\nPictures are available.\nCall the desk.\n\nThe jury was out.\n");
        assert_eq!(r, vec![DropReason::EditorsNote; 3]);
        assert_eq!(k, vec!["The jury was out."]);
        assert_kept(&[
            "Editor's notes from the meeting were leaked to the press.",
            "Editors noted the change, the court heard.",
            "The editor's note: nobody read it.",
            "Note to editors everywhere: the union wants a word.",
        ]);
    }

    #[test]
    fn no_sentence_is_empty_or_wordless() {
        let a = run("Quarry closes\n\n\u{19}\n\n* * *\n\n\u{2014}\n\n...\n\n\u{200b}\n\n\u{19}\u{7f}\n\n(  )\n\nThe jury was out.\n\n--\n");
        assert_eq!(kept(&a), vec!["Quarry closes", "The jury was out."]);
        assert_eq!(a.dropped.iter().filter(|d| d.reason == DropReason::NoWords).count(), 6);
        for span in crate::segment::split(&a.text) {
            assert!(a.text[span.start..span.end].chars().any(char::is_alphanumeric), "{span:?}");
        }
        // Only furniture and control characters left: nothing to compare.
        let meta = Meta { outlet: "x".into(), path: PathBuf::from("x.txt"), ..Meta::default() };
        let raw = RawInput { meta, text: "\u{19}MORE\n\n\u{19}\n\n* * *\n".into(), warnings: vec![] };
        assert!(clean(raw).is_err());
    }

    proptest::proptest! {
        #[test]
        fn cleaning_never_panics_and_leaves_no_control_characters(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("MORE".to_owned()),
                    proptest::strategy::Just("By Jane Hollis, PA News".to_owned()),
                    proptest::strategy::Just("LONDON, June 3 (Reuters) -".to_owned()),
                    proptest::strategy::Just("Note to editors:".to_owned()),
                    proptest::strategy::Just("09:12 14/06/24: Page 1".to_owned()),
                    proptest::strategy::Just(String::new()),
                    "[\\x00-\\x20a-zA-Z0-9 :/().,;#\\-\u{2014}\u{85}\u{9f}]{0,40}",
                    "\\PC{0,30}",
                ],
                0..12,
            )
        ) {
            let meta = Meta { outlet: "p".into(), path: PathBuf::from("p.txt"), ..Meta::default() };
            if let Ok(a) = clean(RawInput { meta, text: lines.join("\n"), warnings: vec![] }) {
                proptest::prop_assert!(!a.text.chars().any(is_stray_control), "{:?}", a.text);
                proptest::prop_assert!(a.text.lines().all(|l| l.trim().is_empty() || l.chars().any(char::is_alphanumeric)));
                for span in crate::segment::split(&a.text) {
                    proptest::prop_assert!(!a.text[span.start..span.end].trim().is_empty());
                }
            }
        }
    }
}
