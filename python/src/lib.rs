//! `claimdiff._native`: the Python package's native module. Thin: it loads
//! articles, calls the library and hands back what the library's renderers
//! write (the `--format json` and `--format csv` contracts, as text the
//! Python layer parses) and the findings table's records, built by
//! `records()`. The pure-Python layer (`claimdiff/__init__.py`) decides
//! what is a path and what is a text, and converts to DataFrames.

use claimdiff::article::load::{self, LoadOptions, RawInput};
use claimdiff::article::{clean, Article, Meta, DEFAULT_MAX_SENTENCES};
use claimdiff::config::{MatchConfig, DEFAULT_THRESHOLD};
use claimdiff::findings::{FindingKind, FindingRecord};
use claimdiff::report::{self, CsvConfig, ReportConfig};
use claimdiff::semantic::{self, Encoder};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

/// The repository's bundled model, as seen from this crate when the package
/// is built from the repository (`pip install ./python`).
const BUNDLED_MODEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../models/paraphrase-MiniLM-L3-v2");

/// A library error as a Python exception, with the library's one-line
/// message: a file that cannot be read is an `OSError`
/// (`FileNotFoundError` when missing), any other unusable input a
/// `ValueError`.
fn py_err(err: claimdiff::Error) -> PyErr {
    let msg = claimdiff::error::one_line(&err.to_string()).into_owned();
    match &err {
        claimdiff::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(msg)
        }
        claimdiff::Error::Io { .. } => PyOSError::new_err(msg),
        _ => PyValueError::new_err(msg),
    }
}

fn usage(msg: impl Into<String>) -> PyErr {
    PyValueError::new_err(msg.into())
}

fn io_err(e: std::io::Error) -> PyErr {
    PyOSError::new_err(e.to_string())
}

/// `warnings.warn(msg, UserWarning)`, pointing at the line that called the
/// package's function (the native call has no frame of its own).
fn warn(py: Python<'_>, msg: &str) -> PyResult<()> {
    let category = py.get_type::<PyUserWarning>();
    py.import("warnings")?.call_method1("warn", (format!("claimdiff: {msg}"), category, 2))?;
    Ok(())
}

/// One input as the Python layer classified it: a path (file, folder or
/// JSONL file) or an article given as text with optional metadata (the
/// JSONL record's fields).
#[derive(FromPyObject)]
enum Item {
    #[pyo3(transparent)]
    Path(PathBuf),
    Text {
        #[pyo3(item)]
        text: String,
        #[pyo3(item)]
        outlet: String,
        #[pyo3(item)]
        title: Option<String>,
        #[pyo3(item)]
        date: Option<String>,
        #[pyo3(item)]
        url: Option<String>,
    },
}

/// Loaded articles, and what to warn about: cleaning warnings, and the
/// articles of a folder or JSONL input that were skipped.
struct Loaded {
    articles: Vec<Article>,
    warnings: Vec<String>,
}

/// Loads and cleans every item as the binary does: a file named directly
/// must be usable; an article inside a folder or JSONL file that is not is
/// skipped with a warning, unless `strict`. Every problem is collected
/// before giving up; the first is raised.
fn load_items(items: Vec<Item>, strict: bool) -> Result<Loaded, claimdiff::Error> {
    let mut out = Loaded { articles: Vec::new(), warnings: Vec::new() };
    for item in items {
        match item {
            Item::Path(path) => {
                let batch = load::load_batch(&path, LoadOptions::default())?;
                for raw in batch.items {
                    match raw.and_then(clean::clean).and_then(|a| a.within_sentences(DEFAULT_MAX_SENTENCES)) {
                        Ok(article) => {
                            out.warnings.extend(article.warnings.iter().cloned());
                            out.articles.push(article);
                        }
                        Err(e) if batch.collection && !strict => {
                            let at = e.location().unwrap_or_else(|| path.display().to_string());
                            out.warnings.push(format!("{at}: skipped: {}", e.reason()));
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
            Item::Text { text, outlet, title, date, url } => {
                let article = from_text(text, outlet, title, date, url)?;
                out.warnings.extend(article.warnings.iter().cloned());
                out.articles.push(article);
            }
        }
    }
    Ok(out)
}

/// Cleans an article given as text, as a JSONL record is: NUL characters
/// refused (binary data), front matter read, boilerplate dropped.
fn from_text(
    text: String,
    outlet: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
) -> Result<Article, claimdiff::Error> {
    let path = PathBuf::from(&outlet);
    if text.contains('\0') {
        return Err(claimdiff::Error::Binary { path });
    }
    let meta = Meta { outlet, title, date, url, byline: None, dateline: None, path, take: None };
    clean::clean(RawInput { meta, text, warnings: Vec::new() })?.within_sentences(DEFAULT_MAX_SENTENCES)
}

/// The encoders loaded in this process, by folder: each loaded once and
/// kept (the library takes a `'static` borrow, as the binary's one
/// encoder per process).
fn encoder_at(dir: &Path) -> PyResult<&'static Encoder> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, &'static Encoder>>> = OnceLock::new();
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(enc) = cache.get(&key) {
        return Ok(enc);
    }
    let enc = Encoder::load(dir).map_err(|e| {
        let msg = claimdiff::error::one_line(&e.to_string()).into_owned();
        if e.path.exists() {
            PyValueError::new_err(msg)
        } else {
            PyFileNotFoundError::new_err(msg)
        }
    })?;
    let enc: &'static Encoder = Box::leak(Box::new(enc));
    cache.insert(key, enc);
    Ok(enc)
}

/// The matching options as the binary builds them: `threshold` a hard
/// floor when given; the encoder from `model`, else `CLAIMDIFF_MODEL`
/// (either must load), else the encoder compiled in, else the repository's
/// bundled model folder; without one,
/// lexical, with one warning per process.
fn match_config(
    py: Python<'_>,
    lexical: bool,
    threshold: Option<f32>,
    model: Option<PathBuf>,
) -> PyResult<MatchConfig> {
    let mut cfg = MatchConfig::default();
    if let Some(t) = threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(usage(format!("threshold must be in [0, 1], not {t}")));
        }
        cfg.threshold = t;
        cfg.strict_threshold = t != DEFAULT_THRESHOLD;
    }
    if lexical {
        return Ok(cfg);
    }
    let given = model.or_else(|| std::env::var_os(semantic::MODEL_ENV).map(PathBuf::from));
    let dir = match given {
        Some(dir) => dir,
        // The wheel carries the encoder compiled into the native module.
        None if semantic::EMBEDDED => {
            static EMBEDDED: OnceLock<Option<&'static Encoder>> = OnceLock::new();
            let enc = py.detach(|| *EMBEDDED.get_or_init(|| Encoder::embedded().map(|e| &*Box::leak(Box::new(e)))));
            match enc {
                Some(enc) => {
                    cfg.encoder = Some(enc);
                    return Ok(cfg);
                }
                None => return Err(PyValueError::new_err("the encoder compiled into claimdiff does not load")),
            }
        }
        None if Path::new(BUNDLED_MODEL).join("model.safetensors").is_file() => PathBuf::from(BUNDLED_MODEL),
        None => {
            static WARNED: AtomicBool = AtomicBool::new(false);
            if !WARNED.swap(true, Ordering::Relaxed) {
                warn(
                    py,
                    &format!(
                        "no sentence encoder found (give one with model=DIR or {}); matching on wording only",
                        semantic::MODEL_ENV
                    ),
                )?;
            }
            return Ok(cfg);
        }
    };
    cfg.encoder = Some(py.detach(|| encoder_at(&dir))?);
    Ok(cfg)
}

/// Warns once when an encoder was loaded but the run was over its budget.
fn note_scorer(py: Python<'_>, cfg: &MatchConfig, scorer: &str) -> PyResult<()> {
    if cfg.encoder.is_some() && scorer == "lexical" {
        warn(py, &format!("more than {} sentences; matched on wording only", cfg.semantic_max_sentences))?;
    }
    Ok(())
}

/// `fail_on` as `--fail-on` takes it: kinds out of `allowed`, or `all`, or
/// `none`.
/// `None` is the default, `quote,number,name`.
fn parse_fail_on(kinds: Option<Vec<String>>, allowed: &[FindingKind]) -> PyResult<Vec<FindingKind>> {
    let Some(kinds) = kinds else { return Ok(FindingKind::DEFAULT_FAIL_ON.to_vec()) };
    // An empty Python list is an explicit "nothing" (as it has always
    // been); an empty string, like `--fail-on ''`, is refused.
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    FindingKind::parse_list(kinds.iter().map(String::as_str), allowed).map_err(|e| usage(format!("fail_on: {e}")))
}

/// The findings table as a list of dicts, keys exactly the columns of
/// `--format findings` (`report::findings::HEADER`), `fails` a bool.
fn records_list<'py>(
    py: Python<'py>,
    records: &[FindingRecord],
    fail_on: &[FindingKind],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for r in records {
        let d = PyDict::new(py);
        let h = report::findings::HEADER;
        for (name, cell) in h.iter().zip(r.columns()) {
            d.set_item(name, cell)?;
        }
        d.set_item(h[10], r.fails(fail_on))?;
        list.append(d)?;
    }
    Ok(list)
}

fn utf8(bytes: Vec<u8>) -> PyResult<String> {
    String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A rendered report: `kind` (`pair`, `claims` or `check`), the JSON
/// report, the report's CSV, the findings records, warnings.
type Rendered<'py> = (&'static str, String, String, Bound<'py, PyList>, Vec<String>);

/// Compares the items: two articles pairwise, three or more claim by
/// claim (`claims` forces claims mode for two, as `--format matrix`);
/// `explain` adds each aligned row's `explain` object to a pairwise JSON
/// report, as `--explain`.
#[pyfunction]
#[pyo3(signature = (items, *, lexical=false, threshold=None, model=None, fail_on=None, strict=false, claims=false, explain=false))]
#[allow(clippy::too_many_arguments)]
fn compare<'py>(
    py: Python<'py>,
    items: Vec<Item>,
    lexical: bool,
    threshold: Option<f32>,
    model: Option<PathBuf>,
    fail_on: Option<Vec<String>>,
    strict: bool,
    claims: bool,
    explain: bool,
) -> PyResult<Rendered<'py>> {
    let fail_on = parse_fail_on(fail_on, &FindingKind::COMPARE)?;
    let cfg = match_config(py, lexical, threshold, model)?;
    let loaded = py.detach(|| load_items(items, strict)).map_err(py_err)?;
    let n = loaded.articles.len();
    if n < 2 {
        return Err(usage(format!("compare needs at least two usable articles; the inputs hold {n}")));
    }
    let articles = loaded.articles;
    if n == 2 && !claims {
        let [a, b]: [Article; 2] = articles.try_into().map_err(|_| usage("two articles expected"))?;
        let (report, json, csv) = py.detach(|| -> std::io::Result<_> {
            let report = claimdiff::compare_pair(a, b, &cfg);
            let mut json = Vec::new();
            report::json::write(&report, &ReportConfig { color: false, explain }, &mut json)?;
            let mut csv = Vec::new();
            report::csv::write_with(&report, &CsvConfig::default(), &mut csv)?;
            Ok((report, json, csv))
        })?;
        note_scorer(py, &cfg, &report.scorer)?;
        let records = records_list(py, &report.records(), &fail_on)?;
        return Ok(("pair", utf8(json)?, utf8(csv)?, records, loaded.warnings));
    }
    let (report, json, csv) = py.detach(|| -> std::io::Result<_> {
        let report = claimdiff::compare_many(articles, &cfg, &|_, _| {});
        let mut json = Vec::new();
        report::claims::json::write(&report, &mut json)?;
        let mut csv = Vec::new();
        report::claims::csv::write_with(&report, &CsvConfig::default(), &mut csv)?;
        Ok((report, json, csv))
    })?;
    note_scorer(py, &cfg, &report.scorer)?;
    let records = records_list(py, &report.records(), &fail_on)?;
    Ok(("claims", utf8(json)?, utf8(csv)?, records, loaded.warnings))
}

/// Checks a story against references (`claimdiff check`).
#[pyfunction]
#[pyo3(signature = (story, against, *, lexical=false, threshold=None, model=None, fail_on=None, strict=false))]
#[allow(clippy::too_many_arguments)]
fn check<'py>(
    py: Python<'py>,
    story: Item,
    against: Vec<Item>,
    lexical: bool,
    threshold: Option<f32>,
    model: Option<PathBuf>,
    fail_on: Option<Vec<String>>,
    strict: bool,
) -> PyResult<Rendered<'py>> {
    let fail_on = parse_fail_on(fail_on, &FindingKind::CHECK)?;
    let cfg = match_config(py, lexical, threshold, model)?;
    let story_name = match &story {
        Item::Path(p) => p.display().to_string(),
        Item::Text { outlet, .. } => outlet.clone(),
    };
    let (story, refs) = py.detach(|| (load_items(vec![story], strict), load_items(against, strict)));
    let (mut story, refs) = (story.map_err(py_err)?, refs.map_err(py_err)?);
    if story.articles.len() != 1 {
        return Err(usage(format!("{story_name}: check takes one story, the input holds {}", story.articles.len())));
    }
    if refs.articles.is_empty() {
        return Err(usage("check needs at least one usable reference; the references given hold 0"));
    }
    let mut warnings = story.warnings;
    warnings.extend(refs.warnings);
    let story = story.articles.remove(0);
    let fail = fail_on.clone();
    let (report, json, csv) = py.detach(move || -> std::io::Result<_> {
        let report = claimdiff::check::check(story, refs.articles, &cfg);
        let mut json = Vec::new();
        report::check::write_json(&report, &fail, &mut json)?;
        let mut csv = Vec::new();
        report::check::write_csv_with(&report, &fail, &CsvConfig::default(), &mut csv)?;
        Ok((report, json, csv))
    })?;
    warnings.extend(report.warnings.iter().cloned());
    if report.refs.is_empty() {
        return Err(usage(format!("{story_name}: check needs a reference other than the story itself")));
    }
    note_scorer(py, &cfg, &report.scorer)?;
    let records = records_list(py, &report.records(), &fail_on)?;
    Ok(("check", utf8(json)?, utf8(csv)?, records, warnings))
}

/// Splits one article into sentences (`claimdiff split --format json`):
/// the JSON array of `{index, start, end, text}`, byte offsets into the
/// cleaned text (the raw text with `raw`), and warnings.
#[pyfunction]
#[pyo3(signature = (item, *, raw=false))]
fn split(py: Python<'_>, item: Item, raw: bool) -> PyResult<(String, Vec<String>)> {
    py.detach(|| -> Result<(String, Vec<String>), PyErr> {
        let (name, text, warnings) = match item {
            Item::Path(path) => {
                let mut raws = load::load_path(&path, LoadOptions::default()).map_err(py_err)?;
                if raws.len() != 1 {
                    return Err(usage(format!("{}: split takes one article, found {}", path.display(), raws.len())));
                }
                let input = raws.remove(0);
                if raw {
                    (path, input.text, input.warnings)
                } else {
                    let article = clean::clean(input).map_err(py_err)?;
                    (path, article.text, article.warnings)
                }
            }
            Item::Text { text, outlet, .. } if raw => {
                if text.contains('\0') {
                    return Err(py_err(claimdiff::Error::Binary { path: PathBuf::from(outlet) }));
                }
                (PathBuf::from(outlet), text, Vec::new())
            }
            Item::Text { text, outlet, title, date, url } => {
                let article = from_text(text, outlet, title, date, url).map_err(py_err)?;
                (article.meta.path, article.text, article.warnings)
            }
        };
        let Some(spans) = claimdiff::segment::split_at_most(&text, DEFAULT_MAX_SENTENCES) else {
            return Err(py_err(claimdiff::Error::TooManySentences { path: name, limit: DEFAULT_MAX_SENTENCES }));
        };
        let items: Vec<_> = spans
            .iter()
            .enumerate()
            .map(
                |(i, s)| serde_json::json!({"index": i, "start": s.start, "end": s.end, "text": &text[s.start..s.end]}),
            )
            .collect();
        let json = serde_json::to_string(&items).map_err(|e| io_err(e.into()))?;
        Ok((json, warnings))
    })
}

/// Groups the items into stories (`claimdiff stories --format json`): the
/// JSON grouping, each story's article positions among the loaded
/// articles, and warnings.
#[pyfunction]
#[pyo3(signature = (items, *, threshold=None, window_days=None, strict=false))]
fn stories(
    py: Python<'_>,
    items: Vec<Item>,
    threshold: Option<f32>,
    window_days: Option<i64>,
    strict: bool,
) -> PyResult<(String, Vec<Vec<usize>>, Vec<String>)> {
    let mut cfg = claimdiff::stories::StoryConfig::default();
    if let Some(t) = threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(usage(format!("threshold must be in [0, 1], not {t}")));
        }
        cfg.threshold = t;
    }
    if let Some(d) = window_days {
        if d < 0 {
            return Err(usage(format!("window_days must be 0 or more, not {d}")));
        }
        cfg.window_days = d;
    }
    let loaded = py.detach(|| load_items(items, strict)).map_err(py_err)?;
    let (json, positions) = py.detach(|| -> std::io::Result<_> {
        let grouped = claimdiff::stories::group(&loaded.articles, &cfg);
        let mut json = Vec::new();
        report::stories::write_json(&grouped, &loaded.articles, &mut json)?;
        Ok((json, grouped.into_iter().map(|s| s.articles).collect()))
    })?;
    Ok((utf8(json)?, positions, loaded.warnings))
}

/// Where the bundled model was looked for at build time.
#[pyfunction]
fn bundled_model() -> &'static str {
    BUNDLED_MODEL
}

/// The native module: `claimdiff._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(stories, m)?)?;
    m.add_function(wrap_pyfunction!(bundled_model, m)?)?;
    m.add("FINDINGS_COLUMNS", report::findings::HEADER.to_vec())?;
    m.add("DEFAULT_FAIL_ON", FindingKind::DEFAULT_FAIL_ON.iter().map(|k| k.as_str()).collect::<Vec<_>>())?;
    Ok(())
}
