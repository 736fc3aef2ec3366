use super::*;
use crate::article::Meta;
use std::path::PathBuf;

fn run(text: &str) -> Article {
    let meta = Meta { outlet: "stem".into(), path: PathBuf::from("stem.txt"), ..Meta::default() };
    clean(RawInput { meta, text: text.to_owned(), warnings: vec![] }).unwrap()
}

fn reasons(a: &Article) -> Vec<DropReason> {
    a.dropped.iter().map(|d| d.reason).collect()
}

#[test]
fn front_matter_becomes_metadata() {
    let a = run(
        "---\noutlet: The Ledger\ntitle: Port shut\ndate: 2025-03-14\nurl: https://x.example/a\n---\nBody text here.\n",
    );
    assert_eq!(a.meta.outlet, "The Ledger");
    assert_eq!(a.meta.title.as_deref(), Some("Port shut"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-14"));
    assert_eq!(a.meta.url.as_deref(), Some("https://x.example/a"));
    assert_eq!(a.text, "Body text here.\n");
    assert!(reasons(&a).iter().all(|r| *r == DropReason::FrontMatter));
}

#[test]
fn glued_date_prefix_is_lifted() {
    let a = run(" date 2024-01-02 The council met on Monday.\n\nIt agreed.\n");
    assert_eq!(a.meta.date.as_deref(), Some("2024-01-02"));
    assert!(a.text.starts_with("The council met on Monday."));
    assert_eq!(reasons(&a), vec![DropReason::DatePrefix]);
    assert_eq!(a.meta.outlet, "stem");
}

#[test]
fn boilerplate_is_dropped_with_reasons() {
    let text = "Port strike spreads\n\nPort strike spreads\n\nBusiness\n\nDock crew at the gate\nPhoto: Agency\n\nWorkers walked out.\n\n| Another story headline\nAlso Read: Something else\n\nThey said more.\n\nAdvertisement\n\nFollow us on Twitter\n\nLeave A Reply\n\nYour email address will not be published.\nName\n";
    let a = run(text);
    assert_eq!(a.meta.title.as_deref(), Some("Port strike spreads"));
    assert_eq!(
        reasons(&a),
        vec![
            DropReason::RepeatedHeadline,
            DropReason::SectionLabel,
            DropReason::PhotoCaption,
            DropReason::PhotoCaption,
            DropReason::RelatedLink,
            DropReason::RelatedLink,
            DropReason::Advertisement,
            DropReason::SocialPrompt,
            DropReason::CommentForm,
            DropReason::CommentForm,
            DropReason::CommentForm,
        ]
    );
    let kept: Vec<&str> = a.text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(kept, vec!["Port strike spreads", "Workers walked out.", "They said more."]);
}

#[test]
fn ordinary_prose_is_kept() {
    let text = "Officials said the talks would resume.\n\nPakistan strikes inside Afghanistan\n\nMore text follows.\n";
    let a = run(text);
    assert!(a.dropped.is_empty());
    assert_eq!(a.text, text);
}

#[test]
fn nothing_left_is_an_error() {
    let meta = Meta { outlet: "x".into(), path: PathBuf::from("x.txt"), ..Meta::default() };
    let err = clean(RawInput { meta, text: "Advertisement\n".into(), warnings: vec![] }).unwrap_err();
    assert!(err.to_string().starts_with("x.txt: "), "{err}");
}

/// The lines kept, in order, without blank ones.
fn kept(a: &Article) -> Vec<&str> {
    a.text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Cleans `text` after a headline, and returns the reasons for dropping
/// its lines and the lines kept.
fn after_headline(text: &str) -> (Vec<DropReason>, Vec<String>) {
    let a = run(&format!("Quarry boss cleared\n\n{text}"));
    (reasons(&a), kept(&a).into_iter().skip(1).map(str::to_owned).collect())
}

/// Each line, its own paragraph after a headline, is dropped for `reason`.
fn assert_dropped(lines: &[&str], reason: DropReason) {
    for line in lines {
        let (r, k) = after_headline(&format!("{line}\n\nThe jury was out for four hours.\n"));
        assert_eq!(r, vec![reason], "{line:?}");
        assert_eq!(k, vec!["The jury was out for four hours."], "{line:?}");
    }
}

/// Each line, its own paragraph after a headline, is kept untouched.
fn assert_kept(lines: &[&str]) {
    for line in lines {
        let (r, k) = after_headline(&format!("{line}\n"));
        assert!(r.is_empty(), "{line:?} was dropped: {r:?}");
        assert_eq!(k, vec![*line]);
    }
}

#[test]
fn slug_lines_are_dropped() {
    assert_dropped(
        &[
            "09:12 14/06/24: Page 1 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF ...",
            "14/06/2024 09:12 COURTS Quarry",
            "Page 2 (HHH) COURTS Quarry QUARRY BOSS CLEARED OF POLLUTION CHARGES",
            "COURTS Quarry (HHH) QUARRY BOSS CLEARED",
            "BC-EU--Britain-Quarry,0412",
        ],
        DropReason::SlugLine,
    );
    // The first line of a file too, and the headline after it is the title.
    let a = run("09:12 14/06/24: Page 1 (HHH) COURTS Quarry\nQuarry boss cleared\n\nThe jury was out.\n");
    assert_eq!(reasons(&a), vec![DropReason::SlugLine]);
    assert_eq!(a.meta.title.as_deref(), Some("Quarry boss cleared"));
}

#[test]
fn slug_lookalikes_are_kept() {
    assert_kept(&[
        "QUARRY BOSS CLEARED OF POLLUTION CHARGES",
        "Page 1 of the report (PDF) was never published, the court heard.",
        "At 09:12 on 14/06/24 the pump failed.",
        "09:12 was the time the pump failed, the court heard.",
        "The EU (EC) said -- again -- that it would not comment.",
    ]);
    // An all-capitals headline is the title, not a catchline.
    let a = run("QUARRY BOSS CLEARED\n\nThe jury was out.\n");
    assert!(a.dropped.is_empty());
    assert_eq!(a.meta.title.as_deref(), Some("QUARRY BOSS CLEARED"));
}

#[test]
fn standalone_timestamps_are_dropped() {
    assert_dropped(
        &[
            "10:05",
            "10:05 BST 14/06/2024",
            "Updated: June 14, 2024 10:05 a.m. EDT",
            "2024-06-14T09:12:00Z",
            "14 June 2024",
            "Friday 14 June 2024 | 9.12pm",
        ],
        DropReason::Timestamp,
    );
    assert_kept(&[
        "10:05 the jury returned.",
        "On Friday at 10:05 the jury returned its verdicts.",
        "June 2024",
        "Friday 14 June",
    ]);
}

#[test]
fn bylines_and_credits_are_dropped() {
    assert_dropped(
        &[
            "By Jane Hollis, PA News",
            "By Jane Hollis, Press Association",
            "By Jane Hollis, PA Political Correspondent, in Westminster",
            "BY JANE HOLLIS Associated Press",
            "By Jane Hollis",
            "By Ana de la Cruz and Tom O'Reilly",
            "Reporting by Jane Hollis; Editing by Tom Reed",
            "(Reporting by Jane Hollis in Hartwell; editing by Tom Reed)",
            "Additional reporting by Ana de la Cruz in Madrid; Writing by Jane Hollis; Editing by Tom Reed",
        ],
        DropReason::Byline,
    );
    // An agency byline before the headline too.
    let a = run("By Jane Hollis, PA News\n\nQuarry boss cleared\n\nThe jury was out.\n");
    assert_eq!(reasons(&a), vec![DropReason::Byline]);
    assert_eq!(a.meta.title.as_deref(), Some("Quarry boss cleared"));
}

#[test]
fn prose_opening_like_a_byline_is_kept() {
    assert_kept(&[
        "By Monday, the union had agreed to return to work.",
        "By Monday, the union had",
        "By the end of the week, talks had collapsed.",
        "By 2030, Hartwell Will Need New Quarries",
        "By Jane Hollis's own account, the pump had failed twice.",
        "Reporting by the Guardian found that the quarry had no permit.",
        "Reporting by the Guardian; Editing by hand",
        "Editing by hand is slow, the clerk said.",
    ]);
    // A title-case headline opening with "By" is the title.
    let a = run("By Land and Sea\n\nThe jury was out.\n");
    assert!(a.dropped.is_empty());
    assert_eq!(a.meta.title.as_deref(), Some("By Land and Sea"));
}

#[test]
fn end_markers_are_dropped() {
    assert_dropped(
        &["end", "ENDS", "MORE", "-more-", "# # #", "###", "(END)", "- 30 -", "More to follow", "-ENDS-"],
        DropReason::EndMarker,
    );
    assert_kept(&[
        "The strike will end on Friday.",
        "End of an era for Hartwell quarry",
        "More than 60 people packed the gallery.",
        "The end.",
        "More rain expected",
        "30",
    ]);
    // A lone "MORE" inside a paragraph is still a marker.
    let (r, k) = after_headline("The jury was out.\nMORE\nIt returned at noon.\n");
    assert_eq!(r, vec![DropReason::EndMarker]);
    assert_eq!(k, vec!["The jury was out.", "It returned at noon."]);
}

#[test]
fn datelines_become_metadata() {
    for (text, dateline, rest) in [
        ("LONDON (Reuters) - The quarry closed.", "LONDON (Reuters)", "The quarry closed."),
        ("WASHINGTON (AP) \u{2014} The quarry closed.", "WASHINGTON (AP)", "The quarry closed."),
        ("PARIS, June 3 (AFP) - The quarry closed.", "PARIS, June 3 (AFP)", "The quarry closed."),
        ("(Reuters) - The quarry closed.", "(Reuters)", "The quarry closed."),
        (
            "ST. LOUIS, Jan. 5 (Reuters/AP) -- The quarry closed.",
            "ST. LOUIS, Jan. 5 (Reuters/AP)",
            "The quarry closed.",
        ),
    ] {
        let a = run(&format!("Quarry closes\n\n{text}\nIt had 40 staff.\n\nLONDON (Reuters) - Later copy.\n"));
        assert_eq!(a.meta.dateline.as_deref(), Some(dateline), "{text}");
        assert_eq!(kept(&a), vec!["Quarry closes", rest, "It had 40 staff.", "LONDON (Reuters) - Later copy."]);
        assert_eq!(reasons(&a), vec![DropReason::Dateline]);
        assert_eq!(a.dropped[0].line, 3);
        assert_eq!(a.dropped[0].text.trim(), text[..text.len() - rest.len()].trim());
    }
    // With a glued date, and as the very first line.
    let a = run(" date 2024-06-14 HARTWELL (PA) - The quarry closed.\n");
    assert_eq!((a.meta.date.as_deref(), a.meta.dateline.as_deref()), (Some("2024-06-14"), Some("HARTWELL (PA)")));
    assert_eq!(a.text, "The quarry closed.\n");
    // Alone on its line, before the paragraph it opens.
    let a = run("LONDON (Reuters) -\nThe quarry closed.\n");
    assert_eq!(a.meta.dateline.as_deref(), Some("LONDON (Reuters)"));
    assert_eq!(a.text, "The quarry closed.\n");
}

#[test]
fn dateline_lookalikes_are_kept() {
    for text in [
        // Not a wire agency: the outlet's own dateline stays in the text.
        "NORTHPORT (Meridian Wire) \u{2013} About 1,200 workers walked out.",
        "ISLAMABAD (Web Desk) \u{2013} The minister spoke.",
        "The Associated Press (AP) - a news agency - said so.",
        "Officials in LONDON (Reuters) said nothing.",
        "London (Reuters) - lower-case place names are prose.",
    ] {
        let a = run(&format!("{text}\n"));
        assert!(a.dropped.is_empty(), "{text}: {:?}", a.dropped);
        assert_eq!(a.meta.dateline, None);
        assert_eq!(a.text, format!("{text}\n"));
    }
    // After the first paragraph of prose, a dateline is text.
    let a = run("The quarry closed.\n\nLONDON (Reuters) - More copy.\n");
    assert!(a.dropped.is_empty());
}

#[test]
fn control_characters_are_removed_and_counted_once() {
    let a = run("Quarry closes\n\n\u{19}The jury was out.\n\n\u{19}It returned\u{85}at noon\u{7}.\n\n\u{19}\n");
    assert_eq!(a.text, "Quarry closes\n\nThe jury was out.\n\nIt returned at noon.\n\n\n");
    assert_eq!(reasons(&a), vec![DropReason::ControlCharacters]);
    assert_eq!(a.dropped[0].line, 3);
    assert_eq!(a.dropped[0].text, "5 removed from the text (U+0007 x1, U+0019 x3, U+0085 x1)");
    // Tabs and CRLF line ends are not control characters to remove.
    let a = run("Quarry closes\r\n\r\nThe jury\twas out.\r\n");
    assert!(a.dropped.is_empty());
    assert_eq!(a.text, "Quarry closes\n\nThe jury\twas out.\n");
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let lf = "---\noutlet: Coastal Herald\ntitle: Quarry closes\n---\nQuarry closes\n\nThe jury was out.\nAdvertisement\nIt returned at noon.\n";
    let want = run(lf);
    let texts =
        [lf.replace('\n', "\r"), lf.replace('\n', "\r\n"), lf.replacen('\n', "\r", 4), lf.replace('\n', "\r\r\n")];
    for text in texts {
        let a = run(&text);
        assert_eq!(
            (&a.text, &a.meta.outlet, &a.meta.title),
            (&want.text, &want.meta.outlet, &want.meta.title),
            "{text:?}"
        );
        assert_eq!(reasons(&a), reasons(&want), "{text:?}");
    }
    assert_eq!(want.meta.outlet, "Coastal Herald");
    assert!(reasons(&want).contains(&DropReason::Advertisement));
}

#[test]
fn control_characters_do_not_hide_furniture() {
    let a = run("\u{19}By Jane Hollis, PA News\n\n\u{19}LONDON (Reuters) - The jury was out.\n\n\u{19}ENDS\n");
    assert_eq!(
        reasons(&a),
        vec![DropReason::Byline, DropReason::ControlCharacters, DropReason::Dateline, DropReason::EndMarker]
    );
    assert_eq!(a.text, "\nThe jury was out.\n\n");
}

/// Prose that opens with the words of a boilerplate rule: a whole
/// article on one line, and a paragraph of several sentences.
const PROSE_OPENINGS: &[&str] =
    &["Photo:", "| ", "Also Read:", "Follow us", "Leave a reply", "Editor's note:", "Related:", "Subscribe to"];

fn prose_after(opening: &str) -> String {
    format!(
        "{opening} the council met on Monday to discuss the strike. Workers walked out at dawn. \
         The harbour master said 14 ships were waiting. Talks resume on Friday, officials said."
    )
}

#[test]
fn prose_that_opens_like_boilerplate_is_kept() {
    for opening in PROSE_OPENINGS {
        // A whole article on one line.
        let text = prose_after(opening);
        let a = run(&format!("{text}\n"));
        assert!(a.dropped.is_empty(), "{opening:?}: {:?}", a.dropped);
        assert_eq!(a.text.trim(), text);
        // A paragraph inside an article, and everything after it.
        let (r, k) = after_headline(&format!("{text}\n\nThe jury was out.\n"));
        assert!(r.is_empty(), "{opening:?}: {r:?}");
        assert_eq!(k, vec![text.as_str(), "The jury was out."]);
    }
    // Hard-wrapped prose: the next line carries on the sentence.
    let (r, k) = after_headline("Also read by the clerk was a letter\nfrom the union.\n");
    assert!(r.is_empty(), "{r:?}");
    assert_eq!(k.len(), 2);
}

#[test]
fn short_boilerplate_lines_are_still_dropped() {
    assert_dropped(
        &["Photo: Reuters/Jane Doe", "Photo: The harbour at dawn. (AP Photo/Jo Lee)"],
        DropReason::PhotoCaption,
    );
    assert_dropped(&["Also Read: Strike talks collapse", "| Home | World | Sport"], DropReason::RelatedLink);
    assert_dropped(&["Follow us on Twitter for the latest news."], DropReason::SocialPrompt);
}

#[test]
fn editors_notes_are_dropped() {
    assert_dropped(
        &[
            "Editor's note: This story was corrected at 10:05.",
            "EDITORS NOTE: Contains details some readers may find distressing",
            "Editor\u{2019}s Note \u{2014} This story has been updated.",
            "[Editor's note: Mr Colbeck is 58, not 56.]",
            "Note to editors: pictures are available.",
        ],
        DropReason::EditorsNote,
    );
    // The note's paragraph goes with it.
    let (r, k) = after_headline("Editor's note: this story was corrected.\nMr Colbeck is 58.\n\nThe jury was out.\n");
    assert_eq!(r, vec![DropReason::EditorsNote; 2]);
    assert_eq!(k, vec!["The jury was out."]);
    // A bare label takes the next paragraph with it.
    let (r, k) = after_headline("Note to editors:\n\nPictures are available.\nCall the desk.\n\nThe jury was out.\n");
    assert_eq!(r, vec![DropReason::EditorsNote; 3]);
    assert_eq!(k, vec!["The jury was out."]);
    assert_kept(&[
        "Editor's notes from the meeting were leaked to the press.",
        "Editors noted the change, the court heard.",
        "The editor's note: nobody read it.",
        "Note to editors everywhere: the union wants a word.",
    ]);
}

#[test]
fn no_sentence_is_empty_or_wordless() {
    let a = run("Quarry closes\n\n\u{19}\n\n* * *\n\n\u{2014}\n\n...\n\n\u{200b}\n\n\u{19}\u{7f}\n\n(  )\n\nThe jury was out.\n\n--\n");
    assert_eq!(kept(&a), vec!["Quarry closes", "The jury was out."]);
    assert_eq!(a.dropped.iter().filter(|d| d.reason == DropReason::NoWords).count(), 6);
    for span in crate::segment::split(&a.text) {
        assert!(a.text[span.start..span.end].chars().any(char::is_alphanumeric), "{span:?}");
    }
    // Only furniture and control characters left: nothing to compare.
    let meta = Meta { outlet: "x".into(), path: PathBuf::from("x.txt"), ..Meta::default() };
    let raw = RawInput { meta, text: "\u{19}MORE\n\n\u{19}\n\n* * *\n".into(), warnings: vec![] };
    assert!(clean(raw).is_err());
}

proptest::proptest! {
    #[test]
    fn cleaning_never_panics_and_leaves_no_control_characters(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("MORE".to_owned()),
                proptest::strategy::Just("By Jane Hollis, PA News".to_owned()),
                proptest::strategy::Just("LONDON, June 3 (Reuters) -".to_owned()),
                proptest::strategy::Just("Note to editors:".to_owned()),
                proptest::strategy::Just("09:12 14/06/24: Page 1".to_owned()),
                proptest::strategy::Just(String::new()),
                "[\\x00-\\x20a-zA-Z0-9 :/().,;#\\-\u{2014}\u{85}\u{9f}]{0,40}",
                "\\PC{0,30}",
            ],
            0..12,
        )
    ) {
        let meta = Meta { outlet: "p".into(), path: PathBuf::from("p.txt"), ..Meta::default() };
        if let Ok(a) = clean(RawInput { meta, text: lines.join("\n"), warnings: vec![] }) {
            proptest::prop_assert!(!a.text.chars().any(is_stray_control), "{:?}", a.text);
            proptest::prop_assert!(a.text.lines().all(|l| l.trim().is_empty() || l.chars().any(char::is_alphanumeric)));
            for span in crate::segment::split(&a.text) {
                proptest::prop_assert!(!a.text[span.start..span.end].trim().is_empty());
            }
        }
    }
}

#[test]
fn a_related_links_block_goes_with_its_header() {
    let story = "The band will tour in 2020, its manager said.\n\n";
    let block = "You may also like...\n\nWho will make the Rock Hall in 2020?\n\nFans want the band in the Hall\n\n";
    let (r, k) = after_headline(&format!("{story}{block}Tickets go on sale on Friday at 10 a.m.\n"));
    assert_eq!(r, vec![DropReason::RelatedLink; 3]);
    assert_eq!(k, vec!["The band will tour in 2020, its manager said.", "Tickets go on sale on Friday at 10 a.m."]);
    // "Don't miss" with either apostrophe, "Related:" alone, in capitals.
    for header in ["DON'T MISS", "Don\u{2019}t miss", "Related:", "Most read"] {
        let (r, k) = after_headline(&format!("{story}{header}\n\nStrike talks collapse\n"));
        assert_eq!(r, vec![DropReason::RelatedLink; 2], "{header}");
        assert_eq!(k.len(), 1, "{header}");
    }
    // A link that opens with the header's words is one link, not a block:
    // the subheading after it stays.
    let (r, k) = after_headline("Related: Strike talks collapse\n\nWhat happens next\n\nThe union meets on Monday.\n");
    assert_eq!(r, vec![DropReason::RelatedLink]);
    assert_eq!(k, vec!["What happens next", "The union meets on Monday."]);
    // Prose that opens with the words is not a header.
    assert_kept(&["You may also like to know that the port reopened on Tuesday after a week of talks."]);
}

#[test]
fn credits_sponsored_blocks_and_story_prompts_are_dropped() {
    assert_dropped(&["\u{a9} Aaron Schwartz", "\u{a9} 2019 Reuters"], DropReason::PhotoCaption);
    assert_dropped(&["Sponsored links"], DropReason::Advertisement);
    assert_dropped(
        &["Like this story? Share it with a friend!", "Tell us what YOU think..."],
        DropReason::SocialPrompt,
    );
}

#[test]
fn titled_link_blocks_go_with_their_headers() {
    let story = "The band will tour in 2020, its manager said.\n\n";
    for header in ["More Great Music Stories", "More:", "- Next Auto News", "Previous post", "Also on example.com"] {
        let (r, k) =
            after_headline(&format!("{story}{header}\n\nStrike talks collapse\n\nTickets go on sale on Friday.\n"));
        assert_eq!(r, vec![DropReason::RelatedLink; 2], "{header}");
        assert_eq!(k.len(), 2, "{header}");
    }
    // Sentences that open with the same words are prose.
    assert_kept(&[
        "More than 60 stories were filed.",
        "More news is expected on Monday, the mayor said.",
        "Latest figures show 7,000 people were moved from their homes.",
        "Also on Monday, the council met.",
    ]);
}

#[test]
fn captions_closing_on_a_credit_and_contributor_lines_are_dropped() {
    assert_dropped(
        &[
            "A cyclist rides past the closed plant, November 19, 2019. \u{a9} Reuters / Jane Hollis",
            "Installation views, photos \u{a9} Studio Lark, 2018",
        ],
        DropReason::PhotoCaption,
    );
    assert_dropped(
        &[
            "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
            "Jane Hollis in Paris contributed reporting.",
        ],
        DropReason::Byline,
    );
    assert_dropped(&["First Published on Nov 20, 2019 01:38 pm"], DropReason::Timestamp);
    assert_dropped(
        &[
            "Have a tip? Jane Hollis may be reached at jane@example.com.",
            "Get the latest updates right in your inbox.",
            "Follow the Herald's opinion section on Facebook and Twitter.",
        ],
        DropReason::SocialPrompt,
    );
    assert_dropped(&["This slideshow requires JavaScript."], DropReason::Advertisement);
    assert_kept(&[
        "The union said the \u{a9} sign on the poster was a forgery.",
        "Follow the money, the prosecutor told the jury on Friday.",
        "Officials said that two reporters contributed to this report, which was published on Friday, and that more would follow.",
    ]);
}

#[test]
fn over_long_metadata_is_cut_with_a_warning() {
    let outlet = "Herald ".repeat(100);
    let a = run(&format!("---\noutlet: {outlet}\ntitle: Quarry closes\n---\nThe jury was out.\n"));
    assert_eq!(a.meta.outlet.chars().count(), super::MAX_FIELD_CHARS);
    assert!(a.meta.outlet.ends_with('\u{2026}'));
    assert_eq!(a.meta.title.as_deref(), Some("Quarry closes"));
    assert_eq!(a.warnings.len(), 1);
    assert!(a.warnings[0].contains("outlet of 699 characters cut to 300"), "{:?}", a.warnings);
}

#[test]
fn link_calls_graphics_and_capitals_headlines_are_dropped() {
    assert_dropped(
        &[
            "Related post: Pickled Brussels Sprouts Recipe",
            "Photos: The Icy Moons of Jupiter",
            "Video: Crowds gather at the quay gates",
            "(Graphic: Global assets in 2019 - here )",
            "(Video: the crane collapse)",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ],
        DropReason::RelatedLink,
    );
    // A list of other stories' headlines in capitals goes; one alone is a
    // wire story's own headline and stays (`slug_lookalikes_are_kept`).
    let (r, k) = after_headline(
        "The jury was out.\n\n'HARBOUR STRIKE' DOCKERS VOTE TO RETURN ON MONDAY\n\nSEAN SPICER ELIMINATED FROM THE SHOW\n\nTalks resume on Friday.\n",
    );
    assert_eq!(r, vec![DropReason::RelatedLink; 2]);
    assert_eq!(k, vec!["The jury was out.", "Talks resume on Friday."]);
    assert_dropped(
        &[
            "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
            "Get the magazine delivered every month. Click here for more information.",
        ],
        DropReason::SocialPrompt,
    );
    assert_kept(&[
        "Video footage showed the crane falling onto the quay, the union said.",
        "Photos taken on Monday show the damage.",
        "(The union did not say how many members voted.)",
        "THE MINISTER SAID TALKS WOULD RESUME.",
        "NATO allies met in Brussels.",
        "Watch: the tide came in at noon, and the crews waited.",
        "The messages told recipients to \"click here\" to unlock their accounts, a spokesperson said.",
        "Users who click here are sent to a fake page, police said.",
    ]);
    // A hard-wrapped capitals bulletin is one paragraph, not a list.
    let (r, _) = after_headline(
        "The jury was out.\n\nFLOOD WARNING IN EFFECT UNTIL NOON FOR\nTHE LOWER RIVER VALLEY AND ALL LOW LYING\nAREAS NEAR THE QUAY GATES AND DOCKS\n",
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn stamped_bylines_and_contributors_from_a_place_are_dropped() {
    assert_dropped(
        &[
            "By Jane Hollis - 2019-04-10",
            "By JANE HOLLIS | March 13, 2025",
            "Keith Bradsher contributed reporting from Hong Kong.",
        ],
        DropReason::Byline,
    );
    assert_dropped(&["Updated:", "SOURCE:", "ABOUT THE AUTHOR", "Related Tags:"], DropReason::SectionLabel);
    // A capitals label with an archive's full stop; a one-word sentence stays.
    let a = Article::from_text(
        "a",
        "Readers write.\n\nLETTERS.\n\nThe council should act now.\n\nAgreed.\n\nMore to come.",
    )
    .unwrap();
    assert!(!a.text.contains("LETTERS") && a.text.contains("Agreed."), "{}", a.text);
    assert_kept(&[
        "By Monday - the deadline - talks had collapsed",
        "Two reporters contributed reporting from the quay on Friday, and the union said it would sue.",
    ]);
}

#[test]
fn shopping_disclosures_are_dropped_and_news_of_commissions_kept() {
    assert_dropped(
        &[
            "The Quarry Gazette has affiliate partnerships and may earn commission on products purchased through affiliate links.",
            "Disclosure: Quarry Tech may earn a commission from some of the products featured on this page.",
            "Ana Ruiz is our deals editor. If you buy something through this post, Quarry Tech may get a share of the sale.",
        ],
        DropReason::Advertisement,
    );
    assert_kept(&[
        "The retailer cut the commission it pays on products bought through affiliate links from 8% to 3%.",
        "Brokers may earn a commission of up to 6% under the rules the council approved on Tuesday.",
        "The quarry's owners will keep a share of the sale, the court heard.",
    ]);
}
