//! The speaker of a quotation from the words around it: after it ("said
//! X", "X said", "according to X"), before it ("X said:"), or the subject
//! of the sentence before; and what counts as a name.

use super::words::{
    alphanumeric, bare, capitalised, clean_word, floor_boundary, is_named, is_speech_verb, is_title, lower_is,
    possessive, without_possessive, BODIES, PRONOUNS, SPEECH_NOUNS,
};

/// How far before an opening mark the attribution is looked for, and how far
/// after a closing mark, in bytes. A news sentence is a few hundred bytes;
/// the bound keeps the work per quotation constant, so a long paragraph full
/// of quote marks (nested or unbalanced) costs linear time, not quadratic.
const LOOKBACK: usize = 1024;
const LOOKAHEAD: usize = 1024;

/// The last `LOOKBACK` bytes of `before`, starting at a word: the text an
/// attribution before a quotation is looked for in.
fn lookback(before: &str) -> &str {
    let from = floor_boundary(before, before.len().saturating_sub(LOOKBACK));
    if from == 0 {
        return before;
    }
    // Cut inside the text: drop the word cut in two.
    let rest = &before[from..];
    rest.find(char::is_whitespace).map_or("", |k| &rest[k..])
}

/// "..., said X" / "X said" / "according to X" right after the closing mark,
/// up to the end of the clause.
pub(super) fn speaker_after(after: &str, ends_sentence: bool) -> Option<String> {
    let after = &after[..floor_boundary(after, LOOKAHEAD)];
    let line = after.split('\n').next().unwrap_or("");
    // A quotation signed after a dash, on its line or alone in its
    // paragraph with the signature on the next: "” ― Ariana Huichapa.",
    // "- Bernie Sanders.", "—Michelle Marks, Philadelphia." On the
    // quotation's line, a signature is all that is left of it: a dash that
    // runs on ("- Democrats in Iowa who watched ... said") closes an aside.
    let alone = line.trim().is_empty();
    let next =
        if alone { after.split('\n').map(str::trim).find(|l| !l.is_empty()).unwrap_or("") } else { line.trim_start() };
    let dashed = next.strip_prefix(['-', '\u{2014}', '\u{2013}', '\u{2015}']);
    if let Some(signed) = dashed.filter(|t| alone || t.split_whitespace().nth(8).is_none()) {
        let words: Vec<&str> = signed.split_whitespace().take(8).collect();
        let name = words.first().filter(|w| capitalised(w)).and_then(|_| name_from(&words)).filter(|n| is_named(n));
        if name.is_some() || alone {
            return name;
        }
    }
    let clause = line.split(['\u{201c}', '"']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(18).collect();
    if words.is_empty() {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    if lower.len() >= 3 && lower[0] == "according" && lower[1] == "to" {
        return name_from(&words[2..]);
    }
    // A full stop inside the quote ends the sentence: what follows is a new
    // sentence, not an attribution.
    if ends_sentence {
        return None;
    }
    // "..., told Anadolu": who follows "told" is the listener.
    if matches!(lower[0].as_str(), "told" | "tells" | "telling") {
        return None;
    }
    if is_speech_verb(&lower[0]) {
        return name_from(&words[1..]);
    }
    // Any verb of the past closing the clause: "..." Beck questioned.,
    // "..." opined the Plain Dealer.
    let past = |w: &str| w.len() > 4 && w.ends_with("ed");
    if past(&lower[0]) && words.len() > 1 && !words[0].ends_with([',', '.']) {
        if let Some(name) = name_from(&words[1..]).filter(|n| is_named(n)) {
            return Some(name);
        }
    }
    if let Some(k) = (1..words.len().min(4)).find(|&k| past(&lower[k]) && words[k].ends_with(['.', ','])) {
        if words[..k].iter().all(|w| capitalised(w)) {
            return speaker_words(&words[..k]).filter(|n| is_named(n));
        }
    }
    if let Some(k) = lower.windows(3).take(8).position(|w| w == ["quoted", "as", "saying"]) {
        let end = if k > 0 && lower[k - 1] == "was" { k - 1 } else { k };
        return speaker_words(&words[..end]);
    }
    // A name and an appositive before the verb ("Williams, a critic of
    // NYPD policy, said") take a few more words.
    // So do a chain of titles and a role ("Republican National Committee
    // Chairman Reince Priebus said", "former George W. Bush speechwriter
    // Noam Neusner wrote"), up to the clause's end.
    let appositive = capitalised(words[0]) && words.iter().take(3).any(|w| w.ends_with(','));
    let reach = if appositive { 16 } else { 9 };
    let verb = lower.iter().take(reach).position(|w| is_speech_verb(w))?;
    // The quotation's words run on past the mark ("“We're happy” about the
    // decision, said RoseAnn DeMoro"): the name after the verb.
    if verb > 0 && words[verb - 1].ends_with(',') && !capitalised(words[0]) {
        if let Some(name) = name_from(&words[verb + 1..]).filter(|n| is_named(n)) {
            return Some(name);
        }
    }
    if verb == 0 || words[..verb].iter().any(|w| w.ends_with(['.', ';', ':']) && !is_title(w)) {
        return None;
    }
    speaker_words(&words[..verb])
}

/// The words of the sentence that ends at `before` (its last paragraph,
/// within the lookback): where an attribution before a quotation is read.
fn sentence_words(before: &str) -> Vec<&str> {
    let para = lookback(before).rsplit('\n').next().unwrap_or("");
    para[sentence_start(para)..].split_whitespace().collect()
}

/// "X said:" / "X said that" / "X was quoted as saying" / "according to X"
/// in the sentence before the opening mark.
pub(super) fn speaker_before(before: &str) -> Option<String> {
    speaker_in(&sentence_words(before))
}

/// The speaker of the sentence before the opening mark: its attribution
/// ([`speaker_before`]), else, for a sentence whose verb is not one of
/// saying ("Bush referred to Rubio as “a bright, charismatic leader”",
/// "Pew found that “...”"), its subject, a name directly followed by its
/// verb. The sentence is read once for both.
pub(super) fn speaker_or_subject_before(before: &str) -> Option<String> {
    let words = sentence_words(before);
    speaker_in(&words).or_else(|| owner_of_words(&words)).or_else(|| clause_subject(&words))
}

/// The owner of the words quoted next: a possessive, at most two words, a
/// noun of speech, then nothing but "was", "is", "read(s)" or "that" before
/// the mark, a colon ending the noun when nothing follows it ("The Florida
/// senator's answer was that “...”", "From Bush's Facebook post: “...”").
/// A possessive elsewhere in the clause owns nothing ("Asif's remarks came
/// days after ... “...”").
fn owner_of_words(words: &[&str]) -> Option<String> {
    let tail =
        words.iter().rev().take_while(|w| matches!(bare(w).as_str(), "was" | "is" | "read" | "reads" | "that")).count();
    let noun = words.len().checked_sub(tail + 1)?;
    if !SPEECH_NOUNS.contains(&bare(words[noun]).as_str()) || (tail == 0 && !words[noun].ends_with(':')) {
        return None;
    }
    let owner = (noun.saturating_sub(3)..noun).rev().find(|&k| possessive(clean_word(words[k])))?;
    if words[owner..noun].iter().any(|w| w.ends_with([',', '.', ':', ';'])) {
        return None;
    }
    let w = clean_word(words[owner]);
    // "From Bush's Facebook post:": a preposition opening the sentence is
    // no part of the owner's name.
    let from =
        usize::from(owner > 0 && matches!(bare(words[0]).as_str(), "from" | "in" | "on" | "by" | "per" | "with"));
    let mut named: Vec<&str> = words[from..owner].to_vec();
    named.push(without_possessive(w).unwrap_or(w));
    speaker_words(&named)
}

/// The attribution in the words of one sentence (see [`speaker_before`]).
fn speaker_in(words: &[&str]) -> Option<String> {
    // Each word without the punctuation around it, trimmed once.
    let trimmed: Vec<&str> = words.iter().map(|w| w.trim_matches(|c: char| !alphanumeric(c))).collect();
    let is = |k: usize, target: &str| lower_is(trimmed[k], target);
    if let Some(k) = (1..words.len()).rev().find(|&k| is(k - 1, "according") && is(k, "to")) {
        return name_from(&words[k + 1..]);
    }
    if let Some(k) = (2..words.len()).rev().find(|&k| is(k - 2, "quoted") && is(k - 1, "as") && is(k, "saying")) {
        let k = k - 2;
        let end = if k > 0 && is(k - 1, "was") { k - 1 } else { k };
        return speaker_words(&words[..end]);
    }
    // A name and a colon right before the quotation: "Carl Bialik: “...”",
    // "Rep. Trey Gowdy (R-S.C.): “...”".
    if let Some(name) = colon_name(words) {
        return Some(name);
    }
    let verb =
        trimmed
            .iter()
            .rposition(|t| if t.is_ascii() { is_speech_verb(t) } else { is_speech_verb(&t.to_lowercase()) })?;
    // "Said Dorothy Poynter, who grew up with him, “...”": the verb first.
    if verb == 0 && words.len() > 1 && capitalised(words[1]) {
        return name_from(&words[1..]).filter(|n| is_named(n));
    }
    // "Asif dismissed the lack of support from Beijing, stating, “...”":
    // after a comma, a participle's speaker is the subject of the clause,
    // not the name right before the comma.
    if verb > 0 && trimmed[verb].ends_with("ing") && words[verb - 1].ends_with(',') {
        return clause_subject(&words[..verb]);
    }
    speaker_words(&words[..verb])
}

/// The name that ends a sentence's words with a colon, the words being a
/// name and nothing else (a party and state in brackets aside): a speaker
/// introduced the way a transcript or a round-up does.
fn colon_name(words: &[&str]) -> Option<String> {
    let last = words.last()?;
    if !last.ends_with(':') {
        return None;
    }
    let words: Vec<&str> = words.iter().copied().filter(|w| !(w.starts_with('(') && w.ends_with("):"))).collect();
    let words: Vec<&str> =
        words.iter().map(|w| w.trim_end_matches(':')).skip_while(|w| w.chars().all(|c| !c.is_alphanumeric())).collect();
    if words.is_empty() || words.len() > 8 || !words.iter().all(|w| capitalised(w) || is_title(w)) {
        return None;
    }
    name_before(&words).filter(|n| is_named(n))
}

/// The speaker of a sentence that reports speech and quotes nothing ("She
/// said Ben and Linda grew up as neighbours."), read for the quotation that
/// follows it; `None` when it holds a quote mark of its own.
pub(super) fn speaker_of_report(sentence: &str) -> Option<String> {
    if sentence.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']) || sentence.contains("''") {
        return None;
    }
    speaker_before(sentence.trim_end().trim_end_matches(['.', '!', '?']))
}

/// For a quotation that opens a sentence with no attribution of its own,
/// the speaker of the sentence before it in the paragraph, when that
/// sentence reports speech and quotes nothing ("She said Ben and Linda
/// grew up as neighbours. “...”").
pub(super) fn speaker_of_previous_sentence(before: &str) -> Option<String> {
    let para = lookback(before).rsplit('\n').next().unwrap_or("");
    let start = sentence_start(para);
    if !para[start..].trim().is_empty() || start == 0 {
        return None;
    }
    let prev = &para[..start];
    // Without the closing mark of a quotation before it ("... years. ''").
    let prev = prev[sentence_start(prev.trim_end())..].trim_start_matches(['\'', '"', '\u{201d}', '\u{2019}', ' ']);
    speaker_of_report(prev)
}

/// The subject of the main clause in `words`: the last run of capitalised
/// words (titles included) directly followed by a lower-case verb in the
/// past tense or a speech verb ("Asif dismissed", "Ms Quill warned").
fn clause_subject(words: &[&str]) -> Option<String> {
    let verbish = |w: &str| {
        let w = clean_word(w);
        w.chars().next().is_some_and(char::is_lowercase)
            && (w.ends_with("ed") || is_speech_verb(w) || IRREGULAR_PAST.contains(&w))
    };
    // A verb in the present: "Perez lobbies", "Trump is insisting". A
    // plural noun also ends in -s ("Trump supporters"), so the present is
    // read only right after a name that opens the clause.
    let present = |k: usize| {
        let w = clean_word(words[k]);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let after_aux = matches!(bare(words[k - 1]).as_str(), "is" | "was" | "are" | "were");
        let third_person = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s");
        lower
            && ((after_aux && w.ends_with("ing"))
                || (third_person
                    && name_before(&words[..k]).is_some_and(|n| {
                        // "Asif's remarks came ...": a possessive is no subject.
                        if possessive(&n) || n.ends_with('\u{2019}') {
                            return false;
                        }
                        let start = k - n.split_whitespace().count();
                        start == 0
                            || words[start - 1].ends_with(',')
                            || words[..start].iter().all(|w| OPENERS.contains(&bare(w).as_str()))
                    })))
    };
    // Each verb from the last: "On Tuesday, Mr. McConnell deflected
    // questions about Mr. Trump before saying, ...": the verb right before
    // the quotation has no name before it, the first one has.
    let verbs = (1..words.len())
        .rev()
        .filter(|&k| (verbish(words[k]) || present(k)) && !words[k - 1].ends_with([',', ';', ':']));
    if let Some(name) = verbs.take(8).find_map(|at| name_before(&words[..at]).filter(|n| is_named(n))) {
        return Some(name);
    }
    // The verb after an appositive ("Texas Sen. Ted Cruz, who has had a
    // surge in Iowa, named ..."): the name before the appositive.
    let past = |w: &str| clean_word(w).ends_with("ed");
    let at = (1..words.len()).rev().find(|&k| verbish(words[k]) && past(words[k]) && words[k - 1].ends_with(','))?;
    name_before(&words[..at]).filter(|n| is_named(n))
}

/// Conjunctions that open a sentence before its subject.
const OPENERS: &[&str] =
    &["as", "but", "and", "or", "so", "yet", "while", "when", "if", "after", "before", "then", "though", "although"];

/// Verbs of the past that do not end in "-ed", read as a clause's verb
/// after its subject ("As Tom Ridge put it:", "Fiorina wrote, ...").
const IRREGULAR_PAST: &[&str] = &[
    "put", "spoke", "gave", "took", "made", "began", "thought", "felt", "found", "kept", "left", "went", "came", "got",
    "saw", "knew", "sent", "brought", "held", "stood", "won", "lost", "became", "led", "meant", "paid", "sought",
    "struck", "drew", "threw", "chose", "broke", "rose", "fell", "hit", "set", "let", "shot", "taught", "swore",
    "spent", "read", "heard",
];

/// Byte offset where the last sentence of `para` starts: after the last
/// `. ` that does not follow a title or an initial.
fn sentence_start(para: &str) -> usize {
    let mut start = 0;
    for (i, _) in para.match_indices(". ") {
        let word = para[..=i].rsplit(' ').next().unwrap_or("");
        if !is_title(word) && clean_word(word).chars().filter(|c| c.is_alphabetic()).count() > 1 {
            start = i + 2;
        }
    }
    start
}

/// The speaker named by the words right before a speech verb: a pronoun, a
/// run of capitalised words (titles and initials included), or a short role
/// such as "the minister".
fn speaker_words(words: &[&str]) -> Option<String> {
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
    ];
    let b = bare(w);
    !w.ends_with([',', ';', ':'])
        && (BETWEEN.contains(&b.as_str())
            || (b.len() > 4 && b.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)))
}

/// The capitalised name that ends `words`, titles and initials included. An
/// appositive between the name and the verb ("Dr Helena Strand, chief
/// executive of the port authority, said") is skipped: the person comes
/// before it.
pub(super) fn name_before(words: &[&str]) -> Option<String> {
    const MAX_NAME_WORDS: usize = 16;
    let mut end = words.len();
    while end > 0 && between_name_and_verb(words[end - 1]) {
        end -= 1;
    }
    if end > 0 && words[end - 1].ends_with(',') {
        if let Some(j) =
            (end.saturating_sub(20)..end - 1).rev().find(|&j| words[j].ends_with(',') && capitalised(words[j]))
        {
            end = j + 1;
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
    while k + 1 < end && OPENERS.contains(&bare(words[k]).as_str()) {
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
        if ROLE_STOPS.iter().chain(&["of", "that"]).any(|r| c.eq_ignore_ascii_case(r)) {
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
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "one"];

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

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn speakers(text: &str) -> Vec<Option<String>> {
        extract(text).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_quotation_signed_after_a_dash() {
        // On its line, after any dash, and alone in its paragraph.
        let text = "\u{201c}He does not listen.\u{201d} \u{2015} Ariana Huichapa.\n\n\u{201c}Build bridges.\u{201d}\u{2015} Carla Sanchez\n\n\u{201c}We stay.\u{201d}\n\u{2014}Michelle Marks, Philadelphia.";
        assert_eq!(
            speakers(text),
            [Some("Ariana Huichapa".to_owned()), Some("Carla Sanchez".to_owned()), Some("Michelle Marks".to_owned())]
        );
        // A dash that runs on closes an aside: the clause after it is not a
        // signature.
        let aside = "Martin O'Malley lamented her gaffes - \"does she have to keep giving them ammunition?\" - Democrats in Iowa who watched the debate said they were unfazed.";
        assert_ne!(speakers(aside), [Some("Democrats".to_owned())]);
    }
}
