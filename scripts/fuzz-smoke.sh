#!/usr/bin/env bash
# A short run of every fuzz target (fuzz/), seeded with data/'s articles.
# Usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 10)
#
# Needs a nightly toolchain (libFuzzer's coverage instrumentation); without
# one it says so and exits 0. It builds with the flags cargo-fuzz passes, so
# cargo-fuzz itself is not required; for long runs use
# `cargo +nightly fuzz run TARGET` (cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz smoke: skipped (no nightly toolchain; rustup toolchain install nightly)"
  exit 0
fi
target=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# --target keeps RUSTFLAGS off build scripts and proc macros, as cargo-fuzz does.
cargo +nightly build --quiet --manifest-path fuzz/Cargo.toml --release --bins --target "$target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in load_clean split compare quotes; do
  mkdir -p "$work/$t"
  find data -name '*.txt' -exec cp {} "$work/$t/" \;
  if ! "fuzz/target/$target/release/$t" -max_total_time="$secs" -max_len=8192 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="fuzz/artifacts-$t-" "$work/$t" >"$work/$t.log" 2>&1; then
    tail -n 40 "$work/$t.log" >&2
    echo "fuzz smoke: target $t failed; the input is in fuzz/artifacts-$t-*" >&2
    exit 1
  fi
  echo "fuzz smoke: $t: $(grep -o 'Done [0-9]* runs' "$work/$t.log" | tail -n 1) in ${secs} s, no failure"
done
