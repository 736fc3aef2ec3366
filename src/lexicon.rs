//! Word lists more than one stage reads: month and weekday names (dates in
//! the cleaner's datelines, numbers' date values, story grouping's words
//! that are dates, not events). A leaf module: it imports nothing.

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
