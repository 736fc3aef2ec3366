#!/usr/bin/env python3
"""Score `claimdiff quotes` speakers against PolNeAR's attributions (standard library only).

    python3 benches/polnear_quotes.py [--split dev|train|both] [--binary PATH] [--misses N]
                                      [--json] [--dump-gold PATH] [--lexical]

Data: $CLAIMDIFF_SHARED/bench/polnear/{train,dev}.jsonl (default: ../shared beside the project), read at run time;
no article text is written into the project.

Gold: attributions with a source and a content whose content is a direct quotation: its
stripped text starts with a double quote mark (" “ ”, or NYT's two apostrophes ''), or the 1-2
characters before its first part are one (then the quoted span is the content's parts, quote marks
trimmed), or it holds a quoted stretch of 4+ words, unclosed at a part's end allowed (then the
quoted span is those stretches). One reading per doc_id: the first in file order. By source:
- named: the source has a name-like word: capitalised; not a pronoun/determiner/function word
  (He, The, This), title (Mr., Sen., President), party/nationality/day/month word (Republican,
  Democrats, American, Thursday); if sentence-initial, not written lower case 3+ times more often
  than capitalised in the split ("Officials", not "Trump"). A comma/paren/dash segment whose name
  only modifies a role noun ("a Warren adviser", "the aide to President Bush") names nobody. Gold's
  name is the head: last non-possessive run of name-like words in the first segment that has one
  ("Clinton campaign manager Robby Mook" -> Robby Mook, "the Clinton campaign" -> Clinton).
- pronoun/role (secondary): he/she/they/him/her, or a definite description without a name ("the
  senator", "the campaign"). Resolution: the nearest gold attribution of the same article whose
  source is named and starts before this source; unresolved when there is none (not scored).
- other ("a source", "officials", "who", "it"): counted, not scored.
claimdiff: each article is written to a temp dir as DOCID.txt; `quotes --format json` runs over
them in batches of 60 (a speaker is found per article, so batches give the same quotations, checked
on dev, while one report over 840 files, every quotation against every file, would be ~1 GB).
Its `parts` are UTF-8 byte ranges in the *cleaned* text (`extract --format json`; the cleaner drops
lines like "___" or credits and some spaces): bytes -> chars, then cleaned -> original offsets by
aligning lines (whitespace ignored, changed lines by difflib); a part whose mapped text differs is
searched for (spaces/quote marks ignored) nearest the mapped place, else counted unaligned.
Found: some claimdiff quotation (its parts) overlaps the quoted span by >= 50% of the shorter, or
the normalised words of one contain the other's (shorter of 3+ words); the one with the largest
overlap is judged. Speaker right: normalise (lower case, possessive 's, punctuation, titles
Mr./Mrs./Ms./Dr./Sen./Rep./Gov./President...); right when the last word of gold's head name is a
word of the speaker, or the last word of the speaker's head name is in a non-possessive name run of
the gold source ("the Times" ~ "The New York Times"). Pronoun/role: judged against the resolved
source. --dump-gold writes the named items as references only (offsets, sha1 of content text).
"""
import argparse, difflib, hashlib, json, os, random, re, subprocess, sys, tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKS = ("''", '"', "\u201c", "\u201d")
QCHARS = "\"'\u201c\u201d\u2018\u2019"
STRETCH = re.compile(r"(?:''|[\"\u201c\u201d])(.+?)(?:''|[\"\u201d\u201c]|$)", re.S)
STOP = set("""he she they it we i you him her them his hers their its our my your me us the a an this that these those
there here who whom whose which what one some many most other others another both each all several few any no none such
and or but of in on at for to by with from as said says according also then when while if so yet after before""".split())
TITLES = set("""mr mrs ms miss dr sen senator rep representative gov governor president vice former gen general lt col
sgt secretary judge justice rev reverend prof professor mayor chairman chairwoman chair speaker leader sir candidate
nominee""".split())
DESCRIPTORS = set("""republican republicans democratic democrat democrats american americans conservative conservatives
liberal liberals progressive progressives independent monday tuesday wednesday thursday friday saturday sunday january
february march april june july august september october november december""".split())
ROLES = set("""adviser advisers advisor aide aides member members candidate nominee spokesman spokeswoman spokesperson
official officials leader leaders strategist staffer operative source sources supporter supporters donor donors voter
voters""".split())
PARTICLES = {"de", "van", "von", "da", "del", "la", "le", "di", "bin", "al", "du"}
PREPS = {"to", "of", "for", "at", "with", "from", "in"}
PRONOUNS = {"he", "she", "they", "him", "her"}
WORD = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*\.?", re.U)


def load(split):
    path = Path(os.environ.get("CLAIMDIFF_SHARED", ROOT.parent / "shared")) / "bench" / "polnear" / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(f"{path}: not found (set CLAIMDIFF_SHARED to the shared folder)")
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.setdefault(r["doc_id"], r)  # the first reading of each article
    return list(docs.values())


def norm_word(w):
    return re.sub(r"['\u2019]s$|\.$", "", w.lower()).replace("\u2019", "'")


def runs(s, initial, lower):
    """Per comma/paren/dash segment, the runs of name-like words [(word, possessive)]; a segment whose
    names only modify a role noun ("a Warren adviser", "the aide to President Bush") has none."""
    out = []
    for seg in re.split(r"[,;()\u2014\u2013]|--| - ", s):
        seg_runs, cur, first, role = [], [], initial, False
        for m in WORD.finditer(seg):
            w = m.group(); n = norm_word(w)
            if role and n in PREPS:
                break
            role = (role or n in ROLES) and not (w[0].isupper() and n not in STOP)
            if (w[0].isupper() and n not in STOP and n not in TITLES and n not in DESCRIPTORS
                    and not (first and lower[n] >= 3)):
                cur.append((n, bool(re.search(r"['\u2019]s?$", w))))
                if cur[-1][1]:
                    seg_runs.append(cur); cur = []
            elif cur and n not in PARTICLES:
                seg_runs.append(cur); cur = []
            first = False
        seg_runs += [cur] if cur else []
        initial = False
        if seg_runs and not role:
            out.append(seg_runs)
    return out


def head(segs):
    """The last non-possessive run of the first segment with runs, as words."""
    if not segs:
        return []
    return [w for w, _ in ([r for r in segs[0] if not r[-1][1]] or segs[0])[-1]]


def speaker_right(gold_src, gold_initial, spk, lower):
    if not spk:
        return False
    g, s = runs(gold_src, gold_initial, lower), runs(spk, False, Counter())
    gname = {w for seg in g for r in seg if not r[-1][1] for w, _ in r}
    spk_words = {norm_word(w) for w in WORD.findall(spk)} - STOP - TITLES
    hg, hs = head(g), head(s)
    return bool((hg and hg[-1] in spk_words) or (hs and hs[-1] in gname))


def quoted_spans(text, content):
    """The quoted span of a direct quotation, as intervals, or None."""
    parts, s0 = content["parts"], content["parts"][0][0]
    if content["text"].strip().startswith(MARKS) or text[max(0, s0 - 2):s0].endswith(MARKS):
        strip = " \n\u00a0" + QCHARS
        return [(s + len(text[s:e]) - len(text[s:e].lstrip(strip)), s + len(text[s:e].rstrip(strip)))
                for s, e in parts]
    spans = [m.span() for s, e in parts for m in STRETCH.finditer(text, s, e)
             if len(re.findall(r"\w+", m.group(1))) >= 4]
    return spans or None


def gold(doc, lower):
    text, items, named_srcs = doc["text"], [], []
    for a in doc["attributions"]:
        src = a["source"]
        if not src or not src["parts"]:
            continue
        start = src["parts"][0][0]
        before = text[:start].rstrip()
        initial = not before or before[-1] in ".!?:\n" + QCHARS
        named = bool(runs(src["text"], initial, lower))
        if named:
            named_srcs.append((start, src, initial))
        spans = a["content"] and a["content"]["parts"] and quoted_spans(text, a["content"])
        if not spans:
            continue
        low = src["text"].strip().lower()
        kind = ("named" if named else "pronoun" if low in PRONOUNS
                else "role" if re.match(r"(the|this|that)\s", low) else "other")
        items.append({"doc_id": doc["doc_id"], "kind": kind, "spans": spans, "src": src,
                      "initial": initial, "content": a["content"], "resolved": None})
    for g in items:
        if g["kind"] in ("pronoun", "role"):
            prev = [x for x in named_srcs if x[0] < g["src"]["parts"][0][0]]
            g["resolved"] = max(prev, key=lambda x: x[0])[1:] if prev else None
    return items


def nows(s):
    return re.sub(r"[\s\u00a0" + QCHARS + "]+", "", s)


def align(orig, clean):
    """Map each char index of `clean` to one of `orig`: lines aligned with whitespace ignored,
    characters within equal lines in order, within changed lines by difflib."""
    lo = [m for m in re.finditer(r"[^\n]*\n?", orig) if m.group()]
    lc = [m for m in re.finditer(r"[^\n]*\n?", clean) if m.group()]
    cmap = [None] * (len(clean) + 1)
    sm = difflib.SequenceMatcher(None, [nows(m.group()) for m in lo], [nows(m.group()) for m in lc], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for a, b in zip(lo[i1:i2], lc[j1:j2]):
                pa = [a.start() + k for k, ch in enumerate(a.group()) if not ch.isspace()]
                pb = [b.start() + k for k, ch in enumerate(b.group()) if not ch.isspace()]
                for x, y in zip(pa, pb):
                    cmap[y] = x
        elif tag == "replace":
            oa, ob = lo[i1].start(), lc[j1].start()
            ra, rb = orig[oa:lo[i2 - 1].end()], clean[ob:lc[j2 - 1].end()]
            if len(ra) * len(rb) < 4e7:
                for blk in difflib.SequenceMatcher(None, ra, rb, autojunk=False).get_matching_blocks():
                    for k in range(blk.size):
                        cmap[ob + blk.b + k] = oa + blk.a + k
    last = 0
    for j, x in enumerate(cmap):
        cmap[j] = last = x if x is not None else last
    return cmap


def locate(orig, cmap, clean, cs, ce):
    """The original char interval of clean[cs:ce], or None."""
    os_, oe, want = cmap[cs], cmap[ce - 1] + 1, nows(clean[cs:ce])
    if nows(orig[os_:oe]) == want:
        return (os_, oe)
    pat = "[\\s\u00a0" + QCHARS + "]*"
    hits = [m.span() for m in re.finditer(pat.join(re.escape(c) for c in want), orig)] if want else []
    return min(hits, key=lambda h: abs(h[0] - os_)) if hits else None


def run_claimdiff(binary, docs, batch=60, lexical=False):
    """doc_id -> [{"spans": [(start, end)] in original chars, "text", "speaker"}], unaligned, total."""
    out, unaligned, total = {d["doc_id"]: [] for d in docs}, 0, 0
    by_id = {d["doc_id"]: d for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        paths = [os.path.join(tmp, d["doc_id"] + ".txt") for d in docs]
        for p, d in zip(paths, docs):
            Path(p).write_text(d["text"], encoding="utf-8")
        for i in range(0, len(paths), batch):
            def run(cmd):
                flags = ["--lexical"] if lexical and cmd == "quotes" else []
                argv = [binary, cmd, "--format", "json", *flags, *paths[i:i + batch]]
                return json.loads(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)
            cleaned, report, maps = {e["path"]: e["text"] for e in run("extract")}, run("quotes"), {}
            for q in report["quotes"]:
                path = report["sources"][q["source"]]["path"]
                doc_id = Path(path).name[:-len(".txt")]
                orig, clean = by_id[doc_id]["text"], cleaned[path]
                if path not in maps:
                    b2c, n = {}, 0
                    for k, ch in enumerate(clean):
                        b2c[n] = k; n += len(ch.encode("utf-8"))
                    b2c[n] = len(clean)
                    maps[path] = (b2c, align(orig, clean))
                b2c, cmap = maps[path]
                spans = [locate(orig, cmap, clean, b2c[s], b2c[e]) for s, e in q["parts"] if e > s]
                total += 1
                unaligned += not spans or None in spans
                out[doc_id].append({"spans": [x for x in spans if x], "text": q["text"], "speaker": q.get("speaker")})
    return out, unaligned, total


def overlap(a, b):
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(g, preds, text):
    """The claimdiff quotation that finds gold quotation g (largest overlap), or None."""
    words = lambda s: " ".join(re.findall(r"\w+", s.lower()))
    glen, gtxt = sum(e - s for s, e in g["spans"]), words(" ".join(text[s:e] for s, e in g["spans"]))
    best, score = None, 0
    for p in preds:
        plen, ov = sum(e - s for s, e in p["spans"]), overlap(g["spans"], p["spans"])
        if not (plen and glen and ov >= 0.5 * min(plen, glen)):
            ptxt = words(p["text"])
            short = min(ptxt, gtxt, key=len)
            ov = len(short) if len(short.split()) >= 3 and (ptxt in gtxt or gtxt in ptxt) else 0
        if ov > score:
            best, score = p, ov
    return best


def pct(a, b):
    return round(100.0 * a / b, 1) if b else 0.0


def score(split, binary, lexical=False):
    docs = load(split)
    lower = Counter()  # lower-case minus capitalised uses of each word
    for d in docs:
        for w in re.findall(r"\b[A-Za-z][a-z'-]*\b", d["text"]):
            lower[w.lower()] += 1 if w[0].islower() else -1
    preds, unaligned, total = run_claimdiff(binary, docs, lexical=lexical)
    res, kinds = [], Counter()
    for d in docs:
        for g in gold(d, lower):
            kinds[g["kind"]] += 1
            if g["kind"] == "other" or (g["kind"] != "named" and not g["resolved"]):
                kinds["unresolved"] += g["kind"] != "other"
                continue
            p = match(g, preds[d["doc_id"]], d["text"])
            src, initial = (g["src"], g["initial"]) if g["kind"] == "named" else g["resolved"]
            res.append((g, p, bool(p) and speaker_right(src["text"], initial, p["speaker"], lower), d))
    stats = {"articles": len(docs), "claimdiff_quotations": total, "unaligned": unaligned}
    for name, sel in (("named", ("named",)), ("pronoun_role", ("pronoun", "role"))):
        rs = [r for r in res if r[0]["kind"] in sel]
        n, found, right = len(rs), sum(1 for r in rs if r[1]), sum(1 for r in rs if r[2])
        wrong = sum(1 for r in rs if r[1] and r[1]["speaker"] and not r[2])
        stats[name] = {"gold": n, "found": found, "speaker_right": right, "speaker_wrong": wrong,
                       "found_pct": pct(found, n),
                       "right_pct_of_found": pct(right, found), "right_pct_of_all": pct(right, n)}
    stats["pronoun_role"]["unresolved"] = kinds.pop("unresolved", 0)
    stats["gold_kinds"] = dict(kinds)
    return stats, res


def show_misses(res, n, seed=0):
    misses = [r for r in res if not r[2]]
    for g, p, _, d in random.Random(seed).sample(misses, min(n, len(misses))):
        text, (s, e) = d["text"], (g["spans"][0][0], g["spans"][-1][1])
        quote = text[s:e] if e - s <= 80 else text[s:s + 38] + " [..] " + text[e - 38:e]
        resolved = f" -> {g['resolved'][0]['text']!r}" if g["resolved"] else ""
        spk = "NOT FOUND" if not p else repr(p["speaker"]) if p["speaker"] else "null"
        print(f"- {d['doc_id']} [{s},{e}] {g['kind']} gold={g['src']['text']!r}{resolved} claimdiff={spk}")
        window = text[max(0, s - 100):s] + "\u27e6" + quote + "\u27e7" + text[e:e + 100]
        print("    " + window.replace("\n", " \u00b6 "))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--split", choices=["dev", "train", "both"], default="dev")
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "claimdiff"))
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print N sample misses (article text)")
    ap.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    ap.add_argument("--dump-gold", metavar="PATH", help="write the named quotations as references (no text)")
    ap.add_argument("--lexical", action="store_true",
                    help="run quotes with --lexical: quotations and speakers never use the encoder (only the "
                         "paraphrases across files do; every quotation and speaker identical on dev), 50x faster")
    a = ap.parse_args()
    if not Path(a.binary).is_file():
        sys.exit(f"no claimdiff binary at {a.binary}: build it (cargo build --release) or pass --binary")
    allstats, dump = {}, []
    for split in ["dev", "train"] if a.split == "both" else [a.split]:
        stats, res = score(split, a.binary, a.lexical)
        allstats[split] = stats
        dump += [{"split": split, "doc_id": g["doc_id"], "content": g["content"]["parts"], "quoted": g["spans"],
                  "source": g["src"]["parts"], "content_sha1": hashlib.sha1(g["content"]["text"].encode()).hexdigest()}
                 for g, _, _, _ in res if g["kind"] == "named"]
        if a.json:
            continue
        print(f"{split}: {stats['articles']} articles, {stats['claimdiff_quotations']} claimdiff quotations "
              f"({stats['unaligned']} unaligned); gold direct quotations by source: "
              + ", ".join(f"{k} {v}" for k, v in sorted(stats["gold_kinds"].items())))
        for name, label in (("named", "named"), ("pronoun_role", "pronoun/role, resolved")):
            x = stats[name]
            print(f"  {label}: {x['gold']}; found {x['found']} ({x['found_pct']}%); speaker right {x['speaker_right']} "
                  f"({x['right_pct_of_found']}% of found, {x['right_pct_of_all']}% of all); "
                  f"wrong (not null) {x['speaker_wrong']}")
        print(f"  pronoun/role unresolved (no named source before it): {stats['pronoun_role']['unresolved']}")
        if a.misses:
            show_misses(res, a.misses)
    if a.dump_gold:
        with open(a.dump_gold, "w", encoding="utf-8") as f:
            json.dump({"dataset": "PolNeAR v1.0", "items": dump}, f, indent=1)
    if a.json:
        print(json.dumps(allstats))


if __name__ == "__main__":
    main()
