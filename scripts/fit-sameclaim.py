#!/usr/bin/env python3
"""Fits the same-claim probability's weights (SEMANTIC_WEIGHTS / LEXICAL_WEIGHTS in src/sameclaim.rs).

Input: the feature dump of `benches/sameclaim.rs` over the claims gold
    CLAIMDIFF_SHARED=../shared python3 benches/claims_gold.py stories /tmp/cg
    CLAIMDIFF_GOLD_STORIES=/tmp/cg CLAIMDIFF_FEATURE_DUMP=/tmp/feat.tsv cargo bench --bench sameclaim
    python3 scripts/fit-sameclaim.py /tmp/feat.tsv          (needs numpy)

Fitted on the train stories only (label `same` = 1; `related` and `different` = 0): logistic
regression, Newton's method with a small L2 penalty (not on the intercept). Prints the Rust
constants, and the ROC AUC on train and on the held-out test stories.
"""
import sys
import numpy as np

L2 = 1.0


def fit(x, y):
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.eye(d + 1) * L2
    reg[d, d] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        g = xb.T @ (p - y) + reg @ w
        h = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:d], w[d]


def auc(score, y):
    order = np.argsort(score, kind="mergesort")
    s, yy = score[order], y[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        ranks[i:j] = (i + j + 1) / 2.0
        i = j
    pos = yy.sum()
    neg = len(yy) - pos
    return (ranks[yy == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)


def main(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    for scorer in ("semantic", "lexical"):
        sel = [r for r in rows if r[1] == scorer]
        x = np.array([[float(v) for v in r[4:]] for r in sel])
        y = np.array([1.0 if r[2] == "same" else 0.0 for r in sel])
        train = np.array([r[0] == "train" for r in sel])
        w, b = fit(x[train], y[train])
        z = x @ w + b
        name = scorer.upper()
        print(f"const {name}_WEIGHTS: [f32; N_FEATURES] = [{', '.join(f'{v:.3f}' for v in w)}];")
        print(f"const {name}_INTERCEPT: f32 = {b:.3f};")
        for part, m in (("train", train), ("test", ~train)):
            p = 1 / (1 + np.exp(-z[m]))
            yy = y[m]
            for t in (0.5, 0.6, 0.7):
                pred = p >= t
                prec = (pred & (yy == 1)).sum() / max(pred.sum(), 1)
                rec = (pred & (yy == 1)).sum() / max((yy == 1).sum(), 1)
                print(f"  {part}: AUC {auc(z[m], yy):.3f}  p>={t}: precision {prec:.3f} recall {rec:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
