//! Physical measures after a number ("2,000 feet", "600m", "55 km", "40
//! mph"): what the number measures and its value in SI units, so one
//! figure given in two systems ("2,000 feet" and "600m", "200ft" and "200
//! feet") is one figure, and "200 feet" against "200 metres" a changed one.
//! The unit words are [`crate::lexicon::unit_word`]'s. Also the figure
//! helpers numbers share: value keys and rounding.

use crate::lexicon::unit_word;
pub(super) use crate::lexicon::Dim;

/// A number read with the unit written after it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Measure {
    pub(super) dim: Dim,
    /// The value in SI units (metres, kilograms, metres a second).
    pub(super) si: f64,
    /// The unit's canonical name ("m", "ft", "km"): one unit on both sides
    /// means the figures compare as written.
    pub(super) unit: &'static str,
    /// The number as written, without its unit and thousands separators.
    pub(super) number: String,
    /// Whether the writing has another reading: "600m" is 600 metres or
    /// 600 million.
    pub(super) ambiguous: bool,
}

/// The measure written at `start..end` of `text` (a number): a unit
/// glued to the number ("600m", "55km") or the word after it ("2,000
/// feet", "40 km/h"). Returns the measure and where its unit ends.
pub(super) fn reading(text: &str, start: usize, end: usize) -> Option<(Measure, usize)> {
    let written = &text[start..end];
    let figure = written.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let number: String = figure.chars().filter(|&c| c.is_ascii_digit() || c == '.').collect();
    let value: f64 = number.parse().ok()?;
    let glued = written[figure.len()..].to_ascii_lowercase();
    let (word, unit_end, ambiguous) = if glued.is_empty() {
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        // One space at most: a unit is written next to its number.
        if gap > 1 && !rest.starts_with('\u{a0}') {
            return None;
        }
        let w = &rest[gap..];
        let len = w.find(|c: char| !(c.is_ascii_alphabetic() || c == '/')).unwrap_or(w.len());
        let word = w[..len].trim_end_matches('/').to_ascii_lowercase();
        (word, end + gap + len, false)
    } else {
        // "600m" may be 600 million; "5m people" always is.
        let ambiguous = crate::lexicon::glued_unit_may_be_million(&glued);
        (glued, end, ambiguous)
    };
    let (dim, factor, unit) = unit_word(&word)?;
    // After a currency sign, "m" is a million ("$600m").
    if crate::lexicon::after_currency(text[..start].trim_end()) {
        return None;
    }
    let measure = Measure { dim, si: value * factor, unit, number, ambiguous };
    Some((measure, unit_end))
}

/// The key of an unambiguous measure: equal for equal quantities in any
/// unit ("200ft" and "200 feet"; "1 km" and "1,000 m").
pub(super) fn key(m: &Measure) -> String {
    let dim = match m.dim {
        Dim::Length => "length",
        Dim::Mass => "mass",
        Dim::Speed => "speed",
    };
    format!("{dim}:{}", canonical(m.si))
}

/// How far apart two conversions of one figure may be: writers round the
/// converted figure ("2,000 feet (600m)" is 1.6% off, "10 km (6 miles)"
/// 3.4%), and a changed figure is further apart ("700m" against "2,000
/// feet" is 13%).
const CONVERSION_TOLERANCE: f64 = 0.075;

/// Whether two measures are one quantity: in one unit, the same figure to
/// a coarser precision ("6.2 miles" and "6 miles"); in two units, values
/// within [`CONVERSION_TOLERANCE`] of each other.
pub(super) fn same_quantity(a: &Measure, b: &Measure) -> bool {
    if a.dim != b.dim {
        return false;
    }
    if a.unit == b.unit {
        return a.number == b.number || same_rounded(&a.number, &b.number);
    }
    let (x, y) = (a.si.abs(), b.si.abs());
    x.max(y) > 0.0 && (x - y).abs() / x.max(y) <= CONVERSION_TOLERANCE
}

/// A value as a key: rounded to thousandths, integers without a decimal
/// point.
pub(super) fn canonical(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Whether two number keys are one value given to different precision: the
/// finer one rounded to the other's decimals ("6.2" and "6", "35.72" and
/// "35.7").
pub(super) fn same_rounded(x: &str, y: &str) -> bool {
    let (Ok(a), Ok(b)) = (x.parse::<f64>(), y.parse::<f64>()) else { return false };
    let decimals = |k: &str| k.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let (coarse, fine, d) = if decimals(x) <= decimals(y) { (a, b, decimals(x)) } else { (b, a, decimals(y)) };
    let scale = 10f64.powi(d);
    a != b && ((fine * scale).round() / scale - coarse).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<Measure> {
        let start = s.find(|c: char| c.is_ascii_digit())?;
        let end = start
            + s[start..].find(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.')).unwrap_or(s.len() - start);
        reading(s, start, end).map(|r| r.0)
    }

    #[test]
    fn units_read_glued_or_spaced() {
        let m = read("fell about 2,000 feet while").unwrap();
        assert_eq!((m.dim, m.unit, m.number.as_str(), m.ambiguous), (Dim::Length, "ft", "2000", false));
        assert!(read("fell 600m while").unwrap().ambiguous);
        assert_eq!(read("fell 200ft").unwrap().unit, "ft");
        assert_eq!(read("struck 55 kilometres from").unwrap().unit, "km");
        assert_eq!(read("gusts of 40 km/h").unwrap().dim, Dim::Speed);
        assert_eq!(read("a 20kg bag").unwrap().dim, Dim::Mass);
        // Money, plain counts and far words are no measure.
        assert!(read("paid $600m for").is_none());
        assert!(read("five 36 people").is_none());
        assert!(read("fell 30   metres").is_none());
    }

    #[test]
    fn conversions_are_one_quantity() {
        let q = |a: &str, b: &str| same_quantity(&read(a).unwrap(), &read(b).unwrap());
        assert!(q("fell 2,000 feet", "fell 600m"));
        assert!(q("fell 200 feet", "fell 60m"));
        assert!(q("about 10 km", "about 6 miles"));
        assert!(q("about 6.2 miles", "about 6 miles"));
        assert_eq!(key(&read("200ft").unwrap()), key(&read("200 feet").unwrap()));
        assert!(!q("fell 200 feet", "fell 200m"));
        assert!(!q("fell 2,000 feet", "fell 700m"));
        assert!(!q("fell 200 feet", "fell 150 metres"));
        assert!(!q("a 20kg bag", "a 20 km walk"));
    }
}
