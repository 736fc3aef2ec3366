//! `number_changed`: numbers, amounts and dates as values ("$1.2bn" and
//! "$1.2 billion" agree, "March 11" and "11 March" too), the month names
//! and magnitude words that make them, and the rule that both sides carry
//! a value the other lacks.

use super::measures::{self, canonical, same_rounded, Measure};
use super::view::View;
use crate::findings::{Evidence, Flag};
use crate::normalize::{Token, TokenKind};
use std::collections::{HashMap, HashSet};

/// A number, amount or date as compared: its canonical value and where it
/// is written.
#[derive(Debug, Clone)]
struct NumExpr {
    key: String,
    start: usize,
    end: usize,
    /// Its reading as a physical measure, when a unit follows.
    measure: Option<Measure>,
}

fn magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// The value of a number token's key, with a glued magnitude ("1.2bn").
fn number_value(key: &str) -> Option<f64> {
    let digits = key.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(key.len());
    let value: f64 = key[..digits].parse().ok()?;
    match &key[digits..] {
        "" => Some(value),
        suffix => magnitude(suffix).map(|m| value * m),
    }
}

/// Whether `written` is the second group of "2, 000" or "2, 000ft": three
/// digits, and a unit glued to them at most.
fn thousands_group(written: &str) -> bool {
    written.len() >= 3
        && written.as_bytes()[..3].iter().all(u8::is_ascii_digit)
        && written[3..].bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether the number token `t` is part of a model's or a thing's name, set
/// after capitals and a hyphen ("AK-47s", "F-16", "G-20"), not a figure.
fn model_number(v: &View, t: &Token) -> bool {
    v.text[..t.start].strip_suffix('-').is_some_and(|before| before.ends_with(|c: char| c.is_ascii_uppercase()))
}

/// The magnitude a range gives its first number: token `k` opens "140-150
/// million", "140 to 150 million" or "$1.2-$1.5bn" (written with a hyphen,
/// a dash or "to"), and the second number carries the magnitude word or
/// suffix that the first lacks.
fn range_magnitude(v: &View, k: usize) -> Option<f64> {
    let toks = &v.tokens;
    let first = toks[k];
    let j = if toks.get(k + 1).is_some_and(|t| v.word(t) == "to") { k + 2 } else { k + 1 };
    let second = *toks.get(j)?;
    if second.kind != TokenKind::Number {
        return None;
    }
    let between: String = v.text[first.end..second.start].chars().filter(|c| !c.is_whitespace() && *c != '$').collect();
    if !matches!(between.as_str(), "-" | "\u{2013}" | "\u{2014}" | "to") {
        return None;
    }
    let low = number_value(&first.key)?;
    let (high, m) = match toks.get(j + 1).and_then(|n| magnitude(&v.word(n))) {
        Some(m) => (number_value(&second.key)?, m),
        None => {
            let digits = second.key.find(|c: char| !c.is_ascii_digit() && c != '.')?;
            (second.key[..digits].parse().ok()?, magnitude(&second.key[digits..])?)
        }
    };
    (low <= high).then_some(m)
}

/// Determiners before which "one" is a pronoun ("the one", "this one",
/// "the first one", "the only one"), not the number 1.
const ONE_DETERMINERS: &[&str] = &["the", "this", "that", "which", "any", "every", "each", "another", "no"];

/// Whether token `k` is a spelled "one" standing for a thing already named:
/// right after a determiner, or after a determiner and one word.
fn pronoun_one(v: &View, k: usize) -> bool {
    let toks = &v.tokens;
    if !v.text[toks[k].start..toks[k].end].eq_ignore_ascii_case("one") {
        return false;
    }
    let det = |j: Option<usize>| j.is_some_and(|j| ONE_DETERMINERS.contains(&v.word(toks[j]).as_str()));
    det(k.checked_sub(1)) || det(k.checked_sub(2))
}

/// The numbers, amounts and dates of a side. "$1.2bn" and "$1.2 billion"
/// share a value; "March 11" and "11 March" share a date; a month alone is
/// a date without a day, so "November 28" and "November" differ.
fn numbers(v: &View) -> Vec<NumExpr> {
    let toks = &v.tokens;
    let month = |k: usize| -> Option<&'static str> {
        let t = toks.get(k)?;
        let w = v.word(t);
        let capital = v.text[t.start..].starts_with(char::is_uppercase);
        crate::lexicon::MONTHS.iter().find(|&&m| m == w && capital).copied()
    };
    let mut res = Vec::new();
    let mut used_month: HashSet<usize> = HashSet::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        if t.kind != TokenKind::Number || pronoun_one(v, k) || model_number(v, t) {
            k += 1;
            continue;
        }
        let (mut start, mut end) = (t.start, t.end);
        let mut number_key = t.key.to_string();
        // "2, 000" is 2,000 set with a stray space.
        if let Some(n) = toks.get(k + 1).filter(|n| {
            n.kind == TokenKind::Number
                && &v.text[t.end..n.start] == ", "
                && t.key.len() <= 3
                && t.key.bytes().all(|b| b.is_ascii_digit())
                && thousands_group(&v.text[n.start..n.end])
        }) {
            number_key.push_str(&n.key);
            end = n.end;
            k += 1;
        }
        // "0800 555 111" is one telephone number, "0800 555111" written
        // another way: digit groups after a group opening on 0.
        if t.key.starts_with('0') && t.key.len() >= 3 && t.key.bytes().all(|b| b.is_ascii_digit()) {
            while let Some(n) = toks.get(k + 1).filter(|n| {
                n.kind == TokenKind::Number
                    && &v.text[end..n.start] == " "
                    && n.key.len() >= 2
                    && n.key.bytes().all(|b| b.is_ascii_digit())
            }) {
                number_key.push_str(&n.key);
                end = n.end;
                k += 1;
            }
        }
        let measure = measures::reading(v.text, start, end);
        if let Some((m, unit_end)) = measure.as_ref().filter(|(m, _)| !m.ambiguous) {
            res.push(NumExpr { key: measures::key(m), start, end: *unit_end, measure: Some(m.clone()) });
            k += 1;
            continue;
        }
        let mut value = number_value(&number_key);
        let mut key = value.map(canonical).unwrap_or_else(|| number_key.clone());
        if let Some(m) = toks.get(k + 1).and_then(|n| magnitude(&v.word(n))) {
            if let Some(x) = value {
                value = Some(x * m);
                key = canonical(x * m);
                end = toks[k + 1].end;
                k += 1;
            }
        } else if let (Some(x), Some(m)) = (value, range_magnitude(v, k)) {
            // "$140-150 million": the range's magnitude is the first number's too.
            value = Some(x * m);
            key = canonical(x * m);
        }
        let before = k.checked_sub(1).and_then(|p| month(p).map(|m| (p, m)));
        let after = month(k + 1).map(|m| (k + 1, m));
        if let Some((p, m)) = before.filter(|&(p, _)| p + 1 == k).or(after) {
            if value.is_some_and(|x| (1.0..=31.0).contains(&x) && x.fract() == 0.0) {
                key = format!("{m} {key}");
                used_month.insert(p);
                start = start.min(toks[p].start);
                end = end.max(toks[p].end);
            }
        }
        res.push(NumExpr { key, start, end, measure: measure.map(|m| m.0) });
        k += 1;
    }
    for (k, t) in toks.iter().enumerate() {
        // "May" alone is far more often the modal verb than the month.
        if let Some(m) = month(k).filter(|&m| m != "may" && !used_month.contains(&k)) {
            res.push(NumExpr { key: m.to_owned(), start: t.start, end: t.end, measure: None });
        }
    }
    res
}

/// Removes from `a` one occurrence of each key in `b` and returns the rest.
fn multiset_minus(a: &[NumExpr], b: &[NumExpr]) -> Vec<NumExpr> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for x in b {
        *counts.entry(x.key.as_str()).or_default() += 1;
    }
    a.iter()
        .filter(|x| match counts.get_mut(x.key.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// Whether the two sides give at least one number, amount or date alike.
pub(super) fn shared(a: &View, b: &View) -> bool {
    let na = numbers(a);
    na.len() > multiset_minus(&na, &numbers(b)).len()
}

/// What a number measures, as far as its writing says: two numbers of
/// different units ("£84,000" and "three" schemes, "2019" and "40") are
/// not one figure given differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// An amount of money, in a currency ([`currency`]): amounts in two
    /// currencies are one figure converted ("€103 million" is "£88m"), not
    /// one changed.
    Money(u8),
    /// An amount of money per year, month, week, day or game.
    MoneyRate(u8),
    Percent,
    Date,
    Year,
    /// A clock time, with its time zone (0: none given; else 1 + the
    /// zone's place in [`ZONES`]): times in two zones are not one figure
    /// ("4:30 p.m. ET" is "1:30 p.m. PST").
    Time(u8),
    /// A length, mass or speed with its unit written.
    Measure(measures::Dim),
    /// A rank ("eighth", "58th"): never the count written alike ("eight
    /// days", "58 wins").
    Ordinal,
    Plain,
}

/// Time-zone abbreviations after a clock time.
const ZONES: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "ist", "jst", "aest", "aedt",
];

/// Whether the number at `x` is part of a clock time ("4:30 p.m. ET",
/// "16:30", "9am"; the hours or the minutes), and its zone as in
/// [`Unit::Time`].
fn clock(v: &View, x: &NumExpr) -> Option<u8> {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase() };
    // A few characters either side (cut on char boundaries).
    let head = &v.text[..x.start];
    let before = squeeze(&head[head.char_indices().rev().nth(7).map_or(0, |(k, _)| k)..]);
    let tail = &v.text[x.end..];
    let after_text = &tail[..tail.char_indices().nth(40).map_or(tail.len(), |(k, _)| k)];
    let after = squeeze(after_text);
    let minutes = before.ends_with(':') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
    let hours = after.strip_prefix(':').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let rest = if hours { after[1..].trim_start_matches(|c: char| c.is_ascii_digit()) } else { after.as_str() };
    let meridiem = ["a.m.", "p.m.", "am", "pm"].iter().any(|m| rest.starts_with(m));
    let zone_of = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        ZONES.iter().position(|z| *z == w)
    };
    let zoned = after_text.split_whitespace().next().and_then(zone_of).is_some();
    if !(minutes || hours || meridiem || zoned) {
        return None;
    }
    // The zone is the first word after the time's own parts (":30",
    // "p.m.", or "p. m." in tokenised text).
    let time_part = |w: &str| {
        let l = w.to_lowercase();
        w.starts_with(':')
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || matches!(l.as_str(), "a.m." | "p.m." | "am" | "pm" | "a." | "p." | "m.")
    };
    let zone = after_text.split_whitespace().find(|w| !time_part(w)).and_then(zone_of);
    Some(zone.map_or(0, |k| k as u8 + 1))
}

/// Whether a number's key is a rank: "8th" (from "eighth" too), "21st".
fn ordinal(key: &str) -> bool {
    let digits = key.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < key.len() && matches!(digits, "st" | "nd" | "rd" | "th")
}

/// A date: a month, with its day when given ("november 28").
fn is_date(x: &NumExpr) -> bool {
    crate::lexicon::MONTHS.iter().any(|m| x.key.starts_with(m))
}

fn unit(v: &View, x: &NumExpr) -> Unit {
    if is_date(x) {
        return Unit::Date;
    }
    if let Some(zone) = clock(v, x) {
        return Unit::Time(zone);
    }
    if let Some(m) = x.measure.as_ref().filter(|m| !m.ambiguous) {
        return Unit::Measure(m.dim);
    }
    if ordinal(&x.key) {
        return Unit::Ordinal;
    }
    let before = v.text[..x.start].trim_end();
    let after = v.text[x.end..].trim_start().to_lowercase();
    let written = &v.text[x.start..x.end];
    if let Some(cur) = currency(before, written, &after) {
        // "$23 million a year", "an average annual value": a rate, which a
        // total is not ("$184 million over eight years").
        let next: Vec<&str> = after.split_whitespace().take(4).collect();
        let per = next.windows(2).any(|w| {
            matches!(w[0], "a" | "per" | "each" | "every")
                && matches!(w[1].trim_end_matches(['.', ',']), "year" | "season" | "month" | "week" | "day" | "game")
        });
        if per || next.iter().any(|w| w.starts_with("annual")) {
            Unit::MoneyRate(cur)
        } else {
            Unit::Money(cur)
        }
    } else if after.starts_with('%')
        || after.starts_with("per cent")
        || after.starts_with("percent")
        || written.ends_with('%')
    {
        Unit::Percent
    } else if crate::lexicon::is_year(written) {
        Unit::Year
    } else {
        Unit::Plain
    }
}

/// Currency words after an amount, each with its currency's code.
const CURRENCY_WORDS: &[(&str, u8)] =
    &[("dollar", 1), ("pound", 2), ("sterling", 2), ("euro", 3), ("yen", 4), ("rupee", 5), ("yuan", 6)];

/// The currency of an amount (`before` the number, the number as
/// `written`, the lower-cased text `after` it), when it is one: 1 dollars,
/// 2 pounds, 3 euros, 4 yen, 5 rupees, 6 yuan, 7 another dollar ("A$",
/// "C$", "HK$": a conversion from US dollars is no change either).
fn currency(before: &str, written: &str, after: &str) -> Option<u8> {
    let sign = |c: char, rest: &str| -> Option<u8> {
        // The letters before a dollar sign name whose dollar: none or "US"
        // the American one.
        let letters = &rest[rest.trim_end_matches(|c: char| c.is_ascii_uppercase()).len()..];
        Some(match c {
            '$' if !matches!(letters, "" | "US") => 7,
            '$' => 1,
            '£' => 2,
            '€' => 3,
            '¥' => 4,
            '₹' => 5,
            _ => return None,
        })
    };
    if let Some(c) = before.chars().next_back() {
        if let Some(cur) = sign(c, &before[..before.len() - c.len_utf8()]) {
            return Some(cur);
        }
    }
    if let Some(c) = written.chars().next() {
        if let Some(cur) = sign(c, before) {
            return Some(cur);
        }
    }
    if crate::lexicon::after_currency(before) {
        return Some(5);
    }
    CURRENCY_WORDS.iter().find(|(w, _)| after.starts_with(w)).map(|&(_, cur)| cur)
}

/// How many tokens after a number (before it, when nothing follows) its
/// context is read from.
const CONTEXT_TOKENS: usize = 4;

/// What a number counts: the first two content words (not function words,
/// not numbers) in the [`CONTEXT_TOKENS`] tokens after it ("five *people*",
/// "6.2 *miles*", "a 6.1-*magnitude quake*" reads "magnitude"), or, when
/// none follows, the last three before it ("the death toll rose to 24").
/// (A measure's unit is part of the measure: "200 feet from a *ridge*".)
fn context<'v>(v: &'v View, x: &NumExpr) -> HashSet<&'v str> {
    let first = v.tokens.partition_point(|t| t.end <= x.start);
    let last = v.tokens.partition_point(|t| t.start < x.end);
    let content = |t: &&&Token| matches!(t.kind, TokenKind::Word | TokenKind::Name);
    let hi = (last + CONTEXT_TOKENS).min(v.tokens.len());
    let after: HashSet<&str> = v.tokens[last..hi].iter().filter(content).take(2).map(|t| t.key.as_str()).collect();
    if !after.is_empty() {
        return after;
    }
    let lo = first.saturating_sub(CONTEXT_TOKENS);
    v.tokens[lo..first].iter().rev().filter(content).take(3).map(|t| t.key.as_str()).collect()
}

/// What a count of people says happened to them, by the words of each
/// fate (any form a report uses: "killing", "dead", "death toll").
const FATES: &[(&str, u8)] = &[
    ("arrest", 3),
    ("arrested", 3),
    ("arrests", 3),
    ("dead", 0),
    ("death", 0),
    ("deaths", 0),
    ("detained", 3),
    ("died", 0),
    ("displaced", 4),
    ("evacuated", 4),
    ("fatalities", 0),
    ("homeless", 4),
    ("hospitalised", 1),
    ("hospitalized", 1),
    ("hurt", 1),
    ("injured", 1),
    ("injuries", 1),
    ("injuring", 1),
    ("kill", 0),
    ("killed", 0),
    ("killing", 0),
    ("missing", 2),
    ("rescued", 5),
    ("wounded", 1),
    ("wounding", 1),
];

/// The fate ([`FATES`]) named nearest to a number in its own clause, up to
/// [`CONTEXT_TOKENS`] tokens either side (the nearer side first, the words
/// before it on a tie: "killing five people and injuring dozens"). A
/// clause ends at punctuation and at "and", "but", "while", "as".
fn fate(v: &View, x: &NumExpr) -> Option<u8> {
    let first = v.tokens.partition_point(|t| t.end <= x.start);
    let last = v.tokens.partition_point(|t| t.start < x.end);
    let of = |w: &str| FATES.binary_search_by(|f| f.0.cmp(w)).ok().map(|i| FATES[i].1);
    let ends = |w: &str| matches!(w, "and" | "but" | "while" | "as");
    // Whether punctuation stands between tokens `k` and `k + 1`.
    let gap = |k: usize| {
        v.tokens
            .get(k + 1)
            .and_then(|next| v.text.get(v.tokens[k].end..next.start))
            .is_some_and(|g| g.contains([',', ';', ':', '.', '(', ')']))
    };
    let mut before = None;
    for d in 1..=CONTEXT_TOKENS.min(first) {
        let k = first - d;
        // (Each word folded once, for both checks.)
        let w = v.word(v.tokens[k]);
        if gap(k) || ends(&w) {
            break;
        }
        if let Some(f) = of(&w) {
            before = Some((d, f));
            break;
        }
    }
    let mut after = None;
    for k in last..(last + CONTEXT_TOKENS).min(v.tokens.len()) {
        let w = v.word(v.tokens[k]);
        if (k > 0 && gap(k - 1)) || ends(&w) {
            break;
        }
        if let Some(f) = of(&w) {
            after = Some((k + 1 - last, f));
            break;
        }
    }
    match (before, after) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
        (b, a) => b.or(a).map(|x| x.1),
    }
}

/// Whether one date key is the other given to the day: "march" and
/// "march 3" are one date, "march 3" and "march 4" two.
fn refined_date(x: &str, y: &str) -> bool {
    let month = |k: &str| crate::lexicon::MONTHS.contains(&k);
    let within = |m: &str, d: &str| month(m) && d.strip_prefix(m).is_some_and(|r| r.starts_with(' '));
    within(x, y) || within(y, x)
}

/// Whether two keys are one decade written in full and short: "1950s" and
/// "'50s".
fn same_decade(x: &str, y: &str) -> bool {
    let digits = |k: &str| k.strip_suffix('s').filter(|d| d.bytes().all(|b| b.is_ascii_digit())).map(str::len);
    let within = |long: &str, short: &str| digits(long) == Some(4) && digits(short) == Some(2) && long[2..] == *short;
    within(x, y) || within(y, x)
}

/// `number_changed`: both sides have numbers, amounts or dates the other
/// lacks, of one unit (an amount of money for an amount of money, a year
/// for a year). A number that only one side has, with nothing of its unit
/// in its place, is a clause of its own, not a change.
pub(super) fn number_flags(a: &View, b: &View) -> Option<Flag> {
    let (na, nb) = (numbers(a), numbers(b));
    let (only_a, only_b) = (multiset_minus(&na, &nb), multiset_minus(&nb, &na));
    let (units_a, units_b): (Vec<Unit>, Vec<Unit>) =
        (only_a.iter().map(|x| unit(a, x)).collect(), only_b.iter().map(|x| unit(b, x)).collect());
    // A number is changed only against a number of the other side that
    // stands where it stands: of its unit, and for a plain count with a
    // content word in common around it ("five people killed" and "a 6.1 magnitude quake" are two
    // figures, not one changed), and not the same value rounded ("6.2
    // miles" and "6 miles").
    let (ca, cb): (Vec<_>, Vec<_>) =
        (only_a.iter().map(|x| context(a, x)).collect(), only_b.iter().map(|x| context(b, x)).collect());
    // (Dates, years, times, money and shares say what they measure: plain
    // counts need the words around them, and so do lengths, masses and
    // speeds, of which a story often gives several: a depth, a distance.)
    let measures = |i: usize, j: usize| match (&only_a[i].measure, &only_b[j].measure) {
        (Some(x), Some(y)) if x.dim == y.dim => Some((x, y)),
        _ => None,
    };
    // A count of people says what happened to them: "killing five people"
    // and "injuring 50 people" are two figures.
    let (fa, fb): (Vec<_>, Vec<_>) =
        (only_a.iter().map(|x| fate(a, x)).collect(), only_b.iter().map(|x| fate(b, x)).collect());
    let counterpart = |i: usize, j: usize| {
        let near = !ca[i].is_disjoint(&cb[j]);
        let one_fate = fa[i].is_none() || fb[j].is_none() || fa[i] == fb[j];
        match measures(i, j) {
            Some(_) => near,
            None => {
                units_a[i] == units_b[j]
                    && (!matches!(units_a[i], Unit::Plain | Unit::Ordinal) || near)
                    && (units_a[i] != Unit::Plain || one_fate)
            }
        }
    };
    let same = |i: usize, j: usize| {
        let (x, y) = (&only_a[i], &only_b[j]);
        same_rounded(&x.key, &y.key)
            || measures(i, j).is_some_and(|(x, y)| measures::same_quantity(x, y))
            || refined_date(&x.key, &y.key)
            || same_decade(&x.key, &y.key)
    };
    let rounded: Vec<(usize, usize)> = (0..only_a.len())
        .flat_map(|i| (0..only_b.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| counterpart(i, j) && same(i, j))
        .collect();
    let keep_a: Vec<usize> = (0..only_a.len())
        .filter(|&i| !rounded.iter().any(|r| r.0 == i))
        .filter(|&i| (0..only_b.len()).any(|j| counterpart(i, j) && !rounded.iter().any(|r| r.1 == j)))
        .collect();
    let keep_b: Vec<usize> = (0..only_b.len())
        .filter(|&j| !rounded.iter().any(|r| r.1 == j))
        .filter(|&j| keep_a.iter().any(|&i| counterpart(i, j)))
        .collect();
    if keep_a.is_empty() || keep_b.is_empty() {
        return None;
    }
    let only_a: Vec<NumExpr> = keep_a.iter().map(|&i| only_a[i].clone()).collect();
    let only_b: Vec<NumExpr> = keep_b.iter().map(|&j| only_b[j].clone()).collect();
    let ea: Vec<Evidence> = only_a.iter().map(|x| a.evidence(x.start, x.end)).collect();
    let eb: Vec<Evidence> = only_b.iter().map(|x| b.evidence(x.start, x.end)).collect();
    let list = |e: &[Evidence]| e.iter().map(|e| format!("\"{}\"", e.text)).collect::<Vec<_>>().join(", ");
    let date = only_a.iter().chain(&only_b).any(is_date);
    Some(Flag {
        name: "number_changed".to_owned(),
        rule: if date { "number:date" } else { "number:value" }.to_owned(),
        explanation: format!("A says {}, B says {}", list(&ea), list(&eb)),
        a: ea,
        b: eb,
    })
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, the_flag, PORT};

    #[test]
    fn number_changed() {
        check_flags(
            PORT,
            "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.",
            &["number_changed"],
        );
        check_flags(
            "Officials said 7,000 to 8,000 containers are stranded on the Kessel Quay.",
            "Officials said 9,000 to 10,000 containers are stranded on the Kessel Quay.",
            &["number_changed"],
        );
        check_flags(
            "The crane at the Kessel Quay terminal collapsed on March 11, crushing a carrier.",
            "The crane at the Kessel Quay terminal collapsed on March 12, crushing a carrier.",
            &["number_changed"],
        );
        // A count of people is compared with a count of the same fate:
        // the killed with the killed, never with the injured.
        for (a, b, flags) in [
            (
                "An earthquake flattened buildings, killing at least five people and injuring dozens in the province.",
                "An earthquake caused buildings to collapse, injuring at least 50 people in the province.",
                &[][..],
            ),
            (
                "An earthquake flattened buildings, killing at least five people and injuring dozens in the province.",
                "An earthquake flattened buildings, killing at least three people and injuring dozens in the province.",
                &["number_changed"],
            ),
            (
                "The quake left 24 people dead and over 200 injured in the province.",
                "The quake left 25 people dead and 180 injured in the province.",
                &["number_changed"],
            ),
            (
                "The quake left 24 people dead in the province.",
                "The quake left 180 people injured in the province.",
                &[],
            ),
            (
                "Police said 12 people were arrested at the march.",
                "Police said 14 people were arrested at the march.",
                &["number_changed"],
            ),
        ] {
            check_flags(a, b, flags);
        }
        // A rate is not a total.
        check_flags(
            "The Red Sox offer was eight years and $184 million, WCVB said.",
            "The Red Sox offer was eight years and a $23 million average annual value, WCVB said.",
            &[],
        );
        check_flags(
            "The Red Sox offered Teixeira $22 million a year over eight years.",
            "The Red Sox offered Teixeira $23 million a year over eight years.",
            &["number_changed"],
        );
        // Amounts in two currencies are one figure converted; in one
        // currency, however written, they are compared.
        for (a, b, flags) in [
            (
                "The thieves made off with jewellery worth \u{20ac}103 million at a Cannes hotel.",
                "The thieves made off with jewellery worth \u{a3}88m at a Cannes hotel.",
                &[][..],
            ),
            (
                "The thieves made off with jewellery worth 103 million euros at a Cannes hotel.",
                "The thieves made off with jewellery worth $136 million at a Cannes hotel.",
                &[],
            ),
            ("The port paid A$40 million for the cranes.", "The port paid $28 million for the cranes.", &[]),
            (
                "The thieves made off with jewellery worth \u{20ac}103 million at a Cannes hotel.",
                "The thieves made off with jewellery worth 108 million euros at a Cannes hotel.",
                &["number_changed"],
            ),
            (
                "The port paid US$40 million for the cranes.",
                "The port paid $48 million for the cranes.",
                &["number_changed"],
            ),
        ] {
            check_flags(a, b, flags);
        }
        // A range's magnitude word belongs to both ends.
        for (a, b, flags) in [
            (
                "The Orioles offered between $140 million and $150 million over seven years.",
                "The Orioles offered $140-150 million over seven years.",
                &[][..],
            ),
            (
                "The Orioles offered between $140 million and $150 million over seven years.",
                "The Orioles offered $140 to $150 million over seven years.",
                &[],
            ),
            ("The Orioles offered $1.4bn to $1.5bn in all.", "The Orioles offered $1.4-1.5bn in all.", &[]),
            ("The Orioles offered $1.4bn to $1.5bn in all.", "The Orioles offered $ 1.4- $ 1.5 billion in all.", &[]),
            (
                "The Orioles offered between $140 million and $150 million over seven years.",
                "The Orioles offered $130-150 million over seven years.",
                &["number_changed"],
            ),
        ] {
            check_flags(a, b, flags);
        }
        // A rank is no count, a model's number no figure, and a telephone
        // number is one number however its digits are grouped.
        for (a, b, flags) in [
            (
                "Rioters attacked shops in Athens eight days after the shooting.",
                "Rioters attacked shops in Athens on the eighth day after the shooting.",
                &[][..],
            ),
            (
                "It was Klitschko's 58th victory as a professional.",
                "Klitschko improved to 58 victories as a professional.",
                &[],
            ),
            (
                "The navy seized seven AK-47 rifles from the pirates.",
                "The navy seized seven AK-47s from the pirates.",
                &[],
            ),
            (
                "Call Crimestoppers anonymously on 0800 555111 with any information.",
                "Call Crimestoppers anonymously on 0800 555 111 with any information.",
                &[],
            ),
            (
                "Call Surrey Police on 0845 125 2222 with any information.",
                "Call Surrey Police on 0845 125 222 with any information.",
                &["number_changed"],
            ),
            ("Buckley fell about 2, 000 feet from the ridge.", "Buckley fell about 2, 000ft from the ridge.", &[]),
        ] {
            check_flags(a, b, flags);
        }
        // A date given to the day is the same date as its month alone (the
        // day is a detail one side adds, not a clause of its own).
        check_flags(
            "The TTP formally ended the ceasefire with the government on November 28 last year.",
            "The TTP formally ended the ceasefire with the government in November last year.",
            &[],
        );
        check_flags(
            "The TTP formally ended the ceasefire with the government on November 28 last year.",
            "The TTP formally ended the ceasefire with the government in December last year.",
            &["number_changed"],
        );
        // One length in two units, or written two ways, is one figure; two
        // lengths are a change.
        for (a, b, flags) in [
            (
                "Buckley fell about 2,000 feet while climbing to a hut.",
                "Buckley fell about 600m while climbing to a hut.",
                &[][..],
            ),
            (
                "Buckley fell about 2, 000 feet while climbing to a hut.",
                "Buckley fell about 600m while climbing to a hut.",
                &[],
            ),
            ("Rait fell about 200 feet from a ridge.", "Rait fell around 200ft from a ridge.", &[]),
            ("Rait fell about 200 feet from a ridge.", "Rait fell about 200 metres from a ridge.", &["number_changed"]),
            (
                "Buckley fell about 600m while climbing to a hut.",
                "Buckley fell about 700m while climbing to a hut.",
                &["number_changed"],
            ),
        ] {
            check_flags(a, b, flags);
        }
        let f = the_flag(
            "Rait fell about 200 feet from a ridge in the park.",
            "Rait fell about 200 metres from a ridge in the park.",
            "number_changed",
        );
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("200 feet", "200 metres"));
        check_flags(
            "She starred in swimming films through the 1950s at the studio.",
            "She starred in swimming films through the '50s at the studio.",
            &[],
        );
        // Units glued or spelled out are one unit.
        check_flags(
            "The quake struck at a depth of 10km, 55km from Takengon.",
            "The quake struck at a depth of 10 kilometres, 55 kilometres from Takengon.",
            &[],
        );

        check_flags(
            "Four other dock workers were taken to St Brendan's Hospital in the city.",
            "Five other dock workers were taken to St Brendan's Hospital in the city.",
            &["number_changed"],
        );
        // Figures of different units are not one figure changed (each is
        // a clause of its own side).
        for (a, b) in [
            (
                "The prosecution says the firm paid £84,000 for design work on the pool.",
                "The prosecution says the firm paid for design work on three housing schemes.",
            ),
            (
                "The contract was signed in 2019 after the committee met behind closed doors.",
                "The contract was signed after 12 members of the committee met behind closed doors.",
            ),
        ] {
            let report = crate::classify::testutil::flag_report(a, b);
            assert!(report.rows.iter().all(|r| r.flags.iter().all(|f| f.name != "number_changed")), "{a} / {b}");
        }
        check_flags(
            "The firm paid £48,000 into the account in 2019.",
            "The firm paid £84,000 into the account in 2019.",
            &["number_changed"],
        );
        // Times in two zones are one time; in one zone, a changed time.
        check_flags(
            "The game kicks off on Saturday at 4:30 p.m. ET in Seattle.",
            "The game kicks off on Saturday at 1:30 p.m. PST in Seattle.",
            &[],
        );
        check_flags(
            "The game kicks off on Saturday at 4:30 p.m. ET in Seattle.",
            "The game kicks off on Saturday at 5:30 p.m. ET in Seattle.",
            &["number_changed"],
        );
        // Text around a figure that is not ASCII is read on char boundaries.
        let dashes = "\u{2014}".repeat(20);
        check_flags(
            &format!("Kick-off on the quay \u{2014}\u{2014}\u{2014} 4:30 {dashes} in Seattle."),
            &format!("Kick-off on the quay \u{2014}\u{2014}\u{2014} 5:30 {dashes} in Seattle."),
            &["number_changed"],
        );
        // Two figures of different things are not one changed, nor one
        // value rounded.
        check_flags(
            "The quake killed five people in Bireun on Tuesday, officials said.",
            "The 6.1 magnitude quake struck Bireun on Tuesday, officials said.",
            // (Nor is either side's new predicate most of a clause that
            // shares its subject, place and day.)
            &[],
        );
        check_flags(
            "The quake struck 10 km (6.2 miles) beneath the sea off Bireun.",
            "The quake struck 10 km (6 miles) beneath the sea off Bireun.",
            &[],
        );
        check_flags(
            "The quake struck at 0737 GMT near Bireun, officials said.",
            "The 6.1-magnitude quake struck near Bireun, officials said.",
            // Each side's figure is a detail of one shared clause.
            &[],
        );
        check_flags(
            "The tsunami killed 170,000 people in the province.",
            "The tsunami killed 230,000 people in the province.",
            &["number_changed"],
        );
        check_flags(
            "By Friday the death toll in the province had risen to 24.",
            "By Friday the death toll in the province had risen to 25.",
            &["number_changed"],
        );
        // "One" standing for a thing named before is no number.
        let f = the_flag(
            "The first one reached the Kessel Quay at 4 p.m. on Friday.",
            "The first ship reached the Kessel Quay at 5 p.m. on Friday.",
            "number_changed",
        );
        let a: Vec<&str> = f.a.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(a, ["4"], "{}", f.explanation);
        check_flags(
            "One of the four injured workers was taken to St Brendan's Hospital.",
            "Two of the four injured workers were taken to St Brendan's Hospital.",
            &["number_changed"],
        );
        let f = the_flag(
            PORT,
            "About 1,500 dock workers at the Kessel Quay terminal walked off the job on Wednesday.",
            "number_changed",
        );
        assert_eq!((f.a[0].text.as_str(), f.b[0].text.as_str()), ("1,200", "1,500"));
    }

    #[test]
    fn fates_are_sorted_for_binary_search() {
        assert!(super::FATES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
