//! Agency copy in takes: the timed slug that opens each take, and the takes
//! of one agency story read as one article.
//!
//! A wire story arrives as several takes: a first take, `Page 2`, `Page
//! 3`, a substitute that replaces an earlier page, an empty closing take.
//! Each opens with a timed slug (`11:20 17/03/25: Page 2 (HHH) COURTS
//! Tolley`), and a continuation take often has its first sentence glued to
//! the slug on the same line. [`timed_slug`] parses the slug and says where
//! the prose after it begins (the cleaner cuts the slug and keeps the
//! prose); [`merge`] joins the takes of one story (same catchline, same
//! day) into one article, in page order, each substitute in place of the
//! page it replaces.

use super::Article;
use serde::Serialize;

/// What a take's slug says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Take {
    /// The story's catchline with its category (`COURTS Tolley`): the takes
    /// of one story share it.
    pub catchline: String,
    /// The slug's date as written (`17/03/25`).
    pub date: String,
    /// The slug's time as written (`11:20`).
    pub time: String,
    /// The page (`Page 2`), if the slug gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// A substitute, correction or write-through: it replaces the earlier
    /// take of the same page.
    pub replaces: bool,
}

/// Words between the catchline and the headline or prose that mark a take's
/// kind. Those that replace an earlier take come first.
const REPLACING: &[&str] = &["substitute", "sub", "correction", "corrected", "correcting", "writethru", "repeat"];
const KINDS: &[&str] =
    &["nightlead", "lead", "newlead", "urgent", "flash", "update", "updated", "advisory", "embargoed"];

/// A word with two or more letters, all capitals (`COURTS`, `GM`, `U.K.`).
fn all_caps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.into_iter().all(char::is_uppercase)
}

/// A word of a capitals headline: all capitals, or a figure or mark
/// (`QUARRY`, `£5M`, `-`).
fn headline_word(w: &str) -> bool {
    all_caps(w) || !w.chars().any(char::is_lowercase)
}

/// A time (`09:12`) or a numeric date (`14/06/24`), the two tokens that open
/// a timed slug, as `clean` recognises them.
fn time_and_date(a: &str, b: &str) -> Option<(String, String)> {
    let t = |w: &str| w.trim_end_matches([':', ',', ';']).to_owned();
    let (a, b) = (t(a), t(b));
    if is_time(&a) && is_numeric_date(&b) {
        Some((a, b))
    } else if is_numeric_date(&a) && is_time(&b) {
        Some((b, a))
    } else {
        None
    }
}

/// Parses a line that opens with a timed slug: time, date, `Page N`, a
/// desk code `(HHH)`, a category in capitals and a catchline, words such as
/// `Substitute`, then a headline in capitals. Returns the take and the rest
/// of the line after the slug (empty when the slug is the whole line; the
/// first sentence of the take when it is glued on).
pub fn timed_slug(line: &str) -> Option<(Take, &str)> {
    // A time and a numeric date both open with a digit; the cleaner asks
    // of every line, so others are turned away before any word is split.
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Words with their byte offsets.
    let words: Vec<(usize, &str)> =
        line.split_whitespace().map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w)).collect();
    let word = |k: usize| words.get(k).map(|x| x.1);
    let (time, date) = time_and_date(word(0)?, word(1)?)?;
    let mut take = Take { time, date, ..Take::default() };
    let mut k = 2;
    if let (Some(p), Some(n)) = (word(k), word(k + 1)) {
        if matches!(p, "Page" | "PAGE" | "Pg" | "PG") {
            if let Ok(n) = n.trim_end_matches([':', ',']).parse::<u32>() {
                take.page = Some(n);
                k += 2;
            }
        }
    }
    if word(k).is_some_and(|w| w.starts_with('(') && w.ends_with(')') && all_caps(w)) {
        k += 1;
    }
    // The category in capitals, then the catchline (one word, any case).
    if word(k).is_some_and(all_caps) && word(k + 1).is_some() {
        take.catchline = format!("{} {}", word(k)?, word(k + 1)?);
        k += 2;
    }
    while let Some(w) = word(k) {
        let lower = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if REPLACING.contains(&lower.as_str()) {
            take.replaces = true;
        } else if !KINDS.contains(&lower.as_str()) {
            break;
        }
        k += 1;
    }
    // A headline in capitals: two or more such words (one could be the
    // first word of a sentence: "US officials said ...").
    let caps = words[k.min(words.len())..].iter().take_while(|x| headline_word(x.1)).count();
    if caps >= 2 {
        k += caps;
    }
    let rest = words.get(k).map_or("", |&(at, _)| &line[at..]);
    Some((take, rest))
}

/// Whether the text after a slug is prose: three words or more, some of
/// them in lower case.
pub fn is_prose(rest: &str) -> bool {
    rest.split_whitespace().count() >= 3 && rest.chars().any(char::is_lowercase)
}

/// Joins the takes of each agency story among `articles` into one article:
/// articles whose slugs share a catchline and a date, two or more of them.
/// Pages are read in order; a take that replaces (a substitute, a
/// correction) stands in place of the earlier take of its page, as does a
/// later take of a page already sent. The joined article keeps the first
/// take's metadata and its place among the articles. Returns the articles
/// and one note per joined story saying which takes it holds and which
/// were replaced.
pub fn merge(articles: Vec<Article>) -> (Vec<Article>, Vec<String>) {
    let key = |a: &Article| {
        a.meta.take.as_ref().filter(|t| !t.catchline.is_empty()).map(|t| (t.catchline.clone(), t.date.clone()))
    };
    let mut groups: Vec<((String, String), Vec<usize>)> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(k) = key(a) {
            match groups.iter_mut().find(|g| g.0 == k) {
                Some(g) => g.1.push(i),
                None => groups.push((k, vec![i])),
            }
        }
    }
    groups.retain(|g| g.1.len() >= 2);
    if groups.is_empty() {
        return (articles, Vec::new());
    }
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    let mut notes = Vec::new();
    let mut joined: Vec<(usize, Article)> = Vec::new();
    for ((catchline, date), members) in groups {
        // In the order sent: each page's latest take stands.
        let mut pages: Vec<Article> = Vec::new();
        let mut replaced: Vec<String> = Vec::new();
        for &i in &members {
            let Some(a) = slots[i].take() else { continue };
            let page = a.meta.take.as_ref().and_then(|t| t.page);
            match pages.iter().position(|p| page.is_some() && p.meta.take.as_ref().and_then(|t| t.page) == page) {
                Some(at) => {
                    let old = std::mem::replace(&mut pages[at], a);
                    replaced.push(format!(
                        "{} (replaced by {})",
                        crate::error::shown(&old.meta.path),
                        crate::error::shown(&pages[at].meta.path)
                    ));
                }
                None => pages.push(a),
            }
        }
        // Stable: takes without a page keep their place after those with one.
        pages.sort_by_key(|a| a.meta.take.as_ref().and_then(|t| t.page).unwrap_or(u32::MAX));
        let held: Vec<String> = pages.iter().map(|a| crate::error::shown(&a.meta.path).to_string()).collect();
        let mut note = format!("takes of {catchline} {date} read as one reference: {}", held.join(", "));
        if !replaced.is_empty() {
            note.push_str(&format!("; {}", replaced.join(", ")));
        }
        notes.push(note);
        let mut it = pages.into_iter();
        let Some(first) = it.next() else { continue };
        joined.push((members[0], join(first, it)));
    }
    for (at, a) in joined {
        slots[at] = Some(a);
    }
    (slots.into_iter().flatten().collect(), notes)
}

/// One article of several takes, in the order given.
fn join(mut first: Article, rest: impl Iterator<Item = Article>) -> Article {
    for a in rest {
        if !first.text.ends_with("\n\n") {
            first.text.push('\n');
        }
        first.text.push_str(&a.text);
        first.warnings.extend(a.warnings);
    }
    first
}

/// `09:12`, `9.12`, `09:12:30`, `9:12am`.
pub(super) fn is_time(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let t = ["a.m.", "p.m.", "am", "pm"].iter().find_map(|s| lower.strip_suffix(s)).unwrap_or(&lower);
    let sep = if t.contains(':') { ':' } else { '.' };
    let parts: Vec<&str> = t.split(sep).collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    parts[0].len() <= 2
        && parts[0].parse::<u8>().is_ok_and(|h| h <= 24)
        && parts[1..].iter().all(|p| p.len() == 2 && p.parse::<u8>().is_ok_and(|m| m <= 59))
}

/// `14/06/24`, `14.06.2024`, `2024-06-14`.
pub(super) fn is_numeric_date(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(sep) = t.chars().find(|c| matches!(c, '/' | '.' | '-')) else { return false };
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    matches!(lens.as_slice(), [1 | 2, 1 | 2, 2 | 4] | [4, 1 | 2, 1 | 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_glued_to_prose_is_parsed_and_the_prose_kept() {
        let line =
            "12:30 03/04/00: Page 2 (HHH) COURTS GM Substitute Mr Farmer told the court the family became aware.";
        let (take, rest) = timed_slug(line).unwrap();
        assert_eq!(
            take,
            Take {
                catchline: "COURTS GM".into(),
                date: "03/04/00".into(),
                time: "12:30".into(),
                page: Some(2),
                replaces: true
            }
        );
        assert_eq!(rest, "Mr Farmer told the court the family became aware.");
        assert!(is_prose(rest));
    }

    #[test]
    fn a_first_take_slug_with_its_capitals_headline_is_all_slug() {
        let (take, rest) =
            timed_slug("09:12 14/06/24: Page 1 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF CHARGES").unwrap();
        assert_eq!((take.catchline.as_str(), take.page, take.replaces), ("COURTS Quarry", Some(1), false));
        assert_eq!(rest, "");
        // A headline in capitals before glued prose goes with the slug.
        let (_, rest) =
            timed_slug("09:12 14/06/24: Page 1 (HHH) COURTS Quarry BOSS CLEARED The managing director was cleared.")
                .unwrap();
        assert_eq!(rest, "The managing director was cleared.");
        // One capitalised word is the sentence's own ("US officials ...").
        let (_, rest) =
            timed_slug("09:12 14/06/24: Page 3 (HHH) POLITICS Trade US officials said talks would resume.").unwrap();
        assert_eq!(rest, "US officials said talks would resume.");
    }

    #[test]
    fn lines_that_do_not_open_with_a_time_and_date_are_not_slugs() {
        assert!(timed_slug("At 12:30 on 03/04/00 the court heard from Mr Farmer.").is_none());
        assert!(timed_slug("12:30").is_none());
        assert!(!is_prose("COURTS"));
    }

    fn take(name: &str, page: Option<u32>, replaces: bool, text: &str) -> Article {
        let mut a = Article::from_text(name, text).unwrap();
        a.meta.take = Some(Take {
            catchline: "COURTS Tolley".into(),
            date: "17/03/25".into(),
            time: "11:00".into(),
            page,
            replaces,
        });
        a
    }

    #[test]
    fn takes_join_in_page_order_with_substitutes_in_place() {
        let other = Article::from_text("paper", "A paper's own story about something else.\n").unwrap();
        let articles = vec![
            other,
            take("p1", Some(1), false, "Page one.\n"),
            take("p3", Some(3), false, "Page three.\n"),
            take("p2", Some(2), false, "Page two, first sent.\n"),
            take("p2sub", Some(2), true, "Page two, substitute.\n"),
        ];
        let (out, notes) = merge(articles);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].meta.outlet, "paper");
        assert_eq!(out[1].meta.outlet, "p1");
        assert_eq!(out[1].text, "Page one.\n\nPage two, substitute.\n\nPage three.\n");
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("p1, p2sub, p3") && notes[0].contains("p2 (replaced by p2sub)"), "{notes:?}");
        // Different catchlines, or a single take, are left alone.
        let (out, notes) = merge(vec![take("p1", Some(1), false, "One.\n")]);
        assert_eq!((out.len(), notes.len()), (1, 0));
    }
}
