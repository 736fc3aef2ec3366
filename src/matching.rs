//! Fuzzy scoring of candidate sentence pairs.
//!
//! One calibrated similarity in [0, 1] from ten lexical features of a pair:
//! - weighted Jaccard over token ids (IDF x kind weights), where two
//!   different keys still count as shared when they are spelling variants
//!   (Jaro-Winkler >= 0.9 on keys of 4+ characters: `tehreek`/`tehrik`);
//! - weighted containment (shared weight over the lighter side) and the
//!   smaller of the two coverages;
//! - character bigram Sorensen-Dice and two character-level edit ratios
//!   (rapidfuzz's Indel ratio, as is and over sorted words);
//! - token-bigram Jaccard (word order), the length ratio, whether the
//!   numbers differ, and how many content words only one side has.
//!
//! The features are combined by a logistic model fitted on the train split
//! of the MSR Paraphrase Corpus (`benches/msrp.rs` reports it; the corpus is
//! read from ../shared and never copied here), then rescaled so that two
//! identical sentences score exactly 1. The score is symmetric by
//! construction. Callers run it in parallel over their candidate lists;
//! nothing here prints.

use crate::corpus::{Corpus, KeyInfo, Profile, Sentence, CONTENT_FACTOR};
pub use crate::score::{Score, EDGE_MATCH};

impl Score {
    /// Whether the pair is a match: a paraphrase by the calibrated score, or
    /// one side almost wholly contained in the other (a trimmed sentence, or
    /// a sentence glued to another by a missing full stop), with enough
    /// shared content words that the containment means something. Under
    /// `strict_threshold`, the score alone decides. Either way the pair must
    /// also be one claim by `cfg.min_same_claim`.
    pub fn is_match(&self, cfg: &crate::config::MatchConfig) -> bool {
        self.same_claim >= cfg.min_same_claim
            && (self.total >= cfg.threshold
                || (!cfg.strict_threshold
                    && (self.containment >= cfg.containment || self.edge >= EDGE_MATCH)
                    && self.shared_content >= cfg.containment_min_words))
    }

    /// The feature vector of the semantic model, in [`SEMANTIC_WEIGHTS`]
    /// order: the lexical features, then the cosine, its square, and the
    /// cosine times Jaccard, character Dice and length ratio (so wording
    /// evidence counts for more where the meanings agree).
    fn semantic_features(&self, cosine: f32) -> [f32; 15] {
        let mut f = [0.0; 15];
        f[..10].copy_from_slice(&self.features());
        f[10] = cosine;
        f[11] = cosine * cosine;
        f[12] = cosine * self.jaccard;
        f[13] = cosine * self.chars;
        f[14] = cosine * self.length_ratio;
        f
    }

    /// The lexical feature vector, in `WEIGHTS` order (the benches dump
    /// it for refitting).
    pub fn features(&self) -> [f32; 10] {
        [
            self.jaccard,
            self.containment,
            self.covered_a.min(self.covered_b),
            self.chars,
            self.numbers_differ,
            self.length_ratio,
            self.bigrams,
            self.edit,
            self.edit_sorted,
            self.unshared,
        ]
    }
}

/// Logistic weights for [`Score::features`], and the intercept. Fitted on
/// the MSRP train split (see `benches/msrp.rs`).
const WEIGHTS: [f32; 10] = [1.44, 1.41, -1.66, 4.85, -0.36, 3.39, -3.37, 3.97, 2.37, -0.13];
const INTERCEPT: f32 = -8.85;

/// Logistic weights for [`Score::semantic_features`] and the intercept,
/// used when both sides have encoder vectors. Fitted by
/// `scripts/fit-semantic.py` on graded news pairs (STS 2013, 2014 and 2016
/// headlines and tweet-news, gold/5 as a soft label, and the MSRP train
/// split), never on the sets `benches/semantic.rs` reports as held out.
const SEMANTIC_WEIGHTS: [f32; 15] =
    [1.025, 0.888, -0.246, 0.626, -0.392, -2.222, -0.112, -0.707, -0.528, -0.007, 1.531, -1.388, 0.620, 0.749, 3.202];
const SEMANTIC_INTERCEPT: f32 = -0.645;

/// The semantic model's probabilities are raised to this power (monotone,
/// identical pairs stay at 1) so that the default cut-off, 0.45, sits where
/// the fitting data is best separated: on the STS training sets, pairs that
/// people scored 2.5 of 5 or more (the same event, details may differ: what
/// claimdiff aligns in order to flag the detail) are told from the rest with
/// the best F1 at a probability of 0.42, and 0.42^0.922 = 0.45.
const SEMANTIC_CUT_EXPONENT: f32 = 0.922;

/// Pairs whose vectors are at least this close are scored in full even when
/// they share few words (the token-containment prefilter does not drop them).
pub const SEMANTIC_PREFILTER: f32 = 0.45;

/// Two keys closer than this (Jaro-Winkler) are spelling variants.
pub const VARIANT_SIMILARITY: f64 = 0.9;

fn logit(features: &[f32; 10]) -> f32 {
    features.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + INTERCEPT
}

fn semantic_logit(features: &[f32; 15]) -> f32 {
    features.iter().zip(SEMANTIC_WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + SEMANTIC_INTERCEPT
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The model's output for two identical sentences: the top of the scale.
fn identical_probability() -> f32 {
    static P: std::sync::LazyLock<f32> =
        std::sync::LazyLock::new(|| sigmoid(logit(&[1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0])));
    *P
}

/// The semantic model's output for two identical sentences.
fn identical_semantic_probability() -> f32 {
    static P: std::sync::LazyLock<f32> = std::sync::LazyLock::new(|| {
        sigmoid(semantic_logit(&[1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0]))
    });
    *P
}

/// Scores two profiles (sentences, or groups of sentences joined).
pub fn score(corpus: &Corpus, a: &Profile, b: &Profile) -> Score {
    score_above(corpus, a, b, 0.0).unwrap_or_default()
}

/// No candidate with less weighted containment than this has ever been a
/// match: of 3.35 million candidates of a 150,000-sentence corpus, the
/// 167,000 matches all had containment of 0.206 or more, while 29% of the
/// candidates fell below 0.2. [`link_all`](crate::align::link_all) skips the
/// character-level features of those.
pub const PREFILTER_CONTAINMENT: f32 = 0.2;

/// Scores two profiles, or returns `None` as soon as the token containment
/// is known to be below `min_containment` (before the costly
/// character-level features).
pub fn score_above(corpus: &Corpus, a: &Profile, b: &Profile, min_containment: f32) -> Option<Score> {
    let weight_a: f32 = a.bag.iter().map(|&e| corpus.weight(e)).sum();
    let weight_b: f32 = b.bag.iter().map(|&e| corpus.weight(e)).sum();
    if weight_a == 0.0 || weight_b == 0.0 {
        return Some(Score::default());
    }
    let semantic = (!a.vector.is_empty() && a.vector.len() == b.vector.len())
        .then(|| crate::semantic::cosine(&a.vector, &b.vector));
    let semantic_passes = semantic.is_some_and(|c| c >= SEMANTIC_PREFILTER);
    let (mut shared, mut only_a, mut only_b) = (0.0f32, Vec::new(), Vec::new());
    merge_bags(&a.bag, &b.bag, |side, e| match side {
        Side::Both(f) => shared += corpus.weight(e).min(corpus.weight(f)),
        Side::A => only_a.push(e),
        Side::B => only_b.push(e),
    });
    let is_number = |e: &(u32, f32)| corpus.key_info[e.0 as usize].number;
    let numbers_differ = only_a.iter().chain(&only_b).any(is_number);
    let (variant, n_variants) = variant_weight(corpus, &only_a, &only_b);
    let content = |side: &[(u32, f32)]| side.iter().filter(|e| e.1 >= CONTENT_FACTOR).count();
    let unshared = content(&only_a).max(content(&only_b)).saturating_sub(n_variants);
    let shared_content = content(&a.bag) - content(&only_a) + n_variants;
    let shared = (shared + variant).min(weight_a).min(weight_b);
    if shared / weight_a.min(weight_b) < min_containment && !semantic_passes {
        return None;
    }
    let (na, nb) = (a.seq.len().max(1) as f32, b.seq.len().max(1) as f32);
    let mut s = Score {
        total: 0.0,
        jaccard: shared / (weight_a + weight_b - shared),
        containment: shared / weight_a.min(weight_b),
        covered_a: shared / weight_a,
        covered_b: shared / weight_b,
        chars: dice(&a.char_bigrams, &b.char_bigrams),
        edit: edit_ratio(&a.plain, &b.plain),
        edit_sorted: edit_ratio(&a.sorted, &b.sorted),
        bigrams: bigram_jaccard(a, b),
        length_ratio: na.min(nb) / na.max(nb),
        numbers_differ: if numbers_differ { 1.0 } else { 0.0 },
        unshared: unshared as f32,
        shared_content: shared_content as f32,
        edge: 0.0,
        semantic,
        same_claim: 0.0,
    };
    if s.containment >= EDGE_GATE {
        s.edge = edge_ratio(&a.plain, &b.plain);
    }
    s.total = match semantic {
        Some(c) => {
            let p =
                (sigmoid(semantic_logit(&s.semantic_features(c))) / identical_semantic_probability()).clamp(0.0, 1.0);
            p.powf(SEMANTIC_CUT_EXPONENT)
        }
        None => sigmoid(logit(&s.features())) / identical_probability(),
    }
    .clamp(0.0, 1.0);
    s.same_claim = crate::sameclaim::probability(&s, &crate::sameclaim::contrast(&a.facts, &b.facts));
    Some(s)
}

/// Scores two sentences.
pub fn score_sentences(corpus: &Corpus, a: &Sentence, b: &Sentence) -> Score {
    score(corpus, &a.profile, &b.profile)
}

/// 2 x matched characters / total characters over an optimal alignment
/// (the Indel similarity, rapidfuzz's bit-parallel `fuzz::ratio`).
fn edit_ratio(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    // Bytes and characters agree on ASCII text, and bytes let rapidfuzz use
    // a flat table instead of a hash map for its bit masks.
    if a.is_ascii() && b.is_ascii() {
        return rapidfuzz::fuzz::ratio(a.bytes(), b.bytes()) as f32;
    }
    rapidfuzz::fuzz::ratio(a.chars(), b.chars()) as f32
}

/// Below this token containment no pair is scored for [`Score::edge`]:
/// a shorter side found nearly verbatim in the longer shares most of its
/// tokens with it.
const EDGE_GATE: f32 = 0.5;

/// [`Score::edge`]: the character edit ratio of the shorter text against
/// the longer one's opening and closing stretches of its length (cut on
/// character boundaries), the better of the two; 0 when the shorter text
/// has fewer than four words or more than four fifths of the longer's
/// length (then the whole-text ratio already tells).
fn edge_ratio(a: &str, b: &str) -> f32 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * 5 > long.len() * 4 || short.split(' ').nth(3).is_none() {
        return 0.0;
    }
    let mut head_end = short.len();
    while !long.is_char_boundary(head_end) {
        head_end += 1;
    }
    let mut tail_start = long.len() - short.len();
    while !long.is_char_boundary(tail_start) {
        tail_start -= 1;
    }
    let head = edit_ratio(short, &long[..head_end]);
    let tail = edit_ratio(short, &long[tail_start..]);
    head.max(tail)
}

/// Sorensen-Dice over two sorted multisets of character bigrams (see
/// [`Profile::bigrams`]): 2 x shared / total.
fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * sorted_intersection(a, b) as f32 / (a.len() + b.len()) as f32
}

/// How many elements two sorted sequences share (as multisets).
fn sorted_intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    shared
}

/// Jaccard over two sorted, distinct sets of token bigrams. Two one-word
/// texts (no bigrams) count as equal when their single tokens are.
fn bigram_jaccard(a: &Profile, b: &Profile) -> f32 {
    let (pa, pb) = (&a.word_bigrams, &b.word_bigrams);
    if pa.is_empty() && pb.is_empty() {
        return if a.seq == b.seq { 1.0 } else { 0.0 };
    }
    let shared = sorted_intersection(pa, pb);
    shared as f32 / (pa.len() + pb.len() - shared) as f32
}

/// Whether `b` could carry the claim `a` states: it shares a content word
/// with it, or its meaning is close. A sentence that shares neither is not
/// scored against a claim that may be one outlet's alone.
pub fn may_carry(a: &Profile, b: &Profile) -> bool {
    let close = !a.vector.is_empty()
        && a.vector.len() == b.vector.len()
        && crate::semantic::cosine(&a.vector, &b.vector) >= SEMANTIC_PREFILTER;
    if close {
        return true;
    }
    let mut shares = false;
    merge_bags(&a.bag, &b.bag, |side, e| {
        if let Side::Both(f) = side {
            shares |= e.1 >= CONTENT_FACTOR && f.1 >= CONTENT_FACTOR;
        }
    });
    shares
}

/// Which side of a merge of two bags an entry came from.
enum Side {
    A,
    B,
    /// On both: the entry is A's, this is B's.
    Both((u32, f32)),
}

/// Walks two bags sorted by key once, in key order, telling `f` of each
/// entry which side holds it.
fn merge_bags(a: &[(u32, f32)], b: &[(u32, f32)], mut f: impl FnMut(Side, (u32, f32))) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                f(Side::Both(b[j]), a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                f(Side::A, a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                f(Side::B, b[j]);
                j += 1;
            }
        }
    }
    a[i..].iter().for_each(|&e| f(Side::A, e));
    b[j..].iter().for_each(|&e| f(Side::B, e));
}

/// The weight of keys on one side that are spelling variants of keys on the
/// other (each key used at most once), scaled by how close they are, and the
/// number of such pairs. Pairs are taken closest first, ties broken by the
/// keys themselves, so the result does not depend on which side is A.
fn variant_weight(corpus: &Corpus, only_a: &[(u32, f32)], only_b: &[(u32, f32)]) -> (f32, usize) {
    // B's candidates by first byte, so each A key meets only those that
    // open like it (variants share their first byte).
    let mut candidates_b: Vec<(KeyInfo, usize)> = only_b
        .iter()
        .enumerate()
        .map(|(y, eb)| (corpus.key_info[eb.0 as usize], y))
        .filter(|(info, _)| is_variant_candidate(*info))
        .collect();
    if candidates_b.is_empty() {
        return (0.0, 0);
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    candidates_b.sort_unstable_by_key(|(info, y)| (info.first, *y));
    for (x, ea) in only_a.iter().enumerate() {
        let ia = corpus.key_info[ea.0 as usize];
        if !is_variant_candidate(ia) {
            continue;
        }
        let from = candidates_b.partition_point(|(ib, _)| ib.first < ia.first);
        for &(ib, y) in candidates_b[from..].iter().take_while(|(ib, _)| ib.first == ia.first) {
            // Checked on packed facts, not the strings: this skips almost
            // every Jaro-Winkler.
            if !may_be_variants(ia, ib) {
                continue;
            }
            let sim = strsim::jaro_winkler(&corpus.keys[ea.0 as usize], &corpus.keys[only_b[y].0 as usize]);
            if sim >= VARIANT_SIMILARITY {
                pairs.push((sim, x, y));
            }
        }
    }
    if pairs.is_empty() {
        return (0.0, 0);
    }
    let unordered = |&(_, x, y): &(f64, usize, usize)| {
        let (ka, kb) = (&corpus.keys[only_a[x].0 as usize], &corpus.keys[only_b[y].0 as usize]);
        if ka <= kb {
            (ka, kb)
        } else {
            (kb, ka)
        }
    };
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| unordered(p).cmp(&unordered(q))));
    let (mut used_a, mut used_b) = (vec![false; only_a.len()], vec![false; only_b.len()]);
    let (mut res, mut n) = (0.0, 0);
    for (sim, x, y) in pairs {
        if !used_a[x] && !used_b[y] {
            used_a[x] = true;
            used_b[y] = true;
            res += corpus.weight(only_a[x]).min(corpus.weight(only_b[y])) * sim as f32;
            n += 1;
        }
    }
    (res, n)
}

fn is_variant_candidate(info: KeyInfo) -> bool {
    info.len >= 4 && !info.number
}

/// Whether two words could be spelling variants: candidates that share
/// their first letter and nearly their length, and could reach
/// [`VARIANT_SIMILARITY`] given the letters one has and the other lacks.
fn may_be_variants(a: KeyInfo, b: KeyInfo) -> bool {
    a.first == b.first
        && a.len.abs_diff(b.len) <= 3
        && is_variant_candidate(a)
        && is_variant_candidate(b)
        && could_reach_variant_similarity(a, b)
}

/// Jaro-Winkler (strsim's) is at most `0.4 + 0.6 jaro` (a prefix of four),
/// so reaching `s` needs Jaro >= `(s - 0.4) / 0.6` (5/6 for 0.9), and Jaro is
/// at most `(m/|a| + m/|b| + 1) / 3` with `m` the matching characters: at
/// most each word's length less the letters it has that the other lacks
/// (each such letter is at least one character that cannot match). ASCII
/// keys only (their bytes are their characters); others always pass.
fn could_reach_variant_similarity(a: KeyInfo, b: KeyInfo) -> bool {
    let (Some(ma), Some(mb)) = (a.bytes, b.bytes) else { return true };
    let (la, lb) = (f64::from(a.len), f64::from(b.len));
    let m = (la - f64::from((ma & !mb).count_ones())).min(lb - f64::from((mb & !ma).count_ones()));
    let jaro = (VARIANT_SIMILARITY - 0.4) / 0.6;
    m / la + m / lb >= 3.0 * jaro - 1.0 - 1e-9
}

/// A sentence of the corpus: (document index, sentence index).
pub type SentenceRef = (usize, usize);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// The letter bound never turns away a pair Jaro-Winkler would call
    /// variants (every word pair of a list of variants and look-alikes,
    /// and each word with every one- and two-letter change), and it does
    /// turn some pairs away ("said" and "state" share a first letter).
    #[test]
    fn the_letter_bound_keeps_every_variant() {
        let words = [
            "defence",
            "defense",
            "tehreek",
            "tehrik",
            "organisation",
            "organization",
            "programme",
            "program",
            "analyse",
            "analyze",
            "travelled",
            "traveled",
            "jewellery",
            "jewelry",
            "said",
            "state",
            "stated",
            "minister",
            "ministry",
            "minsiter",
            "kabul",
            "kaabul",
            "taliban",
            "talibaan",
            "pakistan",
            "pakistani",
        ];
        let mut all: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            let b = w.as_bytes();
            for i in 1..b.len() {
                for c in [b'a', b'e', b'i', b'z'] {
                    let mut v = b.to_vec();
                    v[i] = c;
                    all.push(String::from_utf8(v.clone()).unwrap());
                    v.remove(i);
                    all.push(String::from_utf8(v.clone()).unwrap());
                    if i + 1 < v.len() {
                        v.swap(i, i + 1);
                        all.push(String::from_utf8(v).unwrap());
                    }
                }
            }
        }
        let (mut variants, mut turned_away) = (0, 0);
        for a in &all {
            for b in &all {
                let (ia, ib) = (KeyInfo::of(a), KeyInfo::of(b));
                if strsim::jaro_winkler(a, b) >= VARIANT_SIMILARITY {
                    variants += 1;
                    assert!(could_reach_variant_similarity(ia, ib), "{a} / {b}");
                } else if !could_reach_variant_similarity(ia, ib) {
                    turned_away += 1;
                }
            }
        }
        assert!(variants > 1000, "{variants}");
        assert!(turned_away > 0);
        assert!(!could_reach_variant_similarity(KeyInfo::of("said"), KeyInfo::of("state")));
    }
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "port",
        "Harbour",
        "harbor",
        "union",
        "said",
        "7,000",
        "7000",
        "workers",
        "strike",
        "minister",
        "not",
        "crane",
        "collapsed",
        "Tehreek-e-Taliban",
        "Tehreek-i-Taliban",
        "defence",
        "defense",
        "“quoted”",
        "\"quoted\"",
        "on",
        "Monday",
        "three",
        "3",
        "police",
        "arrested",
        "men",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 1..14).prop_map(|w| format!("{}.", w.join(" ")))
    }

    /// Scores one sentence of each of two one-sentence articles.
    fn pair_score(a: &str, b: &str) -> Score {
        let corpus = Corpus::build(vec![Article::from_text("a", a).unwrap(), Article::from_text("b", b).unwrap()]);
        let (pa, pb) = (&corpus.docs[0].sentences, &corpus.docs[1].sentences);
        let join = |s: &[Sentence]| Profile::join(s.iter().map(|x| &x.profile));
        score(&corpus, &join(pa), &join(pb))
    }

    proptest! {
        #[test]
        fn scores_are_symmetric_and_in_unit_range(a in sentence(), b in sentence()) {
            let (ab, ba) = (pair_score(&a, &b), pair_score(&b, &a));
            prop_assert!((0.0..=1.0).contains(&ab.total), "{ab:?}");
            prop_assert!((ab.total - ba.total).abs() < 1e-6, "{ab:?} vs {ba:?}");
            prop_assert!((ab.covered_a - ba.covered_b).abs() < 1e-6);
        }

        #[test]
        fn identical_sentences_score_top(a in sentence()) {
            let s = pair_score(&a, &a);
            prop_assert!(s.total > 0.999, "{s:?}");
        }
    }

    /// A sentence may carry a one-outlet claim only if it shares a content
    /// word with it (function words do not count) or is close in meaning.
    #[test]
    fn only_a_sentence_sharing_a_content_word_may_carry_a_claim() {
        let carries = |a: &str, b: &str| {
            let corpus = Corpus::build(vec![Article::from_text("a", a).unwrap(), Article::from_text("b", b).unwrap()]);
            let (pa, pb) = (&corpus.docs[0].sentences[0].profile, &corpus.docs[1].sentences[0].profile);
            assert_eq!(may_carry(pa, pb), may_carry(pb, pa));
            may_carry(pa, pb)
        };
        assert!(carries("The union called the strike on Monday.", "Dockers walked out after the strike vote."));
        assert!(!carries("The union called it off on Monday.", "It was the last of the ships in the port."));
        let mut close = Profile::join(std::iter::empty());
        close.vector = vec![1.0, 0.0];
        let mut far = close.clone();
        far.vector = vec![0.0, 1.0];
        assert!(may_carry(&close, &close.clone()) && !may_carry(&close, &far));
    }

    #[test]
    fn spelling_and_format_variants_score_as_identical() {
        let s = pair_score(
            "The Harbour union's defence of 7,000 workers in Tehreek-e-Taliban areas.",
            "The Harbor union's defense of 7000 workers in Tehreek-e-Taliban areas.",
        );
        assert!(s.jaccard > 0.999, "{s:?}");
        let t = pair_score("Police arrested three men on Monday.", "Police arrested 3 men on Monday.");
        assert!(t.jaccard > 0.999 && t.numbers_differ == 0.0, "{t:?}");
    }

    #[test]
    fn transliteration_variants_count_as_shared() {
        let s = pair_score(
            "Tehreek-e-Taliban fighters crossed the border.",
            "Tehrik-i-Taliban fighters crossed the border.",
        );
        assert!(s.jaccard > 0.8, "{s:?}");
        assert!(s.is_match(&crate::config::MatchConfig::default()));
    }

    #[test]
    fn a_sentence_glued_to_the_next_still_matches_its_copy() {
        // A missing full stop glues a copy to the next sentence; an outlet
        // may instead extend it with an attribution. Either way the shorter
        // side is the longer one's opening or ending.
        let short = "The monkeys could track their progress by watching the arm on a video screen.";
        let glued = "The monkeys could track their progress by watching the arm on a video screen \
                     The two companies said the merger would strengthen their presence in Europe.";
        let extended = "Researchers said on Monday that the monkeys could track their progress by \
                        watching the arm on a video screen.";
        let cfg = crate::config::MatchConfig::default();
        for long in [glued, extended] {
            let (ab, ba) = (pair_score(short, long), pair_score(long, short));
            assert!(ab.edge >= EDGE_MATCH, "{ab:?}");
            assert_eq!(ab.edge, ba.edge);
            assert!(ab.is_match(&cfg) && ab.same_claim >= crate::sameclaim::CONFIDENT, "{ab:?}");
        }
        // Two sentences that open alike but go on differently are no edge match.
        let other = pair_score(
            "The monkeys could track their progress by watching the arm on a video screen.",
            "The monkeys could not be trained to move the arm, the researchers said in a statement on Monday, \
             and the study was stopped after two weeks.",
        );
        assert!(other.edge < EDGE_MATCH, "{other:?}");
    }

    #[test]
    fn topic_overlap_is_not_a_match() {
        let cfg = crate::config::MatchConfig::default();
        let s = pair_score(
            "The union said the strike at the port would continue on Monday.",
            "Police said the port would reopen to ships once the union agreed.",
        );
        assert!(!s.is_match(&cfg), "{s:?}");
    }
}
