//! End-to-end tests, one binary (a module per capability): they run the
//! `claimdiff` binary or the library on the sample story in `data/` and,
//! where `CLAIMDIFF_SHARED` names the shared folder (`.ci/run` sets it), on
//! the real seed articles; without it those checks are skipped with a note.

mod alignment_gold;
mod browser;
mod check;
mod claims;
mod claims_gold;
mod cli;
mod docs;
mod findings;
mod flags;
mod fuzz;
mod html;
#[cfg(unix)]
mod output;
mod paraphrase_gold;
mod polnear;
mod quote_gold;
mod quote_paraphrase;
mod reliability;
mod rooms;
mod safety;
mod semantic;
mod snapshots;
mod stories;
mod util;
mod web;
mod wire;
