//! The findings table: every finding of a report as one flat, typed record
//! (`--format findings`). A finding is a difference a reader acts on: a
//! pairwise flag (a quote, number, name, negation, hedge or clause that
//! differs), or a claim one side carries alone. Rewording without a flag is
//! not a finding.
//!
//! Built here from the report models, so that every renderer of the table
//! shows the same findings; `check` builds its own records from its
//! findings ([`crate::check::CheckReport::records`]).

use super::claims::{ClaimStatus, ClaimsReport};
use super::{FindingKind, Flag, PairReport, Side, Status};

/// One side of a finding: the outlet, its sentence indices (`3` or `3+4`)
/// and the text (for a clause, the clause).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The outlet (empty when this side has nothing).
    pub source: String,
    /// The sentence indices, `+`-joined (empty when this side has nothing).
    pub index: String,
    /// The sentence(s), or the clause.
    pub text: String,
}

impl Cell {
    /// The cell of a side's sentence(s).
    pub fn of(side: &Side) -> Cell {
        Cell { source: side.source.clone(), index: side.index_label(), text: side.sentence.clone() }
    }

    fn of_opt(side: Option<&Side>) -> Cell {
        side.map(Cell::of).unwrap_or_default()
    }
}

/// One finding as a record of the findings table. A finding that several
/// references carry (`check`) is several records with one `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRecord {
    /// `F1`, `F2`, ... in report order.
    pub id: String,
    /// What the finding is about.
    pub kind: FindingKind,
    /// The flag or status behind it (`number_changed`, `only_a`, `unique`,
    /// `new` ...); several flags `;`-joined.
    pub flag: String,
    /// Side A (pairwise: the first article; claims: the representative
    /// wording or the one outlet; check: the story).
    pub a: Cell,
    /// Side B (pairwise: the second article; claims: the other wording;
    /// check: the reference).
    pub b: Cell,
    /// A one-line human explanation.
    pub explanation: String,
}

impl FindingRecord {
    /// The record's cells in the findings table's contract order, all but
    /// the last (`fails`, which depends on `--fail-on`: [`FindingRecord::fails`]).
    pub fn columns(&self) -> [&str; 10] {
        [
            self.id.as_str(),
            self.kind.as_str(),
            &self.flag,
            &self.a.source,
            &self.a.index,
            &self.b.source,
            &self.b.index,
            &self.a.text,
            &self.b.text,
            &self.explanation,
        ]
    }

    /// The `fails` column: whether the kind is one of `fail_on`.
    pub fn fails(&self, fail_on: &[FindingKind]) -> bool {
        fail_on.contains(&self.kind)
    }
}

/// Numbers records `F1`, `F2`, ... as they are pushed.
#[derive(Default)]
pub(crate) struct Numbered {
    pub(crate) records: Vec<FindingRecord>,
    next: usize,
}

impl Numbered {
    /// The next finding's id.
    pub(crate) fn next_id(&mut self) -> String {
        self.next += 1;
        format!("F{}", self.next)
    }

    /// Pushes a finding of one record under a new id.
    pub(crate) fn push(&mut self, kind: FindingKind, flag: &str, a: Cell, b: Cell, explanation: String) {
        let id = self.next_id();
        self.records.push(FindingRecord { id, kind, flag: flag.to_string(), a, b, explanation });
    }
}

/// A row's flags, each (name, explanation) once, with the kind each
/// evidences.
fn distinct(flags: &[Flag]) -> Vec<(FindingKind, &Flag)> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut out = Vec::new();
    for f in flags {
        let key = (f.name.as_str(), f.explanation.as_str());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        if let Some(kind) = FindingKind::of_flag(f) {
            out.push((kind, f));
        }
    }
    out
}

impl PairReport {
    /// The findings table of a pairwise report, in row order: one record per
    /// distinct flag of an aligned row, and one per sentence only one side
    /// has (kind `unique`, flag `only_a`/`only_b`).
    pub fn records(&self) -> Vec<FindingRecord> {
        let mut t = Numbered::default();
        for row in &self.rows {
            match row.status {
                Status::OnlyA | Status::OnlyB => {
                    let Some(side) = row.a.as_ref().or(row.b.as_ref()) else { continue };
                    let explanation = format!("only {} carries this sentence", side.source);
                    let (a, b) = (Cell::of_opt(row.a.as_ref()), Cell::of_opt(row.b.as_ref()));
                    t.push(FindingKind::Unique, row.status.as_str(), a, b, explanation);
                }
                _ => {
                    for (kind, f) in distinct(&row.flags) {
                        let (a, b) = (Cell::of_opt(row.a.as_ref()), Cell::of_opt(row.b.as_ref()));
                        t.push(kind, &f.name, a, b, f.explanation.clone());
                    }
                }
            }
        }
        t.records
    }
}

impl ClaimsReport {
    /// The findings table of a claims report, in claim order: for a shared
    /// claim, one record per distinct flag between the representative
    /// wording (A) and each other wording (B); for a one-outlet claim, one
    /// record (kind `unique`, or `clause` for a clause one outlet adds to a
    /// shared claim; flag `unique`) with the outlet on side A. A clause flag
    /// inside a shared claim is not repeated: the clause is a finding when
    /// no other outlet carries it, as its own one-outlet claim.
    pub fn records(&self) -> Vec<FindingRecord> {
        let mut t = Numbered::default();
        // Sources as the CSV names them: two that name one outlet apart.
        let labels = self.source_labels();
        let cell = |v: &super::claims::Variant| Cell { source: labels[v.source].clone(), ..Cell::of(&v.side) };
        for c in &self.claims {
            if c.status == ClaimStatus::Unique {
                let Some(v) = c.variants.first() else { continue };
                let outlet = &labels[v.source];
                let (kind, explanation) = match &c.clause {
                    Some(cl) => (FindingKind::Clause, format!("a clause only {outlet} adds to claim {}", cl.claim)),
                    None => (FindingKind::Unique, format!("only {outlet} carries this claim ({})", c.id)),
                };
                let a = Cell { text: c.unique_text().to_string(), ..cell(v) };
                t.push(kind, ClaimStatus::Unique.as_str(), a, Cell::default(), explanation);
                continue;
            }
            let Some(rep) = c.variants.get(c.representative) else { continue };
            for (i, v) in c.variants.iter().enumerate() {
                if i == c.representative {
                    continue;
                }
                for (kind, f) in distinct(&v.flags) {
                    if kind == FindingKind::Clause {
                        continue;
                    }
                    let explanation = format!("{} (claim {})", f.explanation, c.id);
                    t.push(kind, &f.name, cell(rep), cell(v), explanation);
                }
            }
        }
        t.records
    }
}
