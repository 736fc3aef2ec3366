#!/usr/bin/env python3
"""Paraphrased quotations found by meaning, against judged pairs.

  make  CANDIDATES JUDGED [SECOND]
                                write tests/gold/quote-paraphrase.json from the
                                bench's candidate lines and a reader's labels
                                (`label`), with a second reader's where given
                                (`label_second`; references and keys only, never
                                text)
  eval  CANDIDATES              precision and recall over cosine floors, per
                                split (the claims gold's story split)

CANDIDATES: `cargo bench --bench quote_paraphrase -- STORIES OUT 0.5` over the
story folders `python3 benches/claims_gold.py stories STORIES` writes.
Labels: same, partial (a checkable part of the quotation), different.
Standard library only.
"""
import json
import sys
from pathlib import Path

import claims_gold
from claims_gold import key

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/gold/quote-paraphrase.json"


def story_docs():
    """Each story folder's split and (folder, file name) -> document id."""
    claims = json.loads((ROOT / "tests/gold/claims-pairs.json").read_text())
    split, doc_of = {}, {}
    for st in claims["stories"]:
        folder = st["id"].replace(":", "_")
        split[folder] = st["split"]
        for name, doc in claims_gold.doc_of_file(st).items():
            doc_of[(folder, name)] = doc
    return split, doc_of


def ref(r, side, doc_of):
    text = r["a_quote"] if side == "a" else r["b_sentence"]
    span = r[f"{side}_span"]
    return {"doc": doc_of[(r["story"], r[f"{side}_file"])], "start": span[0], "end": span[1], "key": key(text)}


def ident(story, a, b):
    return (story, a["doc"], a["start"], a["key"], b["doc"], b["start"], b["key"])


def make(cands, judged, second=None):
    split, doc_of = story_docs()
    rows = [json.loads(l) for l in open(cands)]
    def read(path):
        res = {}
        for line in open(path):
            j = json.loads(line)
            res[j["id"]] = j["label"]
        return res

    labels = read(judged)
    seconds = read(second) if second else {}
    pairs = []
    for i, r in enumerate(rows):
        if i not in labels:
            continue
        a, b = ref(r, "a", doc_of), ref(r, "b", doc_of)
        pair = {"story": r["story"].replace("_", ":", 1), "a": a, "b": b, "label": labels[i],
                "cosine": round(r["cosine"], 3)}
        if i in seconds:
            pair["label_second"] = seconds[i]
        pairs.append(pair)
    out = {"about": "Judged quotation / other-outlet sentence pairs for paraphrases found by meaning; "
                    "see tests/gold/README.md. No text: doc ids, byte spans, sentence keys.",
           "pairs": pairs}
    GOLD.write_text(json.dumps(out, indent=1) + "\n")
    print(f"{len(pairs)} pairs -> {GOLD}")


def evaluate(cands):
    split, doc_of = story_docs()
    gold = json.loads(GOLD.read_text())["pairs"]
    label = {}
    for p in gold:
        label[ident(p["story"].replace(":", "_", 1), p["a"], p["b"])] = p["label"]
    # Every judged `same` pair counts towards recall, found or not.
    same_total = {"train": 0, "test": 0}
    right_total = {"train": 0, "test": 0}
    for p in gold:
        sp = split[p["story"].replace(":", "_", 1)]
        same_total[sp] += p["label"] == "same"
        right_total[sp] += p["label"] in ("same", "partial")
    rows = [json.loads(l) for l in open(cands)]
    got = []
    unjudged = 0
    for r in rows:
        a, b = ref(r, "a", doc_of), ref(r, "b", doc_of)
        lab = label.get(ident(r["story"], a, b))
        if lab is None:
            unjudged += 1
            continue
        got.append((r["cosine"], lab, split[r["story"]]))
    print(f"candidates {len(rows)}, judged {len(got)}, unjudged {unjudged}")
    print(f"{'floor':>5} | {'split':<5} {'found':>5} {'same':>4} {'part':>4} {'diff':>4} {'P(same)':>7} {'P(+part)':>8} {'R(same)':>7} {'R(+part)':>8}")
    for floor in [0.5, 0.55, 0.6, 0.62, 0.64, 0.66, 0.68, 0.7, 0.72, 0.75]:
        for sp in ["train", "test"]:
            sel = [g for g in got if g[0] >= floor and g[2] == sp]
            n = len(sel)
            s = sum(1 for g in sel if g[1] == "same")
            pa = sum(1 for g in sel if g[1] == "partial")
            d = n - s - pa
            print(f"{floor:>5.2f} | {sp:<5} {n:>5} {s:>4} {pa:>4} {d:>4} {s / max(n, 1):>7.3f} {(s + pa) / max(n, 1):>8.3f} "
                  f"{s / max(same_total[sp], 1):>7.3f} {(s + pa) / max(right_total[sp], 1):>8.3f}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif len(sys.argv) >= 3 and sys.argv[1] == "eval":
        evaluate(sys.argv[2])
    else:
        sys.exit(__doc__)
