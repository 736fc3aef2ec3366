//! Derivation: how much of a story comes from its reference copy.
//!
//! The question an editor asks of a story and the agency copy it drew on
//! ("how much of this is wire?"), answered per story sentence and per story,
//! for the `check` stage. Every story sentence is compared with the
//! references *pooled*: all reference sentences, of every reference, as one
//! body of copy. So a sentence that merges two wire sentences, or retells a
//! paragraph, is supported, where a one-to-one alignment would leave it out.
//!
//! The evidence for one story sentence:
//! - **wording**: the share of its word trigrams (over normalised token ids,
//!   [`Profile::seq`]) found anywhere in the references, and the longest run
//!   of consecutive shared tokens (runs may cross a reference's sentence
//!   boundaries, as copy joined by an editor does);
//! - **content**: the best calibrated similarity ([`matching::score_above`],
//!   with the encoder's cosine when the corpus has vectors) to a single
//!   reference sentence, and the share of the sentence's content weight
//!   (IDF-weighted words, names and numbers) that the union of its best few
//!   reference sentences holds, with the similarity to those sentences
//!   joined.
//!
//! From it, one label: [`Label::Verbatim`] (the wording was taken),
//! [`Label::Rewritten`] (the content is there, reworded or merged) or
//! [`Label::New`]. A story's [`Reuse`] gives the share of its words in each
//! class and one score. Pure computation over a prepared [`Corpus`].

use crate::corpus::{Corpus, Profile, CONTENT_FACTOR};
use crate::matching;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// How a story sentence relates to the references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The wording was taken: long runs of the sentence's words stand in
    /// the references as they stand here.
    Verbatim,
    /// The content is in the references, reworded, shortened, or drawn from
    /// several reference sentences together.
    Rewritten,
    /// Not in the references.
    New,
}

impl Label {
    /// The contract name (`verbatim`, `rewritten`, `new`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Verbatim => "verbatim",
            Label::Rewritten => "rewritten",
            Label::New => "new",
        }
    }
}

/// A reference sentence a story sentence draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefSentence {
    /// The reference's outlet.
    pub source: String,
    /// The sentence's index in that reference.
    pub index: usize,
}

/// The measurements behind a label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// Share of the sentence's word trigrams found in the references (for
    /// sentences of one or two tokens: whether they occur as they are).
    pub containment: f32,
    /// The longest run of consecutive tokens shared with the references.
    pub longest_run: usize,
    /// Best similarity to a single reference sentence.
    pub best_score: f32,
    /// Share of the sentence's content weight held by the union of its best
    /// few reference sentences.
    pub coverage: f32,
    /// Similarity to those reference sentences joined into one text.
    pub merged_score: f32,
}

/// One story sentence's derivation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceDerivation {
    /// The story sentence's index.
    pub index: usize,
    /// Its label.
    pub label: Label,
    /// The reference sentences it draws on, strongest first (empty for
    /// `new`).
    #[serde(rename = "ref")]
    pub refs: Vec<RefSentence>,
    /// Its words (as the word shares count them).
    pub words: usize,
    /// The measurements behind the label.
    pub evidence: Evidence,
}

/// How much of a story is derived from its references, in three classes
/// (the METER corpus's wholly / partially / non-derived).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// Reuse score [`WHOLLY`] or more: the story is the references' copy,
    /// lightly edited.
    Wholly,
    /// Reuse score [`PARTLY`] or more: copy with the outlet's own material.
    Partly,
    /// Less: the story was written independently.
    #[default]
    Not,
}

impl Derived {
    /// The contract name (`wholly`, `partly`, `not`).
    pub fn as_str(self) -> &'static str {
        match self {
            Derived::Wholly => "wholly",
            Derived::Partly => "partly",
            Derived::Not => "not",
        }
    }

    /// The class of a reuse score.
    pub fn of(score: f32) -> Derived {
        if score >= WHOLLY {
            Derived::Wholly
        } else if score >= PARTLY {
            Derived::Partly
        } else {
            Derived::Not
        }
    }
}

/// The reuse score from which a story is wholly derived, and...
pub const WHOLLY: f32 = 0.9;
/// ...partly derived. Both chosen on the train pairs of
/// tests/gold/reuse-pairs.json (three-class macro-F1, cuts in steps of 0.05:
/// 0.9 and any of 0.35-0.45 tie; the middle taken).
pub const PARTLY: f32 = 0.4;

/// A story's reuse of its references: the share of its words in sentences
/// of each label, one score in [0, 1], and its class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Reuse {
    /// Share of the story's words in `verbatim` sentences.
    pub verbatim: f32,
    /// Share in `rewritten` sentences.
    pub rewritten: f32,
    /// Share in `new` sentences.
    pub new: f32,
    /// How much of the story comes from the references: see [`reuse`].
    pub score: f32,
    /// The story's words, as the shares count them.
    pub words: usize,
    /// The score's class: `wholly`, `partly` or `not` derived.
    pub derived: Derived,
}

/// Cut-offs of the labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeriveConfig {
    /// A sentence with at least this trigram containment is `verbatim`...
    pub verbatim_containment: f32,
    /// ...as is one with a shared run of at least this many tokens...
    pub verbatim_run: usize,
    /// ...covering at least this share of its tokens.
    pub verbatim_run_share: f32,
    /// A sentence scoring at least this against one reference sentence is
    /// `rewritten`...
    pub rewritten_score: f32,
    /// ...as is one whose content weight the union of its best reference
    /// sentences covers to at least this share...
    pub rewritten_coverage: f32,
    /// ...when it also scores at least this against them joined...
    pub rewritten_merged_score: f32,
    /// ...or shares a run of at least this many tokens with the references.
    pub rewritten_run: usize,
    /// A shared run of this many tokens is evidence of copying...
    pub copied_run: usize,
    /// ...and a story with this many sentences that are `verbatim` or hold
    /// such a run shows copying (see [`derive()`]).
    pub copying_sentences: usize,
}

impl Default for DeriveConfig {
    fn default() -> Self {
        DeriveConfig {
            verbatim_containment: 0.5,
            verbatim_run: 8,
            verbatim_run_share: 0.5,
            rewritten_score: 0.55,
            rewritten_coverage: 0.5,
            rewritten_merged_score: 0.45,
            rewritten_run: 3,
            // Chosen on the train stories of tests/gold/reuse-pairs.json
            // (derived vs independent ECB+ pairs; BENCHMARKS.md).
            copied_run: 6,
            copying_sentences: 3,
        }
    }
}

impl DeriveConfig {
    /// The label the evidence earns.
    pub fn label(&self, e: &Evidence, n_tokens: usize) -> Label {
        let run_share = e.longest_run as f32 / n_tokens.max(1) as f32;
        if e.containment >= self.verbatim_containment
            || (e.longest_run >= self.verbatim_run && run_share >= self.verbatim_run_share)
        {
            Label::Verbatim
        } else if e.best_score >= self.rewritten_score
            || (e.coverage >= self.rewritten_coverage
                && (e.merged_score >= self.rewritten_merged_score || e.longest_run >= self.rewritten_run))
        {
            Label::Rewritten
        } else {
            Label::New
        }
    }
}

/// At most this many reference sentences make up a merged sentence's
/// support.
pub const MAX_MERGED: usize = 3;

/// A reference sentence joins a merged support only when it adds at least
/// this share of the story sentence's content weight.
const MIN_MERGE_GAIN: f32 = 0.15;

/// The derivation of document `story` of `corpus` from documents `refs`,
/// story order.
///
/// Reuse is copying, not coverage of the same event: independent reports of
/// one event restate the same facts in their own words, which the content
/// evidence alone takes for rewriting. So a story *shows copying* when at
/// least [`DeriveConfig::copying_sentences`] of its sentences (or all, if
/// it has fewer) are `verbatim` or share a run of
/// [`DeriveConfig::copied_run`] tokens with the references; in a story that
/// does not, a sentence is `rewritten` only on such a run of its own, and
/// is otherwise `new`.
pub fn derive(corpus: &Corpus, story: usize, refs: &[usize], dcfg: &DeriveConfig) -> Vec<SentenceDerivation> {
    let pool = Pool::new(corpus, refs);
    // Rayon over story sentences (the outer loop): each scans the pooled
    // references independently.
    let found: Vec<(Evidence, Support, Label)> = corpus.docs[story]
        .sentences
        .par_iter()
        .map(|s| {
            let (evidence, support) = pool.evidence(&s.profile);
            let label = dcfg.label(&evidence, s.profile.seq.len());
            (evidence, support, label)
        })
        .collect();
    let copied = |e: &Evidence, l: Label| l == Label::Verbatim || e.longest_run >= dcfg.copied_run;
    let strong = found.iter().filter(|(e, _, l)| copied(e, *l)).count();
    let shows_copying = strong >= dcfg.copying_sentences.min(found.len());
    corpus.docs[story]
        .sentences
        .iter()
        .zip(found)
        .map(|(s, (evidence, support, label))| {
            let label = match label {
                Label::Rewritten if !shows_copying && !copied(&evidence, label) => Label::New,
                l => l,
            };
            let refs = match label {
                Label::Verbatim => support.runs,
                // The sentences merged when they, joined, match better than
                // any one alone; else the best single one when it alone is
                // support enough.
                Label::Rewritten
                    if evidence.best_score >= dcfg.rewritten_score
                        && !(support.merged.len() > 1
                            && evidence.merged_score > evidence.best_score
                            && evidence.coverage >= dcfg.rewritten_coverage) =>
                {
                    support.best.into_iter().collect()
                }
                Label::Rewritten => support.merged,
                Label::New => Vec::new(),
            };
            let refs = refs
                .into_iter()
                .map(|(d, i)| RefSentence { source: corpus.docs[d].article.meta.outlet.clone(), index: i })
                .collect();
            SentenceDerivation { index: s.idx, label, refs, words: word_count(&s.profile), evidence }
        })
        .collect()
}

/// The story's word shares and reuse score. The score is the share of the
/// story's words in sentences that come from the references (`verbatim` +
/// `rewritten`).
pub fn reuse(sentences: &[SentenceDerivation]) -> Reuse {
    let total: usize = sentences.iter().map(|s| s.words).sum();
    if total == 0 {
        return Reuse { new: 1.0, ..Reuse::default() };
    }
    let share = |label: Label| {
        sentences.iter().filter(|s| s.label == label).map(|s| s.words).sum::<usize>() as f32 / total as f32
    };
    let (verbatim, rewritten, new) = (share(Label::Verbatim), share(Label::Rewritten), share(Label::New));
    let score = (verbatim + rewritten).min(1.0);
    Reuse { verbatim, rewritten, new, score, words: total, derived: Derived::of(score) }
}

/// The words of a sentence as shown (a contraction counts once).
fn word_count(p: &Profile) -> usize {
    p.plain.split(' ').filter(|w| !w.is_empty()).count()
}

/// A sentence of the pool: (document, sentence index).
type RefId = (usize, usize);

/// The reference sentences behind each kind of evidence.
struct Support {
    /// Those the shared runs come from, longest run first.
    runs: Vec<RefId>,
    /// The best-scoring single sentence.
    best: Option<RefId>,
    /// The sentences chosen for the coverage, in the order chosen.
    merged: Vec<RefId>,
}

/// The references pooled: each document's tokens in reading order, a
/// trigram index over them, and an index of content tokens to sentences.
struct Pool<'a> {
    corpus: &'a Corpus,
    refs: Vec<usize>,
    /// Per reference document: its token ids, sentences joined.
    seqs: Vec<Vec<u32>>,
    /// Per reference document: the first token position of each sentence.
    starts: Vec<Vec<usize>>,
    /// Trigram -> (position in `refs`, token position).
    trigrams: HashMap<[u32; 3], Vec<(u32, u32)>>,
}

impl<'a> Pool<'a> {
    fn new(corpus: &'a Corpus, refs: &[usize]) -> Pool<'a> {
        let mut seqs = Vec::with_capacity(refs.len());
        let mut starts = Vec::with_capacity(refs.len());
        let mut trigrams: HashMap<[u32; 3], Vec<(u32, u32)>> = HashMap::new();
        for (r, &d) in refs.iter().enumerate() {
            let mut seq = Vec::new();
            let mut st = Vec::new();
            for s in &corpus.docs[d].sentences {
                st.push(seq.len());
                seq.extend_from_slice(&s.profile.seq);
            }
            for (p, w) in seq.windows(3).enumerate() {
                trigrams.entry([w[0], w[1], w[2]]).or_default().push((r as u32, p as u32));
            }
            seqs.push(seq);
            starts.push(st);
        }
        Pool { corpus, refs: refs.to_vec(), seqs, starts, trigrams }
    }

    /// The sentence of reference `r` holding token position `p`.
    fn sentence_at(&self, r: usize, p: usize) -> usize {
        self.starts[r].partition_point(|&s| s <= p).saturating_sub(1)
    }

    /// Wording evidence: trigram containment, the longest shared run, and
    /// the reference sentences the shared runs come from (longest first).
    fn wording(&self, seq: &[u32]) -> (f32, usize, Vec<RefId>) {
        let n = seq.len();
        if n == 0 {
            return (0.0, 0, Vec::new());
        }
        if n < 3 {
            // Too short for trigrams: the sentence occurs as it is, or not.
            for (r, doc) in self.seqs.iter().enumerate() {
                if let Some(p) = doc.windows(n).position(|w| w == seq) {
                    return (1.0, n, vec![(self.refs[r], self.sentence_at(r, p))]);
                }
            }
            return (0.0, 0, Vec::new());
        }
        let mut found = 0usize;
        let mut longest = 0usize;
        let mut by_ref: HashMap<RefId, usize> = HashMap::new();
        for i in 0..n - 2 {
            let Some(occ) = self.trigrams.get(&[seq[i], seq[i + 1], seq[i + 2]]) else { continue };
            found += 1;
            for &(r, p) in occ {
                let (r, p) = (r as usize, p as usize);
                let doc = &self.seqs[r];
                // A run that extends backwards was measured from its start.
                if i > 0 && p > 0 && doc[p - 1] == seq[i - 1] {
                    continue;
                }
                let len = seq[i..].iter().zip(&doc[p..]).take_while(|(x, y)| x == y).count();
                longest = longest.max(len);
                let (first, last) = (self.sentence_at(r, p), self.sentence_at(r, p + len - 1));
                for s in first..=last {
                    let e = by_ref.entry((self.refs[r], s)).or_default();
                    *e = (*e).max(len);
                }
            }
        }
        let mut run_refs: Vec<(RefId, usize)> = by_ref.into_iter().collect();
        run_refs.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let best = run_refs.first().map_or(0, |x| x.1);
        // The sentences carrying the longest runs, and any with a run of at
        // least half that length.
        let run_refs = run_refs.into_iter().filter(|x| 2 * x.1 >= best).take(MAX_MERGED).map(|x| x.0).collect();
        (found as f32 / (n - 2) as f32, longest, run_refs)
    }

    /// All evidence for one story sentence, with the reference sentences
    /// behind it.
    fn evidence(&self, a: &Profile) -> (Evidence, Support) {
        let corpus = self.corpus;
        let (containment, longest_run, run_refs) = self.wording(&a.seq);
        // Content: every reference sentence worth scoring, with the share
        // of the story sentence's content weight it holds.
        let content: Vec<(u32, f32)> =
            a.bag.iter().filter(|e| e.1 >= CONTENT_FACTOR).map(|&e| (e.0, corpus.weight(e))).collect();
        let content_weight: f32 = content.iter().fold(0.0, |acc, e| acc + e.1);
        // Every reference sentence sharing a content word counts towards
        // the coverage; the similarity is computed only where the token
        // prefilter (or, with vectors, the cosine) lets it through.
        let mut scored: Vec<(RefId, f32, Vec<bool>)> = Vec::new();
        let mut best_score = 0.0f32;
        for &d in &self.refs {
            for s in &corpus.docs[d].sentences {
                let total = matching::score_above(corpus, a, &s.profile, matching::PREFILTER_CONTAINMENT)
                    .map_or(0.0, |sc| sc.total);
                best_score = best_score.max(total);
                let held: Vec<bool> =
                    content.iter().map(|e| s.profile.bag.binary_search_by_key(&e.0, |x| x.0).is_ok()).collect();
                if total > 0.0 || held.contains(&true) {
                    scored.push(((d, s.idx), total, held));
                }
            }
        }
        scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        // Greedy union: the reference sentence adding the most uncovered
        // content weight, while it adds enough.
        let mut covered = vec![false; content.len()];
        let mut chosen: Vec<RefId> = Vec::new();
        while chosen.len() < MAX_MERGED && content_weight > 0.0 {
            let gain = |held: &[bool]| -> f32 {
                held.iter().zip(&covered).zip(&content).filter(|((h, c), _)| **h && !**c).map(|(_, e)| e.1).sum()
            };
            let Some((id, g, held)) = scored
                .iter()
                .filter(|x| !chosen.contains(&x.0))
                .map(|x| (x.0, gain(&x.2), &x.2))
                .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
            else {
                break;
            };
            if g / content_weight < MIN_MERGE_GAIN {
                break;
            }
            for (c, h) in covered.iter_mut().zip(held) {
                *c |= *h;
            }
            chosen.push(id);
        }
        let coverage = if content_weight > 0.0 {
            covered.iter().zip(&content).filter(|(c, _)| **c).fold(0.0, |acc, (_, e)| acc + e.1) / content_weight
        } else {
            0.0
        };
        let merged_score = if chosen.is_empty() {
            0.0
        } else {
            let joined = Profile::join(chosen.iter().map(|&(d, i)| &corpus.docs[d].sentences[i].profile));
            matching::score(corpus, a, &joined).total
        };
        let support = Support { runs: run_refs, best: scored.first().map(|x| x.0), merged: chosen };
        (Evidence { containment, longest_run, best_score, coverage, merged_score }, support)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn derive_texts(story: &str, refs: &[&str]) -> Vec<SentenceDerivation> {
        let mut articles = vec![Article::from_text("story", story).unwrap()];
        for (i, r) in refs.iter().enumerate() {
            articles.push(Article::from_text(&format!("ref{i}"), r).unwrap());
        }
        let corpus = Corpus::build(articles);
        let refs: Vec<usize> = (1..corpus.docs.len()).collect();
        derive(&corpus, 0, &refs, &DeriveConfig::default())
    }

    fn labels(story: &str, refs: &[&str]) -> Vec<Label> {
        derive_texts(story, refs).iter().map(|d| d.label).collect()
    }

    /// The label the default cut-offs give this evidence.
    fn check_label(e: Evidence, n_tokens: usize, expected: Label) {
        assert_eq!(DeriveConfig::default().label(&e, n_tokens), expected, "{e:?}, {n_tokens} tokens");
    }

    const NONE: Evidence =
        Evidence { containment: 0.0, longest_run: 0, best_score: 0.0, coverage: 0.0, merged_score: 0.0 };

    #[test]
    fn labels_follow_the_evidence() {
        use Label::*;
        check_label(NONE, 12, New);
        check_label(Evidence { containment: 0.5, longest_run: 4, ..NONE }, 12, Verbatim);
        // A long run over half the sentence, though most trigrams differ.
        check_label(Evidence { containment: 0.4, longest_run: 8, ..NONE }, 16, Verbatim);
        check_label(Evidence { containment: 0.4, longest_run: 8, ..NONE }, 17, New);
        check_label(Evidence { best_score: 0.55, ..NONE }, 12, Rewritten);
        check_label(Evidence { best_score: 0.54, ..NONE }, 12, New);
        // Content held by a few reference sentences: merged or retold...
        check_label(Evidence { coverage: 0.5, merged_score: 0.45, ..NONE }, 12, Rewritten);
        check_label(Evidence { coverage: 0.5, longest_run: 3, ..NONE }, 12, Rewritten);
        // ...but shared words alone, with neither a similar joined text nor
        // a shared phrase, are the same topic, not the same content.
        check_label(Evidence { coverage: 0.9, merged_score: 0.3, longest_run: 2, ..NONE }, 12, New);
        check_label(Evidence { coverage: 0.45, merged_score: 0.9, longest_run: 6, ..NONE }, 12, New);
    }

    #[test]
    fn copied_sentences_are_verbatim_and_others_new() {
        let wire =
            "The quarry boss was cleared of polluting the river after a three-week trial.\n\nHe denied two charges.";
        let story = "The quarry boss was cleared of polluting the river after a three-week trial.\n\nThe mayor plans a festival in August with brass bands.";
        assert_eq!(labels(story, &[wire]), [Label::Verbatim, Label::New]);
        let d = derive_texts(story, &[wire]);
        assert_eq!(d[0].refs, [RefSentence { source: "ref0".into(), index: 0 }]);
        assert!(d[1].refs.is_empty());
    }

    #[test]
    fn a_sentence_merging_two_reference_sentences_is_supported() {
        // In a story that shows copying (three sentences taken word for
        // word), a sentence merging two wire sentences is rewritten.
        let wire = format!(
            "The council approved the harbour budget on Monday.\n\nThe budget sets aside money for three new ferry berths.\n\n{COPIED}"
        );
        let story = format!(
            "On Monday the council approved a harbour budget that sets aside money for three ferry berths.\n\n{COPIED}"
        );
        let d = derive_texts(&story, &[&wire]);
        assert_ne!(d[0].label, Label::New, "{:?}", d[0]);
        let mut refs: Vec<usize> = d[0].refs.iter().map(|r| r.index).collect();
        refs.sort_unstable();
        assert_eq!(refs, [0, 1], "{:?}", d[0]);
    }

    /// Three sentences a story copies word for word.
    const COPIED: &str = "Work on the first berth is due to begin in the spring, the harbour master said.\n\n\
        Ferry operators have asked for the berths for more than a decade, according to the council.\n\n\
        The remaining money will pay for dredging the outer channel before the summer season.";

    #[test]
    fn references_are_pooled() {
        // The two halves of the story sentence come from two references.
        let a = "The council approved the harbour budget on Monday.";
        let b = format!("The budget sets aside money for three new ferry berths.\n\n{COPIED}");
        let story = format!(
            "On Monday the council approved a harbour budget that sets aside money for three ferry berths.\n\n{COPIED}"
        );
        let d = derive_texts(&story, &[a, &b]);
        assert_ne!(d[0].label, Label::New, "{:?}", d[0]);
        // The order of the references changes nothing but their names.
        assert_eq!(labels(&story, &[a, &b]), labels(&story, &[&b, a]));
    }

    #[test]
    fn restating_the_facts_without_copying_is_new() {
        // An independent report of the same event: the same facts, no
        // copied phrase. The same sentence in a story that copies the rest
        // is a rewrite.
        let wire = format!("The council approved the harbour budget on Monday.\n\n{COPIED}");
        let own = "Councillors voted on Monday to approve the harbour budget.";
        assert_eq!(labels(own, &[&wire]), [Label::New]);
        let copying = format!("{own}\n\n{COPIED}");
        assert_eq!(labels(&copying, &[&wire])[0], Label::Rewritten);
    }

    #[test]
    fn runs_cross_reference_sentence_boundaries() {
        // Copy whose full stop an editor removed is still copy.
        let wire = "Salvage teams hope to refloat the ship. The tide will be high on Saturday.";
        let story = "Salvage teams hope to refloat the ship the tide will be high on Saturday.";
        let d = derive_texts(story, &[wire]);
        assert_eq!(d[0].label, Label::Verbatim);
        assert_eq!(d[0].evidence.longest_run, d[0].words);
        assert_eq!(d[0].refs.len(), 2);
    }

    #[test]
    fn shares_weight_sentences_by_words() {
        let d = derive_texts("One two three four.\n\nFive six.", &["One two three four."]);
        let r = reuse(&d);
        assert_eq!(d[0].words, 4);
        assert_eq!(r.words, 6);
        assert!((r.verbatim - 4.0 / 6.0).abs() < 1e-6, "{r:?}");
        assert!((r.verbatim + r.rewritten + r.new - 1.0).abs() < 1e-6);
        assert_eq!(r.score, r.verbatim + r.rewritten);
    }

    #[test]
    fn without_references_everything_is_new() {
        let d = derive_texts("The port closed on Monday.\n\nPolice made two arrests.", &[]);
        assert!(d.iter().all(|s| s.label == Label::New));
        let r = reuse(&d);
        assert_eq!((r.new, r.score), (1.0, 0.0));
        assert_eq!(reuse(&[]), Reuse { new: 1.0, ..Reuse::default() });
        assert_eq!(
            [0.95, 0.9, 0.6, 0.4, 0.39, 0.0].map(Derived::of),
            [Derived::Wholly, Derived::Wholly, Derived::Partly, Derived::Partly, Derived::Not, Derived::Not]
        );
    }
}
