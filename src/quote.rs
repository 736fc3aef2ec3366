//! Quotations and their attribution.
//!
//! [`extract`] finds the direct quotations of one cleaned article: curly,
//! straight and mixed double quotes (single quotes nest inside them and are
//! never boundaries, since they double as apostrophes, but two apostrophes
//! close a quotation in tokenised text), quotations that run
//! over several sentences or paragraphs (the convention of repeating the
//! opening mark at each new paragraph), and fragments quoted inside a
//! sentence. Each quotation gets a speaker from the words around it ("he
//! said", "said X", "X added:", "according to X", "X was quoted as
//! saying"); a pronoun resolves to the person last named as speaking, or
//! just introduced, else the last named speaker.
//!
//! [`relate`] says how two outlets' versions of a quotation relate
//! (verbatim, trimmed, altered). The classifier uses it for the
//! `quote_altered` and `speaker_changed` flags on aligned rows, and
//! [`survey`] uses it for `claimdiff quotes`, which lists every quotation
//! and how each other article carries it. This module reads text and tokens
//! only; it never does I/O.

use crate::corpus::Corpus;
use crate::findings::{self, SourceInfo};
use crate::normalize::{self, Token, TokenKind};
use crate::segment::Span;
use serde::Serialize;
use std::collections::HashSet;

/// One direct quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The whole quotation, marks included, as a byte span in the cleaned
    /// article (serialised as `[start, end]`).
    #[serde(serialize_with = "ser_span")]
    pub span: Span,
    /// The quoted words: one span per paragraph the quotation runs over.
    #[serde(serialize_with = "ser_spans")]
    pub parts: Vec<Span>,
    /// The quoted words, paragraphs joined and whitespace collapsed.
    pub text: String,
    /// Who said it, as the article names them (a pronoun already resolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// A few words quoted inside a sentence, rather than a full statement.
    pub fragment: bool,
}

fn ser_span<S: serde::Serializer>(s: &Span, ser: S) -> Result<S::Ok, S::Error> {
    [s.start, s.end].serialize(ser)
}

fn ser_spans<S: serde::Serializer>(s: &[Span], ser: S) -> Result<S::Ok, S::Error> {
    s.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>().serialize(ser)
}

impl Quote {
    /// The comparison tokens of the quoted words; spans are article offsets.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut res = Vec::new();
        for p in &self.parts {
            for mut t in normalize::tokens(&text[p.start..p.end]) {
                t.start += p.start;
                t.end += p.start;
                res.push(t);
            }
        }
        res
    }
}

/// How two versions of one quotation relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    /// The same words (quote glyphs, spelling and number format aside).
    Verbatim,
    /// One version is a part of the other: a contiguous part, or a part with
    /// the left-out words marked by an ellipsis.
    Trimmed,
    /// The words inside the quote marks differ.
    Altered,
    /// The other article carries the words without quote marks.
    Paraphrased,
    /// The other article does not carry the quotation.
    Absent,
}

impl QuoteStatus {
    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Verbatim => "verbatim",
            QuoteStatus::Trimmed => "trimmed",
            QuoteStatus::Altered => "altered",
            QuoteStatus::Paraphrased => "paraphrased",
            QuoteStatus::Absent => "absent",
        }
    }
}

/// Two versions of a quotation share at least this fraction of the shorter
/// one's content words: below it they are different quotations.
const SAME_QUOTE_OVERLAP: f32 = 0.5;
/// An altered version shares at least this Dice coefficient of content words
/// with the quotation...
const ALTERED_DICE: f32 = 0.5;
/// ... or, when it is much shorter, three words and this fraction of its own.
const ALTERED_TRIMMED_OVERLAP: f32 = 0.75;
/// A sentence without quote marks that holds this fraction of a quotation's
/// content words paraphrases it.
const PARAPHRASE_OVERLAP: f32 = 0.6;

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
                if matches!(next, Some('\u{201c}' | '\u{201e}' | '\u{00ab}' | '"')) {
                    parts.push(Span { start: inner, end: trim_end(text, i) });
                    let mark = i + ws;
                    let mark_len = next.map_or(1, char::len_utf8);
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
    resolve_roles(text, &mut res);
    resolve_pronouns(text, &mut res);
    res
}

/// How far before a quotation the name a role stands for is looked up.
const ROLE_LOOKBACK: usize = 4 * 1024;

/// Replaces a definite role ("the minister", "the defence minister") with
/// the name the article gave it earlier: "Defence Minister Khawaja Asif" or
/// "Khawaja Asif, the defence minister," within the few kilobytes before the
/// quotation (bounded, so the work stays linear). A role the text never
/// ties to a name stays as it is.
fn resolve_roles(text: &str, quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        let Some(role) = q.speaker.as_deref() else { continue };
        let lower = role.to_lowercase();
        let rest = ["the ", "his ", "her ", "their "].iter().find_map(|d| lower.strip_prefix(d));
        let Some(head) = rest.and_then(|r| r.split_whitespace().last()) else { continue };
        let from = floor_boundary(text, q.span.start.saturating_sub(ROLE_LOOKBACK));
        if let Some(name) = role_name(&text[from..q.span.start], head) {
            q.speaker = Some(name);
        }
    }
}

/// The last name tied to the role noun `head` in `window`: the capitalised
/// words right after a capitalised "Minister" ("Defence Minister Khawaja
/// Asif"), or right before ", the ... minister".
fn role_name(window: &str, head: &str) -> Option<String> {
    let words: Vec<&str> = window.split_whitespace().collect();
    let is_head = |w: &str| {
        let w = clean_word(w).trim_end_matches("\u{2019}s").trim_end_matches("'s");
        w.eq_ignore_ascii_case(head)
    };
    for i in (0..words.len()).rev().filter(|&i| is_head(words[i])) {
        if capitalised(words[i]) && !words[i].ends_with([',', '.', ';', ':']) {
            let run: Vec<&str> = words[i + 1..]
                .iter()
                .take(4)
                .take_while(|w| capitalised(w) && !is_speech_verb(w))
                .map(|w| clean_word(w).trim_end_matches([',', '.']))
                .collect();
            let name = run.join(" ");
            if !run.is_empty() && is_named(&name) {
                return Some(name);
            }
        }
        // An appositive, closed by a comma: "Khawaja Asif, the defence
        // minister, said", "John Banky, Ben's older brother," (not "...
        // Voice of America, the minister said").
        let opens = |w: &str| {
            let w = clean_word(w);
            w.eq_ignore_ascii_case("the") || (capitalised(w) && (w.ends_with("\u{2019}s") || w.ends_with("'s")))
        };
        let the = (i.saturating_sub(4)..i).rev().find(|&j| opens(words[j]));
        if let Some(the) = the.filter(|&t| t > 0 && words[t - 1].ends_with(',') && words[i].ends_with(',')) {
            let mut k = the;
            while k > 0
                && the - k < 4
                && capitalised(words[k - 1])
                && (k == the || !words[k - 1].ends_with(','))
                && (!words[k - 1].ends_with(['.', ';', ':']) || is_title(words[k - 1]))
            {
                k -= 1;
            }
            let name: Vec<&str> = words[k..the].iter().map(|w| clean_word(w).trim_end_matches(',')).collect();
            let name = name.join(" ");
            if k < the && is_named(&name) {
                return Some(name);
            }
        }
    }
    None
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
    let speaker = speaker_after(&text[end..], ends_sentence).or_else(|| speaker_before(before)).or_else(|| {
        if fragment {
            None
        } else {
            speaker_of_previous_sentence(before)
        }
    });
    Quote { span: Span { start, end }, parts, text: inner, speaker, fragment }
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "asked",
    "told",
    "stated",
    "noted",
    "insisted",
    "warned",
    "explained",
    "declared",
    "continued",
    "wrote",
    "claimed",
    "tweeted",
    "argued",
    "remarked",
    "replied",
    "recalled",
    "stressed",
    "maintained",
    "saying",
    "stating",
    "pointed",
    "responded",
    "emphasized",
    "emphasised",
    "cautioned",
    "admitted",
    "acknowledged",
    "announced",
    "observed",
    "shouted",
    "conceded",
    "countered",
    "urged",
    "vowed",
    "fumed",
    "called",
    "described",
];

/// Bodies that speak without an article: "police said".
const BODIES: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "prosecutors",
    "investigators",
    "witnesses",
    "residents",
    "organisers",
    "organizers",
];

const PRONOUNS: &[&str] = &["he", "she", "they"];

fn is_speech_verb(w: &str) -> bool {
    let t = w.trim_matches(|c: char| !c.is_alphabetic());
    // Without allocating for plain ASCII words: this runs on every word
    // around every quotation.
    if t.is_ascii() {
        return SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(t));
    }
    SPEECH_VERBS.contains(&t.to_lowercase().as_str())
}

fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '\'' && c != '\u{2019}')
}

/// A word lower-cased, without the punctuation around it.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// `char::is_alphanumeric`, quick for the quote marks and dashes that sit
/// next to words (General Punctuation holds no letter or digit).
fn alphanumeric(c: char) -> bool {
    match c {
        '\u{2000}'..='\u{206f}' | '\u{ab}' | '\u{bb}' => false,
        c => c.is_alphanumeric(),
    }
}

/// `t.to_lowercase() == target` for a lower-case ASCII `target`, without
/// allocating for ASCII words.
fn lower_is(t: &str, target: &str) -> bool {
    if t.is_ascii() {
        t.eq_ignore_ascii_case(target)
    } else {
        t.to_lowercase() == target
    }
}

/// How far before an opening mark the attribution is looked for, and how far
/// after a closing mark, in bytes. A news sentence is a few hundred bytes;
/// the bound keeps the work per quotation constant, so a long paragraph full
/// of quote marks (nested or unbalanced) costs linear time, not quadratic.
const LOOKBACK: usize = 1024;
const LOOKAHEAD: usize = 1024;

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
}

/// The last `LOOKBACK` bytes of `before`, starting at a word: the text an
/// attribution before a quotation is looked for in.
fn lookback(before: &str) -> &str {
    let from = floor_boundary(before, before.len().saturating_sub(LOOKBACK));
    if from == 0 {
        return before;
    }
    // Cut inside the text: drop the word cut in two.
    let rest = &before[from..];
    rest.find(char::is_whitespace).map_or("", |k| &rest[k..])
}

fn capitalised(w: &str) -> bool {
    clean_word(w).chars().next().is_some_and(char::is_uppercase)
}

/// "..., said X" / "X said" / "according to X" right after the closing mark,
/// up to the end of the clause.
fn speaker_after(after: &str, ends_sentence: bool) -> Option<String> {
    let after = &after[..floor_boundary(after, LOOKAHEAD)];
    let line = after.split('\n').next().unwrap_or("");
    let clause = line.split(['\u{201c}', '"']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(12).collect();
    if words.is_empty() {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    if lower.len() >= 3 && lower[0] == "according" && lower[1] == "to" {
        return name_from(&words[2..]);
    }
    // A full stop inside the quote ends the sentence: what follows is a new
    // sentence, not an attribution.
    if ends_sentence {
        return None;
    }
    // "..., told Anadolu": who follows "told" is the listener.
    if lower[0] == "told" {
        return None;
    }
    if is_speech_verb(&lower[0]) {
        return name_from(&words[1..]);
    }
    if let Some(k) = lower.windows(3).take(8).position(|w| w == ["quoted", "as", "saying"]) {
        let end = if k > 0 && lower[k - 1] == "was" { k - 1 } else { k };
        return speaker_words(&words[..end]);
    }
    // A name and an appositive before the verb ("Williams, a critic of
    // NYPD policy, said") take a few more words.
    let appositive = capitalised(words[0]) && words.iter().take(3).any(|w| w.ends_with(','));
    let verb = lower.iter().take(if appositive { 10 } else { 6 }).position(|w| is_speech_verb(w))?;
    if verb == 0 || words[..verb].iter().any(|w| w.ends_with(['.', ';', ':']) && !is_title(w)) {
        return None;
    }
    speaker_words(&words[..verb])
}

/// "X said:" / "X said that" / "X was quoted as saying" / "according to X"
/// in the sentence before the opening mark.
fn speaker_before(before: &str) -> Option<String> {
    let para = lookback(before).rsplit('\n').next().unwrap_or("");
    let sentence_start = sentence_start(para);
    let words: Vec<&str> = para[sentence_start..].split_whitespace().collect();
    // Each word without the punctuation around it, trimmed once.
    let trimmed: Vec<&str> = words.iter().map(|w| w.trim_matches(|c: char| !alphanumeric(c))).collect();
    let is = |k: usize, target: &str| lower_is(trimmed[k], target);
    if let Some(k) = (1..words.len()).rev().find(|&k| is(k - 1, "according") && is(k, "to")) {
        return name_from(&words[k + 1..]);
    }
    if let Some(k) = (2..words.len()).rev().find(|&k| is(k - 2, "quoted") && is(k - 1, "as") && is(k, "saying")) {
        let k = k - 2;
        let end = if k > 0 && is(k - 1, "was") { k - 1 } else { k };
        return speaker_words(&words[..end]);
    }
    let verb =
        trimmed
            .iter()
            .rposition(|t| if t.is_ascii() { is_speech_verb(t) } else { is_speech_verb(&t.to_lowercase()) })?;
    // "Asif dismissed the lack of support from Beijing, stating, “...”":
    // after a comma, a participle's speaker is the subject of the clause,
    // not the name right before the comma.
    if verb > 0 && trimmed[verb].ends_with("ing") && words[verb - 1].ends_with(',') {
        return clause_subject(&words[..verb]);
    }
    speaker_words(&words[..verb])
}

/// For a quotation that opens a sentence with no attribution of its own,
/// the speaker of the sentence before it in the paragraph, when that
/// sentence reports speech and quotes nothing ("She said Ben and Linda
/// grew up as neighbours. “...”").
fn speaker_of_previous_sentence(before: &str) -> Option<String> {
    let para = lookback(before).rsplit('\n').next().unwrap_or("");
    let start = sentence_start(para);
    if !para[start..].trim().is_empty() || start == 0 {
        return None;
    }
    let prev = &para[..start];
    // Without the closing mark of a quotation before it ("... years. ''").
    let prev = prev[sentence_start(prev.trim_end())..].trim_start_matches(['\'', '"', '\u{201d}', '\u{2019}', ' ']);
    if prev.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']) || prev.contains("''") {
        return None;
    }
    speaker_before(prev.trim_end().trim_end_matches(['.', '!', '?']))
}

/// The subject of the main clause in `words`: the last run of capitalised
/// words (titles included) directly followed by a lower-case verb in the
/// past tense or a speech verb ("Asif dismissed", "Ms Quill warned").
fn clause_subject(words: &[&str]) -> Option<String> {
    let verbish = |w: &str| {
        let w = clean_word(w);
        w.chars().next().is_some_and(char::is_lowercase) && (w.ends_with("ed") || is_speech_verb(w))
    };
    let at = (1..words.len()).rev().find(|&k| verbish(words[k]) && !words[k - 1].ends_with([',', ';', ':']))?;
    name_before(&words[..at]).filter(|n| is_named(n))
}

/// Byte offset where the last sentence of `para` starts: after the last
/// `. ` that does not follow a title or an initial.
fn sentence_start(para: &str) -> usize {
    let mut start = 0;
    for (i, _) in para.match_indices(". ") {
        let word = para[..=i].rsplit(' ').next().unwrap_or("");
        if !is_title(word) && clean_word(word).chars().filter(|c| c.is_alphabetic()).count() > 1 {
            start = i + 2;
        }
    }
    start
}

/// Whether a word is a title ("Mr", "Dr.") or an initial.
pub(crate) fn is_title(w: &str) -> bool {
    let w = clean_word(w).trim_end_matches('.');
    let lower = w.to_lowercase();
    matches!(
        lower.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "lt"
            | "col"
            | "supt"
            | "st"
            | "sen"
            | "rep"
            | "gov"
            | "const"
            | "sgt"
            | "insp"
            | "det"
    ) || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// The speaker named by the words right before a speech verb: a pronoun, a
/// run of capitalised words (titles and initials included), or a short role
/// such as "the minister".
fn speaker_words(words: &[&str]) -> Option<String> {
    let last = *words.last()?;
    let lw = clean_word(last).trim_end_matches('.').to_lowercase();
    if PRONOUNS.contains(&lw.as_str()) {
        return Some(lw);
    }
    if let Some(name) = name_before(words) {
        return Some(name);
    }
    // A role: "the minister", "the defence minister", "a senior security
    // official".
    let the = words.iter().rposition(|w| {
        let w = clean_word(w);
        w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")
    });
    if let Some(the) = the.filter(|&t| words.len() - t <= 5 && words[t..].iter().all(|w| !w.ends_with([',', '.']))) {
        return Some(words[the..].iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" "));
    }
    // A body without an article: "police said".
    BODIES.contains(&lw.as_str()).then_some(lw)
}

/// The capitalised name that ends `words`, titles and initials included. An
/// appositive between the name and the verb ("Dr Helena Strand, chief
/// executive of the port authority, said") is skipped: the person comes
/// before it.
fn name_before(words: &[&str]) -> Option<String> {
    const MAX_NAME_WORDS: usize = 16;
    // "Khawaja Asif has warned", "Asif also said": the name is before these.
    const BETWEEN: &[&str] = &["has", "had", "have", "also", "again", "later", "then", "previously"];
    let mut end = words.len();
    while end > 0 && BETWEEN.contains(&bare(words[end - 1]).as_str()) {
        end -= 1;
    }
    if end > 0 && words[end - 1].ends_with(',') {
        if let Some(j) =
            (end.saturating_sub(12)..end - 1).rev().find(|&j| words[j].ends_with(',') && capitalised(words[j]))
        {
            end = j + 1;
        }
    }
    let mut k = end;
    // A name is a few words: the bound keeps a run of capitalised words
    // (a shouted paragraph) from being walked again before every verb.
    while k > 0
        && end - k < MAX_NAME_WORDS
        && capitalised(words[k - 1])
        && (k == end || !words[k - 1].ends_with([',', ';', ':']))
    {
        if k < end && words[k - 1].ends_with('.') && !is_title(words[k - 1]) {
            break;
        }
        k -= 1;
    }
    if k == end {
        return None;
    }
    let name: Vec<&str> = words[k..end].iter().map(|w| clean_word(w).trim_end_matches(',')).collect();
    Some(name.join(" "))
}

/// Words that open a role after "said": "said the minister", "said a
/// police officer", "said his brother".
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

/// Words that end a role after "said": "said a police officer at the
/// scene", "said Dan Pryce, who ...".
const ROLE_STOPS: &[&str] = &[
    "at", "in", "on", "for", "from", "with", "who", "whose", "which", "when", "as", "after", "before", "outside",
    "during", "to", "and",
];

/// The name right after "said" or "according to": capitalised words (or a
/// short role), up to the first comma or full stop. A name after the role
/// is the speaker: "said Vancouver police spokesperson Tim Fanning", "said
/// the company's chief executive, Alison Baird".
fn name_from(words: &[&str]) -> Option<String> {
    let mut res: Vec<&str> = Vec::new();
    // Where the words taken end, and whether a comma or stop ended them.
    let mut end = words.len();
    let mut closed = false;
    for (k, w) in words.iter().enumerate() {
        let c = clean_word(w);
        let is_det = k == 0 && DETERMINERS.iter().any(|d| c.eq_ignore_ascii_case(d));
        let in_role = !res.is_empty()
            && DETERMINERS.iter().any(|d| res[0].eq_ignore_ascii_case(d))
            && k < 4
            && !ROLE_STOPS.iter().any(|r| c.eq_ignore_ascii_case(r));
        if !(capitalised(w) || is_det || in_role) {
            end = k;
            break;
        }
        res.push(c.trim_end_matches('.'));
        if (w.ends_with([',', ';', ':', ')']) || w.ends_with('.')) && !is_title(w) {
            end = k + 1;
            closed = true;
            break;
        }
    }
    if res.is_empty() || res.iter().all(|w| DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        return None;
    }
    let role = DETERMINERS.iter().any(|d| res[0].eq_ignore_ascii_case(d));
    // A role, then the name: a few lower-case role words and a capitalised
    // run that ends the clause ("Vancouver police spokesperson Tim
    // Fanning."), or an appositive name after a role closed by a comma
    // ("the company's chief executive, Alison Baird.").
    let ended_by_comma = closed && words[end - 1].ends_with(',');
    if (!closed && !role) || (role && ended_by_comma) {
        let mut k = end;
        while !closed
            && k < words.len()
            && k - end < 3
            && !capitalised(words[k])
            && !words[k].ends_with([',', '.', ';', ':'])
        {
            let c = clean_word(words[k]);
            if ROLE_STOPS.iter().chain(&["of", "that"]).any(|r| c.eq_ignore_ascii_case(r)) {
                break;
            }
            k += 1;
        }
        let start = k;
        while k < words.len() && k - start < 5 && capitalised(words[k]) {
            k += 1;
            if words[k - 1].ends_with([',', '.', ';', ':']) && !is_title(words[k - 1]) {
                break;
            }
        }
        let ends_clause = k == words.len() || words[k - 1].ends_with([',', '.', ';', ':']);
        if k > start && ends_clause {
            let name: Vec<&str> =
                words[start..k].iter().map(|w| clean_word(w).trim_end_matches([',', '.', ';', ':'])).collect();
            return Some(name.join(" "));
        }
    }
    let last = res.len() - 1;
    if words.get(last).is_some_and(|w| is_title(w)) {
        res[last] = clean_word(words[last]);
    }
    Some(res.join(" "))
}

/// Replaces "he"/"she" with the person meant, in simple cases: the last
/// person named as saying something ("Mr Okonjo Vance said ...", "Dr Helena
/// Strand, chief executive ..., said") since the previous quotation, else
/// the last speaker (a name or a role such as "the minister"). A surname once titled "Ms" or "Mrs" is not "he",
/// one titled "Mr" is not "she".
fn resolve_pronouns(text: &str, quotes: &mut [Quote]) {
    let surname = |s: &str| s.split_whitespace().last().unwrap_or("").to_lowercase();
    let mut female: HashSet<String> = HashSet::new();
    let mut male: HashSet<String> = HashSet::new();
    let all_names = quotes.iter().filter_map(|q| q.speaker.clone()).chain(mentions(text));
    for name in all_names {
        match name.split_whitespace().next().unwrap_or("").trim_end_matches('.') {
            "Ms" | "Mrs" | "Miss" => female.insert(surname(&name)),
            "Mr" => male.insert(surname(&name)),
            _ => false,
        };
    }
    // The last speaker named (or resolved) whom "he", "she" and "they" can
    // each refer to, kept as names come. (Searching a list of every name
    // from its end for each pronoun gave the same answer in time quadratic
    // in the number of quotations.)
    let mut last_he: Option<String> = None;
    let mut last_she: Option<String> = None;
    let mut last_any: Option<String> = None;
    let none = HashSet::new();
    let mut prev_end = 0;
    let mut prev_speaker: Option<String> = None;
    for q in quotes {
        let window = &text[prev_end.min(q.span.start)..q.span.start];
        prev_end = q.span.end;
        // A quotation right after another one's attribution, in the same
        // paragraph ("“...,” he said. “...”"), continues the same speaker.
        // So does a full statement after an attribution sentence that
        // names nobody else ("“...,” Williams, 18, said as police rode
        // alongside him. “...”").
        let continues = window.len() < 40 || (!q.fragment && window.len() < 300 && sentence_ends(window) <= 1);
        let others = || mentions(window).iter().any(|m| prev_speaker.as_deref().is_none_or(|p| !same_speaker(m, p)));
        if q.speaker.is_none() && continues && !window.contains('\n') && !others() {
            q.speaker = prev_speaker.clone();
        }
        if let Some(s) = q.speaker.as_deref().filter(|s| PRONOUNS.contains(s)) {
            let (excluded, last) = match s {
                "he" => (&female, &last_he),
                "she" => (&male, &last_she),
                _ => (&none, &last_any),
            };
            let fits = |n: &&String| !excluded.contains(&surname(n));
            // Else a person the text introduced since the previous
            // quotation ("Kirsty Doig, 34, ...", "Public Advocate Bill de
            // Blasio, a Democratic candidate, ..."), else the last speaker.
            let resolved = mentions(window)
                .iter()
                .rev()
                .find(fits)
                .or(introduced(window).iter().rev().find(fits))
                .or(last.as_ref())
                .cloned();
            q.speaker = resolved;
        }
        // The person resolved is the last named speaker from here on; a role
        // ("the minister") is a referent for a later "he" too.
        if let Some(n) = &q.speaker {
            let s = surname(n);
            if !female.contains(&s) {
                last_he = Some(n.clone());
            }
            if !male.contains(&s) {
                last_she = Some(n.clone());
            }
            last_any = Some(n.clone());
        }
        prev_speaker = q.speaker.clone();
    }
}

/// How many sentences end in `text` (a word ending in a full stop, `?` or
/// `!`, not a title or an initial).
fn sentence_ends(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            let w = w.trim_end_matches(['\u{201d}', '"', '\'', '\u{2019}']);
            w.ends_with(['.', '?', '!']) && !is_title(w) && w.chars().filter(|c| c.is_alphabetic()).count() > 1
        })
        .count()
}

/// Lower-case words inside a person's name: "Bill de Blasio".
const NAME_PARTICLES: &[&str] = &["de", "van", "von", "da", "di", "del", "la", "le", "bin", "al"];

/// People a stretch of text introduces, in order: a name of two words or
/// more followed by an age or an appositive ("Kirsty Doig, 34,", "Bill de
/// Blasio, a Democratic candidate").
fn introduced(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut res = Vec::new();
    for i in 1..words.len().saturating_sub(1) {
        if !(words[i].ends_with(',') && capitalised(words[i])) {
            continue;
        }
        let next = clean_word(words[i + 1]);
        let age = words[i + 1].ends_with(',') && !next.is_empty() && next.chars().all(|c| c.is_ascii_digit());
        let appositive = ["a", "an", "the"].iter().any(|d| next.eq_ignore_ascii_case(d));
        if !(age || appositive) {
            continue;
        }
        let mut k = i;
        while k > 0
            && i - k < 5
            && !words[k - 1].ends_with([',', '.', ';', ':'])
            && (capitalised(words[k - 1]) || NAME_PARTICLES.contains(&words[k - 1]))
        {
            k -= 1;
        }
        while k < i && NAME_PARTICLES.contains(&words[k]) {
            k += 1;
        }
        if i > k {
            let name: Vec<&str> = words[k..=i].iter().map(|w| clean_word(w).trim_end_matches(',')).collect();
            res.push(name.join(" "));
        }
    }
    res
}

/// People named as saying something in a stretch of text, in order:
/// "X said", and "X, an appositive, said".
fn mentions(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut res = Vec::new();
    for v in 1..words.len() {
        if !is_speech_verb(words[v]) {
            continue;
        }
        if let Some(name) = name_before(&words[..v]) {
            if !PRONOUNS.contains(&name.to_lowercase().as_str()) && !normalize::is_stop_word(&name.to_lowercase()) {
                res.push(name);
            }
        }
    }
    res
}

/// Whether two speakers are the same person: they share a name word, titles
/// and case aside. Unknown speakers are never "different".
pub fn same_speaker(a: &str, b: &str) -> bool {
    let words = |s: &str| -> HashSet<String> {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| w.chars().count() > 1 && !is_title(w) && !normalize::is_stop_word(w))
            .map(|w| w.trim_end_matches("\u{2019}s").trim_end_matches("'s").to_owned())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.is_empty() || wb.is_empty() || !wa.is_disjoint(&wb)
}

/// Whether a speaker is a name (not a role such as "the minister", nor a
/// noun phrase capitalised only where a sentence opens, such as "The
/// statement" or "It"): some capitalised word that is not a function word.
pub fn is_named(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.trim_end_matches([',', '.', ':', ';']);
        let acronym = w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.');
        w.chars().next().is_some_and(char::is_uppercase) && (acronym || !normalize::is_stop_word(&w.to_lowercase()))
    })
}

/// Content keys of tokens: the words that carry meaning.
fn content_keys(tokens: &[Token]) -> HashSet<&str> {
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

/// How two quotations relate, or `None` when they are different quotations.
/// `a_text`/`b_text` are the quoted words (to spot an ellipsis marking an
/// omission).
pub fn relate(a: &[Token], a_text: &str, b: &[Token], b_text: &str) -> Option<QuoteStatus> {
    let ka: Vec<&str> = a.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|t| t.key.as_str()).collect();
    if ka == kb {
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

/// One quotation in a [`QuoteSurvey`], with the other articles that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyEntry {
    /// The index of the quoting article in `sources`.
    pub source: usize,
    /// The outlet.
    pub outlet: String,
    /// The quotation.
    pub quote: Quote,
    /// The other articles that carry it (verbatim, trimmed, altered or
    /// paraphrased), in input order; every other article is absent.
    /// [`QuoteSurvey::carried`] lists them all.
    pub carried: Vec<Carried>,
}

/// How one other article carries a quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carried {
    /// The other article's index in `sources`.
    #[serde(skip)]
    pub source: usize,
    /// The other article's outlet.
    pub outlet: String,
    /// The relation.
    pub status: QuoteStatus,
    /// The other article's words (its quotation, or the paraphrasing
    /// sentence), when it has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Their byte span `[start, end]` in the other cleaned article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// The speaker the other article names, when it quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Both name a speaker and the names differ.
    pub speaker_changed: bool,
}

/// Every quotation of several articles, and how the others carry each.
/// Serialised (for `claimdiff quotes --format json`) with every other
/// article listed in each quotation's `carried`, absent ones included.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSurvey {
    /// The articles, in input order.
    pub sources: Vec<SourceInfo>,
    /// The quotations, article by article in text order.
    pub quotes: Vec<SurveyEntry>,
}

impl QuoteSurvey {
    /// Every article but the quoting one, in input order, with how it
    /// carries the entry's quotation (`None`: absent).
    pub fn carried<'a>(&'a self, entry: &'a SurveyEntry) -> impl Iterator<Item = (usize, Option<&'a Carried>)> + 'a {
        let mut found = entry.carried.iter().peekable();
        (0..self.sources.len()).filter(move |&j| j != entry.source).map(move |j| (j, found.next_if(|c| c.source == j)))
    }
}

impl Serialize for QuoteSurvey {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Entry<'a> {
            source: usize,
            outlet: &'a str,
            #[serde(flatten)]
            quote: &'a Quote,
            carried: CarriedList<'a>,
        }
        struct CarriedList<'a>(&'a QuoteSurvey, &'a SurveyEntry);
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Item<'a> {
            Found(&'a Carried),
            Absent { outlet: &'a str, status: QuoteStatus, speaker_changed: bool },
        }
        impl Serialize for CarriedList<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let survey = self.0;
                ser.collect_seq(survey.carried(self.1).map(|(j, c)| match c {
                    Some(c) => Item::Found(c),
                    None => Item::Absent {
                        outlet: &survey.sources[j].outlet,
                        status: QuoteStatus::Absent,
                        speaker_changed: false,
                    },
                }))
            }
        }
        struct Entries<'a>(&'a QuoteSurvey);
        impl Serialize for Entries<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let survey = self.0;
                ser.collect_seq(survey.quotes.iter().map(|e| Entry {
                    source: e.source,
                    outlet: &e.outlet,
                    quote: &e.quote,
                    carried: CarriedList(survey, e),
                }))
            }
        }
        let mut st = ser.serialize_struct("QuoteSurvey", 2)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("quotes", &Entries(self))?;
        st.end()
    }
}

/// A quotation of the survey with what its lookups need.
struct Surveyed<'a> {
    doc: usize,
    quote: &'a Quote,
    tokens: &'a [Token],
    /// Distinct content-key ids.
    content: Vec<u32>,
    /// The first quotation of its article with the same keys, words and
    /// speaker (itself, or an earlier one): every answer about it is that
    /// one's.
    first: u32,
}

/// The indexes a survey looks quotations up in. Postings and sentences are
/// in article order, so each article's share of a postings list is one run.
struct SurveyIndex<'a> {
    quotes: Vec<Surveyed<'a>>,
    /// Each article's quotations, as a range of `quotes`.
    quote_range: Vec<(u32, u32)>,
    /// For each content-key id, the quotations holding it (first ones only:
    /// a repeat never beats its earlier twin).
    quote_postings: Vec<Vec<u32>>,
    /// First quotations by their whole key sequence (two versions that are
    /// the same words need not share two content words).
    by_keys: std::collections::HashMap<Vec<&'a str>, Vec<u32>>,
    /// Every sentence, as (article, sentence).
    sentences: Vec<(usize, &'a crate::corpus::Sentence)>,
    /// Each article's sentences, as a range of `sentences`.
    sentence_range: Vec<(u32, u32)>,
    /// For each content-key id, the sentences holding it.
    sentence_postings: Vec<Vec<u32>>,
}

/// Lists the quotations of every article of a corpus and relates each to
/// the other articles.
///
/// A quotation is related only to the quotations of other articles that can
/// be versions of it (the same words, or two content words in common), and
/// checked for paraphrase only against the sentences of other articles
/// holding enough of its content words, both found through inverted
/// indexes; a quotation an article repeats is looked up once. The answers
/// are those of trying every quotation and sentence of every other article,
/// in time that grows with the matches rather than with the square of the
/// articles or of the quote marks.
pub fn survey(corpus: &Corpus) -> QuoteSurvey {
    use rayon::prelude::*;
    let docs = &corpus.docs;
    let extracted: Vec<Vec<(Quote, Vec<Token>)>> = docs
        .par_iter()
        .map(|d| {
            extract(&d.article.text)
                .into_iter()
                .map(|q| {
                    let t = q.tokens(&d.article.text);
                    (q, t)
                })
                .collect()
        })
        .collect();
    let index = SurveyIndex::new(corpus, &extracted);
    let (nq, ns) = (index.quotes.len(), index.sentences.len());
    let firsts: Vec<usize> = (0..nq).filter(|&g| index.quotes[g].first as usize == g).collect();
    let found: Vec<Vec<Carried>> = firsts
        .par_iter()
        .map_init(|| (vec![0u32; nq], vec![0u32; ns]), |(qc, sc), &g| index.carried(corpus, g, qc, sc))
        .collect();
    let mut by_first: Vec<Option<&Vec<Carried>>> = vec![None; nq];
    for (&g, carried) in firsts.iter().zip(&found) {
        by_first[g] = Some(carried);
    }
    let quotes = index
        .quotes
        .iter()
        .map(|q| SurveyEntry {
            source: q.doc,
            outlet: docs[q.doc].article.meta.outlet.clone(),
            quote: q.quote.clone(),
            carried: by_first[q.first as usize].cloned().unwrap_or_default(),
        })
        .collect();
    QuoteSurvey { sources: docs.iter().map(findings::source_info).collect(), quotes }
}

impl<'a> SurveyIndex<'a> {
    fn new(corpus: &'a Corpus, extracted: &'a [Vec<(Quote, Vec<Token>)>]) -> SurveyIndex<'a> {
        use std::collections::HashMap;
        let mut ids: HashMap<&'a str, u32> = HashMap::new();
        let mut quotes: Vec<Surveyed<'a>> = Vec::new();
        let mut quote_range = Vec::new();
        let mut quote_postings: Vec<Vec<u32>> = Vec::new();
        let mut by_keys: HashMap<Vec<&'a str>, Vec<u32>> = HashMap::new();
        for (doc, list) in extracted.iter().enumerate() {
            let start = quotes.len() as u32;
            // This article's quotations so far by keys, words and speaker.
            let mut seen: HashMap<(Vec<&'a str>, &'a str, Option<&'a str>), u32> = HashMap::new();
            for (quote, tokens) in list {
                let g = quotes.len() as u32;
                let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
                let first = *seen.entry((keys.clone(), quote.text.as_str(), quote.speaker.as_deref())).or_insert(g);
                let mut content = Vec::new();
                for key in content_keys(tokens) {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert(next);
                    if id as usize == quote_postings.len() {
                        quote_postings.push(Vec::new());
                    }
                    if first == g {
                        quote_postings[id as usize].push(g);
                    }
                    content.push(id);
                }
                if first == g {
                    by_keys.entry(keys).or_default().push(g);
                }
                quotes.push(Surveyed { doc, quote, tokens, content, first });
            }
            quote_range.push((start, quotes.len() as u32));
        }
        // Only keys some quotation holds can count towards a paraphrase.
        let mut sentences = Vec::new();
        let mut sentence_range = Vec::new();
        let mut sentence_postings: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
        for (doc, d) in corpus.docs.iter().enumerate() {
            let start = sentences.len() as u32;
            for s in &d.sentences {
                let k = sentences.len() as u32;
                for key in content_keys(&s.tokens) {
                    if let Some(&id) = ids.get(key) {
                        sentence_postings[id as usize].push(k);
                    }
                }
                sentences.push((doc, s));
            }
            sentence_range.push((start, sentences.len() as u32));
        }
        SurveyIndex { quotes, quote_range, quote_postings, by_keys, sentences, sentence_range, sentence_postings }
    }

    /// The other articles that carry quotation `g`, in input order. `qc` and
    /// `sc` are zeroed counters, one per quotation and per sentence, left
    /// zeroed.
    fn carried(&self, corpus: &Corpus, g: usize, qc: &mut [u32], sc: &mut [u32]) -> Vec<Carried> {
        let me = &self.quotes[g];
        let doc_of = |h: &u32| self.quotes[*h as usize].doc;
        // Versions: the quotations with the same keys, or sharing two
        // content words and half the smaller one's (`relate` says `None`
        // to every other; the count is `overlap`'s, computed alike).
        let n = me.content.len();
        let own = self.quote_range[me.doc];
        let mut candidates = count_postings(&me.content, &self.quote_postings, own, qc, |h, shared| {
            let small = n.min(self.quotes[h as usize].content.len());
            shared >= 2 && shared as f32 / small as f32 >= SAME_QUOTE_OVERLAP
        });
        let keys: Vec<&str> = me.tokens.iter().map(|t| t.key.as_str()).collect();
        candidates.extend(self.by_keys.get(&keys).into_iter().flatten().filter(|h| doc_of(h) != me.doc));
        candidates.sort_unstable();
        candidates.dedup();
        let mut res = Vec::new();
        for group in candidates.chunk_by(|x, y| doc_of(x) == doc_of(y)) {
            let other = &corpus.docs[doc_of(&group[0])];
            let best = group
                .iter()
                .map(|&h| &self.quotes[h as usize])
                .filter_map(|o| {
                    let status = relate(me.tokens, &me.quote.text, o.tokens, &o.quote.text)?;
                    // Different words from a different named speaker: two
                    // quotations, not one altered.
                    if status == QuoteStatus::Altered && speakers_differ(&me.quote.speaker, &o.quote.speaker) {
                        return None;
                    }
                    Some((status, overlap(me.tokens, o.tokens), o))
                })
                .min_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
            if let Some((status, _, o)) = best {
                let speaker_changed = speakers_differ(&me.quote.speaker, &o.quote.speaker);
                res.push(Carried {
                    source: o.doc,
                    outlet: other.article.meta.outlet.clone(),
                    status,
                    text: Some(o.quote.text.clone()),
                    span: Some([o.quote.span.start, o.quote.span.end]),
                    speaker: o.quote.speaker.clone(),
                    speaker_changed,
                });
            }
        }
        // No version of it: does a sentence carry the words without marks?
        // (`overlap_of` is 0 for fewer than four content words.)
        if me.content.len() >= 4 {
            let n = me.content.len() as f32;
            let own = self.sentence_range[me.doc];
            let mut hits = count_postings(&me.content, &self.sentence_postings, own, sc, |_, k| {
                k as f32 / n >= PARAPHRASE_OVERLAP
            });
            // `res` is in article order.
            hits.retain(|&k| res.binary_search_by_key(&self.sentences[k as usize].0, |c| c.source).is_err());
            hits.sort_unstable();
            let mut para = Vec::new();
            for group in hits.chunk_by(|x, y| self.sentences[*x as usize].0 == self.sentences[*y as usize].0) {
                let doc = self.sentences[group[0] as usize].0;
                let best = group
                    .iter()
                    .map(|&k| self.sentences[k as usize].1)
                    .map(|s| (overlap_of(me.tokens, &s.tokens), s))
                    .filter(|(o, _)| *o >= PARAPHRASE_OVERLAP)
                    .max_by(|x, y| x.0.total_cmp(&y.0));
                if let Some((_, s)) = best {
                    para.push(Carried {
                        source: doc,
                        outlet: corpus.docs[doc].article.meta.outlet.clone(),
                        status: QuoteStatus::Paraphrased,
                        text: Some(s.text.clone()),
                        span: Some([s.span.start, s.span.end]),
                        speaker: None,
                        speaker_changed: false,
                    });
                }
            }
            if !para.is_empty() {
                res.extend(para);
                res.sort_by_key(|c| c.source);
            }
        }
        res
    }
}

/// Both name a speaker, and not the same one.
fn speakers_differ(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => is_named(a) && is_named(b) && !same_speaker(a, b),
        _ => false,
    }
}

/// The items in the postings of `ids`, but those in `skip` (`[start,
/// end)`: the asking quotation's own article), that `keep(item, count)`
/// accepts, count being how many of those postings hold the item, in no
/// particular order. `counts` is zeroed and left zeroed.
fn count_postings(
    ids: &[u32],
    postings: &[Vec<u32>],
    skip: (u32, u32),
    counts: &mut [u32],
    keep: impl Fn(u32, u32) -> bool,
) -> Vec<u32> {
    let mut touched = Vec::new();
    for &id in ids {
        let list = &postings[id as usize];
        let (lo, hi) = (list.partition_point(|&x| x < skip.0), list.partition_point(|&x| x < skip.1));
        for &x in list[..lo].iter().chain(&list[hi..]) {
            if counts[x as usize] == 0 {
                touched.push(x);
            }
            counts[x as usize] += 1;
        }
    }
    let res = touched.iter().copied().filter(|&x| keep(x, counts[x as usize])).collect();
    for x in touched {
        counts[x as usize] = 0;
    }
    res
}

/// The fraction of the quotation's content words found in a sentence.
fn overlap_of(quote: &[Token], sentence: &[Token]) -> f32 {
    let (kq, ks) = (content_keys(quote), content_keys(sentence));
    // A short quotation shares its few words with too many sentences.
    if kq.len() < 4 {
        return 0.0;
    }
    kq.intersection(&ks).count() as f32 / kq.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the quoted words and speakers extracted from `text`.
    fn check(text: &str, expected: &[(&str, Option<&str>)]) {
        let got: Vec<(String, Option<String>)> = extract(text).into_iter().map(|q| (q.text, q.speaker)).collect();
        let want: Vec<(String, Option<String>)> =
            expected.iter().map(|(t, s)| (t.to_string(), s.map(str::to_owned))).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn speakers_after_the_quote() {
        check(
            "\u{201c}We will stay,\u{201d} said Dariusz Okonjo-Vance, the secretary.",
            &[("We will stay,", Some("Dariusz Okonjo-Vance"))],
        );
        check("\"We go,\" Asif said.", &[("We go,", Some("Asif"))]);
        check("\"We go,\" the minister said.", &[("We go,", Some("the minister"))]);
        check("\u{201c}Who signed it?\u{201d} Ms Quill asked.", &[("Who signed it?", Some("Ms Quill"))]);
        check("\"Ports matter,\" according to Jan Brel.", &[("Ports matter,", Some("Jan Brel"))]);
        check(
            "\"Ports matter,\" the defence minister was quoted as saying.",
            &[("Ports matter,", Some("the defence minister"))],
        );
        check("\u{201c}It fell,\u{201d} Castellan said in a statement.", &[("It fell,", Some("Castellan"))]);
        check("\u{201c}They want distance,\u{201d} Asif pointed out.", &[("They want distance,", Some("Asif"))]);
        check("\"Not now,\" the mayor responded.", &[("Not now,", Some("the mayor"))]);
    }

    #[test]
    fn speakers_before_the_quote() {
        check(
            "Mr Okonjo-Vance added: \u{201c}Nobody should choose.\u{201d}",
            &[("Nobody should choose.", Some("Mr Okonjo-Vance"))],
        );
        check("Asif was quoted as saying \"the talks failed\".", &[("the talks failed", Some("Asif"))]);
        check(
            "Defence Minister Khawaja Asif has warned Kabul.\n\n\u{201c}We will act,\u{201d} he said.",
            &[("We will act,", Some("Defence Minister Khawaja Asif"))],
        );
        check(
            "Chief Supt. Nadia Ferreira said the picket had been \u{201c}noisy\u{201d}.",
            &[("noisy", Some("Chief Supt. Nadia Ferreira"))],
        );
        check("No one was hurt. \"We stay.\"", &[("We stay.", None)]);
        check("Lena Park emphasised: \u{201c}We act alone.\u{201d}", &[("We act alone.", Some("Lena Park"))]);
    }

    #[test]
    fn pronouns_resolve_to_the_last_named_speaker() {
        check(
            "\"We stay,\" said Asif.\n\n\"They lie,\" he said.",
            &[("We stay,", Some("Asif")), ("They lie,", Some("Asif"))],
        );
        check("\"They lie,\" she said.", &[("They lie,", None)]);
        check(
            "\"We stay,\" said Asif. \"We will not leave.\"",
            &[("We stay,", Some("Asif")), ("We will not leave.", Some("Asif"))],
        );
        check(
            "\"We stay,\" the minister said.\n\n\"We go,\" he added.",
            &[("We stay,", Some("the minister")), ("We go,", Some("the minister"))],
        );
        check(
            "\"We stay,\" said Mr Brel.\n\nDr Ana Strand, the chief, said it was fine.\n\n\"We go,\" she said.",
            &[("We stay,", Some("Mr Brel")), ("We go,", Some("Dr Ana Strand"))],
        );
        check(
            "\"We stay,\" said Ms Quill.\n\nMr Okonjo Vance said more.\n\n\"We go,\" he said.",
            &[("We stay,", Some("Ms Quill")), ("We go,", Some("Mr Okonjo Vance"))],
        );
    }

    #[test]
    fn quotes_span_sentences_and_paragraphs() {
        check("\u{201c}One. Two,\u{201d} he said.", &[("One. Two,", None)]);
        check(
            "Asif said: \u{201c}First paragraph.\n\n\u{201c}Second paragraph.\u{201d}",
            &[("First paragraph. Second paragraph.", Some("Asif"))],
        );
        // Mixed glyphs and single quotes nested inside double quotes.
        check(
            "\u{201c}He said \u{2018}no\u{2019} twice,\" Asif said.",
            &[("He said \u{2018}no\u{2019} twice,", Some("Asif"))],
        );
        // A lost closing mark ends at the paragraph.
        check("\"Unclosed words\n\nNext paragraph.", &[("Unclosed words", None)]);
        check(
            "\u{201c}We help them \u{2018}that they want peace\u{2019}, Asif said.\n\nNext.",
            &[("We help them \u{2018}that they want peace", Some("Asif"))],
        );
    }

    #[test]
    fn fragments_are_marked() {
        let q = extract("The picket was \u{201c}noisy but peaceful\u{201d}, police said.");
        assert!(q[0].fragment);
        let q = extract("\u{201c}We go,\u{201d} he said.");
        assert!(!q[0].fragment);
    }

    fn rel(a: &str, b: &str) -> Option<QuoteStatus> {
        relate(&normalize::tokens(a), a, &normalize::tokens(b), b)
    }

    #[test]
    fn relations_between_versions() {
        assert_eq!(rel("We will not go back,", "We won\u{2019}t go back,"), Some(QuoteStatus::Verbatim));
        assert_eq!(
            rel("an independent review of every crane", "We have an independent review of every crane on the quay"),
            Some(QuoteStatus::Trimmed)
        );
        assert_eq!(
            rel("We warned them \u{2026} and nothing happened", "We warned them more than once and nothing happened"),
            Some(QuoteStatus::Trimmed)
        );
        assert_eq!(
            rel("engineers who do not answer to the port authority", "engineers who do not answer to the minister"),
            Some(QuoteStatus::Altered)
        );
        assert_eq!(rel("the weather is fine today", "ports are closed"), None);
    }

    #[test]
    fn pronouns_resolve_past_many_excluded_names() {
        // "he" skips every speaker titled Ms, however many came after the
        // last man named.
        let mut text = String::from("\"We stay,\" said Mr Brel.\n\n");
        for k in 0..50 {
            text.push_str(&format!("\"Line {k},\" said Ms Quill{k}.\n\n"));
        }
        text.push_str("\"We go,\" he said.");
        let q = extract(&text);
        assert_eq!(q.last().unwrap().speaker.as_deref(), Some("Mr Brel"));
        assert_eq!(q[q.len() - 2].speaker.as_deref(), Some("Ms Quill49"));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{2000}'..='\u{206f}').chain(['\u{ab}', '\u{bb}']) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!alphanumeric(c));
        }
        assert!(alphanumeric('\u{aa}') && alphanumeric('\u{e9}') && alphanumeric('7'));
    }

    #[test]
    fn long_paragraphs_of_quote_marks_are_read_in_bounded_windows() {
        // Opening marks that never close, in one paragraph: every mark
        // starts a quotation, and the work per quotation stays bounded.
        let text = "\u{201c}We said \u{201c}they told us \u{201c}the port will not ".repeat(2000);
        let q = extract(&text);
        assert_eq!(q.len(), 6000);
        assert_eq!(q[1].text, "they told us");
        // The attribution right before a quotation is still found there.
        let text = format!("{} Asif said: \u{201c}We act.\u{201d}", "word ".repeat(1000));
        assert_eq!(extract(&text)[0].speaker.as_deref(), Some("Asif"));
    }

    /// `survey` as first written: every quotation against every quotation
    /// and every sentence of every other article. The indexed survey must
    /// give the same answers.
    fn survey_exhaustive(corpus: &Corpus) -> Vec<Vec<Carried>> {
        let quotes: Vec<Vec<(Quote, Vec<Token>)>> = corpus
            .docs
            .iter()
            .map(|d| extract(&d.article.text).into_iter().map(|q| (q.clone(), q.tokens(&d.article.text))).collect())
            .collect();
        let mut res = Vec::new();
        for (di, list) in quotes.iter().enumerate() {
            for (q, toks) in list {
                let mut row = Vec::new();
                for (dj, other) in corpus.docs.iter().enumerate().filter(|(dj, _)| *dj != di) {
                    let outlet = other.article.meta.outlet.clone();
                    let best = quotes[dj]
                        .iter()
                        .filter_map(|(oq, ot)| relate(toks, &q.text, ot, &oq.text).map(|s| (s, overlap(toks, ot), oq)))
                        .filter(|(s, _, oq)| *s != QuoteStatus::Altered || !speakers_differ(&q.speaker, &oq.speaker))
                        .min_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
                    let para = other
                        .sentences
                        .iter()
                        .map(|s| (overlap_of(toks, &s.tokens), s))
                        .filter(|(o, _)| *o >= PARAPHRASE_OVERLAP)
                        .max_by(|x, y| x.0.total_cmp(&y.0));
                    row.push(match (best, para) {
                        (Some((status, _, oq)), _) => Carried {
                            source: dj,
                            outlet,
                            status,
                            text: Some(oq.text.clone()),
                            span: Some([oq.span.start, oq.span.end]),
                            speaker: oq.speaker.clone(),
                            speaker_changed: speakers_differ(&q.speaker, &oq.speaker),
                        },
                        (None, Some((_, s))) => Carried {
                            source: dj,
                            outlet,
                            status: QuoteStatus::Paraphrased,
                            text: Some(s.text.clone()),
                            span: Some([s.span.start, s.span.end]),
                            speaker: None,
                            speaker_changed: false,
                        },
                        (None, None) => Carried {
                            source: dj,
                            outlet,
                            status: QuoteStatus::Absent,
                            text: None,
                            span: None,
                            speaker: None,
                            speaker_changed: false,
                        },
                    });
                }
                res.push(row);
            }
        }
        res
    }

    #[test]
    fn indexed_survey_answers_as_the_exhaustive_one() {
        use crate::article::Article;
        // Versions of a few statements: verbatim, trimmed, altered, with
        // the speaker changed, paraphrased, and quotations of stop words
        // only (the same keys, no content word).
        let lines = [
            "\u{201c}We will not go back up those cranes until the port authority answers,\u{201d} said Dariusz Brel.",
            "\"We will not go back up those cranes,\" said Marta Quill.",
            "\u{201c}We will not go back up those ladders until the minister answers,\u{201d} Brel said.",
            "Brel said they would not go back up those cranes until the port authority answers.",
            "\"It is what it is,\" he said.",
            "\u{201c}It is what it is.\u{201d}",
            "The union called the closure \u{201c}a disgrace\u{201d} and a \u{201c}huge victory\u{201d} for nobody.",
            "\"Shipping lines will divert cargo to Saltmere within days,\" according to Ana Strand.",
            "Shipping lines will divert their cargo to Saltmere within days, analysts said.",
            "\u{201c}Cargo will go to Saltmere \u{2026} within days,\u{201d} Ms Strand added.",
        ];
        let articles: Vec<Article> = (0..12)
            .map(|k| {
                let mut body: Vec<&str> = (0..4).map(|j| lines[(k * 3 + j * 7) % lines.len()]).collect();
                // Some articles repeat a quotation (looked up once).
                if k % 4 == 0 {
                    body.push(body[0]);
                }
                Article::from_text(&format!("outlet{k}"), &body.join("\n\n")).unwrap()
            })
            .collect();
        let corpus = Corpus::build(articles);
        let survey = survey(&corpus);
        let got: Vec<Vec<Carried>> = survey
            .quotes
            .iter()
            .map(|e| {
                survey
                    .carried(e)
                    .map(|(j, c)| {
                        c.cloned().unwrap_or(Carried {
                            source: j,
                            outlet: survey.sources[j].outlet.clone(),
                            status: QuoteStatus::Absent,
                            text: None,
                            span: None,
                            speaker: None,
                            speaker_changed: false,
                        })
                    })
                    .collect()
            })
            .collect();
        let want = survey_exhaustive(&corpus);
        assert_eq!(got, want);
        let statuses: HashSet<QuoteStatus> = want.iter().flatten().map(|c| c.status).collect();
        assert_eq!(statuses.len(), 5, "every status is exercised: {statuses:?}");
        assert!(want.iter().flatten().any(|c| c.speaker_changed));
    }

    #[test]
    fn roles_resolve_to_the_name_the_article_gave_them() {
        // "Title Name" earlier in the article.
        let text = "Defence Minister Khawaja Asif spoke on Monday.\n\nIn an interview with Voice of America, \
                    the minister said \u{201c}We act.\u{201d}";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("Khawaja Asif"));
        // An appositive closed by a comma.
        let text = "Marta Quill, the harbour master, arrived.\n\n\u{201c}The port is shut,\u{201d} the master said.";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("Marta Quill"));
        // A role never tied to a name stays a role.
        let text = "\u{201c}We act,\u{201d} the minister said.";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("the minister"));
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_clause_subject() {
        let text = "Despite China\u{2019}s silence, Asif dismissed the lack of support from Beijing, stating, \
                    \u{201c}It is not necessary that the world must applaud us.\u{201d}";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("Asif"));
        // No subject to find: nobody is guessed.
        let text = "Looking at the harbour from Saltmere, saying: \u{201c}We wait.\u{201d}";
        assert_eq!(extract(text)[0].speaker, None);
    }

    #[test]
    fn the_listener_after_told_is_not_the_speaker() {
        let text = "\u{201c}We warned them,\u{201d} a senior security official told Anadolu.";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("a senior security official"));
        let text = "\u{201c}We warned them,\u{201d} told Anadolu.";
        assert_eq!(extract(text)[0].speaker, None);
    }

    #[test]
    fn two_apostrophes_close_a_tokenised_quotation() {
        check(
            "\"We left , '' Fanning said. \"We stay. ''",
            &[("We left ,", Some("Fanning")), ("We stay.", Some("Fanning"))],
        );
        check("The \"American Pie '' star left.", &[("American Pie", None)]);
    }

    #[test]
    fn a_name_after_a_role_is_the_speaker() {
        check(
            "\"He shot one man,\" said Vancouver police spokesperson Tim Fanning.",
            &[("He shot one man,", Some("Tim Fanning"))],
        );
        check(
            "\"Our thoughts are with them,\" said the company's chief executive, Alison Baird.",
            &[("Our thoughts are with them,", Some("Alison Baird"))],
        );
        check(
            "\"They are rowdy,\" said a police officer at the scene.",
            &[("They are rowdy,", Some("a police officer"))],
        );
        check("\"Now,\" according to Danny Gold of Metropolis.", &[("Now,", Some("Danny Gold"))]);
        check("\"We act,\" police said in a statement.", &[("We act,", Some("police"))]);
        check("\"We act,\" Williams, a critic of the plan, said before noon.", &[("We act,", Some("Williams"))]);
        check("\"We act,\" Const. Tim Fanning told a news conference.", &[("We act,", Some("Const. Tim Fanning"))]);
        check(
            "Councillor Morag Lennie called the grounding \u{201c}a disaster\u{201d}.",
            &[("a disaster", Some("Councillor Morag Lennie"))],
        );
        let text = "John Banky, Ben's older brother, spoke briefly.\n\n\"He played,\" said his brother.";
        assert_eq!(extract(text)[0].speaker.as_deref(), Some("John Banky"));
    }

    #[test]
    fn pronouns_resolve_to_a_person_just_introduced() {
        check(
            "Among them was Kirsty Doig, 34, who was travelling.\n\n\"It shook,\" she told the Examiner. \"We wept.\"",
            &[("It shook,", Some("Kirsty Doig")), ("We wept.", Some("Kirsty Doig"))],
        );
        check(
            "\"We stay,\" said Asif.\n\nPublic Advocate Bill de Blasio, a candidate, came.\n\n\"Be calm,\" he said.",
            &[("We stay,", Some("Asif")), ("Be calm,", Some("Public Advocate Bill de Blasio"))],
        );
    }

    #[test]
    fn an_unattributed_statement_takes_the_speaker_before_it() {
        // After an attribution sentence naming nobody else.
        check(
            "\"We stay,\" Makaeo Williams, 18, said as police rode alongside him. \"We go.\"",
            &[("We stay,", Some("Makaeo Williams")), ("We go.", Some("Makaeo Williams"))],
        );
        // After a sentence reporting someone's speech.
        check(
            "\"We stay,\" said Ms Quill.\n\nShe said the crew grew up here. \"That was how they met.\"",
            &[("We stay,", Some("Ms Quill")), ("That was how they met.", Some("Ms Quill"))],
        );
        check(
            "\"We stay,\" said Asif. Lena Park said nothing had changed. \"We go.\"",
            &[("We stay,", Some("Asif")), ("We go.", Some("Lena Park"))],
        );
        // Not after a sentence that reports no speech.
        check(
            "\"We stay,\" said Asif. The port was shut for days. \"We go.\"",
            &[("We stay,", Some("Asif")), ("We go.", None)],
        );
    }

    #[test]
    fn speakers_compare_by_name_words() {
        assert!(same_speaker("Mr Okonjo-Vance", "Dariusz Okonjo Vance"));
        assert!(!same_speaker("Mr Okonjo-Vance", "Marta Quill"));
        assert!(is_named("Marta Quill") && !is_named("the minister"));
        // Capitalised only because a sentence opens there: not a name.
        assert!(!is_named("The statement") && !is_named("It") && !is_named("A spokesman"));
        assert!(is_named("The Pentagon") && is_named("Mr Asif") && is_named("US") && is_named("U.S."));
    }
}
