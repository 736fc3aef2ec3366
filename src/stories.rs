//! Story grouping: which articles of a mixed collection report the same
//! event (`claimdiff stories`, `compare --by-story`).
//!
//! Each article becomes a TF-IDF vector over its title and text: content words
//! (stop words, day and month names out) and pairs of adjacent content words, a
//! capitalised word (a name, a place) counting twice, the weight `(1 + ln tf) *
//! ln((N + 1) / df)^2` (the square sharpens rare terms, the names and numbers
//! that tell two earthquakes apart), terms in one article only dropped from the
//! vector but counted in its norm (in full below 100 articles, lightly from
//! 400: see `unshared_penalty`); a capital that only starts a sentence does not
//! make a name. N and df count 20 virtual background documents in which every
//! ordinary (mostly lower-case) word occurs half the time and no name does, so
//! that in a handful of articles shared everyday words do not outweigh shared
//! names. Candidate pairs share one of each article's strongest terms (an
//! inverted index, very common terms skipped); two articles whose dates are
//! both known and further apart than the window are never one story. The
//! stories are then built by average-linkage agglomerative clustering over the
//! sparse cosine graph: two groups merge while the mean similarity of all their
//! cross pairs (a missing pair counting 0) is at least the threshold. Average
//! linkage, unlike connected components, does not chain two events through one
//! article that mentions both.
//!
//! Pure computation over loaded articles; the binary prints.

use crate::article::Article;
use crate::lexicon::day_number;
use crate::normalize::is_stop_word;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

/// Grouping options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryConfig {
    /// Two groups merge while their mean cross-pair cosine is at least
    /// this (default 0.14).
    pub threshold: f32,
    /// Articles with known dates more than this many days apart are never
    /// one story (default 7).
    pub window_days: i64,
}

/// The default merge threshold: fitted on the odd-numbered topics of ECB+
/// (B-cubed F1 0.940 there), 0.924 on the even-numbered ones it never saw.
pub const DEFAULT_THRESHOLD: f32 = 0.14;

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig { threshold: DEFAULT_THRESHOLD, window_days: 7 }
    }
}

/// One story: the articles (indices into the input) that report it, in
/// input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// `S1`, `S2`, ... by the story's earliest article (dated stories by
    /// date first, then input order).
    pub id: String,
    /// Indices into the grouped articles, ascending.
    pub articles: Vec<usize>,
}

/// How many of each article's strongest terms propose candidates.
const PROBE_TERMS: usize = 40;
/// Cosines below this are not kept as edges (they could not lift a mean
/// over the threshold on their own).
const EDGE_FLOOR: f32 = 0.02;

/// Groups `articles` into stories. Every article is in exactly one story;
/// an article like no other is a story of its own.
pub fn group(articles: &[Article], cfg: &StoryConfig) -> Vec<Story> {
    let n = articles.len();
    let (vectors, sets) = vectors(articles);
    let days: Vec<Option<i64>> = articles.iter().map(|a| a.meta.date.as_deref().and_then(day_number)).collect();
    let edges = edges(&vectors, &sets, &days, cfg.window_days);
    let clusters = average_linkage(n, &edges, cfg.threshold, &days, cfg.window_days);
    let mut stories: Vec<Vec<usize>> = clusters.into_iter().filter(|c| !c.is_empty()).collect();
    for s in &mut stories {
        s.sort_unstable();
    }
    let first_day = |s: &Vec<usize>| s.iter().filter_map(|&i| days[i]).min();
    stories.sort_by_key(|s| (first_day(s).is_none(), first_day(s), s[0]));
    stories.into_iter().enumerate().map(|(k, articles)| Story { id: format!("S{}", k + 1), articles }).collect()
}

/// Day and month names ("may" aside, a verb) and relative days: dates,
/// which the window handles, not the event.
fn calendar_word(w: &str) -> bool {
    use crate::lexicon::{MONTHS, WEEKDAYS};
    (MONTHS.contains(&w) && w != "may") || WEEKDAYS.contains(&w) || w == "today" || w == "yesterday"
}

/// Titles before a name: every story has them.
const TITLES: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "st", "prof", "gen", "lt", "col", "sgt", "supt"];

/// One term of an article: its weight (a capitalised occurrence counts
/// twice) and how many of its occurrences were capitalised.
#[derive(Default, Clone, Copy)]
struct Term {
    weight: f32,
    capitalised: u32,
    count: u32,
}

/// An article's terms: content words and adjacent content-word pairs, in
/// term order (so that term ids, sums and ties are the same every run).
fn terms(a: &Article) -> BTreeMap<String, Term> {
    let mut out: BTreeMap<String, Term> = BTreeMap::new();
    let title = a.meta.title.as_deref().unwrap_or("");
    // The title is one sentence; in the text a sentence starts after a
    // line break or a token ending in . ! ? or :.
    for part in [title, a.text.as_str()] {
        let mut prev: Option<(String, bool)> = None;
        for line in part.lines() {
            let mut at_start = true;
            for raw in line.split_whitespace() {
                let initial = at_start;
                at_start = raw.ends_with(['.', '!', '?', ':']) || raw.ends_with(".\"") || raw.ends_with(".”");
                for word in raw.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
                    let word = word.trim_matches(|c: char| c == '\'' || c == '-');
                    let lower = word.to_lowercase();
                    if lower.chars().count() < 2
                        || is_stop_word(&lower)
                        || calendar_word(&lower)
                        || TITLES.contains(&lower.as_str())
                    {
                        prev = None;
                        continue;
                    }
                    // A capital that only starts a sentence says nothing.
                    let caps = !initial && word.chars().next().is_some_and(char::is_uppercase);
                    let w = if caps { 2.0 } else { 1.0 };
                    let mut add = |key: String, caps: bool| {
                        let t = out.entry(key).or_default();
                        t.weight += w;
                        t.count += 1;
                        t.capitalised += u32::from(caps);
                    };
                    if let Some((p, p_caps)) = &prev {
                        add(format!("{p} {lower}"), caps && *p_caps);
                    }
                    add(lower.clone(), caps);
                    prev = Some((lower, caps));
                }
            }
        }
    }
    out
}

/// Virtual background documents: an ordinary word (mostly written in lower
/// case across the collection) is taken to occur in half of them, a name in
/// none. In a large collection this changes nothing; in a handful of
/// articles it keeps two stories' shared everyday words ("people", "long",
/// "told") from outweighing a story's shared names.
const BACKGROUND_DOCS: f32 = 20.0;

/// How much the terms an article shares with no other count against it:
/// a vector of its shared terms is scaled by `(|shared| / |all|)^gamma`.
/// With few articles document frequencies say little, and two unrelated
/// articles can share a handful of terms that are then all their vectors
/// hold: the full penalty (1, the plain cosine of whole vectors). With
/// many, a term only one article has is mostly noise (a typo, a byline):
/// a light penalty (0.25, fitted with the threshold on ECB+'s odd topics).
/// Between 100 and 400 articles it falls linearly in 1/n.
fn unshared_penalty(n: usize) -> f32 {
    (100.0 / n.max(1) as f32).clamp(0.25, 1.0)
}

/// A sparse vector: (term id, weight), by term id; of norm at most 1.
type Vector = Vec<(u32, f32)>;

/// Each article's weighted vector, and its [`TermSet`].
fn vectors(articles: &[Article]) -> (Vec<Vector>, Vec<TermSet>) {
    let raw: Vec<BTreeMap<String, Term>> = articles.par_iter().map(terms).collect();
    let mut ids: HashMap<&str, u32> = HashMap::new();
    // Per term: document frequency, capitalised and all occurrences.
    let mut stats: Vec<(u32, u32, u32)> = Vec::new();
    for t in &raw {
        for (term, x) in t {
            let id = *ids.entry(term.as_str()).or_insert_with(|| {
                stats.push((0, 0, 0));
                (stats.len() - 1) as u32
            });
            let s = &mut stats[id as usize];
            s.0 += 1;
            s.1 += x.capitalised;
            s.2 += x.count;
        }
    }
    let n = articles.len() as f32 + BACKGROUND_DOCS;
    let gamma = unshared_penalty(articles.len());
    // A term written with a capital in most of its occurrences across the
    // collection is a name.
    let is_name = |id: u32| {
        let (_, caps, count) = stats[id as usize];
        2 * caps >= count
    };
    let sets = raw
        .par_iter()
        .map(|t| {
            let mut all: Vec<u32> = t.keys().map(|term| ids[term.as_str()]).collect();
            all.sort_unstable();
            let names = all.iter().copied().filter(|&id| is_name(id)).collect();
            TermSet { all, names }
        })
        .collect();
    let vectors = raw
        .par_iter()
        .map(|t| {
            // Every term counts in the norm; only terms another article
            // also has are kept (the others cannot meet anything), so two
            // articles that share a few terms stay far apart however few
            // articles there are.
            let mut norm2 = 0.0;
            let mut v: Vector = t
                .iter()
                .filter_map(|(term, x)| {
                    let id = ids[term.as_str()];
                    let (df, caps, count) = stats[id as usize];
                    let name = 2 * caps >= count;
                    let df_eff = df as f32 + if name { 0.0 } else { BACKGROUND_DOCS / 2.0 };
                    let w = (1.0 + x.weight.ln()) * ((n + 1.0) / df_eff).ln().powi(2);
                    norm2 += w * w;
                    (df >= 2 && w > 0.0).then_some((id, w))
                })
                .collect();
            let kept = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            let full = norm2.sqrt();
            if kept > 0.0 {
                let scale = (kept / full).powf(gamma) / kept;
                v.iter_mut().for_each(|(_, w)| *w *= scale);
            }
            v.sort_unstable_by_key(|&(id, _)| id);
            v
        })
        .collect();
    (vectors, sets)
}

/// Two articles of which one holds at least this share of the other's
/// terms (the smaller's, so a copy cut short counts) are copies of one text
/// (one wire story under its outlets' own bylines, credits and datelines),
/// one story whatever the weights say. The weights can say otherwise when
/// copies are most of the collection: every shared word is then common, and
/// the few words each copy has alone (a byline, a desk's place) outweigh
/// them. (Two reports of different events written to one template, bridge
/// closures in two towns, share most of their wording but not their names.)
const NEAR_COPY: f32 = 0.9;

/// The fewest terms the smaller of two articles needs to be read as a copy
/// of the other: a one-line brief ("Markets fell on Monday.") can sit
/// inside any long article.
const NEAR_COPY_MIN_TERMS: usize = 30;

/// The ids of all of an article's terms (shared or not), and of those that
/// are names, each ascending.
struct TermSet {
    all: Vec<u32>,
    names: Vec<u32>,
}

/// Calls `both` on each pair of entries of two lists ascending by key that
/// share a key: one sorted merge, for [`held`] and [`dot`].
fn for_shared<A, B, K: Ord>(
    a: &[A],
    b: &[B],
    key_a: impl Fn(&A) -> K,
    key_b: impl Fn(&B) -> K,
    mut both: impl FnMut(&A, &B),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match key_a(&a[i]).cmp(&key_b(&b[j])) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                both(&a[i], &b[j]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The share of the smaller of two ascending id lists that the other holds
/// (1 when the smaller is empty).
fn held(a: &[u32], b: &[u32]) -> f32 {
    let short = a.len().min(b.len());
    if short == 0 {
        return 1.0;
    }
    let mut both = 0usize;
    for_shared(a, b, |&x| x, |&y| y, |_, _| both += 1);
    both as f32 / short as f32
}

/// How much two articles are copies of one text: the share of the smaller
/// one's terms the other holds, when that share, and the share of its
/// names, reach [`NEAR_COPY`]; else 0.
fn near_copy(a: &TermSet, b: &TermSet) -> f32 {
    if a.all.len().min(b.all.len()) < NEAR_COPY_MIN_TERMS {
        return 0.0;
    }
    // Names first: their lists are short, and most candidate pairs fail on
    // them.
    if held(&a.names, &b.names) < NEAR_COPY {
        return 0.0;
    }
    let all = held(&a.all, &b.all);
    if all >= NEAR_COPY {
        all
    } else {
        0.0
    }
}

fn dot(a: &Vector, b: &Vector) -> f32 {
    let mut s = 0.0;
    for_shared(a, b, |x| x.0, |y| y.0, |x, y| s += x.1 * y.1);
    s
}

/// The similarity graph: `(i, j, cosine)` with `i < j`, for candidate pairs
/// within the date window whose cosine reaches [`EDGE_FLOOR`].
fn edges(vectors: &[Vector], sets: &[TermSet], days: &[Option<i64>], window: i64) -> Vec<(usize, usize, f32)> {
    let n = vectors.len();
    // Each article's strongest terms, and who has them.
    let probes: Vec<Vec<u32>> = vectors
        .iter()
        .map(|v| {
            let mut top: Vec<(u32, f32)> = v.clone();
            // Ties by term id: the same terms every run.
            top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            top.truncate(PROBE_TERMS);
            top.into_iter().map(|(id, _)| id).collect()
        })
        .collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, p) in probes.iter().enumerate() {
        for &t in p {
            postings.entry(t).or_default().push(i);
        }
    }
    // A term many articles lead with is no evidence of one event; but the
    // rarest term an article shares with others is, even when many share it
    // (a wire story that fifty outlets and more ran).
    let max_postings = (n / 20).max(50);
    (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let lists: Vec<&Vec<usize>> = probes[i].iter().filter_map(|t| postings.get(t)).collect();
            let rarest = lists.iter().map(|p| p.len()).filter(|&l| l >= 2).min().filter(|&l| l <= RAREST_POSTINGS_MAX);
            let mut cands: Vec<usize> = lists
                .iter()
                .filter(|p| p.len() <= max_postings || Some(p.len()) == rarest)
                .flat_map(|p| p.iter().copied().filter(|&j| j > i))
                .collect();
            cands.sort_unstable();
            cands.dedup();
            cands
                .into_iter()
                .filter(|&j| match (days[i], days[j]) {
                    (Some(a), Some(b)) => (a - b).abs() <= window,
                    _ => true,
                })
                .filter_map(|j| {
                    let mut s = dot(&vectors[i], &vectors[j]);
                    if s < NEAR_COPY {
                        s = s.max(near_copy(&sets[i], &sets[j]));
                    }
                    (s >= EDGE_FLOOR).then_some((i, j, s))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The longest posting list an article's rarest probe term may have to
/// still bring candidates (beyond it, the term is read as common whatever
/// else the article has).
const RAREST_POSTINGS_MAX: usize = 5_000;

/// A candidate merge: the mean similarity of two clusters, stamped with
/// both clusters' versions (stale once either changes).
#[derive(PartialEq)]
struct Merge {
    mean: f32,
    a: usize,
    b: usize,
    va: u32,
    vb: u32,
}

impl Eq for Merge {}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest mean first; ties by the lower pair, for determinism.
        self.mean.total_cmp(&other.mean).then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Average-linkage clustering of `n` items over sparse `edges`: repeatedly
/// merges the two clusters with the highest mean cross similarity while it
/// is at least `threshold`, and while the dated members of the merged
/// cluster span at most `window` days: the window holds between every two
/// articles of a story, so an undated article never bridges two dates far
/// apart. Returns the members of each cluster (empty vectors for clusters
/// merged away).
fn average_linkage(
    n: usize,
    edges: &[(usize, usize, f32)],
    threshold: f32,
    days: &[Option<i64>],
    window: i64,
) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Each cluster's earliest and latest known day.
    let mut span: Vec<Option<(i64, i64)>> = days.iter().map(|d| d.map(|d| (d, d))).collect();
    let mut version: Vec<u32> = vec![0; n];
    // Sum of similarities between each pair of live clusters.
    let mut sums: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    for &(i, j, s) in edges {
        *sums[i].entry(j).or_default() += s;
        *sums[j].entry(i).or_default() += s;
    }
    let mut heap = BinaryHeap::new();
    for &(i, j, s) in edges {
        if s >= threshold {
            heap.push(Merge { mean: s, a: i, b: j, va: 0, vb: 0 });
        }
    }
    while let Some(m) = heap.pop() {
        if m.mean < threshold {
            break;
        }
        if version[m.a] != m.va || version[m.b] != m.vb || members[m.a].is_empty() || members[m.b].is_empty() {
            continue;
        }
        let joined = match (span[m.a], span[m.b]) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (one, other) => one.or(other),
        };
        if joined.is_some_and(|(first, last)| last - first > window) {
            // Spans only grow: this pair can never merge.
            continue;
        }
        // Merge the smaller cluster into the larger.
        let (keep, gone) = if members[m.a].len() >= members[m.b].len() { (m.a, m.b) } else { (m.b, m.a) };
        span[keep] = joined;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        let gone_sums = std::mem::take(&mut sums[gone]);
        for (c, s) in gone_sums {
            if c == keep {
                continue;
            }
            sums[c].remove(&gone);
            *sums[c].entry(keep).or_default() += s;
            *sums[keep].entry(c).or_default() += s;
        }
        sums[keep].remove(&gone);
        version[keep] += 1;
        version[gone] += 1;
        let size = members[keep].len() as f32;
        for (&c, &s) in &sums[keep] {
            let mean = s / (size * members[c].len() as f32);
            if mean >= threshold {
                let (a, b) = (keep.min(c), keep.max(c));
                heap.push(Merge { mean, a, b, va: version[a], vb: version[b] });
            }
        }
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, date: Option<&str>, text: &str) -> Article {
        let mut a = Article::from_text("x", text).unwrap();
        a.meta.title = Some(title.to_string());
        a.meta.date = date.map(str::to_string);
        a
    }

    #[test]
    fn dates_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-03-13"), Some(20160));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("2025-03-13T10:00:00Z"), Some(20160));
        assert_eq!(day_number("March 13"), None);
        assert_eq!(day_number("2025-13-01"), None);
    }

    #[test]
    fn average_linkage_does_not_chain() {
        // 0-1 and 1-2 strong, 0-2 absent: single linkage would chain all
        // three; the mean of {0,1} with 2 is (0.5 + 0) / 2.
        let edges = [(0, 1, 0.9), (1, 2, 0.5)];
        let mut c: Vec<Vec<usize>> =
            average_linkage(3, &edges, 0.3, &[None; 3], 7).into_iter().filter(|c| !c.is_empty()).collect();
        c.iter_mut().for_each(|m| m.sort());
        c.sort();
        assert_eq!(c, vec![vec![0, 1], vec![2]]);
        // At a lower threshold they do join.
        assert_eq!(average_linkage(3, &edges, 0.2, &[None; 3], 7).iter().filter(|c| !c.is_empty()).count(), 1);
    }

    fn quake(place: &str, n: &str, outlet_words: &str) -> String {
        format!(
            "A magnitude {n} earthquake struck near {place} on Tuesday, killing dozens. Rescue teams in {place} \
             searched collapsed buildings. {outlet_words} The {place} governor declared an emergency."
        )
    }

    #[test]
    fn same_kind_of_event_in_two_places_is_two_stories() {
        let arts = vec![
            article("Quake hits Valdoria", Some("2025-03-11"), &quake("Valdoria", "6.1", "Officials said aid was coming.")),
            article("Valdoria earthquake kills dozens", Some("2025-03-11"), &quake("Valdoria", "6.1", "Hospitals were full.")),
            article("Deadly quake in Valdoria", Some("2025-03-12"), &quake("Valdoria", "6.1", "Schools were closed.")),
            article("Quake hits Mirenza", Some("2025-03-11"), &quake("Mirenza", "5.4", "Roads were blocked.")),
            article("Mirenza earthquake", Some("2025-03-11"), &quake("Mirenza", "5.4", "Power was cut.")),
            article("Harbour strike enters day four", Some("2025-03-11"), "Dock workers at Northport stayed off the job for a fourth day as union talks stalled over crane safety."),
        ];
        let stories = group(&arts, &StoryConfig::default());
        let sets: Vec<Vec<usize>> = stories.iter().map(|s| s.articles.clone()).collect();
        assert!(sets.contains(&vec![0, 1, 2]), "{sets:?}");
        assert!(sets.contains(&vec![3, 4]), "{sets:?}");
        assert!(sets.contains(&vec![5]), "{sets:?}");
        assert_eq!(stories[0].id, "S1");
    }

    #[test]
    fn the_date_window_splits_a_repeat_event() {
        let text = quake("Valdoria", "6.1", "Officials said aid was coming.");
        let arts = vec![
            article("Quake hits Valdoria", Some("2025-03-11"), &text),
            article("Quake hits Valdoria", Some("2025-03-12"), &text),
            article("Quake hits Valdoria", Some("2025-06-30"), &text),
        ];
        let stories = group(&arts, &StoryConfig::default());
        assert_eq!(stories.len(), 2, "{stories:?}");
        assert_eq!(stories[0].articles, vec![0, 1]);
        // An undated copy joins one side, never bridging the two dates.
        let mut bridged = arts.clone();
        bridged.insert(0, article("Quake hits Valdoria", None, &text));
        let stories = group(&bridged, &StoryConfig::default());
        assert_eq!(stories.len(), 2, "{stories:?}");
        assert!(stories.iter().all(|s| !(s.articles.contains(&1) && s.articles.contains(&3))), "{stories:?}");
        // Undated articles are not split by dates.
        let undated: Vec<Article> = (0..3).map(|_| article("Quake hits Valdoria", None, &text)).collect();
        assert_eq!(group(&undated, &StoryConfig::default()).len(), 1);
    }

    #[test]
    fn copies_under_their_own_bylines_are_one_story_however_many() {
        // Sixty outlets run one wire story, each under its own byline and
        // desk: every shared word is common in such a collection, and each
        // copy's own names weigh most. Still one story.
        let body = std::fs::read_to_string("data/harbour-strike/coastal-herald.txt").unwrap();
        let body = body.rsplit("---\n").next().unwrap();
        let mut arts: Vec<Article> = (0..60)
            .map(|i| {
                article("", None, &format!("By Reporter{i} Surname{i}\n\n{body}\n\nFiled by the desk in Town{i}."))
            })
            .collect();
        // And one article of another story beside them stays apart.
        arts.push(article("", None, &quake("Hokkaido", "5.4", "the meteorological agency reported")));
        let stories = group(&arts, &StoryConfig::default());
        assert_eq!(stories.len(), 2, "{stories:?}");
        assert_eq!(stories[0].articles.len(), 60);
        let set = |all: &[u32], names: &[u32]| TermSet { all: all.to_vec(), names: names.to_vec() };
        let ids = |r: std::ops::Range<u32>, extra: &[u32]| -> Vec<u32> { r.chain(extra.iter().copied()).collect() };
        let copy = set(&ids(0..40, &[]), &[0, 1]);
        assert_eq!(near_copy(&copy, &set(&ids(0..36, &[97, 98, 99, 100]), &[0, 1])), 0.9);
        // A copy cut short is held whole by the longer one.
        assert_eq!(near_copy(&set(&ids(0..30, &[]), &[0]), &copy), 1.0);
        assert_eq!(near_copy(&copy, &set(&ids(0..35, &[96, 97, 98, 99, 100]), &[0, 1])), 0.0);
        // One template, other names: another event.
        assert_eq!(near_copy(&copy, &set(&ids(0..40, &[]), &[0, 99])), 0.0);
        // A one-line brief sits inside any long article: no copy.
        assert_eq!(near_copy(&set(&ids(0..10, &[]), &[0]), &copy), 0.0);
    }

    #[test]
    fn empty_and_single_inputs() {
        assert!(group(&[], &StoryConfig::default()).is_empty());
        let one = [article("Alone", None, "One article about one thing entirely.")];
        assert_eq!(group(&one, &StoryConfig::default())[0].articles, vec![0]);
    }
}
