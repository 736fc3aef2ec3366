//! What kind of sentence a one-outlet sentence is, for the summary's
//! ranking: background history (it opens on, or names only, years well
//! before the story's), the writer's own aside (a first person outside
//! quotation marks), a headline set in title case, and a quotation that
//! carries on from the sentence before it; and the year a story is set in.

use std::collections::HashMap;

/// Whether a sentence opens on a time in a given year ("In 2004 a massive
/// tremor ...", "In September 2009, ...", "Since 1986 ..."): background
/// history, as a news story sets it out.
pub(super) fn opens_in_a_past_year(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().take(4).collect();
    let opener = words.first().is_some_and(|w| matches!(*w, "In" | "By" | "Since" | "Until" | "During" | "Back"));
    let year = |w: &&str| crate::lexicon::is_year(w.trim_end_matches([',', ';']));
    opener && words[1..].iter().take(2).any(year)
}

/// The years a text names ("1984", "2008,"), in order.
fn years(text: &str) -> impl Iterator<Item = u16> + '_ {
    text.split(|c: char| !c.is_ascii_digit()).filter(|w| crate::lexicon::is_year(w)).filter_map(|w| w.parse().ok())
}

/// How many years before the story's a year must be for a sentence naming
/// it to be history: a contract awarded three years ago and revealed today
/// is news.
const HISTORY_YEARS: u16 = 5;

/// Whether a sentence names years and every one of them is at least
/// [`HISTORY_YEARS`] before the story's year ("Perot sold EDS to General
/// Motors in 1984", "The company lost $1.7 billion in 2003" in a 2008
/// story): background history.
pub(super) fn only_past_years(sentence: &str, now: Option<u16>) -> bool {
    let Some(now) = now else { return false };
    // A weekday or "today" dates the sentence in the news itself ("The
    // deal, announced Tuesday, ... Hurd, who was hired in 2005").
    let current = sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        let w = w.to_lowercase();
        crate::lexicon::WEEKDAYS.contains(&w.as_str()) || matches!(w.as_str(), "today" | "yesterday" | "tonight")
    });
    if current {
        return false;
    }
    let mut named = false;
    for y in years(sentence) {
        if y + HISTORY_YEARS > now {
            return false;
        }
        named = true;
    }
    named
}

/// The year a story is set in: the latest year of its articles' dates, or
/// without dates, the latest year that two articles or more name (a year
/// one article alone names may be a plan or a forecast). `texts` gives each
/// sentence with its article's number.
pub(crate) fn story_year<'t>(
    dates: impl Iterator<Item = Option<&'t str>>,
    texts: impl Iterator<Item = (usize, &'t str)>,
) -> Option<u16> {
    let dated = dates.flatten().filter_map(|d| d.get(..4)?.parse::<u16>().ok()).max();
    if dated.is_some() {
        return dated;
    }
    // Year -> the first article naming it, and whether a second one does.
    let mut named: HashMap<u16, (usize, bool)> = HashMap::new();
    for (doc, text) in texts {
        for y in years(text) {
            let e = named.entry(y).or_insert((doc, false));
            e.1 |= e.0 != doc;
        }
    }
    named.into_iter().filter(|(_, (_, two))| *two).map(|(y, _)| y).max()
}

/// Whether the writer speaks in the first person outside quotation marks
/// ("CNN, where I host a weekly program, ..."): a column's aside.
pub(super) fn writer_speaks(sentence: &str) -> bool {
    let mut quoted = false;
    let mut outside = String::new();
    for c in sentence.chars() {
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ if !quoted => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> =
        outside.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| match *w {
        "my" | "me" | "My" => true,
        // "World War I", "Elizabeth I", "Phase I": a numeral after a name
        // (a capitalised word that does not open the sentence, nor a day or
        // a month: "On Tuesday I ...").
        "I" => {
            let prev = if i > 1 { words[i - 1] } else { "" };
            let lower = prev.to_lowercase();
            let when =
                crate::lexicon::WEEKDAYS.contains(&lower.as_str()) || crate::lexicon::MONTHS.contains(&lower.as_str());
            !prev.chars().next().is_some_and(char::is_uppercase) || when
        }
        _ => false,
    })
}

/// Whether a sentence is set in title case ("Ben Carson Slams Hillary And
/// The Media"): four or more words of four letters or more, nearly all
/// capitalised.
pub(super) fn reads_as_headline(sentence: &str) -> bool {
    let long: Vec<&str> =
        sentence.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised =
        long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    long.len() >= 4 && capitalised * 10 >= long.len() * 9
}

/// How many words of its own outside the quotation marks a sentence that
/// carries on a quotation may have.
const OWN_WORDS_MAX: usize = 3;

/// Whether a sentence is a quotation that names no speaker of its own (no
/// verb of saying and hardly a word outside its quotation marks): it
/// carries on from what comes before it, the rest of a quote or the words
/// of a statement just reported ("Business Insider also commented ..." /
/// "\u{201c}We do not have a formal relationship with him.\u{201d}").
pub(super) fn continues_quotation(sentence: &str) -> bool {
    // A closing mark left at the start (of the quotation before: tokenised
    // copy's '' or a mark set apart by a space) opens nothing; tokenised
    // copy's closing mark is a straight one.
    let t = sentence.trim();
    let t = t.strip_prefix("''").or_else(|| t.strip_prefix("\" ")).unwrap_or(t).trim_start().replace("''", "\"");
    let closes = t.trim_end_matches(|c: char| c.is_whitespace() || c == '.').ends_with(['"', '\u{201d}']);
    let opens = t.starts_with(['"', '\u{201c}']);
    if !closes && !opens {
        return false;
    }
    // A sentence that closes a quotation it does not open starts inside it.
    let count = |m: char| t.chars().filter(|&c| c == m).count();
    let mut quoted = closes && !opens && (count('\u{201d}') > count('\u{201c}') || count('"') % 2 == 1);
    let mut outside = String::new();
    for c in t.chars() {
        match c {
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            '"' => quoted = !quoted,
            _ if !quoted => outside.push(c),
            _ => {}
        }
    }
    // Words of the writer's own around the quotation ("McDermott sent out
    // the following message: ...") introduce it: not a continuation.
    let words: Vec<&str> = outside.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    words.len() <= OWN_WORDS_MAX
        && !words.iter().any(|w| crate::quote::is_speech_verb(w) || w.eq_ignore_ascii_case("according"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_year_is_the_latest_date_or_a_year_two_articles_name() {
        let texts = [(0, "The plant opened in 1962."), (1, "It opened in 1962."), (0, "It will close by 2030.")];
        assert_eq!(story_year([None, None].into_iter(), texts.into_iter()), Some(1962));
        assert_eq!(story_year([Some("2008-05-13"), None].into_iter(), texts.into_iter()), Some(2008));
        assert_eq!(story_year(std::iter::empty(), [(0, "In 1984 and 1990.")].into_iter()), None);
    }

    #[test]
    fn a_quotation_without_a_speaker_carries_on() {
        for q in [
            "\u{201c}We do not have a formal relationship with him, but we enjoy his columns.\u{201d}",
            "Republicans are now squandering even more taxpayer dollars on this.\u{201d}",
            "\"They are spending their final days here climbing all over each other.",
        ] {
            assert!(continues_quotation(q), "{q}");
        }
        for s in [
            "\u{201c}We do not have a formal relationship with him,\u{201d} the company said.",
            "\"It is over,\" Cummings told reporters on Monday.",
            "Business Insider also commented on his future as a contributor.",
            "Cummings said, \"It is over.\"",
            "\"I feel sorry for the young, \" said Tsikala Stephania, a public sector worker.",
            "\"A strike would be nothing short of horrible, '' said Ron Howard.",
            "'' The statement said the company was founded 12 years ago.",
            "\" Mark Gatiss added to the messages : \"Thrilling, moving, beyond exciting.",
            "He sent out the following message on Twitter: \u{201c}I will be returning.\u{201d}",
            "According to the company, \"there is no formal relationship.\"",
        ] {
            assert!(!continues_quotation(s), "{s}");
        }
    }
}
