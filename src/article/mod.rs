//! Articles: the input side of the pipeline.
//!
//! [`load`] is the only module that reads input (files, stdin, folders,
//! JSONL); [`clean`] turns raw text into an [`Article`]: metadata from front
//! matter or the file name, boilerplate lines dropped and recorded;
//! [`takes`] reads agency slugs and joins the takes of one wire story.

pub mod clean;
pub mod dates;
pub mod extract;
pub mod load;
pub mod nesting;
pub mod takes;
pub mod web;

use serde::Serialize;
use std::path::PathBuf;

/// Where an article came from and what it says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The outlet's name: front matter `outlet:`, else the file stem.
    pub outlet: String,
    /// The headline, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date as written (ISO `YYYY-MM-DD` where known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The article's URL, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who wrote it (front matter `byline:`/`author:`, a web page's
    /// author), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// A wire dateline lifted off the first paragraph ("LONDON (Reuters)",
    /// "PARIS, June 3 (AFP)", "(Reuters)"), without its dash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The input path (`-` for stdin; `FILE:LINE` for a JSONL record).
    pub path: PathBuf,
    /// Agency copy: what the first timed slug line says about the take
    /// (catchline, date, page, whether it replaces an earlier take).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub take: Option<takes::Take>,
}

/// A line the cleaner removed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedLine {
    /// 1-based line number in the raw input.
    pub line: usize,
    /// The line as it was, less any control characters (for
    /// [`DropReason::ControlCharacters`], the count of those removed).
    pub text: String,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// Why the cleaner dropped a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Part of the `---` front-matter block (its values became metadata).
    FrontMatter,
    /// A ` date YYYY-MM-DD ` prefix glued to the first paragraph (it became
    /// the date).
    DatePrefix,
    /// A headline printed again right after itself.
    RepeatedHeadline,
    /// A section label alone on a line ("Business").
    SectionLabel,
    /// An advertisement marker.
    Advertisement,
    /// A photo caption or credit.
    PhotoCaption,
    /// A related-article link line (`| headline`, "Also Read: ...").
    RelatedLink,
    /// Social, newsletter or sharing prompts ("Follow us on ...").
    SocialPrompt,
    /// A reader-comment form footer ("Leave A Reply" and what follows).
    CommentForm,
    /// An agency slug or catchline: a line opening with a time and a date
    /// (`09:12 14/06/24: Page 1 (HHH) COURTS Quarry ...`), or a short
    /// all-capitals line carrying slug codes (`Page 1`, `(HHH)`, `BC-`).
    SlugLine,
    /// A time or date alone on its line (`10:05 BST 14/06/2024`).
    Timestamp,
    /// A byline or agency credit line ("By Jane Hollis, PA News",
    /// "(Reporting by ...; Editing by ...)").
    Byline,
    /// A wire end or continuation marker alone on its line (`ENDS`, `MORE`,
    /// `-more-`, `# # #`, `(END)`).
    EndMarker,
    /// A wire dateline opening the first paragraph (`LONDON (Reuters) - `);
    /// it became [`Meta::dateline`].
    Dateline,
    /// Control characters removed from the text (one record per file, on
    /// the line of the first, with the count).
    ControlCharacters,
    /// An editor's note ("Editor's note: ...", "Note to editors: ...") and
    /// the rest of its paragraph.
    EditorsNote,
    /// A line with no letters or digits (`* * *`, a lone dash), or only
    /// markup tags (an embed's `<tweet tweet-id="..."><tweet/>`): it would
    /// make a sentence with no words.
    NoWords,
    /// A site's navigation brought in with a web page's article: a menu of
    /// short lines above the page's headline printed again, or a run of
    /// other stories' teaser headlines cut short (`..`, `…`).
    Navigation,
}

impl DropReason {
    /// A short human description.
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::FrontMatter => "front matter",
            DropReason::DatePrefix => "date prefix",
            DropReason::RepeatedHeadline => "repeated headline",
            DropReason::SectionLabel => "section label",
            DropReason::Advertisement => "advertisement",
            DropReason::PhotoCaption => "photo caption",
            DropReason::RelatedLink => "related link",
            DropReason::SocialPrompt => "social prompt",
            DropReason::CommentForm => "comment form",
            DropReason::SlugLine => "slug line",
            DropReason::Timestamp => "timestamp",
            DropReason::Byline => "byline",
            DropReason::EndMarker => "end marker",
            DropReason::Dateline => "dateline",
            DropReason::ControlCharacters => "control characters",
            DropReason::EditorsNote => "editor's note",
            DropReason::NoWords => "no words",
            DropReason::Navigation => "navigation",
        }
    }
}

/// A cleaned article, ready for segmentation.
#[derive(Debug, Clone)]
pub struct Article {
    /// Metadata.
    pub meta: Meta,
    /// The cleaned text. Sentence spans index into this string.
    pub text: String,
    /// Lines the cleaner removed.
    pub dropped: Vec<DroppedLine>,
    /// Non-fatal problems (lossy decoding, odd front matter).
    pub warnings: Vec<String>,
}

/// The articles whose cleaned text is exactly an earlier article's:
/// `(earlier, later)` index pairs, in input order, each later article once.
pub fn identical(articles: &[Article]) -> Vec<(usize, usize)> {
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        match first.entry(a.text.trim()) {
            std::collections::hash_map::Entry::Occupied(e) => out.push((*e.get(), i)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
    out
}

/// Articles that name one outlet (its name compared without case or
/// surrounding space): each group's indices in input order, groups in the
/// order of their first article; outlets named once are left out.
pub fn same_outlet(articles: &[Article]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let key = a.meta.outlet.trim().to_lowercase();
        let g = *at.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// The default sentence budget for one article: 1,000,000 sentences. The
/// heaviest command (`compare` of three or more articles) holds about
/// 1.7 KB per one-word sentence (2.1 KB per five-word one, 2.7 KB per
/// twelve-word one in a pairwise compare), so the budget keeps a run under
/// about 3 GB; an ordinary article has a few hundred, and 64 MiB of
/// news prose (the default size limit) about 600,000. See BENCHMARKS.md,
/// "Memory".
pub const DEFAULT_MAX_SENTENCES: usize = 1_000_000;

/// Raw inputs cleaned, in parallel, each held to `max_sentences`
/// ([`Article::within_sentences`]); in order, an error where an input
/// could not be read or cleaned.
pub fn clean_all(items: Vec<crate::Result<load::RawInput>>, max_sentences: usize) -> Vec<crate::Result<Article>> {
    use rayon::prelude::*;
    items
        .into_par_iter()
        .map(|item| item.and_then(clean::clean).and_then(|a| a.within_sentences(max_sentences)))
        .collect()
}

impl Article {
    /// The article, if its text has at most `max` sentences; else
    /// [`crate::Error::TooManySentences`]. Counting stops at the first
    /// sentence over the budget, so refusing a huge input is quick.
    ///
    /// Text without sentence punctuation is cut into sentence-sized pieces
    /// (see [`crate::segment::MAX_SENTENCE_BYTES`]); the article then carries
    /// a warning saying so.
    pub fn within_sentences(mut self, max: usize) -> crate::Result<Article> {
        match crate::segment::split_within(&self.text, max) {
            Some(s) => {
                let what = self.meta.path.display().to_string();
                self.warnings.extend(crate::segment::cut_long_warning(&what, s.cut_long));
                Ok(self)
            }
            None => Err(crate::Error::TooManySentences { path: self.meta.path.clone(), limit: max }),
        }
    }

    /// Cleans in-memory text as if it were a file named after `outlet`:
    /// convenient for library users and tests.
    pub fn from_text(outlet: &str, text: &str) -> crate::Result<Article> {
        let raw = load::RawInput {
            meta: Meta { outlet: outlet.to_owned(), path: PathBuf::from(outlet), ..Meta::default() },
            text: text.to_owned(),
            warnings: Vec::new(),
        };
        clean::clean(raw)
    }
}
