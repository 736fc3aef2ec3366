//! Command-line arguments (clap derive). Doc comments are the help text.
//! Nothing here is seen by the library: `main` turns these into library
//! configs.

use claimdiff::findings::FindingKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Compare how news outlets report the same story: align claims across
/// articles and show what each outlet changed, added or dropped.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, after_help = EXIT_STATUS)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_STATUS: &str = "EXIT STATUS:\n  0  success (for `check` and `compare --exit-code`: nothing to report)\n  1  `check` (or `compare --exit-code`) found differences\n  2  trouble: a bad input file (binary, over --max-bytes or --max-sentences, ...), too few usable articles, bad arguments, I/O error, an -o that is an input\n     (an unusable article of a folder or JSONL file is skipped with a warning, unless --strict)\n  128+N  killed by signal N (130 SIGINT, 143 SIGTERM); an unfinished -o file is removed";

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two articles sentence by sentence, or three or more (files, a
    /// folder, or a JSONL file) claim by claim.
    Compare(CompareArgs),
    /// Check a story against reference copy (wire, sources) before it goes
    /// out. Exits 0 when nothing fails, 1 when findings fail, 2 on trouble.
    Check(CheckArgs),
    /// Print an article's sentences, one per line.
    Split(SplitArgs),
    /// Print what claimdiff reads from each input: a web page's article
    /// body and metadata (outlet, title, date, URL, byline), a text file's
    /// cleaned text, as text with front matter or as JSON.
    Extract(ExtractArgs),
    /// List every quotation with its speaker and, across articles, whether
    /// each other article carries it verbatim, trimmed, altered or
    /// paraphrased.
    Quotes(QuotesArgs),
    /// Group articles of many stories (a folder, JSONL) into stories: the
    /// articles that report the same event.
    Stories(StoriesArgs),
    /// Print a shell completion script on stdout (for example
    /// `claimdiff completions bash > ~/.local/share/bash-completion/completions/claimdiff`).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on stdout (for example
    /// `claimdiff man > ~/.local/share/man/man1/claimdiff.1`).
    Man,
}

/// `claimdiff completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `claimdiff check`.
#[derive(Debug, Args)]
#[command(override_usage = "claimdiff check [OPTIONS] STORY --against REF...")]
pub struct CheckArgs {
    /// The story to check. It comes before --against: every path after
    /// --against is a reference (`check --against A B STORY` reads STORY as
    /// a reference and has no story).
    #[arg(value_name = "STORY")]
    pub story: PathBuf,
    /// The reference articles (files, folders or JSONL): every path after
    /// the flag, up to the next option. A reference with the story's own
    /// text (the story inside a folder given here) is skipped with a
    /// warning.
    #[arg(long, required = true, num_args = 1.., value_name = "REF")]
    pub against: Vec<PathBuf>,
    /// Which findings fail the check (exit 1): any of quote, number, name,
    /// spelling, negation, hedge, clause, unsupported, dropped; or `all`, or
    /// `none`.
    #[arg(long, value_name = "KINDS", default_value = "quote,number,name", value_parser = parse_fail_on)]
    pub fail_on: FailOn,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Matching and output options.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 2 when any article of a folder or JSONL input cannot be used
    /// (binary, too large, empty after cleaning, a bad JSONL line), instead
    /// of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
}

/// The `--fail-on` set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailOn(pub Vec<FindingKind>);

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    parse_kinds(s, &FindingKind::CHECK)
}

fn parse_compare_fail_on(s: &str) -> Result<FailOn, String> {
    parse_kinds(s, &FindingKind::COMPARE)
}

/// A comma-separated list of kinds out of `allowed`, or `all`, or `none`.
fn parse_kinds(s: &str, allowed: &[FindingKind]) -> Result<FailOn, String> {
    FindingKind::parse_list(s.split(','), allowed).map(FailOn)
}

/// `check` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable.
    Text,
    /// One row per finding and reference.
    Csv,
    /// Findings with their evidence.
    Json,
    /// The findings table: one typed row per finding and reference
    /// (`finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails`).
    Findings,
}

/// Matching and output options shared by `compare` and `check`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Write the report to this file (atomically) instead of stdout. Never
    /// an input; a device or FIFO is written in place, a symbolic link's
    /// target replaced.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Match cut-off: sentence pairs scoring at least this are aligned.
    #[arg(long, value_name = "0..1", allow_hyphen_values = true, default_value_t = claimdiff::config::DEFAULT_THRESHOLD, value_parser = parse_unit)]
    pub threshold: f32,
    /// The lowest probability that two outlets' sentences assert the same
    /// claim for them to share a claim (three or more articles) or to be
    /// aligned (two). Every two members of a shared claim must reach it;
    /// higher is stricter (fewer, surer shared claims and pairs).
    #[arg(long, value_name = "0..1", allow_hyphen_values = true, default_value_t = claimdiff::sameclaim::DEFAULT_CLAIM_FLOOR, value_parser = parse_unit)]
    pub claim_floor: f32,
    /// When to colour the text report. `auto` colours a terminal, following
    /// the usual variables: NO_COLOR or CLICOLOR=0 turn colour off,
    /// CLICOLOR_FORCE turns it on even into a pipe.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// CSV for spreadsheets: prefix a `'` to every cell that starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return, so that article text
    /// is shown, not run as a formula (csv and matrix formats).
    #[arg(long)]
    pub csv_safe: bool,
    /// The sentence encoder.
    #[command(flatten)]
    pub encoder: EncoderArgs,
}

/// The sentence-encoder options of every command that uses it.
#[derive(Debug, Args)]
pub struct EncoderArgs {
    /// The sentence-encoder folder (model.safetensors + tokenizer.json) for
    /// semantic matching. Default: $CLAIMDIFF_MODEL, else the encoder
    /// compiled into this build (`claimdiff --version` names it), else, in a
    /// slim build, models/paraphrase-MiniLM-L3-v2 in the executable's folder
    /// or up to three folders above it.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Match on wording only: no sentence encoder.
    #[arg(long, conflicts_with = "model")]
    pub lexical: bool,
    /// Runs with more sentences than this are matched lexically (the
    /// semantic path takes about 0.6 ms per sentence on two cores).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_count::<usize>, default_value_t = claimdiff::config::DEFAULT_SEMANTIC_MAX_SENTENCES)]
    pub semantic_max_sentences: usize,
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// List every line the cleaner dropped, and why, on stderr.
    #[arg(short, long)]
    pub verbose: bool,
    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", allow_negative_numbers = true, value_parser = parse_count::<u64>, default_value_t = claimdiff::article::load::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Refuse an article with more sentences than this (memory grows with
    /// them: up to about 3 KB a sentence); counting stops at the first
    /// one over.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_count::<usize>, default_value_t = claimdiff::article::DEFAULT_MAX_SENTENCES)]
    pub max_sentences: usize,
}

/// `claimdiff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The articles: text files, folders of `.txt`/`.md` files, `.jsonl`
    /// files (one article per line), or `-` for stdin (once). Two articles
    /// give a pairwise report; three or more a claims report.
    #[arg(required = true, num_args = 1.., value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Matching and output options.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 2 when any article of a folder or JSONL input cannot be used
    /// (binary, too large, empty after cleaning, a bad JSONL line), instead
    /// of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar (it is shown only on a terminal anyway).
    #[arg(short, long)]
    pub quiet: bool,
    /// For each aligned pair, show the content words both sides share, those
    /// only one side has, and every component of the score (text and JSON,
    /// pairwise mode).
    #[arg(long)]
    pub explain: bool,
    /// Exit 1 when the report shows differences, like diff(1): pairwise, any
    /// sentence that is not the same in both; many-way, any claim that some
    /// outlet lacks or words differently. Without it `compare` exits 0.
    #[arg(long)]
    pub exit_code: bool,
    /// Which findings `--format findings` marks `fails=true`: any of quote,
    /// number, name, spelling, negation, hedge, clause, unique; or `all`, or
    /// `none`. The same default as `check`.
    #[arg(long, value_name = "KINDS", default_value = "quote,number,name", value_parser = parse_compare_fail_on)]
    pub fail_on: FailOn,
    /// Group the articles into stories first (as `claimdiff stories`) and
    /// compare each story's articles claim by claim: `--format json` writes
    /// one JSON Lines record per story, `findings` one table with a last
    /// `story` column, `text` the reports one after another.
    #[arg(long)]
    pub by_story: bool,
    /// Story grouping options (with `--by-story`).
    #[command(flatten)]
    pub story: StoryArgs,
}

/// `claimdiff split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The article: a text file, or `-` for stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// `text`: one sentence per line; `json`: sentences with byte spans.
    #[arg(long, value_enum, default_value_t = SplitFormat::Text)]
    pub format: SplitFormat,
    /// Split the text as it is, without removing boilerplate or front matter.
    #[arg(long)]
    pub raw: bool,
    /// Input options.
    #[command(flatten)]
    pub input_opts: InputArgs,
}

/// Story grouping options (`stories`, `compare --by-story`).
#[derive(Debug, Args)]
pub struct StoryArgs {
    /// Two groups of articles are one story while the mean TF-IDF cosine of
    /// their article pairs is at least this.
    #[arg(long, value_name = "0..1", allow_hyphen_values = true, default_value_t = claimdiff::stories::DEFAULT_THRESHOLD, value_parser = parse_unit)]
    pub story_threshold: f32,
    /// Articles whose dates are both known and more than this many days
    /// apart are never one story.
    #[arg(long, value_name = "DAYS", default_value_t = 7, allow_negative_numbers = true, value_parser = parse_count::<i64>)]
    pub window_days: i64,
}

impl StoryArgs {
    /// The library's options.
    pub fn config(&self) -> claimdiff::stories::StoryConfig {
        claimdiff::stories::StoryConfig { threshold: self.story_threshold, window_days: self.window_days }
    }
}

/// `stories` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoriesFormat {
    /// One block per story.
    Text,
    /// `story,article,outlet,date,title`, one row per article.
    Csv,
    /// `{schema_version, stories: [{id, articles: [...]}]}`.
    Json,
}

/// `claimdiff stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// The articles: text files, folders, JSONL, or `-` for stdin (once).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StoriesFormat::Text)]
    pub format: StoriesFormat,
    /// Grouping options.
    #[command(flatten)]
    pub story: StoryArgs,
    /// Write the grouping to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// CSV for spreadsheets (see `compare --csv-safe`).
    #[arg(long)]
    pub csv_safe: bool,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 2 when any article of a folder or JSONL input cannot be used,
    /// instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
}

/// `claimdiff extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The inputs: web pages (`.html`, `.htm`, gzipped or not), web archives
    /// (`.warc`, `.warc.gz`), text files, folders, JSONL, or `-` for stdin
    /// (once).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// `text`: each article as front matter and text; `json`: an array of
    /// `{outlet, title, date, url, byline, path, text}`.
    #[arg(long, value_enum, default_value_t = SplitFormat::Text, hide_possible_values = true)]
    pub format: SplitFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 2 when any article of a folder, web archive or JSONL input
    /// cannot be used, instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
}

/// `claimdiff quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The articles: text files, folders, JSONL, or `-` for stdin (once).
    #[arg(required = true, value_name = "ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// `text`: one block per article; `json`: quotations with byte spans.
    #[arg(long, value_enum, default_value_t = SplitFormat::Text, hide_possible_values = true)]
    pub format: SplitFormat,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 2 when any article of a folder or JSONL input cannot be used
    /// (binary, too large, empty after cleaning, a bad JSONL line), instead
    /// of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
    /// The sentence encoder, for quotations another article retells in
    /// other words (without it, paraphrases are found only when they keep
    /// most of the quotation's words).
    #[command(flatten)]
    pub encoder: EncoderArgs,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable, coloured on a terminal.
    Text,
    /// One row per aligned pair or unmatched sentence.
    Csv,
    /// The rows as objects, plus each source's metadata.
    Json,
    /// One self-contained HTML page (no external resources), for a browser
    /// or for printing.
    Html,
    /// The coverage matrix as CSV: one row per claim, one column per outlet
    /// (a claims report even for two articles).
    Matrix,
    /// The findings table as CSV: one typed row per finding
    /// (`finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails`):
    /// each flagged difference, each claim one outlet carries alone.
    Findings,
}

/// `split` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitFormat {
    /// One sentence per line.
    Text,
    /// A JSON array of `{index, start, end, text}`.
    Json,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether clap's "error" is `--help`, `--version` or the help shown for a
/// bare `claimdiff`: printed as clap prints it.
pub fn prints_help(e: &clap::Error) -> bool {
    use clap::error::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// A command line clap refused, on one line: clap's first paragraph (the
/// error, and the missing arguments or the possible values under it), then
/// the usage line for a missing or surplus argument, else where to ask
/// (`unexpected argument '--frobnicate' found (see claimdiff compare
/// --help)`).
pub fn usage_message(e: &clap::Error) -> String {
    use clap::error::ErrorKind;
    use clap::CommandFactory;
    let rendered = e.render().to_string();
    let first = rendered.split("\n\n").next().unwrap_or("bad arguments");
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = first.strip_prefix("error: ").unwrap_or(&first);
    let usage = rendered.lines().find_map(|l| l.trim().strip_prefix("Usage: "));
    if let Some(usage) =
        usage.filter(|_| matches!(e.kind(), ErrorKind::MissingRequiredArgument | ErrorKind::TooManyValues))
    {
        return format!("{first} (usage: {usage})");
    }
    let names: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_owned()).collect();
    // `args_os`: an argument that is not UTF-8 (a file name) must not panic.
    let sub = std::env::args_os().skip(1).filter_map(|a| a.into_string().ok()).find(|a| names.contains(a));
    let command = sub.map_or_else(|| "claimdiff".to_owned(), |n| format!("claimdiff {n}"));
    format!("{first} (see {command} --help)")
}

/// A whole number of 0 or more (a count, a size, a number of days).
fn parse_count<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    let t = s.trim();
    if t.starts_with('-') && t.len() > 1 {
        return Err(format!("`{s}` is negative: give a whole number, 0 or more"));
    }
    let digits = t.strip_prefix('+').unwrap_or(t);
    t.parse().map_err(|_| {
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            format!("`{s}` is too large for this option")
        } else {
            format!("`{s}` is not a whole number")
        }
    })
}

fn parse_unit(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("`{s}` is outside [0, 1]"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_must_be_in_unit_interval() {
        assert_eq!(parse_unit("0.5"), Ok(0.5));
        assert!(parse_unit("1.5").is_err());
        assert!(parse_unit("x").is_err());
        assert!(Cli::try_parse_from(["claimdiff", "compare", "a", "b", "--threshold", "2"]).is_err());
    }

    #[test]
    fn quotes_takes_one_or_more_inputs() {
        assert!(Cli::try_parse_from(["claimdiff", "quotes"]).is_err());
        assert!(Cli::try_parse_from(["claimdiff", "quotes", "a"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "quotes", "a", "b", "--format", "json"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "quotes", "a", "--format", "csv"]).is_err());
    }

    #[test]
    fn compare_needs_an_input() {
        assert!(Cli::try_parse_from(["claimdiff", "compare"]).is_err());
        assert!(Cli::try_parse_from(["claimdiff", "compare", "folder"]).is_ok());
    }

    #[test]
    fn check_takes_the_story_before_against() {
        let args = |v: &[&str]| Cli::try_parse_from([&["claimdiff", "check"][..], v].concat());
        let Ok(Cli { command: Command::Check(c) }) = args(&["s.txt", "--against", "a.txt", "b.txt"]) else {
            panic!("STORY --against REF... parses")
        };
        assert_eq!((c.story.to_str(), c.against.len()), (Some("s.txt"), 2));
        // Every path after --against is a reference: no story is left.
        assert!(args(&["--against", "a.txt", "b.txt", "s.txt"]).is_err());
        assert!(args(&["--against", "a.txt", "--format", "csv", "s.txt"]).is_ok(), "an option ends the list");
    }

    #[test]
    fn fail_on_parses_kind_lists() {
        use claimdiff::check::FindingKind::*;
        assert_eq!(parse_fail_on("quote,number"), Ok(FailOn(vec![Quote, Number])));
        assert_eq!(parse_fail_on("all").unwrap().0.len(), 9);
        assert_eq!(parse_fail_on("none"), Ok(FailOn(vec![])));
        assert!(parse_fail_on("quotes").unwrap_err().contains("not one of"));
        assert_eq!(parse_fail_on(" quote, ,quote "), Ok(FailOn(vec![Quote])));
        // An empty list (an unset shell variable) never turns the gate off.
        for empty in ["", " ", ",,,"] {
            assert!(parse_fail_on(empty).unwrap_err().contains("no kinds given"), "{empty:?}");
        }
        assert!(parse_count::<i64>("-7").unwrap_err().contains("negative"));
        assert!(parse_count::<u64>("1.5").unwrap_err().contains("not a whole number"));
        // A whole number out of the option's range says so, not "not a whole number".
        assert!(parse_count::<u64>("99999999999999999999999").unwrap_err().contains("too large"));
        assert!(parse_count::<i64>("18446744073709551615").unwrap_err().contains("too large"));
        assert_eq!(parse_count::<usize>("40"), Ok(40));
        let err = Cli::try_parse_from(["claimdiff", "compare", "--threshold", "-0.5", "a", "b"]).unwrap_err();
        assert!(err.to_string().contains("outside [0, 1]"), "{err}");
        // `-inf` is no number to clap's check: still a value, refused as one.
        for opt in ["--threshold", "--claim-floor"] {
            let err = Cli::try_parse_from(["claimdiff", "compare", opt, "-inf", "a", "b"]).unwrap_err();
            assert!(err.to_string().contains("`-inf` is outside [0, 1]"), "{err}");
        }
        let err = Cli::try_parse_from(["claimdiff", "stories", "--story-threshold", "-inf", "a"]).unwrap_err();
        assert!(err.to_string().contains("`-inf` is outside [0, 1]"), "{err}");
        let err = Cli::try_parse_from(["claimdiff", "stories", "--window-days", "-7", "a"]).unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
        assert!(parse_fail_on("all,none").unwrap_err().contains("`all` stands alone"));
        assert!(parse_fail_on("quote,none").unwrap_err().contains("`none` stands alone"));
        assert!(Cli::try_parse_from(["claimdiff", "check", "s.txt"]).is_err(), "--against is required");
        assert!(Cli::try_parse_from(["claimdiff", "compare", "a", "b", "--format", "csv", "--color", "never"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "compare", "a", "b", "--format", "html", "-o", "r.html"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "compare", "a", "b", "--format", "csv", "--csv-safe"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "check", "s", "--against", "r", "--csv-safe"]).is_ok());
        assert!(Cli::try_parse_from(["claimdiff", "quotes", "a", "--csv-safe"]).is_err());
    }
}
