//! Abbreviations, titles, initials and numbers before a full stop: the word
//! lists and the rule that decides a lone `.` from the word in front of it
//! and the word after it.
//!
//! Golden Rules: gr04–gr18 (initials, `p.`, `co.`, `Co.`, `Mt.`, `St.`,
//! `Jr.`, `U.S.A.`, `E.U.`, `U.S.`, `a.m.`), gr19–gr20 (decimals),
//! gr43 (`N°.`) and gr45 (`I.` as pronoun versus initial).

use super::bytes::skip_openers;
use super::context::NextCtx;

/// How the word in front of a full stop affects the boundary decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// An ordinary word or number: the stop ends the sentence unless the next
    /// word starts in lower case.
    Plain,
    /// A title such as `Mr.` or `Gen.` that precedes a name; it never ends a
    /// sentence on its own.
    Title,
    /// An abbreviation that may end a sentence (`Inc.`, `U.S.`, `Jan.`), or a
    /// single-letter initial. Capitalised names often follow these, so the
    /// stop ends the sentence only when a typical sentence-opening word
    /// follows.
    Guarded,
    /// An abbreviation used before numbers (`No. 5`, `p. 55`). Before a digit
    /// it is not a boundary; otherwise it behaves like a plain word.
    BeforeNumber,
}

impl WordClass {
    /// Whether a full stop after a word of this class, followed by
    /// whitespace and `ctx`, ends the sentence: never after a title (gr10,
    /// gr18 `Mr. Smith`); after an abbreviation or initial only before a
    /// sentence opener (gr04, gr09, gr13–gr17, gr45); not between `p.` or
    /// `N°.` and a number (gr05, gr43); otherwise unless a lower-case word
    /// follows (gr01, gr06, gr20).
    #[inline]
    pub(super) fn ends_sentence_before(self, ctx: &NextCtx) -> bool {
        match self {
            WordClass::Title => false,
            WordClass::Guarded => ctx.starter,
            WordClass::BeforeNumber if ctx.digit => false,
            WordClass::BeforeNumber | WordClass::Plain => !ctx.lower || ctx.opening,
        }
    }
}

/// Classifies the word that ends just before the `.` at `i`, looking no
/// further back than `from` (the start of the current sentence, so that
/// `Tuesday.Mr.` after a missing-space boundary reads as `Mr.`).
#[inline]
pub(super) fn classify_word(b: &[u8], from: usize, i: usize) -> WordClass {
    // Collect the token before the stop: letters, digits, inner dots and
    // non-ASCII bytes (for `N°`), at most 32 bytes back.
    let mut s = i;
    while s > from && i - s < 32 {
        let c = b[s - 1];
        if c.is_ascii_alphanumeric() || c == b'.' || c >= 0x80 {
            s -= 1;
        } else {
            break;
        }
    }
    // Drop leading opening quotes that the byte scan swallowed.
    let s = skip_openers(b, s);
    if s >= i {
        return WordClass::Plain;
    }
    let word = &b[s..i];
    if word.len() > 16 {
        return WordClass::Plain;
    }
    let mut buf = [0u8; 16];
    let lw = &mut buf[..word.len()];
    lw.copy_from_slice(word);
    lw.make_ascii_lowercase();
    let lw = &*lw;
    if lw.contains(&b'.') {
        return classify_dotted(lw);
    }
    if word.len() == 1 && word[0].is_ascii_alphabetic() {
        // A single letter: an initial (`E. Smith`), a page (`p. 55`), or the
        // pronoun at the end of a sentence (`you and I.`).
        return WordClass::Guarded;
    }
    // Abbreviations that are also ordinary lower-case words (`He sat.`,
    // `they wed.`) count only when capitalised, as in `Sat.` or `Wed.`.
    if matches!(lw, b"sat" | b"sun" | b"wed" | b"mar") && word[0].is_ascii_lowercase() {
        return WordClass::Plain;
    }
    match lw {
        // Titles and words that sit in front of a name or term.
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"dr" | b"prof" | b"gen" | b"sen" | b"rep" | b"reps" | b"sens"
        | b"gov" | b"lt" | b"col" | b"capt" | b"cpt" | b"sgt" | b"maj" | b"adm" | b"cmdr" | b"cdr" | b"brig"
        | b"cpl" | b"pvt" | b"rev" | b"hon" | b"pres" | b"supt" | b"insp" | b"det" | b"atty" | b"gens" | b"vs"
        | b"fr" | b"ald" | b"amb" | b"mme" | b"mlle" | b"approx" | b"cf" | b"viz" | b"msgr" | b"const" | b"asst"
        | b"pfc" | b"spc" => WordClass::Title,
        // Abbreviations and units that are normally followed by a number.
        b"no" | b"nos" | b"p" | b"pp" | b"vol" | b"vols" | b"fig" | b"figs" | b"art" | b"ch" | b"chap" | b"sec"
        | b"para" | b"ed" | b"op" | b"hwy" | b"rte" | b"apt" | b"bldg" | b"ste" | b"ext" | b"tel" | b"ref" | b"ca"
        | b"ft" | b"km" | b"mi" | b"oz" | b"lb" | b"lbs" | b"min" | b"mins" | b"max" | b"hr" | b"hrs" | b"yr"
        | b"yrs" | b"n\xc2\xb0" | b"n\xc2\xba" => WordClass::BeforeNumber,
        // Abbreviations that often end a sentence but are just as often
        // followed by a capitalised name: company suffixes, name suffixes
        // (`Martin Luther King Jr. He ...`), streets, months and weekdays.
        b"inc" | b"ltd" | b"co" | b"corp" | b"llc" | b"plc" | b"bros" | b"jr" | b"sr" | b"esq" | b"dept" | b"univ"
        | b"st" | b"mt" | b"ave" | b"blvd" | b"rd" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug"
        | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thurs"
        | b"fri" | b"sat" | b"sun" | b"est" | b"al" => WordClass::Guarded,
        _ => WordClass::Plain,
    }
}

/// Classifies a lower-cased token with inner dots, such as `u.s`, `a.m`,
/// `e.g` or `ph.d`. Tokens whose parts are not short letter groups (numbers,
/// domain names) are plain words.
fn classify_dotted(lw: &[u8]) -> WordClass {
    if matches!(lw, b"e.g" | b"i.e" | b"viz" | b"cf") {
        return WordClass::Title;
    }
    let short_letters = lw
        .split(|&c| c == b'.')
        .all(|part| !part.is_empty() && part.len() <= 2 && part.iter().all(u8::is_ascii_alphabetic));
    if short_letters {
        WordClass::Guarded
    } else {
        WordClass::Plain
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::testutil::check;

    #[test]
    fn titles_never_end_a_sentence() {
        check("Mr. Patel met Mrs. Osei.", &["Mr. Patel met Mrs. Osei."]);
        check("Dr. Lin and Prof. Ruiz spoke.", &["Dr. Lin and Prof. Ruiz spoke."]);
        check("Lt. Gen. Ahmed briefed Sen. Cole and Rep. Diaz.", &["Lt. Gen. Ahmed briefed Sen. Cole and Rep. Diaz."]);
        check("Lt Gen Ahmed spoke first. Gov. Reyes followed.", &["Lt Gen Ahmed spoke first.", "Gov. Reyes followed."]);
        check("It was Smith vs. Jones again.", &["It was Smith vs. Jones again."]);
        check("(Mr. Okafor declined to comment.)", &["(Mr. Okafor declined to comment.)"]);
        check(
            "CNA spoke with Msgr. Ruiz. Const. Okafor and Asst. Chief Lin arrived. Pfc. Diaz and Spc. Cole left.",
            &[
                "CNA spoke with Msgr. Ruiz.",
                "Const. Okafor and Asst. Chief Lin arrived.",
                "Pfc. Diaz and Spc. Cole left.",
            ],
        );
    }

    #[test]
    fn guarded_abbreviations() {
        check(
            "The U.S. Senate voted. The U.N. Security Council met.",
            &["The U.S. Senate voted.", "The U.N. Security Council met."],
        );
        check("Troops left the U.K. They flew home.", &["Troops left the U.K.", "They flew home."]);
        check(
            "The office opens at 9 a.m. Monday and closes at 5 p.m. The staff agreed.",
            &["The office opens at 9 a.m. Monday and closes at 5 p.m.", "The staff agreed."],
        );
        check(
            "Shares of Acme Inc. rose. Beta Ltd. fell. Gamma Co. It was flat.",
            &["Shares of Acme Inc. rose.", "Beta Ltd. fell.", "Gamma Co.", "It was flat."],
        );
        check(
            "The fair opens Jan. 5 and ends Feb. 20 on Elm St. near the park.",
            &["The fair opens Jan. 5 and ends Feb. 20 on Elm St. near the park."],
        );
        check("The church is St. Anne's.", &["The church is St. Anne's."]);
        check("Bring pens, paper, etc. The exam starts soon.", &["Bring pens, paper, etc.", "The exam starts soon."]);
        check("Use tools, e.g. Hammers and saws.", &["Use tools, e.g. Hammers and saws."]);
        check(
            "He spoke of Martin Luther King Jr. He then left.",
            &["He spoke of Martin Luther King Jr.", "He then left."],
        );
    }

    #[test]
    fn word_like_abbreviations_and_units() {
        check("He sat. Officials watched.", &["He sat.", "Officials watched."]);
        check("The vote is on Sat. Jan. 9 in the hall.", &["The vote is on Sat. Jan. 9 in the hall."]);
        check(
            "He is 6 ft. 2 in. tall. The trail is 5 km. Hikers love it.",
            &["He is 6 ft. 2 in. tall.", "The trail is 5 km.", "Hikers love it."],
        );
        check("She lives in Fresno, CA. The city is hot.", &["She lives in Fresno, CA.", "The city is hot."]);
    }

    #[test]
    fn numbers_before_and_after() {
        check("He wore No. 5 all season.", &["He wore No. 5 all season."]);
        check("The answer was no. Then he left.", &["The answer was no.", "Then he left."]);
        check("See p. 12 and pp. 40-45.", &["See p. 12 and pp. 40-45."]);
        check(
            "Inflation hit 3.5% in May. It was 2.9% a year ago.",
            &["Inflation hit 3.5% in May.", "It was 2.9% a year ago."],
        );
        check(
            "The deal is worth $1.2bn. Version v2.0 ships soon.",
            &["The deal is worth $1.2bn.", "Version v2.0 ships soon."],
        );
        check("Turnout rose in 2019. 2020 was worse.", &["Turnout rose in 2019.", "2020 was worse."]);
        check("They raised 1,500.00 dollars.", &["They raised 1,500.00 dollars."]);
    }

    #[test]
    fn initials() {
        check(
            "Fans of J. R. R. Tolkien gathered. A. A. Milne fans did too.",
            &["Fans of J. R. R. Tolkien gathered.", "A. A. Milne fans did too."],
        );
        check("The award went to Maria K. Oduya yesterday.", &["The award went to Maria K. Oduya yesterday."]);
        check("The grade was a B. The student appealed.", &["The grade was a B.", "The student appealed."]);
    }
}
