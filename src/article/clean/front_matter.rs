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
                    "date" | "published" => match super::super::dates::normalize(&value) {
                        Some(date) => meta.date = Some(date),
                        None => {
                            warnings.push(super::super::dates::not_a_date(&meta.path.display().to_string(), &value))
                        }
                    },
                    "url" | "link" => meta.url = Some(value),
                    "byline" | "author" => meta.byline = Some(value),
                    _ => {}
                }
            }
            return end + 1;
        } else {
            warnings
                .push(format!("{}: front matter opened with `---` is never closed; read as text", meta.path.display()));
        }
    }
    0
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
