#!/usr/bin/env python3
"""Derivation gold: real same-event story pairs, derived (copied or rewritten from one
wire story) or independent, for calibrating `check`'s reuse score and labels.

The pairs come from ../shared (ECB+ subtopics: articles from different outlets on one
event). The gold file (tests/gold/reuse-pairs.json) names each pair's story and
reference by ECB+ doc id, says whether the story is derived from the reference
(`wholly`, `partly` or `not`), and for about 30 pairs labels every story sentence
(`verbatim`, `rewritten`, `new`, as data/reuse/README.md defines them) by index and
sentence key (benches/claims_gold.py key()), as `claimdiff split` segments the story
file written here. Never the text.

    CLAIMDIFF_SHARED=../shared python3 benches/reuse_gold.py files OUT
        writes OUT/<pair-id>/story.txt and OUT/<pair-id>/ref/ref.txt (front matter:
        outlet = doc id, title), the files `eval` checks (OUT stays outside the
        project: it holds article text).
    CLAIMDIFF_SHARED=../shared python3 benches/reuse_gold.py eval BINARY [--split test|train|all] [-v] [-- FLAGS]
        runs `BINARY check story.txt --against ref --format json FLAGS` on each pair of
        the split (default test) and prints
        (a) the AUC of reuse.score, derived (wholly + partly) against independent
            (and against the hard independents only);
        (b) the same AUC for two baselines on the same segmented text: the share of
            the story's word types found in the reference, and the story's word-trigram
            containment in the reference;
        (c) on the sentence-labelled pairs: F1 of the `new` label for check's
            derivation labels, and for per-sentence word-trigram containment below a
            cut (the cut that maximises F1 on the train split), with check's agreement
            on all three labels;
        (d) counts;
        then the same numbers for data/reuse (the project's sample, labels.json).
        -v prints one line per pair.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_gold import article_file, key  # noqa: E402  (the same files and sentence keys)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "reuse-pairs.json"
REUSE = ROOT / "data" / "reuse"
LABELS = ("verbatim", "rewritten", "new")


def words(text):
    return re.findall(r"[^\W_]+", text.lower())


def shared_dir() -> Path:
    s = os.environ.get("CLAIMDIFF_SHARED")
    if not s:
        sys.exit("set CLAIMDIFF_SHARED to the shared folder (../shared)")
    return Path(s)


def load_ecb():
    """doc_id -> (outlet, date, title, text), as claims_gold.py writes an ECB+ article."""
    docs = {}
    with open(shared_dir() / "bench" / "ecbplus" / "subtopics.jsonl", encoding="utf-8") as f:
        for line in f:
            for d in json.loads(line)["docs"]:
                docs[d["doc_id"]] = (d["doc_id"], "", d["title"], d["text"])
    return docs


def pair_id(p):
    return f"{p['story']}--{p['ref']}"


def write_files(gold, out: Path):
    docs = load_ecb()
    for p in gold["pairs"]:
        d = out / pair_id(p)
        (d / "ref").mkdir(parents=True, exist_ok=True)
        (d / "story.txt").write_text(article_file(docs[p["story"]]), encoding="utf-8")
        (d / "ref" / "ref.txt").write_text(article_file(docs[p["ref"]]), encoding="utf-8")


def split_sentences(binary, path: Path):
    out = subprocess.run([binary, "split", str(path), "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{path}: claimdiff split failed: {out.stderr.strip()}")
    return [s["text"] for s in json.loads(out.stdout)]


def run_check(binary, story: Path, ref: Path, flags):
    out = subprocess.run(
        [binary, "check", str(story), "--against", str(ref), "--format", "json", *flags], capture_output=True, text=True
    )
    if out.returncode not in (0, 1):
        raise SystemExit(f"{story}: claimdiff check failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def grams(ws, n=3):
    """Word n-grams of one sentence; a sentence shorter than n is one gram of itself."""
    if not ws:
        return []
    n = min(n, len(ws))
    return [tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)]


class Texts:
    """A story and its references as `claimdiff split` segments them, with the baselines."""

    def __init__(self, story_sents, ref_sents):
        self.story = story_sents
        self.ref = ref_sents
        self.ref_words = {w for s in ref_sents for w in words(s)}
        self.ref_grams = {}
        for s in ref_sents:
            ws = words(s)
            for n in (1, 2, 3):
                for g in grams(ws, n):
                    self.ref_grams.setdefault(n, set()).add(g)

    def word_share(self):
        types = {w for s in self.story for w in words(s)}
        return len(types & self.ref_words) / len(types) if types else 0.0

    def containment(self):
        gs = [g for s in self.story for g in grams(words(s))]
        return sum(g in self.ref_grams.get(len(g), ()) for g in gs) / len(gs) if gs else 0.0

    def sentence_containment(self, i):
        gs = grams(words(self.story[i]))
        return sum(g in self.ref_grams.get(len(g), ()) for g in gs) / len(gs) if gs else 0.0


def auc(pos, neg):
    """Probability that a positive scores above a negative (ties count one half)."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def f1(pairs):
    """F1 of the `new` label over (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g == "new" and p == "new")
    fp = sum(1 for g, p in pairs if g != "new" and p == "new")
    fn = sum(1 for g, p in pairs if g == "new" and p != "new")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


def best_cut(rows):
    """The containment cut (predict `new` below it) that maximises F1 of `new` on rows of (gold, containment)."""
    cands = sorted({c for _, c in rows} | {1.01})
    best = (-1.0, 0.0)
    for t in cands:
        score = f1([(g, "new" if c < t else "old") for g, c in rows])[0]
        if score > best[0]:
            best = (score, t)
    return best[1]


def gold_sentences(p, texts, moved):
    """(index in today's segmentation, gold label) for a pair's labelled sentences, found by key."""
    keys = [key(s) for s in texts.story]
    out = []
    # Reuse is copying: a story written independently of the reference
    # copies none of its sentences, however many facts it restates (the
    # judged labels of independent pairs say which sentences restate the
    # reference's facts; they count as `new` here, as in METER-style gold).
    copied = p["derived"] != "not"
    for s in p.get("sentences", []):
        i = s["index"]
        label = s["label"] if copied else "new"
        if i < len(keys) and keys[i] == s["key"]:
            out.append((i, label))
        elif keys.count(s["key"]) == 1:
            moved["moved"] += 1
            out.append((keys.index(s["key"]), label))
        else:
            moved["missing"] += 1
    return out


def measure(items, verbose):
    """items: (name, derived, hard, texts, report, labelled[(i, gold)]) -> the printed numbers."""
    derived = [it for it in items if it[1] != "not"]
    indep = [it for it in items if it[1] == "not"]
    hard = [it for it in indep if it[2]]
    score = lambda it: it[4]["reuse"]["score"]  # noqa: E731
    verb = lambda it: it[4]["reuse"]["verbatim"]  # noqa: E731
    share = lambda it: it[3].word_share()  # noqa: E731
    cont = lambda it: it[3].containment()  # noqa: E731
    res = {}
    for name, fn in (
        ("claimdiff reuse.score", score),
        ("claimdiff reuse.verbatim (extra)", verb),
        ("baseline word share", share),
        ("baseline trigram containment", cont),
    ):
        res[name] = (auc([fn(i) for i in derived], [fn(i) for i in indep]), auc([fn(i) for i in derived], [fn(i) for i in hard]))
    if verbose:
        for it in items:
            lab = Counter(d["label"] for d in it[4]["derivation"])
            print(
                f"  {it[0]:32} {it[1]:6} {'hard' if it[2] else '    '} score {score(it):.2f} verbatim {verb(it):.2f} share {share(it):.2f} "
                f"contain {cont(it):.2f}  v/r/n {lab['verbatim']}/{lab['rewritten']}/{lab['new']}"
            )
    return res, len(derived), len(indep), len(hard)


def sentence_rows(items):
    """(gold, check label, trigram containment) for every labelled sentence."""
    rows = []
    for it in items:
        by_index = {d["index"]: d["label"] for d in it[4]["derivation"]}
        for i, g in it[5]:
            rows.append((g, by_index.get(i, "missing"), it[3].sentence_containment(i)))
    return rows


def print_block(title, items, verbose, cut, cut_note):
    print(title)
    res, nd, ni, nh = measure(items, verbose)
    for name, (a, ah) in res.items():
        hard_part = f"   (vs hard independents only: {ah:.3f})" if nh else ""
        print(f"  (a/b) AUC derived vs independent, {name:33} {a:.3f}{hard_part}")
    rows = sentence_rows(items)
    if rows:
        fc = f1([(g, p) for g, p, _ in rows])
        fb = f1([(g, "new" if c < cut else "old") for g, _, c in rows])
        agree = sum(1 for g, p, _ in rows if g == p)
        print(f"  (c) F1 of `new`, claimdiff labels:              {fc[0]:.3f} (precision {fc[1]:.3f}, recall {fc[2]:.3f})")
        print(
            f"  (c) F1 of `new`, trigram containment < {cut:.3f}:  {fb[0]:.3f} (precision {fb[1]:.3f}, recall {fb[2]:.3f}; {cut_note})"
        )
        print(f"  (c) claimdiff agrees with {agree} of {len(rows)} sentence labels")
        conf = Counter((g, p) for g, p, _ in rows)
        print("      gold \\ claimdiff   " + "  ".join(f"{x:>9}" for x in LABELS))
        for g in LABELS:
            print(f"      {g:18} " + "  ".join(f"{conf[(g, x)]:>9}" for x in LABELS))
    gl = Counter(g for g, _, _ in rows)
    print(
        f"  (d) pairs {len(items)}: derived {nd} (wholly {sum(1 for i in items if i[1] == 'wholly')}, "
        f"partly {sum(1 for i in items if i[1] == 'partly')}), independent {ni} ({nh} hard); "
        f"sentence-labelled pairs {sum(1 for i in items if i[5])}, sentences {len(rows)} "
        f"(verbatim {gl['verbatim']}, rewritten {gl['rewritten']}, new {gl['new']})"
    )


def ecb_items(gold, binary, flags, split, folder: Path, moved):
    items = []
    for p in gold["pairs"]:
        if split != "all" and p["split"] != split:
            continue
        d = folder / pair_id(p)
        texts = Texts(split_sentences(binary, d / "story.txt"), split_sentences(binary, d / "ref" / "ref.txt"))
        report = run_check(binary, d / "story.txt", d / "ref", flags)
        if report["story"]["sentences"] != len(texts.story):
            print(f"warning: {pair_id(p)}: check reads {report['story']['sentences']} sentences, split {len(texts.story)}")
        items.append((pair_id(p), p["derived"], bool(p.get("hard")), texts, report, gold_sentences(p, texts, moved)))
    return items


def reuse_items(binary, flags):
    labels = json.loads((REUSE / "labels.json").read_text(encoding="utf-8"))
    wire = REUSE / Path(labels["wire"]).parent
    ref_sents = [s for f in sorted(wire.iterdir()) for s in split_sentences(binary, f)]
    items = []
    for st in labels["stories"]:
        path = REUSE / st["file"]
        texts = Texts(split_sentences(binary, path), ref_sents)
        report = run_check(binary, path, wire, flags)
        items.append((Path(st["file"]).stem, st["derived"], False, texts, report, list(enumerate(st["labels"]))))
    return items


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
        if split not in ("test", "train", "all"):
            sys.exit("--split takes test, train or all")
    verbose = False
    for v in ("-v", "--verbose"):
        if v in argv:
            argv.remove(v)
            verbose = True
    if len(argv) != 2 or argv[0] not in ("files", "eval"):
        sys.exit(__doc__)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if argv[0] == "files":
        write_files(gold, Path(argv[1]))
        return
    binary = argv[1]
    with tempfile.TemporaryDirectory(prefix="reuse_gold.") as tmp:
        folder = Path(tmp)
        write_files(gold, folder)
        moved = Counter()
        # The containment cut is chosen on the train split's labelled sentences.
        train = ecb_items(gold, binary, flags, "train", folder, moved if split == "train" else Counter())
        cut = best_cut([(g, c) for g, _, c in sentence_rows(train)])
        items = train if split == "train" else ecb_items(gold, binary, flags, split, folder, moved)
    note = "cut chosen on this same train split" if split == "train" else "cut chosen on the train split"
    print(f"check flags: {' '.join(flags) or '(default)'}; scorer {items[0][4]['scorer'] if items else '?'}")
    print_block(f"ECB+ pairs, split {split}:", items, verbose, cut, note)
    if moved["moved"] or moved["missing"]:
        print(f"  note: {moved['moved']} labelled sentences moved, {moved['missing']} not found (segmentation changed)")
    print_block("data/reuse (3 stories against the wire, labels.json):", reuse_items(binary, flags), verbose, cut, "cut from ECB+ train")


if __name__ == "__main__":
    main()
