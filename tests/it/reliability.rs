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
    let passing = ["check", "--lexical", HERALD, "--against", HERALD];
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
