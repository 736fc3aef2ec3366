//! Quotations and their attribution.
//!
//! [`extract`] finds the direct quotations of one cleaned article: curly,
//! straight and mixed double quotes (single quotes nest inside them and are
//! never boundaries, since they double as apostrophes, but two apostrophes
//! close a quotation in tokenised text), quotations that run
//! over several sentences or paragraphs (the convention of repeating the
//! opening mark at each new paragraph), and fragments quoted inside a
//! sentence. Each quotation gets a speaker from the words around it ("he
//! said", "said X", "X added:", "according to X", "X was quoted as
//! saying"); a pronoun resolves to the person last named as speaking, or
//! just introduced, else the last named speaker.
//!
//! [`relate`] says how two outlets' versions of a quotation relate
//! (verbatim, trimmed, altered). The classifier uses it for the
//! `quote_altered` and `speaker_changed` flags on aligned rows, and
//! [`survey`] uses it for `claimdiff quotes`, which lists every quotation
//! and how each other article carries it. This module reads text and tokens
//! only; it never does I/O.
//!
//! The rooms, each importing only those listed before it:
//! - `words`: speech verbs, titles, what makes a speaker a name (a leaf);
//! - `names`: a speaker's name read from the words by a verb of saying;
//! - `attribution`: the speaker from the words around one quotation;
//! - `coreference`: roles and pronouns resolved to the person named;
//! - `extract`: the quotations of one article (uses the two above);
//! - `relation`: how two versions of a quotation relate;
//! - `meaning`: paraphrases found by the sentence encoder;
//! - `survey`: every article's quotations against the other articles.
//!
//! The data types ([`Quote`], [`QuoteSurvey`]) live in the report model,
//! `crate::findings::quotes`, which the quotes renderer reads.

mod attribution;
mod coreference;
mod extract;
mod meaning;
mod names;
mod relation;
mod survey;
#[cfg(test)]
mod tests;
mod words;

pub use crate::findings::quotes::{Carried, Quote, QuoteStatus, QuoteSurvey, SurveyEntry};
pub use extract::extract;
pub use meaning::PARAPHRASE_COSINE;
pub use relation::{overlap, relate, speakers_differ};
pub use survey::{survey, survey_entries, MAX_SURVEY_ENTRIES};
pub use words::{is_named, same_speaker};
pub(crate) use words::{is_speech_verb, is_title, without_possessive};
