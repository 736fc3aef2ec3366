//! Web-page furniture: comment forms, photo captions, related links,
//! social prompts and section labels, each recognised by its opening words
//! on a line shaped like furniture.

use super::shape::{ends_sentence, lower_head, lower_if_short, starts_with_any};
use crate::article::DropReason;
use crate::text::at_most_words;

/// Which kind of furniture a line is by its opening words (`lower` is its
/// lower-cased [`head`]), before its shape is checked.
pub(super) fn opening_furniture(
    line: &str,
    lower: &str,
    seen_content: bool,
    lines: &[&str],
    i: usize,
) -> Option<DropReason> {
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

/// The most words a comment-form opener ("Leave a Reply") may have.
pub(super) const COMMENT_LABEL_MAX_WORDS: usize = 8;

pub(super) fn is_caption_marker(lower: &str) -> bool {
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

/// A line that is an advertisement label ("Advertisement", "Story
/// continues below advertisement"), matched whole.
pub(super) fn is_advertisement(line: &str) -> bool {
    lower_if_short(line.trim_end_matches(['.', ':']), "story continues below advertisement".len()).is_some_and(|l| {
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
    })
}
