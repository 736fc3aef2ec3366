//! `name_changed`: runs of capitalised words as name phrases (titles and
//! roles set aside, sentence starters skipped), and how two phrases that
//! name one thing differ: hyphenation, spelling, a middle name, or another
//! form. A shorter reference ("Asif" for "Khawaja Asif") is no change.

use super::view::View;
use crate::findings::Flag;
use crate::quote;
use std::collections::HashSet;

/// A run of capitalised words: a person, place or organisation.
#[derive(Debug, Clone)]
pub(super) struct NamePhrase {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Lower-cased words, glyphs folded, dots and possessives dropped.
    pub(super) words: Vec<String>,
}

impl NamePhrase {
    fn key(&self) -> String {
        self.words.join(" ")
    }
}

/// Titles and roles that precede a name: "Defence Minister Khawaja Asif"
/// and "Minister Asif" name one man, so these are set aside before names
/// are compared.
const ROLES: &[&str] = &[
    "ambassador",
    "captain",
    "capt",
    "chief",
    "col",
    "commander",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "finance",
    "foreign",
    "gen",
    "general",
    "gov",
    "governor",
    "interior",
    "judge",
    "justice",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "president",
    "prime",
    "prof",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "special",
    "spokesman",
    "spokeswoman",
    "supt",
    "transport",
];

/// Words that open sentences without naming anything.
const STARTERS: &[&str] = &["nobody", "everyone", "everybody", "many", "several", "police", "officials"];

fn name_word(w: &str) -> String {
    let folded: String = w.chars().map(crate::normalize::fold_char).flat_map(char::to_lowercase).collect();
    let base = folded.strip_suffix("'s").unwrap_or(&folded);
    base.chars().filter(|&c| c != '.' && c != '\'').collect()
}

/// The name phrases of a side's sentences.
pub(super) fn name_phrases(v: &View) -> Vec<NamePhrase> {
    let mut res = Vec::new();
    for span in &v.spans {
        let sentence = &v.text[span.start..span.end];
        let mut cur: Option<NamePhrase> = None;
        let mut first = true;
        let mut offset = 0;
        for raw in sentence.split_whitespace() {
            let at = span.start + offset + sentence[offset..].find(raw).unwrap_or(0);
            offset = at - span.start + raw.len();
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let core_all = &raw[lead..];
            let core = core_all.trim_end_matches(|c: char| !c.is_alphanumeric());
            let trail = &core_all[core.len()..];
            if lead > 0 || core.is_empty() {
                res.extend(cur.take());
            }
            let lower = core.to_lowercase();
            let capital = core.starts_with(char::is_uppercase);
            let skip = first && (crate::normalize::is_stop_word(&lower) || STARTERS.contains(&lower.as_str()));
            let skip = skip || (lead > 0 && crate::normalize::is_stop_word(&lower));
            if capital && !skip && !core.is_empty() {
                let start = at + lead;
                let end = start + core.len();
                match &mut cur {
                    Some(p) => {
                        p.end = end;
                        p.words.push(name_word(core));
                    }
                    None => cur = Some(NamePhrase { start, end, words: vec![name_word(core)] }),
                }
            } else {
                res.extend(cur.take());
            }
            let abbreviation = trail == "." && (core.chars().count() == 1 || quote::is_title(core));
            if !trail.is_empty() && !abbreviation && trail != "\u{2019}" && trail != "'" {
                res.extend(cur.take());
            }
            first = trail.ends_with([':', '"', '\u{201c}']) || (lead > 0 && core.is_empty());
            first = first
                || (lead > 0 && raw[..lead].contains(['"', '\u{201c}']) && crate::normalize::is_stop_word(&lower));
        }
        res.extend(cur.take());
    }
    for p in &mut res {
        let roles = p.words.iter().take_while(|w| ROLES.contains(&w.as_str())).count();
        p.words.drain(..roles);
    }
    res.retain(|p| !p.words.is_empty());
    res
}

/// How two names differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameChange {
    Hyphenation,
    Spelling,
    Middle,
    /// The same given name or names, then a surname of each side's own
    /// ("Kristen Stewart" / "Kristen Bell"): another person.
    Different,
}

fn fold_name_word(w: &str) -> String {
    w.split('-').map(crate::normalize::americanize).collect::<Vec<_>>().join("")
}

pub(super) fn similar_words(x: &str, y: &str) -> bool {
    let (fx, fy) = (fold_name_word(x), fold_name_word(y));
    if fx == fy {
        return true;
    }
    // Short words differ by at most one letter ("Amid" is not "Asif"), longer
    // ones by two ("Majeed"/"Majid"), and must still read alike. They open
    // on one letter, or on a hard C and a K, which sound alike
    // ("Catherine"/"Katherine", "Carl"/"Karl").
    let short = fx.chars().count().min(fy.chars().count());
    let max_edits = if short < 5 { 1 } else { 2 };
    let initial = |w: &str| w.chars().next().map(|c| c.to_ascii_lowercase());
    let initials = (initial(&fx), initial(&fy));
    short >= 4
        && (initials.0 == initials.1 || matches!(initials, (Some('c'), Some('k')) | (Some('k'), Some('c'))))
        && strsim::levenshtein(&fx, &fy) <= max_edits
        && strsim::jaro_winkler(&fx, &fy) >= 0.85
}

/// Whether one folded word is the other extended by more than a letter: a
/// shortened form ("Phil"/"Philip"), or a people or language named after a
/// place
/// ("India"/"Indian", "Pakistan"/"Pakistani", "Somalia"/"Somali",
/// "Canada"/"Canadian", "Japan"/"Japanese"). Grammar or a choice of word,
/// not the name spelled another way.
fn derived_form(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() < 3 || short == long {
        return false;
    }
    if let Some(rest) = long.strip_prefix(short) {
        // One letter more is a spelling ("Rait"/"Raite", "Lock"/"Locke",
        // "Marshal"/"Marshall"), but for a plural or a people and its land
        // ("Yemeni", "Somali"/"Somalia").
        return rest.len() >= 2 || ["a", "i", "n", "s"].contains(&rest);
    }
    let stem = short.strip_suffix(['a', 'e', 'o']).unwrap_or(short);
    long.strip_prefix(stem).is_some_and(|rest| ["ian", "ese", "ean", "an", "i", "ish"].contains(&rest))
}

/// Whether two name phrases name the same thing differently, and how.
/// A phrase that is the other with words dropped at an edge ("Asif" for
/// "Khawaja Asif") is a shorter reference, not a change.
fn compare_names(a: &NamePhrase, b: &NamePhrase) -> Option<NameChange> {
    if a.words == b.words {
        return None;
    }
    // A plural ("AK-47s" for "AK-47") is grammar, not the name written
    // another way: compare the singular.
    if let (Some(x), Some(y)) = (a.words.last(), b.words.last()) {
        let plural_of = |p: &str, s: &str| p.len() > 2 && p.strip_suffix('s') == Some(s);
        let singular = |p: &NamePhrase| {
            let mut words = p.words.clone();
            if let Some(w) = words.last_mut() {
                w.pop();
            }
            NamePhrase { start: p.start, end: p.end, words }
        };
        if plural_of(x, y) {
            return compare_names(&singular(a), b);
        }
        if plural_of(y, x) {
            return compare_names(a, &singular(b));
        }
    }
    let joined = |p: &NamePhrase| p.words.iter().map(|w| w.replace('-', "")).collect::<String>();
    if joined(a) == joined(b) {
        return Some(NameChange::Hyphenation);
    }
    let fold = |p: &NamePhrase| p.words.iter().map(|w| fold_name_word(w)).collect::<String>();
    if fold(a) == fold(b) {
        return Some(NameChange::Spelling);
    }
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    if long.words.windows(short.words.len()).any(|w| w == short.words.as_slice()) {
        // Words dropped at an edge: a shorter reference ("Asif" for "Khawaja
        // Asif") or a title, not a change.
        return None;
    }
    if respaced_within(short, long) || respaced_within(long, short) {
        // The same letters spaced differently, plus words at an edge:
        // "Ubaidur Rehman" vs "Ubaid Ur Rehman".
        return Some(NameChange::Hyphenation);
    }
    // Pair the words in order: `pos[k]` is the long phrase's word that the
    // short phrase's word k matches.
    let mut pos: Vec<Option<usize>> = Vec::new();
    let mut fuzzy = false;
    let mut from = 0;
    for w in &short.words {
        let hit = (from..long.words.len()).find(|&k| similar_words(w, &long.words[k]));
        if let Some(k) = hit {
            let (fw, fl) = (fold_name_word(w), fold_name_word(&long.words[k]));
            fuzzy |= fw != fl && !derived_form(&fw, &fl);
            from = k + 1;
        }
        pos.push(hit);
    }
    let matched_long: Vec<usize> = pos.iter().flatten().copied().collect();
    let solid = matched_long.iter().any(|&k| !quote::is_title(&long.words[k]) && long.words[k].chars().count() > 1);
    if !solid {
        return None;
    }
    let matched_short: Vec<usize> = pos.iter().enumerate().filter(|(_, p)| p.is_some()).map(|(k, _)| k).collect();
    let inner = |matched: &[usize], n: usize| -> bool {
        let (Some(&lo), Some(&hi)) = (matched.first(), matched.last()) else { return false };
        (lo..=hi).any(|k| !matched.contains(&k)) && n > 0
    };
    if inner(&matched_short, short.words.len()) || inner(&matched_long, long.words.len()) {
        return Some(NameChange::Middle);
    }
    if fuzzy {
        return Some(NameChange::Spelling);
    }
    // Unmatched words right before the first (or after the last) match that
    // join to the same letters: "Ubaidur" vs "Ubaid Ur".
    let edge = |p: &NamePhrase, matched: &[usize], left: bool| -> Vec<String> {
        let words: Vec<String> =
            if left { p.words[..matched[0]].to_vec() } else { p.words[matched[matched.len() - 1] + 1..].to_vec() };
        words
    };
    for left in [true, false] {
        let (es, el) = (edge(short, &matched_short, left), edge(long, &matched_long, left));
        for ns in 1..=es.len().min(2) {
            for nl in 1..=el.len().min(2) {
                let js = if left { es[es.len() - ns..].concat() } else { es[..ns].concat() };
                let jl = if left { el[el.len() - nl..].concat() } else { el[..nl].concat() };
                if (ns, nl) != (1, 1) && js.replace('-', "") == jl.replace('-', "") {
                    return Some(NameChange::Hyphenation);
                }
            }
        }
    }
    // Each side ends in a name word of its own after the words they share
    // ("Kristen Stewart" / "Kristen Bell"): another person named.
    let own_end = |p: &NamePhrase, matched: &[usize]| {
        matched.last().is_some_and(|&k| k + 1 < p.words.len())
            && p.words[matched[matched.len() - 1] + 1..].iter().all(|w| w.chars().count() > 1 && !quote::is_title(w))
    };
    if own_end(short, &matched_short) && own_end(long, &matched_long) {
        return Some(NameChange::Different);
    }
    // Only words dropped at an edge: a shorter reference ("Asif" for
    // "Khawaja Asif") or a title, not a change.
    None
}

/// Whether either side also names the other side's person (by the last
/// word of `x` or `y`): two lists of names, not one name changed ("a
/// delegation of Asif, ... and Mohammad Sadiq" / "Khawaja Mohammad Asif
/// and ...").
fn names_either(a: &View, b: &View, x: &NamePhrase, y: &NamePhrase) -> bool {
    let has = |v: &View, word: Option<&String>| {
        word.is_some_and(|w| v.text.split(|c: char| !c.is_alphanumeric() && c != '-').any(|t| t.to_lowercase() == *w))
    };
    has(a, y.words.last()) || has(b, x.words.last())
}

/// Whether the letters of `p` (two words or more) are a run of whole words
/// of `q` with the spacing changed: "Ubaid Ur Rehman" in "Charge to
/// Ubaidur Rehman". A single word inside another ("US" in "August") is not.
fn respaced_within(p: &NamePhrase, q: &NamePhrase) -> bool {
    respaced_run(p, q).is_some()
}

/// The run of `q`'s words (first and last index) whose letters are `p`'s
/// (two words or more) spaced differently, if there is one.
fn respaced_run(p: &NamePhrase, q: &NamePhrase) -> Option<(usize, usize)> {
    if p.words.len() < 2 {
        return None;
    }
    let target: String = p.words.iter().map(|w| w.replace('-', "")).collect();
    let qw: Vec<String> = q.words.iter().map(|w| w.replace('-', "")).collect();
    (0..qw.len()).find_map(|i| {
        let mut acc = String::new();
        qw[i..]
            .iter()
            .position(|w| {
                acc.push_str(w);
                acc == target
            })
            .map(|n| (i, i + n))
    })
}

/// The byte span, in `text`, of words `first..=last` of the phrase at
/// `start..end` (its words are the text's whitespace-separated words).
fn word_run_span(text: &str, start: usize, end: usize, (first, last): (usize, usize)) -> Option<(usize, usize)> {
    let spans: Vec<(usize, usize)> = text[start..end]
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            (at, at + w.len())
        })
        .collect();
    Some((spans.get(first)?.0, spans.get(last)?.1))
}

/// Whether `p` has a word between two words it shares with `q` that `q`
/// lacks: a middle name.
fn has_inner_extra(p: &NamePhrase, q: &NamePhrase) -> bool {
    let shared: Vec<bool> = p.words.iter().map(|w| q.words.iter().any(|o| similar_words(w, o))).collect();
    let (Some(lo), Some(hi)) = (shared.iter().position(|&x| x), shared.iter().rposition(|&x| x)) else {
        return false;
    };
    (lo..hi).any(|k| !shared[k])
}

/// Whether the two sides name someone or something alike: name phrases
/// that end in the same word (the same phrase, or "Asif" for "Khawaja
/// Asif").
pub(super) fn shared(a: &View, b: &View) -> bool {
    let pb = name_phrases(b);
    name_phrases(a).iter().any(|x| pb.iter().any(|y| x.words.last() == y.words.last()))
}

/// `name_changed`: a name phrase one side writes differently from the other
/// side's closest name phrase.
pub(super) fn name_flags(a: &View, b: &View) -> Vec<Flag> {
    let (pa, pb) = (name_phrases(a), name_phrases(b));
    let keys_a: HashSet<String> = pa.iter().map(NamePhrase::key).collect();
    let keys_b: HashSet<String> = pb.iter().map(NamePhrase::key).collect();
    let free_a: Vec<&NamePhrase> = pa.iter().filter(|p| !keys_b.contains(&p.key())).collect();
    let free_b: Vec<&NamePhrase> = pb.iter().filter(|p| !keys_a.contains(&p.key())).collect();
    // Pairs that share more words first, so that "Kristen Bell" goes with
    // "Kristen Stewart", not with the "Bella" it resembles.
    let mut pairs: Vec<(usize, usize, usize, NameChange)> = Vec::new();
    for (i, x) in free_a.iter().enumerate() {
        for (j, y) in free_b.iter().enumerate() {
            if let Some(change) =
                compare_names(x, y).filter(|&c| c != NameChange::Different || !names_either(a, b, x, y))
            {
                let shared = x.words.iter().filter(|w| y.words.contains(w)).count();
                pairs.push((shared, i, j, change));
            }
        }
    }
    pairs.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let (mut used_a, mut used_b) = (vec![false; free_a.len()], vec![false; free_b.len()]);
    let mut chosen: Vec<(usize, usize, NameChange)> = Vec::new();
    for (_, i, j, change) in pairs {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            chosen.push((i, j, change));
        }
    }
    chosen.sort_by_key(|c| c.0);
    let mut res = Vec::new();
    for (i, j, change) in chosen {
        let (x, y) = (free_a[i], free_b[j]);
        // A respaced name inside a longer phrase ("Afghanistan Ubaidur
        // Rehman Nizamani" for "Ubaid Ur Rehman Nizamani") is shown as the
        // run that is the same name, not the words glued before it.
        let trim = |v: &View, p: &NamePhrase, other: &NamePhrase| -> (usize, usize) {
            let words = v.text[p.start..p.end].split_whitespace().count();
            respaced_run(other, p)
                .filter(|&run| {
                    change == NameChange::Hyphenation && words == p.words.len() && run != (0, words.saturating_sub(1))
                })
                .and_then(|run| word_run_span(v.text, p.start, p.end, run))
                .unwrap_or((p.start, p.end))
        };
        let ((sa, xa), (sb, xb)) = (trim(a, x, y), trim(b, y, x));
        let (ea, eb) = (a.evidence(sa, xa), b.evidence(sb, xb));
        let hyphen = ea.text.contains('-') || eb.text.contains('-');
        let (rule, why) = match change {
            NameChange::Hyphenation if hyphen => ("name:hyphenation", "hyphenation differs".to_owned()),
            NameChange::Hyphenation => ("name:hyphenation", "spacing differs".to_owned()),
            NameChange::Spelling => ("name:spelling", "spelling variant (normalisation folds it)".to_owned()),
            NameChange::Middle => {
                let side = if has_inner_extra(y, x) { "B" } else { "A" };
                ("name:middle", format!("a middle name only in {side}"))
            }
            NameChange::Different => ("name:different", "another name".to_owned()),
        };
        res.push(Flag {
            name: "name_changed".to_owned(),
            rule: rule.to_owned(),
            explanation: format!("\"{}\" (A) vs \"{}\" (B): {why}", ea.text, eb.text),
            a: vec![ea],
            b: vec![eb],
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use crate::classify::testutil::{check_flags, the_flag};

    #[test]
    fn name_changed() {
        check_flags(
            "Foreign Secretary Asad Majeed Khan travelled to Kabul for talks on security.",
            "Foreign Secretary Asad Majid Khan travelled to Kabul for talks on security.",
            &["name_changed"],
        );
        check_flags(
            "The delegation included Lt Gen Nadeem Anjum and officials from Islamabad.",
            "The delegation included Lt Gen Nadeem Ahmed Anjum and officials from Islamabad.",
            &["name_changed"],
        );
        check_flags(
            "The secretary Dariusz Okonjo-Vance said the union would hold a vigil.",
            "The secretary Dariusz Okonjo Vance said the union would hold a vigil.",
            &["name_changed"],
        );
        let f = the_flag(
            "The Harbour Workers' Union said the strike would continue on Monday.",
            "The Harbor Workers Union said the strike would continue on Monday.",
            "name_changed",
        );
        assert!(f.explanation.contains("spelling"), "{}", f.explanation);
        // The same given name and another surname is another person, and a
        // name is paired with the one sharing most words with it ("Bella"
        // resembles "Bell", but "Kristen Bell" goes with "Kristen Stewart").
        let f = the_flag(
            "Robert Pattinson and Kristen Stewart will star in Moon, centred on the teenager Bella.",
            "Robert Pattinson and Kristen Bell will star in Moon, centred on the teenager Bella.",
            "name_changed",
        );
        assert_eq!(
            (f.rule.as_str(), f.a[0].text.as_str(), f.b[0].text.as_str()),
            ("name:different", "Kristen Stewart", "Kristen Bell")
        );
        let f = the_flag(
            "Robert Pattinson and Kristen Stewart will star in Moon, centred on the teenager Bella.",
            "Moon stars Robert Pattinson and Kristen Bell in the lead roles.",
            "name_changed",
        );
        assert_eq!(f.a[0].text, "Kristen Stewart");
        // Two lists of names, each side naming the other's person too.
        check_flags(
            "The delegation of Asif, Nadeem Anjum and Mohammad Sadiq visited Kabul for talks on security.",
            "The delegation of Khawaja Mohammad Asif and Nadeem Anjum visited Kabul for talks on security.",
            &[],
        );
        // A shorter reference to the same person is not a change.
        check_flags(
            "Defence Minister Khawaja Asif said the group was still using Afghan soil.",
            "Minister Asif said the group was still using Afghan soil.",
            &[],
        );
        let f = the_flag(
            "Attacks by the Tehreek-e-Taliban Pakistan rose sharply in the northwest last year.",
            "Attacks by the Tehreek-i-Taliban Pakistan rose sharply in the northwest last year.",
            "name_changed",
        );
        assert_eq!(f.rule, "name:spelling");
        check_flags(
            "The delegation included Ubaidur Rehman Nizamani and officials from Islamabad.",
            "The delegation included Ubaid Ur Rehman Nizamani and officials from Islamabad.",
            &["name_changed"],
        );
        // Respaced, not hyphenated; and the name glued to the word before it
        // in one phrase is shown without that word.
        let f = the_flag(
            "It included the envoy to Afghanistan Ubaidur Rehman Nizamani and officials.",
            "It included Ubaid Ur Rehman Nizamani and officials.",
            "name_changed",
        );
        assert_eq!((f.rule.as_str(), f.a[0].text.as_str()), ("name:hyphenation", "Ubaidur Rehman Nizamani"));
        assert!(f.explanation.ends_with("spacing differs"), "{}", f.explanation);
        let f = the_flag(
            "Union leader Dariusz Okonjo-Vance spoke to the crowd at the gates.",
            "Union leader Dariusz Okonjo Vance spoke to the crowd at the gates.",
            "name_changed",
        );
        assert!(f.explanation.ends_with("hyphenation differs"), "{}", f.explanation);
        // A people named after its country, or a shortened given name, is
        // not the name spelled another way.
        check_flags(
            "India's INS Mysore was on anti-piracy patrol when it received a distress call from the Gibe.",
            "The Indian INS Mysore was patrolling the waters when it received a distress call from the Gibe.",
            &[],
        );
        check_flags(
            "Canada's Prime Minister Stephen Harper met the Somalia delegation on Friday in Ottawa.",
            "Canadian Prime Minister Stephen Harper met the Somali delegation on Friday in Ottawa.",
            &[],
        );
        check_flags(
            "Pakistan's army said Phil Jones was released on Friday after the talks.",
            "The Pakistani army said Philip Jones was released on Friday after the talks.",
            &[],
        );
        // One letter more is still a spelling.
        let f = the_flag(
            "The skipper Duncan Rait said the crew had been rescued on Sunday.",
            "The skipper Duncan Raite said the crew had been rescued on Sunday.",
            "name_changed",
        );
        assert_eq!(f.rule, "name:spelling");
        // A country is not its adjective, and "US" is not inside "August".
        check_flags(
            "Officials said weapons left in Afghan camps in August were used by militants.",
            "Officials said weapons left in Afghanistan camps by the US were used by militants.",
            &[],
        );
        // Different people are not one name spelled differently.
        check_flags(
            "Amid the talks, Asif said the group was still using Afghan soil.",
            "During the talks, Asif said the group was still using Afghan soil.",
            &[],
        );
    }
}
