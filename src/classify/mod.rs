//! Classification: turns an alignment into report rows, and runs the flag
//! rules on every aligned row that is not the same.
//!
//! Flags say what differs on an aligned row and why it matters. Each rule
//! family has a file of its own, with its word lists and its tests:
//! `numbers.rs` (`number_changed`, with `measures.rs` for units of
//! length, mass and speed), `names.rs` (`name_changed`),
//! `markers.rs` (`negation_changed`, `hedge_changed`), `quotes.rs`
//! (`quote_altered`, `speaker_changed`) and `clauses.rs`
//! (`clause_only_a`/`clause_only_b`). They compare the rows' normalised
//! tokens (see [`crate::normalize`]), so quote glyphs, whitespace, number
//! format and folded spelling never count as a change, and each flag
//! carries the byte spans of the words it is about. `view.rs` holds what the
//! rules read; `rows.rs` builds the rows ([`pair_report`]), `diff.rs` the
//! word diff ([`word_diff`]), `units.rs` the clause unit around a one-side
//! stretch, and `salience.rs` ranks the findings and the
//! one-source sentences for the summary ([`highlights`]), with `asides.rs`
//! telling what kind of sentence a one-source sentence is.

mod asides;
mod clauses;
mod diff;
mod figures;
mod markers;
mod measures;
mod names;
mod numbers;
pub mod people;
mod quotes;
mod rows;
mod salience;
#[cfg(test)]
mod testutil;
pub mod units;
mod view;
mod weights;

pub(crate) use clauses::{is_own_clause, names_an_action, CLAUSE_CARRIED};
pub use diff::word_diff;
pub use rows::{pair_report, pair_report_with_near};
pub use salience::{claim_highlights, highlights, is_salient_verb, salience, salience_of};
pub(crate) use salience::{content_keys, leads_as_new, novelty, UNIQUE_LEAD_MAX};
pub(crate) use view::{doc_quotes, DocQuotes};

use crate::corpus::Document;
use crate::findings::{side, Evidence, Flag};
use crate::normalize::{fold_glyphs, Token};
use clauses::clause_flags;
use markers::{marker_flag, Marker};
use names::name_flags;
use numbers::number_flags;
use quotes::quote_flags;
use view::{regions, View};

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

/// The kinds of finding element that both groups carry, so that a
/// reference without a flag of that kind *supports* the story's wording of
/// it (`check`): a quotation both sides quote (paired as the quote flags
/// pair them), a number, amount or date both give, a name both write the
/// same. Negation, hedging, spelling and clauses belong to the claim
/// itself: an aligned reference always carries them. A reference that
/// retells a quotation without quoting it, or gives no figure, is silent on
/// it: it can neither clear nor contradict the story's words.
pub(crate) fn carried(
    (doc_a, a, quotes_a): (&Document, &[usize], &DocQuotes),
    (doc_b, b, quotes_b): (&Document, &[usize], &DocQuotes),
) -> Vec<crate::findings::FindingKind> {
    use crate::findings::FindingKind;
    let (va, vb) = (View::new(doc_a, a, quotes_a), View::new(doc_b, b, quotes_b));
    let mut res = vec![FindingKind::Spelling, FindingKind::Negation, FindingKind::Hedge, FindingKind::Clause];
    if quotes::paired(&va, &vb) {
        res.push(FindingKind::Quote);
    }
    if numbers::shared(&va, &vb) {
        res.push(FindingKind::Number);
    }
    if names::shared(&va, &vb) {
        res.push(FindingKind::Name);
    }
    res
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, PORT};

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
}
