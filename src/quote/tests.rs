use super::relation::{speakers_differ, PARAPHRASE_OVERLAP};
use super::survey::overlap_of;
use super::words::alphanumeric;
use super::*;
use crate::corpus::Corpus;
use crate::normalize::{self, Token};
use std::collections::HashSet;

/// Checks the quoted words and speakers extracted from `text`.
fn check(text: &str, expected: &[(&str, Option<&str>)]) {
    let got: Vec<(String, Option<String>)> = extract(text).into_iter().map(|q| (q.text, q.speaker)).collect();
    let want: Vec<(String, Option<String>)> =
        expected.iter().map(|(t, s)| (t.to_string(), s.map(str::to_owned))).collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn speakers_after_the_quote() {
    check(
        "\u{201c}We will stay,\u{201d} said Dariusz Okonjo-Vance, the secretary.",
        &[("We will stay,", Some("Dariusz Okonjo-Vance"))],
    );
    check("\"We go,\" Asif said.", &[("We go,", Some("Asif"))]);
    check("\"We go,\" the minister said.", &[("We go,", Some("the minister"))]);
    check("\u{201c}Who signed it?\u{201d} Ms Quill asked.", &[("Who signed it?", Some("Ms Quill"))]);
    check("\"Ports matter,\" according to Jan Brel.", &[("Ports matter,", Some("Jan Brel"))]);
    check(
        "\"Ports matter,\" the defence minister was quoted as saying.",
        &[("Ports matter,", Some("the defence minister"))],
    );
    check("\u{201c}It fell,\u{201d} Castellan said in a statement.", &[("It fell,", Some("Castellan"))]);
    check("\u{201c}They want distance,\u{201d} Asif pointed out.", &[("They want distance,", Some("Asif"))]);
    check("\"Not now,\" the mayor responded.", &[("Not now,", Some("the mayor"))]);
}

#[test]
fn speakers_before_the_quote() {
    check(
        "Mr Okonjo-Vance added: \u{201c}Nobody should choose.\u{201d}",
        &[("Nobody should choose.", Some("Mr Okonjo-Vance"))],
    );
    check("Asif was quoted as saying \"the talks failed\".", &[("the talks failed", Some("Asif"))]);
    check(
        "Defence Minister Khawaja Asif has warned Kabul.\n\n\u{201c}We will act,\u{201d} he said.",
        &[("We will act,", Some("Defence Minister Khawaja Asif"))],
    );
    check(
        "Chief Supt. Nadia Ferreira said the picket had been \u{201c}noisy\u{201d}.",
        &[("noisy", Some("Chief Supt. Nadia Ferreira"))],
    );
    check("No one was hurt. \"We stay.\"", &[("We stay.", None)]);
    check("Lena Park emphasised: \u{201c}We act alone.\u{201d}", &[("We act alone.", Some("Lena Park"))]);
}

#[test]
fn pronouns_resolve_to_the_last_named_speaker() {
    check(
        "\"We stay,\" said Asif.\n\n\"They lie,\" he said.",
        &[("We stay,", Some("Asif")), ("They lie,", Some("Asif"))],
    );
    check("\"They lie,\" she said.", &[("They lie,", None)]);
    check(
        "\"We stay,\" said Asif. \"We will not leave.\"",
        &[("We stay,", Some("Asif")), ("We will not leave.", Some("Asif"))],
    );
    check(
        "\"We stay,\" the minister said.\n\n\"We go,\" he added.",
        &[("We stay,", Some("the minister")), ("We go,", Some("the minister"))],
    );
    check(
        "\"We stay,\" said Mr Brel.\n\nDr Ana Strand, the chief, said it was fine.\n\n\"We go,\" she said.",
        &[("We stay,", Some("Mr Brel")), ("We go,", Some("Dr Ana Strand"))],
    );
    check(
        "\"We stay,\" said Ms Quill.\n\nMr Okonjo Vance said more.\n\n\"We go,\" he said.",
        &[("We stay,", Some("Ms Quill")), ("We go,", Some("Mr Okonjo Vance"))],
    );
}

#[test]
fn quotes_span_sentences_and_paragraphs() {
    check("\u{201c}One. Two,\u{201d} he said.", &[("One. Two,", None)]);
    check(
        "Asif said: \u{201c}First paragraph.\n\n\u{201c}Second paragraph.\u{201d}",
        &[("First paragraph. Second paragraph.", Some("Asif"))],
    );
    // Mixed glyphs and single quotes nested inside double quotes.
    check(
        "\u{201c}He said \u{2018}no\u{2019} twice,\" Asif said.",
        &[("He said \u{2018}no\u{2019} twice,", Some("Asif"))],
    );
    // A lost closing mark ends at the paragraph.
    check("\"Unclosed words\n\nNext paragraph.", &[("Unclosed words", None)]);
    check(
        "\u{201c}We help them \u{2018}that they want peace\u{2019}, Asif said.\n\nNext.",
        &[("We help them \u{2018}that they want peace", Some("Asif"))],
    );
}

#[test]
fn fragments_are_marked() {
    let q = extract("The picket was \u{201c}noisy but peaceful\u{201d}, police said.");
    assert!(q[0].fragment);
    let q = extract("\u{201c}We go,\u{201d} he said.");
    assert!(!q[0].fragment);
}

fn rel(a: &str, b: &str) -> Option<QuoteStatus> {
    relate(&normalize::tokens(a), a, &normalize::tokens(b), b)
}

#[test]
fn relations_between_versions() {
    assert_eq!(rel("We will not go back,", "We won\u{2019}t go back,"), Some(QuoteStatus::Verbatim));
    assert_eq!(
        rel("an independent review of every crane", "We have an independent review of every crane on the quay"),
        Some(QuoteStatus::Trimmed)
    );
    assert_eq!(
        rel("We warned them \u{2026} and nothing happened", "We warned them more than once and nothing happened"),
        Some(QuoteStatus::Trimmed)
    );
    assert_eq!(
        rel("engineers who do not answer to the port authority", "engineers who do not answer to the minister"),
        Some(QuoteStatus::Altered)
    );
    assert_eq!(rel("the weather is fine today", "ports are closed"), None);
}

#[test]
fn pronouns_resolve_past_many_excluded_names() {
    // "he" skips every speaker titled Ms, however many came after the
    // last man named.
    let mut text = String::from("\"We stay,\" said Mr Brel.\n\n");
    for k in 0..50 {
        text.push_str(&format!("\"Line {k},\" said Ms Quill{k}.\n\n"));
    }
    text.push_str("\"We go,\" he said.");
    let q = extract(&text);
    assert_eq!(q.last().unwrap().speaker.as_deref(), Some("Mr Brel"));
    assert_eq!(q[q.len() - 2].speaker.as_deref(), Some("Ms Quill49"));
}

#[test]
fn general_punctuation_holds_no_letter_or_digit() {
    for c in ('\u{2000}'..='\u{206f}').chain(['\u{ab}', '\u{bb}']) {
        assert!(!c.is_alphanumeric(), "{c:?}");
        assert!(!alphanumeric(c));
    }
    assert!(alphanumeric('\u{aa}') && alphanumeric('\u{e9}') && alphanumeric('7'));
}

#[test]
fn long_paragraphs_of_quote_marks_are_read_in_bounded_windows() {
    // Opening marks that never close, in one paragraph: every mark
    // starts a quotation, and the work per quotation stays bounded.
    let text = "\u{201c}We said \u{201c}they told us \u{201c}the port will not ".repeat(2000);
    let q = extract(&text);
    assert_eq!(q.len(), 6000);
    assert_eq!(q[1].text, "they told us");
    // The attribution right before a quotation is still found there.
    let text = format!("{} Asif said: \u{201c}We act.\u{201d}", "word ".repeat(1000));
    assert_eq!(extract(&text)[0].speaker.as_deref(), Some("Asif"));
}

/// `survey` as first written: every quotation against every quotation
/// and every sentence of every other article. The indexed survey must
/// give the same answers.
fn survey_exhaustive(corpus: &Corpus) -> Vec<Vec<Carried>> {
    let quotes: Vec<Vec<(Quote, Vec<Token>)>> = corpus
        .docs
        .iter()
        .map(|d| extract(&d.article.text).into_iter().map(|q| (q.clone(), q.tokens(&d.article.text))).collect())
        .collect();
    let mut res = Vec::new();
    for (di, list) in quotes.iter().enumerate() {
        for (q, toks) in list {
            let mut row = Vec::new();
            for (dj, other) in corpus.docs.iter().enumerate().filter(|(dj, _)| *dj != di) {
                let outlet = other.article.meta.outlet.clone();
                let best = quotes[dj]
                    .iter()
                    .filter_map(|(oq, ot)| relate(toks, &q.text, ot, &oq.text).map(|s| (s, overlap(toks, ot), oq)))
                    .filter(|(s, _, oq)| *s != QuoteStatus::Altered || !speakers_differ(&q.speaker, &oq.speaker))
                    .min_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
                let para = other
                    .sentences
                    .iter()
                    .map(|s| (overlap_of(toks, &s.tokens), s))
                    .filter(|(o, _)| *o >= PARAPHRASE_OVERLAP)
                    .max_by(|x, y| x.0.total_cmp(&y.0));
                row.push(match (best, para) {
                    (Some((status, _, oq)), _) => Carried {
                        source: dj,
                        outlet,
                        status,
                        text: Some(oq.text.clone()),
                        span: Some([oq.span.start, oq.span.end]),
                        speaker: oq.speaker.clone(),
                        speaker_changed: speakers_differ(&q.speaker, &oq.speaker),
                        similarity: None,
                    },
                    (None, Some((_, s))) => Carried {
                        source: dj,
                        outlet,
                        status: QuoteStatus::Paraphrased,
                        text: Some(s.text.clone()),
                        span: Some([s.span.start, s.span.end]),
                        speaker: None,
                        speaker_changed: false,
                        similarity: None,
                    },
                    (None, None) => Carried {
                        source: dj,
                        outlet,
                        status: QuoteStatus::Absent,
                        text: None,
                        span: None,
                        speaker: None,
                        speaker_changed: false,
                        similarity: None,
                    },
                });
            }
            res.push(row);
        }
    }
    res
}

#[test]
fn indexed_survey_answers_as_the_exhaustive_one() {
    use crate::article::Article;
    // Versions of a few statements: verbatim, trimmed, altered, with
    // the speaker changed, paraphrased, and quotations of stop words
    // only (the same keys, no content word).
    let lines = [
        "\u{201c}We will not go back up those cranes until the port authority answers,\u{201d} said Dariusz Brel.",
        "\"We will not go back up those cranes,\" said Marta Quill.",
        "\u{201c}We will not go back up those ladders until the minister answers,\u{201d} Brel said.",
        "Brel said they would not go back up those cranes until the port authority answers.",
        "\"It is what it is,\" he said.",
        "\u{201c}It is what it is.\u{201d}",
        "The union called the closure \u{201c}a disgrace\u{201d} and a \u{201c}huge victory\u{201d} for nobody.",
        "\"Shipping lines will divert cargo to Saltmere within days,\" according to Ana Strand.",
        "Shipping lines will divert their cargo to Saltmere within days, analysts said.",
        "\u{201c}Cargo will go to Saltmere \u{2026} within days,\u{201d} Ms Strand added.",
    ];
    let articles: Vec<Article> = (0..12)
        .map(|k| {
            let mut body: Vec<&str> = (0..4).map(|j| lines[(k * 3 + j * 7) % lines.len()]).collect();
            // Some articles repeat a quotation (looked up once).
            if k % 4 == 0 {
                body.push(body[0]);
            }
            Article::from_text(&format!("outlet{k}"), &body.join("\n\n")).unwrap()
        })
        .collect();
    let corpus = Corpus::build(articles);
    let survey = survey(&corpus, None, super::PARAPHRASE_COSINE);
    let got: Vec<Vec<Carried>> = survey
        .quotes
        .iter()
        .map(|e| {
            survey
                .carried(e)
                .map(|(j, c)| {
                    c.cloned().unwrap_or(Carried {
                        source: j,
                        outlet: survey.sources[j].outlet.clone(),
                        status: QuoteStatus::Absent,
                        text: None,
                        span: None,
                        speaker: None,
                        speaker_changed: false,
                        similarity: None,
                    })
                })
                .collect()
        })
        .collect();
    let want = survey_exhaustive(&corpus);
    assert_eq!(got, want);
    let statuses: HashSet<QuoteStatus> = want.iter().flatten().map(|c| c.status).collect();
    assert_eq!(statuses.len(), 5, "every status is exercised: {statuses:?}");
    assert!(want.iter().flatten().any(|c| c.speaker_changed));
}

#[test]
fn roles_resolve_to_the_name_the_article_gave_them() {
    // "Title Name" earlier in the article.
    let text = "Defence Minister Khawaja Asif spoke on Monday.\n\nIn an interview with Voice of America, \
                the minister said \u{201c}We act.\u{201d}";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("Khawaja Asif"));
    // An appositive closed by a comma.
    let text = "Marta Quill, the harbour master, arrived.\n\n\u{201c}The port is shut,\u{201d} the master said.";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("Marta Quill"));
    // A role never tied to a name stays a role.
    let text = "\u{201c}We act,\u{201d} the minister said.";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("the minister"));
}

#[test]
fn a_participle_after_a_comma_takes_the_clause_subject() {
    let text = "Despite China\u{2019}s silence, Asif dismissed the lack of support from Beijing, stating, \
                \u{201c}It is not necessary that the world must applaud us.\u{201d}";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("Asif"));
    // No subject to find: nobody is guessed.
    let text = "Looking at the harbour from Saltmere, saying: \u{201c}We wait.\u{201d}";
    assert_eq!(extract(text)[0].speaker, None);
}

#[test]
fn the_listener_after_told_is_not_the_speaker() {
    let text = "\u{201c}We warned them,\u{201d} a senior security official told Anadolu.";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("a senior security official"));
    let text = "\u{201c}We warned them,\u{201d} told Anadolu.";
    assert_eq!(extract(text)[0].speaker, None);
}

#[test]
fn two_apostrophes_close_a_tokenised_quotation() {
    check(
        "\"We left , '' Fanning said. \"We stay. ''",
        &[("We left ,", Some("Fanning")), ("We stay.", Some("Fanning"))],
    );
    check("The \"American Pie '' star left.", &[("American Pie", None)]);
}

#[test]
fn two_apostrophes_open_a_quotation_in_archive_text() {
    check(
        "Hillary Clinton has one.\n\n''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''",
        &[("This isn't tax reform,", Some("Douglas Holtz-Eakin")), ("It's anti-reform.", Some("Douglas Holtz-Eakin"))],
    );
    // A quotation that runs on into the next paragraph repeats the mark.
    check(
        "''We will stay.\n\n''We will not leave,'' Ms Quill said.",
        &[("We will stay. We will not leave,", Some("Ms Quill"))],
    );
    // Apostrophes inside words and a closing pair are no opening.
    check("The voters' ''mood'' shifted, he said.", &[("mood", None)]);
}

#[test]
fn a_name_after_a_role_is_the_speaker() {
    check(
        "\"He shot one man,\" said Vancouver police spokesperson Tim Fanning.",
        &[("He shot one man,", Some("Tim Fanning"))],
    );
    check(
        "\"Our thoughts are with them,\" said the company's chief executive, Alison Baird.",
        &[("Our thoughts are with them,", Some("Alison Baird"))],
    );
    check("\"They are rowdy,\" said a police officer at the scene.", &[("They are rowdy,", Some("a police officer"))]);
    check("\"Now,\" according to Danny Gold of Metropolis.", &[("Now,", Some("Danny Gold"))]);
    check("\"We act,\" police said in a statement.", &[("We act,", Some("police"))]);
    check("\"We act,\" Williams, a critic of the plan, said before noon.", &[("We act,", Some("Williams"))]);
    check("\"We act,\" Const. Tim Fanning told a news conference.", &[("We act,", Some("Const. Tim Fanning"))]);
    check(
        "Councillor Morag Lennie called the grounding \u{201c}a disaster\u{201d}.",
        &[("a disaster", Some("Councillor Morag Lennie"))],
    );
    let text = "John Banky, Ben's older brother, spoke briefly.\n\n\"He played,\" said his brother.";
    assert_eq!(extract(text)[0].speaker.as_deref(), Some("John Banky"));
}

#[test]
fn pronouns_resolve_to_a_person_just_introduced() {
    check(
        "Among them was Kirsty Doig, 34, who was travelling.\n\n\"It shook,\" she told the Examiner. \"We wept.\"",
        &[("It shook,", Some("Kirsty Doig")), ("We wept.", Some("Kirsty Doig"))],
    );
    check(
        "\"We stay,\" said Asif.\n\nPublic Advocate Bill de Blasio, a candidate, came.\n\n\"Be calm,\" he said.",
        &[("We stay,", Some("Asif")), ("Be calm,", Some("Public Advocate Bill de Blasio"))],
    );
}

#[test]
fn an_unattributed_statement_takes_the_speaker_before_it() {
    // After an attribution sentence naming nobody else.
    check(
        "\"We stay,\" Makaeo Williams, 18, said as police rode alongside him. \"We go.\"",
        &[("We stay,", Some("Makaeo Williams")), ("We go.", Some("Makaeo Williams"))],
    );
    // After a sentence reporting someone's speech.
    check(
        "\"We stay,\" said Ms Quill.\n\nShe said the crew grew up here. \"That was how they met.\"",
        &[("We stay,", Some("Ms Quill")), ("That was how they met.", Some("Ms Quill"))],
    );
    check(
        "\"We stay,\" said Asif. Lena Park said nothing had changed. \"We go.\"",
        &[("We stay,", Some("Asif")), ("We go.", Some("Lena Park"))],
    );
    // Not after a sentence that reports no speech.
    check(
        "\"We stay,\" said Asif. The port was shut for days. \"We go.\"",
        &[("We stay,", Some("Asif")), ("We go.", None)],
    );
}

#[test]
fn speakers_compare_by_name_words() {
    assert!(same_speaker("Mr Okonjo-Vance", "Dariusz Okonjo Vance"));
    assert!(!same_speaker("Mr Okonjo-Vance", "Marta Quill"));
    assert!(is_named("Marta Quill") && !is_named("the minister"));
    // Capitalised only because a sentence opens there: not a name.
    assert!(!is_named("The statement") && !is_named("It") && !is_named("A spokesman"));
    assert!(is_named("The Pentagon") && is_named("Mr Asif") && is_named("US") && is_named("U.S."));
}

#[test]
fn attributions_learned_from_political_news() {
    // A role without an article before the name.
    check("\"We will win,\" said former Obama adviser David Axelrod.", &[("We will win,", Some("David Axelrod"))]);
    check("\"We will win,\" said spokesman John Kirby.", &[("We will win,", Some("John Kirby"))]);
    // A chain of titles before the verb.
    check(
        "\"It is over,\" Republican National Committee Chairman Reince Priebus said.",
        &[("It is over,", Some("Republican National Committee Chairman Reince Priebus"))],
    );
    // An office speaks for its holder.
    check("\"We stay,\" Ryan's office said.", &[("We stay,", Some("Ryan's office"))]);
    // A fragment quoted inside reported speech, with verbs of the train
    // split's cues.
    check(
        "Paul then interjected, calling the credit \"a welfare transfer payment.\"",
        &[("a welfare transfer payment.", Some("Paul"))],
    );
    check(
        "To that, Kasich joked that he likes a good \"peaceful protest every once in a while\" since college.",
        &[("peaceful protest every once in a while", Some("Kasich"))],
    );
    check(
        "Sanders tells reporters that \"if there is a large turnout we will do fine.\"",
        &[("if there is a large turnout we will do fine.", Some("Sanders"))],
    );
    // The subject of a sentence whose verb is not one of saying.
    check(
        "In New Hampshire, Bush referred to Rubio as \"a bright, charismatic leader\" on Sunday.",
        &[("a bright, charismatic leader", Some("Bush"))],
    );
    // A verb of the past closing the clause after the quotation.
    check("\"What was the pivot point?\" Beck questioned.", &[("What was the pivot point?", Some("Beck"))]);
    check(
        "\"Leave the guns at home,\" opined Cleveland's Plain Dealer.",
        &[("Leave the guns at home,", Some("Cleveland's Plain Dealer"))],
    );
    // A word that closes the quotation before is not part of the name.
    check(
        "\u{201c}They want distance from the TTP,\u{201d} Asif pointed out, adding that they were \u{201c}politically astute\u{201d} people.",
        &[("They want distance from the TTP,", Some("Asif")), ("politically astute", Some("Asif"))],
    );
    // A long appositive, and a role before the name, before the verb.
    check(
        "\"It's plagiarism,\" David Axelrod, the chief strategist of Barack Obama's 2008 campaign, said on Tuesday.",
        &[("It's plagiarism,", Some("David Axelrod"))],
    );
    check(
        "\"These are dark days,\" former George W. Bush speechwriter Noam Neusner wrote in a column.",
        &[("These are dark days,", Some("Noam Neusner"))],
    );
    // A paragraph-long quotation after an introduction that ends in a
    // colon, or continuing the quotation that closed the paragraph before.
    check(
        "Dr. Ward stated:\n\n\"The department is not a bathroom monitor.\"",
        &[("The department is not a bathroom monitor.", Some("Dr. Ward"))],
    );
    check("Continued Stone:\n\n\"It is a real problem.\"", &[("It is a real problem.", Some("Stone"))]);
    check(
        "\"We are ready,\" Cruz said.\n\n\"We will win in Iowa.\"",
        &[("We are ready,", Some("Cruz")), ("We will win in Iowa.", Some("Cruz"))],
    );
    // Curly quotes nested in a straight-quoted quotation.
    check(
        "Ward said: \"The department isn\u{2019}t about \u{201c}Equal Justice Under Law\u{201d} anymore.\"",
        &[("The department isn\u{2019}t about \u{201c}Equal Justice Under Law\u{201d} anymore.", Some("Ward"))],
    );
    // A name before a long appositive, and an adverb before the verb.
    check(
        "Texas Sen. Ted Cruz, who has seen a surge in Iowa in the last weeks, named \u{201c}Veep\u{201d} as his top show.",
        &[("Veep", Some("Texas Sen. Ted Cruz"))],
    );
    check(
        "Former Secretary of State Madeleine Albright recently urged women to vote, saying, \u{201c}There is a special place for them.\u{201d}",
        &[("There is a special place for them.", Some("Former Secretary of State Madeleine Albright"))],
    );
    // Who follows "tells" after a quotation is the listener.
    check("\"We go,\" tells Reuters the minister.", &[("We go,", None)]);
}

#[test]
fn a_day_or_month_is_never_the_speaker() {
    // Never a weekday taken for the speaker: the subject before it.
    check(
        "Donald Trump on Thursday ratcheted up his attacks on Rubio, saying he is \"weak on immigration.\"",
        &[("weak on immigration.", Some("Donald Trump"))],
    );
    assert!(!super::words::is_named("Thursday"));
    assert!(super::words::is_named("Theresa May"));
}

#[test]
fn a_pronoun_with_nobody_speaking_yet_is_the_subject_named_before() {
    check(
        "Former executive Carly Fiorina endorsed Ted Cruz on Wednesday.\n\n\
         \u{201c}He has stood up and fought for our liberties,\u{201d} she said to cheers.",
        &[("He has stood up and fought for our liberties,", Some("Carly Fiorina"))],
    );
    // A speaker named before still wins over a subject named earlier.
    check(
        "\u{201c}We will see,\u{201d} said Jan Brel.\n\nMarta Quill visited the port. The strike went on.\n\n\u{201c}It is \
         over,\u{201d} he said.",
        &[("We will see,", Some("Jan Brel")), ("It is over,", Some("Jan Brel"))],
    );
}

#[test]
fn a_capitalised_pronoun_opening_a_sentence_is_resolved_too() {
    check(
        "\u{201c}It will pass,\u{201d} Glenn Beck said on Tuesday.\n\n\
         He has called the senator \u{201c}the next George Washington\u{201d} before.",
        &[("It will pass,", Some("Glenn Beck")), ("the next George Washington", Some("Glenn Beck"))],
    );
}

#[test]
fn the_subject_speaks_past_adverbs_auxiliaries_and_other_verbs() {
    // An adverb or an auxiliary between the name and the verb.
    check(
        "Mayor Ines Karlsson emphatically proclaimed at the hearing, \u{201c}The bridge stays open.\u{201d}",
        &[("The bridge stays open.", Some("Mayor Ines Karlsson"))],
    );
    check(
        "Karlsson was prompted to say, \u{201c}Nobody will lose a job.\u{201d}",
        &[("Nobody will lose a job.", Some("Karlsson"))],
    );
    // The verb right before the quotation has no name before it; the
    // clause's first verb has.
    check(
        "On Tuesday, Ms. Okafor deflected questions about the budget before saying, \u{201c}We will wait.\u{201d}",
        &[("We will wait.", Some("Ms. Okafor"))],
    );
    // A past without -ed, and a present after a name opening the clause.
    check(
        "As Dr. Piet Rens put it: \u{201c}The harbour is older than the town.\u{201d}",
        &[("The harbour is older than the town.", Some("Dr. Piet Rens"))],
    );
    check(
        "In town after town, Okafor lobbies for a toll: \u{201c}Roads are not free.\u{201d}",
        &[("Roads are not free.", Some("Okafor"))],
    );
    check(
        "Councillor Dana Marsh is insisting that she has \u{201c}read every page.\u{201d}",
        &[("read every page.", Some("Councillor Dana Marsh"))],
    );
}

#[test]
fn a_weekday_before_the_verb_is_no_speaker() {
    check(
        "Governor Alma Reyes, who faces a recall, issued a statement Tuesday saying, \u{201c}I will not resign.\u{201d}",
        &[("I will not resign.", Some("Governor Alma Reyes"))],
    );
}

#[test]
fn signed_lines_colons_and_inverted_verbs_name_the_speaker() {
    check(
        "\u{201c}The port stays open.\u{201d}\n\n- Ines Karlsson.",
        &[("The port stays open.", Some("Ines Karlsson"))],
    );
    check("Piet Rens: \u{201c}We were never told.\u{201d}", &[("We were never told.", Some("Piet Rens"))]);
    check(
        "Said Dana Marsh, who grew up on the quay, \u{201c}We were all proud.\u{201d}",
        &[("We were all proud.", Some("Dana Marsh"))],
    );
    check(
        "\u{201c}We are happy\u{201d} about the ruling, said Alma Reyes, the union's head.",
        &[("We are happy", Some("Alma Reyes"))],
    );
}

#[test]
fn a_possessive_speaks_only_as_the_owner_of_words() {
    check(
        "Reyes\u{2019}s remarks came days after the vote to open an \u{201c}all-out inquiry\u{201d} into the fire.",
        &[("all-out inquiry", None)],
    );
    check(
        "The mayor\u{2019}s answer was that \u{201c}the harbour wall will be rebuilt before winter,\u{201d} whatever it costs.",
        &[("the harbour wall will be rebuilt before winter,", Some("The mayor"))],
    );
    check(
        "From Reyes's statement: \"We will publish every invoice the council paid for the repairs.\"",
        &[("We will publish every invoice the council paid for the repairs.", Some("Reyes"))],
    );
}
