//! Classification: turns an alignment into report rows.
//!
//! Decides each row's status (`same`, `reworded`, `partial`, `only_a`,
//! `only_b`), computes the word-level diff from A to B, and attaches flags.
//! The word diff compares glyph-folded words (so curly and straight quotes
//! do not count as changes) with the `similar` crate's Patience diff, and
//! shows the original words.

use crate::align::{Link, PairAlignment};
use crate::corpus::{Corpus, Document};
use crate::normalize::fold_glyphs;
use crate::report::{Chunk, PairReport, Row, Side, SourceInfo, Status};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// A side covering at least this fraction of the other's token weight,
/// while the other covers less than [`PARTIAL_OTHER`] of it, is `partial`.
const PARTIAL_COVER: f32 = 0.85;
const PARTIAL_OTHER: f32 = 0.6;

/// Builds the report rows for an alignment.
pub fn pair_report(corpus: &Corpus, al: &PairAlignment) -> PairReport {
    let (doc_a, doc_b) = (&corpus.docs[al.da], &corpus.docs[al.db]);
    let mut keyed: Vec<((usize, usize, usize), Row)> = Vec::new();
    for link in &al.links {
        keyed.push(((link.a[0], 1, link.b[0]), link_row(doc_a, doc_b, link)));
    }
    for u in &al.only_a {
        let side = side(doc_a, &[u.idx]);
        keyed.push((
            (u.idx, 1, 0),
            Row { status: Status::OnlyA, similarity: u.best, a: Some(side), b: None, diff: vec![], flags: vec![] },
        ));
    }
    // A B-only sentence goes right after the row holding its nearest earlier
    // B sentence, so the report reads in both articles' order.
    let mut anchor_of_b: Vec<Option<usize>> = vec![None; doc_b.sentences.len()];
    for link in &al.links {
        for &j in &link.b {
            anchor_of_b[j] = Some(link.a[0]);
        }
    }
    for u in &al.only_b {
        let anchor = (0..u.idx).rev().find_map(|j| anchor_of_b[j]);
        let key = match anchor {
            Some(a) => (a, 2, u.idx),
            None => (0, 0, u.idx),
        };
        let side = side(doc_b, &[u.idx]);
        keyed.push((
            key,
            Row { status: Status::OnlyB, similarity: u.best, a: None, b: Some(side), diff: vec![], flags: vec![] },
        ));
    }
    keyed.sort_by_key(|(k, _)| *k);
    PairReport { sources: [source_info(doc_a), source_info(doc_b)], rows: keyed.into_iter().map(|(_, r)| r).collect() }
}

fn link_row(doc_a: &Document, doc_b: &Document, link: &Link) -> Row {
    let a = side(doc_a, &link.a);
    let b = side(doc_b, &link.b);
    let s = link.score;
    let status = if link.a.len() > 1 || link.b.len() > 1 {
        Status::Partial
    } else if fold_glyphs(&a.sentence) == fold_glyphs(&b.sentence) {
        Status::Same
    } else if s.covered_a.max(s.covered_b) >= PARTIAL_COVER && s.covered_a.min(s.covered_b) < PARTIAL_OTHER {
        Status::Partial
    } else {
        Status::Reworded
    };
    let diff = word_diff(&a.sentence, &b.sentence);
    let similarity = if status == Status::Same { 1.0 } else { s.total };
    Row { status, similarity, a: Some(a), b: Some(b), diff, flags: vec![] }
}

fn side(doc: &Document, idx: &[usize]) -> Side {
    let sentence = idx.iter().map(|&i| doc.sentences[i].text.as_str()).collect::<Vec<_>>().join(" ");
    Side {
        source: doc.article.meta.outlet.clone(),
        indices: idx.to_vec(),
        sentence,
        spans: idx.iter().map(|&i| doc.sentences[i].span).collect(),
    }
}

/// What a report says about one document.
pub fn source_info(doc: &Document) -> SourceInfo {
    let m = &doc.article.meta;
    SourceInfo {
        outlet: m.outlet.clone(),
        title: m.title.clone(),
        date: m.date.clone(),
        url: m.url.clone(),
        path: m.path.display().to_string(),
        sentences: doc.sentences.len(),
    }
}

/// The word-level diff from `a` to `b`. Words compare glyph-folded.
pub fn word_diff(a: &str, b: &str) -> Vec<Chunk> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let fa: Vec<String> = wa.iter().map(|w| fold_glyphs(w)).collect();
    let fb: Vec<String> = wb.iter().map(|w| fold_glyphs(w)).collect();
    let mut res: Vec<Chunk> = Vec::new();
    let join = |ws: &[&str]| ws.join(" ");
    for op in capture_diff_slices(Algorithm::Patience, &fa, &fb) {
        match op {
            DiffOp::Equal { old_index, len, .. } => res.push(Chunk::Equal(join(&wa[old_index..old_index + len]))),
            DiffOp::Delete { old_index, old_len, .. } => {
                res.push(Chunk::Removed(join(&wa[old_index..old_index + old_len])))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                res.push(Chunk::Added(join(&wb[new_index..new_index + new_len])))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                res.push(Chunk::Removed(join(&wa[old_index..old_index + old_len])));
                res.push(Chunk::Added(join(&wb[new_index..new_index + new_len])));
            }
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::word_diff_notation;

    fn check(a: &str, b: &str, expected: &str) {
        assert_eq!(word_diff_notation(&word_diff(a, b)), expected);
    }

    #[test]
    fn word_diff_uses_git_notation() {
        check("the cat sat", "the cat sat", "the cat sat");
        check("the cat sat", "the dog sat", "the [-cat-]{+dog+} sat");
        check(
            "workers walked out",
            "workers walked out, adding that rivals paid them",
            "workers walked [-out-]{+out, adding that rivals paid them+}",
        );
        check("he said it", "he said", "he said [-it-]");
    }

    #[test]
    fn word_diff_ignores_quote_glyphs() {
        check("\u{201c}We go,\u{201d} he said", "\"We go,\" he said", "\u{201c}We go,\u{201d} he said");
    }
}
