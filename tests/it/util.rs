//! Shared fixtures of the end-to-end tests: the sample articles and the
//! binary under test.

use assert_cmd::Command;

pub const HERALD: &str = "data/harbour-strike/coastal-herald.txt";
pub const WIRE: &str = "data/harbour-strike/meridian-wire.txt";
pub const TIMES: &str = "data/harbour-strike/northport-times.txt";
pub const LEDGER: &str = "data/harbour-strike/the-daily-ledger.txt";
pub const DIR: &str = "data/harbour-strike";
pub const JSONL: &str = "data/harbour-strike.jsonl";

/// The `claimdiff` binary, with `NO_COLOR` cleared so colour tests decide.
pub fn claimdiff() -> Command {
    let mut cmd = Command::cargo_bin("claimdiff").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// FNV-1a 64 of the first `n` lower-cased alphanumeric words, as
/// `tests/gold/README.md` defines the key of a gold sentence.
pub fn gold_key(sentence: &str, n: usize) -> String {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(n).collect();
    format!("{:016x}", fnv1a(words.join(" ").as_bytes()))
}

/// FNV-1a 64 of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
