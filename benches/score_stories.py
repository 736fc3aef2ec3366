#!/usr/bin/env python3
"""Scores a `claimdiff stories --format csv` grouping of a make_stories.py
corpus against its truth: B-cubed precision, recall, F1 and the adjusted
Rand index.

    claimdiff stories --format csv OUT/corpus.jsonl | python3 benches/score_stories.py OUT/truth.csv
"""

import collections
import csv
import math
import sys


def main():
    truth = {int(r["line"]): r["story"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
    pred = {int(r["article"].rsplit(":", 1)[1]): r["story"] for r in csv.DictReader(sys.stdin)}
    ids = sorted(truth)
    assert set(pred) == set(ids), "every article grouped once"
    by_pred, by_true = collections.defaultdict(set), collections.defaultdict(set)
    for i in ids:
        by_pred[pred[i]].add(i)
        by_true[truth[i]].add(i)
    # B-cubed, summed per (predicted, true) cell.
    cells = collections.Counter((pred[i], truth[i]) for i in ids)
    p = sum(c * c / len(by_pred[a]) for (a, _), c in cells.items()) / len(ids)
    r = sum(c * c / len(by_true[b]) for (_, b), c in cells.items()) / len(ids)
    f1 = 2 * p * r / (p + r)
    c2 = lambda x: x * (x - 1) / 2  # noqa: E731
    index = sum(c2(c) for c in cells.values())
    sa = sum(c2(len(v)) for v in by_pred.values())
    sb = sum(c2(len(v)) for v in by_true.values())
    expected = sa * sb / c2(len(ids))
    ari = (index - expected) / ((sa + sb) / 2 - expected)
    print(f"articles {len(ids)}, stories {len(by_pred)} (true {len(by_true)}): "
          f"B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}, ARI {ari:.3f}")


if __name__ == "__main__":
    main()
