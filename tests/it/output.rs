//! End-to-end tests of `-o`: it never overwrites an input, however the input
//! was reached; it writes devices and FIFOs in place and follows symbolic
//! links; and a SIGTERM leaves no temporary file behind.

use crate::util::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Copies the sample story's articles into `dir/story` and returns that
/// folder.
fn story_copy(dir: &Path) -> PathBuf {
    let story = dir.join("story");
    std::fs::create_dir(&story).unwrap();
    for f in [HERALD, WIRE, TIMES, LEDGER] {
        let f = Path::new(f);
        std::fs::copy(f, story.join(f.file_name().unwrap())).unwrap();
    }
    story
}

/// Every file under `dir` (recursively, symbolic links as their target
/// text) with its bytes: what a refused run must leave exactly as it was.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let md = std::fs::symlink_metadata(&path).unwrap();
        if md.file_type().is_symlink() {
            files.insert(path.clone(), std::fs::read_link(&path).unwrap().into_os_string().into_encoded_bytes());
        } else if md.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

/// Asserts a refusal: exit 2, one error line naming `named` and saying why,
/// and nothing under `dir` changed.
fn assert_refused(out: &Output, named: &Path, dir: &Path, before: &BTreeMap<PathBuf, Vec<u8>>) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one error line: {err}");
    assert!(err.starts_with(&format!("claimdiff: {}: refusing to overwrite an input", named.display())), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(&snapshot(dir), before, "a refused run writes nothing");
}

#[test]
fn an_article_inside_a_folder_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let story = story_copy(dir.path());
    let before = snapshot(dir.path());
    let target = story.join("coastal-herald.txt");
    let out = claimdiff().arg("compare").arg(&story).arg("-o").arg(&target).output().unwrap();
    assert_refused(&out, &target, dir.path(), &before);
    // The same through `check`, the folder being the references...
    let target = story.join("meridian-wire.txt");
    let out =
        claimdiff().arg("check").arg(HERALD).arg("--against").arg(&story).arg("-o").arg(&target).output().unwrap();
    assert_refused(&out, &target, dir.path(), &before);
    // ...and the story.
    let target = story.join("the-daily-ledger.txt");
    let out = claimdiff().arg("check").arg(&target).args(["--against", WIRE, "-o"]).arg(&target).output().unwrap();
    assert_refused(&out, &target, dir.path(), &before);
    // A new file in the folder is not an input: the report is written.
    let report = story.join("report.csv");
    claimdiff().arg("compare").arg(&story).args(["--format", "csv", "-o"]).arg(&report).assert().success();
    assert!(std::fs::read_to_string(&report).unwrap().starts_with("claim,"), "a claims CSV");
}

#[test]
fn a_jsonl_input_and_a_folder_input_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let story = story_copy(dir.path());
    let jsonl = dir.path().join("story.jsonl");
    std::fs::copy(JSONL, &jsonl).unwrap();
    let before = snapshot(dir.path());
    let out = claimdiff().arg("compare").arg(&jsonl).arg("-o").arg(&jsonl).output().unwrap();
    assert_refused(&out, &jsonl, dir.path(), &before);
    let out = claimdiff().arg("compare").arg(&story).arg("-o").arg(&story).output().unwrap();
    assert_refused(&out, &story, dir.path(), &before);
    assert!(String::from_utf8_lossy(&out.stderr).contains("an input folder"));
}

#[test]
fn an_input_reached_by_another_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let story = story_copy(dir.path());
    let herald = story.join("coastal-herald.txt");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&herald, &link).unwrap();
    let hard = dir.path().join("hard.txt");
    std::fs::hard_link(story.join("northport-times.txt"), &hard).unwrap();
    let before = snapshot(dir.path());
    // A symbolic link to an input, given as an input or as the folder.
    for input in [&herald, &story] {
        let out = claimdiff().arg("compare").arg(input).arg(WIRE).arg("-o").arg(&link).output().unwrap();
        assert_refused(&out, &link, dir.path(), &before);
        assert!(String::from_utf8_lossy(&out.stderr).contains("(it is the input "), "names the input");
    }
    // The input named through the link, `-o` the file itself.
    let out = claimdiff().arg("compare").arg(&link).arg(WIRE).arg("-o").arg(&herald).output().unwrap();
    assert_refused(&out, &herald, dir.path(), &before);
    // A hard link.
    let out = claimdiff().arg("compare").arg(&story).arg("-o").arg(&hard).output().unwrap();
    assert_refused(&out, &hard, dir.path(), &before);
    // `..` and a relative path from elsewhere.
    let dotted = Path::new("story/../story/./coastal-herald.txt");
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["compare", "story/coastal-herald.txt", "story/meridian-wire.txt", "-o"])
        .arg(dotted)
        .output()
        .unwrap();
    assert_refused(&out, dotted, dir.path(), &before);
    // stdin redirected from the file.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["compare", "-", WIRE, "-o"])
        .arg(&herald)
        .stdin(std::fs::File::open(&herald).unwrap())
        .output()
        .unwrap();
    assert_refused(&out, &herald, dir.path(), &before);
}

#[test]
fn a_symbolic_link_stays_a_link_and_its_target_gets_the_report() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old report\n").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    claimdiff().args(["compare", "--format", "csv", HERALD, WIRE, "-o"]).arg(&link).assert().success().stdout("");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("real.csv"));
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("status,similarity,"));
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the replaced file keeps its mode");
    // A dangling link: the file it names is created.
    let dangling = dir.path().join("next.csv");
    std::os::unix::fs::symlink("missing.csv", &dangling).unwrap();
    claimdiff().args(["compare", "--format", "csv", HERALD, WIRE, "-o"]).arg(&dangling).assert().success();
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.path().join("missing.csv")).unwrap().starts_with("status,similarity,"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 4, "no temporary file left: {names:?}");
}

#[test]
fn dev_null_stays_a_device() {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let null = Path::new("/dev/null");
    let Ok(md) = std::fs::symlink_metadata(null) else { return };
    if !md.file_type().is_char_device() {
        return;
    }
    // As root the old temp-file-and-rename replaced the device node; as
    // anyone else it failed, /dev not being writable. Either way -o
    // /dev/null must now succeed and leave the node alone.
    let out = claimdiff().args(["compare", HERALD, WIRE, "-o", "/dev/null"]).output().unwrap();
    let after = std::fs::symlink_metadata(null).unwrap();
    let intact = after.file_type().is_char_device() && after.rdev() == md.rdev();
    if !intact {
        restore_dev_null(md.rdev());
    }
    assert!(intact, "/dev/null was replaced");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
}

/// Puts a clobbered /dev/null back (as root), so a regression fails this
/// test without breaking the machine.
fn restore_dev_null(rdev: u64) {
    // SAFETY: plain libc calls on a NUL-terminated path.
    unsafe {
        if libc::geteuid() == 0 {
            let path = c"/dev/null".as_ptr();
            libc::unlink(path);
            libc::mknod(path, libc::S_IFCHR | 0o666, rdev as libc::dev_t);
            libc::chmod(path, 0o666);
        }
    }
}

#[test]
fn a_fifo_is_written_in_place() {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.fifo");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    // A non-blocking reader: opening it never waits, and it lets the
    // writer's open succeed at once.
    let mut reader = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(&fifo).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["compare", "--format", "csv", HERALD, WIRE, "-o"])
        .arg(&fifo)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut report = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        let mut buf = [0u8; 8192];
        match reader.read(&mut buf) {
            Ok(n) if n > 0 => report.extend_from_slice(&buf[..n]),
            // Nothing now (no writer yet, or no data yet): done only once the
            // writer has exited and the pipe is drained.
            Ok(_) | Err(_) => {
                if let Some(status) = child.try_wait().unwrap() {
                    reader.read_to_end(&mut report).ok();
                    break status;
                }
                assert!(std::time::Instant::now() < deadline, "claimdiff did not finish");
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    };
    assert!(status.success());
    assert!(String::from_utf8(report).unwrap().starts_with("status,similarity,"));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn sigterm_while_writing_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    // `-o` is opened (the temporary file created) before any input is
    // read; stdin is a pipe this test keeps open, so the run waits there
    // with the temporary file in place for as long as needed.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["compare", "-", WIRE, "-o"])
        .arg(&report)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let entries = || -> Vec<String> {
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while !entries().iter().any(|n| n.starts_with(".tmp")) {
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("no temporary file appeared: {:?}, {:?}", entries(), child.wait_with_output());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: signals the child this test spawned and has not reaped.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("claimdiff ignored SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    drop(stdin);
    assert_eq!(status.signal(), Some(libc::SIGTERM), "dies of the signal: {status:?}");
    assert_eq!(entries(), Vec::<String>::new(), "neither a temporary file nor a report is left");
}

#[test]
fn dash_is_stdout_and_write_errors_name_what_failed() {
    let dir = tempfile::Builder::new().prefix("claimdiff-out").tempdir().unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["stories", "-o", "-"])
        .arg(std::fs::canonicalize(HERALD).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("1 article in 1 story"));
    assert!(!dir.path().join("-").exists(), "`-o -` is stdout, not a file named -");
    let missing = dir.path().join("nope/out.csv");
    let out = claimdiff().args(["compare", "--lexical", HERALD, WIRE, "-o"]).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("out.csv: cannot create output: the folder") && err.contains("does not exist"), "{err}");
    assert!(!err.contains(".tmp"), "the temporary file's name is not shown: {err}");
    // A new path ending in / is refused before any input is read (the
    // missing input would be the error otherwise).
    let out = claimdiff()
        .args(["compare", "--lexical", HERALD, "no-such-input.txt", "-o"])
        .arg(dir.path().join("new/"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("new/: cannot create output: a file name cannot end in /"), "{err}");
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimdiff"))
            .args(["split", HERALD])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("claimdiff: stdout: cannot write output"), "{err}");
    }
}

#[test]
fn a_report_inside_an_input_folder_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let story = story_copy(dir.path());
    let out = claimdiff()
        .args(["compare", "--lexical"])
        .arg(&story)
        .arg("-o")
        .arg(story.join("report.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("report.txt: written inside the input folder"), "{err}");
    // A CSV report is not read back as an article: no warning.
    let out = claimdiff()
        .args(["compare", "--lexical", "--format", "csv"])
        .arg(&story)
        .arg("-o")
        .arg(story.join("report.csv"))
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
