//! The speaker of a quotation from the words around it: after it ("said
//! X", "X said", "according to X"), before it ("X said:"), or the subject
//! of the sentence before. The names themselves are read by
//! [`super::names`].

use super::names::{name_before, name_from, speaker_words, DETERMINERS, OPENERS};
use super::words::{
    alphanumeric, bare, capitalised, clean_word, floor_boundary, is_dash, is_named, is_speech_verb, is_title, lower_is,
    possessive, without_possessive, SPEECH_NOUNS,
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
    // A stray mark left by a nested quotation closing with the outer one
    // ("''...'old-school,''' said X"): the attribution follows it.
    let after = after
        .strip_prefix(['\'', '\u{2019}', '"', '\u{201d}'])
        .filter(|rest| rest.starts_with(' ') && rest.trim_start().starts_with(char::is_lowercase))
        .unwrap_or(after);
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
    // sentence, not an attribution, unless that sentence is nothing but a
    // name and a verb of saying ("...missing.” Trump said.").
    if ends_sentence {
        let k = words.iter().position(|w| w.ends_with('.') && !is_title(w))?;
        let named = k > 0 && k < 4 && is_speech_verb(&lower[k]) && words[..k].iter().all(|w| capitalised(w));
        return if named { speaker_words(&words[..k]).filter(|n| is_named(n)) } else { None };
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
    let role = DETERMINERS.contains(&lower[0].as_str());
    let appositive = (capitalised(words[0]) || role) && words.iter().take(5).any(|w| w.ends_with(','));
    let reach = if appositive { 16 } else { 9 };
    // A verb of saying, or one of reply: "Trump shot back", "fired back".
    let reply = |k: usize| {
        lower.get(k + 1).is_some_and(|w| w == "back")
            && (lower[k].ends_with("ed") || IRREGULAR_PAST.contains(&lower[k].as_str()))
    };
    // The quotation's words run on, long, in the writer's paraphrase ("“...
    // the law” and that top science will be the foundation of the decision
    // making, said Interior Secretary Ken Salazar"): the name after the
    // verb, when no sentence ends before it.
    let early = (0..lower.len().min(reach)).any(|k| is_speech_verb(&lower[k]));
    if !early && !capitalised(words[0]) {
        let run_on = (reach..lower.len()).find(|&k| is_speech_verb(&lower[k])).filter(|&k| {
            words[k - 1].ends_with(',') && !words[..k].iter().any(|w| w.ends_with(['.', ';', ':']) && !is_title(w))
        });
        if let Some(name) = run_on.and_then(|k| name_from(&words[k + 1..])).filter(|n| is_named(n)) {
            return Some(name);
        }
    }
    let verb = (0..lower.len().min(reach)).find(|&k| is_speech_verb(&lower[k]) || reply(k))?;
    // "Ortiz called it “a mess” and Baxter said ...": a new clause, a name
    // its subject, speaks for its own words ("... and against the law,
    // Clinton said" is still Clinton's attribution).
    let new_clause = matches!(lower[0].as_str(), "and" | "but" | "while" | "whereas")
        && words[1..verb].iter().all(|w| capitalised(w) && !w.ends_with(','));
    if new_clause {
        return None;
    }
    // A role and its appositive ("the economist Jared Bernstein, a former
    // adviser ..., wrote", "a Pakistani security official, who was part of
    // the delegation, told ..."): the speaker is named before the comma,
    // or right after it ("the Vatican spokesman, Federico Lombardi, told").
    if role && appositive {
        let comma = words.iter().position(|w| w.ends_with(','))?;
        if comma + 1 < verb && capitalised(words[comma + 1]) {
            if let Some(name) = name_from(&words[comma + 1..verb]).filter(|n| is_named(n)) {
                return Some(name);
            }
        }
        if comma < verb {
            let mut head: Vec<&str> = words[..=comma].to_vec();
            head[comma] = head[comma].trim_end_matches(',');
            return speaker_words(&head);
        }
    }
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
    speaker_in(&words).or_else(|| owner_of_words(&words)).or_else(|| clause_subject(&words)).or_else(|| put_it(&words))
}

/// "As John Cornyn, the No. 2 in the GOP leadership, put it: “...”".
fn put_it(words: &[&str]) -> Option<String> {
    let n = words.len();
    let is = |k: usize, target: &str| lower_is(words[k].trim_matches(|c: char| !alphanumeric(c)), target);
    if n >= 4 && is(0, "as") && is(n - 2, "put") && is(n - 1, "it") && capitalised(words[1]) {
        return name_from(&words[1..n - 2]).filter(|n| is_named(n));
    }
    None
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
    // "In Forbes' words, “...”": the noun closes an opening phrase.
    let opening = noun + 1 == words.len() && words[noun].ends_with(',') && lower_is(words[0], "in");
    if !SPEECH_NOUNS.contains(&bare(words[noun]).as_str()) || (tail == 0 && !words[noun].ends_with(':') && !opening) {
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
    // "Here's Clinton in December 1992: “...”".
    let here = words.len() > 2 && matches!(bare(words[0]).as_str(), "here's" | "here\u{2019}s");
    if here && words.last().is_some_and(|w| w.ends_with(':')) {
        return name_from(&words[1..]).filter(|n| is_named(n));
    }
    let verb =
        trimmed
            .iter()
            .rposition(|t| if t.is_ascii() { is_speech_verb(t) } else { is_speech_verb(&t.to_lowercase()) })?;
    // "Said Dorothy Poynter, who grew up with him, “...”": the verb first.
    if verb == 0 && words.len() > 1 && capitalised(words[1]) {
        return name_from(&words[1..]).filter(|n| is_named(n));
    }
    // "Asif dismissed the lack of support from Beijing, stating, “...”",
    // "Morales answered on Twitter writing, “...”": a participle's speaker
    // is the subject of the clause, not the name right before it; after a
    // comma, that subject may be a phrase ("Dale's campaign brushed off the
    // criticism, telling reporters, “...”").
    if verb > 0 && trimmed[verb].ends_with("ing") {
        if words[verb - 1].ends_with(',') {
            return clause_subject(&words[..verb]).or_else(|| subject_phrase(&words[..verb]));
        }
        if let Some(name) = clause_subject(&words[..verb]) {
            return Some(name);
        }
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
    // After a dash, a new heading: "Pollsters agree - Carl Bialik:".
    let words = match words.iter().rposition(|w| is_dash(w)) {
        Some(d) => &words[d + 1..],
        None => words,
    };
    let words: Vec<&str> = words.iter().copied().filter(|w| !(w.starts_with('(') && w.ends_with("):"))).collect();
    let words: Vec<&str> =
        words.iter().map(|w| w.trim_end_matches(':')).skip_while(|w| w.chars().all(|c| !c.is_alphanumeric())).collect();
    let and = |w: &str| w == "and";
    // A role in lower case before the name ("Former secretary of state
    // Hillary Rodham Clinton:"): role words, never a verb.
    let role_word = |k: usize, w: &str| {
        let b = bare(w);
        k > 0 && !is_speech_verb(&b) && !b.ends_with("ed") && !b.ends_with("ing") && !w.ends_with([',', '.', ';'])
    };
    let named = |w: &str| capitalised(w) || is_title(w) || and(w);
    let with_role = words.first().is_some_and(|w| capitalised(w) && !DETERMINERS.contains(&bare(w).as_str()))
        && words.iter().enumerate().all(|(k, w)| named(w) || role_word(k, w));
    if words.is_empty() || words.len() > 8 || !(words.iter().all(|w| named(w)) || with_role) {
        return None;
    }
    // Two people signing together: "Mark Blumenthal and Jon Cohen:".
    if let Some(k) = words.iter().position(|w| and(w)) {
        let (a, b) = (name_before(&words[..k])?, name_before(&words[k + 1..])?);
        return (is_named(&a) && is_named(&b)).then(|| format!("{a} and {b}"));
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

/// The phrase that opens a clause as its subject, up to its verb: "Dale's
/// campaign", "The Ohio governor", "Weaver" (before "didn't seem"). Read
/// for a participle after a comma, whose speaker is that subject; `None`
/// when the clause opens otherwise (a comma, a pronoun, no verb soon).
fn subject_phrase(words: &[&str]) -> Option<String> {
    const AUXILIARIES: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "did",
        "didn't",
        "didn\u{2019}t",
        "does",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
    ];
    let start = words.iter().take_while(|w| OPENERS.contains(&bare(w).as_str())).count();
    let first = *words.get(start)?;
    if !capitalised(first) {
        return None;
    }
    let verb = (start + 1..words.len().min(start + 6)).find(|&k| {
        let w = clean_word(words[k]);
        let b = bare(w);
        w.chars().next().is_some_and(char::is_lowercase)
            && (AUXILIARIES.contains(&b.as_str())
                || b.ends_with("ed")
                || IRREGULAR_PAST.contains(&b.as_str())
                || is_speech_verb(&b))
    })?;
    let phrase = &words[start..verb];
    if phrase.iter().any(|w| w.ends_with([',', ';', ':', '.']) && !is_title(w)) {
        return None;
    }
    // "Senator Ortiz's chief of staff": a person's role, named whole.
    let owned = phrase.iter().any(|w| capitalised(w) && possessive(clean_word(w)));
    speaker_words(phrase).or_else(|| owned.then(|| phrase.iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" ")))
}

/// Verbs of the past that do not end in "-ed", read as a clause's verb
/// after its subject ("As Tom Ridge put it:", "Fiorina wrote, ...").
const IRREGULAR_PAST: &[&str] = &[
    "put", "spoke", "gave", "took", "made", "began", "thought", "felt", "found", "kept", "left", "went", "came", "got",
    "saw", "knew", "sent", "brought", "held", "stood", "won", "lost", "became", "led", "meant", "paid", "sought",
    "struck", "drew", "threw", "chose", "broke", "rose", "fell", "hit", "set", "let", "shot", "taught", "swore",
    "spent", "read", "heard",
];

/// Byte offset where the last sentence of `para` starts: after the last
/// `. ` that does not follow a title or an initial, nor come before a
/// number (a news sentence never opens with digits: "the No. 2 in the
/// party").
fn sentence_start(para: &str) -> usize {
    let mut start = 0;
    for (i, _) in para.match_indices(". ") {
        let word = para[..=i].rsplit(' ').next().unwrap_or("");
        let number_next = para[i + 2..].starts_with(|c: char| c.is_ascii_digit());
        // (An initial is one letter; a year or a figure ends a sentence too:
        // "... as of February 3, 2009. The team's manager said ...".)
        if !is_title(word) && !number_next && clean_word(word).chars().filter(|c| c.is_alphanumeric()).count() > 1 {
            start = i + 2;
        }
    }
    start
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

    fn speaker(text: &str) -> Option<String> {
        extract(text).into_iter().next().and_then(|q| q.speaker)
    }

    #[test]
    fn attributions_after_stray_marks_stops_and_roles() {
        // A nested quotation closing with the outer one leaves a stray mark.
        let s = speaker("''I would use the word 'old-school,''' said Gregory Slayton, a former envoy.");
        assert_eq!(s.as_deref(), Some("Gregory Slayton"));
        // A full stop inside the quotation, then only a name and a verb.
        assert_eq!(speaker("“Find the emails that are missing.” Trump said.").as_deref(), Some("Trump"));
        assert_eq!(speaker("“Find the emails that are missing.” Trump said he would go.").as_deref(), None);
        // A role with an appositive: the name before or after the comma.
        let s =
            speaker("''Wages may rise,'' the economist Jared Bernstein, a former adviser in the White House, wrote.");
        assert_eq!(s.as_deref(), Some("Jared Bernstein"));
        let s = speaker("''Build bridges,'' the Vatican spokesman, Federico Lombardi, told Vatican Radio.");
        assert_eq!(s.as_deref(), Some("Federico Lombardi"));
        let s = speaker("“Stop them,” a security official, who was part of the delegation in Kabul, told Anadolu.");
        assert_eq!(s.as_deref(), Some("a security official"));
        // A role in lower case with "of" inside it; "said of X" is about X.
        let s = speaker("\"Welcome,\" said master of ceremonies Asab Al-Tabchi, a Syrian engineer.");
        assert_eq!(s.as_deref(), Some("Asab Al-Tabchi"));
        assert_eq!(speaker("\"He is wrong,\" Obama said of Trump.").as_deref(), Some("Obama"));
        // A heading before a dash, then the name and a colon; two names.
        assert_eq!(speaker("Pollsters agree - Carl Bialik: “Polls missed it.”").as_deref(), Some("Carl Bialik"));
        let s = speaker("POLLS WRONG - Mark Blumenthal and Jon Cohen: “The polls were early.”");
        assert_eq!(s.as_deref(), Some("Mark Blumenthal and Jon Cohen"));
        // A day or an adverb between the subject and the verb.
        assert_eq!(speaker("Priebus later Thursday told Fox News: “Sit down.”").as_deref(), Some("Priebus"));
        assert_eq!(speaker("Sanders on Tuesday warned of the fight ahead: “We need you.”").as_deref(), Some("Sanders"));
        assert_eq!(
            speaker("Clinton has since apologized for what happened: \"A mistake.\"").as_deref(),
            Some("Clinton")
        );
    }

    #[test]
    fn participles_replies_roles_and_one_attribution_for_a_sentence() {
        // A participle's speaker is the subject of its clause, a name or a
        // phrase.
        let s = speaker("Dale’s campaign brushed off the criticism, telling reporters, “Nobody asked him.”");
        assert_eq!(s.as_deref(), Some("Dale’s campaign"));
        let s = speaker("Senator Ortiz’s chief of staff rallied volunteers, saying: “We must be ready.”");
        assert_eq!(s.as_deref(), Some("Senator Ortiz’s chief of staff"));
        let s = speaker("Morales answered the question on Twitter writing, “Yes, I will.”");
        assert_eq!(s.as_deref(), Some("Morales"));
        assert_eq!(speaker("“They want free stuff,” Kemp shot back with a laugh.").as_deref(), Some("Kemp"));
        // A sentence ending on a year ends before the attribution.
        let s = speaker(
            "According to the port's lawyers, the case was filed on March 3, 2009. The union's head, Ines Karlsson \
             said that “we will let the process run its course.”",
        );
        assert_eq!(s.as_deref(), Some("Ines Karlsson"));
        // The words run on long in paraphrase before the verb, after a
        // sentence with a subject of its own.
        let s = speaker(
            "Critics argued that the change weakened the law. “By rolling back this rule, we protect the quay” and \
             that sound science will be the foundation of every decision on it, said Harbour Secretary Ines Karlsson.",
        );
        assert_eq!(s.as_deref(), Some("Harbour Secretary Ines Karlsson"));
        // Abbreviations inside a role; a number after "No.".
        let s = speaker("A longer term “would deter others,” Assistant U.S. Attorney Mia D. Song wrote.");
        assert_eq!(s.as_deref(), Some("Assistant U.S. Attorney Mia D. Song"));
        let s = speaker("As Joan Pruitt, the No. 3 in the party, put it: “He will not be confirmed.”");
        assert_eq!(s.as_deref(), Some("Joan Pruitt"));
        // A role, then the name as its appositive; an aside between dashes.
        let s = speaker("The head of the Farmers League, Joan Pruitt, warned that a tax would be “unfair.”");
        assert_eq!(s.as_deref(), Some("Joan Pruitt"));
        let s = speaker("Greer — named by the paper as the likely pick — told a host that “you look at it.”");
        assert_eq!(s.as_deref(), Some("Greer"));
        // "In X's words,".
        assert_eq!(speaker("In Baxter’s words, “skills pay.”").as_deref(), Some("Baxter"));
        // Introductions with a colon.
        assert_eq!(speaker("Here’s Baxter in March 1994: “Skills pay.”").as_deref(), Some("Baxter"));
        let s = speaker("Former secretary of state Helen Rowe Baxter: “We learned that.”");
        assert_eq!(s.as_deref(), Some("Helen Rowe Baxter"));
        // Not the listener after a verb of saying.
        assert!(!speaker("Baxter said this to Reporter Jones: “No.”").is_some_and(|s| s.contains("Jones")));
        // Quotations of one sentence attributed once, at its end.
        let all: Vec<Option<String>> = super::super::extract(
            "His backing will carry “a great deal of weight” and bring the “ground firepower” they need, spokesman Neil Sorka said.",
        )
        .into_iter()
        .map(|q| q.speaker)
        .collect();
        assert_eq!(all, [Some("Neil Sorka".to_owned()), Some("Neil Sorka".to_owned())]);
        // Another verb of saying between them keeps them apart.
        let apart: Vec<Option<String>> =
            super::super::extract("Ortiz called it “a mess” and Baxter said the plan was “working fine.”")
                .into_iter()
                .map(|q| q.speaker)
                .collect();
        assert_ne!(apart[0], apart[1]);
    }
}
