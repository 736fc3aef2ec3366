//! Normalisation for matching: sentence text in, comparison keys out.
//!
//! Reports always show the original text; this module only produces keys.
//! [`tokens`] folds each word through Unicode NFKC, quote/dash/apostrophe
//! glyph folding, case folding, British to American spelling, spelled-out
//! numbers and digit grouping (`7,000` = `7000` = "seven thousand" is out of
//! scope, but `seven` = `7`), contractions (`won't` = `will not`, `we've` =
//! `we have`) and
//! Snowball stemming. Each token keeps its byte span in the sentence, so the
//! classifier can point at the exact words that differ. [`fold_glyphs`] is the
//! light folding behind the `same` status.

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// What a token is, for weighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A content word.
    Word,
    /// A capitalised word that does not start the sentence: likely a name.
    Name,
    /// A number (digits, or a spelled-out number one to twelve).
    Number,
    /// A function word ("the", "of") or a single letter.
    Stop,
}

/// One comparison token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised key that matching compares (inline, without a heap
    /// allocation, when short: almost every key is).
    pub key: CompactString,
    /// Byte offset of the word's first byte in the sentence.
    pub start: usize,
    /// Byte offset one past the word's last byte.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Folds typographic variants to ASCII: curly quotes and apostrophes,
/// primes, dashes and the ellipsis character.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{00b4}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => ' ',
        c => c,
    }
}

/// The light folding that decides `same`: NFKC, glyph folding and collapsed
/// whitespace. Case and wording are kept.
pub fn fold_glyphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc().map(fold_char) {
        if c == '\u{2026}' {
            out.push_str("...");
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Splits a sentence into normalised tokens.
pub fn tokens(sentence: &str) -> Vec<Token> {
    let mut res = Vec::new();
    let bytes = sentence.as_bytes();
    let mut iter = sentence.char_indices().peekable();
    let mut first_word = true;
    while let Some((start, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        // House style: "F.B.I." is "FBI", "U.S." is "US".
        if let Some((end, letters)) = dotted_acronym(sentence, start) {
            while iter.peek().is_some_and(|&(i, _)| i < end) {
                iter.next();
            }
            push_word(&letters, start, end, !first_word, &mut res);
            first_word = false;
            continue;
        }
        // A word runs over alphanumerics, apostrophes inside words, and
        // `,`/`.` between digits (7,000 and 3.5).
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            let next_is_alnum = sentence[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
            let inner_apostrophe = matches!(fold_char(c), '\'') && next_is_alnum;
            let digit_sep = matches!(c, ',' | '.')
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if c.is_alphanumeric() || inner_apostrophe || digit_sep {
                end = i + c.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let word = &sentence[start..end];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // Text tokenised for a corpus sets a contraction or a possessive
        // apart ("hadn ’ t", "team ’ s"): one word, as written unspaced.
        if let Some((suffix, spaced_end)) = spaced_clitic(sentence, end) {
            while iter.peek().is_some_and(|&(i, _)| i < spaced_end) {
                iter.next();
            }
            let joined = format!("{word}'{suffix}");
            push_word(&joined, start, spaced_end, capitalised && !first_word, &mut res);
            first_word = false;
            continue;
        }
        push_word(word, start, end, capitalised && !first_word, &mut res);
        first_word = false;
    }
    res
}

/// A clitic set apart by spaces after the word ending at `end` (" ’ t",
/// " ' s", " ’ ll"): the clitic and where it ends.
fn spaced_clitic(s: &str, end: usize) -> Option<(&str, usize)> {
    let rest = s[end..].strip_prefix(' ')?;
    let apostrophe = rest.chars().next().filter(|&c| fold_char(c) == '\'')?;
    let rest = rest[apostrophe.len_utf8()..].strip_prefix(' ')?;
    let len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let clitic = &rest[..len];
    let known = matches!(clitic, "s" | "t" | "ll" | "re" | "ve" | "d" | "m");
    // "n ’ t" needs the word to end in "n" ("hadn ’ t"); the others follow
    // any word.
    let fits = clitic != "t" || s[..end].ends_with(['n', 'N']);
    (known && fits).then(|| (clitic, s.len() - rest.len() + len))
}

/// A dotted acronym at `start` ("F.B.I.", "U.S."): two or more capital
/// letters each followed by a full stop, and no letter after. Returns where
/// it ends and its letters.
fn dotted_acronym(s: &str, start: usize) -> Option<(usize, String)> {
    let b = s.as_bytes();
    let mut i = start;
    let mut letters = String::new();
    while i + 1 < b.len() && b[i].is_ascii_uppercase() && b[i + 1] == b'.' {
        letters.push(b[i] as char);
        i += 2;
    }
    let followed_by_letter = b.get(i).is_some_and(|c| c.is_ascii_alphabetic());
    (letters.len() >= 2 && !followed_by_letter).then_some((i, letters))
}

/// Pronouns whose contracted verb ("'ve", "'re", "'ll", "'m") is read as
/// the verb.
const CONTRACTING_PRONOUNS: &[&str] =
    &["he", "here", "i", "it", "she", "that", "there", "they", "we", "what", "where", "who", "you"];

fn push_word(word: &str, start: usize, end: usize, capitalised: bool, res: &mut Vec<Token>) {
    // ASCII words (nearly all of English news) need no Unicode folding.
    let mut lower: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfkc().map(fold_char).flat_map(char::to_lowercase).collect()
    };
    // Possessives and contractions.
    if let Some(stripped) = lower.strip_suffix("'s") {
        lower.truncate(stripped.len());
    }
    // "cant" and "didnt" are "can't" and "didn't" typed without the
    // apostrophe ("wont" and "aint" are words of their own).
    let bare = match lower.as_str() {
        "cant" | "dont" | "doesnt" | "didnt" | "isnt" | "wasnt" | "arent" | "werent" | "couldnt" | "wouldnt"
        | "shouldnt" | "havent" | "hasnt" | "hadnt" => Some(lower.len() - 2),
        _ => None,
    };
    if let Some(cut) = bare {
        lower.replace_range(cut.., "n't");
    }
    if let Some(base) = lower.strip_suffix("n't") {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        };
        push_key(base.to_owned(), start, end, TokenKind::Stop, res);
        push_key("not".to_owned(), start, end, TokenKind::Stop, res);
        return;
    }
    // "we've", "they're", "you'll", "I'm" are the pronoun and its verb
    // ("we have"); only after a pronoun ("O'Neill" is a name), and not "'d"
    // (had or would).
    for (suffix, verb) in [("'ve", "have"), ("'re", "are"), ("'ll", "will"), ("'m", "am")] {
        if let Some(base) = lower.strip_suffix(suffix).filter(|b| CONTRACTING_PRONOUNS.contains(b)) {
            push_key(base.to_owned(), start, end, TokenKind::Stop, res);
            push_key(verb.to_owned(), start, end, TokenKind::Stop, res);
            return;
        }
    }
    lower.retain(|c| c != '\'');
    if lower.is_empty() {
        return;
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let mut key: String = lower.chars().filter(|&c| c != ',').collect();
        // A unit glued to its number is the number and the unit ("55km"
        // is "55 km"); a glued "m" may be a million and stays.
        let figure = key.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
        let glued = &key[figure..];
        let unit = crate::lexicon::unit_word(glued).filter(|_| !crate::lexicon::glued_unit_may_be_million(glued));
        if unit.is_some() {
            key.truncate(figure);
        }
        if key.contains('.') {
            key = key.trim_end_matches('0').trim_end_matches('.').to_owned();
        }
        push_key(key, start, end, TokenKind::Number, res);
        if let Some((_, _, name)) = unit {
            push_key(name, start, end, TokenKind::Stop, res);
        }
        return;
    }
    if let Some(n) = spelled_number(&lower).or_else(|| spelled_ordinal(&lower)) {
        push_key(n.to_owned(), start, end, TokenKind::Number, res);
        return;
    }
    // Units of measure, spelled out or not, share a key ("kilometres" is
    // "km"); a capitalised one is a name ("Scotland Yard").
    if let Some((_, _, name)) = crate::lexicon::unit_word(&lower).filter(|_| !capitalised) {
        push_key(name, start, end, TokenKind::Stop, res);
        return;
    }
    if lower.chars().count() == 1 || is_stop_word(&lower) {
        push_key(lower, start, end, TokenKind::Stop, res);
        return;
    }
    let american = americanize(&lower);
    let key = stemmer().stem(&american).into_owned();
    let kind = if capitalised { TokenKind::Name } else { TokenKind::Word };
    push_key(key, start, end, kind, res);
}

fn push_key(key: impl Into<CompactString>, start: usize, end: usize, kind: TokenKind, res: &mut Vec<Token>) {
    res.push(Token { key: key.into(), start, end, kind });
}

fn spelled_number(w: &str) -> Option<&'static str> {
    Some(match w {
        "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" => "12",
        _ => return None,
    })
}

/// Ordinals spelled out, from "third" ("first" and "second" are more often
/// no count: "first choice", "a second").
fn spelled_ordinal(w: &str) -> Option<&'static str> {
    Some(match w {
        "third" => "3rd",
        "fourth" => "4th",
        "fifth" => "5th",
        "sixth" => "6th",
        "seventh" => "7th",
        "eighth" => "8th",
        "ninth" => "9th",
        "tenth" => "10th",
        "eleventh" => "11th",
        "twelfth" => "12th",
        _ => return None,
    })
}

/// English function words, down-weighted in matching.
pub fn is_stop_word(w: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "about", "after", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during",
        "each", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "of", "on",
        "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "say", "says", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    ];
    STOP.binary_search(&w).is_ok()
}

/// Folds British spellings to American ones, so `defence` and `defense`
/// share a key. Whole-word exceptions first, then suffix rules that are safe
/// because both sides of a comparison are folded the same way.
pub fn americanize(w: &str) -> Cow<'_, str> {
    const WORDS: &[(&str, &str)] = &[
        ("aluminium", "aluminum"),
        ("analogue", "analog"),
        ("cancelled", "canceled"),
        ("cancelling", "canceling"),
        ("catalogue", "catalog"),
        ("centre", "center"),
        ("centres", "centers"),
        ("cheque", "check"),
        ("counselling", "counseling"),
        ("defence", "defense"),
        ("dialogue", "dialog"),
        ("fuelled", "fueled"),
        ("fuelling", "fueling"),
        ("grey", "gray"),
        ("jewellery", "jewelry"),
        ("labelled", "labeled"),
        ("levelled", "leveled"),
        ("licence", "license"),
        ("litre", "liter"),
        ("litres", "liters"),
        ("manoeuvre", "maneuver"),
        ("metre", "meter"),
        ("metres", "meters"),
        ("modelled", "modeled"),
        ("modelling", "modeling"),
        ("mould", "mold"),
        ("offence", "offense"),
        ("plough", "plow"),
        ("pretence", "pretense"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("sceptical", "skeptical"),
        ("signalled", "signaled"),
        ("theatre", "theater"),
        ("travelled", "traveled"),
        ("travelling", "traveling"),
        ("tyre", "tire"),
        ("tyres", "tires"),
    ];
    if let Ok(i) = WORDS.binary_search_by(|(b, _)| b.cmp(&w)) {
        return Cow::Borrowed(WORDS[i].1);
    }
    // -our -> -or (neighbour, harbour, labour, favour) for words long enough
    // that "four", "hour", "your" and "tour" are untouched.
    for suffix in ["our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourhood", "ourhoods"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 && !stem.ends_with(['f', 'y', 'h', 't', 'p']) {
                return Cow::Owned(format!("{stem}o{}", &suffix[2..]));
            }
        }
    }
    // -ise -> -ize (organise, recognised, criticising).
    for (gb, us) in [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize")] {
        if let Some(stem) = w.strip_suffix(gb) {
            if stem.len() >= 3 {
                return Cow::Owned(format!("{stem}{us}"));
            }
        }
    }
    Cow::Borrowed(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.key.to_string()).collect()
    }

    #[test]
    fn stop_list_is_sorted_for_binary_search() {
        assert!(is_stop_word("the") && is_stop_word("with") && is_stop_word("a") && !is_stop_word("port"));
    }

    #[test]
    fn spelling_variants_share_keys() {
        assert_eq!(keys("defence"), keys("defense"));
        assert_eq!(keys("neighbouring"), keys("neighboring"));
        assert_eq!(keys("Harbour"), keys("Harbor"));
        assert_eq!(keys("organised"), keys("organized"));
        assert_ne!(keys("four"), keys("for"));
        assert_eq!(keys("hour"), vec!["hour"]);
    }

    #[test]
    fn numbers_fold() {
        assert_eq!(keys("7,000"), keys("7000"));
        assert_eq!(keys("three"), keys("3"));
        assert_eq!(keys("3.50"), keys("3.5"));
        assert_ne!(keys("7,000"), keys("8,000"));
        assert_eq!(tokens("about 1,200 workers")[1].kind, TokenKind::Number);
    }

    #[test]
    fn dotted_acronyms_fold() {
        assert_eq!(keys("the F.B.I. said"), keys("the FBI said"));
        assert_eq!(keys("U.S. forces"), keys("US forces"));
        let t = tokens("agents of the F.B.I. arrived");
        assert_eq!(&"agents of the F.B.I. arrived"[t[3].start..t[3].end], "F.B.I.");
        // Initials before a name stay initials.
        assert_eq!(keys("J.R.R. Tolkien").len(), 2);
        assert_eq!(keys("A.Smith").len(), 2);
    }

    #[test]
    fn quotes_apostrophes_and_contractions_fold() {
        assert_eq!(keys("Asif\u{2019}s \u{201c}menace\u{201d}"), keys("Asif's \"menace\""));
        assert_eq!(keys("won\u{2019}t"), keys("will not"));
        assert_eq!(keys("don't"), vec!["do", "not"]);
        // Typed without the apostrophe.
        assert_eq!(keys("I cant speak"), keys("I can't speak"));
        assert_eq!(keys("he didnt"), keys("he didn't"));
        assert_eq!(
            keys("We\u{2019}ve won and they're here, I'm sure you'll see"),
            keys("We have won and they are here, I am sure you will see")
        );
        assert_eq!(keys("O'Neill").len(), 1);
    }

    #[test]
    fn clitics_set_apart_by_spaces_join_their_word() {
        assert_eq!(keys("he hadn \u{2019} t been"), keys("he hadn't been"));
        assert_eq!(keys("the team \u{2019} s manager"), keys("the team's manager"));
        assert_eq!(keys("we ' ll see"), keys("we'll see"));
        let s = "it hadn \u{2019} t";
        let t = tokens(s);
        assert_eq!(&s[t[1].start..t[1].end], "hadn \u{2019} t");
        // A quotation mark between words is no clitic.
        assert_eq!(keys("he said ' so long"), vec!["he", "said", "so", "long"]);
    }

    #[test]
    fn ordinals_and_units_fold() {
        assert_eq!(keys("this eleventh hour rule"), keys("this 11th hour rule"));
        assert_eq!(keys("fell 200ft"), keys("fell 200 feet"));
        assert_eq!(keys("55km away"), keys("55 kilometres away"));
        assert_eq!(keys("55 kilometers away"), keys("55 km away"));
        // A glued "m" may be a million; a capitalised unit is a name.
        assert_ne!(keys("600m"), keys("600 m"));
        assert_eq!(tokens("officers of Scotland Yard")[3].kind, TokenKind::Name);
    }

    #[test]
    fn token_spans_point_into_the_sentence() {
        let s = "The \u{201c}Harbour\u{201d} union\u{2019}s 1,200 men";
        for t in tokens(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        let t = tokens(s);
        assert_eq!(&s[t[1].start..t[1].end], "Harbour");
        assert_eq!(t[1].kind, TokenKind::Name);
        assert_eq!(&s[t[3].start..t[3].end], "1,200");
    }

    #[test]
    fn hyphenated_compounds_split() {
        assert_eq!(keys("Tehreek-e-Taliban"), vec!["tehreek", "e", "taliban"]);
    }

    #[test]
    fn fold_glyphs_ignores_quote_style_and_spacing() {
        assert_eq!(
            fold_glyphs("\u{201c}We\u{2019}ll go,\u{201d}  he said \u{2013} now\u{2026}"),
            "\"We'll go,\" he said - now..."
        );
    }
}
