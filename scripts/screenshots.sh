#!/usr/bin/env bash
# Renders the two HTML report pages of the sample and screenshots them in
# headless Chromium, for the README: docs/pairwise.png and docs/claims.png.
# Usage: scripts/screenshots.sh  (needs a release build and chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/claimdiff
chrome=${CLAIMDIFF_CHROMIUM:-chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" compare --format html -o "$tmp/pairwise.html" \
  data/harbour-strike/coastal-herald.txt data/harbour-strike/the-daily-ledger.txt
"$bin" compare --format html -o "$tmp/claims.html" data/harbour-strike
for page in pairwise claims; do
  # The top of the page: sources, the ranked differences, the first rows.
  "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
    --screenshot="$PWD/docs/$page.png" "file://$tmp/$page.html" 2>/dev/null
  echo "docs/$page.png"
done
