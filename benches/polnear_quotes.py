#!/usr/bin/env python3
"""Score `claimdiff quotes` speakers against PolNeAR's attributions (standard library only).

    python3 benches/polnear_quotes.py [--split dev|train|both] [--binary PATH] [--misses N]
                                      [--json] [--dump-gold PATH]

Data: $CLAIMDIFF_SHARED/bench/polnear/{train,dev}.jsonl (default ../shared, from the working
directory), read at run time; no article text is written into the project. One reading per
doc_id: the first in file order.

Gold. An attribution counts when it has a source and a content, and the content is a direct
quotation: (a) its stripped text begins with a double quote mark (" “ ” or NYT's two
apostrophes ''), or (b) the one/two characters before its first part are such a mark, or (c) its
text holds a quoted stretch ("...", “...”, ''...'', unclosed at the part's end allowed) of at
least 4 words. The quoted span scored is the content's parts for (a)/(b), the quoted stretches of
4+ words for (c). By source, a quotation is
  - named: the source holds a name-like word: capitalised, not a pronoun/determiner/function
    word (He, The, This, ...), not a title (Mr., Sen., President, ...), not a party/nationality
    word (Republican, Democrats, American, ...), and, as the first word of a sentence, not a word
    the split's text also writes in lower case 3+ times ("Officials", "Critics"). Its name is the
    head run of name-like words: in the source's first comma/paren/dash segment that has one, the
    last run not marked possessive ("Clinton campaign manager Robby Mook" -> Robby Mook, "Trump's
    aide Kellyanne Conway" -> Kellyanne Conway, "the Clinton campaign" -> Clinton).
  - pronoun/role (secondary): the source is he/she/they/him/her or a definite description
    ("the senator", "the campaign": starts with the/this/that, no name-like word). Resolution:
    the nearest gold attribution of the same article whose source starts before this source
    and is named; its source is the right speaker. None before: unresolved (not scored).
  - other unnamed sources ("a source", "officials", "who", "it") are counted, not scored.

claimdiff. Each article is written to a temp dir as DOCID.txt (doc ids are [A-Za-z0-9_.-]) and
`quotes --format json` runs over them in batches of 60 files: the speaker of a quotation is found
per article (same output as one run over all files, checked on dev), but the report lists each
quotation against every other file, so one run over 840 files would print ~1 GB. Its `parts`
are UTF-8 byte ranges in the *cleaned* text (`extract --format json` gives that text; the cleaner
drops lines such as "___" or reporting credits and changes some spaces). Byte offsets are turned
into char offsets, then mapped to the original text by aligning lines (whitespace ignored;
changed runs by difflib); a part whose mapped text differs is searched for (whitespace ignored)
nearest the mapped place; parts not found either way are reported as unaligned.

Found: some claimdiff quotation (union of its parts) overlaps the gold quoted span by >= 50% of
the shorter, or the whitespace/quote-normalised text of one contains the other's (shorter one of
3+ words). The quotation with the largest overlap is the one whose speaker is judged.
Speaker right: normalise (lower case, possessive 's, punctuation, titles Mr./Mrs./Ms./Dr./Sen./
Rep./Gov./President/...); right when the last word of gold's head name is a word of claimdiff's
speaker, or the last word of the speaker's head name is a word of a non-possessive name run of
the gold source (so "the Times" ~ "The New York Times", "Trump" ~ "Donald J. Trump"). A pronoun/role
quotation is judged against its resolved source.
"""
import argparse, difflib, hashlib, json, os, random, re, subprocess, sys, tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKS = ("''", '"', "\u201c", "\u201d")
STRETCH = re.compile(r"(?:''|[\"\u201c\u201d])(.+?)(?:''|[\"\u201d\u201c]|$)", re.S)
STOP = set("""he she they it we i you him her them his hers their its our my your me us the a an
this that these those there here who whom whose which what one some many most other others
another both each all several few any no none such and or but of in on at for to by with from
as said says according also then when while if so yet after before""".split())
TITLES = set("""mr mrs ms miss dr sen senator rep representative gov governor president vice former
gen general lt col sgt secretary judge justice rev reverend prof professor mayor chairman
chairwoman chair speaker leader sir candidate nominee""".split())
DESCRIPTORS = set("""republican republicans democratic democrat democrats american americans
conservative conservatives liberal liberals progressive progressives independent monday tuesday
wednesday thursday friday saturday sunday january february march april june july august september
october november december""".split())
ROLES = set("""adviser advisers advisor aide aides member members candidate nominee spokesman spokeswoman
spokesperson official officials leader leaders strategist staffer operative source sources supporter
supporters donor donors voter voters""".split())
PARTICLES = {"de", "van", "von", "da", "del", "la", "le", "di", "bin", "al", "du"}
PRONOUNS = {"he", "she", "they", "him", "her"}
WORD = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*\.?", re.U)


def shared_dir():
    s = Path(os.environ.get("CLAIMDIFF_SHARED", "../shared"))
    return s if s.exists() else ROOT.parent / "shared"


def load(split):
    docs, seen = [], set()
    with open(shared_dir() / "bench" / "polnear" / f"{split}.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["doc_id"] not in seen:
                seen.add(r["doc_id"])
                docs.append(r)
    return docs


def norm_word(w):
    return re.sub(r"['\u2019]s$|\.$", "", w.lower()).replace("\u2019", "'")


def runs(s, initial, lower):
    """Segments of name-like words, each [(word, possessive)], by comma/paren/dash segment;
    a segment whose last run only modifies a role noun ("a Warren adviser") has none."""
    out = []
    for seg in re.split(r"[,;()\u2014\u2013]|--| - ", s):
        seg_runs, cur, first, role = [], [], initial, False
        for m in WORD.finditer(seg):
            w = m.group(); n = norm_word(w)
            if role and n in ("to", "of", "for", "at", "with", "from", "in"):
                break  # "the former top aide to President George W. Bush"
            role = (role or n in ROLES) and not (w[0].isupper() and n not in STOP)
            name = (w[0].isupper() and n not in STOP and n not in TITLES and n not in DESCRIPTORS
                    and not (first and lower[n] >= 3))
            first = False
            if name:
                cur.append((n, bool(re.search(r"['\u2019]s?$", w))))
                if cur[-1][1]:
                    seg_runs.append(cur); cur = []
            elif n in PARTICLES and cur:
                continue
            elif cur:
                seg_runs.append(cur); cur = []
        if cur:
            seg_runs.append(cur)
        initial = False
        if seg_runs and not role:
            out.append(seg_runs)
    return out


def head(segs):
    """Last non-possessive run of the first segment with runs (else its last run)."""
    if not segs:
        return []
    good = [r for r in segs[0] if not r[-1][1]] or segs[0]
    return [w for w, _ in good[-1]]


def words(s):
    return {norm_word(w) for w in WORD.findall(s)} - STOP - TITLES


def speaker_right(gold_src, gold_initial, spk, lower):
    if not spk:
        return False
    g = runs(gold_src, gold_initial, lower)
    s = runs(spk, False, Counter())
    gname = {w for seg in g for r in seg if not r[-1][1] for w, _ in r}
    hg, hs = head(g), head(s)
    return bool((hg and hg[-1] in words(spk)) or (hs and hs[-1] in gname))


def sentence_initial(text, start):
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n\"\u201c\u201d'"


def quoted(text, content):
    """Direct-quotation test: (kind, quoted intervals) or None."""
    parts = [(s, e) for s, e in content["parts"]]
    s0 = parts[0][0]
    if content["text"].strip().startswith(MARKS) or text[max(0, s0 - 2):s0].endswith(MARKS):
        return "marked", [trim(text, s, e) for s, e in parts]
    spans = []
    for s, e in parts:
        for m in STRETCH.finditer(text, s, e):
            if len(re.findall(r"\w+", m.group(1))) >= 4:
                spans.append((m.start(), m.end()))
    return ("inner", spans) if spans else None


def trim(text, s, e):
    while s < e and (text[s].isspace() or text[s] in "\"'\u201c\u201d"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'\u201c\u201d"):
        e -= 1
    return (s, e)


def gold(doc, lower):
    text, named, attrs = doc["text"], [], []
    for a in doc["attributions"]:
        src = a["source"]
        if not src or not src["parts"]:
            continue
        ss = src["parts"][0][0]
        ini = sentence_initial(text, ss)
        segs = runs(src["text"], ini, lower)
        attrs.append((ss, src, ini, bool(segs)))
        if not a["content"] or not a["content"]["parts"]:
            continue
        q = quoted(text, a["content"])
        if not q:
            continue
        low = src["text"].strip().lower()
        kind = ("named" if segs else "pronoun" if low in PRONOUNS
                else "role" if re.match(r"(the|this|that)\s", low) else "other")
        named.append({"doc_id": doc["doc_id"], "kind": kind, "spans": q[1], "src": src,
                      "initial": ini, "content": a["content"]})
    for g in named:
        g["resolved"] = None
        if g["kind"] in ("pronoun", "role"):
            prev = [x for x in attrs if x[3] and x[0] < g["src"]["parts"][0][0]]
            if prev:
                x = max(prev, key=lambda x: x[0])
                g["resolved"] = (x[1], x[2])
    return named


def nows(s):
    return re.sub(r"[\s\u00a0\"'\u201c\u201d\u2018\u2019]+", "", s)


def align(orig, clean):
    """Map each char index of `clean` to an index of `orig` (line alignment, spaces ignored)."""
    lo = [m for m in re.finditer(r"[^\n]*\n?", orig) if m.group()]
    lc = [m for m in re.finditer(r"[^\n]*\n?", clean) if m.group()]
    cmap = [None] * (len(clean) + 1)
    sm = difflib.SequenceMatcher(None, [nows(m.group()) for m in lo],
                                 [nows(m.group()) for m in lc], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for a, b in zip(lo[i1:i2], lc[j1:j2]):
                pa = [a.start() + k for k, ch in enumerate(a.group()) if not ch.isspace()]
                pb = [b.start() + k for k, ch in enumerate(b.group()) if not ch.isspace()]
                for x, y in zip(pa, pb):
                    cmap[y] = x
        elif tag == "replace" and i2 > i1 and j2 > j1:
            oa, ob = lo[i1].start(), lc[j1].start()
            ra, rb = orig[oa:lo[i2 - 1].end()], clean[ob:lc[j2 - 1].end()]
            if len(ra) * len(rb) < 4e7:
                m = difflib.SequenceMatcher(None, ra, rb, autojunk=False)
                for blk in m.get_matching_blocks():
                    for k in range(blk.size):
                        cmap[ob + blk.b + k] = oa + blk.a + k
    last = 0
    for j in range(len(cmap)):
        cmap[j] = last = cmap[j] if cmap[j] is not None else last
    return cmap


def locate(orig, cmap, clean, cs, ce):
    """Original char interval of clean[cs:ce], or None."""
    if ce <= cs:
        return None
    os_, oe = cmap[cs], cmap[ce - 1] + 1
    want = nows(clean[cs:ce])
    if nows(orig[os_:oe]) == want:
        return (os_, oe)
    pat = r"[\s\u00a0\"'\u201c\u201d\u2018\u2019]*".join(re.escape(c) for c in want)
    hits = [m.span() for m in re.finditer(pat, orig)] if want else []
    return min(hits, key=lambda h: abs(h[0] - os_)) if hits else None


def run_claimdiff(binary, docs, batch=60):
    """doc_id -> [{"spans": [(s, e)], "text", "speaker"}] in original char offsets."""
    out, unaligned, total = {d["doc_id"]: [] for d in docs}, 0, 0
    by_id = {d["doc_id"]: d for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in docs:
            p = os.path.join(tmp, d["doc_id"] + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(d["text"])
            paths.append(p)
        for i in range(0, len(paths), batch):
            chunk = paths[i:i + batch]
            run = lambda *a: json.loads(subprocess.run(
                [binary, *a, "--format", "json", *chunk], check=True,
                capture_output=True, text=True).stdout)
            cleaned = {e["path"]: e["text"] for e in run("extract")}
            rep = run("quotes")
            maps = {}
            for q in rep["quotes"]:
                path = rep["sources"][q["source"]]["path"]
                doc_id = Path(path).name[:-4]
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
                if any(s is None for s in spans) or not spans:
                    unaligned += 1
                out[doc_id].append({"spans": [s for s in spans if s], "text": q["text"],
                                    "speaker": q.get("speaker")})
    return out, unaligned, total


def overlap(a, b):
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def qnorm(s):
    return " ".join(re.findall(r"\w+", s.lower()))


def match(g, preds, text):
    glen, gtxt = sum(e - s for s, e in g["spans"]), qnorm(" ".join(text[s:e] for s, e in g["spans"]))
    best, score = None, 0
    for p in preds:
        plen, ov = sum(e - s for s, e in p["spans"]), overlap(g["spans"], p["spans"])
        ok = plen and glen and ov >= 0.5 * min(plen, glen)
        if not ok:
            ptxt = qnorm(p["text"])
            short = min(ptxt, gtxt, key=len)
            ok = len(short.split()) >= 3 and (ptxt in gtxt or gtxt in ptxt)
            ov = len(short) if ok else 0
        if ok and ov > score:
            best, score = p, ov
    return best


def score(split, binary):
    docs = load(split)
    lower = Counter()  # lower-case minus capitalised uses of each word
    for d in docs:
        for w in re.findall(r"\b[A-Za-z][a-z'-]*\b", d["text"]):
            lower[w.lower()] += 1 if w[0].islower() else -1
    preds, unaligned, total = run_claimdiff(binary, docs)
    res, kinds = [], Counter()
    for d in docs:
        for g in gold(d, lower):
            kinds[g["kind"]] += 1
            if g["kind"] == "other" or (g["kind"] != "named" and not g["resolved"]):
                continue
            p = match(g, preds[d["doc_id"]], d["text"])
            src, ini = (g["src"], g["initial"]) if g["kind"] == "named" else g["resolved"]
            right = bool(p) and speaker_right(src["text"], ini, p["speaker"], lower)
            res.append((g, p, right, d))
    stats = {"articles": len(docs), "claimdiff_quotations": total, "unaligned": unaligned,
             "gold_kinds": dict(kinds)}
    for name, sel in (("named", ("named",)), ("pronoun_role", ("pronoun", "role"))):
        rs = [r for r in res if r[0]["kind"] in sel]
        n, found, right = len(rs), sum(1 for r in rs if r[1]), sum(1 for r in rs if r[2])
        stats[name] = {"gold": n, "found": found, "speaker_right": right,
                       "found_pct": pct(found, n), "right_pct_of_found": pct(right, found),
                       "right_pct_of_all": pct(right, n)}
    stats["pronoun_role"]["unresolved"] = sum(
        1 for d in docs for g in gold(d, lower) if g["kind"] in ("pronoun", "role") and not g["resolved"])
    return stats, res


def pct(a, b):
    return round(100.0 * a / b, 1) if b else 0.0


def show_misses(res, n, seed=0):
    misses = [r for r in res if not r[2]]
    for g, p, _, d in random.Random(seed).sample(misses, min(n, len(misses))):
        text, (s, e) = d["text"], (g["spans"][0][0], g["spans"][-1][1])
        quote = text[s:e] if e - s <= 80 else text[s:s + 38] + " [..] " + text[e - 38:e]
        res_src = f" -> {g['resolved'][0]['text']!r}" if g["resolved"] else ""
        print(f"- {d['doc_id']} [{s},{e}] {g['kind']} gold={g['src']['text']!r}{res_src} "
              f"claimdiff={'NOT FOUND' if not p else repr(p['speaker']) if p['speaker'] else 'null'}")
        print("    " + (text[max(0, s - 100):s] + "\u27e6" + quote + "\u27e7" + text[e:e + 100])
              .replace("\n", " \u00b6 "))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "train", "both"], default="dev")
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "claimdiff"))
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump-gold", metavar="PATH")
    a = ap.parse_args()
    splits = ["dev", "train"] if a.split == "both" else [a.split]
    allstats, dump = {}, []
    for split in splits:
        stats, res = score(split, a.binary)
        allstats[split] = stats
        for g, _, _, _ in res:
            if g["kind"] == "named":
                dump.append({"split": split, "doc_id": g["doc_id"], "content": g["content"]["parts"],
                             "quoted": g["spans"], "source": g["src"]["parts"],
                             "content_sha1": hashlib.sha1(g["content"]["text"].encode()).hexdigest()})
        if not a.json:
            nm, pr = stats["named"], stats["pronoun_role"]
            print(f"{split}: {stats['articles']} articles, {stats['claimdiff_quotations']} claimdiff "
                  f"quotations ({stats['unaligned']} unaligned); gold direct quotations by source: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(stats["gold_kinds"].items())))
            print(f"  named: {nm['gold']}; found {nm['found']} ({nm['found_pct']}%); speaker right "
                  f"{nm['speaker_right']} ({nm['right_pct_of_found']}% of found, "
                  f"{nm['right_pct_of_all']}% of all)")
            print(f"  pronoun/role (resolved {pr['gold']}, unresolved {pr['unresolved']}): found "
                  f"{pr['found']} ({pr['found_pct']}%); speaker right {pr['speaker_right']} "
                  f"({pr['right_pct_of_found']}% of found, {pr['right_pct_of_all']}% of all)")
            if a.misses:
                show_misses(res, a.misses)
    if a.dump_gold:
        with open(a.dump_gold, "w", encoding="utf-8") as f:
            json.dump({"dataset": "PolNeAR v1.0", "items": dump}, f, indent=1)
    if a.json:
        print(json.dumps(allstats))


if __name__ == "__main__":
    sys.exit(main())
