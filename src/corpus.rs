//! The prepared corpus: every article segmented into sentences, and every
//! sentence turned into a weighted bag of interned token ids.
//!
//! This is the hand-over point between the text stages (clean, segment,
//! normalize) and the comparison stages (index, matching, align). Token ids
//! are interned once here so that matching compares integers, and document
//! frequencies are counted here so that weights are IDF over exactly the
//! articles being compared.

use crate::article::Article;
use crate::normalize::{self, Token, TokenKind};
use crate::segment::{self, Span};
use rayon::prelude::*;
use std::collections::HashMap;

/// A sentence's span and its tokens, before interning.
type SentenceTokens = (Span, Vec<Token>);

/// One sentence of one article.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// 0-based position in its article.
    pub idx: usize,
    /// Byte span in the cleaned article text.
    pub span: Span,
    /// The sentence as shown to people: original text, whitespace collapsed.
    pub text: String,
    /// Tokens; their spans are byte offsets into the cleaned article text.
    pub tokens: Vec<Token>,
    /// What the matcher compares.
    pub profile: Profile,
}

/// The comparison view of a sentence (or of several joined sentences).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Distinct token ids with their kind factor, sorted by id.
    pub bag: Vec<(u32, f32)>,
    /// Token ids in reading order.
    pub seq: Vec<u32>,
    /// Lower-cased, glyph-folded words joined by single spaces.
    pub plain: String,
    /// The same words, sorted.
    pub sorted: String,
    /// Character bigrams of `plain` without its spaces, as sorted codes (a
    /// multiset), for Sorensen-Dice without per-pair hashing.
    pub char_bigrams: Vec<u64>,
    /// Adjacent token-id pairs of `seq`, sorted and distinct. Filled in once
    /// ids are final (see [`Profile::finish`]).
    pub word_bigrams: Vec<u64>,
}

/// The sorted character bigrams of a text, whitespace removed.
pub fn char_bigrams(plain: &str) -> Vec<u64> {
    let mut chars = plain.chars().filter(|c| !c.is_whitespace());
    let Some(mut prev) = chars.next() else { return Vec::new() };
    let mut res = Vec::with_capacity(plain.len());
    for c in chars {
        res.push(((prev as u64) << 32) | c as u64);
        prev = c;
    }
    res.sort_unstable();
    res
}

impl Profile {
    /// Computes the fields derived from `seq`, once ids are final.
    pub fn finish(&mut self) {
        let mut v: Vec<u64> = self.seq.windows(2).map(|w| ((w[0] as u64) << 32) | w[1] as u64).collect();
        v.sort_unstable();
        v.dedup();
        self.word_bigrams = v;
    }

    /// Joins several profiles into one, as if their sentences were one text.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a Profile>) -> Profile {
        let mut res = Profile::default();
        let mut words: Vec<&str> = Vec::new();
        for p in parts {
            res.bag.extend_from_slice(&p.bag);
            res.seq.extend_from_slice(&p.seq);
            if !res.plain.is_empty() && !p.plain.is_empty() {
                res.plain.push(' ');
            }
            res.plain.push_str(&p.plain);
        }
        normalize_bag(&mut res.bag);
        words.extend(res.plain.split(' ').filter(|w| !w.is_empty()));
        words.sort_unstable();
        res.sorted = words.join(" ");
        res.char_bigrams = char_bigrams(&res.plain);
        res.finish();
        res
    }
}

/// Sorts a bag by id and keeps one entry per id (the heaviest factor).
fn normalize_bag(bag: &mut Vec<(u32, f32)>) {
    bag.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    bag.dedup_by_key(|x| x.0);
}

/// The folded words of a sentence, from its tokens (a contraction's two
/// tokens share one word).
fn plain_words(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut res: Vec<String> = Vec::with_capacity(tokens.len());
    let mut last = usize::MAX;
    for t in tokens {
        if t.start == last {
            continue;
        }
        last = t.start;
        res.push(text[t.start..t.end].chars().map(normalize::fold_char).flat_map(char::to_lowercase).collect());
    }
    res
}

/// A segmented article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The cleaned article.
    pub article: Article,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// All documents of one comparison, with a shared vocabulary.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The documents, in input order.
    pub docs: Vec<Document>,
    /// Token key of each id.
    pub keys: Vec<String>,
    /// Weight of each id: inverse sentence frequency.
    pub idf: Vec<f32>,
    /// A few facts about each key, packed so that scoring loops need not
    /// touch the key strings.
    pub key_info: Vec<KeyInfo>,
}

/// Facts about one token key that scoring checks in its inner loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyInfo {
    /// The key's first byte.
    pub first: u8,
    /// The key's length in bytes (saturating at 255).
    pub len: u8,
    /// Whether the key is a number.
    pub number: bool,
}

impl KeyInfo {
    fn of(key: &str) -> KeyInfo {
        let first = key.as_bytes().first().copied().unwrap_or(0);
        KeyInfo { first, len: key.len().min(255) as u8, number: first.is_ascii_digit() }
    }
}

impl Corpus {
    /// Segments and tokenizes every article (in parallel: articles are
    /// independent) and interns their tokens.
    pub fn build(articles: Vec<Article>) -> Corpus {
        let pre: Vec<(Article, Vec<SentenceTokens>)> = articles
            .into_par_iter()
            .map(|article| {
                let sents = segment::split(&article.text)
                    .into_iter()
                    .map(|span| {
                        let mut toks = normalize::tokens(&article.text[span.start..span.end]);
                        for t in &mut toks {
                            t.start += span.start;
                            t.end += span.start;
                        }
                        (span, toks)
                    })
                    .collect();
                (article, sents)
            })
            .collect();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut keys = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut n_sentences = 0usize;
        let mut docs: Vec<Document> = Vec::with_capacity(pre.len());
        for (article, sents) in pre {
            let mut sentences = Vec::with_capacity(sents.len());
            for (idx, (span, tokens)) in sents.into_iter().enumerate() {
                let mut bag: Vec<(u32, f32)> = Vec::with_capacity(tokens.len());
                let mut seq: Vec<u32> = Vec::with_capacity(tokens.len());
                for t in &tokens {
                    // Look up before inserting: most tokens are seen before,
                    // and the lookup needs no copy of the key.
                    let id = match ids.get(t.key.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = keys.len() as u32;
                            keys.push(t.key.to_string());
                            df.push(0);
                            ids.insert(t.key.to_string(), id);
                            id
                        }
                    };
                    bag.push((id, kind_factor(t.kind)));
                    seq.push(id);
                }
                normalize_bag(&mut bag);
                for &(id, _) in &bag {
                    df[id as usize] += 1;
                }
                n_sentences += 1;
                let text = collapse_ws(&article.text[span.start..span.end]);
                let mut words = plain_words(&article.text, &tokens);
                let plain = words.join(" ");
                words.sort_unstable();
                let char_bigrams = char_bigrams(&plain);
                let profile =
                    Profile { bag, seq, plain, sorted: words.join(" "), char_bigrams, word_bigrams: Vec::new() };
                sentences.push(Sentence { idx, span, text, tokens, profile });
            }
            docs.push(Document { article, sentences });
        }
        // Renumber ids in key order, so that a corpus built from the same
        // articles in any order is the same corpus: bags sort identically and
        // every score is bit-for-bit independent of argument order.
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_by(|&x, &y| keys[x as usize].cmp(&keys[y as usize]));
        let mut remap = vec![0u32; keys.len()];
        for (new_id, &old_id) in order.iter().enumerate() {
            remap[old_id as usize] = new_id as u32;
        }
        let keys: Vec<String> = order.iter().map(|&o| std::mem::take(&mut keys[o as usize])).collect();
        let df: Vec<u32> = order.iter().map(|&o| df[o as usize]).collect();
        for doc in &mut docs {
            for s in &mut doc.sentences {
                for e in &mut s.profile.bag {
                    e.0 = remap[e.0 as usize];
                }
                s.profile.bag.sort_by_key(|e| e.0);
                for id in &mut s.profile.seq {
                    *id = remap[*id as usize];
                }
                s.profile.finish();
            }
        }
        let n = n_sentences as f32;
        let idf = df.iter().map(|&d| ((n + 1.0) / (d as f32 + 0.5)).ln().max(0.1)).collect();
        let key_info = keys.iter().map(|k| KeyInfo::of(k)).collect();
        Corpus { docs, keys, idf, key_info }
    }

    /// The weight of one bag entry.
    pub fn weight(&self, entry: (u32, f32)) -> f32 {
        self.idf[entry.0 as usize] * entry.1
    }
}

/// Kind factors at or above this mark a content token (a word, name or
/// number rather than a function word).
pub const CONTENT_FACTOR: f32 = 1.0;

/// How much a token kind counts, before IDF: names and numbers carry a
/// story's facts; function words carry almost nothing.
fn kind_factor(kind: TokenKind) -> f32 {
    match kind {
        TokenKind::Name => 1.5,
        TokenKind::Number => 1.5,
        TokenKind::Word => 1.0,
        TokenKind::Stop => 0.1,
    }
}

/// Collapses every whitespace run (newlines included) to one space.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
