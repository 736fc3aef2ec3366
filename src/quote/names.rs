//! Reading a speaker's name from the words next to a verb of saying: a
//! run of capitalised words with titles and initials ("Sen. Charles E.
//! Grassley"), a role and the name after it ("said spokesman John Kirby",
//! "the company's chief executive, Alison Baird"), a short role alone ("the
//! minister"), a pronoun, an office of a named person ("Ryan's office") or
//! a body ("police").

use super::words::{bare, capitalised, clean_word, is_dash, is_named, is_title, possessive, BODIES, PRONOUNS};

/// The speaker named by the words right before a speech verb: a pronoun, a
/// run of capitalised words (titles and initials included), or a short role
/// such as "the minister".
pub(super) fn speaker_words(words: &[&str]) -> Option<String> {
    let last = *words.last()?;
    let lw = clean_word(last).trim_end_matches('.').to_lowercase();
    if PRONOUNS.contains(&lw.as_str()) {
        return Some(lw);
    }
    // A weekday or month before the verb ("issued a statement Tuesday
    // saying") names no one: the subject is looked for instead.
    if let Some(name) = name_before(words) {
        // "He has called": a pronoun before an auxiliary.
        let lower = name.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            return Some(lower);
        }
        if is_named(&name) {
            return Some(name);
        }
    }
    // A role: "the minister", "the defence minister", "a senior security
    // official".
    let the = words.iter().rposition(|w| {
        let w = clean_word(w);
        w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")
    });
    // Its last word is the head noun: never a capitalised word or a
    // function word ("a statement Tuesday", "the budget before").
    let head = clean_word(last);
    let head_noun =
        head.chars().next().is_some_and(char::is_lowercase) && !crate::normalize::is_stop_word(&head.to_lowercase());
    if let Some(the) =
        the.filter(|&t| head_noun && words.len() - t <= 5 && words[t..].iter().all(|w| !w.ends_with([',', '.'])))
    {
        return Some(words[the..].iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" "));
    }
    // An office of a named person or body: "Ryan's office", "the Clinton
    // campaign's spokesman".
    let possessor = words.len().saturating_sub(3)..words.len().saturating_sub(1);
    if let Some(k) = possessor.rev().find(|&k| {
        let w = clean_word(words[k]);
        capitalised(w) && possessive(w)
    }) {
        if words[k + 1..].iter().all(|w| !capitalised(w) && !w.ends_with([',', '.'])) {
            return Some(words[k..].iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" "));
        }
    }
    // A body without an article: "police said".
    BODIES.contains(&lw.as_str()).then_some(lw)
}

/// Words that may stand between a subject and its verb: an auxiliary ("Mr.
/// Trump was prompted to say"), an adverb ("Clinton emphatically
/// proclaimed", "Trump jokingly said").
fn between_name_and_verb(w: &str) -> bool {
    const BETWEEN: &[&str] = &[
        "has",
        "had",
        "have",
        "is",
        "was",
        "also",
        "again",
        "later",
        "then",
        "previously",
        "recently",
        "once",
        "still",
        "earlier",
        "often",
        "repeatedly",
        "himself",
        "herself",
        "since",
        "already",
        "just",
        "now",
        "first",
        "finally",
        "today",
        "yesterday",
        "tonight",
        "even",
        "never",
        "did",
        "does",
        "will",
        "would",
        "could",
        "might",
        "may",
    ];
    let b = bare(w);
    !w.ends_with([',', ';', ':'])
        && (BETWEEN.contains(&b.as_str())
            || (b.len() > 4 && b.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)))
}

/// A weekday named in the clause, its own word ("Thursday", not
/// "Thursday,").
fn is_weekday(w: &str) -> bool {
    capitalised(w) && !w.ends_with([',', ';', ':', '.']) && crate::lexicon::WEEKDAYS.contains(&bare(w).as_str())
}

/// The capitalised name that ends `words`, titles and initials included. An
/// appositive between the name and the verb ("Dr Helena Strand, chief
/// executive of the port authority, said") is skipped: the person comes
/// before it.
pub(super) fn name_before(words: &[&str]) -> Option<String> {
    const MAX_NAME_WORDS: usize = 16;
    let mut end = words.len();
    loop {
        if end > 0 && between_name_and_verb(words[end - 1]) {
            end -= 1;
        } else if end > 0 && is_weekday(words[end - 1]) {
            // "Priebus later Thursday told", "Sanders on Tuesday warned".
            end -= 1;
            if end > 0 && matches!(bare(words[end - 1]).as_str(), "on" | "last" | "this" | "early" | "late") {
                end -= 1;
            }
        } else {
            break;
        }
    }
    if end > 0 && words[end - 1].ends_with(',') {
        if let Some(j) =
            (end.saturating_sub(20)..end - 1).rev().find(|&j| words[j].ends_with(',') && capitalised(words[j]))
        {
            // A role, then the name as its appositive ("The leader of the
            // Anti-Defamation League, Jonathan Greenblatt, warned"): the
            // name is between the commas.
            let named_between = end - j - 1 <= 4 && words[j + 1..end].iter().all(|w| capitalised(w));
            let role_before = words[..j].iter().any(|w| DETERMINERS.contains(&bare(w).as_str()));
            if !(named_between && role_before) {
                end = j + 1;
            }
        }
    }
    // An aside between dashes ("Gingrich - mentioned by Newsmax as the
    // leading choice - told"): the name comes before it.
    if end > 1 && is_dash(words[end - 1]) {
        if let Some(j) = (end.saturating_sub(25)..end - 1).rev().find(|&j| is_dash(words[j])) {
            end = j;
        }
    }
    let mut k = end;
    // A name is a few words: the bound keeps a run of capitalised words
    // (a shouted paragraph) from being walked again before every verb.
    while k > 0
        && end - k < MAX_NAME_WORDS
        && capitalised(words[k - 1])
        && (k == end || !words[k - 1].ends_with([',', ';', ':']))
        // A word that closes a quotation ("TTP,”") is not part of the name
        // after it.
        && !words[k - 1].ends_with(['\u{201d}', '"'])
        && !words[k - 1].ends_with("''")
    {
        if k < end && words[k - 1].ends_with('.') && !is_title(words[k - 1]) {
            break;
        }
        k -= 1;
        // "of" inside a title or a name ("Secretary of State", "Bank of
        // America").
        if k >= 2 && words[k - 1] == "of" && capitalised(words[k - 2]) && !words[k - 2].ends_with([',', '.']) {
            k -= 1;
        }
    }
    // A conjunction opening the sentence is no part of the name ("As Tom
    // Ridge put it", "But Clinton said").
    while k + 1 < end && opens_before_name(words[k]) {
        k += 1;
    }
    if k == end {
        return None;
    }
    let name: Vec<&str> = words[k..end].iter().map(|w| clean_word(w).trim_end_matches(',')).collect();
    Some(name.join(" "))
}

/// The name after a role that has no article ("former Obama adviser David
/// Axelrod", "spokesman John Kirby"): the last run of capitalised words
/// within the first few words that ends the clause (a comma, a stop, the
/// end, or a word such as "at" or "who").
fn name_after_role(words: &[&str]) -> Option<String> {
    const MAX_ROLE_WORDS: usize = 8;
    let mut best: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < words.len().min(MAX_ROLE_WORDS) {
        let c = clean_word(words[k]);
        // "said of Trump" is about him; "said master of ceremonies Asab
        // Al-Tabchi" names a role in lower case, then the speaker.
        let of_in_role = c.eq_ignore_ascii_case("of") && k > 0 && words.get(k + 1).is_some_and(|w| !capitalised(w));
        if !of_in_role && ROLE_STOPS.iter().chain(&["of", "that"]).any(|r| c.eq_ignore_ascii_case(r)) {
            break;
        }
        if !capitalised(words[k]) {
            if words[k].ends_with([',', '.', ';', ':']) {
                break;
            }
            k += 1;
            continue;
        }
        let start = k;
        while k < words.len() && capitalised(words[k]) {
            k += 1;
            if words[k - 1].ends_with([',', '.', ';', ':']) && !is_title(words[k - 1]) {
                break;
            }
        }
        let closes = k == words.len()
            || words[k - 1].ends_with([',', '.', ';', ':'])
            || ROLE_STOPS.iter().any(|r| clean_word(words[k]).eq_ignore_ascii_case(r));
        if closes {
            best = Some((start, k));
            break;
        }
    }
    let (start, end) = best?;
    let name: Vec<&str> =
        words[start..end].iter().map(|w| clean_word(w).trim_end_matches([',', '.', ';', ':'])).collect();
    Some(name.join(" ")).filter(|n| is_named(n))
}

/// Words that open a role after "said": "said the minister", "said a
/// police officer", "said his brother".
pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "one"];

/// Words that end a role after "said": "said a police officer at the
/// scene", "said Dan Pryce, who ...".
const ROLE_STOPS: &[&str] = &[
    "at", "in", "on", "for", "from", "with", "who", "whose", "which", "when", "as", "after", "before", "outside",
    "during", "to", "and",
];

/// The name right after "said" or "according to": capitalised words (or a
/// short role), up to the first comma or full stop. A name after the role
/// is the speaker: "said Vancouver police spokesperson Tim Fanning", "said
/// the company's chief executive, Alison Baird".
pub(super) fn name_from(words: &[&str]) -> Option<String> {
    // Lower-case role words first, then the name that ends the clause:
    // "said former Obama adviser David Axelrod.", "said spokesman John
    // Kirby".
    if words
        .first()
        .is_some_and(|w| !capitalised(w) && !DETERMINERS.iter().any(|d| clean_word(w).eq_ignore_ascii_case(d)))
    {
        return name_after_role(words);
    }
    let mut res: Vec<&str> = Vec::new();
    // Where the words taken end, and whether a comma or stop ended them.
    let mut end = words.len();
    let mut closed = false;
    for (k, w) in words.iter().enumerate() {
        let c = clean_word(w);
        let is_det = k == 0 && DETERMINERS.iter().any(|d| c.eq_ignore_ascii_case(d));
        let in_role = !res.is_empty()
            && DETERMINERS.iter().any(|d| res[0].eq_ignore_ascii_case(d))
            && k < 4
            && !ROLE_STOPS.iter().any(|r| c.eq_ignore_ascii_case(r));
        if !(capitalised(w) || is_det || in_role) {
            end = k;
            break;
        }
        res.push(c.trim_end_matches('.'));
        if (w.ends_with([',', ';', ':', ')']) || w.ends_with('.')) && !is_title(w) {
            end = k + 1;
            closed = true;
            break;
        }
    }
    if res.is_empty() || res.iter().all(|w| DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        return None;
    }
    let role = DETERMINERS.iter().any(|d| res[0].eq_ignore_ascii_case(d));
    // A role, then the name: a few lower-case role words and a capitalised
    // run that ends the clause ("Vancouver police spokesperson Tim
    // Fanning."), or an appositive name after a role closed by a comma
    // ("the company's chief executive, Alison Baird.").
    let ended_by_comma = closed && words[end - 1].ends_with(',');
    if (!closed && !role) || (role && ended_by_comma) {
        let mut k = end;
        while !closed
            && k < words.len()
            && k - end < 3
            && !capitalised(words[k])
            && !words[k].ends_with([',', '.', ';', ':'])
        {
            let c = clean_word(words[k]);
            if ROLE_STOPS.iter().chain(&["of", "that"]).any(|r| c.eq_ignore_ascii_case(r)) {
                break;
            }
            k += 1;
        }
        let start = k;
        while k < words.len() && k - start < 5 && capitalised(words[k]) {
            k += 1;
            if words[k - 1].ends_with([',', '.', ';', ':']) && !is_title(words[k - 1]) {
                break;
            }
        }
        let ends_clause = k == words.len() || words[k - 1].ends_with([',', '.', ';', ':']);
        if k > start && ends_clause {
            let name: Vec<&str> =
                words[start..k].iter().map(|w| clean_word(w).trim_end_matches([',', '.', ';', ':'])).collect();
            return Some(name.join(" "));
        }
    }
    let last = res.len() - 1;
    if words.get(last).is_some_and(|w| is_title(w)) {
        res[last] = clean_word(words[last]);
    }
    Some(res.join(" "))
}

/// Prepositions that may open a sentence before a name ("For Page, the
/// photos were harmless fun"): never the first word of the name.
const PREPOSITIONS: &[&str] =
    &["for", "to", "with", "from", "at", "in", "on", "by", "like", "unlike", "despite", "about", "under", "among"];

/// Whether a word opening a sentence is no part of the name after it: a
/// conjunction ("But Clinton said") or a preposition ("For Page, ...").
pub(super) fn opens_before_name(w: &str) -> bool {
    let b = bare(w);
    OPENERS.contains(&b.as_str()) || PREPOSITIONS.contains(&b.as_str())
}

/// Conjunctions that open a sentence before its subject.
pub(super) const OPENERS: &[&str] =
    &["as", "but", "and", "or", "so", "yet", "while", "when", "if", "after", "before", "then", "though", "although"];
