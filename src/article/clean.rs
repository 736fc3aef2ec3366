//! Cleaning: raw article text in, [`Article`] out.
//!
//! Reads the optional `---` front-matter block and a glued ` date YYYY-MM-DD `
//! prefix into [`Meta`], and drops boilerplate lines (repeated headlines,
//! section labels, advertisements, photo captions, related links, social
//! prompts, comment forms). Every dropped line is recorded with its reason so
//! `--verbose` can show it. Paragraph breaks are kept: the splitter relies on
//! them. No I/O happens here.

use super::load::RawInput;
use super::{Article, DropReason, DroppedLine};
use crate::error::{Error, Result};

/// Cleans one raw input into an article.
///
/// Fails only when nothing is left after cleaning.
pub fn clean(raw: RawInput) -> Result<Article> {
    let RawInput { mut meta, text, mut warnings } = raw;
    let lines: Vec<&str> = text.lines().collect();
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
    let mut i = first;
    while i < lines.len() {
        let mut line = lines[i];
        let trimmed = line.trim();
        let reason = if comment_form {
            Some(DropReason::CommentForm)
        } else if trimmed.is_empty() {
            None
        } else {
            classify_line(trimmed, last_kept, seen_content, &lines, i)
        };
        if let Some(reason) = reason {
            if reason == DropReason::CommentForm {
                comment_form = true;
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
        if !trimmed.is_empty() {
            if !seen_content && meta.title.is_none() && looks_like_headline(line.trim()) {
                meta.title = Some(line.trim().to_owned());
            }
            seen_content = true;
            last_kept = Some(line.trim());
        }
        out.push_str(line.trim_end());
        out.push('\n');
        i += 1;
    }
    if out.trim().is_empty() {
        return Err(Error::Empty { path: meta.path.clone(), what: "no article text left after removing boilerplate" });
    }
    Ok(Article { meta, text: out, dropped, warnings })
}

/// Decides whether a non-empty line is boilerplate, and which kind.
fn classify_line(
    line: &str,
    last_kept: Option<&str>,
    seen_content: bool,
    lines: &[&str],
    i: usize,
) -> Option<DropReason> {
    let lower = line.to_lowercase();
    let lower = lower.as_str();
    if last_kept == Some(line) {
        return Some(DropReason::RepeatedHeadline);
    }
    if matches!(
        lower.trim_end_matches(['.', ':']),
        "advertisement"
            | "advertisment"
            | "advert"
            | "sponsored"
            | "sponsored content"
            | "story continues below advertisement"
            | "story continues below"
            | "scroll to continue with content"
            | "continue reading below"
    ) {
        return Some(DropReason::Advertisement);
    }
    if starts_with_any(
        lower,
        &["leave a reply", "leave a comment", "post a comment", "comments are closed", "add a comment"],
    ) {
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
    if lines.get(i + 1).is_some_and(|next| is_caption_marker(&next.trim().to_lowercase())) && !ends_sentence(line) {
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
}
