//! `figure_differs`: a count that outlets give differently anywhere in the
//! story, in sentences that were never paired as one claim ("killing at
//! least 10 people" / "killing at least three people", "two undersea
//! cables" / "three undersea cables"). A count is a whole number and the
//! noun right after it; two counts are of one thing when the noun is the
//! same, the sentences share a name, and a word governing the count (the
//! verb before it, the words after its noun) is the same. Claims mode's
//! summary lists them ([`super::salience`]); a claim's own pairs are left
//! to `number_changed`.

use crate::findings::Highlight;
use crate::normalize::{tokens, TokenKind};
use std::collections::{BTreeMap, BTreeSet};

/// The summary weight of a figure the outlets give differently: that of a
/// name spelled two ways.
pub(super) const FIGURE_WEIGHT: f32 = 12.0;

/// The most counts of one noun compared across a story.
const MAX_MENTIONS: usize = 256;

/// Nouns of time and measure after a number: durations, ages, shares and
/// scores, not things counted ("three days", "16-year-old").
const NOT_COUNTED: &[&str] = &[
    "year", "day", "hour", "minut", "week", "month", "second", "time", "percent", "point", "per", "cent", "old",
    "dozen", "hundr", "thousand", "million", "billion", "of",
];

/// Words before a count that make it part of a whole ("his first 17
/// passes", "29 of 34 passes", "another three people"), not the whole.
const PART_OF: &[&str] = &["first", "last", "next", "top", "final", "anoth", "other", "of", "remain"];

/// Words around a count that say nothing of what it counts: quantifiers,
/// directions, order.
const NOT_CONTEXT: &[&str] = &[
    "least",
    "about",
    "some",
    "more",
    "nearly",
    "around",
    "almost",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "other",
    "first",
    "last",
    "anoth",
    "dozen",
    "hundr",
    "thousand",
    "onli",
    "just",
];

/// One count in one sentence.
struct Mention<'t> {
    source: usize,
    sentence: usize,
    row: usize,
    value: u64,
    noun: String,
    noun_text: &'t str,
    names: Vec<String>,
    /// The words governing the count: each word's key and the word as
    /// written.
    context: Vec<(String, &'t str)>,
}

/// The counts a sentence gives: a whole number of 2 or more (not a year, a
/// day of a month or an amount of money) and the content word after it.
fn mentions(source: usize, sentence: usize, row: usize, text: &str) -> Vec<Mention<'_>> {
    let toks = tokens(text);
    let month = |k: usize| toks.get(k).is_some_and(|t| crate::lexicon::MONTHS.contains(&t.key.as_str()));
    let names: Vec<String> = toks.iter().filter(|t| t.kind == TokenKind::Name).map(|t| t.key.to_string()).collect();
    // Words that are themselves counted ("two catches for 25 yards"): the
    // context of no other count.
    let counted: BTreeSet<usize> =
        (1..toks.len()).filter(|&j| toks[j - 1].kind == TokenKind::Number && toks[j].kind == TokenKind::Word).collect();
    let context_word = |j: usize| {
        toks[j].kind == TokenKind::Word && !counted.contains(&j) && !NOT_CONTEXT.contains(&toks[j].key.as_str())
    };
    let mut res = Vec::new();
    for k in 0..toks.len().saturating_sub(1) {
        let (t, n) = (&toks[k], &toks[k + 1]);
        let Ok(value) = t.key.parse::<u64>() else { continue };
        let before = text[..t.start].trim_end();
        let joined = matches!(between(text, t.end, n.start), " " | "-");
        if t.kind != TokenKind::Number
            || value < 2
            || crate::lexicon::is_year(&t.key)
            || (k > 0 && month(k - 1))
            || month(k + 2)
            || before.ends_with(crate::lexicon::CURRENCY_SIGNS)
            || n.kind != TokenKind::Word
            || !joined
            // The first part of a compound ("two co-workers") is no noun.
            || text[n.end..].trim_start().starts_with(['-', '\u{2013}'])
            || NOT_COUNTED.iter().any(|w| n.key.starts_with(w))
            || (k > 0 && PART_OF.contains(&toks[k - 1].key.as_str()))
        {
            continue;
        }
        let mut at: Vec<usize> = (k.saturating_sub(3)..k).filter(|&j| context_word(j)).collect();
        // After the noun, up to two words before a conjunction or a comma.
        for j in k + 2..(k + 4).min(toks.len()) {
            let gap = between(text, toks[j - 1].end, toks[j].start);
            if gap.contains(',') || matches!(toks[j].key.as_str(), "and" | "or" | "but" | "while") {
                break;
            }
            if context_word(j) {
                at.push(j);
            }
        }
        let context = at.iter().map(|&j| (toks[j].key.to_string(), &text[toks[j].start..toks[j].end])).collect();
        res.push(Mention {
            source,
            sentence,
            row,
            value,
            noun: n.key.to_string(),
            noun_text: &text[n.start..n.end],
            names: names.clone(),
            context,
        });
    }
    res
}

/// Whether a sentence tells of an earlier event: it names a year before
/// the story's (`now`) or a time "ago" in years. Its counts (the 2004
/// tsunami's dead) are another event's, and outlets count them over other
/// areas.
fn tells_the_past(text: &str, now: Option<u16>) -> bool {
    let earlier = now.is_some_and(|now| {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|w| crate::lexicon::is_year(w))
            .any(|w| w.parse::<u16>().is_ok_and(|y| y < now))
    });
    earlier || text.contains("years ago") || text.contains("year ago")
}

/// The text between two tokens; empty where they overlap (a number and
/// the unit glued to it share a span: "20MM").
fn between(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("")
}

/// Whether two counts that one word governs are of one thing: different
/// outlets and claims, and a name in common.
fn one_thing(a: &Mention, b: &Mention) -> bool {
    a.source != b.source && a.row != b.row && a.names.iter().any(|n| b.names.contains(n))
}

/// The summary's `figure_differs` findings over a story's sentences
/// (source, index, row, text), labelled as [`super::salience`] labels
/// people's: `label` names a sentence's claim, `source` an outlet.
pub(super) fn figure_highlights<'s>(
    sentences: impl Iterator<Item = (usize, usize, usize, &'s str)>,
    now: Option<u16>,
    label: impl Fn(usize, usize, usize) -> String,
    source: impl Fn(usize) -> String,
) -> Vec<Highlight> {
    let all: Vec<Mention> = sentences
        .filter(|&(_, _, _, text)| !tells_the_past(text, now))
        .flat_map(|(s, i, row, text)| mentions(s, i, row, text))
        .collect();
    let mut by_noun: BTreeMap<&str, Vec<&Mention>> = BTreeMap::new();
    for m in &all {
        by_noun.entry(m.noun.as_str()).or_default().push(m);
    }
    let mut res = Vec::new();
    for ms in by_noun.values() {
        // An outlet that gives two values for the noun counts two things
        // with it ("300 people marched", "12 people were arrested"), and
        // which of them another outlet's count is of is not sure: it is left
        // out. (Keeping its counts governed by other words found as many
        // again on 81 real stories, half of them two events' counts.)
        let mut values: BTreeMap<usize, BTreeSet<u64>> = BTreeMap::new();
        for m in ms {
            values.entry(m.source).or_default().insert(m.value);
        }
        let single: Vec<&&Mention> = ms.iter().filter(|m| values[&m.source].len() == 1).collect();
        // A noun counted in hundreds of sentences is no one figure (and
        // comparing every two of them would take time quadratic in them).
        if single.len() > MAX_MENTIONS {
            continue;
        }
        // The counts one governing word links ("killing 10 people" /
        // "killing three people"; not "injuring 50 people"): the word that
        // links the most.
        let words: BTreeSet<&str> = single.iter().flat_map(|m| m.context.iter().map(|c| c.0.as_str())).collect();
        let Some((word, linked)) = words
            .into_iter()
            .map(|w| {
                let group: Vec<&&Mention> =
                    single.iter().copied().filter(|m| m.context.iter().any(|c| c.0 == w)).collect();
                let linked: Vec<&&Mention> = group
                    .iter()
                    .copied()
                    .filter(|a| group.iter().any(|b| a.value != b.value && one_thing(a, b)))
                    .collect();
                (w, linked)
            })
            .max_by_key(|(w, linked)| (linked.len(), std::cmp::Reverse(*w)))
        else {
            continue;
        };
        let mut given: BTreeMap<u64, Vec<&Mention>> = BTreeMap::new();
        for m in &linked {
            given.entry(m.value).or_default().push(m);
        }
        if given.len() < 2 {
            continue;
        }
        let row = linked.iter().map(|m| m.row).min().unwrap_or(0);
        let governing = linked[0].context.iter().find(|c| c.0 == word).map_or(word, |c| c.1);
        let mut refs: Vec<String> = Vec::new();
        let mut parts = Vec::new();
        // The value most outlets give first.
        let mut order: Vec<(&u64, &Vec<&Mention>)> = given.iter().collect();
        order.sort_by_key(|(v, ms)| (std::cmp::Reverse(ms.len()), **v));
        for (value, ms) in order {
            let mut outlets: Vec<usize> = ms.iter().map(|m| m.source).collect();
            outlets.sort_unstable();
            outlets.dedup();
            for m in ms {
                let l = label(m.source, m.sentence, m.row);
                if !refs.contains(&l) {
                    refs.push(l);
                }
            }
            let names: Vec<String> = outlets.into_iter().map(&source).collect();
            parts.push(format!("{value} in {}", names.join(", ")));
        }
        res.push(Highlight {
            row,
            kind: "figure_differs".to_owned(),
            salience: FIGURE_WEIGHT,
            refs: refs.join(" "),
            summary: format!("figure for {} ({governing}): {}", linked[0].noun_text, parts.join("; ")),
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(texts: &[(usize, &str)]) -> Vec<String> {
        let sentences = texts.iter().enumerate().map(|(k, &(s, t))| (s, k, k, t));
        figure_highlights(sentences, Some(2012), |_, _, r| format!("C{r}"), |s| format!("[{}]", s + 1))
            .into_iter()
            .map(|h| h.summary)
            .collect()
    }

    #[test]
    fn a_count_two_outlets_give_differently_is_found() {
        let got = found(&[
            (0, "A powerful earthquake hit southern Iran, killing at least 10 people, officials said."),
            (1, "An earthquake has hit southern Iran, killing at least three people and injuring others."),
        ]);
        assert_eq!(got, ["figure for people (killing): 3 in [2]; 10 in [1]"]);
        let got = found(&[
            (0, "Millions lost access to the internet after two undersea cables in the Mediterranean were cut."),
            (1, "Calls were disrupted after three undersea cables in the Mediterranean were damaged on Friday."),
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn counts_of_different_things_are_not_compared() {
        for pair in [
            // Killed and injured are two counts.
            [
                "An earthquake struck Aceh, killing at least three people and injuring dozens more.",
                "An earthquake struck Aceh today, injuring at least 50 people.",
            ],
            // A game's catches and a season's.
            [
                "Against the Steelers, Jackson was held to just two catches for 25 yards.",
                "Jackson had 59 catches for 1,098 yards this season against the Steelers and others.",
            ],
            // No name in common.
            ["Firefighters needed five hours to put out the blaze.", "About 60 firefighters fought the blaze."],
            // Durations, years and money are no counts.
            ["Police in Ohio held him for three days.", "Police in Ohio held him for four days."],
            // A part is not the whole; a multiplier counts nothing.
            [
                "Manning completed his first 17 passes against the Jaguars.",
                "Manning completed 29 of 34 passes against the Jaguars.",
            ],
            [
                "In Brooklyn about two dozen young protesters broke away.",
                "In Brooklyn at least three dozen young people broke into a store.",
            ],
            // The first part of a compound is not the noun counted.
            [
                "In Philadelphia she was accused of killing two co-workers at the plant.",
                "In Philadelphia she was accused of shooting three co - workers, killing two of them.",
            ],
            // An earlier event's count is another event's.
            [
                "The 2004 tsunami killed 168,000 people in Aceh province.",
                "The tsunami four years ago killed more than 230,000 people, 170,000 of them in Aceh.",
            ],
            // A unit glued to its number shares its span: no panic.
            ["The Angels in Anaheim offered $ 20MM per year.", "The Angels in Anaheim offered $ 15MM per year."],
        ] {
            assert_eq!(found(&[(0, pair[0]), (1, pair[1])]), Vec::<String>::new(), "{pair:?}");
        }
        // An outlet giving two values for the noun counts two things.
        let got = found(&[
            (0, "The quake in Aceh killed 10 people in one district and 3 people in another."),
            (1, "The quake in Aceh killed 12 people, officials said."),
        ]);
        assert!(got.iter().all(|s| !s.contains("in [1]")), "{got:?}");
        let got = found(&[
            (0, "Police in Northport said about 300 people joined a march on Wednesday."),
            (0, "Two drivers were among 12 people arrested at Kessel Quay since the walkout began."),
            (1, "Police have arrested nine people at Kessel Quay, the force said on Friday."),
        ]);
        assert_eq!(got, Vec::<String>::new());
    }
}
