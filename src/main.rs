//! The `claimdiff` binary: parse arguments, call the library, render, exit.

mod cli;
mod inputs;
mod output;

use anyhow::bail;
use claimdiff::article::load;
use claimdiff::article::{clean, Article};
use claimdiff::config::MatchConfig;
use claimdiff::exit_codes::ExitCode;
use claimdiff::report::{self, CsvConfig, ReportConfig};
use cli::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, CompareArgs, ExtractArgs, Format, QuotesArgs, SplitArgs,
    SplitFormat, StoriesArgs, StoriesFormat,
};
use inputs::{load_articles, load_options, report_cleaning, warn_all, warn_same_outlet};
use output::Output;
use std::io::IsTerminal;
use std::path::PathBuf;

fn main() {
    let code = match run() {
        Ok(code) => code,
        // A closed pipe (`claimdiff ... | head`) is not trouble, and never
        // reaches here: `Output::write` ends the report quietly and the
        // command returns its own status (`check` keeps 1).
        Err(err) => {
            // Problems already reported one line each need no summary line.
            if !err.is::<Reported>() {
                say(chain(&err));
            }
            ExitCode::Trouble
        }
    };
    std::process::exit(code.code());
}

/// An error and its causes on one line, `outer: cause: ...`, each cause
/// left out when the message before it already says it (the library's
/// errors name their I/O cause in their own message: "cannot read: No such
/// file or directory" once, not twice).
fn chain(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// The run failed for reasons already printed on stderr, one line each.
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("inputs could not be used")
    }
}

impl std::error::Error for Reported {}

/// Prints one line on stderr, `claimdiff: ` first; control characters (a
/// newline in a file name) are escaped so the line stays one line.
fn say(msg: impl std::fmt::Display) {
    eprintln!("claimdiff: {}", claimdiff::error::one_line(&msg.to_string()));
}

/// Refuses `-` given more than once among all of a command's inputs: stdin
/// can be read only once, and a second read would find it empty.
fn stdin_once<'a>(inputs: impl IntoIterator<Item = &'a PathBuf>) -> anyhow::Result<()> {
    let inputs: Vec<&PathBuf> = inputs.into_iter().collect();
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("stdin (`-`) is named more than once; it can be read only once");
    }
    // The same stream under two names (`- /dev/stdin`, a FIFO named twice):
    // two readers would share its bytes at random.
    let mut streams: Vec<(u64, u64, &PathBuf)> = Vec::new();
    for p in inputs {
        if let Some(id) = stream_id(p) {
            if let Some((_, _, first)) = streams.iter().find(|s| (s.0, s.1) == id) {
                bail!(
                    "{} and {} are one stream (a pipe or device); it can be read only once",
                    first.display(),
                    p.display()
                );
            }
            streams.push((id.0, id.1, p));
        }
    }
    Ok(())
}

/// The device and inode of an input that is a stream (a pipe, FIFO, socket
/// or character device; `-` is the standard input), which cannot be read
/// twice; `None` for a regular file, a folder, or where it cannot be told.
fn stream_id(path: &std::path::Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let path = if path.as_os_str() == "-" { std::path::Path::new("/dev/stdin") } else { path };
        let meta = std::fs::metadata(path).ok()?;
        let t = meta.file_type();
        (t.is_fifo() || t.is_socket() || t.is_char_device()).then(|| (meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = {
        use clap::{CommandFactory, FromArgMatches};
        let version: &'static str = Box::leak(version().into_boxed_str());
        let parsed =
            Cli::command().version(version).try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches));
        match parsed {
            Ok(cli) => cli,
            Err(e) if cli::prints_help(&e) => e.exit(),
            Err(e) => {
                say(cli::usage_message(&e));
                return Ok(ExitCode::Trouble);
            }
        }
    };
    match cli.command {
        Command::Compare(args) => compare(args),
        Command::Check(args) => check(args),
        Command::Split(args) => split(args),
        Command::Extract(args) => extract(args),
        Command::Quotes(args) => quotes(args),
        Command::Stories(args) => stories(args),
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Generated into memory first: clap_complete panics when its
            // writer fails (a closed pipe), and `Output` handles that.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "claimdiff", &mut script);
            Output::Stdout.write(|w| w.write_all(&script))?;
            Ok(ExitCode::Success)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            Output::Stdout.write(|w| clap_mangen::Man::new(cmd).render(w))?;
            Ok(ExitCode::Success)
        }
    }
}

/// The exit code of a `compare` run: 1 with `--exit-code` when the report
/// differs, else 0.
fn compare_exit(exit_code: bool, differs: bool) -> ExitCode {
    if exit_code && differs {
        ExitCode::Differences
    } else {
        ExitCode::Success
    }
}

fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    stdin_once(&args.inputs)?;
    let articles = load_articles(&args.inputs, &args.input, args.strict, false)?.usable("quotes", 1, "articles")?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let entries = claimdiff::quote::survey_entries(&texts);
    if entries > claimdiff::quote::MAX_SURVEY_ENTRIES {
        bail!(
            "quotes: {} articles would list {entries} quotation entries (each quotation against each other article; \
             the limit is {}): survey fewer articles at once, or one copy of each story",
            articles.len(),
            claimdiff::quote::MAX_SURVEY_ENTRIES
        );
    }
    let cfg = MatchConfig {
        semantic_max_sentences: args.encoder.semantic_max_sentences,
        encoder: load_encoder(&args.encoder)?,
        ..MatchConfig::default()
    };
    let survey = claimdiff::quote_survey_with(articles, &cfg);
    Output::Stdout.write(|w| match args.format {
        SplitFormat::Text => report::quotes::write_text(&survey, w),
        SplitFormat::Json => report::quotes::write_json(&survey, w),
    })?;
    Ok(ExitCode::Success)
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    stdin_once(&args.inputs)?;
    let out = Output::open(args.output.as_deref(), &args.inputs)?;
    let articles = load_articles(&args.inputs, &args.input, args.strict, false)?.usable("extract", 1, "articles")?;
    out.write(|w| match args.format {
        SplitFormat::Text => report::extract::write_text(&articles, w),
        SplitFormat::Json => report::extract::write_json(&articles, w),
    })?;
    Ok(ExitCode::Success)
}

fn stories(args: StoriesArgs) -> anyhow::Result<ExitCode> {
    stdin_once(&args.inputs)?;
    let out = Output::open(args.output.as_deref(), &args.inputs)?;
    let articles = load_articles(&args.inputs, &args.input, args.strict, false)?.usable("stories", 1, "articles")?;
    let grouped = claimdiff::stories::group(&articles, &args.story.config());
    let csv = CsvConfig { safe: args.csv_safe };
    out.write(|w| match args.format {
        StoriesFormat::Text => report::stories::write_text(&grouped, &articles, w),
        StoriesFormat::Csv => report::stories::write_csv(&grouped, &articles, &csv, w),
        StoriesFormat::Json => report::stories::write_json(&grouped, &articles, w),
    })?;
    Ok(ExitCode::Success)
}

/// `compare --by-story`: stories grouped, each compared claim by claim.
fn compare_by_story(args: CompareArgs, articles: Vec<Article>, out: Output) -> anyhow::Result<ExitCode> {
    if !matches!(args.format, Format::Json | Format::Findings | Format::Text) {
        bail!("--by-story writes --format json (JSON Lines), findings or text");
    }
    let cfg = match_config(&args.common)?;
    let rcfg = ReportConfig { color: use_color(args.common.color, args.common.output.is_none()), explain: false };
    let csv = CsvConfig { safe: args.common.csv_safe };
    let bar = progress_bar(args.quiet);
    let results = claimdiff::compare_stories(articles, &args.story.config(), &cfg, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let compared: Vec<(&str, &claimdiff::findings::claims::ClaimsReport)> =
        results.iter().filter_map(|r| r.report.as_ref().map(|rep| (r.story.id.as_str(), rep))).collect();
    if let Some((_, first)) = compared.first() {
        note_scorer(&cfg, &first.scorer);
    }
    let alone = results.len() - compared.len();
    if alone > 0 {
        say(format_args!(
            "{alone} of {} stories have one article: nothing to compare (`claimdiff stories` lists them)",
            results.len()
        ));
    }
    out.write(|w| match args.format {
        Format::Json => compared.iter().try_for_each(|(id, rep)| report::claims::json::write_line(rep, id, &mut *w)),
        Format::Findings => {
            let tables: Vec<(&str, Vec<_>)> = compared.iter().map(|(id, rep)| (*id, rep.records())).collect();
            report::findings::write_csv_by_story(&tables, &args.fail_on.0, &csv, w)
        }
        _ => compared.iter().try_for_each(|(id, rep)| {
            writeln!(w, "== story {id} ==")?;
            report::claims::text::write(rep, &rcfg, &mut *w)?;
            writeln!(w)
        }),
    })?;
    Ok(compare_exit(args.exit_code, compared.iter().any(|(_, rep)| rep.differs())))
}

fn compare(args: CompareArgs) -> anyhow::Result<ExitCode> {
    stdin_once(&args.inputs)?;
    // Opened first: a report that would overwrite an input, or could not be
    // written, stops the run before any work.
    let out = Output::open(args.common.output.as_deref(), &args.inputs)?;
    let articles = load_articles(&args.inputs, &args.input, args.strict, false)?.usable("compare", 2, "articles")?;
    if args.by_story {
        return compare_by_story(args, articles, out);
    }
    let cfg = match_config(&args.common)?;
    let rcfg =
        ReportConfig { color: use_color(args.common.color, args.common.output.is_none()), explain: args.explain };
    let csv = CsvConfig { safe: args.common.csv_safe };
    if articles.len() == 2 && args.format != Format::Matrix {
        let [a, b]: [Article; 2] = articles.try_into().map_err(|_| anyhow::anyhow!("two articles expected"))?;
        let report = claimdiff::compare_pair(a, b, &cfg);
        note_scorer(&cfg, &report.scorer);
        out.write(|w| match args.format {
            Format::Text => report::text::write(&report, &rcfg, w),
            Format::Csv => report::csv::write_with(&report, &csv, w),
            Format::Json | Format::Matrix => report::json::write(&report, &rcfg, w),
            Format::Html => report::html::write(&report, w),
            Format::Findings => report::findings::write_csv(&report.records(), &args.fail_on.0, &csv, w),
        })?;
        return Ok(compare_exit(args.exit_code, report.differs()));
    }
    if args.explain {
        say("--explain shows score components for two articles; a claims report has none to show, so it is ignored");
    }
    warn_same_outlet(&articles);
    let bar = progress_bar(args.quiet);
    let report = claimdiff::compare_many(articles, &cfg, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    note_scorer(&cfg, &report.scorer);
    out.write(|w| match args.format {
        Format::Text => report::claims::text::write(&report, &rcfg, w),
        Format::Csv => report::claims::csv::write_with(&report, &csv, w),
        Format::Json => report::claims::json::write(&report, w),
        Format::Html => report::claims::html::write(&report, w),
        Format::Matrix => report::claims::csv::write_matrix_with(&report, &csv, w),
        Format::Findings => report::findings::write_csv(&report.records(), &args.fail_on.0, &csv, w),
    })?;
    Ok(compare_exit(args.exit_code, report.differs()))
}

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut inputs = vec![args.story.clone()];
    inputs.extend(args.against.iter().cloned());
    stdin_once(&inputs)?;
    let out = Output::open(args.common.output.as_deref(), &inputs)?;
    // Both loaded before giving up, so one run shows every bad file.
    let story = load_articles(std::slice::from_ref(&args.story), &args.input, args.strict, false);
    // A reference that is only furniture (an empty closing take) is
    // skipped: the other references still check the story.
    let refs = load_articles(&args.against, &args.input, args.strict, true);
    let (mut story, refs) = match (story, refs) {
        (Ok(story), Ok(refs)) => (story, refs.usable("check", 1, "references")?),
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    if story.articles.len() != 1 {
        bail!("{}: check takes one story, the input holds {}", args.story.display(), story.count());
    }
    let cfg = match_config(&args.common)?;
    let report = claimdiff::check::check(story.articles.remove(0), refs, &cfg);
    for w in &report.warnings {
        eprintln!("claimdiff: {w}");
    }
    if args.input.verbose {
        for n in &report.notes {
            eprintln!("claimdiff: {n}");
        }
    }
    if report.refs.is_empty() {
        bail!("{}: check needs a reference other than the story itself", args.story.display());
    }
    note_scorer(&cfg, &report.scorer);
    let fail_on = &args.fail_on.0;
    let rcfg = ReportConfig { color: use_color(args.common.color, args.common.output.is_none()), explain: false };
    out.write(|w| match args.format {
        CheckFormat::Text => report::check::write_text(&report, fail_on, &rcfg, w),
        CheckFormat::Csv => {
            report::check::write_csv_with(&report, fail_on, &CsvConfig { safe: args.common.csv_safe }, w)
        }
        CheckFormat::Json => report::check::write_json(&report, fail_on, w),
        CheckFormat::Findings => {
            report::findings::write_csv(&report.records(), fail_on, &CsvConfig { safe: args.common.csv_safe }, w)
        }
    })?;
    Ok(if report.fails(fail_on) { ExitCode::Differences } else { ExitCode::Success })
}

/// `--version`: the version and the encoder a run will use (the folder
/// `CLAIMDIFF_MODEL` names, else the one compiled in, else the folder found
/// beside the executable, else none: wording only).
fn version() -> String {
    use claimdiff::semantic;
    let encoder = match model_env() {
        Some(dir) => format!("{} (from {})", PathBuf::from(&dir).display(), semantic::MODEL_ENV),
        None if semantic::EMBEDDED => format!("{} (compiled in)", semantic::MODEL_NAME),
        None => match model_dir_found() {
            Some(dir) => dir.display().to_string(),
            None => "none found (wording only; give one with --model or CLAIMDIFF_MODEL)".to_owned(),
        },
    };
    format!("{}\nencoder: {encoder}", env!("CARGO_PKG_VERSION"))
}

/// `CLAIMDIFF_MODEL`, unless unset or empty (`CLAIMDIFF_MODEL=` unsets it,
/// as a shell user expects).
fn model_env() -> Option<std::ffi::OsString> {
    std::env::var_os(claimdiff::semantic::MODEL_ENV).filter(|v| !v.is_empty())
}

/// The model folder beside the executable or above it
/// ([`claimdiff::semantic::default_model_dirs`]), if there is one: where a
/// slim build (`--no-default-features`) finds its encoder.
fn model_dir_found() -> Option<PathBuf> {
    let exe = std::env::current_exe().and_then(|p| p.canonicalize()).unwrap_or_default();
    claimdiff::semantic::default_model_dirs(&exe).into_iter().find(|d| d.join("model.safetensors").is_file())
}

/// The matching options, with the sentence encoder loaded: from `--model`,
/// else `CLAIMDIFF_MODEL` (either must load, or the run stops with exit 2),
/// else the bundled model if it can be found; without one, matching is
/// lexical and stderr says so once.
fn match_config(common: &cli::CommonArgs) -> anyhow::Result<MatchConfig> {
    Ok(MatchConfig {
        threshold: common.threshold,
        // A threshold the user set is a hard floor for every aligned row.
        strict_threshold: common.threshold != claimdiff::config::DEFAULT_THRESHOLD,
        semantic_max_sentences: common.encoder.semantic_max_sentences,
        claim_floor: common.claim_floor,
        encoder: load_encoder(&common.encoder)?,
        ..MatchConfig::default()
    })
}

/// The sentence encoder: `--model`, else `CLAIMDIFF_MODEL` (either must
/// load, or the run stops with exit 2), else the bundled model if it can be
/// found; none with `--lexical`, or (said once on stderr) when none is found.
fn load_encoder(args: &cli::EncoderArgs) -> anyhow::Result<Option<&'static claimdiff::semantic::Encoder>> {
    use claimdiff::semantic::{self, Encoder};
    if args.lexical {
        return Ok(None);
    }
    let given = args.model.clone().or_else(|| model_env().map(PathBuf::from));
    let encoder = match given {
        Some(dir) => Encoder::load(&dir)?,
        None if semantic::EMBEDDED => match Encoder::embedded() {
            Some(e) => e,
            None => bail!("the encoder compiled into this build does not load; give one with --model DIR"),
        },
        None => match model_dir_found() {
            Some(dir) => Encoder::load(&dir)?,
            None => {
                eprintln!(
                    "claimdiff: no sentence encoder found (give one with --model DIR or {}); matching on wording only",
                    semantic::MODEL_ENV
                );
                return Ok(None);
            }
        },
    };
    // One encoder per process, shared by every stage for the whole run.
    Ok(Some(Box::leak(Box::new(encoder))))
}

/// Says once on stderr when an encoder was loaded but the run was too large
/// for it.
fn note_scorer(cfg: &MatchConfig, scorer: &str) {
    if cfg.encoder.is_some() && scorer == "lexical" {
        eprintln!(
            "claimdiff: more than {} sentences; matching on wording only (raise --semantic-max-sentences to use the encoder)",
            cfg.semantic_max_sentences
        );
    }
}

/// Whether to colour: `auto` decides for stdout by the conventions of
/// ripgrep and friends, as anstream does (NO_COLOR turns colour off,
/// `CLICOLOR_FORCE` turns it on even into a pipe, `CLICOLOR=0` off, and a
/// terminal is coloured when TERM supports it, `CLICOLOR=1` or CI says
/// so); a report written to a file (`-o`) is plain.
fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_stdout && auto_color(),
    }
}

/// anstream's automatic choice, made from the same queries but for one
/// point: `CLICOLOR_FORCE=0` forces nothing (the convention: "!= 0"
/// forces), where anstream forces colour for any value set.
fn auto_color() -> bool {
    use anstyle_query as q;
    let clicolor = q::clicolor();
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    if q::no_color() {
        return false;
    }
    if forced {
        return true;
    }
    clicolor != Some(false)
        && std::io::stdout().is_terminal()
        && (q::term_supports_color() || clicolor == Some(true) || q::is_ci())
}

/// A progress bar on stderr, hidden when stderr is not a terminal or with
/// `--quiet`.
fn progress_bar(quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "claimdiff: {spinner} aligning {bar:30} {pos}/{len} article pairs, {elapsed}",
    ) {
        bar.set_style(style);
    }
    // The candidate search before the first article pair can take a while on
    // big inputs: a ticking spinner shows the run is alive.
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

fn split(args: SplitArgs) -> anyhow::Result<ExitCode> {
    let opts = load_options(&args.input_opts);
    let mut raws = load::load_path(&args.input, opts)?;
    if raws.len() != 1 {
        bail!("{}: split takes one article, found {}", args.input.display(), raws.len());
    }
    let raw = raws.remove(0);
    let text = if args.raw {
        warn_all(&raw.warnings);
        raw.text
    } else {
        let article = clean::clean(raw)?;
        report_cleaning(&article, &args.input_opts);
        article.text
    };
    let Some(split) = claimdiff::segment::split_within(&text, args.input_opts.max_sentences) else {
        let limit = args.input_opts.max_sentences;
        return Err(claimdiff::Error::TooManySentences { path: args.input.clone(), limit }.into());
    };
    warn_all(claimdiff::segment::cut_long_warning(&args.input.display().to_string(), split.cut_long).as_slice());
    let spans = split.spans;
    Output::Stdout.write(|out| {
        match args.format {
            SplitFormat::Text => report::write_sentence_lines(out, &text, &spans)?,
            SplitFormat::Json => {
                let items: Vec<_> = spans
                    .iter()
                    .enumerate()
                    .map(|(i, s)| serde_json::json!({"index": i, "start": s.start, "end": s.end, "text": &text[s.start..s.end]}))
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::Success)
}
