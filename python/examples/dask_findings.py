"""claimdiff over a partitioned corpus on Dask distributed.

    python python/examples/dask_findings.py CORPUS [--workers 2] [--out findings.csv] [--lexical]
    python python/examples/dask_findings.py CORPUS --scheduler tcp://host:8786

CORPUS is a JSONL file or a folder of ``*.jsonl`` partitions, one article a
line in claimdiff's JSONL format (``{"outlet", "title", "date", "url",
"text"}``), optionally with a ``story`` key naming the story each article
belongs to (a corpus already grouped upstream, say by an event id).

1. The partitions are read on the workers (``dask.bag.read_text``, one bag
   partition per file).
2. The articles are grouped into stories: by default by
   ``claimdiff.stories`` (one task on a worker over the whole corpus: story
   grouping needs every article's terms; SCALING.md says how to shard it by
   date for a corpus too large for one machine), or with ``--group key`` by
   the corpus's ``story`` key on the workers (``Bag.groupby``).
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


def group_stories(articles):
    """Runs on a worker: the corpus grouped by ``claimdiff.stories``, as
    ``(story id, articles)`` pairs."""
    groups = {}
    for row in claimdiff.stories([{k: v for k, v in a.items() if k != "story"} for a in articles]):
        groups.setdefault(row["story"], []).append(articles[row["index"]])
    return list(groups.items())


def run(client, corpus: str, group: str = "claimdiff", **options):
    """The findings of every story of ``corpus``, computed on ``client``'s
    workers, as one DataFrame (findings-table columns, then ``story``).
    ``group`` is ``claimdiff`` (``claimdiff.stories``) or ``key`` (the
    articles' ``story`` key)."""
    bag = read_corpus(corpus)
    if group == "key":
        stories = bag.groupby(lambda article: article["story"])
        records = client.compute(stories.map(story_findings, options).flatten()).result()
    else:
        # The workers read the partitions, one worker groups the corpus
        # (one task), and the stories are spread over the workers again to
        # be compared. All of it is one graph of bag tasks.
        import dask
        import dask.bag as db

        workers = max(1, len(client.scheduler_info()["workers"]))
        grouped = db.from_delayed([dask.delayed(group_stories)(bag)])
        stories = grouped.repartition(npartitions=4 * workers)
        records = client.compute(stories.map(story_findings, options).flatten()).result()
    table = claimdiff.to_pandas(records)
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
    parser.add_argument(
        "--group",
        choices=("claimdiff", "key"),
        default="claimdiff",
        help="group by claimdiff.stories (default) or by the articles' story key",
    )
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    options = {"lexical": True} if args.lexical else {}
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        table = run(client, args.corpus, group=args.group, **options)
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
