#!/usr/bin/env python3
"""Claims-mode gold: real multi-outlet stories, judged cross-outlet sentence pairs.

The stories come from ../shared (ECB+ subtopics, PolNeAR stories) and from this
project's data/. The gold file (tests/gold/claims-pairs.json) stores which
documents form each story and, for each judged pair, the two sentences as
references (document id, sentence index, and the key hash of tests/gold/README.md:
fnv1a64 of the first eight words) with the reader's label: `same` (the two
sentences assert the same checkable claim; details may differ), `related` (same
topic or event, a different claim) or `different`. Never the text.

    CLAIMDIFF_SHARED=../shared python3 benches/claims_gold.py stories /tmp/cg
        writes one folder of articles per story of the gold file (front matter:
        outlet, date, title), the same files tests/it/claims_gold.rs writes.
    python3 benches/claims_gold.py eval /tmp/cg target/release/claimdiff [--split test|train|all] [-- FLAGS]
        runs `compare --format json` on each story and scores the cross-outlet
        sentence pairs that claims put into one shared claim against the gold:
        pair precision (judged pairs only, with the share of predicted pairs that
        are judged) and recall of the pairs judged `same`.
    python3 benches/claims_gold.py pool /tmp/cg target/release/claimdiff OUT.jsonl [-- FLAGS]
        the predicted pairs that the gold does not judge yet, with their text, to
        be judged (OUT stays outside the project: it holds article text).
    (`eval`, `curve`: claims mode, the stories of three or more articles; `--pairwise` measures the
    two-article stories' pairwise reports instead; `--all-pairs` a pairwise report for every two
    articles of every story of the split.)
    python3 benches/claims_gold.py curve /tmp/cg target/release/claimdiff [--split test]
        precision and recall over --claim-floor (the same-claim probability floor).
"""
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "claims-pairs.json"
PAIRWISE = False
ALL_PAIRS = False


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) % 2**64
    return f"{h:016x}"


def key(sentence: str) -> str:
    words = re.findall(r"[^\W_]+", sentence.lower())
    return fnv1a64(" ".join(words[:8]).encode("utf-8"))


def shared_dir() -> Path:
    s = os.environ.get("CLAIMDIFF_SHARED")
    if not s:
        sys.exit("set CLAIMDIFF_SHARED to the shared folder (../shared)")
    return Path(s)


def load_docs():
    """Every document a story may name: id -> (outlet, date, title, text)."""
    shared = shared_dir()
    docs = {}
    for line in open(shared / "bench" / "ecbplus" / "subtopics.jsonl", encoding="utf-8"):
        st = json.loads(line)
        for d in st["docs"]:
            docs["ecb:" + d["doc_id"]] = (d["doc_id"], "", d["title"], d["text"])
    for part in ("train", "dev"):
        for line in open(shared / "bench" / "polnear" / f"{part}.jsonl", encoding="utf-8"):
            r = json.loads(line)
            docs.setdefault("pol:" + r["doc_id"], (r["publisher"], r["date"], "", r["text"]))
    return docs


def article_file(doc):
    """The article file of a document: front matter, a blank line, the text."""
    outlet, date, title, text = doc
    head = [f"outlet: {outlet}"]
    if date:
        head.append(f"date: {date}")
    if title:
        head.append("title: " + " ".join(title.split()))
    return "---\n" + "\n".join(head) + "\n---\n\n" + text.strip() + "\n"


def file_name(doc_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", doc_id.split(":", 1)[1])[:80] + ".txt"


def write_stories(gold, out: Path):
    docs = load_docs()
    for st in gold["stories"]:
        d = out / st["id"].replace(":", "_")
        d.mkdir(parents=True, exist_ok=True)
        for doc_id in st["docs"]:
            if doc_id.startswith("data:"):
                src = ROOT / doc_id.split(":", 1)[1]
                (d / src.name).write_bytes(src.read_bytes())
            else:
                (d / file_name(doc_id)).write_text(article_file(docs[doc_id]), encoding="utf-8")


def story_dir(out: Path, st) -> Path:
    return out / st["id"].replace(":", "_")


def doc_of_file(st):
    m = {}
    for doc_id in st["docs"]:
        name = Path(doc_id.split(":", 1)[1]).name if doc_id.startswith("data:") else file_name(doc_id)
        m[name] = doc_id
    return m


def run_claims(binary, folder: Path, flags, files=None):
    files = files or sorted(str(p) for p in folder.iterdir())
    out = subprocess.run([binary, "compare", *files, "--format", "json", *flags], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{folder}: claimdiff failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def reports(binary, folder: Path, flags):
    """The story's report, or with --all-pairs one pairwise report per two of its articles."""
    if not ALL_PAIRS:
        return [run_claims(binary, folder, flags)]
    files = sorted(str(p) for p in folder.iterdir())
    return [run_claims(binary, folder, flags, [a, b]) for i, a in enumerate(files) for b in files[i + 1 :]]


def sentences(binary, path: Path):
    out = subprocess.run([binary, "split", str(path), "--format", "json"], capture_output=True, text=True, check=True)
    return [s["text"] for s in json.loads(out.stdout)]


def predicted_pairs(report, st):
    """Cross-outlet sentence pairs inside one shared claim: ((doc, idx), (doc, idx))."""
    by_file = doc_of_file(st)
    source_doc = {}
    for s in report["sources"]:
        source_doc[s["outlet"]] = by_file[Path(s["path"]).name]
    pairs = set()
    # Two articles give a pairwise report: its aligned rows are the pairs.
    for r in report.get("rows", []):
        if r.get("index_a") and r.get("index_b"):
            da, db = source_doc[r["source_a"]], source_doc[r["source_b"]]
            for i in r["index_a"]:
                for j in r["index_b"]:
                    x, y = (da, i), (db, j)
                    pairs.add((x, y) if x < y else (y, x))
    for c in report.get("claims", []):
        if c["status"] != "shared":
            continue
        members = [(source_doc[v["source"]], i) for v in c["variants"] for i in v["index"]]
        for x in members:
            for y in members:
                if x[0] < y[0]:
                    pairs.add((x, y))
    return pairs


def gold_index(gold, split):
    """(story, (doc, key), (doc, key)) -> label for the chosen split."""
    stories = {s["id"]: s for s in gold["stories"]}
    res = {}
    for p in gold["pairs"]:
        if split != "all" and stories[p["story"]]["split"] != split:
            continue
        a, b = (p["a"]["doc"], p["a"]["key"]), (p["b"]["doc"], p["b"]["key"])
        if b < a:
            a, b = b, a
        res[(p["story"], a, b)] = p["label"]
    return res


def keyed(binary, folder, st, cache):
    """(doc, idx) -> sentence key and text, for one story."""
    by_file = doc_of_file(st)
    if st["id"] not in cache:
        m = {}
        for p in sorted(folder.iterdir()):
            for i, s in enumerate(sentences(binary, p)):
                m[(by_file[p.name], i)] = (key(s), s)
        cache[st["id"]] = m
    return cache[st["id"]]


def evaluate(gold, out, binary, flags, split, cache):
    index = gold_index(gold, split)
    # Claims mode is three or more articles; two give a pairwise report
    # (measured apart with --pairwise).
    stories = [
        s
        for s in gold["stories"]
        if (split == "all" or s["split"] == split) and (ALL_PAIRS or (len(s["docs"]) >= 3) != PAIRWISE)
    ]
    tp = fp = judged = predicted = 0
    found_same = set()
    unjudged = []
    for st in stories:
        folder = story_dir(out, st)
        keys = keyed(binary, folder, st, cache)
        predicted_here = set()
        for report in reports(binary, folder, flags):
            predicted_here |= predicted_pairs(report, st)
        for x, y in sorted(predicted_here):
            predicted += 1
            a, b = (x[0], keys[x][0]), (y[0], keys[y][0])
            if b < a:
                a, b = b, a
            label = index.get((st["id"], a, b))
            if label is None:
                unjudged.append((st["id"], x, y))
                continue
            judged += 1
            if label == "same":
                tp += 1
                found_same.add((st["id"], a, b))
            else:
                fp += 1
    ids = {s["id"] for s in stories}
    gold_same = sum(1 for k, v in index.items() if v == "same" and k[0] in ids)
    precision = tp / judged if judged else 1.0
    recall = len(found_same) / gold_same if gold_same else 0.0
    return {
        "predicted": predicted,
        "judged": judged,
        "precision": precision,
        "recall": recall,
        "gold_same": gold_same,
        "unjudged": unjudged,
    }


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        flags = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    split = "test"
    if "--split" in argv:
        i = argv.index("--split")
        split = argv[i + 1]
        del argv[i : i + 2]
    global PAIRWISE, ALL_PAIRS
    if "--pairwise" in argv:
        argv.remove("--pairwise")
        PAIRWISE = True
    if "--all-pairs" in argv:
        argv.remove("--all-pairs")
        ALL_PAIRS = True
    cmd = argv[0]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = Path(argv[1])
    if cmd == "stories":
        write_stories(gold, out)
        return
    binary = argv[2]
    cache = {}
    if cmd == "eval":
        r = evaluate(gold, out, binary, flags, split, cache)
        print(
            f"split {split} {' '.join(flags) or '(default)'}: pairs in shared claims {r['predicted']}, "
            f"judged {r['judged']}, precision {r['precision']:.3f}, recall {r['recall']:.3f} "
            f"(of {r['gold_same']} same pairs)"
        )
    elif cmd == "curve":
        for t in ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"]:
            r = evaluate(gold, out, binary, flags + ["--claim-floor", t], split, cache)
            print(f"--claim-floor {t}: precision {r['precision']:.3f} recall {r['recall']:.3f} judged {r['judged']}/{r['predicted']}")
    elif cmd == "pool":
        r = evaluate(gold, out, binary, flags, "all", cache)
        with open(argv[3], "a", encoding="utf-8") as f:
            for sid, x, y in r["unjudged"]:
                keys = cache[sid]
                f.write(
                    json.dumps(
                        {
                            "story": sid,
                            "a": {"doc": x[0], "index": x[1], "key": keys[x][0]},
                            "b": {"doc": y[0], "index": y[1], "key": keys[y][0]},
                            "text_a": keys[x][1],
                            "text_b": keys[y][1],
                        }
                    )
                    + "\n"
                )
        print(f"{len(r['unjudged'])} unjudged pairs appended to {argv[3]}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
