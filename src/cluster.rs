//! Clustering: claims across many articles.
//!
//! Pairwise links between sentences of different articles come from
//! [`crate::align`]: for up to [`EXHAUSTIVE_MAX_DOCS`] articles, the full
//! pairwise alignment of every article pair (with its weak links and split
//! sentences); beyond that, the global near-duplicate index
//! ([`align::link_all`]) with a one-to-one assignment per article pair. Links
//! are then merged strongest first into claims, under one rule: a claim holds
//! at most one sentence group per article, so two sentences of one outlet
//! never become "the same claim" through a chain of look-alikes.
//!
//! Each claim gets a representative wording (the member closest to all the
//! others) and each member's similarity to it. Nothing here prints or reads.

use crate::align::{self, Edge, Link};
use crate::config::MatchConfig;
use crate::corpus::Corpus;
use crate::matching::Score;
use rayon::prelude::*;
use std::collections::HashMap;

/// Claims with more members than this take their first member as the
/// representative instead of searching all pairs.
const REPRESENTATIVE_SEARCH_MAX: usize = 32;

/// Up to this many articles, every article pair is aligned in full.
pub const EXHAUSTIVE_MAX_DOCS: usize = 48;

/// One article's part in a claim: one sentence, or several that together
/// carry what another outlet says in one.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Document index in the corpus.
    pub doc: usize,
    /// Sentence indices in that document, ascending.
    pub sentences: Vec<usize>,
    /// The member's score against the claim's representative (1 for the
    /// representative itself and for single-outlet claims).
    pub score: Score,
}

/// A claim: what one or more outlets say with matching sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Members, in document order.
    pub members: Vec<Member>,
    /// Index into `members` of the representative wording.
    pub representative: usize,
    /// Every member pair's score, row-major `members.len()` squared, when
    /// the claim is small enough to have been scored in full; else empty.
    pub pair_scores: Vec<f32>,
}

impl Claim {
    /// Whether only one outlet carries the claim.
    pub fn is_unique(&self) -> bool {
        self.members.len() == 1
    }
}

/// Clusters every sentence of the corpus into claims. `progress` is called
/// with (done, total) article pairs as alignment proceeds.
pub fn cluster(corpus: &Corpus, cfg: &MatchConfig, progress: &(dyn Fn(usize, usize) + Sync)) -> Vec<Claim> {
    let links = pair_links(corpus, cfg, progress);
    merge(corpus, links)
}

/// A link between two groups of sentences of two different documents.
#[derive(Debug, Clone)]
struct GroupLink {
    a: (usize, Vec<usize>),
    b: (usize, Vec<usize>),
    score: Score,
}

fn pair_links(corpus: &Corpus, cfg: &MatchConfig, progress: &(dyn Fn(usize, usize) + Sync)) -> Vec<GroupLink> {
    let n_docs = corpus.docs.len();
    if n_docs <= EXHAUSTIVE_MAX_DOCS {
        let pairs: Vec<(usize, usize)> = (0..n_docs).flat_map(|a| (a + 1..n_docs).map(move |b| (a, b))).collect();
        let done = std::sync::atomic::AtomicUsize::new(0);
        // Rayon over article pairs: each alignment is independent.
        return pairs
            .par_iter()
            .flat_map_iter(|&(da, db)| {
                let al = align::align_pair(corpus, da, db, cfg);
                progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, pairs.len());
                al.links.into_iter().map(move |Link { a, b, score }| GroupLink { a: (da, a), b: (db, b), score })
            })
            .collect();
    }
    let mut by_pair: HashMap<(usize, usize), Vec<Edge>> = HashMap::new();
    for l in align::link_all(corpus, cfg) {
        by_pair.entry((l.a.0, l.b.0)).or_default().push((l.a.1, l.b.1, l.score));
    }
    let mut groups: Vec<((usize, usize), Vec<Edge>)> = by_pair.into_iter().collect();
    groups.sort_by_key(|g| g.0);
    let total = groups.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    groups
        .par_iter()
        .flat_map_iter(|((da, db), edges)| {
            let (n_a, n_b) = (corpus.docs[*da].sentences.len(), corpus.docs[*db].sentences.len());
            let kept = align::assign(edges, n_a, n_b);
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
            kept.into_iter().map(move |(i, j, score)| GroupLink { a: (*da, vec![i]), b: (*db, vec![j]), score })
        })
        .collect()
}

/// Merges links into claims, strongest first, keeping at most one group per
/// document in a claim.
fn merge(corpus: &Corpus, mut links: Vec<GroupLink>) -> Vec<Claim> {
    // Nodes: every sentence. A split group's sentences are joined first.
    let offsets: Vec<usize> = corpus
        .docs
        .iter()
        .scan(0, |acc, d| {
            let o = *acc;
            *acc += d.sentences.len();
            Some(o)
        })
        .collect();
    let n: usize = corpus.docs.iter().map(|d| d.sentences.len()).sum();
    let node = |doc: usize, s: usize| offsets[doc] + s;
    let mut uf = UnionFind::new(n, |x| offsets.partition_point(|&o| o <= x) - 1);
    links.sort_by(|x, y| {
        y.score
            .total
            .total_cmp(&x.score.total)
            .then_with(|| (x.a.0, &x.a.1, x.b.0, &x.b.1).cmp(&(y.a.0, &y.a.1, y.b.0, &y.b.1)))
    });
    for l in &links {
        // Sentences of one side that only together match the other side are
        // one member (unless that would bring two groups of another outlet
        // together).
        for (doc, group) in [&l.a, &l.b] {
            for w in group.windows(2) {
                uf.union_same_doc(node(*doc, w[0]), node(*doc, w[1]));
            }
        }
        let (x, y) = (node(l.a.0, l.a.1[0]), node(l.b.0, l.b.1[0]));
        uf.union_disjoint(x, y);
    }
    // Collect claims: root -> members grouped by document.
    let mut by_root: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (doc, d) in corpus.docs.iter().enumerate() {
        for s in 0..d.sentences.len() {
            by_root.entry(uf.find(node(doc, s))).or_default().push((doc, s));
        }
    }
    let mut claims: Vec<Claim> = by_root
        .into_values()
        .map(|mut nodes| {
            nodes.sort_unstable();
            let mut members: Vec<Member> = Vec::new();
            for (doc, s) in nodes {
                match members.last_mut() {
                    Some(m) if m.doc == doc => m.sentences.push(s),
                    _ => members.push(Member { doc, sentences: vec![s], score: Score::default() }),
                }
            }
            representative(corpus, members)
        })
        .collect();
    claims.sort_by(|x, y| {
        let key = |c: &Claim| (c.members[0].doc, c.members[0].sentences[0]);
        key(x).cmp(&key(y))
    });
    claims
}

/// Two wordings scoring at least this are the same copy.
const NEAR_VERBATIM: f32 = 0.95;

/// Picks the representative wording and scores every member against it.
fn representative(corpus: &Corpus, mut members: Vec<Member>) -> Claim {
    let one = Score { total: 1.0, ..Score::default() };
    if members.len() == 1 {
        members[0].score = one;
        return Claim { members, representative: 0, pair_scores: Vec::new() };
    }
    let k = members.len();
    if k > REPRESENTATIVE_SEARCH_MAX {
        // Scoring all pairs of a huge claim costs k^2; the first outlet's
        // wording stands for it and each member is scored against that.
        for x in 1..k {
            members[x].score = align::score_groups(
                corpus,
                members[0].doc,
                &members[0].sentences,
                members[x].doc,
                &members[x].sentences,
            );
        }
        members[0].score = one;
        return Claim { members, representative: 0, pair_scores: Vec::new() };
    }
    let mut sums = vec![0.0f32; k];
    let mut scores = vec![vec![Score::default(); k]; k];
    for x in 0..k {
        for y in x + 1..k {
            let s = align::score_groups(
                corpus,
                members[x].doc,
                &members[x].sentences,
                members[y].doc,
                &members[y].sentences,
            );
            sums[x] += s.total;
            sums[y] += s.total;
            scores[x][y] = s;
            scores[y][x] = s;
        }
    }
    // The wording most outlets carry near-verbatim wins; among equals, the
    // one closest to all others (the medoid), then the earliest member.
    let verbatim: Vec<usize> =
        (0..k).map(|x| (0..k).filter(|&y| y != x && scores[x][y].total >= NEAR_VERBATIM).count()).collect();
    let rep = (0..k)
        .max_by(|&x, &y| verbatim[x].cmp(&verbatim[y]).then(sums[x].total_cmp(&sums[y])).then(y.cmp(&x)))
        .unwrap_or(0);
    for (x, m) in members.iter_mut().enumerate() {
        m.score = if x == rep { one } else { scores[rep][x] };
    }
    let pair_scores = scores.iter().flatten().map(|s| s.total).collect();
    Claim { members, representative: rep, pair_scores }
}

/// Union-find over sentences that knows each set's documents.
struct UnionFind<F: Fn(usize) -> usize> {
    parent: Vec<usize>,
    docs: Vec<Vec<usize>>,
    doc_of: F,
}

impl<F: Fn(usize) -> usize> UnionFind<F> {
    fn new(n: usize, doc_of: F) -> Self {
        let docs = (0..n).map(|x| vec![doc_of(x)]).collect();
        UnionFind { parent: (0..n).collect(), docs, doc_of }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two sets when they share no document.
    fn union_disjoint(&mut self, x: usize, y: usize) -> bool {
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return false;
        }
        if self.docs[rx].iter().any(|d| self.docs[ry].binary_search(d).is_ok()) {
            return false;
        }
        self.join(rx, ry);
        true
    }

    /// Joins two sentences of one document (a split group).
    fn union_same_doc(&mut self, x: usize, y: usize) {
        debug_assert_eq!((self.doc_of)(x), (self.doc_of)(y));
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return;
        }
        // Only when the two sets' other documents do not collide.
        let (dx, dy) = (&self.docs[rx], &self.docs[ry]);
        let doc = (self.doc_of)(x);
        if dx.iter().any(|d| *d != doc && dy.binary_search(d).is_ok()) {
            return;
        }
        self.join(rx, ry);
    }

    fn join(&mut self, rx: usize, ry: usize) {
        let moved = std::mem::take(&mut self.docs[rx]);
        let target = &mut self.docs[ry];
        target.extend(moved);
        target.sort_unstable();
        target.dedup();
        self.parent[rx] = ry;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::build(texts.iter().enumerate().map(|(i, t)| Article::from_text(&format!("o{i}"), t).unwrap()).collect())
    }

    #[test]
    fn shared_and_unique_claims() {
        let c = corpus(&[
            "The port closed on Monday after a crane collapse.\n\nPolice arrested two men at the gate.\n",
            "The port closed on Monday after the crane collapse.\n\nThe mayor called for calm in the city.\n",
            "After a crane collapse, the port closed on Monday.\n\nPolice arrested two men at the main gate.\n",
        ]);
        let claims = cluster(&c, &MatchConfig::default(), &|_, _| {});
        let shared: Vec<&Claim> = claims.iter().filter(|c| !c.is_unique()).collect();
        assert_eq!(shared.len(), 2, "{claims:#?}");
        assert_eq!(shared[0].members.len(), 3);
        assert_eq!(shared[1].members.iter().map(|m| m.doc).collect::<Vec<_>>(), vec![0, 2]);
        let unique: Vec<&Claim> = claims.iter().filter(|c| c.is_unique()).collect();
        assert_eq!(unique.len(), 1);
        assert_eq!(unique[0].members[0].doc, 1);
    }

    #[test]
    fn a_claim_never_holds_two_unrelated_sentences_of_one_outlet() {
        let c = corpus(&[
            "Workers walked out at the northern terminal on Monday.\n\nWorkers walked out at the southern terminal on Tuesday.\n",
            "Workers walked out at the northern terminal on Monday.\n",
        ]);
        let claims = cluster(&c, &MatchConfig::default(), &|_, _| {});
        for claim in &claims {
            let mut docs: Vec<usize> = claim.members.iter().map(|m| m.doc).collect();
            docs.dedup();
            assert_eq!(docs.len(), claim.members.len());
            assert!(claim.members.iter().all(|m| m.sentences.len() == 1));
        }
    }
}
