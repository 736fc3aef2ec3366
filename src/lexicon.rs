//! Word lists and dates more than one stage reads: month and weekday names
//! (dates in the cleaner's datelines, numbers' date values, story grouping's
//! words that are dates, not events), and day numbers of ISO dates (story
//! grouping's window, claims' date gaps). A leaf module: it imports nothing.

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

#[cfg(test)]
mod tests {
    use super::day_number;

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
}
