//! What the flag rules read: one side of an aligned row as a [`View`] (its
//! tokens, sentence spans and quotations, and the evidence spans it hands
//! out), each document's quotations tokenised once, and the changed
//! [`Region`]s of a token-level diff that several rules share.

use crate::corpus::Document;
use crate::findings::Evidence;
use crate::normalize::{Token, TokenKind};
use crate::quote::{self, Quote};
use crate::segment::Span;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// A document's quotations with their tokens, computed once per report.
pub(crate) type DocQuotes = Vec<QuoteTokens>;

/// A quotation with its tokens.
pub(super) type QuoteTokens = (Quote, Vec<Token>);

pub(crate) fn doc_quotes(doc: &Document) -> DocQuotes {
    quote::extract(&doc.article.text)
        .into_iter()
        .map(|q| {
            let t = q.tokens(&doc.article.text);
            (q, t)
        })
        .collect()
}

/// One side of an aligned row, as the flag rules see it.
pub(super) struct View<'a> {
    /// The cleaned article.
    pub(super) text: &'a str,
    /// The tokens of the side's sentences, in order (article offsets).
    pub(super) tokens: Vec<&'a Token>,
    /// The side's sentence spans.
    pub(super) spans: Vec<Span>,
    /// The quotations that start inside the side's sentences.
    pub(super) quotes: Vec<&'a QuoteTokens>,
    /// The tokens of the sentence just before the side's first one (empty
    /// at the article's start): an attribution there carries over ("Police
    /// say ... 0.41%. That is five times the legal limit.").
    pub(super) before: &'a [Token],
}

impl<'a> View<'a> {
    pub(super) fn new(doc: &'a Document, idx: &[usize], quotes: &'a DocQuotes) -> View<'a> {
        let spans: Vec<Span> = idx.iter().map(|&i| doc.sentences[i].span).collect();
        let tokens = idx.iter().flat_map(|&i| doc.sentences[i].tokens.iter()).collect();
        let quotes = quotes.iter().filter(|(q, _)| spans.iter().any(|s| overlaps(s, &q.span))).collect();
        let before = idx.first().and_then(|&i| i.checked_sub(1)).map_or(&[][..], |i| &doc.sentences[i].tokens[..]);
        View { text: &doc.article.text, tokens, spans, quotes, before }
    }

    pub(super) fn word(&self, t: &Token) -> String {
        self.text[t.start..t.end].chars().map(crate::normalize::fold_char).flat_map(char::to_lowercase).collect()
    }

    pub(super) fn evidence(&self, start: usize, mut end: usize) -> Evidence {
        // Keep brackets balanced: "(TTP" reads better as "(TTP)".
        let opened = self.text[start..end].matches('(').count() > self.text[start..end].matches(')').count();
        if opened && self.text[end..].starts_with(')') {
            end += 1;
        }
        Evidence { start, end, text: crate::corpus::collapse_ws(&self.text[start..end]) }
    }
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// A changed stretch of a token-level diff: token index ranges on each side.
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub(super) a: Range<usize>,
    pub(super) b: Range<usize>,
}

/// The changed regions between two token sequences. Regions separated only
/// by one or two function words merge, so "backed by India" stays one
/// stretch even when the diff anchors on "by".
pub(super) fn regions(a: &[&Token], b: &[&Token]) -> Vec<Region> {
    let ka: Vec<&str> = a.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|t| t.key.as_str()).collect();
    // Patience diff is not symmetric when a sequence repeats words: diff in
    // one canonical orientation and mirror, so `compare B A` flags the same
    // words as `compare A B`.
    if ka > kb {
        return regions(b, a).into_iter().map(|r| Region { a: r.b, b: r.a }).collect();
    }
    let mut res: Vec<Region> = Vec::new();
    let mut gap_ok = false;
    for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                gap_ok = len <= 2 && a[old_index..old_index + len].iter().all(|t| t.kind == TokenKind::Stop);
            }
            _ => {
                let (ra, rb) = (op.old_range(), op.new_range());
                match res.last_mut() {
                    Some(last) if gap_ok && last.a.end + 2 >= ra.start && last.b.end + 2 >= rb.start => {
                        last.a.end = ra.end.max(last.a.end);
                        last.b.end = rb.end.max(last.b.end);
                    }
                    _ => res.push(Region { a: ra, b: rb }),
                }
                gap_ok = false;
            }
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{the_flag, PORT};

    #[test]
    fn evidence_spans_point_at_the_words() {
        let a = format!("Headline here\n\n{PORT}");
        let b = "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.";
        let article = crate::article::Article::from_text("a", &a).unwrap();
        let f = the_flag(&a, b, "number_changed");
        let e = &f.a[0];
        assert_eq!(&article.text[e.start..e.end], e.text);
    }
}
