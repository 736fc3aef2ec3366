//! What outlets say about the same named person, wherever in the story they
//! say it: the age and the home town of a news appositive ("Anthony
//! LaSalle, 36, of Minneapolis, ..."), and the people whose age or home
//! town two outlets give differently ([`person_differences`]). A claim
//! pair needs two sentences that match; these facts sit in sentences that
//! rarely do ("LaSalle, 36, of Bloomington, was tasered" / "Anthony
//! LaSalle, 36, of Minneapolis, faces charges").

use std::collections::{BTreeMap, HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// One appositive: who, how old, from where, and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFact {
    /// The source (article) it was read in.
    pub source: usize,
    /// The sentence's index in that article.
    pub sentence: usize,
    /// The name as written before the age ("Anthony LaSalle", "LaSalle").
    pub name: String,
    /// The age.
    pub age: u16,
    /// The home town after "of"/"from", when given ("Minneapolis").
    pub place: Option<String>,
}

/// A person whose age or home town two sources give differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDifference {
    /// `age_differs`, `hometown_differs` or `spelling_differs`.
    pub kind: &'static str,
    /// The fullest name any source gives ("Anthony LaSalle").
    pub name: String,
    /// Each value given, with the facts that give it (indices into the facts
    /// passed to [`person_differences`], or the mentions passed to
    /// [`spelling_differences`]), in order of first appearance.
    pub values: Vec<(String, Vec<usize>)>,
}

/// Words of a title or honorific, left out of a name ("Mr. Gigante",
/// "Sgt. Ray Orozco").
const TITLES: &[&str] = &[
    "Capt", "Col", "Dr", "Gen", "Gov", "Insp", "Lt", "Miss", "Mr", "Mrs", "Ms", "Officer", "Prof", "Rep", "Rev", "Sen",
    "Sgt", "Sir",
];

/// Whether a word is capitalised and written like a name ("LaSalle",
/// "O'Neil", "Okonjo-Vance"): not an acronym, a number, a title or a
/// function word opening the sentence ("The", "His").
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-' | '.'))
        && !TITLES.contains(&w.trim_end_matches('.'))
        && !crate::normalize::is_stop_word(&w.to_lowercase())
}

/// Whether a word names a day or a month ("Monday, 12," is no age).
fn calendar_word(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_lowercase();
    crate::lexicon::WEEKDAYS.contains(&w.as_str())
        || crate::lexicon::MONTHS.contains(&w.as_str())
        || crate::lexicon::MONTHS.iter().any(|m| m.len() > 3 && w.len() >= 3 && m.starts_with(&w))
}

/// Nouns after "a 61-year-old Vancouver": the capitalised word before
/// them says where the person is from, not who.
const PERSON_NOUNS: &[&str] =
    &["boy", "driver", "father", "girl", "man", "mother", "native", "resident", "student", "teen", "teenager", "woman"];

/// The ages (1 to 110) a sentence gives: in appositives, with the name
/// before and the place after ("Name, 36," or "Name, 36, of Place"), and
/// before a name ("the 36-year-old LaSalle").
pub fn person_facts(source: usize, sentence: usize, text: &str) -> Vec<PersonFact> {
    // Tokenised copy sets the hyphens apart ("16 - year - old").
    let text = text.replace(" - year - old ", "-year-old ").replace(" - year old ", "-year-old ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut res = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(age) = w.strip_suffix("-year-old").and_then(|d| d.parse::<u16>().ok()) else { continue };
        let mut name: Vec<&str> = Vec::new();
        let mut closed = false;
        for w in words[i + 1..].iter().take(3) {
            let bare = w.trim_end_matches([',', '.', ';', ':']);
            if !name_word(bare) || calendar_word(bare) {
                break;
            }
            name.push(bare);
            closed = bare.len() != w.len();
            if closed {
                break;
            }
        }
        let noun = !closed
            && words.get(i + 1 + name.len()).is_some_and(|n| PERSON_NOUNS.contains(&n.trim_end_matches([',', '.'])));
        if name.is_empty() || noun || !(1..=110).contains(&age) {
            continue;
        }
        res.push(PersonFact { source, sentence, name: name.join(" "), age, place: None });
    }
    for i in 1..words.len() {
        let Some(digits) = words[i].strip_suffix(',') else { continue };
        let Ok(age) = digits.parse::<u16>() else { continue };
        if !(1..=110).contains(&age) || digits.starts_with('0') {
            continue;
        }
        let Some(last) = words[i - 1].strip_suffix(',') else { continue };
        if !name_word(last) || calendar_word(last) {
            continue;
        }
        // The name's words run back over capitalised words ("Anthony
        // LaSalle"), at most three.
        let mut first = i - 1;
        while first > 0 && i - first < 4 && name_word(words[first - 1]) && !calendar_word(words[first - 1]) {
            first -= 1;
        }
        let name: Vec<&str> = words[first..i].iter().map(|w| w.trim_end_matches(',')).collect();
        let place = words.get(i + 1).filter(|w| matches!(**w, "of" | "from")).and_then(|_| place_at(&words[i + 2..]));
        res.push(PersonFact { source, sentence, name: name.join(" "), age, place });
    }
    res
}

/// The place name that opens `words` (after "of"): capitalised words, up to
/// four, and a second part after a comma ("College Point, Queens",
/// "Bloomington, Minn.").
fn place_at(words: &[&str]) -> Option<String> {
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for w in words.iter().take(6) {
        let bare = w.trim_end_matches([',', ';', ')']);
        let word = bare.trim_end_matches('.');
        if !name_word(word) || calendar_word(word) {
            break;
        }
        // An abbreviation keeps its full stop ("Minn.", "St. Paul").
        let short = bare.ends_with('.') && word.len() <= 4;
        if let Some(p) = parts.last_mut() {
            p.push(if short { bare } else { word });
        }
        if w.ends_with(',') && parts.len() < 2 {
            parts.push(Vec::new());
            continue;
        }
        let end = bare.len() != w.len() || (bare.ends_with('.') && word.len() > 3);
        if end || parts.iter().map(Vec::len).sum::<usize>() >= 4 {
            break;
        }
    }
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).map(|p| p.join(" ")).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The people whose age or home town differs between sources. A person is
/// known by surname and, where any source gives one, first name; a surname
/// given with two first names in the story ("Kimani Gray, 16" and "Mahnefah
/// Gray, 19") is two people, and its bare mentions are nobody's. A source
/// giving one person two ages is read as naming two people: that person is
/// left out. Home towns differ only when neither names the other ("Queens"
/// and "College Point, Queens" do not).
pub fn person_differences(facts: &[PersonFact]) -> Vec<PersonDifference> {
    let surname = |f: &PersonFact| f.name.rsplit(' ').next().unwrap_or_default().to_owned();
    let given = |f: &PersonFact| f.name.rsplit_once(' ').map(|(g, _)| g.split(' ').next().unwrap_or(g).to_owned());
    let mut firsts: HashMap<String, HashSet<String>> = HashMap::new();
    for f in facts {
        if let Some(g) = given(f) {
            firsts.entry(surname(f)).or_default().insert(g);
        }
    }
    // Person key -> the facts about them, in order.
    let mut people: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (k, f) in facts.iter().enumerate() {
        let s = surname(f);
        let g = match (given(f), firsts.get(&s)) {
            (Some(g), _) => g,
            (None, None) => String::new(),
            (None, Some(gs)) if gs.len() == 1 => gs.iter().next().cloned().unwrap_or_default(),
            (None, Some(_)) => continue,
        };
        people.entry((s, g)).or_default().push(k);
    }
    let mut res = Vec::new();
    for ks in people.values() {
        let one_age_per_source =
            ks.iter().all(|&k| ks.iter().all(|&j| facts[j].source != facts[k].source || facts[j].age == facts[k].age));
        let name = ks.iter().map(|&k| &facts[k].name).max_by_key(|n| n.len()).cloned().unwrap_or_default();
        if one_age_per_source {
            let ages = group(ks.iter().map(|&k| (facts[k].age.to_string(), k)));
            if ages.len() > 1 {
                res.push(PersonDifference { kind: "age_differs", name: name.clone(), values: ages });
            }
        }
        let places = group(ks.iter().filter_map(|&k| Some((facts[k].place.clone()?, k))));
        let apart = places
            .iter()
            .enumerate()
            .any(|(x, (p, _))| places[x + 1..].iter().any(|(q, _)| !p.contains(q.as_str()) && !q.contains(p.as_str())));
        if apart {
            res.push(PersonDifference { kind: "hometown_differs", name, values: places });
        }
    }
    res
}

/// A person's name as one sentence writes it: the last two words of a run
/// of capitalised name words ("Malcolm Tucker" in "Director Malcolm Tucker
/// said"), possessives dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The source (article) it was read in.
    pub source: usize,
    /// The sentence's index in that article.
    pub sentence: usize,
    /// Given name (or the word before the surname) and surname, as written.
    pub words: [String; 2],
}

/// The two-word names a sentence gives. A title-case line with no full
/// stop (a headline: "Tara Reid Checks Into Rehab") gives none: its
/// capitals are not names.
pub fn name_mentions(source: usize, sentence: usize, text: &str) -> Vec<NameMention> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitals = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    let full = text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
    if !full && long.len() >= 4 && capitals * 10 >= long.len() * 7 {
        return Vec::new();
    }
    let mut res = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut close = |run: &mut Vec<&str>| {
        if let [.., a, b] = run.as_slice() {
            res.push(NameMention { source, sentence, words: [(*a).to_owned(), (*b).to_owned()] });
        }
        run.clear();
    };
    for w in &words {
        let core = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if core.len() != w.len() {
            close(&mut run);
        }
        let bare = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        let bare = crate::quote::without_possessive(bare).unwrap_or(bare);
        if name_word(bare) && !calendar_word(bare) && !bare.contains('.') {
            run.push(bare);
        } else {
            close(&mut run);
        }
        if bare.len() != core.len() {
            close(&mut run);
        }
    }
    close(&mut run);
    res
}

/// Whether two words of a name are one name spelled differently by one
/// outlet ("Malcolm"/"Malcom", "Wolfe"/"Wolff"): four letters or more,
/// the same first letter, at most two edits apart (one below five
/// letters), and not house style (British and American spelling, accents),
/// a plural or a shortened form ("Phil"/"Philip").
fn misspelled(x: &str, y: &str) -> bool {
    let fold = |w: &str| -> String {
        let lower: String = w
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .map(crate::normalize::fold_char)
            .flat_map(char::to_lowercase)
            .collect();
        crate::normalize::americanize(&lower).into_owned()
    };
    let (x, y) = (fold(x), fold(y));
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    let plural = ["s", "es"].iter().any(|s| long.strip_suffix(s) == Some(short.as_str()));
    x != y && !plural && !long.starts_with(short.as_str()) && super::names::similar_words(&x, &y)
}

/// Whether every two spellings of a name differ only in vowels, doubled
/// letters or an "h" after a consonant ("Heidar"/"Heydar", "Masoud"/
/// "Massoud", "Askhar"/"Askar"): two transliterations more often than a
/// mistake.
pub fn transliterated(d: &PersonDifference) -> bool {
    // Each run of vowels becomes one mark; doubled letters and an "h"
    // after a consonant are dropped.
    let skeleton = |w: &str| -> String {
        let mut out = String::new();
        let mut prev = ' ';
        for c in w.nfd().filter(|c| c.is_alphabetic() || *c == ' ').flat_map(char::to_lowercase) {
            let vowel = |c: char| "aeiouy".contains(c);
            if vowel(c) {
                if !vowel(prev) {
                    out.push('*');
                }
            } else if c != prev && !(c == 'h' && prev.is_alphabetic() && !vowel(prev)) {
                out.push(c);
            }
            prev = c;
        }
        out
    };
    let forms: Vec<String> = d.values.iter().map(|(v, _)| skeleton(v)).collect();
    forms.windows(2).all(|w| w[0] == w[1])
}

/// The most spellings sharing one word whose other words are compared.
const MAX_NAMES_SHARING_A_WORD: usize = 64;

/// The people whose name two sources spell differently: names of two words
/// that differ in one ("Malcolm Tucker"/"Malcom Tucker", "Lennie
/// Rosenbluth"/"Lenny Rosenbluth"), spellings linked through each other
/// ("Heidar Alishvandi", "Heydar Alishvandi", "Heydar Alishbandi"). A
/// source writing two of the spellings may name two people (sisters
/// "Latonya" and "Latoya"): the name is left out. So is a word the story
/// also writes in lower case (`is_word`: "Fire Marshal"/"Marshall"): a
/// common word, not a name. The name is the spelling most sources use.
pub fn spelling_differences(mentions: &[NameMention], is_word: impl Fn(&str) -> bool) -> Vec<PersonDifference> {
    // Spelling -> its mentions, in order of first appearance.
    let mut forms: Vec<(&[String; 2], Vec<usize>)> = Vec::new();
    let mut index: HashMap<&[String; 2], usize> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        let f = *index.entry(&m.words).or_insert_with(|| {
            forms.push((&m.words, Vec::new()));
            forms.len() - 1
        });
        forms[f].1.push(k);
    }
    // Forms sharing one word are compared on the other: (position of the
    // shared word, the word) -> forms.
    let mut blocks: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (f, (w, _)) in forms.iter().enumerate() {
        blocks.entry((0, w[0].as_str())).or_default().push(f);
        blocks.entry((1, w[1].as_str())).or_default().push(f);
    }
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut keys: Vec<&(usize, &str)> = blocks.keys().collect();
    keys.sort();
    for key in keys {
        let fs = &blocks[key];
        // A word that goes with many others ("New", "Street", a common
        // given name in a large corpus) names no one person: its block is
        // not compared (which also keeps the pairs compared few).
        if fs.len() > MAX_NAMES_SHARING_A_WORD {
            continue;
        }
        let other = 1 - key.0;
        for (i, &f) in fs.iter().enumerate() {
            for &g in &fs[i + 1..] {
                let (x, y) = (&forms[f].0[other], &forms[g].0[other]);
                // Two edits at most: the lengths differ by two at most.
                if x.len().abs_diff(y.len()) > 4 {
                    continue;
                }
                if misspelled(x, y) && !is_word(x) && !is_word(y) {
                    let (rf, rg) = (root(&mut parent, f), root(&mut parent, g));
                    parent[rf.max(rg)] = rf.min(rg);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for f in 0..forms.len() {
        let r = root(&mut parent, f);
        groups.entry(r).or_default().push(f);
    }
    let sources = |f: usize| -> HashSet<usize> { forms[f].1.iter().map(|&k| mentions[k].source).collect() };
    let mut res = Vec::new();
    for fs in groups.into_values().filter(|fs| fs.len() > 1) {
        let by_form: Vec<HashSet<usize>> = fs.iter().map(|&f| sources(f)).collect();
        let apart = by_form.iter().enumerate().all(|(i, a)| by_form[i + 1..].iter().all(|b| a.is_disjoint(b)));
        if !apart {
            continue;
        }
        let most = (0..fs.len()).max_by_key(|&i| (by_form[i].len(), std::cmp::Reverse(i))).unwrap_or(0);
        let name = forms[fs[most]].0.join(" ");
        let values = fs.iter().map(|&f| (forms[f].0.join(" "), forms[f].1.clone())).collect();
        res.push(PersonDifference { kind: "spelling_differs", name, values });
    }
    res
}

/// Values with the facts giving each, in order of first appearance.
fn group(items: impl Iterator<Item = (String, usize)>) -> Vec<(String, Vec<usize>)> {
    let mut res: Vec<(String, Vec<usize>)> = Vec::new();
    for (v, k) in items {
        match res.iter_mut().find(|(x, _)| *x == v) {
            Some((_, ks)) => ks.push(k),
            None => res.push((v, vec![k])),
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(texts: &[&str]) -> Vec<PersonFact> {
        texts.iter().enumerate().flat_map(|(s, t)| person_facts(s, 0, t)).collect()
    }

    #[test]
    fn appositives_give_name_age_and_home_town() {
        let f = person_facts(0, 3, "Police arrested Anthony LaSalle, 36, of Minneapolis, on Wednesday.");
        assert_eq!(f.len(), 1);
        assert_eq!(person_facts(0, 0, "The LaSalle, 36, was held.")[0].name, "LaSalle");
        assert_eq!((f[0].name.as_str(), f[0].age, f[0].place.as_deref()), ("Anthony LaSalle", 36, Some("Minneapolis")));
        let f = person_facts(
            0,
            0,
            "Mr. Gigante, 77, died in prison; Sgt. Ray Orozco, 27, of College Point, Queens, was hurt.",
        );
        let got: Vec<(&str, u16, Option<&str>)> =
            f.iter().map(|f| (f.name.as_str(), f.age, f.place.as_deref())).collect();
        assert_eq!(got, [("Gigante", 77, None), ("Ray Orozco", 27, Some("College Point, Queens"))]);
        let place = |t: &str| person_facts(0, 0, t).first().and_then(|f| f.place.clone());
        assert_eq!(place("Ann Holm, 52, of St. Paul, Minn., said so.").as_deref(), Some("St. Paul, Minn."));
        assert_eq!(place("It hit Ann Holm, 52, of Bloomington.").as_deref(), Some("Bloomington"));
        assert_eq!(place("Ann Holm, 52, of Bloomington, said so.").as_deref(), Some("Bloomington"));
        let f = person_facts(
            0,
            0,
            "Police shot the 16 - year - old Kimani Gray on Saturday, a 61-year-old Vancouver man and the 36-year-old LaSalle, who ran.",
        );
        let got: Vec<(&str, u16)> = f.iter().map(|f| (f.name.as_str(), f.age)).collect();
        assert_eq!(got, [("Kimani Gray", 16), ("LaSalle", 36)]);
        // Dates, counts and numbered things are no ages.
        for text in [
            "On Monday, 12, people were hurt.",
            "It opened on December 5, 2008, in Utah.",
            "The FBI, 12, said so.",
            "The plant employs 1,200, most of them locals.",
            "He scored in Week 17, 24, and 31.",
        ] {
            assert_eq!(person_facts(0, 0, text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn a_person_aged_or_placed_differently_by_two_sources_is_found() {
        let diffs = person_differences(&facts(&[
            "Anthony LaSalle, 36, of Bloomington, was arrested.",
            "LaSalle, 36, of Minneapolis, uses an alias.",
            "Police said LaSalle, 35, was drunk.",
        ]));
        let got: Vec<(&str, &str, Vec<&str>)> =
            diffs.iter().map(|d| (d.kind, d.name.as_str(), d.values.iter().map(|v| v.0.as_str()).collect())).collect();
        assert_eq!(
            got,
            [
                ("age_differs", "Anthony LaSalle", vec!["36", "35"]),
                ("hometown_differs", "Anthony LaSalle", vec!["Bloomington", "Minneapolis"]),
            ]
        );
        // The same age everywhere, a place inside another, two people of
        // one surname, one source naming two people alike: nothing.
        assert_eq!(person_differences(&facts(&["Ray Orozco, 27, fell.", "Orozco, 27, of Queens, fell."])), Vec::new());
        assert_eq!(
            person_differences(&facts(&[
                "Chohan, 59, of Queens, died.",
                "Chohan, 59, of College Point, Queens, died."
            ])),
            Vec::new()
        );
        assert_eq!(
            person_differences(&facts(&["Kimani Gray, 16, was shot.", "His sister Mahnefah Gray, 19, was arrested."])),
            Vec::new()
        );
        assert_eq!(
            person_differences(&facts(&["Jenkin, 23, and Jenkin, 20, were held.", "Jenkin, 23, was held."])),
            Vec::new()
        );
    }

    fn mentions(texts: &[&str]) -> Vec<NameMention> {
        texts.iter().enumerate().flat_map(|(s, t)| name_mentions(s, 0, t)).collect()
    }

    fn spellings(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        let lower: HashSet<String> = texts
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.starts_with(char::is_lowercase))
            .map(str::to_owned)
            .collect();
        spelling_differences(&mentions(texts), |w| lower.contains(&w.to_lowercase()))
            .into_iter()
            .map(|d| (d.name, d.values.into_iter().map(|v| v.0).collect()))
            .collect()
    }

    #[test]
    fn names_are_the_last_two_words_of_a_run_of_capitals() {
        let got: Vec<String> = mentions(&[
            "Director Malcolm Tucker's office said on Monday that \"Anre Iguodala\" and Dr. Ilene Wolfe, Sarah, left.",
        ])
        .into_iter()
        .map(|m| m.words.join(" "))
        .collect();
        assert_eq!(got, ["Malcolm Tucker", "Anre Iguodala", "Ilene Wolfe"]);
        // A headline's capitals are not names.
        assert!(mentions(&["Tara Reid Checks Into Promises Treatment Center"]).is_empty());
    }

    #[test]
    fn a_name_two_sources_spell_differently_is_found() {
        let got = spellings(&[
            "Malcolm Tucker and Ilene Wolfe spoke.",
            "Ilene Wolfe met Malcolm Tucker.",
            "Malcom Tucker met Ilene Wolff.",
        ]);
        assert_eq!(
            got,
            [
                ("Malcolm Tucker".to_owned(), vec!["Malcolm Tucker".to_owned(), "Malcom Tucker".to_owned()]),
                ("Ilene Wolfe".to_owned(), vec!["Ilene Wolfe".to_owned(), "Ilene Wolff".to_owned()]),
            ]
        );
        // A hard C and a K sound alike.
        let got = spellings(&["Catherine Gomes, 61, was found.", "Katherine Gomes, 61, was found."]);
        assert_eq!(got.len(), 1, "{got:?}");
        // House style, accents, plurals, short forms, a source writing both
        // (two people), a word the story writes in lower case: nothing.
        for pair in [
            ["the Kodak Theatre", "the Kodak Theater"],
            ["Place Vendome", "Place Vendôme"],
            ["the Texas Ranger", "the Texas Rangers"],
            ["Philip Schiller", "Phil Schiller"],
            ["the Fire Marshal said", "the Fire Marshall, a marshal of the city"],
            ["Bob Woodward", "Bob Woodward and Bob Woodard"],
        ] {
            assert_eq!(spellings(&pair), Vec::new(), "{pair:?}");
        }
    }

    #[test]
    fn a_word_shared_by_many_names_is_not_compared() {
        // "Malcolm Smith"/"Malcom Smith" among 64 other Smiths: the word
        // goes with too many names to name one person (and comparing every
        // pair of a large corpus's Smiths took a minute on 8,000 of them).
        let given = |k: u8| format!("Zor{}{}", char::from(b'a' + k / 26), char::from(b'a' + k % 26));
        let mut texts: Vec<String> = (0..64).map(|k| format!("{} Smith spoke.", given(k))).collect();
        texts.push("Malcolm Smith spoke.".to_owned());
        let texts: Vec<&str> = texts.iter().map(String::as_str).chain(["Malcom Smith spoke."]).collect();
        assert_eq!(spellings(&texts), Vec::new());
        assert_eq!(spellings(&texts[63..]).len(), 1);
    }

    #[test]
    fn transliterations_differ_in_vowels_and_doubled_letters() {
        let diff = |texts: &[&str]| {
            let d = spelling_differences(&mentions(texts), |_| false);
            assert_eq!(d.len(), 1, "{texts:?}");
            transliterated(&d[0])
        };
        assert!(diff(&["Heidar Alishvandi", "Heydar Alishvandi"]));
        assert!(diff(&["Masoud Dalman", "Massoud Dalman"]));
        assert!(diff(&["Abu Askhar", "Abu Askar"]));
        assert!(!diff(&["Malcolm Tucker", "Malcom Tucker"]));
        assert!(!diff(&["Ilene Wolfe", "Ilene Wolff"]));
        assert!(!diff(&["Jermayne Timmons", "Jerymayne Timmons"]));
    }
}
