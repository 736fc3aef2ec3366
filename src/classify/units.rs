//! Clause units: the readable stretch of a sentence around a one-side
//! difference. A clause one outlet adds is reported as a predicate with its
//! arguments ("they were also being backed by India"), cut on clause
//! boundaries (punctuation, quotation marks, and the connectives that open
//! a clause: "adding that", "which", "while", ...), never as the run of
//! words between two diff chunks ("banned militant group was equipped with
//! advanced"). A stretch with no verb is a phrase, not a clause.

use std::ops::Range;

/// Words that open a new clause: the unit starts after them and ends before
/// them.
const CONNECTIVES: &[&str] = &[
    "after", "although", "and", "as", "because", "but", "despite", "if", "nor", "or", "since", "that", "though",
    "unless", "until", "when", "where", "whereas", "whether", "which", "while", "who", "whom", "whose",
];

/// Words that open a subordinate clause: what comes before one in a unit
/// must have a verb, or the unit is no clause of its own.
const SUBORDINATORS: &[&str] =
    &["after", "although", "because", "before", "if", "since", "though", "unless", "until", "when", "whereas", "while"];

/// Words that make a stretch a clause: auxiliaries, modals and the verbs of
/// saying (other verbs are recognised by their -ed ending or as accusation
/// and action verbs).
const VERBS: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may",
    "might", "must", "said", "says", "shall", "should", "told", "was", "were", "will", "would",
];

/// Irregular past forms that are not also common nouns or adjectives
/// ("made", "struck", "taken"; not "cut", "left" or "bound"): verbs, as an
/// -ed ending is. Sorted, for a binary search.
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "ate", "became", "began", "begun", "bought", "broke", "broken", "brought", "built", "came", "caught", "chose",
    "chosen", "done", "drawn", "drew", "driven", "drove", "eaten", "fallen", "fell", "felt", "fled", "flew",
    "flown", "forgot", "forgotten", "fought", "froze", "gave", "given", "gone", "grew", "grown", "heard", "held",
    "hid", "hidden", "kept", "knew", "known", "led", "lost", "made", "meant", "met", "paid", "ran", "risen", "rose",
    "sang", "sank", "sat", "seen", "sent", "shook", "shown", "slept", "sold", "sought", "spent", "spoke", "spoken",
    "stole", "stolen", "stood", "struck", "swore", "sworn", "taken", "taught", "thought", "threw", "thrown", "took",
    "tore", "torn", "understood", "went", "withdrew", "woke", "won", "wore", "worn", "written", "wrote",
];

/// Verbs whose "that" clause is wished, required or to be shown, not
/// asserted ("show that he is ...", "hopes that the talks will ...").
const IRREALIS: &[&str] = &[
    "ask", "asked", "asks", "demand", "demanded", "demands", "ensure", "ensured", "ensures", "hope", "hoped", "hopes",
    "prove", "proved", "proves", "show", "showing", "urge", "urged", "urges", "wish", "wished", "wishes",
];

/// Verbs of saying: a clause whose only verbs are these ("the newspaper
/// reported", "sources on the ground told Enough") is an attribution
/// without what it attributes.
const SPEECH: &[&str] = &[
    "according",
    "added",
    "adds",
    "announced",
    "asked",
    "confirmed",
    "explained",
    "noted",
    "quoted",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "stated",
    "tell",
    "tells",
    "told",
    "wrote",
    "writes",
];

/// Nouns that name an attribution: a clause holding one, or a verb of
/// saying, whose verbs all report ("In a statement released to People",
/// "One report posted online ... suggested") attributes without saying what.
const ATTRIBUTION_NOUNS: &[&str] = &["interview", "report", "spokesman", "spokeswoman", "statement"];

/// Verbs that, beside a verb of saying or an attribution noun, only carry
/// the attribution ("released a statement", "were quoted by AP").
const REPORTING: &[&str] = &["echoed", "issued", "posted", "published", "released", "suggested"];

/// Words a clause cannot end on: it was cut inside a phrase.
const DANGLING: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "her", "his", "in", "its", "my", "of", "on", "or", "our", "the",
    "their", "to", "with", "your",
];

/// Auxiliaries and copulas a unit cannot end on: what they govern was cut
/// off ("What Ortiz didn't know was | ..."). ("may", "will", "can" and
/// "must" are also nouns or a month, and are left out.)
const AUXILIARIES: &[&str] =
    &["was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "would", "could", "should", "might"];

/// Whether the words `ws` (`lowered`: the same words lower-cased) only
/// attribute: they hold a verb of saying or an attribution noun, and every
/// verb among them is one of saying or reporting, or an auxiliary of the
/// next verb ("has confirmed", "were quoted"). A capitalised word inside the
/// clause is a name ("the Associated Press reported"), not a verb.
fn attribution_only(text: &str, ws: &[Range<usize>], lowered: &[String]) -> bool {
    let marked = lowered.iter().any(|w| SPEECH.contains(&w.as_str()) || ATTRIBUTION_NOUNS.contains(&w.as_str()));
    marked
        && (0..ws.len()).all(|k| {
            let w = lowered[k].as_str();
            let name = k > 0 && text[ws[k].clone()].starts_with(char::is_uppercase);
            // An auxiliary before its verb, adverbs between ("have already
            // noted").
            let verb_after = lowered[k + 1..].iter().find(|n| !adverb(n));
            let auxiliary = VERBS.contains(&w) && verb_after.is_some_and(|next| verb_like(next));
            // "asked" also requests ("had asked for a meeting").
            let saying = SPEECH.contains(&w) && w != "asked";
            name || !verb_like(w) || saying || REPORTING.contains(&w) || auxiliary
        })
}

/// Whether a word is an adverb that may stand between an auxiliary and its
/// verb ("already", "also", "previously").
fn adverb(w: &str) -> bool {
    matches!(w, "already" | "also" | "not" | "never" | "since" | "just" | "now" | "still")
        || (w.len() > 4 && w.ends_with("ly"))
}

/// Prepositions left without their object when a relative clause moved it
/// ("where Gibson retired *to* after his accident"), and the words that may
/// come right after such a stranded one.
const STRANDABLE: &[&str] = &["about", "at", "for", "from", "into", "of", "to", "with"];
const AFTER_STRANDED: &[&str] = &["after", "before", "during", "since", "until", "when", "while"];

/// Lower-case words that can open a clause as (part of) its subject:
/// determiners, pronouns, quantifiers and number words. A clause that opens
/// on any other lower-case word after a comma or a connective ("...,
/// clocked at 2.66 GHz, bring an evolutionary speed increase") has its
/// subject elsewhere.
const SUBJECT_OPENERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "eight", "every", "few", "five", "four", "he", "her", "his",
    "i", "it", "its", "many", "more", "most", "my", "nine", "no", "none", "one", "our", "seven", "several", "she",
    "six", "some", "ten", "that", "the", "their", "there", "these", "they", "this", "those", "three", "two", "we",
    "you", "your",
];

/// Characters that end a clause on either side. A full stop inside a
/// sentence is an abbreviation's, an initial's or a decimal's ("Dr.",
/// "U.S.", "3.5"), never a clause end: the unit never leaves its sentence.
fn boundary(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '?'
            | '!'
    )
}

/// The words of `s[range]` as byte ranges into `s`.
fn words(s: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut res = Vec::new();
    let mut start = None;
    for (i, c) in s[range.clone()].char_indices() {
        let i = i + range.start;
        let inner = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                res.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        res.push(st..range.end);
    }
    res
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Whether a word reads as a verb: a [`verb_form`], or an accusation/action
/// verb.
fn verb_like(w: &str) -> bool {
    let w = lower(w);
    verb_form(&w) || super::salience::is_salient_verb(&w)
}

/// Whether a lower-case word has a verb's form: an auxiliary, modal or verb
/// of saying, an -ed form, or an irregular past.
fn verb_form(w: &str) -> bool {
    VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PAST.binary_search(&w).is_ok()
}

/// Determiners and possessives: an -ed word right after one qualifies a
/// noun ("a limited license", "the injured man"), it is no verb.
const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "my", "our", "the", "their", "this", "your"];

/// Adverbs that may open a clause before its subject or its verb ("Also
/// debuted this morning", "Still, ..."): the clause's subject is looked for
/// after them. Not "then": ", then Pakistan has no choice" is the
/// consequence of an "if", which is not asserted.
#[rustfmt::skip]
const OPENING_ADVERBS: &[&str] = &[
    "also", "earlier", "eventually", "even", "finally", "instead", "just", "later", "meanwhile", "now", "only",
    "previously", "recently", "still", "subsequently", "yet",
];

/// Whether word `k` of the unit (`lowered`) is a verb in its place: a verb
/// form ([`verb_like`]) that does not follow a determiner.
fn verb_at(lowered: &[String], k: usize) -> bool {
    let after_determiner = k > 0 && DETERMINERS.contains(&lowered[k - 1].as_str());
    verb_like(&lowered[k]) && !(after_determiner && lowered[k].ends_with("ed"))
}

/// Whether word `k` of `ws` opens or ends a clause: a connective, but not
/// "and"/"or" between two capitalised words, which joins the parts of a
/// name ("the U.S. Fish and Wildlife Service").
fn is_connective(text: &str, ws: &[Range<usize>], k: usize) -> bool {
    let w = lower(&text[ws[k].clone()]);
    if !CONNECTIVES.contains(&w.as_str()) {
        return false;
    }
    let capital = |j: usize| text[ws[j].clone()].starts_with(char::is_uppercase);
    let inside_name =
        matches!(w.as_str(), "and" | "or") && k > 0 && k + 1 < ws.len() && capital(k - 1) && capital(k + 1);
    !inside_name
}

/// Whether the text between two byte offsets holds a clause boundary
/// (punctuation other than a comma between digits, as in "7,000"), or a
/// sentence end the splitter read as an abbreviation's full stop: a
/// lower-case abbreviation before a capital ("from 5 a.m. Lorries were ...";
/// "U.S. Fish" and "Dr. Helena" stay one unit).
fn crosses_boundary(s: &str, from: usize, to: usize) -> bool {
    let gap = &s[from..to];
    let prev_word = s[..from].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let after_lower = prev_word.starts_with(char::is_lowercase);
    if after_lower && gap.contains(". ") && s[to..].starts_with(char::is_uppercase) {
        return true;
    }
    let b = s.as_bytes();
    s[from..to].char_indices().any(|(i, c)| {
        let at = from + i;
        let digit_sep =
            c == ',' && at > 0 && b[at - 1].is_ascii_digit() && b.get(at + 1).is_some_and(u8::is_ascii_digit);
        boundary(c) && !digit_sep && !(c == ',' && in_date(s, at))
    })
}

/// Whether the comma at byte `at` belongs to a date written "March 30,
/// 1972," (after the day, or after the year that follows a day): the unit
/// runs on through it ("a March 30, 1972, meeting").
fn in_date(s: &str, at: usize) -> bool {
    let before: Vec<&str> = s[..at].split_whitespace().rev().take(3).collect();
    let month = |w: &str| crate::lexicon::MONTHS.contains(&w.trim_end_matches('.').to_lowercase().as_str());
    let day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let year = |w: &str| crate::lexicon::is_year(w);
    let next = s[at + 1..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches([',', '.']);
    match before.as_slice() {
        // "March 30, 1972": the comma after the day, a year next.
        [d, m, ..] if day(d) && month(m) => year(next),
        // "March 30, 1972, meeting": the comma after the year.
        [y, d, m] if year(y) && day(d.trim_end_matches(',')) && month(m) => true,
        _ => false,
    }
}

/// The clause unit around `ev` (byte offsets into `text`) within the
/// sentence at `sentence`: grown word by word to the clause boundaries on
/// both sides, connectives left out. `None` when the stretch crosses a
/// boundary itself by more than one clause, or holds no verb.
pub fn clause_unit(text: &str, sentence: Range<usize>, ev: Range<usize>) -> Option<Range<usize>> {
    if ev.start < sentence.start || ev.end > sentence.end || ev.start >= ev.end {
        return None;
    }
    let ws = words(text, sentence.clone());
    let first = ws.iter().position(|w| w.end > ev.start)?;
    let last = ws.iter().rposition(|w| w.start < ev.end)?;
    if last < first {
        return None;
    }
    let mut lo = first;
    // A stretch that opens on a connective ("..., Brooklyn | and one
    // ricocheted off a wall") is a clause of its own: nothing before the
    // connective belongs to it.
    let grows_back = !is_connective(text, &ws, first);
    while grows_back && lo > 0 {
        let prev = &ws[lo - 1];
        if crosses_boundary(text, prev.end, ws[lo].start) || is_connective(text, &ws, lo - 1) {
            break;
        }
        lo -= 1;
    }
    // A stretch that starts on a connective ("that they were ...") starts
    // after it.
    while lo <= last && is_connective(text, &ws, lo) {
        lo += 1;
    }
    let mut hi = last;
    while hi + 1 < ws.len() {
        let next = &ws[hi + 1];
        if crosses_boundary(text, ws[hi].end, next.start) || is_connective(text, &ws, hi + 1) {
            break;
        }
        hi += 1;
    }
    // Three words ("the newspaper reported") are an attribution or a
    // phrase, not a claim of their own.
    if lo > hi || hi - lo + 1 < 4 {
        return None;
    }
    // A link to another story run into the paragraph ("More from
    // GlobalPost: ...") is no claim.
    if crate::lexicon::opens_as_link(&text[ws[lo].start..]) {
        return None;
    }
    // The unit's words, lower-cased once for every check below.
    let lowered: Vec<String> = ws[lo..=hi].iter().map(|w| lower(&text[w.clone()])).collect();
    let only_saying =
        (0..lowered.len()).filter(|&k| verb_at(&lowered, k)).all(|k| SPEECH.contains(&lowered[k].as_str()));
    if only_saying || attribution_only(text, &ws[lo..=hi], &lowered) {
        // No verb (a phrase), or only verbs of saying (an attribution).
        return None;
    }
    // A unit that ends on a determiner, preposition or conjunction ("the
    // problem related to a") or opens a quotation it does not close was cut
    // inside a phrase.
    let last_word = &lowered[lowered.len() - 1];
    let unit = &text[ws[lo].start..ws[hi].end];
    let straight = unit.matches('"').count();
    let (opened, closed) = (unit.matches('\u{201c}').count(), unit.matches('\u{201d}').count());
    if DANGLING.contains(&last_word.as_str())
        || AUXILIARIES.contains(&last_word.as_str())
        || straight % 2 == 1
        || opened != closed
    {
        return None;
    }
    // A preposition without its object ("where Mel Gibson retired to after
    // his accident"): a relative clause's remnant, not a claim.
    if lowered.windows(2).any(|p| STRANDABLE.contains(&p[0].as_str()) && AFTER_STRANDED.contains(&p[1].as_str())) {
        return None;
    }
    // A verb cut from the verb it shares its object with ("a detective shot
    // | and killed an unarmed woman").
    let rest = text[ws[hi].end..sentence.end].trim_start();
    // A predicate that runs on into a quotation ("said the vessel had | \"just
    // drifted sideways\"", "called the offer | \"an insult\""): the unit
    // stops at the quote mark, inside its clause.
    if rest.starts_with(['"', '\u{201c}']) {
        return None;
    }
    if verb_at(&lowered, lowered.len() - 1) {
        let mut next = rest.split_whitespace();
        if matches!(next.next(), Some("and" | "or")) && next.next().is_some_and(|w| verb_form(&lower(w))) {
            return None;
        }
    }
    // A predicate whose subject sits in another clause ("was shut down for
    // the season", "asked whether ...") is not readable alone.
    // Opening adverbs ("Also debuted this morning") and a connective after
    // them ("even if he had ...") are passed over.
    let adverbs = lowered.iter().take_while(|w| OPENING_ADVERBS.contains(&w.as_str())).count();
    let lead =
        adverbs + usize::from(adverbs > 0 && lowered.get(adverbs).is_some_and(|w| CONNECTIVES.contains(&w.as_str())));
    let first = lowered.get(lead)?;
    if verb_form(first) {
        return None;
    }
    // A clause cut in two (after the opening adverbs and connective): words
    // with no verb before a subordinator ("one month before actress Jayne
    // Mansfield appeared ...": no main clause), or the tail of a name cut
    // off at a comma before "and" ("..., Brownsville, | Brooklyn and one
    // ricocheted off a wall").
    if let Some(k) = (lead + 1..lowered.len()).find(|&k| {
        let w = lowered[k].as_str();
        SUBORDINATORS.contains(&w) || (matches!(w, "and" | "but" | "or") && is_connective(text, &ws, lo + k))
    }) {
        // (Only for a unit that starts inside its sentence: one that opens
        // it has its subject, whatever verb the word lists miss.)
        let verbless = lo > 0 && !(lead..k).any(|j| verb_at(&lowered, j));
        let name_tail = text[ws[lo + lead].clone()].starts_with(char::is_uppercase)
            && !SUBJECT_OPENERS.contains(&lowered[lead].as_str())
            && k - lead <= 2;
        if verbless && (SUBORDINATORS.contains(&lowered[k].as_str()) || name_tail) {
            return None;
        }
    }
    // After "that" a new clause opens with its own subject, which may be a
    // plain noun ("..., and that officers made no arrests"), though not a
    // preposition ("that of the board"), and a plural one: "that" before a
    // singular noun is its determiner, and the clause was cut after it
    // ("and that update was considered critical").
    let opens_lower = text[ws[lo + lead].clone()].starts_with(char::is_lowercase);
    let subject_plural = || {
        let verb = (lead..lowered.len()).find(|&k| verb_at(&lowered, k)).unwrap_or(lowered.len());
        lowered[lead..verb].iter().any(|w| w.ends_with('s'))
    };
    // Whether the word before the unit is "that" (read by the three rules
    // below).
    let that_before = lo > 0 && lower(&text[ws[lo - 1].clone()]) == "that";
    let after_that = that_before && !DANGLING.contains(&first.as_str()) && subject_plural();
    if (lo > 0 || lead > 0) && opens_lower && !after_that && !SUBJECT_OPENERS.contains(&first.as_str()) {
        return None;
    }
    // After a noun, "that" opens a relative clause whose object is missing
    // ("the house that David Wilhelm was building"): a fragment, not a claim.
    if that_before && lo > 2 {
        let det = lower(&text[ws[lo - 3].clone()]);
        if DETERMINERS.contains(&det.as_str()) && !crosses_boundary(text, ws[lo - 3].end, ws[lo - 1].start) {
            return None;
        }
    }
    // What someone must show, hopes or demands ("needs to show that he is a
    // true conservative") is not asserted: a clause after "that" governed by
    // such a verb is no claim.
    if that_before && lo > 1 {
        let governor = lower(&text[ws[lo - 2].clone()]);
        if IRREALIS.contains(&governor.as_str()) {
            return None;
        }
    }
    // A lead-in ("Brian Krebs sounds worried:", "There were comic-opera
    // moments:") says what follows the colon, not a claim of its own.
    if rest.starts_with(':') {
        return None;
    }
    // A verb whose complement the "as" after it opens ("have been identified
    // as ...", "was described as ...") was cut from it.
    if rest.starts_with("as ") && verb_at(&lowered, lowered.len() - 1) {
        return None;
    }
    Some(ws[lo].start..ws[hi].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(sentence: &str, part: &str) -> Option<String> {
        let at = sentence.find(part).unwrap();
        clause_unit(sentence, 0..sentence.len(), at..at + part.len()).map(|r| sentence[r].to_owned())
    }

    #[test]
    fn grows_to_the_clause() {
        let s = "Asif said TTP members were using advance weapons, adding that they were also being backed by India.";
        assert_eq!(unit(s, "backed by India").as_deref(), Some("they were also being backed by India"));
        let s = "Asif also said that the banned militant group was equipped with advanced weapons, such as night vision goggles.";
        assert_eq!(
            unit(s, "banned militant group was equipped with advanced").as_deref(),
            Some("the banned militant group was equipped with advanced weapons")
        );
    }

    #[test]
    fn a_predicate_running_on_into_a_quotation_is_cut() {
        let s = "Iain Macrae, one of dozens of boat owners who joined the rescue, said the vessel had \"just drifted sideways onto the rocks\".";
        assert_eq!(unit(s, "joined the rescue, said the vessel had"), None);
        let s = "The union called the offer \u{201c}an insult to every docker\u{201d} and walked out.";
        assert_eq!(unit(s, "union called the offer"), None);
        // A quotation after a comma or colon is the clause's own.
        let s = "The skipper had tried to turn the ship, one crew member said: \"There was nothing he could do.\"";
        assert_eq!(unit(s, "tried to turn the ship").as_deref(), Some("The skipper had tried to turn the ship"));
    }

    #[test]
    fn a_unit_ending_on_an_auxiliary_is_cut() {
        let s = "What Ortiz didn't know was that the man had a gun.";
        assert_eq!(unit(s, "Ortiz didn't know was"), None);
        let s = "Officials said the ferry had sunk.";
        assert!(unit(s, "ferry had sunk").is_some());
    }

    #[test]
    fn a_stretch_opening_on_a_connective_starts_there() {
        let s = "Gunmen were firing from a rooftop in Eastgate, Northport and one bullet ricocheted off a wall.";
        assert_eq!(unit(s, "and one bullet ricocheted off").as_deref(), Some("one bullet ricocheted off a wall"));
    }

    #[test]
    fn an_abbreviation_does_not_end_the_clause() {
        let s = "Mr. Okonjo-Vance said the union had asked for a meeting with Dr. Strand on Friday.";
        assert_eq!(
            unit(s, "asked for a meeting").as_deref(),
            Some("Mr. Okonjo-Vance said the union had asked for a meeting with Dr. Strand on Friday")
        );
    }

    #[test]
    fn a_predicate_without_its_subject_is_no_clause() {
        let s = "Thomas had surgery on his ankle and was shut down for the season.";
        assert_eq!(unit(s, "shut down for the season"), None);
        let s = "A faster bus and a newer processor, clocked at 2.66 GHz, bring an evolutionary speed increase.";
        assert_eq!(unit(s, "evolutionary speed increase"), None);
        let s = "When asked whether she was still a party girl, she laughed.";
        assert_eq!(unit(s, "When asked"), None);
        assert_eq!(unit(s, "still a party girl").as_deref(), Some("she was still a party girl"));
    }

    #[test]
    fn an_attribution_alone_is_no_clause() {
        let s = "He held a knife to her throat, the newspaper reported.";
        assert_eq!(unit(s, "the newspaper reported"), None);
        let s = "Sources on the ground told Enough that one bomb was dropped near the camp.";
        assert_eq!(unit(s, "Sources on the ground told"), None);
        assert_eq!(unit(s, "bomb was dropped").as_deref(), Some("one bomb was dropped near the camp"));
        let s = "Officials said the ferry had sunk.";
        assert_eq!(unit(s, "ferry had sunk").as_deref(), Some("Officials said the ferry had sunk"));
    }

    #[test]
    fn a_reported_attribution_is_no_clause() {
        for (s, part) in [
            ("Police found the car, the Associated Press reported.", "Associated Press reported"),
            ("The actor entered rehab in Malibu, Calif., Access Hollywood has confirmed.", "Access Hollywood has"),
            ("The plan was backed, Iranian officials were quoted by AP as saying.", "officials were quoted by AP"),
            ("In a statement released to People, her agent asked for privacy.", "statement released to People"),
            ("Another outlet, in one report posted online last night, put it higher.", "one report posted online"),
        ] {
            assert_eq!(unit(s, part), None, "{s}");
        }
        // A predicate beside the attribution keeps the clause.
        let s = "Police said the hostages were released unharmed on Sunday.";
        assert_eq!(
            unit(s, "hostages were released").as_deref(),
            Some("Police said the hostages were released unharmed on Sunday")
        );
        let s = "The Hollywood Reporter said he is the current candidate to direct the film.";
        assert!(unit(s, "current candidate").is_some());
        let s = "The hostages were released by the rebels on Sunday.";
        assert!(unit(s, "hostages were released").is_some());
    }

    #[test]
    fn irregular_past_forms_are_verbs() {
        assert!(IRREGULAR_PAST.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            unit("Police said about 300 people marched, and that officers made no arrests.", "made no arrests"),
            Some("officers made no arrests".to_owned())
        );
        // Its predicate without its subject is still no clause.
        assert_eq!(unit("The crane fell, struck a lorry and killed a man.", "struck a lorry"), None);
    }

    #[test]
    fn what_must_be_shown_or_is_hoped_is_no_clause() {
        let s = "Trump needs to show that he is a true conservative, the senator said.";
        assert_eq!(unit(s, "true conservative"), None);
        let said = "The senator said that he is a true conservative.";
        assert_eq!(unit(said, "true conservative").as_deref(), Some("he is a true conservative"));
    }

    #[test]
    fn a_date_runs_on_and_a_lead_in_is_no_clause() {
        assert_eq!(
            unit("He was one of the few present at a March 30, 1972, meeting at the villa.", "few present"),
            Some("He was one of the few present at a March 30, 1972, meeting at the villa".to_owned())
        );
        assert_eq!(unit("Brian Krebs sounds worried: the flaw is being exploited.", "sounds worried"), None);
        // Other commas still cut.
        assert_eq!(
            unit("The vote was held on March 30, and the results came on Friday.", "results came"),
            Some("the results came on Friday".to_owned())
        );
    }

    #[test]
    fn a_lower_case_abbreviation_before_a_capital_ends_the_unit() {
        assert_eq!(
            unit("Pickets gathered at the main gate from 5 a.m. Lorries were soon queuing.", "main gate"),
            Some("Pickets gathered at the main gate from 5 a.m".to_owned())
        );
        assert_eq!(
            unit("Officials at the U.S. Fish and Wildlife Service rejected the plan.", "rejected the plan"),
            Some("Officials at the U.S. Fish and Wildlife Service rejected the plan".to_owned())
        );
    }

    #[test]
    fn a_unit_cut_inside_a_phrase_is_no_clause() {
        // Nor is a link line a flattened page ran into the paragraph.
        let s = "More from Harbour Post : Northport's dockers locked out of the quay";
        assert_eq!(unit(s, "Harbour Post : Northport's dockers locked"), None);
        let s = "The problem related to a, engineers said, faulty valve.";
        assert_eq!(unit(s, "problem related"), None);
        // A stretch running into a quotation stops at its opening mark.
        let s = "He said the big news is the \"next generation\" of phones.";
        assert_eq!(unit(s, "big news is"), None);
        assert_eq!(unit(s, "big news is the \"next generation"), None);
    }

    #[test]
    fn a_fragment_without_its_subject_or_complement_is_no_clause() {
        // An -ed word after a determiner qualifies a noun: no verb here.
        let s = "He faces charges of vehicular homicide, DWI, and driving with a limited license.";
        assert_eq!(unit(s, "DWI, and driving with a limited license"), None);
        // An opening adverb does not stand for a subject.
        assert_eq!(unit("Also debuted this morning, the new laptop sold out.", "Also debuted this morning"), None);
        assert_eq!(unit("Still, things were getting tight late on.", "Still, things were getting tight"), None);
        let s = "Even if he had a gun, he would not point it at the police, his mother said.";
        assert_eq!(
            unit(s, "Even if he had a gun, he would not point").as_deref(),
            Some("Even if he had a gun, he would not point it at the police")
        );
        // "that" before a singular noun is its determiner; before a plural
        // subject it opens a clause.
        let s = "The firm shipped a patch last week, and that update was rated critical as well.";
        assert_eq!(unit(s, "update was rated critical"), None);
        let s = "The firm said the patch shipped, and that engineers tested it for weeks.";
        assert_eq!(unit(s, "engineers tested it").as_deref(), Some("engineers tested it for weeks"));
        // After a noun, "that" opens a relative clause with its object gone.
        let s = "He ended up at the house that the agent was building near the mall.";
        assert_eq!(unit(s, "agent was building near the mall"), None);
        // A verb whose complement "as" opens was cut from it.
        let s = "The victims have been identified as two officers of the state police.";
        assert_eq!(unit(s, "victims have been identified"), None);
        // A horizontal bar sets off an aside, as a dash does.
        let s = "Crutcher, 40 \u{2015} a father who sang at church \u{2015} was shot by an officer.";
        assert_eq!(unit(s, "was shot by an officer"), None);
        // A preposition stranded by a relative clause, a verb cut from the
        // verb it shares its object with, an attribution with an adverb.
        let s = "Promises is a celebrity favourite, and it is where Mel Gibson retired to after his 2006 accident.";
        assert_eq!(unit(s, "Mel Gibson retired to after his 2006 accident"), None);
        let s = "Only blocks away, a narcotics detective shot and killed an unarmed woman, the police said.";
        assert_eq!(unit(s, "a narcotics detective shot"), None);
        let s = "As several readers have already noted in the comments, this fix is for 32-bit versions only.";
        assert_eq!(unit(s, "several readers have already noted in the comments"), None);
        let s = "The patrol car stopped, and a narcotics detective shot at the tyres of the van.";
        assert!(unit(s, "a narcotics detective shot at the tyres").is_some());
    }

    #[test]
    fn and_inside_a_name_joins_it() {
        let s = "There was no need for an agency to consult with the U.S. Fish and Wildlife Service before acting.";
        assert_eq!(
            unit(s, "consult with").as_deref(),
            Some("There was no need for an agency to consult with the U.S. Fish and Wildlife Service before acting")
        );
    }

    #[test]
    fn a_clause_cut_in_two_is_no_clause() {
        let s = "She was the magazine's Playmate for January 1955, one month before actress Jayne Mansfield appeared as the publication's Playmate.";
        assert_eq!(unit(s, "one month before actress"), None);
        let s = "Zurana Horton was killed when gunmen were spraying bullets from a rooftop in Brownsville, Brooklyn and one ricocheted off a wall.";
        assert_eq!(unit(s, "Brooklyn and one ricocheted"), None);
        // A main clause before the subordinator, or a compound subject, stays.
        let s = "Police said the gunman had fled before officers arrived at the scene.";
        assert_eq!(
            unit(s, "the gunman had fled before").as_deref(),
            Some("Police said the gunman had fled before officers arrived at the scene")
        );
        let s = "The building dates to 1935, when the first colonists settled in the valley.";
        assert!(unit(s, "The building dates to 1935, when the first").is_some());
        let s = "The fire spread quickly, and the mayor and his wife were evacuated from the building.";
        assert_eq!(
            unit(s, "the mayor and his wife were evacuated").as_deref(),
            Some("the mayor and his wife were evacuated from the building")
        );
    }

    #[test]
    fn a_phrase_is_no_clause() {
        let s = "Earlier this year, a Pakistani delegation comprising of Asif, the ISI chief and the foreign secretary visited Kabul.";
        assert_eq!(unit(s, "the ISI chief"), None);
        // A figure's comma is no boundary.
        let s = "Officials said about 7,000 fighters had crossed the border overnight.";
        assert_eq!(
            unit(s, "had crossed").as_deref(),
            Some("Officials said about 7,000 fighters had crossed the border overnight")
        );
    }
}
