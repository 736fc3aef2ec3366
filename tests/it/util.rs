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
