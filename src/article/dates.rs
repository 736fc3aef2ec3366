//! Publication dates as metadata gives them: front matter, JSONL fields. A
//! date is kept as `YYYY-MM-DD` (what the date window of `stories`, the date
//! gaps of claims mode and every report read), read from the forms newsrooms
//! write; anything else is no date, with a warning, never a string shown as
//! if it were one.

use chrono::{DateTime, NaiveDate};

/// The forms read besides RFC 3339 (`2025-03-13T10:00:00Z`).
const FORMATS: &[&str] = &[
    "%Y-%m-%d",      // 2025-03-13
    "%Y/%m/%d",      // 2025/03/13
    "%B %d, %Y",     // March 13, 2025
    "%B %d %Y",      // March 13 2025
    "%b %d, %Y",     // Mar 13, 2025
    "%b. %d, %Y",    // Mar. 13, 2025
    "%d %B %Y",      // 13 March 2025
    "%d %b %Y",      // 13 Mar 2025
    "%A, %B %d, %Y", // Thursday, March 13, 2025
    "%A %d %B %Y",   // Thursday 13 March 2025
];

/// The `YYYY-MM-DD` opening `s` when it is a real day of the calendar.
pub fn real_iso_day(s: &str) -> Option<&str> {
    crate::lexicon::ymd_shaped(s, b"-").filter(|d| normalize(d).is_some())
}

/// `value` as `YYYY-MM-DD`, or `None` when it is not a real date in a form
/// claimdiff reads. A time after an ISO day (`2025-03-13T10:00`,
/// `2025-03-13 10:00`) is dropped.
pub fn normalize(value: &str) -> Option<String> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.date_naive().format("%Y-%m-%d").to_string());
    }
    // An ISO day followed by a time in any form ("13 October 2025" is
    // also ten bytes and a space: only digits with a dash or slash at bytes
    // 4 and 7 are a day to cut).
    let day = match crate::lexicon::ymd_shaped(v, b"-/") {
        Some(head) if v[10..].starts_with(['T', ' ']) => head,
        _ => v,
    };
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
        .filter(|d| (1000..=9999).contains(&chrono::Datelike::year(d)))
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The warning for a metadata date that is not one.
pub fn not_a_date(what: &str, value: &str) -> String {
    format!(
        "{what}: date `{value}` is not a date claimdiff reads (2025-03-13, 2025-03-13T10:00:00Z, March 13, 2025, \
         13 March 2025); the article's date is unknown"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_newsrooms_write_and_refuses_the_rest() {
        for (v, want) in [
            ("2025-03-13", "2025-03-13"),
            (" 2025-03-13T10:00:00Z ", "2025-03-13"),
            ("2025-03-13T23:30:00-05:00", "2025-03-13"),
            ("2025-03-13 10:00", "2025-03-13"),
            ("2025/03/13", "2025-03-13"),
            ("March 13, 2025", "2025-03-13"),
            ("Mar. 3, 2025", "2025-03-03"),
            ("13 March 2025", "2025-03-13"),
            ("Thursday, March 13, 2025", "2025-03-13"),
            ("2024-02-29", "2024-02-29"),
            ("13 October 2025", "2025-10-13"),
            ("1 November 2025", "2025-11-01"),
            ("January 13 2025", "2025-01-13"),
            ("Wednesday, March 12, 2025", "2025-03-12"),
        ] {
            assert_eq!(normalize(v).as_deref(), Some(want), "{v}");
        }
        for v in ["2023-13-45", "2025-02-30", "2023-02-29", "yesterday", "", "13/03/2025", "2025-03-1\u{ab}3"] {
            assert_eq!(normalize(v), None, "{v}");
        }
        assert!(not_a_date("a.txt", "2023-13-45").starts_with("a.txt: date `2023-13-45` is not a date"));
    }
}
