//! Where to mark a row's sentences for a reader: the words the word diff
//! changed and the words behind each flag, as byte ranges of each side's
//! sentence (the text [`Side::sentence`] holds). The HTML page marks them
//! inside the side-by-side columns.
//!
//! A flag's evidence is a byte range of the cleaned article, and a side's
//! sentence is that text with whitespace collapsed, so the evidence is
//! found by its (collapsed) text, the occurrence nearest its article
//! position winning.

use super::{Chunk, Evidence, Row, Side};

/// What a marked range is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// Words only this side has (the word diff's removed words on side A,
    /// its added words on side B).
    Changed,
    /// Words behind a flag, with the flag's name.
    Flag(String),
}

/// A marked byte range of a side's sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Start, inclusive, at a char boundary.
    pub start: usize,
    /// End, exclusive, at a char boundary.
    pub end: usize,
    /// What it marks.
    pub kind: MarkKind,
}

/// Which side of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Side A.
    A,
    /// Side B.
    B,
}

/// The byte range of each whitespace-separated word of `s`.
fn word_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

impl Side {
    /// The byte range of `ev` in [`Side::sentence`], if the side holds its
    /// text: of several occurrences, the one nearest the evidence's place
    /// in the article.
    pub fn locate(&self, ev: &Evidence) -> Option<(usize, usize)> {
        if ev.text.is_empty() {
            return None;
        }
        // Where the evidence would sit if collapsing whitespace moved
        // nothing: its offset in its sentence, plus the sentences before
        // (collapsing only shortens, so this is near, never far).
        let mut before = 0;
        let mut expected = None;
        for span in &self.spans {
            if span.start <= ev.start && ev.start < span.end.max(span.start + 1) {
                expected = Some(before + (ev.start - span.start));
            }
            before += span.end.saturating_sub(span.start) + 1;
        }
        let expected = expected?;
        self.sentence
            .match_indices(ev.text.as_str())
            .map(|(at, _)| at)
            .min_by_key(|&at| at.abs_diff(expected))
            .map(|at| (at, at + ev.text.len()))
    }
}

impl Row {
    /// The marks of one side, in order of start: changed words first where
    /// a flag covers the same words. Empty when the side is missing.
    pub fn marks(&self, which: Which) -> Vec<Mark> {
        let side = match which {
            Which::A => self.a.as_ref(),
            Which::B => self.b.as_ref(),
        };
        let Some(side) = side else { return Vec::new() };
        let mut marks = Vec::new();
        // The diff's words on this side, in order: equal words and this
        // side's changed words, each chunk a run of whole words.
        if self.a.is_some() && self.b.is_some() {
            let words = word_ranges(&side.sentence);
            let mut w = 0;
            for c in &self.diff {
                let (text, changed) = match (c, which) {
                    (Chunk::Equal(t), _) => (t, false),
                    (Chunk::Removed(t), Which::A) | (Chunk::Added(t), Which::B) => (t, true),
                    _ => continue,
                };
                let n = text.split_whitespace().count();
                if n == 0 {
                    continue;
                }
                if w + n > words.len() {
                    // The diff was not made from this text: mark nothing.
                    marks.clear();
                    break;
                }
                if changed {
                    marks.push(Mark { start: words[w].0, end: words[w + n - 1].1, kind: MarkKind::Changed });
                }
                w += n;
            }
        }
        for f in &self.flags {
            let evidence = match which {
                Which::A => &f.a,
                Which::B => &f.b,
            };
            for ev in evidence {
                if let Some((start, end)) = side.locate(ev) {
                    marks.push(Mark { start, end, kind: MarkKind::Flag(f.name.clone()) });
                }
            }
        }
        marks.sort_by_key(|m| (m.start, matches!(m.kind, MarkKind::Flag(_))));
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Flag, Status};
    use crate::segment::Span;

    fn side(text: &str, start: usize) -> Side {
        Side {
            source: "X".into(),
            indices: vec![0],
            sentence: text.into(),
            spans: vec![Span { start, end: start + text.len() }],
        }
    }

    fn row(a: &str, b: &str, flags: Vec<Flag>) -> Row {
        Row {
            status: Status::Reworded,
            similarity: 0.9,
            a: Some(side(a, 100)),
            b: Some(side(b, 500)),
            diff: crate::classify::word_diff(a, b),
            flags,
            explain: None,
        }
    }

    fn texts<'a>(s: &'a str, marks: &[Mark]) -> Vec<(&'a str, MarkKind)> {
        marks.iter().map(|m| (&s[m.start..m.end], m.kind.clone())).collect()
    }

    #[test]
    fn changed_words_are_marked_on_their_side() {
        let (a, b) = ("About 1,200 workers walked out.", "Some 1,500 workers walked out on Wednesday.");
        let r = row(a, b, Vec::new());
        assert_eq!(texts(a, &r.marks(Which::A)), vec![("About 1,200", MarkKind::Changed), ("out.", MarkKind::Changed)]);
        assert_eq!(
            texts(b, &r.marks(Which::B)),
            vec![("Some 1,500", MarkKind::Changed), ("out on Wednesday.", MarkKind::Changed)]
        );
    }

    #[test]
    fn flag_evidence_is_found_nearest_its_place() {
        // "1,200" twice; the evidence sits at the second.
        let a = "Of 1,200 staff, 1,200 walked out.";
        let at = a.rfind("1,200").unwrap();
        let ev = Evidence { start: 100 + at, end: 100 + at + 5, text: "1,200".into() };
        let flag =
            Flag { name: "number_changed".into(), rule: "r".into(), explanation: "e".into(), a: vec![ev], b: vec![] };
        let r = row(a, "Of 1,200 staff, 1,500 walked out.", vec![flag]);
        let marks = r.marks(Which::A);
        let flagged: Vec<_> = marks.iter().filter(|m| matches!(m.kind, MarkKind::Flag(_))).collect();
        assert_eq!(flagged.len(), 1);
        assert_eq!(flagged[0].start, at);
        // Evidence whose text the side does not hold marks nothing.
        let gone = Evidence { start: 100, end: 105, text: "absent".into() };
        assert_eq!(side(a, 100).locate(&gone), None);
    }

    #[test]
    fn a_missing_side_has_no_marks() {
        let r = Row {
            status: Status::OnlyA,
            similarity: 0.1,
            a: Some(side("Only here.", 0)),
            b: None,
            diff: Vec::new(),
            flags: Vec::new(),
            explain: None,
        };
        assert!(r.marks(Which::A).is_empty() && r.marks(Which::B).is_empty());
    }
}
