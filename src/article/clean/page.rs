//! Web-page furniture: comment forms, photo captions, related links,
//! social prompts and section labels, each recognised by its opening words
//! on a line shaped like furniture.

use super::shape::{at_most_breaks, ends_sentence, lower_head, lower_if_short, starts_with_any};
use crate::article::DropReason;
use crate::text::at_most_words;

/// Which kind of furniture a line is by its opening words (`lower` is its
/// lower-cased [`head`]), before its shape is checked.
pub(super) fn opening_furniture(
    line: &str,
    lower: &str,
    seen_content: bool,
    lines: &[&str],
    i: usize,
) -> Option<DropReason> {
    // The comment form drops everything after it, so its opener must be a
    // bare label.
    if starts_with_any(
        lower,
        &["leave a reply", "leave a comment", "post a comment", "comments are closed", "add a comment"],
    ) && at_most_words(line, COMMENT_LABEL_MAX_WORDS)
    {
        return Some(DropReason::CommentForm);
    }
    if starts_with_any(
        lower,
        &["your email address will not be published", "required fields are marked", "save my name, email"],
    ) {
        return Some(DropReason::CommentForm);
    }
    if is_caption_marker(lower) || ends_with_photo_credit(line) || super::agency::is_photo_credit(line) {
        return Some(DropReason::PhotoCaption);
    }
    // A caption line sits directly above its "Photo:" credit, in the same
    // paragraph, and has no closing punctuation of its own.
    if !ends_sentence(line) && lines.get(i + 1).is_some_and(|next| is_caption_marker(lower_head(next.trim()).as_str()))
    {
        return Some(DropReason::PhotoCaption);
    }
    if line.starts_with('|')
        || starts_with_any(lower, crate::lexicon::LINK_LEADS)
        || lower.starts_with("our standards:")
        || is_related_header(lower)
        || is_bracketed_link(lower)
        || (!ends_sentence(line) && starts_with_any(lower, &["photos:", "video:", "watch:", "listen:"]))
        || (seen_content && in_capitals_list(lines, i) && !has_click_here(line))
    {
        return Some(DropReason::RelatedLink);
    }
    if starts_with_any(
        lower,
        &[
            "follow us on",
            "follow our",
            "subscribe to",
            "sign up for our",
            "share this",
            "share on",
            "click here to",
            "download our app",
            "join our whatsapp",
            "join us on",
            "like us on",
            "like this story",
            "tell us what you think",
            "have a tip?",
            "got a tip?",
            "have a news tip",
            "got a news tip",
        ],
    ) || has_click_here(line)
        || (lower.starts_with("get the latest") && (lower.contains("inbox") || lower.contains("newsletter")))
        || (lower.starts_with("follow ")
            && [" on twitter", " on facebook", " on instagram", " on x "].iter().any(|n| lower.contains(n)))
    {
        return Some(DropReason::SocialPrompt);
    }
    // A bare label of the page's furniture, alone on its line.
    let label = lower.trim().trim_end_matches(':').trim_end();
    if line.len() <= 24
        && matches!(
            label,
            "updated"
                | "source"
                | "sources"
                | "about the author"
                | "tags"
                | "related tags"
                | "see tweets"
                | "previously"
                | "earlier"
        )
    {
        return Some(DropReason::SectionLabel);
    }
    // A note that the page changed ("This article has been updated with
    // ...") is about the page, not the story.
    if starts_with_any(lower, &["this article has been ", "this story has been ", "this post has been "])
        && ["updated", "corrected", "amended"].iter().any(|w| lower.contains(w))
    {
        return Some(DropReason::EditorsNote);
    }
    // A social handle alone ("@hotflesh.", a reader's signature under a
    // comment) or with its network ("Twitter: @Milbank.").
    if is_social_handle(line) {
        return Some(DropReason::Byline);
    }
    // A crosshead set between dashes, as agencies print them ("- 'Who
    // cares?' -", "— Talks stall —").
    if is_dashed_crosshead(line) {
        return Some(DropReason::SectionLabel);
    }
    // A single word alone in its paragraph, after the headline, is a section
    // label ("Pakistan", "Business"; in capitals, with the full stop some
    // archives add to every paragraph: "LETTERS."), never a sentence of the
    // story.
    let word = match line.strip_suffix('.') {
        Some(w) if w.chars().all(|c| !c.is_lowercase()) => w,
        _ => line,
    };
    if seen_content
        && !word.is_empty()
        && !word.contains(char::is_whitespace)
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
        && lines.get(i + 1).is_none_or(|l| l.trim().is_empty())
        && (i == 0 || lines[i - 1].trim().is_empty())
    {
        return Some(DropReason::SectionLabel);
    }
    None
}

/// "@hotflesh.", "Twitter: @Milbank", "Instagram: @ana_b": a handle alone
/// on its line, after at most the network's name.
fn is_social_handle(line: &str) -> bool {
    const NETWORKS: [&str; 7] = ["twitter", "x", "instagram", "threads", "tiktok", "bluesky", "mastodon"];
    let l = line.trim().trim_end_matches('.');
    // It opens with the handle or the network's name: any other line is
    // turned away before it is searched for a colon.
    if !l.starts_with('@') && !NETWORKS.iter().any(|n| l.get(..n.len()).is_some_and(|h| h.eq_ignore_ascii_case(n))) {
        return false;
    }
    let handle = match l.split_once(':') {
        Some((network, h)) => {
            let network = network.trim().to_ascii_lowercase();
            if !NETWORKS.contains(&network.as_str()) {
                return false;
            }
            h.trim()
        }
        None => l,
    };
    handle.strip_prefix('@').is_some_and(|h| {
        (2..=30).contains(&h.len()) && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    })
}

/// A short line opening and closing with a dash (a closing full stop
/// aside): an agency's crosshead ("- 'Who cares?' -").
fn is_dashed_crosshead(line: &str) -> bool {
    const DASHES: [char; 3] = ['-', '\u{2013}', '\u{2014}'];
    let l = line.trim().trim_end_matches('.').trim_end();
    let Some(inner) = l.strip_prefix(DASHES).and_then(|r| r.strip_suffix(DASHES)) else { return false };
    let inner = inner.trim();
    !inner.is_empty() && at_most_words(inner, 8) && inner.chars().any(char::is_alphabetic)
}

/// A short paragraph that ends on a bare web address ("What political news
/// is the world searching for? Find out via AP's Election Buzz interactive.
/// http://elections.ap.org/buzz."): a promotion of another page, whatever
/// its words.
pub(super) fn ends_with_web_address(line: &str) -> bool {
    // The last word, read from the end of the line.
    let Some(last) = line.trim_end().rsplit(char::is_whitespace).next() else { return false };
    let last = last.trim_end_matches(['.', ')', ']', '>']).trim_start_matches(['(', '<', '[']);
    let opens = |p: &str| last.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if last.len() <= 10 || !(opens("http://") || opens("https://") || opens("www.")) {
        return false;
    }
    // A tweet ends on its own short link (t.co): what it says is a
    // statement, kept.
    let tweet = last.to_ascii_lowercase().contains("t.co/") || line.contains("<tweet");
    !tweet && at_most_words(line, LINK_PROMO_MAX_WORDS)
}

/// The most words a paragraph ending on a web address may have to be a
/// promotion (a sentence of the story rarely ends on one; a long paragraph
/// that does is prose that cites its source).
const LINK_PROMO_MAX_WORDS: usize = 25;

/// "(Graphic: Global assets in 2019 - here )", "(Video: ...)": a link to
/// a graphic or video in brackets, alone on its line.
fn is_bracketed_link(lower: &str) -> bool {
    lower.strip_prefix('(').is_some_and(|r| {
        starts_with_any(
            r.trim_start(),
            &["graphic:", "graphics:", "chart:", "interactive:", "video:", "photo:", "photos:"],
        )
    })
}

/// A call to follow a link: "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
/// "... Click here for more information." (the caller keeps it to a short
/// line).
fn has_click_here(line: &str) -> bool {
    // Two SIMD substring scans (searchers built once) turn away nearly
    // every line before any lower-casing: the cleaner runs on every line.
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> = std::sync::OnceLock::new();
    let [lower, upper] =
        FINDERS.get_or_init(|| [memchr::memmem::Finder::new("lick"), memchr::memmem::Finder::new("LICK")]);
    let b = line.as_bytes();
    b.len() <= 400 && (lower.find(b).is_some() || upper.find(b).is_some()) && at_most_words(line, 40) && {
        // The call itself: the phrase opens the line or one of its
        // sentences, or closes the line ("... BY CLICKING HERE"). Quoted
        // or inside a sentence ('told recipients to "click here" to
        // unlock'), it is reported speech.
        let lower = line.trim().to_lowercase();
        ["click here", "clicking here"].iter().any(|phrase| {
            lower.match_indices(phrase).any(|(at, _)| {
                let before = lower[..at].trim_end();
                let after = lower[at + phrase.len()..].trim_start();
                before.is_empty()
                    || before.ends_with(['.', '!', '?'])
                    || (after.is_empty() || after == "." || after == "!") && !before.ends_with(['"', '\u{201c}', '\''])
            })
        })
    }
}

/// Whether line `i` is one of a list of headlines in capitals, as sites
/// list other stories ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE
/// STARS'" under another): it and the line before or after it (blank lines
/// aside) are both [`is_capitals_headline`]. One such line alone is a wire
/// story's own headline ("QUARRY BOSS CLEARED OF POLLUTION CHARGES") and
/// stays.
fn in_capitals_list(lines: &[&str], i: usize) -> bool {
    // Each headline is a paragraph of its own: the lines of one
    // hard-wrapped capitals bulletin are no list.
    let alone = |k: usize| k == 0 || lines[k - 1].trim().is_empty();
    let blank_after = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
    if !is_capitals_headline(lines[i]) || !alone(i) || !blank_after {
        return false;
    }
    let before = lines[..i].iter().rev().find(|l| !l.trim().is_empty());
    let after = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
    before.is_some_and(|l| is_capitals_headline(l)) || after.is_some_and(|l| is_capitals_headline(l))
}

/// A headline in capitals: five words or more, no lower-case letter, no
/// closing punctuation.
fn is_capitals_headline(line: &str) -> bool {
    let t = line.trim();
    // Prose has a lower-case letter within its first few bytes.
    if t.bytes().any(|b| b.is_ascii_lowercase()) || ends_sentence(t) || t.chars().any(char::is_lowercase) {
        return false;
    }
    t.split_whitespace().count() >= 5 && t.chars().filter(|c| c.is_alphabetic()).count() * 2 > t.len()
}

/// Whether a line is the bare header of a block of links to other stories
/// ("You may also like...", "Don't miss"): the headlines under it are links
/// too (see [`is_related_headline`]).
pub(super) fn is_related_header(lower: &str) -> bool {
    const OPENERS: [&str; 15] = [
        "you may also like",
        "you might also like",
        "you may also be interested in",
        "you might be interested in",
        "you may be interested in",
        "don't miss",
        "don\u{2019}t miss",
        "do not miss",
        "more stories",
        "most popular",
        "most read",
        "trending now",
        "recommended for you",
        "related stories",
        "related articles",
    ];
    // Every header below opens with one of these letters (after dashes and
    // colons): most lines are turned away before any comparison.
    let lead =
        lower.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':'));
    if !lead.starts_with(['y', 'd', 'm', 't', 'r', 'a', 'l', 'n', 'p']) {
        return false;
    }
    // The header alone ("You may also like...", "Related:"), not a link
    // that opens with it ("Related: Strike talks collapse").
    let bare = |rest: &str| !rest.contains(char::is_alphanumeric);
    OPENERS.iter().any(|o| lower.strip_prefix(o).is_some_and(bare))
        || ["related", "more"].iter().any(|o| lower.strip_prefix(o).is_some_and(|r| r.starts_with(':') && bare(r)))
        || is_titled_links_header(lower)
}

/// A links header that names what it lists: "More Great WIRED Stories",
/// "More Auto News", "Latest stories", "Also on rt.com", "Next Auto News",
/// "Previous post". A few words, no sentence, opening on "more", "also on",
/// "latest", "next" or "previous" and ending on what the links are
/// ("stories", "news", "articles", "posts", "videos") or on a site's name
/// after "also on". ("More than 60 people were evacuated." is prose: it
/// ends a sentence and is no list's name.)
fn is_titled_links_header(lower: &str) -> bool {
    let t = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':'));
    let t = t.trim_end_matches(['.', '\u{2026}']);
    let end = lower.trim_end();
    if !at_most_words(t, 6) || (end.ends_with(['.', '!', '?']) && !end.ends_with("...")) {
        return false;
    }
    let Some(first) = t.split_whitespace().next() else { return false };
    if let Some(site) = t.strip_prefix("also on ") {
        // A site: one or two words, a dot inside ("rt.com", "cbsnews.com").
        return at_most_words(site, 2) && site.contains('.') && !site.ends_with('.');
    }
    matches!(first, "more" | "latest" | "next" | "previous")
        && t.split_whitespace().count() >= 2
        && t.rsplit(char::is_whitespace)
            .next()
            .is_some_and(|last| matches!(last, "stories" | "story" | "news" | "articles" | "posts" | "post" | "videos"))
}

/// A line under a related-links header that is one of its links: a
/// headline (a few words, one sentence at most, no full stop: "Who will
/// make the Rock Hall in 2020?" is a headline), not prose.
pub(super) fn is_related_headline(line: &str) -> bool {
    at_most_words(line, RELATED_HEADLINE_MAX_WORDS) && at_most_breaks(line, 0) && !line.trim_end().ends_with('.')
}

/// The most words of a headline in a related-links block.
const RELATED_HEADLINE_MAX_WORDS: usize = 16;

/// The most words a comment-form opener ("Leave a Reply") may have.
pub(super) const COMMENT_LABEL_MAX_WORDS: usize = 8;

/// A caption that closes with its credit: "A cyclist rides past the
/// plant, November 19, 2019. \u{a9} Reuters / David Mercado". What follows
/// the copyright sign is a few words that close no sentence (an agency, a
/// photographer).
fn ends_with_photo_credit(line: &str) -> bool {
    let Some(at) = line.rfind('\u{a9}') else { return false };
    let credit = line[at + '\u{a9}'.len_utf8()..].trim();
    at > 0
        && !credit.is_empty()
        && at_most_words(credit, 6)
        && !credit.ends_with(['.', '!', '?'])
        && credit.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn is_caption_marker(lower: &str) -> bool {
    starts_with_any(
        lower,
        &[
            "photo:",
            // The same label in other languages ("Foto: dpa", "Фото:
            // личный архив").
            "foto:",
            "\u{444}\u{43e}\u{442}\u{43e}:",
            "photo credit",
            "photograph:",
            "image:",
            "picture:",
            "file photo",
            "(photo:",
            "credit:",
            "image credit",
            "photo/",
            "\u{a9} ",
        ],
    )
}

/// A line that is an advertisement label ("Advertisement", "Story
/// continues below advertisement"), matched whole.
pub(super) fn is_advertisement(line: &str) -> bool {
    lower_if_short(line.trim_end_matches(['.', ':']), "story continues below advertisement".len()).is_some_and(|l| {
        matches!(
            l.as_str(),
            "advertisement"
                | "advertisment"
                | "advert"
                | "sponsored"
                | "sponsored content"
                | "sponsored links"
                | "sponsored stories"
                | "story continues below advertisement"
                | "story continues below"
                | "scroll to continue with content"
                | "continue reading below"
                | "this slideshow requires javascript"
        )
    })
}

/// A shop's disclosure of its affiliate earnings ("AppleInsider has affiliate
/// partnerships and may earn commission on products purchased through
/// affiliate links.", "If you buy something through this post, IGN may get
/// a share of the sale."): what the site may earn, and on what is bought,
/// in a line of at most [`DISCLOSURE_MAX_WORDS`] words, whatever it opens
/// on. News about commissions states them ("Amazon cut the commission it
/// pays"), it does not say what the writer's site may earn.
pub(super) fn is_shopping_disclosure(line: &str) -> bool {
    // Cheap byte tests first (SIMD searchers built once): most lines hold
    // neither stem.
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> = std::sync::OnceLock::new();
    let [commission, share] =
        FINDERS.get_or_init(|| [memchr::memmem::Finder::new("ommission"), memchr::memmem::Finder::new("share of")]);
    let b = line.as_bytes();
    if !(commission.find(b).is_some() || share.find(b).is_some()) || !at_most_words(line, DISCLOSURE_MAX_WORDS) {
        return false;
    }
    let lower = line.to_lowercase();
    let has = |ps: &[&str]| ps.iter().any(|p| lower.contains(p));
    has(&["may earn", "might earn", "may get a share", "may receive a share", "may collect a share"])
        && has(&["commission", "share of the sale", "share of sales", "share of revenue"])
        && has(&["purchase", "buy ", "bought", "product", "link"])
}

/// The most words a shopping disclosure line has.
const DISCLOSURE_MAX_WORDS: usize = 60;

/// The fewest short lines above a page's headline that make a menu (one or
/// two are a kicker or a section label, which other rules judge).
const MENU_MIN_LINES: usize = 3;

/// How far into the text the repeated headline of a page is looked for.
const MENU_SCAN_LINES: usize = 80;

/// The most words a line of a menu, or a teaser cut short, has.
const MENU_LINE_MAX_WORDS: usize = 12;

/// The lines (indices into `lines`, from `first`) that are a site's
/// navigation rather than its article: a menu of short lines standing above
/// the page's own headline (`title`) printed again, with no sentence of
/// prose among them; and any run of two or more teaser headlines cut short
/// ("... 장나라,..", "Ten things you…"), with the short label heading the
/// run. An extractor that takes the whole page column brings both in.
pub(super) fn navigation_lines(lines: &[&str], first: usize, title: Option<&str>) -> Vec<usize> {
    let mut nav = Vec::new();
    let body: Vec<usize> = (first..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
    if let Some(title) = title.map(fold_words).filter(|t| !t.is_empty()) {
        let scan = &body[..body.len().min(MENU_SCAN_LINES)];
        if let Some(at) = scan.iter().position(|&i| fold_words(lines[i]) == title) {
            let menu = &scan[..at];
            if menu.len() >= MENU_MIN_LINES && menu.iter().all(|&i| !is_prose_line(lines[i].trim())) {
                nav.extend_from_slice(menu);
            }
        }
    }
    let mut k = 0;
    while k < body.len() {
        let run = body[k..].iter().take_while(|&&i| is_cut_teaser(lines[i].trim())).count();
        if run >= 2 {
            // The run's label: a few words right above it, no sentence.
            if let Some(&above) = k.checked_sub(1).and_then(|j| body.get(j)) {
                let label = lines[above].trim();
                if at_most_words(label, 4) && !ends_sentence(label) {
                    nav.push(above);
                }
            }
            nav.extend_from_slice(&body[k..k + run]);
        }
        k += run.max(1);
    }
    nav.sort_unstable();
    nav.dedup();
    nav
}

/// Lower-case words, every run of other characters one space: a headline
/// matched whatever its punctuation or spacing.
fn fold_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A sentence of prose: eight words or more closed by a full stop, a
/// question or exclamation mark or a closing quote, and not cut short.
fn is_prose_line(line: &str) -> bool {
    !at_most_words(line, 7) && ends_sentence(line) && !is_cut_short(line)
}

/// A teaser headline cut short: a few words ending in two dots or an
/// ellipsis right after a word (a list of other stories on a portal page).
fn is_cut_teaser(line: &str) -> bool {
    is_cut_short(line) && at_most_words(line, MENU_LINE_MAX_WORDS)
}

fn is_cut_short(line: &str) -> bool {
    let cut = line.strip_suffix('\u{2026}').or_else(|| line.strip_suffix("..").filter(|r| !r.ends_with('.')));
    cut.and_then(|r| r.chars().next_back()).is_some_and(|c| c.is_alphanumeric() || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_credit_in_another_language_is_a_caption() {
        for line in ["Foto: dpa/Jan Brel", "\u{424}\u{43e}\u{442}\u{43e}: \u{430}\u{440}\u{445}\u{438}\u{432} Reuters"]
        {
            assert!(is_caption_marker(&line.to_lowercase()), "{line}");
        }
        assert!(!is_caption_marker("fotografers waited outside"));
    }

    #[test]
    fn a_short_paragraph_ending_on_a_web_address_is_a_link() {
        assert!(super::ends_with_web_address(
            "What political news is the world searching for on Google? Find out via AP's Election Buzz interactive. http://elections.ap.org/buzz."
        ));
        assert!(super::ends_with_web_address("More at www.example.com/story"));
        // Prose that mentions an address before its end, or a long
        // paragraph that cites one, stays.
        assert!(!super::ends_with_web_address("The report at www.example.org says 40 people were hurt."));
        let long = "The agency said the figures, which were gathered over three years from every port in the country and \
                    checked against the customs records of each of them, are published in full at https://example.org/ports.";
        assert!(!super::ends_with_web_address(long));
        // A tweet ends on its link: it is a statement.
        assert!(!super::ends_with_web_address(
            "We must take action to stop gun violence now. -H https://t.co/SkKglwQycb"
        ));
    }

    #[test]
    fn a_menu_above_the_headline_and_cut_teasers_are_navigation() {
        let text = "Columns\nAnna Kim column\n\nLee Park column\nTop news\n\
                    The minister resigns\n\nThe minister resigned on Monday after a week of protests in the capital.\n\
                    Most read\nPort strike ends after talks..\nRates rise again as banks\u{2026}\nThe end.";
        let lines: Vec<&str> = text.lines().collect();
        let nav: Vec<&str> =
            navigation_lines(&lines, 0, Some("The Minister Resigns")).iter().map(|&i| lines[i]).collect();
        assert_eq!(
            nav,
            [
                "Columns",
                "Anna Kim column",
                "Lee Park column",
                "Top news",
                "Most read",
                "Port strike ends after talks..",
                "Rates rise again as banks\u{2026}"
            ]
        );
        // Prose above the headline (a lede the page printed first), a
        // kicker alone, or no headline found: nothing above it goes.
        let lede = [
            "Menu",
            "Home",
            "The minister resigned on Monday after a week of protests.",
            "The minister resigns",
            "Body.",
        ];
        assert!(navigation_lines(&lede, 0, Some("The minister resigns")).is_empty());
        let kicker = ["EXCLUSIVE", "The minister resigns", "Body."];
        assert!(navigation_lines(&kicker, 0, Some("The minister resigns")).is_empty());
        assert!(navigation_lines(&["A", "B", "C", "Body."], 0, Some("The minister resigns")).is_empty());
        // One sentence trailing off, a sentence ending in an ellipsis after
        // a full stop, or a quotation that trails off are no teaser run.
        let prose = [
            "He paused\u{2026}",
            "And then he spoke.",
            "\u{201c}We waited and waited\u{2026}\u{201d}",
            "It was late...",
        ];
        assert!(navigation_lines(&prose, 0, None).is_empty());
    }

    #[test]
    fn page_notes_handles_credits_and_crossheads_are_furniture() {
        for (line, reason) in [
            ("PREVIOUSLY:", DropReason::SectionLabel),
            ("Earlier:", DropReason::SectionLabel),
            (
                "This article has been updated with additional information on the senator\u{2019}s statement.",
                DropReason::EditorsNote,
            ),
            ("This story has been corrected to show the vote was on Tuesday.", DropReason::EditorsNote),
            ("@hotflesh.", DropReason::Byline),
            ("Twitter: @Milbank.", DropReason::Byline),
            ("Handout/Reuters.", DropReason::PhotoCaption),
            ("POOL New/Reuters.", DropReason::PhotoCaption),
            ("Jane Doe/Getty Images", DropReason::PhotoCaption),
            ("\u{2013} \u{2018}Who cares?\u{2019} \u{2013}.", DropReason::SectionLabel),
            ("- Talks stall -", DropReason::SectionLabel),
        ] {
            let lines = ["Headline.", "", line, "", "The body goes on."];
            let lower = lower_head(line);
            assert_eq!(opening_furniture(line, lower.as_str(), true, &lines, 2), Some(reason), "{line}");
        }
        // Prose that opens alike stays.
        for line in [
            "This article has been read by millions, the publisher said.",
            "@hotflesh replied within minutes, calling the remark unfair.",
            "Earlier, the senator had said she would vote against the bill.",
            "Police said the gun, a pistol made by Kel-Tec/Reuters, was found.",
            "- The union wants a 5% raise, the minister said, and the talks resume on Monday -",
            "\u{2014} and then it stopped.",
        ] {
            let lines = ["Headline.", "", line, "", "The body goes on."];
            let lower = lower_head(line);
            assert_eq!(opening_furniture(line, lower.as_str(), true, &lines, 2), None, "{line}");
        }
    }

    #[test]
    fn where_the_writers_reported_from_is_a_byline_and_markup_has_no_words() {
        for line in [
            "Phillip reported from Oakland, Calif.; Gearan, from Washington.",
            "Jane Hollis reported from Paris.",
            "Smith and Jones reported from New York; Brown reported from Kabul.",
        ] {
            assert!(super::super::agency::is_contributor_line(line), "{line}");
        }
        for line in [
            "Smith reported from Baghdad for a decade before joining the paper.",
            "The agency reported from its own figures that 40 people died.",
        ] {
            assert!(!super::super::agency::is_contributor_line(line), "{line}");
        }
        assert!(super::super::markup_only("<tweet tweet-id=\"728651792918155268\"><tweet/>."));
        assert!(!super::super::markup_only("<b>Note</b> the vote is on Tuesday."));
        assert!(!super::super::markup_only("Prices rose 5% (<1% in May)."));
        assert!(!super::super::markup_only("<The Palace: Tale of Jang Noksu>"));
    }
}
