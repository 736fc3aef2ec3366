#!/usr/bin/env python3
"""Article body extraction on the public benchmark in ../shared.

    CLAIMDIFF_SHARED=../shared python3 benches/extraction.py target/release/claimdiff [--split all|test|train]

Runs ONE `claimdiff extract --format json` over the benchmark's pages (the
folder of .html.gz files), times it whole process, scores the bodies with the
benchmark's own metric (score_extraction.py), and, when the `trafilatura`
Python package is importable, runs trafilatura in-process over the same pages
for a side-by-side score and time. The split: pages whose key's first hex
digit is 0-9 are `train`, a-f `test` (held out: nothing was chosen on them).
No page text is written outside a temporary folder.
"""
import json, os, subprocess, sys, tempfile, time, gzip, shutil

def main():
    shared = os.environ.get("CLAIMDIFF_SHARED")
    if not shared:
        sys.exit("set CLAIMDIFF_SHARED to the shared folder")
    bench = os.path.join(shared, "bench", "article-extraction")
    binary = sys.argv[1]
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "all"
    truth = json.load(open(os.path.join(bench, "ground-truth.json")))
    keys = sorted(truth)
    if split == "train":
        keys = [k for k in keys if k[0] in "0123456789"]
    elif split == "test":
        keys = [k for k in keys if k[0] in "abcdef"]
    with tempfile.TemporaryDirectory() as tmp:
        pages = os.path.join(tmp, "pages")
        os.mkdir(pages)
        for k in keys:
            shutil.copy(os.path.join(bench, "html", k + ".html.gz"), pages)
        sub_truth = os.path.join(tmp, "truth.json")
        json.dump({k: truth[k] for k in keys}, open(sub_truth, "w"))
        t = time.time()
        out = subprocess.run([binary, "extract", "--format", "json", pages], capture_output=True, text=True)
        ours_s = time.time() - t
        got = json.loads(out.stdout or "[]")
        pred = {}
        for a in got:
            key = os.path.basename(a["path"]).split(".")[0]
            pred[key] = {"articleBody": a["text"]}
        skipped = len(keys) - len(pred)
        for k in keys:
            pred.setdefault(k, {"articleBody": ""})
        pred_path = os.path.join(tmp, "ours.json")
        json.dump(pred, open(pred_path, "w"))
        score = lambda p: subprocess.run([sys.executable, os.path.join(bench, "score_extraction.py"), sub_truth, p],
                                         capture_output=True, text=True).stdout.strip().splitlines()[0]
        print(f"{split}: {len(keys)} pages")
        print(f"claimdiff extract: {score(pred_path)}  {ours_s:.2f} s whole process ({skipped} pages skipped)")
        try:
            import trafilatura
        except ImportError:
            print("trafilatura: not installed (pip install trafilatura) - no side-by-side")
            return
        html = {k: gzip.open(os.path.join(bench, "html", k + ".html.gz")).read() for k in keys}
        t = time.time()
        tp = {k: {"articleBody": trafilatura.extract(h) or ""} for k, h in html.items()}
        traf_s = time.time() - t
        tp_path = os.path.join(tmp, "traf.json")
        json.dump(tp, open(tp_path, "w"))
        print(f"trafilatura {trafilatura.__version__} in-process: {score(tp_path)}  {traf_s:.2f} s")
        print(f"speed: claimdiff {traf_s / ours_s:.1f}x trafilatura")

main()
