//! Word lists and dates more than one stage reads: month and weekday names
//! (dates in the cleaner's datelines, numbers' date values, story grouping's
//! words that are dates, not events), day numbers of ISO dates (story
//! grouping's window, claims' date gaps), units of measure (the
//! normaliser's unit keys, numbers' measures), years and currency signs
//! (numbers, the summary), and the leads of link lines (the cleaner's
//! related links, clause claims), and the words that end an organisation's
//! name (the summary's people told apart). A leaf module: it imports
//! nothing.

/// Month names, lower-cased, January first.
pub(crate) const MONTHS: [&str; 12] = [
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

/// Weekday names, lower-cased, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The first ten bytes of `s` when they are shaped like a numeric day:
/// digits, with one of `seps` at bytes 4 and 7 (`2025-03-13`,
/// `2025/03/13`). Shape only: `2025-13-45` passes. All ASCII, so slicing
/// after them is on a character boundary.
pub(crate) fn ymd_shaped<'a>(s: &'a str, seps: &[u8]) -> Option<&'a str> {
    let b = s.as_bytes().get(..10)?;
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => seps.contains(c),
        _ => c.is_ascii_digit(),
    });
    shaped.then(|| &s[..10])
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (anything after the day is
/// ignored); `None` for anything else.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    // Digits and two dashes, bytes all ASCII: the slices below are then on
    // character boundaries ("2025-03-1«3" is no date, and no panic).
    ymd_shaped(date, b"-")?;
    let y: i64 = date[0..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in_month = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=12).contains(&m) || !(1..=days_in_month).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// What a unit of measure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    Length,
    Mass,
    Speed,
}

/// Unit words: spelling, dimension, SI factor, canonical name. "m" after a
/// number may also be a million ("600m"): readers of it decide.
const UNITS: &[(&str, Dim, f64, &str)] = &[
    ("mm", Dim::Length, 0.001, "mm"),
    ("millimetre", Dim::Length, 0.001, "mm"),
    ("millimeter", Dim::Length, 0.001, "mm"),
    ("cm", Dim::Length, 0.01, "cm"),
    ("centimetre", Dim::Length, 0.01, "cm"),
    ("centimeter", Dim::Length, 0.01, "cm"),
    ("m", Dim::Length, 1.0, "m"),
    ("metre", Dim::Length, 1.0, "m"),
    ("meter", Dim::Length, 1.0, "m"),
    ("km", Dim::Length, 1000.0, "km"),
    ("kilometre", Dim::Length, 1000.0, "km"),
    ("kilometer", Dim::Length, 1000.0, "km"),
    ("ft", Dim::Length, 0.3048, "ft"),
    ("feet", Dim::Length, 0.3048, "ft"),
    ("foot", Dim::Length, 0.3048, "ft"),
    ("yd", Dim::Length, 0.9144, "yd"),
    ("yard", Dim::Length, 0.9144, "yd"),
    ("mile", Dim::Length, 1609.344, "mi"),
    ("inch", Dim::Length, 0.0254, "inch"),
    ("inches", Dim::Length, 0.0254, "inch"),
    ("kg", Dim::Mass, 1.0, "kg"),
    ("kilogram", Dim::Mass, 1.0, "kg"),
    ("kilo", Dim::Mass, 1.0, "kg"),
    ("gram", Dim::Mass, 0.001, "g"),
    ("tonne", Dim::Mass, 1000.0, "t"),
    ("ton", Dim::Mass, 1000.0, "t"),
    ("lb", Dim::Mass, 0.453_592, "lb"),
    ("km/h", Dim::Speed, 1.0 / 3.6, "km/h"),
    ("kph", Dim::Speed, 1.0 / 3.6, "km/h"),
    ("kmh", Dim::Speed, 1.0 / 3.6, "km/h"),
    ("mph", Dim::Speed, 0.447_04, "mph"),
    ("knot", Dim::Speed, 0.514_444, "kn"),
];

/// A lower-cased unit word's dimension, SI factor and canonical name,
/// plurals folded ("metres", "kms", "lbs").
pub(crate) fn unit_word(word: &str) -> Option<(Dim, f64, &'static str)> {
    // Every unit word opens on one of these letters and is short: most
    // words are turned away before the table (the normaliser asks for each).
    if word.len() > 12 || !word.starts_with(['c', 'f', 'g', 'i', 'k', 'l', 'm', 't', 'y']) {
        return None;
    }
    let find = |w: &str| UNITS.iter().find(|u| u.0 == w).map(|u| (u.1, u.2, u.3));
    find(word).or_else(|| word.strip_suffix('s').and_then(find))
}

/// Whether a unit glued to a number may also be a magnitude: "600m" is 600
/// metres or 600 million.
pub(crate) fn glued_unit_may_be_million(suffix: &str) -> bool {
    suffix == "m"
}

/// Whether a word is a year as news writes one: four digits, 1800-2100.
pub(crate) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (1800..=2100).contains(&w.parse::<u32>().unwrap_or(0))
}

/// Currency signs written before an amount.
pub(crate) const CURRENCY_SIGNS: [char; 5] = ['£', '$', '€', '¥', '₹'];

/// Whether the text before a number ends on a currency sign or "Rs"/"Rs."
/// (so the number is an amount of money).
pub(crate) fn after_currency(before: &str) -> bool {
    before.ends_with(CURRENCY_SIGNS) || before.ends_with("Rs") || before.ends_with("Rs.")
}

/// How a line pointing at other stories opens, lower-cased ("More from
/// GlobalPost: ...", "Read more: ..."): a link, never a claim, even when a
/// flattened page runs it into a paragraph.
pub(crate) const LINK_LEADS: &[&str] = &[
    "also read",
    "read more:",
    "read more ",
    "read also",
    "related:",
    "related articles",
    "related stories",
    "see also:",
    "see more:",
    "more from",
    "recommended:",
    "related post",
    "related content:",
    "related coverage:",
    // The reader sent elsewhere ("You can follow the entire saga on ...").
    "you can follow ",
    "you can read ",
    "you can view ",
    "you can watch ",
    "you can check out ",
    "you can also follow ",
    "you can also read ",
    "you can also view ",
    "you can also watch ",
];

/// Whether `text` opens like a link line ([`LINK_LEADS`]), in any case,
/// after any quote mark a flattened page left before it.
pub(crate) fn opens_as_link(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}')
    });
    let head: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
    LINK_LEADS.iter().any(|l| head.starts_with(l))
}

/// Words that end the name of an organisation, a place, a product or an
/// event rather than a person ("Summit Entertainment", "Kraft Foods",
/// "American Boulevard"): two such names sharing their first word are not
/// two people.
pub(crate) const ORGANISATION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "airport",
    "army",
    "arena",
    "association",
    "avenue",
    "award",
    "bank",
    "bay",
    "boulevard",
    "bowl",
    "bridge",
    "center",
    "centre",
    "channel",
    "church",
    "city",
    "club",
    "coalition",
    "college",
    "committee",
    "company",
    "corp",
    "council",
    "county",
    "court",
    "cup",
    "department",
    "entertainment",
    "festival",
    "films",
    "force",
    "foods",
    "foundation",
    "fund",
    "graphics",
    "group",
    "guard",
    "hall",
    "hospital",
    "institute",
    "island",
    "journal",
    "lake",
    "league",
    "media",
    "medal",
    "ministry",
    "motors",
    "mountain",
    "museum",
    "navy",
    "network",
    "news",
    "office",
    "park",
    "party",
    "pictures",
    "plant",
    "police",
    "post",
    "press",
    "prison",
    "prize",
    "radio",
    "records",
    "river",
    "road",
    "school",
    "series",
    "service",
    "services",
    "society",
    "stadium",
    "station",
    "street",
    "studio",
    "studios",
    "team",
    "television",
    "theater",
    "theatre",
    "times",
    "union",
    "university",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_number_reads_dates_and_refuses_the_rest() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1970-01-02T10:00:00Z"), Some(1));
        // Found by tests/it/fuzz.rs: a multi-byte character inside the
        // day once panicked on a slice off a character boundary.
        assert_eq!(day_number("2025-03-1\u{ab}3"), None);
        assert_eq!(day_number("2025-3-10xx"), None);
        assert_eq!(day_number("2025-13-01"), None);
    }

    #[test]
    fn a_line_sending_the_reader_elsewhere_opens_as_a_link() {
        for line in [
            "More from GlobalPost: Dockers walk out",
            "\u{201d} You can follow the entire saga on Harbour Rumours.",
            "You can also read the union's letter on its website.",
        ] {
            assert!(opens_as_link(line), "{line}");
        }
        for line in [
            "As you can see, the quay is empty, the pilot said.",
            "You can't run a port on goodwill, Okonjo-Vance said.",
            "\u{201c}You can see the cranes from here,\u{201d} she said.",
        ] {
            assert!(!opens_as_link(line), "{line}");
        }
    }

    #[test]
    fn every_unit_word_passes_the_quick_check() {
        for u in UNITS {
            assert_eq!(unit_word(u.0).map(|x| x.2), Some(u.3), "{}", u.0);
            assert_eq!(unit_word(&format!("{}s", u.0)).map(|x| x.2), Some(u.3), "{}s", u.0);
        }
        assert!(unit_word("people").is_none() && unit_word("mosque").is_none());
    }
}
