//! The newsroom consistency gate: a story checked against reference copy.
//!
//! The story is aligned with each reference (pairwise, as `compare`), and
//! the references with each other. A finding is raised when:
//! - `quote`, `number`, `name`, `spelling`, `negation`, `hedge`, `clause`: a
//!   story sentence's quote, numbers, names (or only their spelling),
//!   negation, hedging or clauses differ from *every* reference that carries
//!   the same claim (one agreeing reference is support enough);
//! - `unsupported`: a story sentence is `new` by the derivation below: no
//!   reference carries its wording or its content;
//! - `dropped` (a note): every reference carries a claim the story lacks.
//!
//! Beside the findings, the story's derivation ([`crate::derive`]): each
//! story sentence labelled `verbatim`, `rewritten` or `new` against the
//! references pooled, and the story's word shares and reuse score ("how
//! much of this is wire?").
//!
//! A reference with the story's own text (the story given again, say
//! inside an `--against` folder) is skipped with a warning: compared with
//! itself, the story would be wholly supported.
//!
//! Which kinds fail the check is the caller's choice (`--fail-on`). Pure
//! computation; the binary prints and sets the exit code.

use crate::align;
use crate::article::Article;
use crate::classify;
use crate::config::MatchConfig;
use crate::corpus::Corpus;
use crate::derive::{self, DeriveConfig, Label, Reuse, SentenceDerivation};
use crate::findings::table::Numbered;
pub use crate::findings::FindingKind;
use crate::findings::{self, Cell, FindingRecord, Flag, Row, SourceInfo, Status};
use serde::Serialize;

/// Where a reference carrying the story's claim stands on one element of
/// a finding (the quoted words, the figures, the names, the negation...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// It carries the element as the story words it.
    Supports,
    /// It carries the element worded otherwise (a flag of the finding's
    /// kind fired).
    Contradicts,
    /// It carries the claim but not the element (retells a quotation
    /// without quoting it, gives no figure): it neither clears nor
    /// contradicts the story.
    Silent,
}

impl Stance {
    /// The contract name (`supports`, `contradicts`, `silent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Silent => "silent",
        }
    }
}

/// A reference's side of a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefEvidence {
    /// The reference outlet.
    pub source: String,
    /// Where it stands on the finding's element (`dropped` findings:
    /// `supports`, the reference carries the claim).
    pub stance: Stance,
    /// Its sentence indices.
    pub index: Vec<usize>,
    /// Its sentence(s).
    pub sentence: String,
    /// The pairwise flags that fired against the story (story = A).
    pub flags: Vec<Flag>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// The story's sentence indices (empty for `dropped`).
    pub story_index: Vec<usize>,
    /// The story's sentence(s) (empty for `dropped`).
    pub story_sentence: String,
    /// The derivation label of each story sentence, as `story_index`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derivation: Vec<Label>,
    /// The references involved (none for `unsupported`).
    pub refs: Vec<RefEvidence>,
    /// A one-line human explanation.
    pub explanation: String,
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The story checked.
    pub story: SourceInfo,
    /// The references.
    pub refs: Vec<SourceInfo>,
    /// The similarity used: `lexical` or `semantic:MODEL`.
    pub scorer: String,
    /// Non-fatal problems: references skipped because they are the story.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// How the references were read: agency takes joined into one
    /// reference, and the takes their substitutes replaced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// How much of the story comes from the references.
    pub reuse: Reuse,
    /// Each story sentence's derivation, in story order.
    pub derivation: Vec<SentenceDerivation>,
    /// Findings, story order first, then dropped claims.
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Whether any finding is of a kind in `fail_on`.
    pub fn fails(&self, fail_on: &[FindingKind]) -> bool {
        self.findings.iter().any(|f| fail_on.contains(&f.kind))
    }

    /// The findings table (`--format findings`): one record per finding and
    /// reference, records of one finding sharing its id. Side A is the
    /// story (empty for `dropped`), side B the reference (empty for
    /// `unsupported`). `flag` names the reference's flags behind the
    /// finding, `silent` for a reference that carries the claim but not the
    /// element, `new` for an unsupported sentence (its derivation label)
    /// and `only_b` for a dropped claim (its pairwise status).
    pub fn records(&self) -> Vec<FindingRecord> {
        let mut t = Numbered::default();
        for f in &self.findings {
            let id = t.next_id();
            let a = if f.story_index.is_empty() {
                Cell::default()
            } else {
                Cell {
                    source: self.story.outlet.clone(),
                    index: findings::index_label(&f.story_index),
                    text: f.story_sentence.clone(),
                }
            };
            let flag = |r: Option<&RefEvidence>| match f.kind {
                FindingKind::Unsupported => Label::New.as_str().to_string(),
                FindingKind::Dropped => Status::OnlyB.as_str().to_string(),
                // A reference silent on the element has no flag behind it.
                _ if r.is_some_and(|r| r.stance == Stance::Silent) => Stance::Silent.as_str().to_string(),
                _ => findings::flag_names(r.map(|r| r.flags.as_slice()).unwrap_or_default()).join(";"),
            };
            let refs: Vec<Option<&RefEvidence>> =
                if f.refs.is_empty() { vec![None] } else { f.refs.iter().map(Some).collect() };
            for r in refs {
                let b = r.map_or_else(Cell::default, |r| Cell {
                    source: r.source.clone(),
                    index: findings::index_label(&r.index),
                    text: r.sentence.clone(),
                });
                t.records.push(FindingRecord {
                    id: id.clone(),
                    kind: f.kind,
                    flag: flag(r),
                    a: a.clone(),
                    b,
                    explanation: f.explanation.clone(),
                });
            }
        }
        t.records
    }
}

/// Checks `story` against `refs`. The takes of one agency story among the
/// references are read as one reference ([`crate::article::takes::merge`],
/// see [`CheckReport::notes`]). References that are the story itself are
/// skipped (see [`CheckReport::warnings`]); with none left, every story
/// sentence is `new`.
pub fn check(story: Article, refs: Vec<Article>, cfg: &MatchConfig) -> CheckReport {
    let (refs, notes) = crate::article::takes::merge(refs);
    let (refs, warnings) = without_story(&story, refs);
    let n_refs = refs.len();
    let mut articles = vec![story];
    articles.extend(refs);
    let mut corpus = Corpus::build(articles);
    corpus.prepare(cfg);
    let pairs: Vec<_> =
        (1..=n_refs).map(|r| classify::pair_report(&corpus, &align::align_pair(&corpus, 0, r, cfg))).collect();
    let ref_docs: Vec<usize> = (1..=n_refs).collect();
    let derivation = derive::derive(&corpus, 0, &ref_docs, &DeriveConfig::default());
    let n_story = corpus.docs[0].sentences.len();
    // For each story sentence: each reference that carries it (its
    // document) with its row.
    let mut rows_of: Vec<Vec<(usize, &Row)>> = vec![Vec::new(); n_story];
    for (r, p) in pairs.iter().enumerate() {
        for row in &p.rows {
            if let (Some(a), Some(_)) = (&row.a, &row.b) {
                for &i in &a.indices {
                    rows_of[i].push((r + 1, row));
                }
            }
        }
    }
    let quotes: Vec<classify::DocQuotes> = corpus.docs.iter().map(classify::doc_quotes).collect();
    let mut findings = Vec::new();
    let mut seen_groups: Vec<Vec<usize>> = Vec::new();
    for (i, rows) in rows_of.iter_mut().enumerate() {
        if derivation[i].label == Label::New {
            let s = &corpus.docs[0].sentences[i];
            let carriers = match n_refs {
                1 => "the reference carries".to_owned(),
                n => format!("none of the {n} references carries"),
            };
            findings.push(Finding {
                kind: FindingKind::Unsupported,
                story_index: vec![i],
                story_sentence: s.text.clone(),
                derivation: vec![Label::New],
                refs: Vec::new(),
                explanation: format!("{carriers} neither this sentence's wording nor its content"),
            });
        }
        if rows.is_empty() {
            continue;
        }
        // The closest carrier first.
        rows.sort_by(|x, y| y.1.similarity.total_cmp(&x.1.similarity).then(x.0.cmp(&y.0)));
        // A story group joined to several sentences is reported once.
        let group = rows[0].1.a.as_ref().map(|a| a.indices.clone()).unwrap_or_default();
        if seen_groups.contains(&group) {
            continue;
        }
        seen_groups.push(group.clone());
        // The kinds of element each carrier carries, worked out on demand.
        let mut carried: Vec<Option<Vec<FindingKind>>> = vec![None; rows.len()];
        for kind in FindingKind::OF_FLAGS {
            let contradicts = |row: &Row| row.flags.iter().any(|f| kind.matches(f));
            if !rows.iter().any(|(_, row)| contradicts(row)) {
                continue;
            }
            let mut stances = Vec::with_capacity(rows.len());
            for (k, (r, row)) in rows.iter().enumerate() {
                let stance = if contradicts(row) {
                    Stance::Contradicts
                } else {
                    let kinds = carried[k].get_or_insert_with(|| {
                        let b = row.b.as_ref().map(|b| b.indices.as_slice()).unwrap_or_default();
                        classify::carried((&corpus.docs[0], &group, &quotes[0]), (&corpus.docs[*r], b, &quotes[*r]))
                    });
                    if kinds.contains(&kind) {
                        Stance::Supports
                    } else {
                        Stance::Silent
                    }
                };
                stances.push(stance);
            }
            // One reference that words the element as the story does is
            // support enough; one that does not carry it says nothing.
            if stances.contains(&Stance::Supports) {
                continue;
            }
            let refs: Vec<RefEvidence> =
                rows.iter().zip(&stances).map(|((_, row), &stance)| ref_evidence(row, kind, stance)).collect();
            findings.push(Finding {
                kind,
                story_index: group.clone(),
                story_sentence: rows[0].1.a.as_ref().map(|a| a.sentence.clone()).unwrap_or_default(),
                derivation: group.iter().map(|&g| derivation[g].label).collect(),
                explanation: explanation(kind, &refs, n_refs),
                refs,
            });
        }
    }
    // A reference claim a story sentence draws on (merged or retold) is not
    // dropped, even where the one-to-one alignment left it unpaired.
    let drawn_on: Vec<(&str, usize)> =
        derivation.iter().flat_map(|d| d.refs.iter().map(|r| (r.source.as_str(), r.index))).collect();
    findings.extend(dropped(&corpus, &pairs, n_refs, cfg, &drawn_on));
    let infos: Vec<SourceInfo> = corpus.docs.iter().map(findings::source_info).collect();
    CheckReport {
        story: infos[0].clone(),
        refs: infos[1..].to_vec(),
        scorer: corpus.scorer.label(),
        warnings,
        notes,
        reuse: derive::reuse(&derivation),
        derivation,
        findings,
    }
}

/// Splits off the references that are the story itself: the same cleaned
/// text from the same file (the story's own file inside an `--against`
/// folder) or from the same outlet (a copy of it). Another outlet's article
/// with the same text is a reference the story reproduces word for word: it
/// stays, and the story is wholly derived from it.
fn without_story(story: &Article, refs: Vec<Article>) -> (Vec<Article>, Vec<String>) {
    let text = crate::corpus::collapse_ws(&story.text);
    let story_file = std::fs::canonicalize(&story.meta.path).ok();
    let same_file = |r: &Article| {
        r.meta.path == story.meta.path || story_file.is_some() && std::fs::canonicalize(&r.meta.path).ok() == story_file
    };
    let mut warnings = Vec::new();
    let mut kept = Vec::with_capacity(refs.len());
    for r in refs {
        if (same_file(&r) || r.meta.outlet == story.meta.outlet) && crate::corpus::collapse_ws(&r.text) == text {
            warnings.push(format!(
                "{}: skipped as a reference: it is the story itself ({})",
                crate::error::shown(&r.meta.path),
                crate::error::shown(&story.meta.path)
            ));
        } else {
            kept.push(r);
        }
    }
    (kept, warnings)
}

/// A finding's one-line explanation: what differs (every flag behind it,
/// once each, the closest carrier's first), who contradicts it, who is
/// silent, and how many references do not carry the claim at all.
fn explanation(kind: FindingKind, refs: &[RefEvidence], n_refs: usize) -> String {
    let mut each: Vec<&str> = Vec::new();
    for f in refs.iter().flat_map(|r| &r.flags) {
        if !each.contains(&f.explanation.as_str()) {
            each.push(&f.explanation);
        }
    }
    let names = |stance: Stance| -> Vec<&str> {
        refs.iter().filter(|r| r.stance == stance).map(|r| r.source.as_str()).collect()
    };
    let (contra, silent) = (names(Stance::Contradicts), names(Stance::Silent));
    // Figures, names and quoted words are facts a reference contradicts;
    // wording, hedging and clauses are the claim told differently.
    let verb = match kind {
        FindingKind::Quote | FindingKind::Number | FindingKind::Name => "contradicted by",
        _ => "differs from",
    };
    let mut out = format!("{}; {verb} {}", each.join("; "), contra.join(", "));
    if !silent.is_empty() {
        let element = match kind {
            FindingKind::Quote => "the quoted words",
            FindingKind::Number => "the figures",
            FindingKind::Name => "the names",
            _ => "this",
        };
        let verb = if silent.len() == 1 { "carries" } else { "carry" };
        out.push_str(&format!("; silent: {} ({verb} the claim, not {element})", silent.join(", ")));
    }
    match n_refs.saturating_sub(refs.len()) {
        0 => {}
        1 => out.push_str("; 1 other reference does not carry the claim"),
        n => out.push_str(&format!("; {n} other references do not carry the claim")),
    }
    out
}

fn ref_evidence(row: &Row, kind: FindingKind, stance: Stance) -> RefEvidence {
    let b = row.b.as_ref();
    RefEvidence {
        source: b.map(|b| b.source.clone()).unwrap_or_default(),
        stance,
        index: b.map(|b| b.indices.clone()).unwrap_or_default(),
        sentence: b.map(|b| b.sentence.clone()).unwrap_or_default(),
        flags: row.flags.iter().filter(|f| kind.matches(f)).cloned().collect(),
    }
}

/// Claims of the first reference that the story lacks and every other
/// reference carries.
fn dropped(
    corpus: &Corpus,
    pairs: &[crate::findings::PairReport],
    n_refs: usize,
    cfg: &MatchConfig,
    drawn_on: &[(&str, usize)],
) -> Vec<Finding> {
    let Some(first) = pairs.first() else { return Vec::new() };
    let others: Vec<_> = (2..=n_refs).map(|r| align::align_pair(corpus, 1, r, cfg)).collect();
    let mut res = Vec::new();
    for row in first.rows.iter().filter(|r| r.status == Status::OnlyB) {
        let Some(b) = &row.b else { continue };
        if b.indices.iter().any(|&i| drawn_on.contains(&(b.source.as_str(), i))) {
            continue;
        }
        let carried_by_all = others.iter().all(|al| al.links.iter().any(|l| b.indices.iter().any(|i| l.a.contains(i))));
        if carried_by_all {
            res.push(Finding {
                kind: FindingKind::Dropped,
                story_index: Vec::new(),
                story_sentence: String::new(),
                derivation: Vec::new(),
                refs: vec![RefEvidence {
                    source: b.source.clone(),
                    stance: Stance::Supports,
                    index: b.indices.clone(),
                    sentence: b.sentence.clone(),
                    flags: Vec::new(),
                }],
                explanation: if n_refs == 1 {
                    "the reference carries this claim; the story does not".to_owned()
                } else {
                    format!("all {n_refs} references carry this claim; the story does not")
                },
            });
        }
    }
    res
}
