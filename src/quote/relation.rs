//! How two outlets' versions of a quotation relate (verbatim, trimmed,
//! altered), and whether two speakers are the same person.

use super::words::{is_named, same_speaker};
use super::QuoteStatus;
use crate::normalize::{Token, TokenKind};
use std::collections::HashSet;

/// Two versions of a quotation share at least this fraction of the shorter
/// one's content words: below it they are different quotations.
pub(super) const SAME_QUOTE_OVERLAP: f32 = 0.5;
/// An altered version shares at least this Dice coefficient of content words
/// with the quotation...
const ALTERED_DICE: f32 = 0.5;
/// ... or, when it is much shorter, three words and this fraction of its own.
const ALTERED_TRIMMED_OVERLAP: f32 = 0.75;
/// A sentence without quote marks that holds this fraction of a quotation's
/// content words paraphrases it.
pub(super) const PARAPHRASE_OVERLAP: f32 = 0.6;

/// Content keys of tokens: the words that carry meaning.
pub(super) fn content_keys(tokens: &[Token]) -> HashSet<&str> {
    tokens.iter().filter(|t| t.kind != TokenKind::Stop).map(|t| t.key.as_str()).collect()
}

/// The fraction of the smaller side's content words that the other has.
pub fn overlap(a: &[Token], b: &[Token]) -> f32 {
    let (ka, kb) = (content_keys(a), content_keys(b));
    let small = ka.len().min(kb.len());
    if small == 0 {
        return 0.0;
    }
    ka.intersection(&kb).count() as f32 / small as f32
}

/// A text's letters and digits, lower case (quote glyphs folded first):
/// what is left when spaces, hyphens and full stops, which house style
/// sets, are taken out.
fn letters(text: &str) -> String {
    text.chars().map(crate::normalize::fold_char).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// How two quotations relate, or `None` when they are different quotations.
/// `a_text`/`b_text` are the quoted words (to spot an ellipsis marking an
/// omission).
pub fn relate(a: &[Token], a_text: &str, b: &[Token], b_text: &str) -> Option<QuoteStatus> {
    let ka: Vec<&str> = a.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|t| t.key.as_str()).collect();
    // The same words, or the same letters set as one word or two ("data
    // centers" / "datacenters", "e-mail" / "email", "F.B.I." / "FBI").
    if ka == kb || letters(a_text) == letters(b_text) {
        return Some(QuoteStatus::Verbatim);
    }
    let shared = content_keys(a).intersection(&content_keys(b)).count();
    if shared < 2 || overlap(a, b) < SAME_QUOTE_OVERLAP {
        return None;
    }
    let (short, long, short_text) = if ka.len() <= kb.len() { (&ka, &kb, a_text) } else { (&kb, &ka, b_text) };
    if long.windows(short.len()).any(|w| w == short.as_slice()) {
        return Some(QuoteStatus::Trimmed);
    }
    let marked = short_text.contains('\u{2026}') || short_text.contains("...");
    if marked && is_subsequence(short, long) {
        return Some(QuoteStatus::Trimmed);
    }
    // An altered version keeps most of the words on both sides: half of all
    // content words shared (Dice), or three and more shared and nearly all
    // of the shorter one's (a trimmed quotation with a word changed). Two
    // words in common ("still ... soil") make two quotations, not one
    // altered.
    let (na, nb) = (content_keys(a).len(), content_keys(b).len());
    let dice = 2.0 * shared as f32 / (na + nb) as f32;
    if dice >= ALTERED_DICE || (shared >= 3 && overlap(a, b) >= ALTERED_TRIMMED_OVERLAP) {
        Some(QuoteStatus::Altered)
    } else {
        None
    }
}

fn is_subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.iter().all(|s| it.any(|l| l == s))
}

/// Both name a speaker, and not the same one. A speaker described, not
/// named ("a Bukit Sama village resident", "an Interior Department
/// official"), may be the one the other names: no change can be told.
pub fn speakers_differ(a: &Option<String>, b: &Option<String>) -> bool {
    let described = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        matches!(first.as_str(), "a" | "an" | "one")
    };
    match (a, b) {
        (Some(a), Some(b)) => is_named(a) && is_named(b) && !described(a) && !described(b) && !same_speaker(a, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_style_leaves_a_quotation_verbatim() {
        // One word or two, a hyphen or an abbreviation's full stops.
        let rel = |a: &str, b: &str| relate(&crate::normalize::tokens(a), a, &crate::normalize::tokens(b), b);
        for (a, b) in
            [("build data centers for the F.B.I.", "build datacenters for the FBI"), ("an e-mail", "an email")]
        {
            assert_eq!(rel(a, b), Some(QuoteStatus::Verbatim), "{a}");
        }
        assert_ne!(rel("build data centers for the FBI", "build datacenters for the CIA"), Some(QuoteStatus::Verbatim));
    }
}
