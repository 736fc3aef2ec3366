//! The survey behind `claimdiff quotes`: every quotation of every article
//! and how each other article carries it, through inverted indexes.

use super::meaning::{paraphrased, paraphrases, Query};
use super::relation::{content_keys, overlap, relate, speakers_differ, PARAPHRASE_OVERLAP, SAME_QUOTE_OVERLAP};
use super::{extract, Carried, Quote, QuoteStatus, QuoteSurvey, SurveyEntry};
use crate::corpus::Corpus;
use crate::findings;
use crate::normalize::Token;
use crate::semantic::Encoder;

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

/// The most entries a survey may list (each quotation of each article,
/// against each other article): about 2 GB of memory at the measured 630
/// bytes an entry. Hundreds of copies of one article, each listing every
/// other, grow with the square of their count (800 copies of a
/// seven-quotation story: 4.5 million entries, 2.8 GB, 1.5 GB of JSON).
pub const MAX_SURVEY_ENTRIES: usize = 3_000_000;

/// How many entries a survey of `texts` (the articles' cleaned texts) would
/// list: every quotation against every other article. Counted before the
/// survey, so that one too large for memory is refused, not attempted.
pub fn survey_entries(texts: &[&str]) -> usize {
    use rayon::prelude::*;
    let quotations: usize = texts.par_iter().map(|t| extract(t).len()).sum();
    quotations.saturating_mul(texts.len().saturating_sub(1))
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
///
/// With an encoder (and sentence vectors in the corpus, see
/// [`Corpus::prepare`]), an article that carries a quotation neither as a
/// version nor in its words is also searched by meaning (the quotation's
/// vector against its sentences' vectors): its closest sentence retells
/// the quotation when the cosine reaches `floor` and it shares a content
/// word ([`super::PARAPHRASE_COSINE`] in every command).
pub fn survey(corpus: &Corpus, encoder: Option<&Encoder>, floor: f32) -> QuoteSurvey {
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
    let mut found: Vec<Vec<Carried>> = firsts
        .par_iter()
        .map_init(|| (vec![0u32; nq], vec![0u32; ns]), |(qc, sc), &g| index.carried(corpus, g, qc, sc))
        .collect();
    if let Some(encoder) = encoder {
        let queries: Vec<Query> = firsts
            .iter()
            .zip(&found)
            .map(|(&g, carried)| {
                let q = &index.quotes[g];
                Query {
                    doc: q.doc,
                    quote: q.quote,
                    tokens: q.tokens,
                    covered: carried.iter().map(|c| c.source).collect(),
                }
            })
            .collect();
        let more = paraphrases(corpus, encoder, &queries, floor);
        for (carried, more) in found.iter_mut().zip(more) {
            if !more.is_empty() {
                carried.extend(more);
                carried.sort_by_key(|c| c.source);
            }
        }
    }
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
                    similarity: None,
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
                    para.push(paraphrased(corpus, doc, s, None));
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
pub(super) fn overlap_of(quote: &[Token], sentence: &[Token]) -> f32 {
    let (kq, ks) = (content_keys(quote), content_keys(sentence));
    // A short quotation shares its few words with too many sentences.
    if kq.len() < 4 {
        return 0.0;
    }
    kq.intersection(&ks).count() as f32 / kq.len() as f32
}
