//! Where a report goes: stdout, or the `-o` path.
//!
//! The `-o` path is opened before any input is read, so a run that would
//! overwrite an input, or could not write its report, stops before doing any
//! work or writing anything:
//! - a path that is an input (given directly, inside a folder input, a JSONL
//!   file, stdin redirected from it, or the same file reached through a
//!   symbolic link, `..` or a hard link) is refused;
//! - a regular file, or a new one, is written atomically: a temporary file
//!   beside it, renamed over it once the report is complete; through a
//!   symbolic link, beside and over the file the link points to, so the link
//!   stays a link;
//! - anything else that exists (a device such as `/dev/null`, a FIFO) is
//!   opened and written in place, never replaced;
//! - on unix, SIGINT, SIGTERM or SIGHUP while the temporary file exists
//!   removes it before the process dies of the signal.
//!
//! Every byte of a report goes through [`Output::write`]. When the reader of
//! stdout (or of a FIFO given to `-o`) goes away (`claimdiff ... | head`),
//! the report stops there and the run goes on to its normal exit status, so
//! `check` still exits 1 when findings fail: a closed pipe is not trouble.

use anyhow::{bail, Context};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// An opened report destination. Dropping it without [`Output::write`]
/// removes any temporary file.
pub enum Output {
    /// Standard output.
    Stdout,
    /// A regular file (existing or new), written through a temporary file.
    Atomic(Pending),
    /// An existing file that is not a regular file, written in place.
    Direct {
        /// The open file.
        file: File,
        /// The path as given, for messages.
        shown: PathBuf,
    },
}

/// A temporary file waiting to be renamed over `target`.
pub struct Pending {
    tmp: Option<tempfile::NamedTempFile>,
    /// The file to replace: the `-o` path with symbolic links resolved.
    target: PathBuf,
    /// The path as given, for messages.
    shown: PathBuf,
}

impl Output {
    /// Opens `path` for the report (stdout when `None`), refusing any path
    /// that is one of `inputs` or a file read through one of them.
    pub fn open(path: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Output> {
        // `-o -` is stdout, as `-` is stdin among the inputs.
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else { return Ok(Output::Stdout) };
        let shown = path.to_path_buf();
        let md = match std::fs::metadata(path) {
            Ok(md) => Some(md),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("{}: cannot write output", path.display())),
        };
        // `-o new/` names a folder that does not exist: refused now, not
        // after the whole run when the rename fails.
        if md.is_none() && path.as_os_str().as_encoded_bytes().ends_with(b"/") {
            bail!("{}: cannot create output: a file name cannot end in /", path.display());
        }
        if let Some(md) = &md {
            if let Some(input) = input_at(path, md, inputs) {
                let what = if md.is_dir() { "folder" } else { "file" };
                if input == path {
                    bail!("{}: refusing to overwrite an input {what} with the report", path.display());
                }
                bail!(
                    "{}: refusing to overwrite an input {what} with the report (it is the input {})",
                    path.display(),
                    input.display()
                );
            }
            if md.is_dir() {
                bail!("{}: is a folder; -o takes a file", path.display());
            }
            if !md.is_file() {
                // A device or a FIFO: replacing it with a regular file would
                // break it (as root, `-o /dev/null` would replace the device
                // node), so it is written where it is.
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("{}: cannot write output", path.display()))?;
                return Ok(Output::Direct { file, shown });
            }
        }
        // An existing regular file is renamed over where its links lead
        // (canonicalize resolves them all); a new one, or the missing file a
        // dangling link names, is created where the link leads.
        let target = match &md {
            Some(_) => std::fs::canonicalize(path),
            None => follow_links(path),
        }
        .with_context(|| format!("{}: cannot write output", path.display()))?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        warn_inside_input_folder(path, dir, inputs);
        // Temporary files are private (0600); a report is an ordinary file, so
        // it keeps the mode of the file it replaces, or gets the usual 0644.
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            md.as_ref().map(|m| m.permissions().mode() & 0o777).unwrap_or(0o644)
        };
        #[cfg(unix)]
        cleanup::install().with_context(|| format!("{}: cannot set up signal handling", path.display()))?;
        let mut pending = cleanup::pending();
        // The name `.tmpXXXXXX` has no extension, so a folder input that also
        // holds the output never reads the temporary file as an article.
        if !dir.is_dir() {
            bail!("{}: cannot create output: the folder {} does not exist", path.display(), dir.display());
        }
        // The temporary file's own name means nothing to a user: the error
        // names the folder instead.
        let tmp = tempfile::Builder::new().prefix(".tmp").tempfile_in(dir).map_err(|e| {
            let msg = e.to_string();
            let why = msg.split(" at path ").next().unwrap_or(&msg);
            anyhow::anyhow!("{}: cannot create output: cannot write in {} ({why})", path.display(), dir.display())
        })?;
        *pending = Some(tmp.path().to_path_buf());
        drop(pending);
        let out = Pending { tmp: Some(tmp), target, shown };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Some(tmp) = &out.tmp {
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(mode))
                    .with_context(|| format!("{}: cannot create output", out.shown.display()))?;
            }
        }
        Ok(Output::Atomic(out))
    }

    /// Renders the report into the destination and, for a regular file,
    /// renames the complete report into place. A reader that has gone away
    /// (a closed pipe) ends the report early without an error.
    pub fn write(self, render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
        match self {
            Output::Stdout => {
                let stdout = std::io::stdout();
                write_unless_closed(stdout.lock(), render).context("stdout: cannot write output")?;
            }
            Output::Direct { file, shown } => {
                write_unless_closed(file, render)
                    .with_context(|| format!("{}: cannot write output", shown.display()))?;
            }
            Output::Atomic(mut pending) => {
                let shown = pending.shown.clone();
                let Some(tmp) = pending.tmp.as_mut() else { bail!("{}: output already written", shown.display()) };
                let mut out = BufWriter::new(tmp.as_file_mut());
                render(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("{}: cannot write output", shown.display()))?;
                drop(out);
                pending.persist().with_context(|| format!("{}: cannot write output", shown.display()))?;
            }
        }
        Ok(())
    }
}

/// Renders into `sink` through a buffer. When the reader has gone (a
/// write failed with a broken pipe, however a renderer wrapped that error:
/// the csv crate and serde_json hide its kind), stops quietly.
fn write_unless_closed(
    sink: impl Write,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = BufWriter::new(PipeGuard { inner: sink, closed: false });
    let res = render(&mut out).and_then(|()| out.flush());
    // Taken apart rather than dropped, so nothing is flushed again into a
    // closed pipe.
    let (guard, _) = out.into_parts();
    match res {
        Err(_) if guard.closed => Ok(()),
        res => res,
    }
}

/// A writer that notes when its reader has gone.
struct PipeGuard<W> {
    inner: W,
    /// A write or flush failed with `BrokenPipe`.
    closed: bool,
}

impl<W> PipeGuard<W> {
    fn note<T>(&mut self, res: std::io::Result<T>) -> std::io::Result<T> {
        if res.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            self.closed = true;
        }
        res
    }
}

impl<W: Write> Write for PipeGuard<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let res = self.inner.write(buf);
        self.note(res)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let res = self.inner.flush();
        self.note(res)
    }
}

impl Pending {
    /// Renames the temporary file over the target. The pending-file lock is
    /// held throughout, so a signal handler never removes a file that is
    /// being renamed.
    fn persist(&mut self) -> std::io::Result<()> {
        let mut pending = cleanup::pending();
        let Some(tmp) = self.tmp.take() else { return Ok(()) };
        // On failure the error carries the temporary file: drop it (which
        // removes it) rather than let it outlive the run in the error.
        let res = tmp.persist(&self.target).map(drop).map_err(|e| e.error);
        *pending = None;
        res
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.tmp.is_some() {
            let mut pending = cleanup::pending();
            self.tmp = None;
            *pending = None;
        }
    }
}

/// Warns when the report lands in a folder given as an input under a name
/// that folder reading takes for an article (`compare d -o d/report.txt`):
/// this run is unaffected, the next run over `d` would read the report.
fn warn_inside_input_folder(path: &Path, dir: &Path, inputs: &[PathBuf]) {
    if !claimdiff::article::load::is_article_name(path) {
        return;
    }
    let Ok(dir) = std::fs::canonicalize(dir) else { return };
    let folder = inputs.iter().find(|i| i.is_dir() && std::fs::canonicalize(i).is_ok_and(|c| c == dir));
    if let Some(folder) = folder {
        crate::say(format_args!(
            "warning: {}: written inside the input folder {}; a later run over that folder will read it as an article",
            path.display(),
            folder.display()
        ));
    }
}

/// The input that `path` (whose metadata is `md`) is, if any: the same file
/// as one of `inputs`, a folder input, a file read from a folder input, or
/// stdin's file when stdin is redirected from one.
fn input_at(path: &Path, md: &std::fs::Metadata, inputs: &[PathBuf]) -> Option<PathBuf> {
    let target = identity(path, md)?;
    for input in inputs {
        if input.as_os_str() == "-" {
            if stdin_identity().is_some_and(|id| id == target) {
                return Some(PathBuf::from("- (stdin)"));
            }
            continue;
        }
        // The folder itself, then what reading it opens; a missing input is
        // reported by loading.
        let files = claimdiff::article::load::files_read(input).unwrap_or_default();
        for candidate in std::iter::once(input).chain(files.iter()) {
            if std::fs::metadata(candidate).ok().and_then(|m| identity(candidate, &m)).as_ref() == Some(&target) {
                return Some(candidate.clone());
            }
        }
    }
    None
}

/// What makes a file the same file: device and inode on unix (so hard and
/// symbolic links, `..` and relative paths all agree), the canonical path
/// elsewhere.
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(unix)]
fn identity(_path: &Path, md: &std::fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((md.dev(), md.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path, _md: &std::fs::Metadata) -> Option<Identity> {
    std::fs::canonicalize(path).ok()
}

/// The file stdin reads, when it is a regular file (`claimdiff compare - B
/// -o A < A`).
#[cfg(unix)]
fn stdin_identity() -> Option<Identity> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    let md = File::from(fd).metadata().ok()?;
    if md.is_file() {
        identity(Path::new("-"), &md)
    } else {
        None
    }
}

#[cfg(not(unix))]
fn stdin_identity() -> Option<Identity> {
    None
}

/// Follows symbolic links from `path` to a path that is not one: the file a
/// dangling link names, or `path` itself.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(md) if md.file_type().is_symlink() => {
                let link = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// The temporary file in flight, and the signal handling that removes it.
mod cleanup {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard};

    /// The temporary file that a signal must remove, if any.
    static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

    /// Locks the pending temporary file's slot.
    pub fn pending() -> MutexGuard<'static, Option<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Catches SIGINT, SIGTERM and SIGHUP (once per process): a thread
    /// removes the pending temporary file, then the process dies of the
    /// signal as it would have without the handler, so shells see 130 for
    /// Ctrl-C and 143 for SIGTERM and scripts stop as they expect.
    #[cfg(unix)]
    pub fn install() -> std::io::Result<()> {
        use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
        static INSTALLED: Mutex<bool> = Mutex::new(false);
        let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
        if *installed {
            return Ok(());
        }
        // A signal the process was started to ignore (`nohup`, a background
        // job's SIGINT) stays ignored.
        let caught: Vec<i32> = [SIGINT, SIGTERM, SIGHUP].into_iter().filter(|&s| !ignored(s)).collect();
        let mut signals = signal_hook::iterator::Signals::new(caught)?;
        std::thread::Builder::new().name("claimdiff-signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Hold the lock until the process is gone, so the main
                // thread cannot rename or create a file meanwhile.
                let mut pending = pending();
                if let Some(path) = pending.take() {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        })?;
        *installed = true;
        Ok(())
    }

    /// Whether `signal`'s disposition is "ignore".
    #[cfg(unix)]
    fn ignored(signal: i32) -> bool {
        // SAFETY: a null new action only queries the current one, into a
        // zeroed `sigaction` that lives for the call.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
        }
    }
}
