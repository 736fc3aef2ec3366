//! Using claimdiff as a library: compare two articles and list, for each
//! difference that matters, what it is and where.
//!
//! `cargo run --example compare_two -- data/harbour-strike/coastal-herald.txt data/harbour-strike/meridian-wire.txt`
//!
//! The library never prints and never reads files on its own: the caller
//! loads (here with `article::load` and `article::clean`, the binary's own
//! loader), picks a scorer (lexical here; see `semantic::Encoder` for the
//! sentence encoder) and renders or inspects the report.

use claimdiff::article::{clean, load};
use claimdiff::config::MatchConfig;
use claimdiff::report::Status;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let [a, b] = paths.as_slice() else {
        eprintln!("usage: compare_two A.txt B.txt");
        return ExitCode::from(2);
    };
    let article = |p: &str| -> claimdiff::Result<_> {
        let raw = load::load_path(Path::new(p), load::LoadOptions::default())?.remove(0);
        clean::clean(raw)
    };
    let (a, b) = match (article(a), article(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("compare_two: {e}");
            return ExitCode::from(2);
        }
    };
    let report = claimdiff::compare_pair(a, b, &MatchConfig::default());
    let same = report.rows.iter().filter(|r| r.status == Status::Same).count();
    println!("{} rows, {same} the same in both", report.rows.len());
    for h in &report.highlights {
        println!("{:<16} {:<10} {}", h.kind, h.refs, h.summary);
    }
    ExitCode::SUCCESS
}
