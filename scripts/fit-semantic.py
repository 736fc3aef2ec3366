#!/usr/bin/env python3
"""Fits the semantic score's logistic weights (SEMANTIC_WEIGHTS in src/matching.rs).

Input: the feature dump of `benches/semantic.rs`
    CLAIMDIFF_SHARED=../shared CLAIMDIFF_FEATURE_DUMP=/tmp/feat.tsv cargo bench --bench semantic
    python3 scripts/fit-semantic.py /tmp/feat.tsv        (needs numpy)

Fitted on: MSRP train (labels 0/1) and the STS 2013, 2014, 2016 headlines and 2014
tweet-news sets (gold/5 as a soft label). Never on what the bench reports as held out:
STS 2015 headlines, 2014 deft-news, MSRP test. Logistic regression with soft labels
(Newton's method, a small L2 penalty); each set weighted equally.
"""
import sys
import numpy as np

FIT = {"2013_headlines", "2014_headlines", "2016_headlines", "2014_tweet-news", "msrp_train"}
HELD_OUT = ["2015_headlines", "2014_deft-news"]


def features(rows):
    """The lexical features, the cosine, its square, and the cosine times
    Jaccard, character Dice and length ratio (Score::semantic_features)."""
    lex = rows[:, 0:10]
    cos = rows[:, 10:11]
    return np.hstack([lex, cos, cos * cos, cos * lex[:, 0:1], cos * lex[:, 3:4], cos * lex[:, 5:6]])


def main(path):
    sets, gold, feats = [], [], []
    with open(path) as f:
        header = f.readline()
        for line in f:
            p = line.rstrip("\n").split("\t")
            sets.append(p[0])
            gold.append(float(p[1]))
            feats.append([float(x) for x in p[2:13]])
    sets = np.array(sets)
    gold = np.array(gold)
    X = features(np.array(feats))
    y = np.where(np.char.startswith(sets, "msrp"), gold, gold / 5.0)
    fit = np.isin(sets, list(FIT))
    w_set = np.zeros(len(sets))
    for s in FIT:
        m = sets == s
        w_set[m] = 1.0 / m.sum()
    Xf = np.hstack([X[fit], np.ones((fit.sum(), 1))])
    yf, wf = y[fit], w_set[fit] / w_set[fit].sum() * fit.sum()
    beta = np.zeros(Xf.shape[1])
    lam = 1e-4
    for _ in range(50):
        p = 1 / (1 + np.exp(-Xf @ beta))
        g = Xf.T @ (wf * (p - yf)) / len(yf) + lam * np.r_[beta[:-1], 0]
        H = (Xf * (wf * p * (1 - p))[:, None]).T @ Xf / len(yf) + lam * np.diag(np.r_[np.ones(len(beta) - 1), 0])
        beta -= np.linalg.solve(H, g)
    w, b = beta[:-1], beta[-1]
    ident = np.array([1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1], dtype=float)
    p_ident = 1 / (1 + np.exp(-(ident @ w + b)))
    score = np.clip(1 / (1 + np.exp(-(X @ w + b))) / p_ident, 0, 1)
    for s in HELD_OUT + sorted(FIT - {"msrp_train"}):
        m = sets == s
        print(f"{s:<18} pearson {np.corrcoef(score[m], gold[m])[0, 1]:.3f}  cosine alone {np.corrcoef(X[m, 10], gold[m])[0, 1]:.3f}")
    tr, te = sets == "msrp_train", sets == "msrp_test"
    cands = np.unique(score[tr])
    accs = [((score[tr] >= t) == (gold[tr] > 0.5)).mean() for t in cands]
    t = cands[int(np.argmax(accs))]
    print(f"msrp test accuracy {((score[te] >= t) == (gold[te] > 0.5)).mean() * 100:.2f} at threshold {t:.3f}")
    print("const SEMANTIC_WEIGHTS: [f32; 15] = [" + ", ".join(f"{x:.3f}" for x in w) + "];")
    print(f"const SEMANTIC_INTERCEPT: f32 = {b:.3f};")


if __name__ == "__main__":
    main(sys.argv[1])
