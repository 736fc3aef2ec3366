//! Alignment: which sentences of A report the same claim as which of B.
//!
//! Candidate pairs from [`crate::index`] are scored by [`crate::matching`];
//! pairs at or above the threshold form a bipartite graph. Each connected
//! component gets an optimal one-to-one assignment (Kuhn-Munkres, maximum
//! total score), so a sentence is never taken by an earlier, worse match.
//! Sentence order is only a tie-breaker: outlets reorder paragraphs. Then a
//! sentence left over on one side joins an existing link when its content is
//! the rest of its partner (one sentence in A split over two in B).
//!
//! The result is independent of argument order: `align(a, b)` is computed in
//! a canonical orientation and mirrored, so `compare A B` and `compare B A`
//! always mirror each other exactly.

use crate::config::MatchConfig;
use crate::corpus::{Corpus, Profile};
use crate::index;
use crate::matching::{self, Score, SentenceRef};
use pathfinding::prelude::{kuhn_munkres, Matrix};
use rayon::prelude::*;
use std::collections::HashMap;

/// A scored candidate between sentence `.0` of A and sentence `.1` of B.
pub(crate) type Edge = (usize, usize, Score);

/// One aligned group: sentences of A and sentences of B that carry the same
/// claim. Usually one each; several on one side for split/merged sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Sentence indices in A, ascending.
    pub a: Vec<usize>,
    /// Sentence indices in B, ascending.
    pub b: Vec<usize>,
    /// The score of the (joined) sides.
    pub score: Score,
}

/// A sentence with no partner, and the best score it reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unmatched {
    /// Sentence index.
    pub idx: usize,
    /// The best score of any candidate (below the threshold), 0 if none.
    pub best: f32,
}

/// The alignment of two documents.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAlignment {
    /// Document index of A in the corpus.
    pub da: usize,
    /// Document index of B in the corpus.
    pub db: usize,
    /// Aligned groups, ordered by their first A sentence.
    pub links: Vec<Link>,
    /// Sentences of A with no partner in B.
    pub only_a: Vec<Unmatched>,
    /// Sentences of B with no partner in A.
    pub only_b: Vec<Unmatched>,
}

impl PairAlignment {
    /// The same alignment seen from the other side.
    pub fn mirrored(self) -> PairAlignment {
        let mut links: Vec<Link> =
            self.links.into_iter().map(|l| Link { a: l.b, b: l.a, score: swap_score(l.score) }).collect();
        links.sort_by_key(|l| l.a[0]);
        PairAlignment { da: self.db, db: self.da, links, only_a: self.only_b, only_b: self.only_a }
    }
}

fn swap_score(s: Score) -> Score {
    Score { covered_a: s.covered_b, covered_b: s.covered_a, ..s }
}

/// Aligns documents `da` and `db` of the corpus.
pub fn align_pair(corpus: &Corpus, da: usize, db: usize, cfg: &MatchConfig) -> PairAlignment {
    let key = |d: usize| (&corpus.docs[d].article.text, d);
    if key(db) < key(da) {
        return align_canonical(corpus, db, da, cfg).mirrored();
    }
    align_canonical(corpus, da, db, cfg)
}

fn align_canonical(corpus: &Corpus, da: usize, db: usize, cfg: &MatchConfig) -> PairAlignment {
    let n_a = corpus.docs[da].sentences.len();
    let n_b = corpus.docs[db].sentences.len();
    let profile = |d: usize, i: usize| &corpus.docs[d].sentences[i].profile;
    // Rayon over candidates (the outer loop).
    let scored: Vec<((usize, usize), Score)> = if n_a * n_b > EXHAUSTIVE_INDEX_MAX_PAIRS {
        // Book-length inputs: the global index's overlap filter keeps the
        // candidate count linear in the input, and candidates below the
        // token-containment prefilter are not kept (they can be neither a
        // match, a weak link nor a split join).
        let refs: Vec<SentenceRef> = (0..n_a).map(|i| (da, i)).chain((0..n_b).map(|j| (db, j))).collect();
        let mut cands = index::candidate_pairs_all(corpus, &refs);
        // Pairs by meaning come with the lower reference first: A's
        // sentence first here, whichever document is numbered lower.
        cands.extend(
            index::semantic_pairs(corpus, &refs, SEMANTIC_NEIGHBOURS, matching::SEMANTIC_PREFILTER)
                .into_iter()
                .map(|(x, y)| if x.0 == da { (x, y) } else { (y, x) }),
        );
        cands.sort_unstable();
        cands.dedup();
        cands
            .par_iter()
            .filter_map(|&(x, y)| {
                let s =
                    matching::score_above(corpus, profile(da, x.1), profile(db, y.1), matching::PREFILTER_CONTAINMENT)?;
                Some(((x.1, y.1), s))
            })
            .collect()
    } else {
        // With sentence vectors, every pair is a candidate: a retold claim
        // may share no content word at all.
        let semantic = corpus.docs[da].sentences.first().is_some_and(|s| !s.profile.vector.is_empty());
        let cands = if semantic {
            (0..n_a).flat_map(|i| (0..n_b).map(move |j| (i, j))).collect()
        } else {
            index::candidate_pairs(corpus, da, db)
        };
        cands.par_iter().map(|&(i, j)| ((i, j), matching::score(corpus, profile(da, i), profile(db, j)))).collect()
    };
    let mut best_a = vec![0.0f32; n_a];
    let mut best_b = vec![0.0f32; n_b];
    let mut edges: Vec<Edge> = Vec::new();
    let mut all: HashMap<(usize, usize), Score> = HashMap::with_capacity(scored.len());
    for ((i, j), s) in scored {
        best_a[i] = best_a[i].max(s.total);
        best_b[j] = best_b[j].max(s.total);
        if s.is_match(cfg) {
            edges.push((i, j, s));
        }
        all.insert((i, j), s);
    }
    let pairs = assign(&edges, n_a, n_b);
    let mut link_of_a: Vec<Option<usize>> = vec![None; n_a];
    let mut link_of_b: Vec<Option<usize>> = vec![None; n_b];
    let mut links = Vec::with_capacity(pairs.len());
    for (i, j, s) in pairs {
        link_of_a[i] = Some(links.len());
        link_of_b[j] = Some(links.len());
        links.push(Link { a: vec![i], b: vec![j], score: s });
    }
    // Weak links are for articles that demonstrably report the same story:
    // between articles with too few confident links, a mutual best is topic
    // overlap, not a retold claim.
    if !cfg.strict_threshold && links.iter().filter(|l| l.score.total >= cfg.threshold).count() >= cfg.weak_min_strong {
        link_weak_mutual_best(&all, cfg, &mut links, &mut link_of_a, &mut link_of_b);
    }
    join_split_sentences(corpus, (da, db), &all, cfg, &mut links, &mut link_of_a, &mut link_of_b);
    links.sort_by_key(|l| l.a[0]);
    let only_a = (0..n_a).filter(|&i| link_of_a[i].is_none()).map(|i| Unmatched { idx: i, best: best_a[i] }).collect();
    let only_b = (0..n_b).filter(|&j| link_of_b[j].is_none()).map(|j| Unmatched { idx: j, best: best_b[j] }).collect();
    PairAlignment { da, db, links, only_a, only_b }
}

/// How many nearest sentences by meaning each sentence proposes as
/// candidates where not every pair is scored.
pub const SEMANTIC_NEIGHBOURS: usize = 16;

/// Article pairs with more sentence pairs than this (about 700 x 700
/// sentences, far beyond any news article) take their candidates from the
/// global index, which also filters on token overlap.
const EXHAUSTIVE_INDEX_MAX_PAIRS: usize = 500_000;

/// Components whose assignment matrix would have more cells than this (about
/// 500 x 500) are assigned greedily, best score first: Kuhn-Munkres is
/// cubic, and such components only arise in pathological input (huge
/// articles of near-identical sentences).
const ASSIGN_MAX_CELLS: usize = 250_000;

/// An edge's weight in the assignment: the log-odds that its two sentences
/// are one claim, shifted so that every aligned pair weighs something. A
/// sure pair (p 0.93) outweighs two doubtful ones (p 0.3 each) that would
/// break it up; two confident pairs (p 0.6 each) outweigh one sure pair.
fn edge_weight(s: &Score) -> f32 {
    (crate::sameclaim::log_odds(s.same_claim) + EDGE_SHIFT).max(0.01)
}

/// See [`edge_weight`]: a pair of probability 0.05 weighs nearly nothing.
const EDGE_SHIFT: f32 = 3.0;

/// One-to-one assignment taking the best remaining edge first.
fn greedy(comp: &[usize], edges: &[Edge]) -> Vec<Edge> {
    let mut order: Vec<usize> = comp.to_vec();
    order.sort_by(|&x, &y| {
        edge_weight(&edges[y].2)
            .total_cmp(&edge_weight(&edges[x].2))
            .then((edges[x].0, edges[x].1).cmp(&(edges[y].0, edges[y].1)))
    });
    let (mut used_a, mut used_b) = (std::collections::HashSet::new(), std::collections::HashSet::new());
    let mut res = Vec::new();
    for k in order {
        let (i, j, _) = edges[k];
        if !used_a.contains(&i) && !used_b.contains(&j) {
            used_a.insert(i);
            used_b.insert(j);
            res.push(edges[k]);
        }
    }
    res
}

/// Maximum-weight one-to-one assignment over the edges, solved per connected
/// component so each matrix stays small.
pub(crate) fn assign(edges: &[Edge], n_a: usize, n_b: usize) -> Vec<Edge> {
    // Union-find over A nodes 0..n_a and B nodes n_a..n_a+n_b.
    let mut parent: Vec<usize> = (0..n_a + n_b).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in edges {
        let (ra, rb) = (find(&mut parent, i), find(&mut parent, n_a + j));
        parent[ra] = rb;
    }
    let mut comps: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, e) in edges.iter().enumerate() {
        let r = find(&mut parent, e.0);
        comps.entry(r).or_default().push(k);
    }
    let mut comps: Vec<Vec<usize>> = comps.into_values().collect();
    comps.sort();
    let mut res = Vec::new();
    for comp in comps {
        if comp.len() == 1 {
            res.push(edges[comp[0]]);
            continue;
        }
        let mut rows: Vec<usize> = comp.iter().map(|&k| edges[k].0).collect();
        let mut cols: Vec<usize> = comp.iter().map(|&k| edges[k].1).collect();
        rows.sort_unstable();
        rows.dedup();
        cols.sort_unstable();
        cols.dedup();
        if rows.len() * cols.len() > ASSIGN_MAX_CELLS {
            res.extend(greedy(&comp, edges));
            continue;
        }
        let transpose = rows.len() > cols.len();
        let (nr, nc) = if transpose { (cols.len(), rows.len()) } else { (rows.len(), cols.len()) };
        let mut m = Matrix::new(nr, nc, 0i64);
        // The edge behind each cell, to read the assignment back.
        let mut edge_at = vec![usize::MAX; nr * nc];
        for &k in &comp {
            let (i, j, s) = edges[k];
            let (r, c) = (rows.binary_search(&i).unwrap_or(0), cols.binary_search(&j).unwrap_or(0));
            let (r, c) = if transpose { (c, r) } else { (r, c) };
            // Scores become integers for the solver; the small positional
            // term only breaks ties between otherwise equal candidates.
            let tie = 1000 - (i.abs_diff(j).min(1000) as i64);
            m[(r, c)] = (edge_weight(&s) as f64 * 1e5) as i64 * 1000 + tie;
            edge_at[r * nc + c] = k;
        }
        let (_, assignment) = kuhn_munkres(&m);
        for (r, &c) in assignment.iter().enumerate() {
            let k = edge_at[r * nc + c];
            if m[(r, c)] > 0 && k != usize::MAX {
                res.push(edges[k]);
            }
        }
    }
    res.sort_by_key(|e| (e.0, e.1));
    res
}

/// Links two leftover sentences that are each other's clear best candidate
/// when one carries a good part of the other's content words (containment),
/// even though their wording differs too much for the paraphrase score: the
/// same claim retold in another outlet's words. Both must be unlinked; each
/// must be the other's best candidate among all sentences, linked or not, by
/// score plus containment, and beat its runner-up by a clear margin.
fn link_weak_mutual_best(
    all: &HashMap<(usize, usize), Score>,
    cfg: &MatchConfig,
    links: &mut Vec<Link>,
    link_of_a: &mut [Option<usize>],
    link_of_b: &mut [Option<usize>],
) {
    // Best and runner-up evidence per sentence: (best, partner, second).
    let mut best_a: HashMap<usize, (f32, usize, f32)> = HashMap::new();
    let mut best_b: HashMap<usize, (f32, usize, f32)> = HashMap::new();
    let push = |map: &mut HashMap<usize, (f32, usize, f32)>, me: usize, w: f32, other: usize| {
        let e = map.entry(me).or_insert((f32::MIN, usize::MAX, 0.0));
        if w > e.0 || (w == e.0 && other < e.1) {
            *e = (w, other, e.0.max(0.0));
        } else {
            e.2 = e.2.max(w);
        }
    };
    for (&(i, j), s) in all {
        let w = s.total + s.containment;
        push(&mut best_a, i, w, j);
        push(&mut best_b, j, w, i);
    }
    let mut found: Vec<(usize, usize, Score)> = Vec::new();
    for (&i, &(w, j, second_a)) in &best_a {
        let Some(&(_, partner, second_b)) = best_b.get(&j) else { continue };
        if partner != i || link_of_a[i].is_some() || link_of_b[j].is_some() {
            continue;
        }
        let s = all[&(i, j)];
        let clear = w >= cfg.weak_margin * second_a && w >= cfg.weak_margin * second_b;
        // With sentence vectors the score already sees retold claims, so a
        // weak link must also mean something by it, and share more than one
        // content word (a two-word subheading is a topic, not a claim).
        let floor = match s.semantic {
            Some(_) => cfg.weak_floor_semantic,
            None => cfg.weak_floor,
        };
        let enough_words = s.semantic.is_none() || s.shared_content >= 2.0;
        if clear
            && enough_words
            && s.containment >= cfg.weak_containment
            && s.total >= floor
            && s.same_claim >= cfg.min_same_claim
        {
            found.push((i, j, s));
        }
    }
    found.sort_by_key(|f| (f.0, f.1));
    for (i, j, s) in found {
        link_of_a[i] = Some(links.len());
        link_of_b[j] = Some(links.len());
        links.push(Link { a: vec![i], b: vec![j], score: s });
    }
}

/// Attaches a leftover sentence to an existing one-to-one link when the
/// sentence's content is found in the link's other side and joining it makes
/// the link score higher: the case of one sentence split in two.
fn join_split_sentences(
    corpus: &Corpus,
    (da, db): (usize, usize),
    all: &HashMap<(usize, usize), Score>,
    cfg: &MatchConfig,
    links: &mut [Link],
    link_of_a: &mut [Option<usize>],
    link_of_b: &mut [Option<usize>],
) {
    let mut cands: Vec<(bool, usize, usize, f32)> = Vec::new();
    for (&(i, j), s) in all {
        if link_of_a[i].is_none() && link_of_b[j].is_some() && s.covered_a >= cfg.join_coverage {
            cands.push((true, i, j, s.covered_a));
        }
        if link_of_b[j].is_none() && link_of_a[i].is_some() && s.covered_b >= cfg.join_coverage {
            cands.push((false, j, i, s.covered_b));
        }
    }
    cands.sort_by(|x, y| y.3.total_cmp(&x.3).then((x.0, x.1, x.2).cmp(&(y.0, y.1, y.2))));
    for (leftover_in_a, x, partner, _) in cands {
        let (link_idx, already) = if leftover_in_a {
            (link_of_b[partner], link_of_a[x].is_some())
        } else {
            (link_of_a[partner], link_of_b[x].is_some())
        };
        let Some(l) = link_idx else { continue };
        if already {
            continue;
        }
        let link = &links[l];
        // Only grow the side that is still a single sentence opposite one.
        let (grow, other) = if leftover_in_a { (&link.a, &link.b) } else { (&link.b, &link.a) };
        if other.len() != 1 || grow.len() >= 3 {
            continue;
        }
        let mut grown = grow.clone();
        grown.push(x);
        grown.sort_unstable();
        // One sentence told in two stands beside the other (a sentence
        // between them at most); a sentence far from the group joins it
        // only when it is one claim with the other side by itself (an
        // article that says its news twice), not for a few shared words
        // that lift the group's score.
        let far = grown[grown.len() - 1] - grown[0] > JOIN_SPAN;
        let key = if leftover_in_a { (x, partner) } else { (partner, x) };
        if far && all.get(&key).is_none_or(|s| s.same_claim < crate::sameclaim::CONFIDENT) {
            continue;
        }
        let (ga, gb) = if leftover_in_a { (grown.clone(), link.b.clone()) } else { (link.a.clone(), grown.clone()) };
        let joined = score_groups(corpus, da, &ga, db, &gb);
        if joined.total > link.score.total + 0.02 {
            links[l] = Link { a: ga, b: gb, score: joined };
            if leftover_in_a {
                link_of_a[x] = Some(l);
            } else {
                link_of_b[x] = Some(l);
            }
        }
    }
}

/// How far apart (in sentences) the first and last sentence of a group
/// joined by [`join_split_sentences`] may be without more evidence.
const JOIN_SPAN: usize = 2;

/// Scores groups of sentences as if each group were one text.
pub fn score_groups(corpus: &Corpus, da: usize, a: &[usize], db: usize, b: &[usize]) -> Score {
    if let (&[i], &[j]) = (a, b) {
        // Two single sentences (nearly every pair): their own profiles, not
        // copies joined from one part each.
        return matching::score(corpus, &corpus.docs[da].sentences[i].profile, &corpus.docs[db].sentences[j].profile);
    }
    let join = |d: usize, idx: &[usize]| Profile::join(idx.iter().map(|&i| &corpus.docs[d].sentences[i].profile));
    matching::score(corpus, &join(da, a), &join(db, b))
}

/// A scored link between two sentences of different documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceLink {
    /// The first sentence (the lower reference).
    pub a: SentenceRef,
    /// The second sentence.
    pub b: SentenceRef,
    /// Their score.
    pub score: Score,
}

/// Every cross-document sentence pair of the corpus scoring at or above the
/// threshold, found through the global candidate index: the near-duplicate
/// search behind many-article comparison and the scale benchmark. Cost grows
/// with the number of true candidates; no all-pairs matrix is built.
///
/// Sentences whose folded words are identical (wire copy reprinted by many
/// outlets) are indexed once: each later copy is linked to the first one
/// only, so a sentence repeated by k outlets costs k links, not k^2. Two
/// sentences are linked, directly or through such a first copy, exactly when
/// they are a pair above the threshold.
pub fn link_all(corpus: &Corpus, cfg: &MatchConfig) -> Vec<SentenceLink> {
    let mut first_of: HashMap<&str, SentenceRef> = HashMap::new();
    let mut firsts: Vec<SentenceRef> = Vec::new();
    let mut copies: Vec<(SentenceRef, SentenceRef)> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        for s in &doc.sentences {
            let r = (d, s.idx);
            match first_of.entry(s.profile.plain.as_str()) {
                std::collections::hash_map::Entry::Occupied(e) => copies.push((*e.get(), r)),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(r);
                    firsts.push(r);
                }
            }
        }
    }
    let mut cands = index::candidate_pairs_all(corpus, &firsts);
    cands.extend(index::semantic_pairs(corpus, &firsts, SEMANTIC_NEIGHBOURS, matching::SEMANTIC_PREFILTER));
    cands.sort_unstable();
    cands.dedup();
    cands.extend(copies.into_iter().filter(|(a, b)| a.0 != b.0));
    let profile = |r: SentenceRef| &corpus.docs[r.0].sentences[r.1].profile;
    // Rayon over candidates (the outer loop); most fail the cheap token
    // prefilter and never reach the character-level features.
    cands
        .par_iter()
        .filter_map(|&(a, b)| {
            let score = matching::score_above(corpus, profile(a), profile(b), matching::PREFILTER_CONTAINMENT)?;
            score.is_match(cfg).then_some(SentenceLink { a, b, score })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// A leftover sentence of B next to (or far from) the one B sentence A's
    /// sentence is linked to, carrying the rest of A's content.
    fn joined(far: bool, own_same_claim: f32) -> Vec<usize> {
        let filler = "The weather in the city was mild for the season.\n\nShops in the old town stayed open late.\n\n";
        let first = "The union said 1,200 dock workers joined the strike at Kessel Quay on Monday.\n\n";
        let rest = "Pickets gathered at the main gate of the container terminal.\n\n";
        let b = if far { format!("{first}{filler}{rest}") } else { format!("{first}{rest}{filler}") };
        let a = "The union said 1,200 dock workers joined the strike at Kessel Quay on Monday, as pickets \
                 gathered at the main gate of the container terminal.\n";
        let corpus = Corpus::build(vec![Article::from_text("a", a).unwrap(), Article::from_text("b", &b).unwrap()]);
        let leftover = if far { 3 } else { 1 };
        let mut all = HashMap::new();
        all.insert((0, leftover), Score { covered_b: 0.9, same_claim: own_same_claim, ..Score::default() });
        // The link as it stood, scored low so that any join lifts it.
        let mut links = vec![Link { a: vec![0], b: vec![0], score: Score { total: 0.1, ..Score::default() } }];
        let (mut link_of_a, mut link_of_b) = (vec![Some(0)], vec![None; 4]);
        link_of_b[0] = Some(0);
        join_split_sentences(
            &corpus,
            (0, 1),
            &all,
            &MatchConfig::default(),
            &mut links,
            &mut link_of_a,
            &mut link_of_b,
        );
        links[0].b.clone()
    }

    #[test]
    fn a_sentence_far_from_the_group_joins_only_as_one_claim_by_itself() {
        // Beside its partner, the rest of a split sentence joins.
        assert_eq!(joined(false, 0.2), vec![0, 1]);
        // Three sentences on, it joins only when it is one claim with A's
        // sentence by itself (an article that says its news twice).
        assert_eq!(joined(true, 0.2), vec![0]);
        assert_eq!(joined(true, 0.9), vec![0, 3]);
    }
}
