//! The quotation model: one article's quotations ([`Quote`]) and the
//! survey of every article's quotations with how each other article
//! carries them ([`QuoteSurvey`]), as `crate::quote` finds them and
//! `crate::report::quotes` renders them.

use super::SourceInfo;
use crate::normalize::{self, Token};
use crate::segment::Span;
use serde::Serialize;

/// One direct quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The whole quotation, marks included, as a byte span in the cleaned
    /// article (serialised as `[start, end]`).
    #[serde(serialize_with = "ser_span")]
    pub span: Span,
    /// The quoted words: one span per paragraph the quotation runs over.
    #[serde(serialize_with = "ser_spans")]
    pub parts: Vec<Span>,
    /// The quoted words, paragraphs joined and whitespace collapsed.
    pub text: String,
    /// Who said it, as the article names them (a pronoun already resolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// A few words quoted inside a sentence, rather than a full statement.
    pub fragment: bool,
}

fn ser_span<S: serde::Serializer>(s: &Span, ser: S) -> Result<S::Ok, S::Error> {
    [s.start, s.end].serialize(ser)
}

fn ser_spans<S: serde::Serializer>(s: &[Span], ser: S) -> Result<S::Ok, S::Error> {
    s.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>().serialize(ser)
}

impl Quote {
    /// The comparison tokens of the quoted words; spans are article offsets.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut res = Vec::new();
        for p in &self.parts {
            for mut t in normalize::tokens(&text[p.start..p.end]) {
                t.start += p.start;
                t.end += p.start;
                res.push(t);
            }
        }
        res
    }
}

/// How two versions of one quotation relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    /// The same words (quote glyphs, spelling and number format aside).
    Verbatim,
    /// One version is a part of the other: a contiguous part, or a part with
    /// the left-out words marked by an ellipsis.
    Trimmed,
    /// The words inside the quote marks differ.
    Altered,
    /// The other article carries the words without quote marks.
    Paraphrased,
    /// The other article does not carry the quotation.
    Absent,
}

impl QuoteStatus {
    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Verbatim => "verbatim",
            QuoteStatus::Trimmed => "trimmed",
            QuoteStatus::Altered => "altered",
            QuoteStatus::Paraphrased => "paraphrased",
            QuoteStatus::Absent => "absent",
        }
    }
}

/// One quotation in a [`QuoteSurvey`], with the other articles that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyEntry {
    /// The index of the quoting article in `sources`.
    pub source: usize,
    /// The outlet.
    pub outlet: String,
    /// The quotation.
    pub quote: Quote,
    /// The other articles that carry it (verbatim, trimmed, altered or
    /// paraphrased), in input order; every other article is absent.
    /// [`QuoteSurvey::carried`] lists them all.
    pub carried: Vec<Carried>,
}

/// How one other article carries a quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carried {
    /// The other article's index in `sources`.
    #[serde(skip)]
    pub source: usize,
    /// The other article's outlet.
    pub outlet: String,
    /// The relation.
    pub status: QuoteStatus,
    /// The other article's words (its quotation, or the paraphrasing
    /// sentence), when it has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Their byte span `[start, end]` in the other cleaned article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// The speaker the other article names, when it quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Both name a speaker and the names differ.
    pub speaker_changed: bool,
    /// For a paraphrase found by meaning (the sentence retells the
    /// quotation in other words): the cosine between the quotation and the
    /// sentence. Absent when the words themselves matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
}

/// Every quotation of several articles, and how the others carry each.
/// Serialised (for `claimdiff quotes --format json`) with every other
/// article listed in each quotation's `carried`, absent ones included.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSurvey {
    /// The articles, in input order.
    pub sources: Vec<SourceInfo>,
    /// The quotations, article by article in text order.
    pub quotes: Vec<SurveyEntry>,
}

impl QuoteSurvey {
    /// Every article but the quoting one, in input order, with how it
    /// carries the entry's quotation (`None`: absent).
    pub fn carried<'a>(&'a self, entry: &'a SurveyEntry) -> impl Iterator<Item = (usize, Option<&'a Carried>)> + 'a {
        let mut found = entry.carried.iter().peekable();
        (0..self.sources.len()).filter(move |&j| j != entry.source).map(move |j| (j, found.next_if(|c| c.source == j)))
    }
}

impl Serialize for QuoteSurvey {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Entry<'a> {
            source: usize,
            outlet: &'a str,
            #[serde(flatten)]
            quote: &'a Quote,
            carried: CarriedList<'a>,
        }
        struct CarriedList<'a>(&'a QuoteSurvey, &'a SurveyEntry);
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Item<'a> {
            Found(&'a Carried),
            Absent { outlet: &'a str, status: QuoteStatus, speaker_changed: bool },
        }
        impl Serialize for CarriedList<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let survey = self.0;
                ser.collect_seq(survey.carried(self.1).map(|(j, c)| match c {
                    Some(c) => Item::Found(c),
                    None => Item::Absent {
                        outlet: &survey.sources[j].outlet,
                        status: QuoteStatus::Absent,
                        speaker_changed: false,
                    },
                }))
            }
        }
        struct Entries<'a>(&'a QuoteSurvey);
        impl Serialize for Entries<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                let survey = self.0;
                ser.collect_seq(survey.quotes.iter().map(|e| Entry {
                    source: e.source,
                    outlet: &e.outlet,
                    quote: &e.quote,
                    carried: CarriedList(survey, e),
                }))
            }
        }
        let mut st = ser.serialize_struct("QuoteSurvey", 2)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("quotes", &Entries(self))?;
        st.end()
    }
}
