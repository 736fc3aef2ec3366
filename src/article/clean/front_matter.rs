//! What opens a file: the `---` front-matter block, a glued
//! ` date YYYY-MM-DD ` prefix and a headline line, read into [`Meta`].

use super::shape::ends_sentence;
use crate::article::{DropReason, DroppedLine, Meta};

/// Reads the `---` front-matter block that may open `lines` (`key: value`
/// lines, then `---`) into `meta`, recording its lines as dropped; returns
/// the index of the first line after it (0 when there is none). A block
/// that is never closed is read as text, with a warning.
pub(super) fn read(
    lines: &[&str],
    meta: &mut Meta,
    dropped: &mut Vec<DroppedLine>,
    warnings: &mut Vec<String>,
) -> usize {
    // Front matter: `---`, then `key: value` lines, then `---`.
    if lines.first().is_some_and(|l| l.trim() == "---") {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---").map(|p| p + 1) {
            // Each field's count, and the line repeating it first: a field
            // given twice is said once, however often it repeats.
            let mut seen: Vec<(&str, usize, usize)> = Vec::new();
            for (i, line) in lines[..=end].iter().enumerate() {
                dropped.push(DroppedLine { line: i + 1, text: (*line).to_owned(), reason: DropReason::FrontMatter });
                let Some((key, value)) = line.split_once(':') else { continue };
                let value = unquote(value.trim());
                if value.is_empty() {
                    continue;
                }
                let field = field_of(&key.trim().to_ascii_lowercase());
                if let Some(field) = field {
                    match seen.iter_mut().find(|x| x.0 == field) {
                        Some(x) => {
                            x.1 += 1;
                            x.2 = x.2.min(i + 1);
                        }
                        None => seen.push((field, 1, usize::MAX)),
                    }
                }
                match field.unwrap_or("") {
                    "outlet" => meta.outlet = value,
                    "title" => meta.title = Some(value),
                    "date" => match super::super::dates::normalize(&value) {
                        Some(date) => meta.date = Some(date),
                        None => {
                            warnings.push(super::super::dates::not_a_date(&meta.path.display().to_string(), &value))
                        }
                    },
                    "url" => meta.url = Some(value),
                    "byline" => meta.byline = Some(value),
                    _ => {}
                }
            }
            for (field, n, line) in seen.into_iter().filter(|x| x.1 > 1) {
                let times = if n == 2 { "again".to_owned() } else { format!("again ({n} times in all)") };
                warnings.push(format!(
                    "{}: front matter line {line} gives the {field} {times}; the last one is kept",
                    meta.path.display()
                ));
            }
            return end + 1;
        } else {
            warnings
                .push(format!("{}: front matter opened with `---` is never closed; read as text", meta.path.display()));
        }
    }
    0
}

/// The metadata field a front-matter key sets, under its canonical name.
fn field_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "outlet" | "source" | "publisher" => "outlet",
        "title" | "headline" => "title",
        "date" | "published" => "date",
        "url" | "link" => "url",
        "byline" | "author" => "byline",
        _ => return None,
    })
}

/// A front-matter value as YAML reads a scalar on one line: a value wholly
/// inside double quotes loses them and its `\"` and `\\` escapes are read
/// (`\n` and `\t` become a space: metadata is one line); one inside single
/// quotes loses them and `''` is one quote. Anything else, or a quoted
/// value with a bare quotation mark inside (`"Enough" says "union"`, which
/// YAML would refuse), is kept as written, quotation marks and all.
fn unquote(value: &str) -> String {
    let inside = |q: char| value.len() >= 2 && value.starts_with(q) && value.ends_with(q);
    if inside('\'') {
        let inner = &value[1..value.len() - 1];
        if inner.replace("''", "").contains('\'') {
            return value.to_owned();
        }
        return inner.replace("''", "'").trim().to_owned();
    }
    if !inside('"') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value[1..value.len() - 1].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return value.to_owned(),
            '\\' => match chars.next() {
                Some('n' | 't') => out.push(' '),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Splits a glued ` date YYYY-MM-DD ` prefix off a line: returns the date and
/// the rest of the line.
pub(super) fn glued_date(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("date ")?.trim_start();
    let date = super::super::dates::real_iso_day(rest)?;
    Some((date, rest[10..].trim_start()))
}

pub(super) fn looks_like_headline(line: &str) -> bool {
    !ends_sentence(line) && line.len() < 200
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn meta_of(block: &str) -> (Meta, Vec<String>) {
        let lines: Vec<&str> = block.lines().collect();
        let mut meta = Meta { path: PathBuf::from("a.txt"), ..Meta::default() };
        let (mut dropped, mut warnings) = (Vec::new(), Vec::new());
        read(&lines, &mut meta, &mut dropped, &mut warnings);
        (meta, warnings)
    }

    #[test]
    fn quoted_values_lose_their_quotes() {
        let (meta, warnings) =
            meta_of("---\ntitle: \"Strike: \\\"talks\\\" resume\"\noutlet: 'The Ledger''s desk'\nauthor: \"\"\n---");
        assert_eq!(meta.title.as_deref(), Some("Strike: \"talks\" resume"));
        assert_eq!(meta.outlet, "The Ledger's desk");
        assert_eq!(meta.byline, None);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn values_that_only_hold_quotes_are_kept_whole() {
        let (meta, _) = meta_of("---\ntitle: \"Enough\" says union\nsource: \"Enough\" and \"more\"\n---");
        assert_eq!(meta.title.as_deref(), Some("\"Enough\" says union"));
        assert_eq!(meta.outlet, "\"Enough\" and \"more\"");
        let (meta, _) = meta_of("---\ntitle: 'it's'\n---");
        assert_eq!(meta.title.as_deref(), Some("'it's'"));
    }

    #[test]
    fn a_line_ending_on_a_full_width_stop_is_no_headline() {
        assert!(!looks_like_headline("\u{6e2f}\u{53e3}\u{7f62}\u{5de5}\u{3002}"));
        assert!(!looks_like_headline("\u{300c}\u{597d}\u{ff01}\u{300d}"));
        assert!(looks_like_headline("\u{6e2f}\u{53e3}\u{7f62}\u{5de5}"));
    }

    #[test]
    fn a_repeated_field_warns_and_the_last_is_kept() {
        let (meta, warnings) = meta_of("---\ntitle: First\nheadline: Second\noutlet: X\n---");
        assert_eq!(meta.title.as_deref(), Some("Second"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("a.txt") && warnings[0].contains("line 3") && warnings[0].contains("title"));
        // However often a field repeats, one line says so.
        let block = format!("---\n{}outlet: X\n---", "title: T\n".repeat(5000));
        let (meta, warnings) = meta_of(&block);
        assert_eq!(meta.outlet, "X");
        assert_eq!(warnings.len(), 1, "{}", warnings.len());
        assert!(
            warnings[0].ends_with("line 3 gives the title again (5000 times in all); the last one is kept"),
            "{}",
            warnings[0]
        );
    }
}
