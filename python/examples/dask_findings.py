"""claimdiff over a partitioned corpus on Dask distributed.

    python python/examples/dask_findings.py CORPUS [--workers 2] [--out findings.csv] [--lexical]
    python python/examples/dask_findings.py CORPUS --scheduler tcp://host:8786

CORPUS is a JSONL file or a folder of ``*.jsonl`` partitions, one article a
line in claimdiff's JSONL format (``{"outlet", "title", "date", "url",
"text"}``) plus a ``story`` key naming the story each article belongs to.

1. The partitions are read on the workers (``dask.bag.read_text``, one bag
   partition per file).
2. The articles are grouped by story on the workers (``Bag.groupby``).
3. Each story is compared on a worker, its articles in date order (``claimdiff.findings``: two outlets
   pairwise, three or more claim by claim); the native code releases the
   GIL and each worker process loads the sentence encoder once.
4. The findings tables are gathered into one pandas DataFrame: the
   findings-table columns (``finding_id,kind,flag,source_a,index_a,
   source_b,index_b,text_a,text_b,explanation,fails``) and ``story`` last.

Without ``--scheduler`` a ``LocalCluster`` is started (``--workers``
processes, one thread each). Why Dask rather than Spark: the work is a
Python function over groups of small documents, Dask runs it in the same
Python environment with ``pip install "dask[distributed]"`` (no JVM, no
Py4J serialisation of every article), and ``LocalCluster`` is the same
scheduler a real cluster runs, so the test exercises the real thing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import claimdiff


def read_corpus(path: str):
    """The corpus as a dask bag of article dicts, one partition per file."""
    import dask.bag as db

    pattern = os.path.join(path, "*.jsonl") if os.path.isdir(path) else path
    lines = db.read_text(pattern, files_per_partition=1)
    return lines.filter(lambda line: line.strip() != "").map(json.loads)


def story_findings(group, options=None):
    """Runs on a worker: the findings of one story, each record with its
    ``story``. The articles are taken in date order (then by outlet), since
    the shuffle that grouped them keeps no order: the earlier outlet is
    side A. A story with one article has none."""
    story, articles = group
    articles = sorted(articles, key=lambda a: (a.get("date") or "", a.get("outlet") or ""))
    if len(articles) < 2:
        return []
    records = claimdiff.findings(articles, **(options or {}))
    for r in records:
        r["story"] = story
    return records


def run(client, corpus: str, **options):
    """The findings of every story of ``corpus``, computed on ``client``'s
    workers, as one DataFrame (findings-table columns, then ``story``)."""
    bag = read_corpus(corpus)
    stories = bag.groupby(lambda article: article["story"])
    records = stories.map(story_findings, options).flatten()
    table = claimdiff.to_pandas(client.compute(records).result())
    if "story" not in table.columns:
        table["story"] = []
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSONL file or a folder of *.jsonl partitions")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="local cluster processes (default 2)")
    parser.add_argument("--out", help="write the findings table here as CSV (default: stdout)")
    parser.add_argument("--lexical", action="store_true", help="no sentence encoder")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    options = {"lexical": True} if args.lexical else {}
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        table = run(client, args.corpus, **options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    table.to_csv(args.out or sys.stdout, index=False)
    if args.out:
        print(f"{len(table)} findings in {table['story'].nunique()} stories -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
