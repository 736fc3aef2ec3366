//! Sentence segmentation: turns a cleaned article into sentence byte spans.
//!
//! This module owns the English sentence splitter used for news prose. The
//! entry point is [`split`], which returns trimmed, non-empty, ordered byte
//! spans that together cover every non-whitespace character of the input.
//!
//! The splitter is a single forward scan over the bytes. It jumps between
//! candidate bytes (`.`, `?`, `!`, `)`, newline and the lead byte of `…` and
//! of the Unicode bullets) and decides each candidate from local context only:
//! the word before the terminator, the closing quotes and brackets after it,
//! and the first word after the following whitespace. Abbreviations are looked
//! up with a `match` on a small lowercase stack buffer, so the scan never
//! allocates except for the output vector.
//!
//! Line breaks follow news conventions: a blank line always ends a sentence.
//! A lone newline ends a sentence when the next line is a bullet, a table row
//! (`|`) or a list item, or when the line before it has no terminal
//! punctuation and the next line does not start in lower case (a headline).
//! A lone newline before a lower-case line is a soft wrap when the rest of the
//! paragraph still contains sentence punctuation, and a boundary between
//! unpunctuated list lines otherwise.
//!
//! # Where each rule lives
//!
//! Each rule's doc comment names the cases of the Golden Rules suite
//! (`bench/golden_rules_en.json` in the shared folder, `grNN`) that it serves,
//! and its unit tests sit in the same file. The rule files import only one
//! another's predicates (`bytes.rs`, `context.rs`, `ellipsis.rs`); none
//! imports the scanner.
//!
//! | rule | file | Golden Rules |
//! |---|---|---|
//! | the scan, the cursor, cutting and trimming spans, each trigger byte's handler (`.` `?` `!` `)` newline `…`) | `scanner.rs` | all |
//! | whitespace, closing and opening quote marks and brackets (a leaf) | `bytes.rs` | gr21, gr24–26 |
//! | what follows a terminator: lower case, opening quote, digit, stray quote | `context.rs` | gr24–26, gr44 |
//! | runs of terminal punctuation such as `?!`, `..` | `terminators.rs` | gr01–03, gr27–30, gr49 |
//! | abbreviations, titles, initials, numbers (`Mr.`, `U.S.`, `Inc.`, `p. 55`, `E. Smith`) | `abbreviations.rs` | gr04–20, gr43, gr45 |
//! | quotes and brackets closing after the stop, quoted question and its attribution | `quotes.rs` | gr21, gr24–26 |
//! | ellipses: `…`, `. . .`, `. . . .`, `[...]` (recognised; decided in the scanner) | `ellipsis.rs` | gr46–51 |
//! | no space after the stop (`world.Today`), emails and URLs | `missing_space.rs` | gr22, gr23, gr52 |
//! | list items and bullets (`1.`, `1.)`, `a)`, `•`) | `lists.rs` | gr31–39 |
//! | line ends: terminal punctuation before a break (the rules in the newline handler) | `lines.rs` | gr40–42 |
//! | a bound on a sentence's length: a run without stops is cut at clause marks or spaces | `long.rs` | - |

mod abbreviations;
mod bytes;
mod context;
mod ellipsis;
mod lines;
mod lists;
mod long;
mod missing_space;
mod quotes;
mod scanner;
mod terminators;

pub use long::MAX_SENTENCE_BYTES;
use scanner::Splitter;

/// A half-open byte range `[start, end)` into the cleaned article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the sentence.
    pub start: usize,
    /// One past the last byte of the sentence.
    pub end: usize,
}

/// Splits `text` into sentences and returns their spans, in order, trimmed of
/// surrounding whitespace.
pub fn split(text: &str) -> Vec<Span> {
    let mut s = Splitter::new(text, usize::MAX);
    s.run();
    s.out
}

/// Like [`split`], but stops as soon as `text` has more than `max`
/// sentences and returns `None`: a sentence budget is checked without
/// segmenting (or holding the spans of) the whole text.
pub fn split_at_most(text: &str, max: usize) -> Option<Vec<Span>> {
    split_within(text, max).map(|s| s.spans)
}

/// The sentences of a text, and how many of them ran past
/// [`MAX_SENTENCE_BYTES`] and were cut into pieces (text without sentence
/// punctuation): a caller warns about those.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentences {
    /// The spans, as [`split`] returns them.
    pub spans: Vec<Span>,
    /// Runs longer than [`MAX_SENTENCE_BYTES`] that were cut.
    pub cut_long: usize,
}

/// Like [`split_at_most`], with the count of over-long runs that were cut.
pub fn split_within(text: &str, max: usize) -> Option<Sentences> {
    let mut s = Splitter::new(text, max);
    s.run();
    (s.out.len() <= max).then_some(Sentences { spans: s.out, cut_long: s.cut_long })
}

/// The warning for `n` over-long runs cut into pieces in `what` (a file
/// name), or `None` when there were none.
pub fn cut_long_warning(what: &str, n: usize) -> Option<String> {
    (n > 0).then(|| {
        let runs = if n == 1 { "run" } else { "runs" };
        format!(
            "{what}: {n} {runs} of text longer than {MAX_SENTENCE_BYTES} bytes without sentence punctuation \
             cut into sentence-sized pieces at clause marks or spaces"
        )
    })
}

/// Returns the sentences of `text` as string slices, in order.
///
/// This is a convenience wrapper over [`split`] for callers that want the
/// text rather than the byte offsets.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> + '_ {
    split(text).into_iter().map(move |sp| &text[sp.start..sp.end])
}

/// Helpers shared by the rule files' tests.
#[cfg(test)]
mod testutil {
    use super::*;

    /// Splits `input` and compares the whitespace-collapsed sentences.
    pub(super) fn check(input: &str, expected: &[&str]) {
        let got: Vec<String> = sentences(input).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    /// Asserts the documented invariants of `split` for `text`.
    pub(super) fn assert_tiles(text: &str, spans: &[Span]) {
        let mut covered = vec![false; text.len()];
        let mut prev_end = 0;
        for sp in spans {
            assert!(sp.start < sp.end, "empty span {sp:?} in {text:?}");
            assert!(sp.start >= prev_end, "overlap/order {sp:?} in {text:?}");
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            let s = &text[sp.start..sp.end];
            assert_eq!(s, s.trim(), "untrimmed {sp:?} in {text:?}");
            for c in covered.iter_mut().take(sp.end).skip(sp.start) {
                *c = true;
            }
            prev_end = sp.end;
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                assert!(covered[i], "char {c:?} at {i} not covered in {text:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::assert_tiles;
    use super::*;

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            ".",
            "..",
            "...",
            "\u{2026}",
            "\"",
            "\u{201c}",
            ")",
            "(",
            "\n",
            "\n\n",
            ". . .",
            ". . . .",
            "a.",
            "A. ",
            "1.",
            "1)",
            "\u{2022}",
            "|",
            "\u{0}\u{1}.\u{7f}",
            "x.\u{a0}Y",
            "e\u{301}. Next",
            "\u{2022}\u{2022}\u{2022}",
            "1. 2. 3. 4.",
        ] {
            let spans = split(s);
            assert_tiles(s, &spans);
        }
    }

    /// A small deterministic generator (xorshift) so the property test needs
    /// no extra dependency and always checks the same inputs.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    #[test]
    fn property_spans_tile_random_text() {
        // Pieces weighted towards the bytes the splitter reacts to, plus
        // arbitrary code points, so that unusual combinations come up often.
        let pieces = [
            ".",
            ".",
            "?",
            "!",
            " ",
            " ",
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{2003}",
            "\u{2026}",
            "\u{2022}",
            "\u{2043}",
            "\u{201c}",
            "\u{201d}",
            "\u{2019}",
            "\"",
            "'",
            "(",
            ")",
            "[",
            "]",
            "|",
            "-",
            "Mr",
            "U.S",
            "a",
            "B",
            "I",
            "The",
            "he",
            "1",
            "23",
            "\u{e9}",
            "\u{1F600}",
            "\u{0}",
            "\u{7}",
            "x",
            "www",
            "@",
            "/",
            "\u{ab}",
            "\u{bb}",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // `CLAIMDIFF_PROP_CASES` raises the count for a longer fuzzing run
        // (for example in release mode) without slowing the default suite.
        let cases = std::env::var("CLAIMDIFF_PROP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000usize);
        for _ in 0..cases {
            let len = (rng.next() % 40) as usize;
            let mut s = String::new();
            for _ in 0..len {
                if rng.next().is_multiple_of(8) {
                    // Any Unicode scalar value, including controls.
                    let cp = (rng.next() % 0x11_0000) as u32;
                    s.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                } else {
                    s.push_str(rng.pick(&pieces));
                }
            }
            let spans = split(&s);
            assert_tiles(&s, &spans);
        }
    }

    #[test]
    fn property_huge_input() {
        let unit = "Mr. A said \u{201c}no.\u{201d} Then\n\n\u{2022} 1. item ... x.Y ";
        let text = unit.repeat(20_000);
        let spans = split(&text);
        assert_tiles(&text, &spans);
        let no_punct = "word\n".repeat(50_000);
        assert_tiles(&no_punct, &split(&no_punct));
    }

    #[test]
    fn text_without_stops_is_cut_into_bounded_pieces() {
        let text = "the talks would resume on monday and ".repeat(5_000);
        let got = split_within(&text, usize::MAX).unwrap();
        assert_tiles(&text, &got.spans);
        assert_eq!(got.cut_long, 1);
        assert!(got.spans.len() >= text.len() / MAX_SENTENCE_BYTES);
        assert!(got.spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
        // No piece cuts a word.
        assert!(got.spans.iter().all(|s| text[s.start..s.end].ends_with(|c: char| c.is_alphabetic())));
        // One huge word is cut at character boundaries.
        let word = "\u{e9}".repeat(4_000);
        let got = split_within(&word, usize::MAX).unwrap();
        assert_tiles(&word, &got.spans);
        assert_eq!((got.spans.len(), got.cut_long), (3, 1));
        // Ordinary prose is never cut, and the budget still stops the scan.
        let prose = "The minister said the talks would resume on Monday. ".repeat(200);
        assert_eq!(split_within(&prose, usize::MAX).unwrap().cut_long, 0);
        assert_eq!(split_within(&text, 3), None);
        assert!(cut_long_warning("a.txt", 0).is_none());
        assert!(cut_long_warning("a.txt", 2).unwrap().starts_with("a.txt: 2 runs of text"));
    }

    #[test]
    fn split_at_most_stops_past_the_budget() {
        let text = "Hi. ".repeat(11);
        assert_eq!(split_at_most(&text, 11), Some(split(&text)));
        assert_eq!(split_at_most(&text, 12).map(|s| s.len()), Some(11));
        assert_eq!(split_at_most(&text, 10), None);
        assert_eq!(split_at_most(&text, 0), None);
        assert_eq!(split_at_most("", 0), Some(vec![]));
        // The scan stops early: a long text over a small budget leaves the
        // rest unread (nothing here checks time, only the answer).
        assert_eq!(split_at_most(&"Hi. ".repeat(1_000_000), 3), None);
    }
}
