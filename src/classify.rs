//! Classification: turns an alignment into report rows.
//!
//! Decides each row's status (`same`, `reworded`, `partial`, `only_a`,
//! `only_b`), computes the word-level diff from A to B, and attaches flags.
//! The word diff compares glyph-folded words (so curly and straight quotes
//! do not count as changes) with the `similar` crate's Patience diff, and
//! shows the original words.
//!
//! Flags say what differs on an aligned row and why it matters
//! (`number_changed`, `name_changed`, `negation_changed`, `hedge_changed`,
//! `clause_only_a`/`clause_only_b`, `quote_altered`, `speaker_changed`).
//! They compare the rows' normalised tokens (see [`crate::normalize`]), so
//! quote glyphs, whitespace, number format and folded spelling never count
//! as a change, and each flag carries the byte spans of the words it is
//! about. Quotations come from [`crate::quote`]. Finally [`highlights`] ranks
//! the findings and the one-source sentences by salience for the summary at
//! the top of the text report.

use crate::align::{Link, PairAlignment};
use crate::corpus::{Corpus, Document};
use crate::findings::{
    side, source_info, Chunk, Evidence, Explain, Flag, Highlight, PairReport, Row, ScoreParts, Status,
};
use crate::normalize::{fold_glyphs, Token, TokenKind};
use crate::quote::{self, Quote, QuoteStatus};
use crate::segment::Span;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A side covering at least this fraction of the other's token weight,
/// while the other covers less than [`PARTIAL_OTHER`] of it, is `partial`.
const PARTIAL_COVER: f32 = 0.85;
const PARTIAL_OTHER: f32 = 0.6;

/// Builds the report rows for an alignment.
pub fn pair_report(corpus: &Corpus, al: &PairAlignment) -> PairReport {
    let (doc_a, doc_b) = (&corpus.docs[al.da], &corpus.docs[al.db]);
    let (quotes_a, quotes_b) = (doc_quotes(doc_a), doc_quotes(doc_b));
    // Rows are ordered by a key before any is built: sorting the keys (a
    // few words each) rather than the rows (hundreds of bytes each, for
    // every one-source sentence of a large article) keeps the peak low.
    let mut keyed: Vec<((usize, usize, usize), RowOf)> =
        Vec::with_capacity(al.links.len() + al.only_a.len() + al.only_b.len());
    for (i, link) in al.links.iter().enumerate() {
        keyed.push(((link.a[0], 1, link.b[0]), RowOf::Link(i)));
    }
    for (i, u) in al.only_a.iter().enumerate() {
        keyed.push(((u.idx, 1, 0), RowOf::OnlyA(i)));
    }
    // A B-only sentence goes right after the row holding its nearest earlier
    // B sentence, so the report reads in both articles' order.
    let mut anchor_of_b: Vec<Option<usize>> = vec![None; doc_b.sentences.len()];
    for link in &al.links {
        for &j in &link.b {
            anchor_of_b[j] = Some(link.a[0]);
        }
    }
    for (i, u) in al.only_b.iter().enumerate() {
        let anchor = (0..u.idx).rev().find_map(|j| anchor_of_b[j]);
        let key = match anchor {
            Some(a) => (a, 2, u.idx),
            None => (0, 0, u.idx),
        };
        keyed.push((key, RowOf::OnlyB(i)));
    }
    drop(anchor_of_b);
    keyed.sort_by_key(|(k, _)| *k);
    let mut rows: Vec<Row> = Vec::with_capacity(keyed.len());
    for (_, of) in keyed {
        rows.push(match of {
            RowOf::Link(i) => {
                let link = &al.links[i];
                let mut row = link_row(doc_a, doc_b, link);
                if row.status != Status::Same {
                    let a = View::new(doc_a, &link.a, &quotes_a);
                    let b = View::new(doc_b, &link.b, &quotes_b);
                    row.flags = flags(&a, &b);
                }
                row
            }
            RowOf::OnlyA(i) => {
                let u = &al.only_a[i];
                Row {
                    status: Status::OnlyA,
                    similarity: u.best,
                    a: Some(side(doc_a, &[u.idx])),
                    b: None,
                    diff: vec![],
                    flags: vec![],
                    explain: None,
                }
            }
            RowOf::OnlyB(i) => {
                let u = &al.only_b[i];
                Row {
                    status: Status::OnlyB,
                    similarity: u.best,
                    a: None,
                    b: Some(side(doc_b, &[u.idx])),
                    diff: vec![],
                    flags: vec![],
                    explain: None,
                }
            }
        });
    }
    let highlights = highlights(&rows);
    PairReport { sources: [source_info(doc_a), source_info(doc_b)], scorer: corpus.scorer.label(), rows, highlights }
}

/// Which alignment entry a report row is built from.
#[derive(Debug, Clone, Copy)]
enum RowOf {
    /// `PairAlignment::links[i]`.
    Link(usize),
    /// `PairAlignment::only_a[i]`.
    OnlyA(usize),
    /// `PairAlignment::only_b[i]`.
    OnlyB(usize),
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
    let explain = Some(Box::new(explain(doc_a, &link.a, doc_b, &link.b, s)));
    Row { status, similarity, a: Some(a), b: Some(b), diff, flags: vec![], explain }
}

/// The content words each side shares with the other or carries alone.
fn explain(doc_a: &Document, a: &[usize], doc_b: &Document, b: &[usize], score: crate::matching::Score) -> Explain {
    let content = |doc: &'_ Document, idx: &[usize]| -> Vec<(String, String)> {
        let mut seen = HashSet::new();
        idx.iter()
            .flat_map(|&i| doc.sentences[i].tokens.iter())
            .filter(|t| t.kind != TokenKind::Stop && seen.insert(t.key.clone()))
            .map(|t| (t.key.to_string(), doc.article.text[t.start..t.end].to_owned()))
            .collect()
    };
    let (ca, cb) = (content(doc_a, a), content(doc_b, b));
    let keys_b: HashSet<&str> = cb.iter().map(|(k, _)| k.as_str()).collect();
    let keys_a: HashSet<&str> = ca.iter().map(|(k, _)| k.as_str()).collect();
    // Spelling variants the matcher folds (Tehreek/Tehrik) count as shared.
    let variant = |k: &str, others: &HashSet<&str>| {
        k.len() >= 4
            && others.iter().any(|o| o.len() >= 4 && strsim::jaro_winkler(k, o) >= crate::matching::VARIANT_SIMILARITY)
    };
    let mut e = Explain { shared: Vec::new(), only_a: Vec::new(), only_b: Vec::new(), score: score_parts(score) };
    for (k, w) in &ca {
        if keys_b.contains(k.as_str()) || variant(k, &keys_b) {
            e.shared.push(w.clone());
        } else {
            e.only_a.push(w.clone());
        }
    }
    for (k, w) in &cb {
        if !keys_a.contains(k.as_str()) && !variant(k, &keys_a) {
            e.only_b.push(w.clone());
        }
    }
    e
}

/// The matcher's score as the report model carries it.
fn score_parts(s: crate::matching::Score) -> ScoreParts {
    ScoreParts {
        total: s.total,
        jaccard: s.jaccard,
        containment: s.containment,
        covered_a: s.covered_a,
        covered_b: s.covered_b,
        chars: s.chars,
        edit: s.edit,
        edit_sorted: s.edit_sorted,
        bigrams: s.bigrams,
        length_ratio: s.length_ratio,
        numbers_differ: s.numbers_differ,
        unshared: s.unshared,
        shared_content: s.shared_content,
        semantic: s.semantic,
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

/// A document's quotations with their tokens, computed once per report.
pub(crate) type DocQuotes = Vec<QuoteTokens>;

/// Flags between sentence group `a` of `doc_a` and group `b` of `doc_b`,
/// given each document's quotations (from [`doc_quotes`]). Many-outlet mode
/// uses this to compare each outlet's wording with a claim's representative.
pub(crate) fn group_flags(
    (doc_a, a, quotes_a): (&Document, &[usize], &DocQuotes),
    (doc_b, b, quotes_b): (&Document, &[usize], &DocQuotes),
) -> Vec<Flag> {
    let side_a = side(doc_a, a);
    let side_b = side(doc_b, b);
    if fold_glyphs(&side_a.sentence) == fold_glyphs(&side_b.sentence) {
        return Vec::new();
    }
    flags(&View::new(doc_a, a, quotes_a), &View::new(doc_b, b, quotes_b))
}

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
struct View<'a> {
    /// The cleaned article.
    text: &'a str,
    /// The tokens of the side's sentences, in order (article offsets).
    tokens: Vec<&'a Token>,
    /// The side's sentence spans.
    spans: Vec<Span>,
    /// The quotations that start inside the side's sentences.
    quotes: Vec<&'a (Quote, Vec<Token>)>,
}

impl<'a> View<'a> {
    fn new(doc: &'a Document, idx: &[usize], quotes: &'a DocQuotes) -> View<'a> {
        let spans: Vec<Span> = idx.iter().map(|&i| doc.sentences[i].span).collect();
        let tokens = idx.iter().flat_map(|&i| doc.sentences[i].tokens.iter()).collect();
        let quotes = quotes.iter().filter(|(q, _)| spans.iter().any(|s| overlaps(s, &q.span))).collect();
        View { text: &doc.article.text, tokens, spans, quotes }
    }

    fn word(&self, t: &Token) -> String {
        self.text[t.start..t.end].chars().map(crate::normalize::fold_char).flat_map(char::to_lowercase).collect()
    }

    fn evidence(&self, start: usize, mut end: usize) -> Evidence {
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
struct Region {
    a: Range<usize>,
    b: Range<usize>,
}

/// The changed regions between two token sequences. Regions separated only
/// by one or two function words merge, so "backed by India" stays one
/// stretch even when the diff anchors on "by".
fn regions(a: &[&Token], b: &[&Token]) -> Vec<Region> {
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

/// Flags for one aligned row.
fn flags(a: &View, b: &View) -> Vec<Flag> {
    let regions = regions(&a.tokens, &b.tokens);
    let mut res = Vec::new();
    res.extend(quote_flags(a, b));
    let clauses = clause_flags(a, b, &regions);
    res.extend(number_flags(a, b));
    res.extend(name_flags(a, b));
    let in_clause = |side: &[Evidence], t: &Token| side.iter().any(|e| e.start <= t.start && t.end <= e.end);
    let clause_a: Vec<Evidence> = clauses.iter().flat_map(|f| f.a.clone()).collect();
    let clause_b: Vec<Evidence> = clauses.iter().flat_map(|f| f.b.clone()).collect();
    res.extend(marker_flag(a, b, &regions, Marker::Negation, &|t| in_clause(&clause_a, t), &|t| {
        in_clause(&clause_b, t)
    }));
    res.extend(marker_flag(a, b, &regions, Marker::Hedge, &|t| in_clause(&clause_a, t), &|t| in_clause(&clause_b, t)));
    // A clause that another flag already covers (a middle name, a changed
    // speaker, words of an altered quote) would say the same thing twice.
    let covered = |e: &Evidence, side: &[Evidence]| side.iter().any(|o| o.start <= e.start && e.end <= o.end);
    let others_a: Vec<Evidence> = res.iter().flat_map(|f| f.a.clone()).collect();
    let others_b: Vec<Evidence> = res.iter().flat_map(|f| f.b.clone()).collect();
    res.extend(
        clauses
            .into_iter()
            .filter(|f| !(f.a.iter().all(|e| covered(e, &others_a)) && f.b.iter().all(|e| covered(e, &others_b)))),
    );
    res
}

/// The byte offset where a wire dateline ("NORTHPORT (Meridian Wire) - ")
/// ends in a side's first sentence, or the sentence start: a dateline names
/// the outlet, not a claim.
fn dateline_end(v: &View) -> usize {
    let Some(span) = v.spans.first() else { return 0 };
    let s = &v.text[span.start..span.end];
    let head: String = s.chars().take(80).collect();
    for dash in [" \u{2013} ", " \u{2014} ", " - ", "\u{2013} ", "\u{2014} "] {
        if let Some(k) = head.find(dash) {
            let before = &head[..k];
            let first = before.split([' ', '(']).next().unwrap_or("");
            if first.chars().count() >= 3 && first.chars().all(|c| c.is_uppercase() || c == ',' || c == '-') {
                return span.start + k + dash.len();
            }
        }
    }
    span.start
}

/// Words that report speech: a clause's "adding that" is not its content.
const SPEECH_WORDS: &[&str] =
    &["add", "adds", "added", "adding", "told", "tell", "tells", "telling", "saying", "stated", "noted", "noting"];

/// Accusation and action verbs: a one-source clause or sentence with one of
/// these is a claim worth reading first.
const SALIENT_VERBS: &[&str] = &[
    "abducted",
    "accused",
    "accusing",
    "admitted",
    "alleged",
    "armed",
    "arming",
    "arrested",
    "attacked",
    "attacking",
    "backed",
    "backing",
    "bankrolled",
    "bankrolling",
    "banned",
    "blamed",
    "bombed",
    "condemned",
    "confirmed",
    "denied",
    "detained",
    "executed",
    "financed",
    "financing",
    "funded",
    "funding",
    "helped",
    "helping",
    "injured",
    "kidnapped",
    "killed",
    "ordered",
    "raided",
    "refused",
    "rejected",
    "shot",
    "sponsored",
    "supported",
    "supporting",
    "threatened",
    "wounded",
];

/// Whether a word (lower case) is an accusation or action verb. Verb forms
/// only, matched as written: "attacks" and "support" are as often nouns.
pub fn is_salient_verb(word: &str) -> bool {
    SALIENT_VERBS.binary_search(&word).is_ok()
}

/// The content words of a changed stretch that the other side lacks
/// entirely: no hedges, negations or speech verbs, which have their own
/// flags or carry no claim.
fn novel<'t>(
    v: &View<'t>,
    range: &Range<usize>,
    other: &HashSet<&str>,
    numbers: bool,
    names: &[(usize, usize)],
) -> Vec<&'t Token> {
    let dateline = dateline_end(v);
    v.tokens[range.clone()]
        .iter()
        .copied()
        .filter(|t| t.start >= dateline)
        .filter(|t| !names.iter().any(|&(s, e)| s <= t.start && t.end <= e))
        .filter(|t| match t.kind {
            TokenKind::Word | TokenKind::Name => true,
            TokenKind::Number => numbers,
            TokenKind::Stop => false,
        })
        .filter(|t| !other.contains(t.key.as_str()))
        .filter(|t| t.kind != TokenKind::Name || !other.iter().any(|o| shares_prefix(&t.key, o)))
        .filter(|t| {
            let w = v.word(t);
            !SPEECH_WORDS.contains(&w.as_str()) && marker_at(v, t, Marker::Hedge).is_none()
        })
        .collect()
}

/// Whether a token is written in capitals ("US", "IT"): an acronym, even
/// when its letters spell a function word.
fn acronym(v: &View, t: &Token) -> bool {
    let w = &v.text[t.start..t.end];
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
}

/// Whether two keys share their first five letters ("afghan" and
/// "afghanistan"): names of one place or people.
fn shares_prefix(x: &str, y: &str) -> bool {
    let n = 5;
    x.chars().count() >= n && y.chars().count() >= n && x.chars().take(n).eq(y.chars().take(n))
}

/// `clause_only_a`/`clause_only_b`: a stretch that one side adds with its own
/// content. A pure insertion needs two new content words (or one new name
/// or number); a replacement needs two more new words than it replaces, or
/// an accusation/action verb, so that rewording ("rejected" for "turned
/// down") is not a clause.
fn clause_flags(a: &View, b: &View, regions: &[Region]) -> Vec<Flag> {
    let keys_a: HashSet<&str> = a.tokens.iter().map(|t| t.key.as_str()).collect();
    let keys_b: HashSet<&str> = b.tokens.iter().map(|t| t.key.as_str()).collect();
    // Titles, first and middle names of a name the other side also has
    // ("Defence Minister Khawaja Asif" for "Minister Asif") are not a clause.
    let (names_a, names_b) = (name_phrases(a), name_phrases(b));
    let linked = |ps: &[NamePhrase], qs: &[NamePhrase]| -> Vec<(usize, usize)> {
        ps.iter()
            .filter(|p| qs.iter().any(|q| p.words.iter().any(|w| q.words.iter().any(|o| similar_words(w, o)))))
            .map(|p| (p.start, p.end))
            .collect()
    };
    let (mut linked_a, mut linked_b) = (linked(&names_a, &names_b), linked(&names_b, &names_a));
    // Nor is the name of a quotation's speaker: a changed speaker has its
    // own flag.
    linked_a.extend(a.quotes.iter().filter_map(|(q, _)| speaker_span(a, q)));
    linked_b.extend(b.quotes.iter().filter_map(|(q, _)| speaker_span(b, q)));
    let mut res = Vec::new();
    for r in regions {
        let content = |v: &View, range: &Range<usize>| {
            v.tokens[range.clone()].iter().any(|t| t.kind != TokenKind::Stop || acronym(v, t))
        };
        let pure_b = !content(a, &r.a);
        let pure_a = !content(b, &r.b);
        let novel_a = novel(a, &r.a, &keys_b, pure_a, &linked_a);
        let novel_b = novel(b, &r.b, &keys_a, pure_b, &linked_b);
        // Words inside quote marks on one side and outside on the other are
        // a paraphrased quotation (`claimdiff quotes` reports it), not two
        // one-side clauses.
        let quoted = |v: &View, toks: &[&Token]| {
            let inside =
                toks.iter().filter(|t| v.quotes.iter().any(|(q, _)| q.span.start <= t.start && t.end <= q.span.end));
            2 * inside.count() > toks.len()
        };
        if !novel_a.is_empty() && !novel_b.is_empty() && quoted(a, &novel_a) != quoted(b, &novel_b) {
            continue;
        }
        for (this, other, pure, side) in [(&novel_a, &novel_b, pure_a, 'a'), (&novel_b, &novel_a, pure_b, 'b')] {
            let named = this.iter().any(|t| matches!(t.kind, TokenKind::Name | TokenKind::Number));
            let v = if side == 'a' { a } else { b };
            let salient = this.iter().any(|t| is_salient_verb(&v.word(t)));
            let fires = if pure {
                this.len() >= 2 || named
            } else {
                this.len() >= 2 && (this.len() >= other.len() + 2 || salient)
            };
            if !fires {
                continue;
            }
            let (first, last) = (this[0], this[this.len() - 1]);
            let ev = v.evidence(first.start, last.end);
            let (label, name) = if side == 'a' { ("A", "clause_only_a") } else { ("B", "clause_only_b") };
            let rule = if pure {
                "clause:inserted"
            } else if salient {
                "clause:salient-verb"
            } else {
                "clause:replaced"
            };
            let explanation = format!("\"{}\" appears only in {label}", ev.text);
            let (ea, eb) = if side == 'a' { (vec![ev], vec![]) } else { (vec![], vec![ev]) };
            res.push(Flag { name: name.to_owned(), rule: rule.to_owned(), explanation, a: ea, b: eb });
        }
    }
    // A quotation that the other side paraphrases (carries most of its
    // words, without quote marks) is neither side's own clause: the quoted
    // words on one side and the paraphrase on the other say one thing.
    let para_a = paraphrased(a, b);
    let para_b = paraphrased(b, a);
    res.retain(|f| {
        let drop = |ev: &[Evidence], v: &View, mine: &[&QuoteTokens], theirs: &[&QuoteTokens]| {
            ev.iter().any(|e| {
                let inside = mine.iter().any(|(q, _)| q.span.start <= e.start && e.end <= q.span.end);
                let toks: Vec<&Token> =
                    v.tokens.iter().copied().filter(|t| e.start <= t.start && t.end <= e.end).collect();
                let keys: HashSet<&str> =
                    toks.iter().filter(|t| t.kind != TokenKind::Stop).map(|t| t.key.as_str()).collect();
                let echoes =
                    theirs.iter().any(|(_, qt)| qt.iter().filter(|t| keys.contains(t.key.as_str())).count() >= 2);
                inside || echoes
            })
        };
        !(drop(&f.a, a, &para_a, &para_b) || drop(&f.b, b, &para_b, &para_a))
    });
    res
}

/// A quotation with its tokens.
type QuoteTokens = (Quote, Vec<Token>);

/// The quotations of `v` that `other` paraphrases: no quotation of `other`
/// is a version of it, but `other` carries at least half its content words.
fn paraphrased<'v>(v: &View<'v>, other: &View) -> Vec<&'v QuoteTokens> {
    let other_keys: HashSet<&str> = other.tokens.iter().map(|t| t.key.as_str()).collect();
    v.quotes
        .iter()
        .copied()
        .filter(|(q, qt)| other.quotes.iter().all(|(oq, ot)| quote::relate(qt, &q.text, ot, &oq.text).is_none()))
        .filter(|(_, qt)| {
            let content: HashSet<&str> =
                qt.iter().filter(|t| t.kind != TokenKind::Stop).map(|t| t.key.as_str()).collect();
            !content.is_empty() && 2 * content.iter().filter(|k| other_keys.contains(*k)).count() >= content.len()
        })
        .collect()
}

/// A number, amount or date as compared: its canonical value and where it
/// is written.
#[derive(Debug, Clone)]
struct NumExpr {
    key: String,
    start: usize,
    end: usize,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// The value of a number token's key, with a glued magnitude ("1.2bn").
fn number_value(key: &str) -> Option<f64> {
    let digits = key.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(key.len());
    let value: f64 = key[..digits].parse().ok()?;
    match &key[digits..] {
        "" => Some(value),
        suffix => magnitude(suffix).map(|m| value * m),
    }
}

fn canonical(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// The numbers, amounts and dates of a side. "$1.2bn" and "$1.2 billion"
/// share a value; "March 11" and "11 March" share a date; a month alone is
/// a date without a day, so "November 28" and "November" differ.
fn numbers(v: &View) -> Vec<NumExpr> {
    let toks = &v.tokens;
    let month = |k: usize| -> Option<&'static str> {
        let t = toks.get(k)?;
        let w = v.word(t);
        let capital = v.text[t.start..].starts_with(char::is_uppercase);
        MONTHS.iter().find(|&&m| m == w && capital).copied()
    };
    let mut res = Vec::new();
    let mut used_month: HashSet<usize> = HashSet::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        if t.kind != TokenKind::Number {
            k += 1;
            continue;
        }
        let (mut start, mut end) = (t.start, t.end);
        let mut value = number_value(&t.key);
        let mut key = value.map(canonical).unwrap_or_else(|| t.key.to_string());
        if let Some(m) = toks.get(k + 1).and_then(|n| magnitude(&v.word(n))) {
            if let Some(x) = value {
                value = Some(x * m);
                key = canonical(x * m);
                end = toks[k + 1].end;
                k += 1;
            }
        }
        let before = k.checked_sub(1).and_then(|p| month(p).map(|m| (p, m)));
        let after = month(k + 1).map(|m| (k + 1, m));
        if let Some((p, m)) = before.filter(|&(p, _)| p + 1 == k).or(after) {
            if value.is_some_and(|x| (1.0..=31.0).contains(&x) && x.fract() == 0.0) {
                key = format!("{m} {key}");
                used_month.insert(p);
                start = start.min(toks[p].start);
                end = end.max(toks[p].end);
            }
        }
        res.push(NumExpr { key, start, end });
        k += 1;
    }
    for (k, t) in toks.iter().enumerate() {
        // "May" alone is far more often the modal verb than the month.
        if let Some(m) = month(k).filter(|&m| m != "may" && !used_month.contains(&k)) {
            res.push(NumExpr { key: m.to_owned(), start: t.start, end: t.end });
        }
    }
    res
}

/// Removes from `a` one occurrence of each key in `b` and returns the rest.
fn multiset_minus(a: &[NumExpr], b: &[NumExpr]) -> Vec<NumExpr> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for x in b {
        *counts.entry(x.key.as_str()).or_default() += 1;
    }
    a.iter()
        .filter(|x| match counts.get_mut(x.key.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// `number_changed`: both sides have numbers, amounts or dates the other
/// lacks. A number that only one side has, with nothing in its place, is a
/// clause of its own, not a change.
fn number_flags(a: &View, b: &View) -> Option<Flag> {
    let (na, nb) = (numbers(a), numbers(b));
    let (only_a, only_b) = (multiset_minus(&na, &nb), multiset_minus(&nb, &na));
    if only_a.is_empty() || only_b.is_empty() {
        return None;
    }
    let ea: Vec<Evidence> = only_a.iter().map(|x| a.evidence(x.start, x.end)).collect();
    let eb: Vec<Evidence> = only_b.iter().map(|x| b.evidence(x.start, x.end)).collect();
    let list = |e: &[Evidence]| e.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join(", ");
    let date = only_a.iter().chain(&only_b).any(|x| MONTHS.iter().any(|m| x.key.starts_with(m)));
    Some(Flag {
        name: "number_changed".to_owned(),
        rule: if date { "number:date" } else { "number:value" }.to_owned(),
        explanation: format!("A says {}, B says {}", list(&ea), list(&eb)),
        a: ea,
        b: eb,
    })
}

/// A run of capitalised words: a person, place or organisation.
#[derive(Debug, Clone)]
struct NamePhrase {
    start: usize,
    end: usize,
    /// Lower-cased words, glyphs folded, dots and possessives dropped.
    words: Vec<String>,
}

impl NamePhrase {
    fn key(&self) -> String {
        self.words.join(" ")
    }
}

/// Titles and roles that precede a name: "Defence Minister Khawaja Asif"
/// and "Minister Asif" name one man, so these are set aside before names
/// are compared.
const ROLES: &[&str] = &[
    "ambassador",
    "captain",
    "capt",
    "chief",
    "col",
    "commander",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "finance",
    "foreign",
    "gen",
    "general",
    "gov",
    "governor",
    "interior",
    "judge",
    "justice",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "president",
    "prime",
    "prof",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "special",
    "spokesman",
    "spokeswoman",
    "supt",
    "transport",
];

/// Words that open sentences without naming anything.
const STARTERS: &[&str] = &["nobody", "everyone", "everybody", "many", "several", "police", "officials"];

fn name_word(w: &str) -> String {
    let folded: String = w.chars().map(crate::normalize::fold_char).flat_map(char::to_lowercase).collect();
    let base = folded.strip_suffix("'s").unwrap_or(&folded);
    base.chars().filter(|&c| c != '.' && c != '\'').collect()
}

/// The name phrases of a side's sentences.
fn name_phrases(v: &View) -> Vec<NamePhrase> {
    let mut res = Vec::new();
    for span in &v.spans {
        let sentence = &v.text[span.start..span.end];
        let mut cur: Option<NamePhrase> = None;
        let mut first = true;
        let mut offset = 0;
        for raw in sentence.split_whitespace() {
            let at = span.start + offset + sentence[offset..].find(raw).unwrap_or(0);
            offset = at - span.start + raw.len();
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let core_all = &raw[lead..];
            let core = core_all.trim_end_matches(|c: char| !c.is_alphanumeric());
            let trail = &core_all[core.len()..];
            if lead > 0 || core.is_empty() {
                res.extend(cur.take());
            }
            let lower = core.to_lowercase();
            let capital = core.starts_with(char::is_uppercase);
            let skip = first && (crate::normalize::is_stop_word(&lower) || STARTERS.contains(&lower.as_str()));
            let skip = skip || (lead > 0 && crate::normalize::is_stop_word(&lower));
            if capital && !skip && !core.is_empty() {
                let start = at + lead;
                let end = start + core.len();
                match &mut cur {
                    Some(p) => {
                        p.end = end;
                        p.words.push(name_word(core));
                    }
                    None => cur = Some(NamePhrase { start, end, words: vec![name_word(core)] }),
                }
            } else {
                res.extend(cur.take());
            }
            let abbreviation = trail == "." && (core.chars().count() == 1 || quote::is_title(core));
            if !trail.is_empty() && !abbreviation && trail != "\u{2019}" && trail != "'" {
                res.extend(cur.take());
            }
            first = trail.ends_with([':', '"', '\u{201c}']) || (lead > 0 && core.is_empty());
            first = first
                || (lead > 0 && raw[..lead].contains(['"', '\u{201c}']) && crate::normalize::is_stop_word(&lower));
        }
        res.extend(cur.take());
    }
    for p in &mut res {
        let roles = p.words.iter().take_while(|w| ROLES.contains(&w.as_str())).count();
        p.words.drain(..roles);
    }
    res.retain(|p| !p.words.is_empty());
    res
}

/// How two names differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameChange {
    Hyphenation,
    Spelling,
    Middle,
    Variant,
}

fn fold_name_word(w: &str) -> String {
    w.split('-').map(crate::normalize::americanize).collect::<Vec<_>>().join("")
}

fn similar_words(x: &str, y: &str) -> bool {
    let (fx, fy) = (fold_name_word(x), fold_name_word(y));
    if fx == fy {
        return true;
    }
    // Short words differ by at most one letter ("Amid" is not "Asif"), longer
    // ones by two ("Majeed"/"Majid"), and must still read alike.
    let short = fx.chars().count().min(fy.chars().count());
    let max_edits = if short < 5 { 1 } else { 2 };
    short >= 4
        && fx.chars().next() == fy.chars().next()
        && strsim::levenshtein(&fx, &fy) <= max_edits
        && strsim::jaro_winkler(&fx, &fy) >= 0.85
}

/// Whether two name phrases name the same thing differently, and how.
/// A phrase that is the other with words dropped at an edge ("Asif" for
/// "Khawaja Asif") is a shorter reference, not a change.
fn compare_names(a: &NamePhrase, b: &NamePhrase) -> Option<NameChange> {
    let joined = |p: &NamePhrase| p.words.iter().map(|w| w.replace('-', "")).collect::<String>();
    if joined(a) == joined(b) {
        return Some(NameChange::Hyphenation);
    }
    let fold = |p: &NamePhrase| p.words.iter().map(|w| fold_name_word(w)).collect::<String>();
    if fold(a) == fold(b) {
        return Some(NameChange::Spelling);
    }
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    if long.words.windows(short.words.len()).any(|w| w == short.words.as_slice()) {
        // Words dropped at an edge: a shorter reference ("Asif" for "Khawaja
        // Asif") or a title, not a change.
        return None;
    }
    if respaced_within(short, long) || respaced_within(long, short) {
        // The same letters spaced differently, plus words at an edge:
        // "Ubaidur Rehman" vs "Ubaid Ur Rehman".
        return Some(NameChange::Hyphenation);
    }
    // Pair the words in order: `pos[k]` is the long phrase's word that the
    // short phrase's word k matches.
    let mut pos: Vec<Option<usize>> = Vec::new();
    let mut fuzzy = false;
    let mut from = 0;
    for w in &short.words {
        let hit = (from..long.words.len()).find(|&k| similar_words(w, &long.words[k]));
        if let Some(k) = hit {
            fuzzy |= fold_name_word(w) != fold_name_word(&long.words[k]);
            from = k + 1;
        }
        pos.push(hit);
    }
    let matched_long: Vec<usize> = pos.iter().flatten().copied().collect();
    let solid = matched_long.iter().any(|&k| !quote::is_title(&long.words[k]) && long.words[k].chars().count() > 1);
    if !solid {
        return None;
    }
    let matched_short: Vec<usize> = pos.iter().enumerate().filter(|(_, p)| p.is_some()).map(|(k, _)| k).collect();
    let inner = |matched: &[usize], n: usize| -> bool {
        let (Some(&lo), Some(&hi)) = (matched.first(), matched.last()) else { return false };
        (lo..=hi).any(|k| !matched.contains(&k)) && n > 0
    };
    if inner(&matched_short, short.words.len()) || inner(&matched_long, long.words.len()) {
        return Some(NameChange::Middle);
    }
    if fuzzy {
        return Some(NameChange::Spelling);
    }
    // Unmatched words right before the first (or after the last) match that
    // join to the same letters: "Ubaidur" vs "Ubaid Ur".
    let edge = |p: &NamePhrase, matched: &[usize], left: bool| -> Vec<String> {
        let words: Vec<String> =
            if left { p.words[..matched[0]].to_vec() } else { p.words[matched[matched.len() - 1] + 1..].to_vec() };
        words
    };
    for left in [true, false] {
        let (es, el) = (edge(short, &matched_short, left), edge(long, &matched_long, left));
        for ns in 1..=es.len().min(2) {
            for nl in 1..=el.len().min(2) {
                let js = if left { es[es.len() - ns..].concat() } else { es[..ns].concat() };
                let jl = if left { el[el.len() - nl..].concat() } else { el[..nl].concat() };
                if (ns, nl) != (1, 1) && js.replace('-', "") == jl.replace('-', "") {
                    return Some(NameChange::Hyphenation);
                }
            }
        }
    }
    // Only words dropped at an edge: a shorter reference ("Asif" for
    // "Khawaja Asif") or a title, not a change.
    None
}

/// Whether the letters of `p` (two words or more) are a run of whole words
/// of `q` with the spacing changed: "Ubaid Ur Rehman" in "Charge to
/// Ubaidur Rehman". A single word inside another ("US" in "August") is not.
fn respaced_within(p: &NamePhrase, q: &NamePhrase) -> bool {
    if p.words.len() < 2 {
        return false;
    }
    let target: String = p.words.iter().map(|w| w.replace('-', "")).collect();
    let qw: Vec<String> = q.words.iter().map(|w| w.replace('-', "")).collect();
    (0..qw.len()).any(|i| {
        let mut acc = String::new();
        qw[i..].iter().any(|w| {
            acc.push_str(w);
            acc == target
        })
    })
}

/// Whether `p` has a word between two words it shares with `q` that `q`
/// lacks: a middle name.
fn has_inner_extra(p: &NamePhrase, q: &NamePhrase) -> bool {
    let shared: Vec<bool> = p.words.iter().map(|w| q.words.iter().any(|o| similar_words(w, o))).collect();
    let (Some(lo), Some(hi)) = (shared.iter().position(|&x| x), shared.iter().rposition(|&x| x)) else {
        return false;
    };
    (lo..hi).any(|k| !shared[k])
}

/// `name_changed`: a name phrase one side writes differently from the other
/// side's closest name phrase.
fn name_flags(a: &View, b: &View) -> Vec<Flag> {
    let (pa, pb) = (name_phrases(a), name_phrases(b));
    let keys_a: HashSet<String> = pa.iter().map(NamePhrase::key).collect();
    let keys_b: HashSet<String> = pb.iter().map(NamePhrase::key).collect();
    let free_a: Vec<&NamePhrase> = pa.iter().filter(|p| !keys_b.contains(&p.key())).collect();
    let mut free_b: Vec<&NamePhrase> = pb.iter().filter(|p| !keys_a.contains(&p.key())).collect();
    let mut res = Vec::new();
    for x in free_a {
        let Some(k) = free_b.iter().position(|y| compare_names(x, y).is_some()) else { continue };
        let y = free_b.remove(k);
        let change = compare_names(x, y).unwrap_or(NameChange::Variant);
        let (ea, eb) = (a.evidence(x.start, x.end), b.evidence(y.start, y.end));
        let (rule, why) = match change {
            NameChange::Hyphenation => ("name:hyphenation", "hyphenation differs".to_owned()),
            NameChange::Spelling => ("name:spelling", "spelling variant (normalisation folds it)".to_owned()),
            NameChange::Middle => {
                let side = if has_inner_extra(y, x) { "B" } else { "A" };
                ("name:middle", format!("a middle name only in {side}"))
            }
            NameChange::Variant => ("name:variant", "written differently".to_owned()),
        };
        res.push(Flag {
            name: "name_changed".to_owned(),
            rule: rule.to_owned(),
            explanation: format!("\"{}\" (A) vs \"{}\" (B): {why}", ea.text, eb.text),
            a: vec![ea],
            b: vec![eb],
        });
    }
    res
}

/// Word classes counted by [`marker_flag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Negation,
    Hedge,
}

const NEGATIONS: &[&str] = &["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot"];
const HEDGES: &[&str] = &[
    "allegedly",
    "alleged",
    "reportedly",
    "purportedly",
    "apparently",
    "supposedly",
    "claimed",
    "claims",
    "may",
    "might",
    "could",
    "possibly",
    "probably",
    "likely",
    "suspected",
    "unconfirmed",
];
/// Hedges of two words: the first word, and the word that must follow.
const HEDGE_PAIRS: &[(&str, &[&str])] = &[
    ("according", &["to"]),
    ("believed", &["to"]),
    ("appears", &["to"]),
    ("appeared", &["to"]),
    ("appear", &["to"]),
    ("seems", &["to"]),
    ("seemed", &["to"]),
    ("said", &["to"]),
];

/// The marker a token starts, if any: its name and the span it covers.
fn marker_at(v: &View, t: &Token, kind: Marker) -> Option<(String, usize)> {
    let w = v.word(t);
    let next = v.tokens.iter().position(|x| std::ptr::eq(*x, t)).and_then(|k| v.tokens.get(k + 1)).copied();
    match kind {
        Marker::Negation => {
            if t.key == "not" {
                return Some(("not".to_owned(), t.end));
            }
            if !NEGATIONS.contains(&w.as_str()) {
                return None;
            }
            match next {
                Some(n) if w == "no" && v.word(n) == "longer" => Some(("no longer".to_owned(), n.end)),
                _ => Some((w, t.end)),
            }
        }
        Marker::Hedge => {
            if HEDGES.contains(&w.as_str()) {
                return Some((w, t.end));
            }
            let (_, follow) = HEDGE_PAIRS.iter().find(|(first, _)| *first == w)?;
            let n = next?;
            follow.contains(&v.word(n).as_str()).then(|| (format!("{w} {}", v.word(n)), n.end))
        }
    }
}

/// `negation_changed` / `hedge_changed`: a negation or hedge that one side
/// has and the other lacks. Markers inside a one-side clause belong to
/// that clause's flag.
fn marker_flag(
    a: &View,
    b: &View,
    regions: &[Region],
    kind: Marker,
    skip_a: &dyn Fn(&Token) -> bool,
    skip_b: &dyn Fn(&Token) -> bool,
) -> Option<Flag> {
    let collect = |v: &View, skip: &dyn Fn(&Token) -> bool, changed: &dyn Fn(usize) -> bool| {
        let mut res: Vec<(String, usize, usize, bool)> = Vec::new();
        let mut last_end = 0;
        for (k, t) in v.tokens.iter().enumerate() {
            if t.start < last_end || (kind == Marker::Negation && skip(t)) {
                continue;
            }
            let modal = matches!(v.word(t).as_str(), "may" | "might" | "could");
            if kind == Marker::Hedge && modal && skip(t) {
                continue;
            }
            if let Some((name, end)) = marker_at(v, t, kind) {
                last_end = end;
                res.push((name, t.start, end, changed(k)));
            }
        }
        res
    };
    let in_a = |k: usize| regions.iter().any(|r| r.a.contains(&k));
    let in_b = |k: usize| regions.iter().any(|r| r.b.contains(&k));
    let (ma, mb) = (collect(a, skip_a, &in_a), collect(b, skip_b, &in_b));
    let names: std::collections::BTreeSet<&str> = ma.iter().chain(&mb).map(|m| m.0.as_str()).collect();
    let mut ea = Vec::new();
    let mut eb = Vec::new();
    let mut only = Vec::new();
    for name in names {
        let (ca, cb) = (ma.iter().filter(|m| m.0 == name).count(), mb.iter().filter(|m| m.0 == name).count());
        // Only a marker that one side lacks entirely counts: when both have
        // it, the sentence was restructured ("who do not answer to" for
        // "not ... independent of") rather than negated or hedged anew.
        if ca == cb || (ca > 0 && cb > 0) {
            continue;
        }
        let (side, label, v, out) = if ca > cb { (&ma, "A", a, &mut ea) } else { (&mb, "B", b, &mut eb) };
        let mine: Vec<_> = side.iter().filter(|m| m.0 == name).collect();
        let changed: Vec<_> = mine.iter().filter(|m| m.3).collect();
        let pick: Vec<_> = if changed.is_empty() { mine.iter().collect() } else { changed };
        out.extend(pick.iter().map(|m| v.evidence(m.1, m.2)));
        only.push(format!("\"{name}\" only in {label}"));
    }
    if only.is_empty() {
        return None;
    }
    let (flag, what) = match kind {
        Marker::Negation => ("negation_changed", "negation"),
        Marker::Hedge => ("hedge_changed", "hedge or attribution"),
    };
    let rule = match (ea.is_empty(), eb.is_empty()) {
        (false, true) => format!("{what}: removed in B"),
        (true, false) => format!("{what}: added in B"),
        _ => format!("{what}: changed"),
    };
    Some(Flag { name: flag.to_owned(), rule, explanation: only.join("; "), a: ea, b: eb })
}

/// `quote_altered` and `speaker_changed`: the two sides' versions of one
/// quotation, paired by their shared words.
fn quote_flags(a: &View, b: &View) -> Vec<Flag> {
    let mut res = Vec::new();
    for (qa, ta) in a.quotes.iter().map(|x| (&x.0, &x.1)) {
        let best = b
            .quotes
            .iter()
            .filter_map(|(qb, tb)| {
                quote::relate(ta, &qa.text, tb, &qb.text).map(|s| (s, quote::overlap(ta, tb), qb, tb))
            })
            .min_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
        let Some((status, _, qb, tb)) = best else { continue };
        if status == QuoteStatus::Altered {
            let ra: Vec<&Token> = ta.iter().collect();
            let rb: Vec<&Token> = tb.iter().collect();
            let mut ea = Vec::new();
            let mut eb = Vec::new();
            for r in regions(&ra, &rb) {
                if !r.a.is_empty() {
                    ea.push(a.evidence(ra[r.a.start].start, ra[r.a.end - 1].end));
                }
                if !r.b.is_empty() {
                    eb.push(b.evidence(rb[r.b.start].start, rb[r.b.end - 1].end));
                }
            }
            let list = |e: &[Evidence]| {
                if e.is_empty() {
                    "nothing".to_owned()
                } else {
                    e.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join(", ")
                }
            };
            res.push(Flag {
                name: "quote_altered".to_owned(),
                rule: "quote:words-differ".to_owned(),
                explanation: format!("quoted words differ: {} (A) vs {} (B)", list(&ea), list(&eb)),
                a: ea,
                b: eb,
            });
        }
        if let (Some(sa), Some(sb)) = (&qa.speaker, &qb.speaker) {
            if quote::is_named(sa) && quote::is_named(sb) && !quote::same_speaker(sa, sb) {
                let ev = |v: &View, q: &Quote| match speaker_span(v, q) {
                    Some((start, end)) => v.evidence(start, end),
                    None => v.evidence(q.span.start, q.span.end),
                };
                res.push(Flag {
                    name: "speaker_changed".to_owned(),
                    rule: "quote:speaker".to_owned(),
                    explanation: format!("the same quote is attributed to {sa} in A and to {sb} in B"),
                    a: vec![ev(a, qa)],
                    b: vec![ev(b, qb)],
                });
            }
        }
    }
    res
}

/// Where a quotation's speaker is named in the side's sentences, outside
/// the quote marks (a resolved pronoun is not found: the name is elsewhere).
fn speaker_span(v: &View, q: &Quote) -> Option<(usize, usize)> {
    let speaker = q.speaker.as_deref()?;
    v.spans.iter().find_map(|sp| {
        let sentence = &v.text[sp.start..sp.end];
        sentence
            .match_indices(speaker)
            .map(|(k, _)| sp.start + k)
            .find(|&k| k >= q.span.end || k + speaker.len() <= q.span.start)
            .map(|k| (k, k + speaker.len()))
    })
}

/// How much a stretch of text matters to a reader: named people, places
/// and organisations, accusation/action verbs, numbers, then other content
/// words.
pub fn salience(text: &str) -> f32 {
    salience_of(text, &crate::normalize::tokens(text))
}

/// [`salience`] over tokens already made: their spans index into `text`.
pub fn salience_of(text: &str, toks: &[Token]) -> f32 {
    let names: HashSet<&str> = toks.iter().filter(|t| t.kind == TokenKind::Name).map(|t| t.key.as_str()).collect();
    let verbs = toks.iter().filter(|t| is_salient_verb(&text[t.start..t.end].to_lowercase())).count();
    let numbers = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    2.0 * names.len().min(3) as f32 + 6.0 * verbs.min(2) as f32 + numbers.min(3) as f32 + 0.2 * words.min(10) as f32
}

/// How sure a flag is. A loose alignment makes a changed number, name,
/// negation or hedge less certain (the two sentences may not make one
/// claim), but a clause one side adds is a one-source claim either way.
fn confidence(f: &Flag, row: &Row) -> f32 {
    match f.name.as_str() {
        "clause_only_a" | "clause_only_b" | "quote_altered" | "speaker_changed" => 1.0,
        _ => 0.5 + 0.5 * row.similarity,
    }
}

/// How many findings the summary lists.
const MAX_HIGHLIGHTS: usize = 10;

/// Ranks a report's findings for the summary: altered quotes and changed
/// speakers first, then one-source clauses, changed numbers, negations and
/// hedges, and one-source sentences, each raised by the salience of its
/// words. Spelling-only name variants are left out: they change nothing.
/// Headlines rank at half weight.
pub fn highlights(rows: &[Row]) -> Vec<Highlight> {
    let mut res: Vec<Highlight> = Vec::new();
    for (row_idx, row) in rows.iter().enumerate() {
        let refs = match (&row.a, &row.b) {
            (Some(a), Some(b)) => format!("A{} B{}", a.index_label(), b.index_label()),
            (Some(a), None) => format!("A{}", a.index_label()),
            (None, Some(b)) => format!("B{}", b.index_label()),
            (None, None) => String::new(),
        };
        for f in &row.flags {
            let base = match f.name.as_str() {
                "quote_altered" => 20.0,
                "speaker_changed" => 18.0,
                "clause_only_a" | "clause_only_b" => 8.0,
                "number_changed" | "negation_changed" => 8.0,
                "hedge_changed" => 5.0,
                "name_changed" if f.rule == "name:variant" || f.rule == "name:middle" => 3.0,
                _ => continue,
            };
            let words: String = f.a.iter().chain(&f.b).map(|e| e.text.as_str()).collect::<Vec<_>>().join(" ");
            res.push(Highlight {
                row: row_idx,
                kind: f.name.clone(),
                salience: (base + salience(&words)) * confidence(f, row),
                refs: refs.clone(),
                summary: f.explanation.clone(),
            });
        }
        let single = match row.status {
            Status::OnlyA => row.a.as_ref(),
            Status::OnlyB => row.b.as_ref(),
            _ => None,
        };
        if let Some(side) = single {
            // A line without closing punctuation is a headline, subheading
            // or standfirst: it may state a claim ("India is also helping the
            // group"), but it repeats the body, so it ranks at half weight.
            let s = salience(&side.sentence);
            let sentence = side.sentence.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', ')']);
            if s >= 3.0 {
                res.push(Highlight {
                    row: row_idx,
                    kind: row.status.as_str().to_owned(),
                    salience: if sentence { s } else { s / 2.0 },
                    refs: refs.clone(),
                    summary: format!(
                        "only in {}: {}",
                        if row.status == Status::OnlyA { "A" } else { "B" },
                        side.sentence
                    ),
                });
            }
        }
        // Only the best few are kept: ranking as we go keeps a large
        // article's one-source sentences from being copied into highlights
        // all at once. A stable sort over the kept ones and the newcomers
        // picks what one sort over all would.
        if res.len() >= 2 * MAX_HIGHLIGHTS + 64 {
            rank_highlights(&mut res);
        }
    }
    rank_highlights(&mut res);
    res
}

/// Sorts highlights by salience, highest first (ties in row order), and
/// keeps the first [`MAX_HIGHLIGHTS`].
fn rank_highlights(res: &mut Vec<Highlight>) {
    res.sort_by(|x, y| y.salience.total_cmp(&x.salience).then(x.row.cmp(&y.row)));
    res.truncate(MAX_HIGHLIGHTS);
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

    /// Compares two one-paragraph articles and checks the flag names on
    /// their aligned rows (sorted, duplicates kept).
    fn check_flags(a: &str, b: &str, expected: &[&str]) {
        let report = flag_report(a, b);
        let aligned: Vec<&Row> = report.rows.iter().filter(|r| r.a.is_some() && r.b.is_some()).collect();
        assert!(!aligned.is_empty(), "no aligned row for {a:?} / {b:?}");
        let mut got: Vec<&str> = aligned.iter().flat_map(|r| r.flags.iter().map(|f| f.name.as_str())).collect();
        got.sort_unstable();
        let mut want = expected.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "\nA: {a}\nB: {b}\nflags: {:#?}", aligned.iter().map(|r| &r.flags).collect::<Vec<_>>());
    }

    fn flag_report(a: &str, b: &str) -> PairReport {
        use crate::article::Article;
        let a = Article::from_text("a", a).unwrap();
        let b = Article::from_text("b", b).unwrap();
        crate::compare_pair(a, b, &crate::config::MatchConfig::default())
    }

    /// The one flag named `name` on the report's aligned rows.
    fn the_flag(a: &str, b: &str, name: &str) -> Flag {
        let report = flag_report(a, b);
        let mut found = report.rows.iter().flat_map(|r| r.flags.iter()).filter(|f| f.name == name);
        let f = found.next().unwrap_or_else(|| panic!("no {name} flag"));
        f.clone()
    }

    const PORT: &str = "About 1,200 dock workers at the Kessel Quay terminal walked off the job on Wednesday.";

    #[test]
    fn glyphs_whitespace_and_folded_words_raise_no_flag() {
        check_flags(
            "\u{201c}We will not go back,\u{201d} said Dariusz Okonjo-Vance, the union\u{2019}s secretary.",
            "\"We will not go back,\"  said Dariusz Okonjo-Vance, the union's secretary.",
            &[],
        );
        check_flags(PORT, "About 1200 dock workers at the Kessel Quay terminal walked off the job on Wednesday.", &[]);
        check_flags(
            "Three ships were diverted to the neighbouring port, costing $1.2bn a week.",
            "3 ships were diverted to the neighboring port, costing $1.2 billion a week.",
            &[],
        );
        check_flags(
            "The chief of the defence staff visited Dr Ana Strand at St Brendan's.",
            "The chief of the defense staff visited Dr. Ana Strand at St. Brendan's.",
            &[],
        );
    }

    #[test]
    fn number_changed() {
        check_flags(
            PORT,
            "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.",
            &["number_changed"],
        );
        check_flags(
            "Officials said 7,000 to 8,000 containers are stranded on the Kessel Quay.",
            "Officials said 9,000 to 10,000 containers are stranded on the Kessel Quay.",
            &["number_changed"],
        );
        check_flags(
            "The crane at the Kessel Quay terminal collapsed on March 11, crushing a carrier.",
            "The crane at the Kessel Quay terminal collapsed on March 12, crushing a carrier.",
            &["number_changed"],
        );
        check_flags(
            "The TTP formally ended the ceasefire with the government on November 28 last year.",
            "The TTP formally ended the ceasefire with the government in November last year.",
            &["number_changed"],
        );
        check_flags(
            "Four other dock workers were taken to St Brendan's Hospital in the city.",
            "Five other dock workers were taken to St Brendan's Hospital in the city.",
            &["number_changed"],
        );
        let f = the_flag(
            PORT,
            "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.",
            "number_changed",
        );
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("1,200", "1,500"));
    }

    #[test]
    fn name_changed() {
        check_flags(
            "Foreign Secretary Asad Majeed Khan travelled to Kabul for talks on security.",
            "Foreign Secretary Asad Majid Khan travelled to Kabul for talks on security.",
            &["name_changed"],
        );
        check_flags(
            "The delegation included Lt Gen Nadeem Anjum and officials from Islamabad.",
            "The delegation included Lt Gen Nadeem Ahmed Anjum and officials from Islamabad.",
            &["name_changed"],
        );
        check_flags(
            "The secretary Dariusz Okonjo-Vance said the union would hold a vigil.",
            "The secretary Dariusz Okonjo Vance said the union would hold a vigil.",
            &["name_changed"],
        );
        let f = the_flag(
            "The Harbour Workers' Union said the strike would continue on Monday.",
            "The Harbor Workers Union said the strike would continue on Monday.",
            "name_changed",
        );
        assert!(f.explanation.contains("spelling"), "{}", f.explanation);
        // A shorter reference to the same person is not a change.
        check_flags(
            "Defence Minister Khawaja Asif said the group was still using Afghan soil.",
            "Minister Asif said the group was still using Afghan soil.",
            &[],
        );
        let f = the_flag(
            "Attacks by the Tehreek-e-Taliban Pakistan rose sharply in the northwest last year.",
            "Attacks by the Tehreek-i-Taliban Pakistan rose sharply in the northwest last year.",
            "name_changed",
        );
        assert_eq!(f.rule, "name:spelling");
        check_flags(
            "The delegation included Ubaidur Rehman Nizamani and officials from Islamabad.",
            "The delegation included Ubaid Ur Rehman Nizamani and officials from Islamabad.",
            &["name_changed"],
        );
        // A country is not its adjective, and "US" is not inside "August".
        check_flags(
            "Officials said weapons left in Afghan camps in August were used by militants.",
            "Officials said weapons left in Afghanistan camps by the US were used by militants.",
            &[],
        );
        // Different people are not one name spelled differently.
        check_flags(
            "Amid the talks, Asif said the group was still using Afghan soil.",
            "During the talks, Asif said the group was still using Afghan soil.",
            &[],
        );
    }

    #[test]
    fn negation_changed() {
        check_flags(
            "Strand said crane No. 5 had not been flagged as faulty at its last inspection.",
            "Strand said crane No. 5 had been flagged as faulty at its last inspection.",
            &["negation_changed"],
        );
        check_flags(
            "The authority said the terminal was no longer accepting new vessels.",
            "The authority said the terminal was still accepting new vessels.",
            &["negation_changed"],
        );
        check_flags(
            "The union said the dockers won't return to the Kessel Quay cranes.",
            "The union said the dockers will return to the Kessel Quay cranes.",
            &["negation_changed"],
        );
        check_flags(
            "The union said the dockers won't return to the Kessel Quay cranes.",
            "The union said the dockers will not return to the Kessel Quay cranes.",
            &[],
        );
        // Both sides negate: restructured, not negated anew.
        check_flags(
            "The union will not return until engineers who do not answer to the port authority inspect the cranes.",
            "The union will not return until engineers independent of the port authority inspect the cranes.",
            &[],
        );
    }

    #[test]
    fn hedge_changed() {
        for (a, b) in [
            (
                "The crane had reportedly failed a load test in February, but was returned to service.",
                "The crane had failed a load test in February, but was returned to service.",
            ),
            (
                "The union said managers ignored two written complaints about the brakes.",
                "The union said managers allegedly ignored two written complaints about the brakes.",
            ),
            (
                "The dispute may spread to the rail freight yards at Fenwick Junction.",
                "The dispute will spread to the rail freight yards at Fenwick Junction.",
            ),
            (
                "The hydraulic system was believed to have been leaking for weeks.",
                "The hydraulic system had been leaking for weeks.",
            ),
        ] {
            check_flags(a, b, &["hedge_changed"]);
        }
        let f = the_flag(
            "The dispute may spread to the rail freight yards at Fenwick Junction.",
            "The dispute will spread to the rail freight yards at Fenwick Junction.",
            "hedge_changed",
        );
        assert_eq!(f.a[0].text, "may");
        check_flags(
            "The dispute may spread to the rail freight yards at Fenwick Junction.",
            "The dispute may spread to the freight yards at Fenwick Junction.",
            &[],
        );
    }

    #[test]
    fn clause_only_one_side() {
        let castellan =
            "Minister Castellan accused the union of exploiting a tragedy in pay talks that stalled in January.";
        check_flags(
            castellan,
            "Minister Castellan accused the union of exploiting a tragedy in pay talks that stalled in January, \
             adding that the walkout was being bankrolled by a rival operator in Saltmere.",
            &["clause_only_b"],
        );
        let f = the_flag(
            "Asif said the militants had advanced weapons left by the American forces.",
            "Asif said the militants had advanced weapons, adding that they were also being backed by India.",
            "clause_only_b",
        );
        assert_eq!(f.explanation, "\"backed by India\" appears only in B");
        check_flags(
            "The stoppage is costing the regional economy about $1.2bn a week, according to the Northport Chamber of Commerce.",
            "The stoppage is costing the regional economy about $1.2bn a week.",
            &["clause_only_a", "hedge_changed"],
        );
        // Rewording is not a one-side clause.
        check_flags(
            "The union had rejected a 3.5% pay offer from the port in January.",
            "The union turned down a 3.5% pay offer from the port in January.",
            &[],
        );
        // A wire dateline names the outlet, not a claim.
        check_flags(PORT, &format!("NORTHPORT (Meridian Wire) \u{2013} {PORT}"), &[]);
    }

    #[test]
    fn quote_altered_and_speaker_changed() {
        let a = "\u{201c}We will not go back until engineers who do not answer to the port authority inspect them,\u{201d} said Dariusz Okonjo-Vance.";
        let b = "\"We will not go back until engineers who do not answer to the minister inspect them,\" said Dariusz Okonjo-Vance.";
        check_flags(a, b, &["quote_altered"]);
        let f = the_flag(a, b, "quote_altered");
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("port authority", "minister"));
        check_flags(
            "Mr Okonjo-Vance added: \u{201c}Nobody should have to choose between a pay cheque and coming home alive.\u{201d}",
            "\u{201c}Nobody should have to choose between a pay cheque and coming home alive,\u{201d} said Marta Quill.",
            &["speaker_changed"],
        );
        // A quotation the other side paraphrases is not two one-side clauses.
        check_flags(
            "\u{201c}We will not go back up those cranes until engineers who do not answer to the port authority \
             inspect them,\u{201d} said Dariusz Okonjo-Vance.",
            "Dariusz Okonjo-Vance said workers would not climb back into the cranes until engineers independent of \
             the port authority had checked each one.",
            &[],
        );
        // A trimmed quote, or one with an omission marked, is not altered.
        check_flags(
            "\u{201c}We warned them about that crane \u{2026} more than once, and nothing happened,\u{201d} he said.",
            "\u{201c}We warned them about that crane [\u{2026}] and nothing happened,\u{201d} he said.",
            &[],
        );
    }

    #[test]
    fn evidence_spans_point_at_the_words() {
        let a = format!("Headline here\n\n{PORT}");
        let b = "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.";
        let article = crate::article::Article::from_text("a", &a).unwrap();
        let f = the_flag(&a, b, "number_changed");
        let e = &f.a[0];
        assert_eq!(&article.text[e.start..e.end], e.text);
    }

    #[test]
    fn highlights_rank_quotes_and_salient_claims_first() {
        let a = "\u{201c}Engineers who answer to the port authority must inspect them,\u{201d} said Dariusz Okonjo-Vance.\n\n\
                 About 1,200 dock workers at the Kessel Quay terminal walked off the job on Wednesday.\n\n\
                 The weather was mild.";
        let b = "\"Engineers who answer to the minister must inspect them,\" said Dariusz Okonjo-Vance.\n\n\
                 About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.\n\n\
                 Police said the strike was funded by Greyfield Lifting Services of Saltmere.";
        let report = flag_report(a, b);
        let kinds: Vec<&str> = report.highlights.iter().map(|h| h.kind.as_str()).collect();
        assert_eq!(kinds.first(), Some(&"quote_altered"), "{kinds:?}");
        assert!(kinds.contains(&"only_b") && kinds.contains(&"number_changed"), "{kinds:?}");
        assert!(salience("the strike was funded by Greyfield of Saltmere") > salience("the weather was mild today"));
    }

    #[test]
    fn salient_verbs_are_sorted_for_binary_search() {
        assert!(SALIENT_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_salient_verb("bankrolled") && is_salient_verb("backed") && !is_salient_verb("attacks"));
    }

    #[test]
    fn word_diff_ignores_quote_glyphs() {
        check("\u{201c}We go,\u{201d} he said", "\"We go,\" he said", "\u{201c}We go,\u{201d} he said");
    }
}
