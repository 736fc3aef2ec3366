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
use crate::sameclaim::Facts;
use crate::segment::{self, Span};
use crate::semantic::Encoder;
pub use crate::text::collapse_ws;
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
    /// The sentence's unit vector from the semantic encoder; empty when the
    /// corpus has none (see [`Corpus::embed`]).
    pub vector: Vec<f32>,
    /// Figures, days and names, for the same-claim contrast.
    pub facts: Facts,
}

/// The sorted character bigrams of a text, whitespace removed.
pub fn char_bigrams(plain: &str) -> Vec<u64> {
    let mut chars = plain.chars().filter(|c| !c.is_whitespace());
    let Some(mut prev) = chars.next() else { return Vec::new() };
    // Exactly as many as there are: every sentence keeps its bigrams for
    // the whole run.
    let mut res = Vec::with_capacity(chars.clone().count());
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
        let mut has_vectors = true;
        let mut facts: Vec<&Facts> = Vec::new();
        for p in parts {
            // The joined text's vector is approximated by the normalised sum
            // of its parts' vectors (mean pooling over the joined tokens).
            has_vectors &= !p.vector.is_empty();
            if has_vectors {
                res.vector.resize(p.vector.len(), 0.0);
                for (r, v) in res.vector.iter_mut().zip(&p.vector) {
                    *r += v;
                }
            }
            res.bag.extend_from_slice(&p.bag);
            res.seq.extend_from_slice(&p.seq);
            if !res.plain.is_empty() && !p.plain.is_empty() {
                res.plain.push(' ');
            }
            res.plain.push_str(&p.plain);
            facts.push(&p.facts);
        }
        res.facts = Facts::join(facts);
        if has_vectors {
            crate::semantic::normalize(&mut res.vector);
        } else {
            res.vector.clear();
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
    /// The tokens of its title (spans into the title), when it has one: a
    /// headline is no sentence of the article, but what it says another
    /// outlet cannot be the only one to say.
    pub title: Vec<Token>,
    /// The title's profile (empty without a title), for the same check by
    /// meaning.
    pub title_profile: Profile,
}

/// The vocabulary being interned while a corpus is built: each key's id and
/// sentence frequency.
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    df: Vec<u32>,
}

impl Vocab {
    /// The profile of a text's tokens (their spans index `text`), their keys
    /// interned (ids final only after [`Corpus::build`] renumbers them).
    fn profile(&mut self, text: &str, tokens: &[Token]) -> Profile {
        let mut bag: Vec<(u32, f32)> = Vec::with_capacity(tokens.len());
        let mut seq: Vec<u32> = Vec::with_capacity(tokens.len());
        for t in tokens {
            // Look up before inserting: most tokens are seen before, and the
            // lookup needs no copy of the key.
            let id = match self.ids.get(t.key.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.keys.len() as u32;
                    self.keys.push(t.key.to_string());
                    self.df.push(0);
                    self.ids.insert(t.key.to_string(), id);
                    id
                }
            };
            bag.push((id, kind_factor(t.kind)));
            seq.push(id);
        }
        normalize_bag(&mut bag);
        let mut words = plain_words(text, tokens);
        let plain = words.join(" ");
        words.sort_unstable();
        let char_bigrams = char_bigrams(&plain);
        Profile {
            bag,
            seq,
            plain,
            sorted: words.join(" "),
            char_bigrams,
            word_bigrams: Vec::new(),
            vector: Vec::new(),
            facts: Facts::of(text, tokens, 0),
        }
    }
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
    /// Which similarity the corpus is scored with.
    pub scorer: Scorer,
}

/// The similarity a comparison used, as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scorer {
    /// Lexical features only: no encoder was given, or the run was larger
    /// than the semantic budget (the reason says which).
    #[default]
    Lexical,
    /// Lexical features plus the named encoder's sentence vectors.
    Semantic(String),
}

impl Scorer {
    /// `lexical` or `semantic:MODEL`, as the text and JSON headers print it.
    pub fn label(&self) -> String {
        match self {
            Scorer::Lexical => "lexical".to_owned(),
            Scorer::Semantic(model) => format!("semantic:{model}"),
        }
    }
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
    /// The bytes it holds, as bits (`byte % 64`), for an ASCII key of at
    /// most 255 bytes; `None` otherwise.
    pub bytes: Option<u64>,
}

impl KeyInfo {
    pub(crate) fn of(key: &str) -> KeyInfo {
        let first = key.as_bytes().first().copied().unwrap_or(0);
        let bytes = (key.is_ascii() && key.len() <= 255).then(|| key.bytes().fold(0u64, |m, b| m | 1 << (b % 64)));
        KeyInfo { first, len: key.len().min(255) as u8, number: first.is_ascii_digit(), bytes }
    }
}

impl Corpus {
    /// Segments and tokenizes every article (in parallel: articles are
    /// independent) and interns their tokens.
    pub fn build(articles: Vec<Article>) -> Corpus {
        let pre: Vec<(Article, Vec<SentenceTokens>, Vec<Token>)> = articles
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
                        // Kept for the whole run: moved into an exact fit (a
                        // one-word sentence's vector has room for four), and
                        // the grown one freed for the next sentence to reuse
                        // (shrinking in place would leave a hole behind each).
                        let mut exact = Vec::with_capacity(toks.len());
                        exact.append(&mut toks);
                        (span, exact)
                    })
                    .collect();
                let title = article.meta.title.as_deref().map(normalize::tokens).unwrap_or_default();
                (article, sents, title)
            })
            .collect();
        let mut vocab = Vocab::default();
        let mut n_sentences = 0usize;
        let mut docs: Vec<Document> = Vec::with_capacity(pre.len());
        for (article, sents, title) in pre {
            let mut sentences = Vec::with_capacity(sents.len());
            for (idx, (span, tokens)) in sents.into_iter().enumerate() {
                let profile = vocab.profile(&article.text, &tokens);
                for &(id, _) in &profile.bag {
                    vocab.df[id as usize] += 1;
                }
                n_sentences += 1;
                let text = collapse_ws(&article.text[span.start..span.end]);
                sentences.push(Sentence { idx, span, text, tokens, profile });
            }
            // The title is profiled like a sentence, but counts in no word's
            // sentence frequency: it is no sentence of the article.
            let title_profile = vocab.profile(article.meta.title.as_deref().unwrap_or(""), &title);
            docs.push(Document { article, sentences, title, title_profile });
        }
        let Vocab { mut keys, df, .. } = vocab;
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
            for p in doc.sentences.iter_mut().map(|s| &mut s.profile).chain([&mut doc.title_profile]) {
                for e in &mut p.bag {
                    e.0 = remap[e.0 as usize];
                }
                p.bag.sort_by_key(|e| e.0);
                for id in &mut p.seq {
                    *id = remap[*id as usize];
                }
                p.finish();
            }
        }
        let n = n_sentences as f32;
        let idf = df.iter().map(|&d| ((n + 1.0) / (d as f32 + 0.5)).ln().max(0.1)).collect();
        let key_info = keys.iter().map(|k| KeyInfo::of(k)).collect();
        Corpus { docs, keys, idf, key_info, scorer: Scorer::Lexical }
    }

    /// Adds the encoder's vector to every sentence's profile, when the
    /// corpus has at most `max_sentences` sentences (the int8 encoder costs
    /// about 1.4 ms a sentence on two cores). Returns whether it did.
    pub fn embed(&mut self, encoder: &Encoder, max_sentences: usize) -> bool {
        let n: usize = self.docs.iter().map(|d| d.sentences.len()).sum();
        if n > max_sentences {
            return false;
        }
        // Every sentence, then every title (a headline another outlet's
        // claim may repeat).
        let titled = |d: &Document| !d.title_profile.bag.is_empty();
        let texts: Vec<&str> = self
            .docs
            .iter()
            .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
            .chain(self.docs.iter().filter(|d| titled(d)).map(|d| d.article.meta.title.as_deref().unwrap_or("")))
            .collect();
        let vectors = encoder.embed(&texts);
        let dim = encoder.dim();
        let mut chunks = vectors.chunks_exact(dim);
        for doc in &mut self.docs {
            for s in &mut doc.sentences {
                s.profile.vector = chunks.next().map(<[f32]>::to_vec).unwrap_or_default();
            }
        }
        for doc in self.docs.iter_mut().filter(|d| titled(d)) {
            doc.title_profile.vector = chunks.next().map(<[f32]>::to_vec).unwrap_or_default();
        }
        self.scorer = Scorer::Semantic(encoder.name().to_owned());
        true
    }

    /// Embeds the corpus when `cfg` carries an encoder and the corpus fits
    /// its budget: how every comparison entry point prepares its corpus.
    pub fn prepare(&mut self, cfg: &crate::config::MatchConfig) {
        if let Some(encoder) = cfg.encoder {
            self.embed(encoder, cfg.semantic_max_sentences);
        }
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
