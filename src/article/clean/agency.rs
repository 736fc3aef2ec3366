//! Agency (wire) copy furniture: slug lines, timestamps, bylines and
//! credits, end markers, editor's notes, and the dateline. Each rule
//! matches the shape of a whole line (a short line of its own), never the
//! opening words of prose: "By Monday, the union had ..." and "More than 60
//! people ..." are sentences of the story.

use super::shape::{at_most_breaks, ends_sentence, head, lower_if_short};
use crate::article::takes::{is_numeric_date, is_time};
use crate::article::DropReason;
use crate::text::at_most_words;

/// The most words an editor's note line may have.
const EDITORS_NOTE_MAX_WORDS: usize = 60;

/// The most sentence breaks inside an editor's note line.
const EDITORS_NOTE_MAX_BREAKS: usize = 2;

/// Which kind of agency furniture a non-empty line is, if any.
pub(super) fn wire_furniture(line: &str, seen_content: bool) -> Option<DropReason> {
    if is_end_marker(line) {
        return Some(DropReason::EndMarker);
    }
    if !line.chars().any(char::is_alphanumeric) || super::markup_only(line) {
        return Some(DropReason::NoWords);
    }
    if is_timestamp(line) {
        return Some(DropReason::Timestamp);
    }
    if is_slug_line(line) {
        return Some(DropReason::SlugLine);
    }
    if is_byline(line, seen_content)
        || is_credit_line(line)
        || is_contributor_line(line)
        || (seen_content && is_signature(line))
    {
        return Some(DropReason::Byline);
    }
    // A note drops its paragraph, so a long line that opens like one (a
    // whole article on one line) is prose.
    if editors_note(line).is_some()
        && at_most_words(line, EDITORS_NOTE_MAX_WORDS)
        && at_most_breaks(line, EDITORS_NOTE_MAX_BREAKS)
    {
        return Some(DropReason::EditorsNote);
    }
    None
}

/// `ENDS`, `end`, `MORE`, `-more-`, `(END)`, `More to follow`, `- 30 -`,
/// `# # #`, alone on the line.
fn is_end_marker(line: &str) -> bool {
    let t = line.trim();
    if t.len() >= 3 && t.chars().all(|c| c == '#' || c.is_whitespace()) {
        return true;
    }
    let core = t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '(' | ')' | '[' | ']' | '*' | '.' | '=' | '_')
    });
    let Some(core) = lower_if_short(core, "more to follow".len()) else { return false };
    let core = core.as_str();
    match core {
        "end" | "ends" | "endit" | "more" | "more to follow" | "more follows" => true,
        // The telegraph's end mark, only between dashes.
        "30" => t.starts_with('-'),
        _ => false,
    }
}

/// A slug or catchline: a line opening with a time and a date (`09:12
/// 14/06/24: Page 1 (HHH) COURTS Quarry ...`), an AP slug (`BC-EU--Quarry`),
/// or a short, mostly capitalised line without closing punctuation that
/// carries a slug code (`Page 1`, `(HHH)`, `--`).
fn is_slug_line(line: &str) -> bool {
    let mut head = line.split_whitespace();
    fn token(w: &str) -> &str {
        w.trim_end_matches([':', ',', ';'])
    }
    if let (Some(a), Some(b)) = (head.next(), head.next()) {
        let (a, b) = (token(a), token(b));
        if (is_time(a) && is_numeric_date(b)) || (is_numeric_date(a) && is_time(b)) {
            return true;
        }
    }
    if at_most_words(line, 1) && (line.starts_with("BC-") || line.contains("--")) && line.contains(char::is_alphabetic)
    {
        return true;
    }
    if ends_sentence(line) || !at_most_words(line, 25) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let page = words.windows(2).any(|w| {
        matches!(w[0], "Page" | "PAGE" | "Pg" | "PG" | "p" | "P")
            && w[1].trim_end_matches([':', ',']).parse::<u32>().is_ok()
    });
    let code = words.iter().any(|w| {
        let inner = w.trim_end_matches([':', ',']).strip_prefix('(').and_then(|x| x.strip_suffix(')'));
        inner.is_some_and(|x| {
            (2..=6).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }) || w.starts_with("BC-")
            || w.contains("--")
    });
    if !(page || code) {
        return false;
    }
    let lettered: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).collect();
    let caps = lettered.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)).count();
    caps >= 2 && caps * 2 >= lettered.len()
}

/// A time or date alone on its line, with at most "Updated", "First
/// published", "on", "at", a weekday, a time zone: `10:05 BST 14/06/2024`,
/// `Updated: June 14, 2024 10:05 a.m. EDT`, `2024-06-14T09:12:00Z`. A date
/// needs its day, month and year. Up to five other words (another
/// language's, a label) go with a time and its date, two with a numeric
/// date (a byline), when the line is no sentence.
fn is_timestamp(line: &str) -> bool {
    // A time, a date and a day all hold a digit.
    // (A branch-free pass, so that it runs a vector at a time.)
    if !line.bytes().fold(false, |seen, b| seen | b.is_ascii_digit()) {
        return false;
    }
    let (mut time, mut date, mut month, mut day, mut year) = (false, false, false, false, false);
    let mut other = 0;
    for raw in line.split_whitespace() {
        let t = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '|' | '(' | ')' | '[' | ']'));
        if t.is_empty() || matches!(t, "-" | "\u{2013}" | "\u{2014}" | "/") {
            continue;
        }
        // On the stack when short and ASCII (this runs on every word of a
        // line with a digit until six are read).
        let lower = super::shape::Lower::new(t);
        let word = lower.as_str().trim_end_matches('.');
        if is_time(t) || t.split_once('T').is_some_and(|(d, tm)| is_numeric_date(d) && is_time(strip_zone(tm))) {
            time = true;
        } else if is_numeric_date(t) {
            date = true;
        } else if month_word(word) {
            month = true;
        } else if t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y)) {
            year = true;
        } else if day_number(word) {
            day = true;
        } else if !(is_zone(t)
            || crate::lexicon::WEEKDAYS.iter().any(|d| word == *d || (word.len() >= 3 && d.starts_with(word)))
            || matches!(
                word,
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "at"
                    | "on"
                    | "updated"
                    | "published"
                    | "posted"
                    | "first"
                    | "last"
                    | "modified"
            ))
        {
            // A word of another language or a name ("By admin - 2018-09-16",
            // "sexta-feira, 22 de outubro de 2010 às 20:13", "기사입력 :[
            // 2018-08-25 15:24 ]"): counted, and a few allowed below.
            other += 1;
            if other > 5 {
                return false;
            }
        }
    }
    if other == 0 {
        return time || date || (month && day && year);
    }
    // With a few other words, a time with its date, or a numeric date with
    // at most two words (a byline), on a line that is no sentence.
    // (A slug opens with a time and a date too, `09:12 14/06/24 COURTS
    // Quarry`: it is one.)
    let stamped = (time && (date || (day && year)) && other <= 5) || (date && other <= 2);
    stamped && !super::shape::ends_sentence(line) && !is_slug_line(line)
}

/// An ISO time's zone suffix removed: `09:12:00Z`, `09:12+01:00`.
fn strip_zone(t: &str) -> &str {
    let t = t.strip_suffix('Z').unwrap_or(t);
    match t.rfind(['+', '-']) {
        Some(k) if k > 0 => &t[..k],
        _ => t,
    }
}

fn is_zone(t: &str) -> bool {
    const ZONES: &[&str] = &[
        "GMT", "BST", "UTC", "CET", "CEST", "EET", "EEST", "WET", "WEST", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT",
        "MST", "MDT", "PT", "PST", "PDT", "IST", "PKT", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "MSK", "Z",
    ];
    ZONES.contains(&t) || ["GMT+", "GMT-", "UTC+", "UTC-"].iter().any(|p| t.starts_with(p))
}

/// A month's name or its abbreviation (`jun`, `sept`), lower-cased.
fn month_word(word: &str) -> bool {
    // Every month opens with one of these letters: most words are turned
    // away before any comparison.
    word.as_bytes().first().is_some_and(|b| b"jfmasond".contains(b))
        && crate::lexicon::MONTHS.iter().any(|m| word == *m || (word.len() >= 3 && m.starts_with(word)))
}

/// `14`, `3rd`, `21st` (lower-cased).
fn day_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Wire agencies, lower-cased, as they appear in datelines and bylines.
const AGENCIES: &[&str] = &[
    "reuters",
    "reuters health",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "pa",
    "pa media",
    "pa news",
    "press association",
    "the press association",
    "bloomberg",
    "dow jones",
    "dpa",
    "upi",
    "ansa",
    "efe",
    "xinhua",
    "kyodo",
    "kyodo news",
    "yonhap",
    "tass",
    "interfax",
    "anadolu",
    "anadolu agency",
    "pti",
    "ians",
    "ani",
    "app",
    "aap",
    "cp",
    "the canadian press",
    "canadian press",
    "nzpa",
    "bernama",
    "antara",
    "belga",
    "anp",
];

/// Photo agencies that credit pictures but file no copy.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "epa",
    "epa-efe",
    "shutterstock",
    "alamy",
    "ap photo",
    "afp/getty images",
    "rex",
    "zuma",
];

/// A photo credit alone on its line: who took or handed out the picture,
/// a slash, and the agency ("Handout/Reuters.", "POOL New/Reuters", "Jane
/// Doe/Getty Images").
pub(super) fn is_photo_credit(line: &str) -> bool {
    // A line with no slash is turned away by one fast search; otherwise the
    // slash must stand within the first four words (at most three before it).
    if memchr::memchr(b'/', line.as_bytes()).is_none() || !line.split_whitespace().take(4).any(|w| w.contains('/')) {
        return false;
    }
    let l = line.trim().trim_end_matches('.');
    let Some((who, agency)) = l.rsplit_once('/') else { return false };
    let agency = agency.trim();
    !who.trim().is_empty()
        && at_most_words(who, 3)
        && who.trim_start().starts_with(char::is_uppercase)
        && (is_agency(agency) || PHOTO_AGENCIES.contains(&agency.to_lowercase().as_str()))
}

/// A wire agency's name, or several joined by `/`, `,` or " and "
/// (`Reuters/AP`).
fn is_agency(name: &str) -> bool {
    let lower = name.to_lowercase();
    let parts: Vec<&str> =
        lower.split(['/', ',']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    !parts.is_empty() && parts.iter().all(|p| AGENCIES.contains(p))
}

/// A wire dateline opening `line`: `LONDON (Reuters) - `, `PARIS, June 3
/// (AFP) - `, `WASHINGTON (AP) — ` or a bare `(Reuters) - `. The place is in
/// capitals, the name in brackets a wire agency, and a dash follows. Returns
/// the dateline without its dash, and the rest of the line.
pub(super) fn dateline(line: &str) -> Option<(&str, &str)> {
    let s = line.trim_start();
    let open = s.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + s[open..].find(')')?;
    if !is_agency(&s[open + 1..close]) {
        return None;
    }
    let place = s[..open].trim();
    if !place.is_empty() && !is_dateline_place(place) {
        return None;
    }
    let after = s[close + 1..].trim_start();
    let rest = ["--", "-", "\u{2013}", "\u{2014}"].iter().find_map(|d| after.strip_prefix(d))?;
    Some((s[..=close].trim(), rest.trim_start()))
}

/// `LONDON`, `RIO DE JANEIRO`, `ST. LOUIS, June 3`, `PARIS, FRANCE`,
/// `BERLIN, 3 June 2024`.
fn is_dateline_place(place: &str) -> bool {
    let caps = |p: &str| {
        let words = p.split_whitespace().count();
        (1..=4).contains(&words)
            && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && p.chars().all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
    };
    let (name, rest) = match place.split_once(',') {
        Some((n, r)) => (n.trim(), Some(r.trim())),
        None => (place, None),
    };
    caps(name)
        && rest.is_none_or(|r| {
            let words: Vec<String> =
                r.split([' ', ',']).filter(|w| !w.is_empty()).map(|w| w.to_lowercase().replace('.', "")).collect();
            caps(r)
                || ((1..=4).contains(&words.len())
                    && words.iter().any(|w| month_word(w))
                    && words.iter().all(|w| month_word(w) || day_number(w) || w.parse::<u16>().is_ok()))
        })
}

/// A word of a person's name: capitalised (`Hollis`, `O'Neill`, `J.`,
/// `HOLLIS`).
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
}

/// Lower-case words that may sit inside names and credits.
const NAME_PARTICLES: &[&str] =
    &["and", "&", "de", "van", "von", "der", "den", "da", "di", "del", "du", "la", "le", "al", "bin", "el", "in", "at"];

/// A byline: `By Jane Hollis, PA News`, `By Jane Hollis, Press
/// Association`, `BY JANE HOLLIS Associated Press`, and (after the headline)
/// a plain `By Jane Hollis`. Every word after "By" is capitalised or a name
/// particle, the first is no weekday or month, and nothing closes a
/// sentence: "By Monday, the union had agreed." is prose.
fn is_byline(line: &str, seen_content: bool) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
    // "By Jane Hollis - 2019-04-10": a date after a dash or bar is the
    // byline's stamp.
    let stamped = [" - ", " | ", " \u{2014} "].iter().find_map(|sep| rest.rsplit_once(sep));
    let rest = match stamped {
        Some((who, when)) if crate::article::dates::normalize(when).is_some() => who.trim_end(),
        _ => rest,
    };
    if ends_sentence(line) || line.split_whitespace().count() > 16 {
        return false;
    }
    let mut parts = rest.split(',').map(str::trim);
    let name: Vec<&str> = parts.next().unwrap_or("").split_whitespace().collect();
    let Some(first) = name.first() else { return false };
    let first = first.to_lowercase();
    if !is_name_word(name[0])
        || month_word(&first)
        || crate::lexicon::WEEKDAYS.iter().any(|d| first.starts_with(d))
        || matches!(first.as_str(), "the" | "this" | "that" | "then" | "now" | "far" | "all" | "law" | "noon")
    {
        return false;
    }
    let credit_word = |w: &&str| is_name_word(w) || NAME_PARTICLES.contains(w) || matches!(*w, "of" | "for" | "the");
    if !name.iter().all(|w| is_name_word(w) || NAME_PARTICLES.contains(w)) || name.len() > 8 {
        return false;
    }
    let affiliation: Vec<&str> = parts.collect();
    if affiliation.iter().any(|p| p.is_empty() || !p.split_whitespace().all(|w| credit_word(&w))) {
        return false;
    }
    let names = name.iter().filter(|w| is_name_word(w)).count();
    !affiliation.is_empty() || is_agency(&name.join(" ")) || (seen_content && (2..=5).contains(&names))
}

/// The words of a credit line's roles, lower-cased.
const CREDIT_ROLES: &[&str] = &[
    "reporting",
    "additional",
    "writing",
    "editing",
    "compiled",
    "compiling",
    "research",
    "graphics",
    "production",
    "translation",
    "translated",
    "photos",
    "video",
    "and",
];

/// A Reuters-style credit line: `Reporting by Jane Hollis; Editing by Tom
/// Reed`, `(Reporting by X in Paris; editing by Y)`, `Additional reporting
/// by ...`. Each `;` part is a role, "by", and names (capitalised words and
/// particles): "Reporting by the Guardian found ..." is prose.
fn is_credit_line(line: &str) -> bool {
    let s = line.trim();
    let s = s.strip_prefix('(').map_or(s, |x| x.strip_suffix(')').unwrap_or(x));
    let s = s.trim_end_matches('.');
    // (No role holds a k, the one ASCII letter a non-ASCII one lower-cases
    // to: comparing ASCII case-insensitively is exact.)
    if !s.split_whitespace().next().is_some_and(|w| CREDIT_ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)))
        || !at_most_words(s, 40)
    {
        return false;
    }
    s.split(';').map(str::trim).all(|part| {
        let Some((role, names)) = part.split_once(" by ").or_else(|| part.split_once(" By ")) else { return false };
        let role = role.to_lowercase();
        let role_words: Vec<&str> = role.split_whitespace().collect();
        let names: Vec<&str> = names.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        (1..=3).contains(&role_words.len())
            && role_words.iter().all(|w| CREDIT_ROLES.contains(w))
            && names.first().is_some_and(|w| is_name_word(w))
            && names.iter().all(|w| is_name_word(w) || NAME_PARTICLES.contains(w) || *w == "from")
    })
}

/// A line that credits the story's other reporters and ends there:
/// `Associated Press writers Alan Fram and Zeke Miller contributed to this
/// report.`, `Jane Hollis in Paris contributed reporting.` One sentence,
/// opening on a capital, ending on the credit.
pub(super) fn is_contributor_line(line: &str) -> bool {
    let s = line.trim().trim_start_matches('(').trim_end_matches(')');
    let b = s.as_bytes();
    let ends = |e: &str| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes());
    let shaped = || s.starts_with(char::is_uppercase) && at_most_words(s, 50) && at_most_breaks(s, 0);
    if [
        "contributed to this report.",
        "contributed to this story.",
        "contributed reporting.",
        "contributed to this article.",
    ]
    .iter()
    .any(|e| ends(e))
        || reporting_from(s)
    {
        return shaped();
    }
    // Whereabouts need "reported from": found by one fast search of the
    // line before anything else is read.
    static REPORTED_FROM: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let finder = REPORTED_FROM.get_or_init(|| memchr::memmem::Finder::new(" reported from "));
    finder.find(s.as_bytes()).is_some() && shaped() && reporters_whereabouts(s)
}

/// A letter's signature on its own line, after the letter: a name of two
/// to four words ("Kenneth L. Zimmerman.", "John Baker."), or the writer's
/// town ("Huntington Beach, Calif."), or both ("Cathy Williams, Ohio."),
/// closed by a full stop. Every word capitalised (initials and state
/// abbreviations allowed), no weekday or month: a short sentence of a
/// story has a verb in lower case.
fn is_signature(line: &str) -> bool {
    let Some(body) = line.trim().strip_suffix('.') else { return false };
    // Five words at most (see the end): a paragraph of prose is turned
    // away before it is taken apart.
    if !at_most_words(body, 5) {
        return false;
    }
    let parts: Vec<&str> = body.split(", ").collect();
    if parts.len() > 2 {
        return false;
    }
    let words: Vec<&str> = parts.iter().flat_map(|p| p.split_whitespace()).collect();
    // Full stops inside: initials ("L.", "D.C."), and in the town's part a
    // state's abbreviation ("Calif."); any other word closed by one ends a
    // sentence ("Bigot. Racist. Psychopath.").
    let initials = |w: &str| w.split_terminator('.').all(|x| x.chars().count() == 1);
    let dots_ok = |w: &&str, abbreviation: bool| {
        !w.contains('.') || initials(w) || (abbreviation && w.ends_with('.') && w.chars().count() <= 6)
    };
    let last = parts.len() - 1;
    if !parts.iter().enumerate().all(|(k, p)| p.split_whitespace().all(|w| dots_ok(&w, k == last && k > 0))) {
        return false;
    }
    let name_like = |w: &&str| {
        is_name_word(w)
            && !month_word(&w.to_lowercase())
            && !crate::lexicon::WEEKDAYS.iter().any(|d| w.eq_ignore_ascii_case(d))
    };
    // A signature names someone: two words at least, one of them a whole
    // word (not "U.S." alone).
    let whole = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.contains('.');
    (2..=5).contains(&words.len())
        && parts.iter().all(|p| (1..=4).contains(&p.split_whitespace().count()))
        && words.iter().all(name_like)
        && words.iter().any(whole)
}

/// "Keith Bradsher contributed reporting from Hong Kong.": the place (a
/// few capitalised words) after "contributed reporting from".
fn reporting_from(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else { return false };
    // The last words, read from the end, and only when the last is
    // capitalised (a place): this runs on every line.
    let last = body.rsplit_once(' ').map_or(body, |(_, w)| w);
    if !last.starts_with(char::is_uppercase) {
        return false;
    }
    let tail: Vec<&str> = body.split_whitespace().rev().take(8).collect();
    let Some(from) = tail.iter().position(|w| *w == "from") else { return false };
    let place = &tail[..from];
    (1..=5).contains(&place.len())
        && place.iter().all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of"))
        && tail.get(from + 1) == Some(&"reporting")
        && tail.get(from + 2) == Some(&"contributed")
}

/// Where each writer reported from, closing a story: "Phillip reported
/// from Oakland, Calif.; Gearan, from Washington." Each part is a name
/// (capitalised words) and "reported from" (or, after the first, a comma
/// and "from") and a place of capitalised words.
fn reporters_whereabouts(s: &str) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase) || matches!(w, "and" | "of" | "de");
    let place_ok = |place: &str| {
        let words: Vec<&str> = place.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|w| capitalised(w.trim_matches(|c: char| c == ',' || c == '.')))
    };
    let body = s.trim().trim_end_matches('.');
    body.split(';').enumerate().all(|(k, part)| {
        let part = part.trim();
        let (name, place) = match part.split_once(" reported from ") {
            Some(np) => np,
            None if k > 0 => match part.split_once(", from ") {
                Some(np) => np,
                None => return false,
            },
            None => return false,
        };
        let names: Vec<&str> = name.split_whitespace().collect();
        (1..=6).contains(&names.len()) && names.iter().all(|w| capitalised(w)) && place_ok(place)
    })
}

/// An editor's note opening a line: `Editor's note: ...`, `EDITORS NOTE:`,
/// `Note to editors: ...`, `[Editor’s note — ...]`. The label must be
/// followed by a colon or a dash, or end the line: "Editor's notes were
/// leaked" is prose. `Some(true)` when the line is the bare label.
pub(super) fn editors_note(line: &str) -> Option<bool> {
    let line = line.trim_start_matches(['(', '[']);
    // Every label opens with an e or an n.
    if !line.starts_with(['e', 'E', 'n', 'N']) {
        return None;
    }
    let fold = |s: &str| s.to_lowercase().replace('\u{2019}', "'");
    const LABELS: &[&str] = &[
        "editor's note",
        "editors' note",
        "editors note",
        "editor's notes",
        "editors' notes",
        "editors notes",
        "note to editors",
        "notes to editors",
    ];
    // Most lines open with no label: their head tells, not the whole line.
    let head = fold(head(line));
    if !LABELS.iter().any(|l| head.starts_with(l)) {
        return None;
    }
    let lower = fold(line);
    let after = LABELS.iter().filter_map(|l| lower.strip_prefix(l)).map(str::trim_start).min_by_key(|a| a.len())?;
    let body = if after.is_empty() {
        after
    } else {
        ["--", ":", "-", "\u{2013}", "\u{2014}"].iter().find_map(|d| after.strip_prefix(d))?
    };
    Some(body.trim().trim_end_matches([')', ']']).trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::{is_signature, is_timestamp};
    use crate::article::DropReason;

    #[test]
    fn a_stamp_with_a_few_words_of_another_language_or_a_byline_is_a_timestamp() {
        for line in [
            "By admin - 2018-09-16",
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            "\u{AE30}\u{C0AC}\u{C785}\u{B825} :[ 2018-08-25 15:24 ]",
        ] {
            assert!(is_timestamp(line), "{line}");
        }
        // A sentence, a date with more words, a time with no date: kept.
        for line in [
            "Polls open at 07:00 on 2024-06-14.",
            "The committee will publish its report on 2024-06-14",
            "Kick-off is at 15:00 at Wembley",
        ] {
            assert!(!is_timestamp(line), "{line}");
        }
    }

    #[test]
    fn a_letters_signature_is_a_byline() {
        for line in ["Kenneth L. Zimmerman.", "John Baker.", "Huntington Beach, Calif.", "Cathy Williams, Ohio."] {
            assert!(is_signature(line), "{line}");
        }
        // A short sentence of the story has a verb in lower case; a date
        // or an abbreviation alone is no signature.
        for line in [
            "Police arrived.",
            "Smith resigned.",
            "Monday, March 3.",
            "Kessel Quay Strike",
            "Bigot. Racist. Psychopath.",
        ] {
            assert!(!is_signature(line), "{line}");
        }
    }

    #[test]
    fn furniture_with_no_break_spaces_is_furniture() {
        let text = "Trump said he was joking.\n\nEditor\u{2019}s\u{a0}note:\u{a0}Donald\u{a0}Trump regularly incites political violence.\n";
        let meta = crate::article::Meta { outlet: "x".into(), ..crate::article::Meta::default() };
        let a = super::super::clean(crate::article::load::RawInput { meta, text: text.to_owned(), warnings: vec![] })
            .unwrap();
        assert_eq!(a.dropped.iter().map(|d| d.reason).collect::<Vec<_>>(), vec![DropReason::EditorsNote]);
        assert_eq!(a.text, "Trump said he was joking.\n\n");
    }
}
