#!/usr/bin/env bash
# Side-by-side run of the alignment scale benchmark and the rapidfuzz peer
# (rapidfuzz cdist, token_set_ratio >= 80, upper triangle, 2 workers) on the
# same make_corpus.py corpus, one after the other on this machine.
# Needs: CLAIMDIFF_SHARED, and `pip install rapidfuzz numpy` for the peer.
# Usage: benches/peer_5k.sh [N]   (default N = 5000 sentences)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
shared=${CLAIMDIFF_SHARED:?set CLAIMDIFF_SHARED to the shared folder}
dir=target/scale/c$n
[ -f "$dir/pairs.tsv" ] || python3 "$shared/bench/make_corpus.py" --sentences "$n" --seed 1 --out "$dir" > /dev/null
echo "== claimdiff (benches/scale.rs), $n sentences"
CLAIMDIFF_SCALE_SIZES=$n cargo bench -q --bench scale 2>/dev/null
echo "== rapidfuzz peer, $n sentences"
python3 "$shared/bench/rapidfuzz_allpairs.py" "$dir/sentences.txt" --cutoff 80 --triangle --truth "$dir/pairs.tsv"
