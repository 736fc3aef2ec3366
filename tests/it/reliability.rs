//! End-to-end tests of the binary's behaviour on hostile or unlucky input and
//! output: a reader that goes away, inputs that never end, odd encodings and
//! file names, and one bad article among many. Every child process runs
//! under a timeout, so a hang fails the test instead of blocking it. Big
//! inputs are generated here, never committed.

use crate::util::*;

use std::io::Read;
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

/// How long any one run may take before the test fails.
const LIMIT: Duration = Duration::from_secs(60);

/// The binary as a plain `std::process::Command` (for custom stdio).
fn bin() -> StdCommand {
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("claimdiff"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Waits for `child` (stdout and stderr piped or not), killing it and failing
/// the test after `limit`.
fn finish(mut child: Child, limit: Duration) -> Output {
    // Drain the pipes on threads so a chatty child never blocks on a full pipe.
    let stdout = child.stdout.take().map(|mut s| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = s.read_to_end(&mut v);
            v
        })
    });
    let stderr = child.stderr.take().map(|mut s| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = s.read_to_end(&mut v);
            v
        })
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimdiff did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.map(|t| t.join().unwrap()).unwrap_or_default(),
        stderr: stderr.map(|t| t.join().unwrap()).unwrap_or_default(),
    }
}

/// Runs `args` with stdout on a pipe whose reader is already gone.
#[cfg(unix)]
fn run_into_closed_pipe(args: &[&str]) -> Output {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) writes; each is
    // then owned exactly once (the reader closed here, the writer by Stdio).
    let writer = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        drop(OwnedFd::from_raw_fd(fds[0]));
        OwnedFd::from_raw_fd(fds[1])
    };
    let child =
        bin().args(args).stdin(Stdio::null()).stdout(Stdio::from(writer)).stderr(Stdio::piped()).spawn().unwrap();
    finish(child, LIMIT)
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_every_format_quietly_with_the_normal_status() {
    let failing = ["check", "--lexical", LEDGER, "--against", WIRE, "--fail-on", "all"];
    // (A story given as its own reference is skipped: exit 2, not 0.)
    let passing = ["check", "--lexical", HERALD, "--against", WIRE, "--fail-on", "none"];
    let mut runs: Vec<(Vec<&str>, i32)> = Vec::new();
    for f in ["text", "json"] {
        runs.push((vec!["split", "--format", f, HERALD], 0));
        runs.push((vec!["quotes", "--format", f, HERALD, LEDGER], 0));
    }
    for f in ["text", "csv", "json", "html", "matrix"] {
        runs.push((vec!["compare", "--lexical", "--format", f, HERALD, LEDGER], 0));
        runs.push((vec!["compare", "--lexical", "--format", f, DIR], 0));
    }
    for f in ["text", "csv", "json"] {
        runs.push(([&failing[..], &["--format", f]].concat(), 1));
        runs.push(([&passing[..], &["--format", f]].concat(), 0));
    }
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> =
            runs.iter().map(|(args, want)| s.spawn(move || (args, *want, run_into_closed_pipe(args)))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (args, want, out) in results {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(want), "{args:?}: {err}");
        assert!(!err.to_lowercase().contains("broken pipe") && !err.contains("panicked"), "{args:?}: {err}");
    }
}

// Item: reads are bounded by --max-bytes while reading, for every kind of
// input.

/// Asserts a run was refused as too large, with one line naming `name`.
fn assert_too_large(out: &Output, name: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line per problem: {err}");
    assert!(err.starts_with(&format!("claimdiff: {name}: too large (")), "{err}");
}

#[test]
fn endless_devices_are_refused_at_the_limit() {
    if std::path::Path::new("/dev/zero").exists() {
        // The default limit (64 MiB): read that far, not gigabytes.
        let out = finish(
            bin().args(["split", "/dev/zero"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap(),
            LIMIT,
        );
        assert_too_large(&out, "/dev/zero");
        assert!(String::from_utf8_lossy(&out.stderr).contains("more than the limit of 67108864 bytes"));
    }
    if std::path::Path::new("/dev/urandom").exists() {
        let args = ["split", "--max-bytes", "1000", "/dev/urandom"];
        let out = finish(bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap(), LIMIT);
        assert_too_large(&out, "/dev/urandom");
        assert!(out.stdout.is_empty());
    }
}

/// Writes lines of `y` into `w` until the reader goes away.
fn write_forever(mut w: impl std::io::Write) {
    let block = "y\n".repeat(4096);
    while w.write_all(block.as_bytes()).is_ok() {}
}

#[test]
fn endless_stdin_is_refused_at_the_limit() {
    for cmd in
        [&["split", "--max-bytes", "100000", "-"][..], &["compare", "--lexical", "--max-bytes", "100000", "-", HERALD]]
    {
        let mut child =
            bin().args(cmd).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || write_forever(stdin));
        let out = finish(child, LIMIT);
        feeder.join().unwrap();
        assert_too_large(&out, "-");
    }
}

#[test]
fn a_big_file_is_refused_with_its_size_and_the_largest_limit_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "The port closed on Monday. ".repeat(40_000)).unwrap();
    let out = claimdiff().args(["split", "--max-bytes", "1000000"]).arg(&big).timeout(LIMIT).output().unwrap();
    assert_too_large(&out, &big.display().to_string());
    assert!(String::from_utf8_lossy(&out.stderr).contains("(1080000 bytes; the limit is 1000000 bytes)"));
    // u64::MAX is a limit like any other, not "file is empty".
    let out = claimdiff()
        .args(["split", "--max-bytes", &u64::MAX.to_string(), "-"])
        .write_stdin("The port closed on Monday.\n")
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, b"The port closed on Monday.\n");
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn an_endless_fifo_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("feed.txt");
    mkfifo(&fifo);
    let child = bin()
        .args(["split", "--max-bytes", "100000"])
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let path = fifo.clone();
    // Opening for writing waits for claimdiff to open the reading end.
    let feeder = std::thread::spawn(move || write_forever(std::fs::OpenOptions::new().write(true).open(path).unwrap()));
    let out = finish(child, LIMIT);
    // Should claimdiff have failed before opening the FIFO, a reader that
    // comes and goes releases the feeder.
    {
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(&fifo);
    }
    feeder.join().unwrap();
    assert_too_large(&out, &fifo.display().to_string());
}

/// A FIFO with no writer waits for one, as cat(1) does, and says so on
/// stderr after a second; a writer that comes later is read.
#[cfg(unix)]
#[test]
fn a_fifo_without_a_writer_waits_for_one_and_says_so() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("late.txt");
    mkfifo(&fifo);
    let mut child = bin().arg("split").arg(&fifo).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Read stderr's first line on a thread, so a missing note fails by timeout.
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = std::io::BufReader::new(stderr).lines();
        let _ = tx.send(lines.next().and_then(Result::ok).unwrap_or_default());
        // Keep draining so the child never blocks on stderr.
        lines.for_each(drop);
    });
    let note = match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(line) => line,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no note about the FIFO within 20 s");
        }
    };
    assert_eq!(note, format!("claimdiff: {}: waiting for a writer to open this FIFO (Ctrl-C to stop)", fifo.display()));
    assert!(child.try_wait().unwrap().is_none(), "claimdiff must wait for the writer");
    std::fs::write(&fifo, "The late writer came.\n").unwrap();
    let out = finish(child, LIMIT);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"The late writer came.\n");
}

// Item: exit codes and messages: one line per problem, naming the real one.

/// Runs `args` with `stdin`, under the time limit.
fn run(args: &[&std::ffi::OsStr], stdin: &[u8]) -> (i32, String, String) {
    let out = claimdiff().args(args).write_stdin(stdin).timeout(LIMIT).output().unwrap();
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a std::ffi::OsStr> {
    args.iter().map(|a| std::ffi::OsStr::new(*a)).collect()
}

#[test]
fn a_bad_input_is_one_line_and_every_bad_input_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.path().join("missing.txt");
    let (code, _, err) = run(&[os(&["compare", "--lexical", HERALD]), vec![empty.as_os_str()]].concat(), b"");
    assert_eq!((code, err), (2, format!("claimdiff: {}: file is empty\n", empty.display())));
    let args = [os(&["compare", "--lexical"]), vec![empty.as_os_str(), missing.as_os_str()]].concat();
    let (code, _, err) = run(&args, b"");
    assert_eq!(code, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].ends_with("empty.txt: file is empty") && lines[1].contains("missing.txt: cannot read"), "{err}");
}

#[test]
fn stdin_named_twice_says_so_for_every_command() {
    for args in [
        &["check", "--lexical", "-", "--against", "-"][..],
        &["check", "--lexical", "-", "--against", HERALD, "-"],
        &["compare", "--lexical", "-", "-"],
        &["quotes", "-", "-"],
    ] {
        let (code, out, err) = run(&os(args), b"The port closed on Monday.\n");
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err, "claimdiff: stdin (`-`) is named more than once; it can be read only once\n", "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_never_split_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("two\nlines\u{1b}[31m.txt");
    std::fs::write(&odd, "").unwrap();
    let (code, _, err) = run(&[os(&["compare", "--lexical", HERALD]), vec![odd.as_os_str()]].concat(), b"");
    assert_eq!(code, 2);
    let shown = format!("{}/two\\nlines\\u{{1b}}[31m.txt", dir.path().display());
    assert_eq!(err, format!("claimdiff: {shown}: file is empty\n"));
    // Warnings too: a lossily decoded file with a newline in its name.
    let latin1 = dir.path().join("caf\u{e9}\n.txt");
    std::fs::write(&latin1, b"The caf\xe9 on the quay closed on Monday.\n").unwrap();
    let (code, _, err) = run(&[os(&["split"]), vec![latin1.as_os_str()]].concat(), b"");
    assert_eq!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("caf\u{e9}\\n.txt: not valid UTF-8"), "{err}");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Police said the march was peaceful.\r\n\r\n\u{201c}We stay,\u{201d} said Marta Quill.\r\n";
    for (big, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let path = dir.path().join(format!("{name}.txt"));
        std::fs::write(&path, utf16(text, big)).unwrap();
        let (code, out, err) = run(&[os(&["split"]), vec![path.as_os_str()]].concat(), b"");
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, "Police said the march was peaceful.\n\u{201c}We stay,\u{201d} said Marta Quill.\n");
        assert_eq!(
            err,
            format!("claimdiff: warning: {}: {name} text (byte-order mark); decoded to UTF-8\n", path.display())
        );
        // And as stdin, compared against a UTF-8 copy: the same sentences.
        let (code, out, _) = run(
            &os(&["compare", "--lexical", "--format", "csv", "-", HERALD]),
            &utf16(&std::fs::read_to_string(HERALD).unwrap(), big),
        );
        assert_eq!(code, 0);
        assert!(out.lines().skip(1).filter(|l| !l.is_empty()).all(|l| l.starts_with("same,")), "{out}");
    }
    // Without the mark it is named, not decoded and not called binary.
    let path = dir.path().join("bomless.txt");
    std::fs::write(&path, &utf16(text, false)[2..]).unwrap();
    let (code, _, err) = run(&[os(&["split"]), vec![path.as_os_str()]].concat(), b"");
    assert_eq!(code, 2);
    assert!(err.contains("bomless.txt: looks like UTF-16LE text without a byte-order mark"), "{err}");
}

#[test]
fn a_nul_byte_anywhere_refuses_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late-nul.txt");
    let mut bytes = "The port closed on Monday. ".repeat(1000).into_bytes();
    bytes.extend(b"Then\0a NUL.\n");
    std::fs::write(&path, &bytes).unwrap();
    for args in [&["split"][..], &["compare", "--lexical", "--format", "csv", HERALD]] {
        let (code, out, err) = run(&[os(args), vec![path.as_os_str()]].concat(), b"");
        assert_eq!(code, 2);
        assert!(!out.contains('\0'));
        assert_eq!(err, format!("claimdiff: {}: looks like a binary file (NUL bytes), not text\n", path.display()));
    }
}

// Item: one bad article in a folder or JSONL is skipped with a warning;
// exit 2 only when too few usable articles remain, or with --strict.

/// A folder of the four sample articles plus one empty after cleaning, one
/// binary and one whitespace-only; and a JSONL file of the samples with an
/// empty article, a bad line and a NUL-bearing text among them.
fn mixed_inputs(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let folder = dir.join("story");
    std::fs::create_dir(&folder).unwrap();
    for f in [HERALD, WIRE, TIMES, LEDGER] {
        let p = std::path::Path::new(f);
        std::fs::copy(p, folder.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(folder.join("ads.txt"), "Advertisement\n\nAdvertisement\n").unwrap();
    std::fs::write(folder.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(folder.join("blank.md"), "\n \n").unwrap();
    let jsonl = dir.join("story.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(JSONL).unwrap().lines().map(str::to_owned).collect();
    lines.insert(1, r#"{"outlet": "Empty", "text": "Advertisement"}"#.to_owned());
    lines.insert(3, "{not json".to_owned());
    lines.push(r#"{"outlet": "Nul", "text": "A\u0000B"}"#.to_owned());
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    (folder, jsonl)
}

#[test]
fn bad_articles_in_a_folder_or_jsonl_are_skipped_with_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, jsonl) = mixed_inputs(dir.path());
    let shown = |name: &str| format!("claimdiff: {}: skipped: ", folder.join(name).display());
    let (code, out, err) =
        run(&[os(&["compare", "--lexical", "--format", "csv"]), vec![folder.as_os_str()]].concat(), b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("claim,source,"), "a claims report of the four good articles: {out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{}no article text left after removing boilerplate", shown("ads.txt")),
            format!("{}file is empty", shown("blank.md")),
            format!("{}looks like a binary file (NUL bytes), not text", shown("image.txt")),
        ],
        "{err}"
    );
    let (code, _, err) =
        run(&[os(&["compare", "--lexical", "--format", "csv"]), vec![jsonl.as_os_str()]].concat(), b"");
    assert_eq!(code, 0, "{err}");
    let at = |n: usize| format!("claimdiff: {}:{n}: skipped: ", jsonl.display());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&at(2)) && lines[0].ends_with("no article text left after removing boilerplate"),
        "{err}"
    );
    assert!(lines[1].starts_with(&format!("{}invalid JSONL article: ", at(4))), "{err}");
    assert!(lines[2].starts_with(&format!("{}invalid JSONL article: `text` holds NUL", at(7))), "{err}");
    // check and quotes skip the same way (check also skips the folder's
    // copy of the story, with a line of its own).
    let args =
        [os(&["check", "--lexical", "--fail-on", "none", HERALD, "--against"]), vec![folder.as_os_str()]].concat();
    let (code, _, err) = run(&args, b"");
    assert_eq!((code, err.lines().count()), (0, 4), "{err}");
    assert!(err.lines().last().unwrap().contains("skipped as a reference: it is the story itself"), "{err}");
    let (code, _, err) = run(&[os(&["quotes"]), vec![jsonl.as_os_str()]].concat(), b"");
    assert_eq!((code, err.lines().count()), (0, 3), "{err}");
}

#[test]
fn strict_makes_every_bad_article_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, jsonl) = mixed_inputs(dir.path());
    for (cmd, input) in [
        (&["compare", "--lexical", "--strict"][..], &folder),
        (&["compare", "--lexical", "--strict"], &jsonl),
        (&["check", "--lexical", "--strict", HERALD, "--against"], &folder),
        (&["quotes", "--strict"], &jsonl),
    ] {
        let (code, out, err) = run(&[os(cmd), vec![input.as_os_str()]].concat(), b"");
        assert_eq!(code, 2, "{cmd:?}: {err}");
        assert!(out.is_empty());
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "one line per bad article, no summary: {err}");
        assert!(lines.iter().all(|l| l.starts_with("claimdiff: ") && !l.contains("skipped")), "{err}");
    }
}

#[test]
fn too_few_usable_articles_is_trouble_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("thin");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(HERALD, folder.join("herald.txt")).unwrap();
    std::fs::write(folder.join("empty.txt"), "").unwrap();
    let (code, _, err) = run(&[os(&["compare", "--lexical"]), vec![folder.as_os_str()]].concat(), b"");
    assert_eq!(code, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].ends_with("empty.txt: skipped: file is empty"), "{err}");
    assert_eq!(
        lines[1],
        "claimdiff: compare needs at least two usable articles; the articles given hold 1 (1 skipped)"
    );
    // check needs one usable reference.
    let refs = dir.path().join("refs");
    std::fs::create_dir(&refs).unwrap();
    std::fs::write(refs.join("ads.txt"), "Advertisement\n").unwrap();
    let args = [os(&["check", "--lexical", HERALD, "--against"]), vec![refs.as_os_str()]].concat();
    let (code, _, err) = run(&args, b"");
    assert_eq!(code, 2);
    assert!(
        err.ends_with(
            "claimdiff: check needs at least one usable reference; the references given hold 0 (1 skipped)\n"
        ),
        "{err}"
    );
    // A file named on the command line is never skipped.
    let empty = folder.join("empty.txt");
    let (code, _, err) = run(&[os(&["compare", "--lexical", HERALD, WIRE]), vec![empty.as_os_str()]].concat(), b"");
    assert_eq!((code, err), (2, format!("claimdiff: {}: file is empty\n", empty.display())));
}

// Item: real text is never dropped for how it starts.

#[test]
fn prose_opening_like_boilerplate_keeps_every_sentence() {
    let body = "the council met on Monday to discuss the strike. Workers walked out at dawn. \
                The harbour master said 14 ships were waiting.";
    for opening in ["Photo:", "| ", "Also Read:", "Follow us", "Leave a reply"] {
        let text = format!("{opening} {body}");
        // A whole article on one line, then the same text as a paragraph
        // inside an article, before one more paragraph.
        for input in [format!("{text}\n"), format!("Strike at the harbour\n\n{text}\n\nTalks resume on Friday.\n")] {
            let (code, out, err) = run(&os(&["split", "-"]), input.as_bytes());
            assert_eq!(code, 0, "{opening:?}: {err}");
            assert!(out.contains("Workers walked out at dawn."), "{opening:?} lost text:\n{out}");
            assert!(out.contains("14 ships were waiting."), "{opening:?} lost text:\n{out}");
            if input.contains("Talks resume") {
                assert!(out.contains("Talks resume on Friday."), "{opening:?} dropped the rest:\n{out}");
            }
        }
    }
    // The furniture itself, short and in its own paragraph, still goes.
    let input =
        "Strike at the harbour\n\nPhoto: Reuters/Jo Lee\n\nWorkers walked out.\n\nLeave a Reply\n\nJo says: great.\n";
    let (code, out, _) = run(&os(&["split", "-"]), input.as_bytes());
    assert_eq!(code, 0);
    assert!(!out.contains("Reuters/Jo Lee") && !out.contains("great"), "{out}");
    assert!(out.contains("Workers walked out."), "{out}");
}

/// The one line a refused article gets for its sentence budget.
fn too_many(name: &str, limit: usize) -> String {
    format!("claimdiff: {name}: too many sentences (over {limit}); raise --max-sentences or split the input\n")
}

/// The largest resident set of any child this test process has waited for,
/// in bytes.
#[cfg(unix)]
fn children_max_rss() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) }, 0);
    // Linux reports kilobytes; macOS bytes (counting it as kilobytes only
    // makes the bound stricter).
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn a_64_mib_file_of_tiny_sentences_completes_under_4_gb_or_is_refused_up_front() {
    // 16.7 million one-word sentences: about 15 GB at 950 bytes each, so the
    // default sentence budget refuses it, after counting the first
    // 1,000,001 (not all of them).
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("hi.txt");
    std::fs::write(&big, "Hi. ".repeat(16 * 1024 * 1024)).unwrap();
    for args in [&["compare"][..], &["compare", "--format", "json"], &["split"], &["quotes"]] {
        let start = Instant::now();
        let child = bin()
            .args(args)
            .arg(&big)
            .args(if args[0] == "compare" { &[WIRE][..] } else { &[] })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = finish(child, Duration::from_secs(20));
        let err = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {}
            Some(2) => {
                assert_eq!(err, too_many(&big.display().to_string(), 1_000_000), "{args:?}");
                assert!(out.stdout.is_empty(), "{args:?}");
            }
            code => panic!("{args:?}: exit {code:?}, not 0 or 2: {err}"),
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{args:?}: {:?}", start.elapsed());
    }
    #[cfg(unix)]
    assert!(children_max_rss() < 4 << 30, "{} bytes", children_max_rss());
}

#[test]
fn max_sentences_refuses_one_sentence_over_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let eleven = dir.path().join("eleven.txt");
    std::fs::write(&eleven, "Hi. ".repeat(11)).unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "The port closed on Monday. Police made two arrests.").unwrap();
    let small = small.to_str().unwrap();
    let name = eleven.display().to_string();
    let file = eleven.as_os_str();
    for cmd in [
        &["compare", "--lexical", "--max-sentences", "10", small][..],
        &["split", "--max-sentences", "10"],
        &["quotes", "--max-sentences", "10"],
        &["check", "--lexical", "--max-sentences", "10", small, "--against"],
    ] {
        let (code, out, err) = run(&[os(cmd), vec![file]].concat(), b"");
        assert_eq!((code, out.as_str()), (2, ""), "{cmd:?}: {err}");
        assert_eq!(err, too_many(&name, 10), "{cmd:?}");
    }
    // At the budget it is read as usual.
    let (code, out, err) = run(&[os(&["split", "--max-sentences", "11"]), vec![file]].concat(), b"");
    assert_eq!((code, out.lines().count()), (0, 11), "{err}");
    let (code, _, err) = run(&[os(&["compare", "--lexical", "--max-sentences", "11", WIRE]), vec![file]].concat(), b"");
    assert_eq!((code, err), (2, too_many(WIRE, 11)), "the wire copy has more than 11");
    // In a folder, an article over the budget is skipped like any unusable
    // one (and is trouble with --strict).
    let folder = dir.path().join("story");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "The port closed on Monday. Police made two arrests.").unwrap();
    std::fs::write(folder.join("b.txt"), "The port closed on Monday. Officials blamed the union.").unwrap();
    std::fs::write(folder.join("c.txt"), "Hi. ".repeat(11)).unwrap();
    let args = [os(&["compare", "--lexical", "--max-sentences", "10", "--format", "csv"]), vec![folder.as_os_str()]];
    let (code, _, err) = run(&args.concat(), b"");
    let c = folder.join("c.txt").display().to_string();
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        format!("claimdiff: {c}: skipped: too many sentences (over 10); raise --max-sentences or split the input\n")
    );
    let (code, _, err) = run(&[args.concat(), os(&["--strict"])].concat(), b"");
    assert_eq!((code, err), (2, too_many(&c, 10)));
}

#[test]
fn a_folders_broken_links_and_fifos_are_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    for f in [HERALD, WIRE] {
        std::fs::copy(f, dir.path().join(std::path::Path::new(f).file_name().unwrap())).unwrap();
    }
    std::os::unix::fs::symlink("/nonexistent/story.txt", dir.path().join("dangling.txt")).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    // A subfolder named like an article is no article and no problem.
    std::fs::create_dir(dir.path().join("old.txt")).unwrap();
    let run = |strict: bool| {
        let mut cmd = bin();
        cmd.args(["compare", "--lexical"]).arg(dir.path()).stdout(Stdio::null()).stderr(Stdio::piped());
        if strict {
            cmd.arg("--strict");
        }
        finish(cmd.spawn().unwrap(), Duration::from_secs(60))
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("dangling.txt: skipped: cannot read: broken symbolic link"), "{err}");
    assert!(err.contains("pipe.txt: skipped: cannot read: not a regular file"), "{err}");
    assert!(!err.contains("old.txt"), "{err}");
    let out = run(true);
    assert_eq!(out.status.code(), Some(2), "--strict refuses them");
}

#[test]
fn a_newline_in_a_file_name_never_breaks_a_text_report() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("new\nline.txt");
    std::fs::copy(HERALD, &odd).unwrap();
    let out = claimdiff().arg("stories").arg(&odd).arg(WIRE).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("new\\nline.txt"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("line.txt")), "{text}");
    let help = claimdiff().args(["extract", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(!help.contains("One sentence per line"), "extract describes its own formats: {help}");
}
