//! Paraphrases found by meaning: a quotation that another article retells
//! in other words ("There are only reports of a limited number of targeted
//! attacks directed at older versions" against "Only a few targeted attacks
//! on older versions have been reported, the company said"), which the
//! word-overlap rule of the survey cannot see. Each quotation's vector (the
//! sentence encoder over its quoted words) is compared with every sentence
//! vector of the other articles, in blocked matrix products; the closest
//! sentence of an article is a paraphrase when its cosine reaches the floor
//! and it shares a content word with the quotation (an anchor: a retelling
//! keeps a name or a key word, a look-alike on the same topic often does
//! not).

use super::relation::content_keys;
use super::{Carried, Quote, QuoteStatus};
use crate::corpus::Corpus;
use crate::normalize::Token;
use crate::semantic::Encoder;

/// The lowest cosine between a quotation and another article's sentence at
/// which the sentence counts as retelling it. Chosen on judged pairs of
/// real multi-outlet stories (BENCHMARKS.md, "Paraphrased quotations by
/// meaning"): above it most are retellings, below it most are other
/// statements on the same topic.
pub const PARAPHRASE_COSINE: f32 = 0.70;

/// Quotations with fewer content words are not looked up by meaning: a
/// short phrase is close to too many sentences.
const MIN_CONTENT: usize = 4;

/// A quotation to look up: its article, the quotation, its tokens, and the
/// articles that already carry it (sorted), which are not searched.
pub(super) struct Query<'a> {
    pub doc: usize,
    pub quote: &'a Quote,
    pub tokens: &'a [Token],
    pub covered: Vec<usize>,
}

/// For each query, the other articles whose closest sentence retells it
/// (cosine at least `floor`), in article order. Empty when the corpus has
/// no sentence vectors (no encoder, or over the semantic budget).
pub(super) fn paraphrases(corpus: &Corpus, encoder: &Encoder, queries: &[Query], floor: f32) -> Vec<Vec<Carried>> {
    use rayon::prelude::*;
    let mut res = vec![Vec::new(); queries.len()];
    let sentences: Vec<(usize, &crate::corpus::Sentence)> = corpus
        .docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| doc.sentences.iter().map(move |s| (d, s)))
        .filter(|(_, s)| !s.profile.vector.is_empty())
        .collect();
    let Some(dim) = sentences.first().map(|(_, s)| s.profile.vector.len()) else { return res };
    let asked: Vec<usize> =
        (0..queries.len()).filter(|&i| content_keys(queries[i].tokens).len() >= MIN_CONTENT).collect();
    if asked.is_empty() {
        return res;
    }
    let texts: Vec<&str> = asked.iter().map(|&i| queries[i].quote.text.as_str()).collect();
    let qv = encoder.embed(&texts);
    if qv.len() != asked.len() * dim {
        return res;
    }
    let n = sentences.len();
    let mut matrix = Vec::with_capacity(n * dim);
    for (_, s) in &sentences {
        matrix.extend_from_slice(&s.profile.vector);
    }
    const BLOCK: usize = 128;
    let found: Vec<(usize, Vec<Carried>)> = asked
        .par_chunks(BLOCK)
        .enumerate()
        .flat_map_iter(|(blk, chunk)| {
            let sims =
                crate::semantic::cosines(&qv[blk * BLOCK * dim..(blk * BLOCK + chunk.len()) * dim], &matrix, dim);
            chunk
                .iter()
                .enumerate()
                .map(|(row, &i)| (i, closest(corpus, &queries[i], &sentences, &sims[row * n..(row + 1) * n], floor)))
                .collect::<Vec<_>>()
        })
        .collect();
    for (i, carried) in found {
        res[i] = carried;
    }
    res
}

/// The other articles' closest sentences to one quotation that retell it.
fn closest(
    corpus: &Corpus,
    q: &Query,
    sentences: &[(usize, &crate::corpus::Sentence)],
    sims: &[f32],
    floor: f32,
) -> Vec<Carried> {
    let keys = content_keys(q.tokens);
    let mut out = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let doc = sentences[k].0;
        let end = k + sentences[k..].iter().take_while(|(d, _)| *d == doc).count();
        if doc != q.doc && q.covered.binary_search(&doc).is_err() {
            let best = (k..end)
                .filter(|&j| sims[j] >= floor)
                .filter(|&j| content_keys(&sentences[j].1.tokens).iter().any(|w| keys.contains(w)))
                .max_by(|&x, &y| sims[x].total_cmp(&sims[y]).then(y.cmp(&x)));
            if let Some(j) = best {
                out.push(paraphrased(corpus, doc, sentences[j].1, Some(sims[j])));
            }
        }
        k = end;
    }
    out
}

/// `doc`'s sentence `s` as a paraphrase of a quotation: `similarity` is the
/// cosine when found by meaning, `None` when found by its words.
pub(super) fn paraphrased(
    corpus: &Corpus,
    doc: usize,
    s: &crate::corpus::Sentence,
    similarity: Option<f32>,
) -> Carried {
    Carried {
        source: doc,
        outlet: corpus.docs[doc].article.meta.outlet.clone(),
        status: QuoteStatus::Paraphrased,
        text: Some(s.text.clone()),
        span: Some([s.span.start, s.span.end]),
        speaker: None,
        speaker_changed: false,
        similarity,
    }
}
