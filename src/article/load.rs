//! Input I/O: the only place that reads articles from disk or stdin.
//!
//! A path may be a text file, `-` for stdin, a folder (its `.txt`, `.md`,
//! `.html`, `.htm` and `.warc` files, the last three also gzipped, sorted by
//! name), a `.jsonl` file with one article per line
//! (`{"outlet","title","date","url","text"}`), or a web page or web archive
//! (read by content, see [`super::web`]). Bytes are checked here (empty,
//! binary, too large) and decoded (lossily, with a warning, when they are not
//! UTF-8); everything after this stage works on `&str`.

use super::{web, Meta};
use crate::error::{shown, Error, Result};
use rayon::prelude::*;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The default size limit for one input file: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One article's raw text, before cleaning.
#[derive(Debug, Clone)]
pub struct RawInput {
    /// Metadata known before cleaning: the path, the file stem as outlet, and
    /// for JSONL records the record's own fields.
    pub meta: Meta,
    /// The decoded text.
    pub text: String,
    /// Non-fatal problems found while reading.
    pub warnings: Vec<String>,
}

/// Options for reading inputs.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Inputs larger than this are refused. The limit holds while reading:
    /// at most one byte more than this is read from any input, so a device
    /// or a pipe that never ends (`/dev/zero`, `yes |`) is refused too.
    pub max_bytes: u64,
    /// Called (on another thread) with the FIFO's path when opening a named
    /// pipe has waited [`FIFO_NOTE_AFTER`] for a writer; opening goes on
    /// waiting, as cat(1) does. The binary says so on stderr.
    pub waiting_for_writer: Option<fn(&Path)>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: DEFAULT_MAX_BYTES, waiting_for_writer: None }
    }
}

/// How long opening a FIFO waits for a writer before
/// [`LoadOptions::waiting_for_writer`] is called.
pub const FIFO_NOTE_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// What one input path holds: its articles, each read (or refused) on its
/// own.
#[derive(Debug)]
pub struct Batch {
    /// The path is a folder or a JSONL file, a collection of articles, where
    /// the binary skips an unusable article (with a warning) rather than
    /// stop the run.
    pub collection: bool,
    /// One entry per article, in order: its raw text, or why it cannot be
    /// used (binary, too large, empty, a bad JSONL line). Never empty.
    pub items: Vec<Result<RawInput>>,
}

/// Reads every article named by `path`, failing on the first that cannot be
/// used. A folder or JSONL file yields several articles; anything else
/// yields one.
pub fn load_path(path: &Path, opts: LoadOptions) -> Result<Vec<RawInput>> {
    load_batch(path, opts)?.items.into_iter().collect()
}

/// Reads every article named by `path`, each on its own: the outer error is
/// for a path that cannot be used at all (missing, a folder with no
/// articles, a JSONL file that is binary or holds no lines, a single file
/// with any problem), an inner one for one article of a folder or JSONL
/// file.
pub fn load_batch(path: &Path, opts: LoadOptions) -> Result<Batch> {
    if path == Path::new("-") {
        let bytes = read_bounded(path, std::io::stdin().lock(), 0, opts)?;
        let kind = first_line_kind(&bytes);
        if kind == FirstLine::Record {
            return Ok(Batch { collection: true, items: parse_jsonl(path, bytes, opts)? });
        }
        let mut batch = one_input(path, bytes, opts)?;
        // JSON lines with no string `text` are read as prose: say so, as a
        // named `.jsonl` file refuses them.
        if kind == FirstLine::Object {
            if let Some(Ok(first)) = batch.items.first_mut() {
                first.warnings.push(
                    "stdin: its first line is a JSON object with no string `text`, so it is read as plain text, not as JSONL articles".to_owned(),
                );
            }
        }
        return Ok(batch);
    }
    let md = std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if md.is_dir() {
        return Ok(Batch { collection: true, items: load_dir(path, opts)? });
    }
    let bytes = read_file(path, &md, opts)?;
    if path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson") || looks_like_jsonl(&bytes) {
        return Ok(Batch { collection: true, items: parse_jsonl(path, bytes, opts)? });
    }
    one_input(path, bytes, opts)
}

/// The article (or, for a web archive, the articles) of one file's bytes.
fn one_input(path: &Path, bytes: Vec<u8>, opts: LoadOptions) -> Result<Batch> {
    let items = read_input(path, bytes, opts)?;
    Ok(Batch { collection: items.len() > 1, items })
}

/// One input's bytes read by what they are: a web archive yields one entry
/// per HTML response, anything else one article.
fn read_input(path: &Path, bytes: Vec<u8>, opts: LoadOptions) -> Result<Vec<Result<RawInput>>> {
    let bytes = match web::sniff(path, &bytes) {
        web::Kind::Gzip => web::gunzip(path, &bytes, opts.max_bytes)?,
        _ => bytes,
    };
    match web::sniff(path, &bytes) {
        web::Kind::Warc => web::warc(path, &bytes, opts.max_bytes),
        web::Kind::Html => {
            // UTF-16 without a byte-order mark is refused as the text path
            // refuses it, not as a truncated page.
            let bare_utf16 = utf16_bom(&bytes).is_none() && bytes.contains(&0);
            if let Some(encoding) = bare_utf16.then(|| utf16_without_bom(&bytes)).flatten() {
                return Err(Error::Utf16 { path: path.to_path_buf(), encoding });
            }
            Ok(vec![Ok(web::page(path, &bytes, None)?)])
        }
        // Gzip inside gzip is no article.
        web::Kind::Gzip => Err(Error::Binary { path: path.to_path_buf() }),
        web::Kind::Text => Ok(vec![Ok(decode(path, bytes, opts)?)]),
    }
}

/// Reads a file, a device or a FIFO, never more than the limit allows. A
/// regular file's size is checked first, so an oversized file is refused
/// without reading it.
fn read_file(path: &Path, md: &std::fs::Metadata, opts: LoadOptions) -> Result<Vec<u8>> {
    if md.is_file() && md.len() > opts.max_bytes {
        return Err(Error::TooLarge { path: path.to_path_buf(), size: Some(md.len()), limit: opts.max_bytes });
    }
    let file = open(path, md, opts).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let hint = if md.is_file() { md.len() } else { 0 };
    read_bounded(path, file, hint, opts)
}

/// Opens `path` for reading. Opening a FIFO blocks until a writer opens it;
/// after [`FIFO_NOTE_AFTER`] the caller is told (once) that it is waiting.
fn open(path: &Path, md: &std::fs::Metadata, opts: LoadOptions) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let (true, Some(note)) = (md.file_type().is_fifo(), opts.waiting_for_writer) {
            let (opened, wait) = std::sync::mpsc::channel::<()>();
            let shown = path.to_path_buf();
            let watcher = std::thread::spawn(move || {
                if wait.recv_timeout(FIFO_NOTE_AFTER) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                    note(&shown);
                }
            });
            let file = std::fs::File::open(path);
            drop(opened);
            let _ = watcher.join();
            return file;
        }
    }
    let _ = (md, opts);
    std::fs::File::open(path)
}

/// Reads `reader` to its end or to one byte past the limit, whichever comes
/// first; past the limit, the input is refused. `hint` is the expected size
/// (0 when unknown).
fn read_bounded(path: &Path, reader: impl Read, hint: u64, opts: LoadOptions) -> Result<Vec<u8>> {
    // `max + 1` would wrap to 0 for `--max-bytes 18446744073709551615`.
    let cap = opts.max_bytes.saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(hint.saturating_add(1).min(cap)).unwrap_or(0));
    reader.take(cap).read_to_end(&mut bytes).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(Error::TooLarge { path: path.to_path_buf(), size: None, limit: opts.max_bytes });
    }
    Ok(bytes)
}

/// The files that reading `path` opens, without reading them: the path
/// itself for a file (JSONL included), a folder's articles (see
/// [`load_path`]), nothing for `-`. The binary uses it to refuse writing a
/// report over an input before anything is read or written.
pub fn files_read(path: &Path) -> Result<Vec<PathBuf>> {
    if path == Path::new("-") {
        return Ok(Vec::new());
    }
    let md = std::fs::metadata(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    if md.is_dir() {
        return dir_articles(path);
    }
    Ok(vec![path.to_path_buf()])
}

/// Whether a folder's entry named `path` is read as an article: `.txt`,
/// `.md` (not `README.md`), and web pages and archives.
pub fn is_article_name(path: &Path) -> bool {
    (path.extension().is_some_and(|e| e == "txt" || e == "md") || web::is_web_name(path))
        && !path.file_name().is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
}

/// A folder's articles: its `.txt` and `.md` files but `README.md`, sorted by
/// name. Other files (the `.tmp*` files of an atomic write among them) are
/// not articles.
fn dir_articles(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        // Anything but a folder: a broken link, a FIFO or a device named
        // like an article is reported (and skipped), never silently left out.
        .filter(|p| !p.is_dir() && is_article_name(p))
        .collect();
    paths.sort();
    Ok(paths)
}

fn load_dir(dir: &Path, opts: LoadOptions) -> Result<Vec<Result<RawInput>>> {
    let paths = dir_articles(dir)?;
    if paths.is_empty() {
        // Subfolders are not read: a folder of story folders says so.
        let nested = std::fs::read_dir(dir).is_ok_and(|mut es| es.any(|e| e.is_ok_and(|e| e.path().is_dir())));
        let what = match nested {
            true => "folder holds no .txt, .md, .html or .warc articles (subfolders are not read: name each one)",
            false => "folder holds no .txt, .md, .html or .warc articles",
        };
        return Err(Error::Empty { path: dir.to_path_buf(), what });
    }
    let articles = |p: &Path| -> Result<Vec<Result<RawInput>>> {
        let io = |msg: String| Error::Io { path: p.to_path_buf(), source: std::io::Error::other(msg) };
        let md = match std::fs::metadata(p) {
            Ok(md) => md,
            Err(e) if std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) => {
                return Err(io(format!("broken symbolic link ({e})")));
            }
            Err(source) => return Err(Error::Io { path: p.to_path_buf(), source }),
        };
        if !md.is_file() {
            // Never opened: a FIFO would wait for a writer, a device never end.
            return Err(io("not a regular file (a FIFO, socket or device)".to_owned()));
        }
        read_input(p, read_file(p, &md, opts)?, opts)
    };
    // Pages are read in parallel: extracting a page's body costs far more
    // than reading a text file.
    let each: Vec<Result<Vec<Result<RawInput>>>> = paths.par_iter().map(|p| articles(p)).collect();
    Ok(each.into_iter().flat_map(|r| r.unwrap_or_else(|e| vec![Err(e)])).collect())
}

/// Checks and decodes the bytes of one article.
pub fn decode(path: &Path, bytes: Vec<u8>, opts: LoadOptions) -> Result<RawInput> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: Some(bytes.len() as u64),
            limit: opts.max_bytes,
        });
    }
    let mut warnings = Vec::new();
    let text = if let Some((name, big_endian)) = utf16_bom(&bytes) {
        let (text, replaced) = decode_utf16(&bytes[2..], big_endian);
        let how = match replaced {
            0 => String::new(),
            n => format!(", {n} invalid code units replaced with U+FFFD"),
        };
        warnings.push(format!("{}: {name} text (byte-order mark); decoded to UTF-8{how}", shown(path)));
        // A NUL in decoded UTF-16 is as much binary as a NUL byte in UTF-8
        // (and UTF-32, whose byte-order mark starts like UTF-16LE's, lands
        // here).
        if text.chars().all(char::is_whitespace) {
            return Err(Error::Empty { path: path.to_path_buf(), what: "file is empty" });
        }
        if text.contains('\0') {
            return Err(Error::Binary { path: path.to_path_buf() });
        }
        text
    } else {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::Empty { path: path.to_path_buf(), what: "file is empty" });
        }
        // Text never holds NUL; binary formats (images, PDFs, archives) do.
        // The whole file is checked, so a NUL anywhere refuses it rather
        // than reaching the text and the reports.
        if bytes.contains(&0) {
            return Err(match utf16_without_bom(&bytes) {
                Some(encoding) => Error::Utf16 { path: path.to_path_buf(), encoding },
                None => Error::Binary { path: path.to_path_buf() },
            });
        }
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let bad = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                if let Some(percent) = mostly_not_text(&text) {
                    return Err(Error::NotText { path: path.to_path_buf(), percent });
                }
                warnings.push(format!(
                    "{}: not valid UTF-8 (first bad byte at offset {bad}); decoded lossily",
                    shown(path)
                ));
                text
            }
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    Ok(RawInput { meta: meta_from_path(path), text, warnings })
}

/// Text in another encoding (Latin-1, Windows-1252) decoded lossily has a
/// replacement character here and there; binary data without a NUL has
/// them, and control characters, everywhere. The share of such characters,
/// in percent, when it is at least [`NOT_TEXT_SHARE`] of the text and at
/// least [`NOT_TEXT_MIN`] of them (a short Latin-1 title stays text).
fn mostly_not_text(text: &str) -> Option<u8> {
    let (mut all, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        bad += usize::from(c == char::REPLACEMENT_CHARACTER || (c.is_control() && !c.is_whitespace()));
    }
    (bad >= NOT_TEXT_MIN && bad as f64 >= NOT_TEXT_SHARE * all as f64).then(|| (100 * bad / all.max(1)) as u8)
}

/// The share of characters that are not text above which a file without a
/// NUL is binary (random bytes: about 60%; Latin-1 prose: under 5%).
const NOT_TEXT_SHARE: f64 = 0.3;

/// The fewest such characters that make a file binary.
const NOT_TEXT_MIN: usize = 16;

/// The UTF-16 byte-order mark `bytes` start with, if any: its name and
/// whether it is big-endian.
pub(super) fn utf16_bom(bytes: &[u8]) -> Option<(&'static str, bool)> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(("UTF-16LE", false)),
        [0xFE, 0xFF, ..] => Some(("UTF-16BE", true)),
        _ => None,
    }
}

/// Decodes UTF-16 (after its byte-order mark) with the standard library's
/// decoder; unpaired surrogates and an odd last byte become U+FFFD. Returns
/// the text and how many code units were replaced.
pub(super) fn decode_utf16(bytes: &[u8], big_endian: bool) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            replaced += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        replaced += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, replaced)
}

/// Whether bytes with NULs look like UTF-16 text without a byte-order mark:
/// in the first 4 KiB, nine pairs in ten are an ASCII character and a zero
/// byte, always on the same side. Such a file is named as UTF-16 (to
/// convert) rather than decoded: without the mark, the guess could be wrong.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let ascii = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    let le = head.chunks_exact(2).filter(|p| ascii(p[0]) && p[1] == 0).count();
    let be = head.chunks_exact(2).filter(|p| p[0] == 0 && ascii(p[1])).count();
    if le * 10 >= pairs * 9 {
        Some("UTF-16LE")
    } else if be * 10 >= pairs * 9 {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// What a file's name says: the outlet is its stem, unless the stem starts
/// with an ISO date (`2025-03-14_bbc.txt`, `2025-03-14-bbc.txt`), which then
/// becomes the date and the rest the outlet. Front matter overrides both.
pub fn meta_from_path(path: &Path) -> Meta {
    let stem = outlet_from_path(path);
    let b = stem.as_bytes();
    let dated =
        b.len() > 11 && matches!(b[10], b'_' | b'-' | b' ' | b'.') && super::dates::real_iso_day(&stem).is_some();
    let (outlet, date) = if dated { (stem[11..].to_owned(), Some(stem[..10].to_owned())) } else { (stem, None) };
    Meta { outlet, date, path: path.to_path_buf(), ..Meta::default() }
}

/// The outlet name a file implies: its stem (`data/story/bbc.txt` -> `bbc`).
pub fn outlet_from_path(path: &Path) -> String {
    if path == Path::new("-") {
        return "stdin".to_owned();
    }
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

#[derive(Deserialize)]
struct JsonlRecord {
    #[serde(default, deserialize_with = "string_or_number")]
    outlet: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    title: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    date: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    url: Option<String>,
    text: String,
}

/// A metadata field written as a string, or as a number an exporter left
/// unquoted (`"date": 20250313`, `"outlet": 123`), read as its digits; null
/// is no value. Anything else (an array, an object) is an error.
fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    use serde::de::Error as _;
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(D::Error::custom(format!("expected a string, found {other}"))),
    }
}

/// Whether `bytes` read as JSONL whatever the name (stdin, a `.txt` or
/// `.json` export): the first non-blank line is a JSON object with a string
/// `text`, which no article's prose opens with.
fn looks_like_jsonl(bytes: &[u8]) -> bool {
    first_line_kind(bytes) == FirstLine::Record
}

/// What the first non-blank line of an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FirstLine {
    /// A JSONL article record (a JSON object with a string `text`).
    Record,
    /// Another JSON object.
    Object,
    /// Anything else.
    Other,
}

/// Reads the first non-blank line of `bytes` as JSON once (lone surrogate
/// escapes replaced if that is what stops it) and says what it is.
fn first_line_kind(bytes: &[u8]) -> FirstLine {
    type Object = serde_json::Map<String, serde_json::Value>;
    let Some(first) = first_line(bytes) else { return FirstLine::Other };
    let first = String::from_utf8_lossy(first);
    let object = serde_json::from_str::<Object>(&first)
        .ok()
        .or_else(|| lone_surrogates_replaced(&first).and_then(|l| serde_json::from_str::<Object>(&l).ok()));
    match object.map(|o| serde_json::from_value::<JsonlRecord>(serde_json::Value::Object(o))) {
        None => FirstLine::Other,
        Some(Ok(_)) => FirstLine::Record,
        Some(Err(_)) => FirstLine::Object,
    }
}

/// The first non-blank line of `bytes` (a byte-order mark and the spaces
/// around it skipped) when it opens and closes with braces.
fn first_line(bytes: &[u8]) -> Option<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(bytes);
    let first = bytes.split(|&b| b == b'\n').find(|l| !l.trim_ascii().is_empty())?.trim_ascii();
    (first.starts_with(b"{") && first.ends_with(b"}")).then_some(first)
}

/// A JSON line with each unpaired UTF-16 surrogate escape (`\ud800` not
/// followed by a low one, or a low one alone) written as `\ufffd`; `None`
/// when it has none.
fn lone_surrogates_replaced(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at..at + 6)?.strip_prefix(b"\\u")?;
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let mut out = String::with_capacity(line.len());
    let (mut i, mut copied, mut changed) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xd800..=0xdbff) if unit(i + 6).is_some_and(|low| (0xdc00..=0xdfff).contains(&low)) => i += 12,
            Some(0xd800..=0xdfff) => {
                out.push_str(&line[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
                changed = true;
            }
            // Any other escape: its two characters (`\\`, `\"`, ...).
            _ => i += 2,
        }
    }
    out.push_str(&line[copied..]);
    changed.then_some(out)
}

/// The articles of a JSONL file, one per non-blank line; a line that is
/// not an article is an error of its own.
fn parse_jsonl(path: &Path, bytes: Vec<u8>, opts: LoadOptions) -> Result<Vec<Result<RawInput>>> {
    let mut file = decode(path, bytes, opts)?;
    // Records read from stdin are named `stdin:N`, not `-:N`.
    let path = if path == Path::new("-") { Path::new("stdin") } else { path };
    let record = |i: usize, line: &str| -> Result<RawInput> {
        let msg = |msg: String| Error::Jsonl { path: path.to_path_buf(), line: i + 1, msg };
        // A byte-order mark at a line's start (files concatenated with
        // `cat`, each with its own) is no part of the record.
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if !line.trim_start().starts_with('{') {
            return Err(msg("not a JSON object: each line is one article, such as {\"text\": \"...\"}".to_owned()));
        }
        let mut warnings = Vec::new();
        let rec: JsonlRecord = match serde_json::from_str(line) {
            Ok(rec) => rec,
            // An unpaired UTF-16 surrogate escape (`\ud800` alone: what a
            // truncating exporter leaves) is decoded lossily, as invalid
            // UTF-8 in a file is, with a warning.
            Err(e) => match lone_surrogates_replaced(line).and_then(|l| serde_json::from_str(&l).ok()) {
                Some(rec) => {
                    warnings.push(format!(
                        "{}:{}: unpaired UTF-16 surrogate escape in the JSON; replaced with U+FFFD",
                        path.display(),
                        i + 1
                    ));
                    rec
                }
                None => return Err(msg(e.to_string())),
            },
        };
        // `\u0000` in the JSON: refused as a NUL byte in a file is.
        if rec.text.contains('\0') {
            return Err(Error::Jsonl {
                path: path.to_path_buf(),
                line: i + 1,
                msg: "`text` holds NUL characters (\\u0000): binary data, not text".to_owned(),
            });
        }
        let outlet = rec
            .outlet
            .filter(|o| !o.trim().is_empty())
            .unwrap_or_else(|| format!("{}#{}", outlet_from_path(path), i + 1));
        let at = format!("{}:{}", path.display(), i + 1);
        let date = rec.date.filter(|d| !d.trim().is_empty()).and_then(|d| {
            let date = super::dates::normalize(&d);
            if date.is_none() {
                warnings.push(super::dates::not_a_date(&at, &d));
            }
            date
        });
        Ok(RawInput {
            meta: Meta {
                outlet,
                title: rec.title,
                date,
                url: rec.url,
                byline: None,
                dateline: None,
                path: PathBuf::from(at),
                take: None,
            },
            text: rec.text,
            warnings,
        })
    };
    let mut res: Vec<_> =
        file.text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()).map(|(i, l)| record(i, l)).collect();
    // The file's warnings (lossy decoding) are said once, with its first
    // article, not once per line.
    if let Some(first) = res.iter_mut().find_map(|r| r.as_mut().ok()) {
        first.warnings.splice(0..0, std::mem::take(&mut file.warnings));
    }
    if res.is_empty() {
        return Err(Error::Empty { path: path.to_path_buf(), what: "JSONL file holds no articles" });
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<RawInput> {
        decode(Path::new("x.txt"), bytes.to_vec(), LoadOptions::default())
    }

    #[test]
    fn rejects_empty_binary_and_huge() {
        assert!(matches!(dec(b""), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"  \n\t\n"), Err(Error::Empty { .. })));
        assert!(matches!(dec(b"GIF89a\0\0\x01"), Err(Error::Binary { .. })));
        let small = LoadOptions { max_bytes: 4, ..LoadOptions::default() };
        let err = decode(Path::new("x.txt"), b"hello".to_vec(), small).unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn reads_stop_one_byte_past_the_limit() {
        let opts = |max_bytes| LoadOptions { max_bytes, ..LoadOptions::default() };
        let endless = std::io::repeat(b'y');
        let err = read_bounded(Path::new("-"), endless, 0, opts(1000)).unwrap_err();
        assert_eq!(err.to_string(), "-: too large (more than the limit of 1000 bytes)");
        assert_eq!(read_bounded(Path::new("-"), &b"12345"[..], 5, opts(5)).unwrap(), b"12345");
        // The largest limit must not wrap around to "read nothing".
        assert_eq!(read_bounded(Path::new("-"), &b"text"[..], 0, opts(u64::MAX)).unwrap(), b"text");
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in text.encode_utf16() {
            out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn decodes_utf16_with_a_byte_order_mark_and_a_warning() {
        for (big, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let raw = dec(&utf16("Caf\u{e9} \u{201c}quoted\u{201d} \u{1F600}.\r\n", big)).unwrap();
            assert_eq!(raw.text, "Caf\u{e9} \u{201c}quoted\u{201d} \u{1F600}.\r\n");
            assert_eq!(raw.warnings, vec![format!("x.txt: {name} text (byte-order mark); decoded to UTF-8")]);
        }
        let mut odd = utf16("Hi.", false);
        odd.push(b'x');
        let raw = dec(&odd).unwrap();
        assert_eq!(raw.text, "Hi.\u{fffd}");
        assert!(raw.warnings[0].ends_with("1 invalid code units replaced with U+FFFD"), "{:?}", raw.warnings);
        assert!(matches!(dec(&utf16("  \n", false)), Err(Error::Empty { .. })));
        assert!(matches!(dec(&utf16("a\0b", true)), Err(Error::Binary { .. })));
    }

    #[test]
    fn bytes_that_are_mostly_not_text_are_binary_even_without_a_nul() {
        // Bytes of a compressed or encrypted file, no NUL among them.
        let mut x: u32 = 7;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) as u8).max(1)
            })
            .collect();
        let err = dec(&noise).unwrap_err();
        assert!(matches!(err, Error::NotText { .. }), "{err}");
        assert!(err.to_string().contains("neither UTF-8 nor printable"), "{err}");
        // Latin-1 prose, even a short line of it, is text decoded lossily.
        let latin1 = b"Le caf\xe9 a \xe9t\xe9 ferm\xe9 lundi. Le maire a d\xe9clar\xe9 que la d\xe9cision \xe9tait d\xe9finitive.";
        let raw = dec(latin1).unwrap();
        assert!(raw.warnings[0].contains("decoded lossily"), "{:?}", raw.warnings);
        assert!(dec(b"Caf\xe9 M\xfcller opened on Monday.").is_ok());
    }

    #[test]
    fn a_nul_anywhere_is_binary_and_bomless_utf16_is_named() {
        let mut late = "Plain text. ".repeat(2000).into_bytes();
        late.extend(b"\0tail.");
        assert!(matches!(dec(&late), Err(Error::Binary { .. })));
        let bomless = utf16("The port closed on Monday.", false)[2..].to_vec();
        let err = dec(&bomless).unwrap_err();
        assert!(matches!(err, Error::Utf16 { encoding: "UTF-16LE", .. }), "{err}");
        assert!(err.to_string().contains("iconv -f UTF-16LE -t UTF-8"), "{err}");
        let bomless = utf16("The port closed on Monday.", true)[2..].to_vec();
        assert!(matches!(dec(&bomless), Err(Error::Utf16 { encoding: "UTF-16BE", .. })));
    }

    #[test]
    fn decodes_latin1_lossily_with_a_warning() {
        let raw = dec(b"caf\xe9 au lait.").unwrap();
        assert_eq!(raw.text, "caf\u{fffd} au lait.");
        assert_eq!(raw.warnings.len(), 1);
        assert!(raw.warnings[0].contains("x.txt"));
    }

    #[test]
    fn strips_bom_and_names_outlet_from_stem() {
        let raw = dec("\u{feff}Hello.".as_bytes()).unwrap();
        assert_eq!(raw.text, "Hello.");
        assert_eq!(raw.meta.outlet, "x");
        assert_eq!(outlet_from_path(Path::new("a/b/daily-news.txt")), "daily-news");
    }

    #[test]
    fn files_read_lists_what_loading_would_open() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.md", "a.txt", "README.md", "notes.csv", "c.html", ".tmpAbC123"] {
            std::fs::write(dir.path().join(name), "Text.").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.txt")).unwrap();
        let files = files_read(dir.path()).unwrap();
        // (A `.html` file is an article too; this one is read as text: it
        // opens with no tag.)
        assert_eq!(files, vec![dir.path().join("a.txt"), dir.path().join("b.md"), dir.path().join("c.html")]);
        let loaded: Vec<_> = load_path(dir.path(), LoadOptions::default()).unwrap();
        assert_eq!(loaded.iter().map(|r| r.meta.path.clone()).collect::<Vec<_>>(), files);
        assert_eq!(files_read(&dir.path().join("a.txt")).unwrap(), vec![dir.path().join("a.txt")]);
        assert!(files_read(Path::new("-")).unwrap().is_empty());
        assert!(files_read(&dir.path().join("missing.txt")).is_err());
    }

    #[test]
    fn a_collection_reads_each_article_on_its_own() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
        std::fs::write(dir.path().join("b.txt"), b"bin\0ary").unwrap();
        std::fs::write(dir.path().join("c.txt"), "More text.").unwrap();
        let batch = load_batch(dir.path(), LoadOptions::default()).unwrap();
        assert!(batch.collection);
        let ok: Vec<bool> = batch.items.iter().map(Result::is_ok).collect();
        assert_eq!(ok, [true, false, true]);
        assert!(matches!(load_path(dir.path(), LoadOptions::default()), Err(Error::Binary { .. })));
        let jsonl = dir.path().join("x.jsonl");
        std::fs::write(&jsonl, "{\"text\": \"One.\"}\n\nnope\n{\"text\": \"a\\u0000b\"}\n{\"text\": \"Two.\"}\n")
            .unwrap();
        let batch = load_batch(&jsonl, LoadOptions::default()).unwrap();
        let shown: Vec<String> =
            batch.items.iter().map(|r| r.as_ref().map_or_else(|e| e.location().unwrap(), |r| r.text.clone())).collect();
        let at = |n: usize| format!("{}:{n}", jsonl.display());
        assert_eq!(shown, ["One.".to_owned(), at(3), at(4), "Two.".to_owned()]);
        let one = load_batch(&dir.path().join("a.txt"), LoadOptions::default()).unwrap();
        assert!(!one.collection && one.items.len() == 1);
        assert!(load_batch(&dir.path().join("b.txt"), LoadOptions::default()).is_err());
    }

    #[test]
    fn lone_surrogate_escapes_are_decoded_lossily() {
        assert_eq!(lone_surrogates_replaced(r#"{"text": "a \ud800 b"}"#).unwrap(), r#"{"text": "a \ufffd b"}"#);
        assert_eq!(lone_surrogates_replaced(r#"{"text": "\udc00\ud83d"}"#).unwrap(), r#"{"text": "\ufffd\ufffd"}"#);
        // A pair, an escaped backslash before `u`, and plain escapes stay.
        assert_eq!(lone_surrogates_replaced(r#"{"text": "\ud83d\ude00 \\ud800 \" \u00e9"}"#), None);
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("x.jsonl");
        std::fs::write(&jsonl, "{\"text\": \"Bad \\ud800 here. And more.\"}\n").unwrap();
        let batch = load_batch(&jsonl, LoadOptions::default()).unwrap();
        let raw = batch.items[0].as_ref().unwrap();
        assert_eq!(raw.text, "Bad \u{fffd} here. And more.");
        assert!(raw.warnings[0].contains(":1: unpaired UTF-16 surrogate"), "{:?}", raw.warnings);
    }

    #[test]
    fn jsonl_is_read_by_content_once_per_file() {
        assert!(looks_like_jsonl(b"\xef\xbb\xbf\n  {\"outlet\": \"A\", \"text\": \"One.\"}\nnot json\n"));
        assert!(!looks_like_jsonl(b"{\"title\": \"no text field\"}\n"));
        assert!(!looks_like_jsonl(b"{braces} open this article.\n"));
        assert!(!looks_like_jsonl(b"[1, 2, 3]\n"));
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("export.txt");
        std::fs::write(&export, b"{\"text\": \"Caf\xe9 one.\"}\n[1,2]\n{\"text\": \"Caf\xe9 two.\"}\n").unwrap();
        let batch = load_batch(&export, LoadOptions::default()).unwrap();
        assert!(batch.collection);
        let [Ok(one), Err(two), Ok(three)] = &batch.items[..] else { panic!("{:?}", batch.items) };
        assert_eq!((one.warnings.len(), three.warnings.len()), (1, 0), "the lossy decoding is said once");
        assert!(two.to_string().contains("export.txt:2") && two.to_string().contains("not a JSON object"), "{two}");
    }

    #[test]
    fn a_dated_file_name_gives_date_and_outlet() {
        let m = meta_from_path(Path::new("story/2025-03-14_daily-news.txt"));
        assert_eq!((m.outlet.as_str(), m.date.as_deref()), ("daily-news", Some("2025-03-14")));
        let m = meta_from_path(Path::new("2025-03-14-wire.txt"));
        assert_eq!((m.outlet.as_str(), m.date.as_deref()), ("wire", Some("2025-03-14")));
        let m = meta_from_path(Path::new("2025-13.txt"));
        assert_eq!((m.outlet.as_str(), m.date), ("2025-13", None));
        assert_eq!(meta_from_path(Path::new("-")).outlet, "stdin");
    }
}
