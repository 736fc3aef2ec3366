#!/usr/bin/env python3
"""Check tests/gold/paraphrase.json against the current sentence splitter.

Usage:
    python3 tests/gold/check_paraphrase.py CLAIMDIFF_BINARY ECBPLUS_PATH [--data DATA_DIR] [--gold FILE]

ECBPLUS_PATH is shared/bench/ecbplus/subtopics.jsonl (or the folder holding it).
DATA_DIR defaults to the project's data/ folder (two levels above this script).

Every referenced document is split again: ECB+ documents by writing their
`text` field to a temporary file and running `claimdiff split --raw`, data/
files with `claimdiff split` (cleaning on). The sentence at the stored index
must have the stored key (FNV-1a 64 of its first 8 lower-cased words, see
README.md), and for data/ references the stored text must match as well.
A key that moved to another index is reported with its new index.

Also checks the file's structure: labels and kinds, two different documents
per pair, no pair listed twice. Exit status 0 when everything matches, 1 when
something does not, 2 on bad arguments. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

KINDS = {
    "same": {"retold", "near_copy"},
    "different": {"same_speaker", "same_event_detail", "same_topic"},
}


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) % 2**64
    return h


def sentence_key(sentence):
    words = re.findall(r"[^\W_]+", sentence.lower())
    return format(fnv1a64(" ".join(words[:8]).encode("utf-8")), "016x")


def split(binary, path, raw):
    cmd = [binary, "split"] + (["--raw"] if raw else []) + [path]
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
    out = result.stdout
    if out.endswith("\n"):
        out = out[:-1]
    return out.split("\n") if out else []


def load_ecbplus(path):
    if os.path.isdir(path):
        path = os.path.join(path, "subtopics.jsonl")
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for doc in json.loads(line)["docs"]:
                    docs[doc["doc_id"]] = doc["text"]
    return docs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Verify the sentence keys in paraphrase.json.")
    ap.add_argument("binary", help="path to the claimdiff binary")
    ap.add_argument("ecbplus", help="shared/bench/ecbplus/subtopics.jsonl or its folder")
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "data"), help="the project's data/ folder")
    ap.add_argument("--gold", default=os.path.join(here, "paraphrase.json"), help="the gold file")
    args = ap.parse_args()
    if not os.path.isfile(args.binary):
        print(f"no such binary: {args.binary}", file=sys.stderr)
        return 2

    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    ecb = load_ecbplus(args.ecbplus)

    problems = []
    cache = {}

    def sentences(source, doc):
        if (source, doc) not in cache:
            if source == "ecbplus":
                if doc not in ecb:
                    raise RuntimeError(f"ECB+ document {doc} not found in {args.ecbplus}")
                with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as tmp:
                    tmp.write(ecb[doc])
                try:
                    cache[(source, doc)] = split(args.binary, tmp.name, raw=True)
                finally:
                    os.unlink(tmp.name)
            elif source == "data":
                cache[(source, doc)] = split(args.binary, os.path.join(args.data, doc), raw=False)
            else:
                raise RuntimeError(f"unknown source {source!r}")
        return cache[(source, doc)]

    seen = set()
    refs = 0
    for n, pair in enumerate(gold["pairs"]):
        where = f"pair {n} ({pair.get('source')} {pair['a'].get('doc')}:{pair['a'].get('sent')} / {pair['b'].get('doc')}:{pair['b'].get('sent')})"
        if pair.get("kind") not in KINDS.get(pair.get("label"), ()):
            problems.append(f"{where}: bad label/kind {pair.get('label')!r}/{pair.get('kind')!r}")
        if pair["a"]["doc"] == pair["b"]["doc"]:
            problems.append(f"{where}: both sentences come from one document")
        ident = frozenset([(pair["a"]["doc"], pair["a"]["sent"]), (pair["b"]["doc"], pair["b"]["sent"])])
        if ident in seen:
            problems.append(f"{where}: pair listed twice")
        seen.add(ident)
        if not pair.get("note"):
            problems.append(f"{where}: empty note")
        for side in ("a", "b"):
            ref = pair[side]
            refs += 1
            if pair["source"] == "ecbplus" and "text" in ref:
                problems.append(f"{where} {side}: ECB+ text must not be stored")
            try:
                sents = sentences(pair["source"], ref["doc"])
            except (RuntimeError, OSError) as err:
                problems.append(f"{where} {side}: {err}")
                continue
            i = ref["sent"]
            got = sentence_key(sents[i]) if 0 <= i < len(sents) else None
            if got != ref["key"]:
                moved = [j for j, s in enumerate(sents) if sentence_key(s) == ref["key"]]
                hint = f"; key now at index {moved}" if moved else "; key not found in the document"
                problems.append(f"{where} {side}: sentence {i} has key {got}, expected {ref['key']}{hint}")
            elif "text" in ref and " ".join(ref["text"].split()) != " ".join(sents[i].split()):
                problems.append(f"{where} {side}: text differs: {sents[i]!r}")

    docs = len(cache)
    if problems:
        for p in problems:
            print(p)
        print(f"FAILED: {len(problems)} problem(s) in {len(gold['pairs'])} pairs ({refs} references, {docs} documents)")
        return 1
    print(f"OK: {len(gold['pairs'])} pairs, {refs} references, {docs} documents; every key matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
