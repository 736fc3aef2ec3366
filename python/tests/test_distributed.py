"""The Dask example (examples/dask_findings.py) on a real local cluster: two
worker processes, a generated corpus of a few stories told by a few outlets
with planted number changes, partitioned so that every story spans
partitions."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import claimdiff

distributed = pytest.importorskip("distributed")
pytest.importorskip("pandas")
pytest.importorskip("dask.bag")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_findings.py"

# Three unrelated stories; each outlet after the first reports the first
# sentence's number differently (the planted difference).
STORIES = {
    "port-strike": [
        "About {n} workers at the Kessel Quay container terminal walked off the job on Wednesday.",
        "The dockers' union said the strike would continue until every gantry crane had been inspected.",
        "Harbour police said 14 pickets were arrested near the terminal gates overnight.",
        "The port authority said it regretted the disruption to shipping schedules.",
        "Freight operators estimated the losses at 30 million euros a day.",
    ],
    "bridge-closure": [
        "Engineers closed the Saltmere suspension bridge after finding {n} cracked cables on Monday.",
        "Commuters faced detours of up to an hour as ferries added extra sailings.",
        "The transport ministry promised a full structural survey within three weeks.",
        "The bridge, opened in 1967, carries about 40,000 vehicles a day.",
    ],
    "factory-fire": [
        "A fire at a textile mill in Ashworth injured {n} night-shift employees early on Friday.",
        "Firefighters needed six hours to bring the blaze under control.",
        "The owners said faulty wiring in a storage hall was the likely cause.",
        "Local councillors called for an inquiry into safety checks at the site.",
    ],
}
OUTLETS = ["Coastal Herald", "Meridian Wire", "Daily Ledger"]
BASE = {"port-strike": 1200, "bridge-closure": 12, "factory-fire": 23}


def planted(story, o):
    return BASE[story] + 100 * o if story == "port-strike" else BASE[story] + o


def generated_corpus(folder):
    """Writes the corpus as two JSONL partitions, alternating articles so
    each story spans both; returns the articles by story."""
    by_story = {}
    articles = []
    for story, sentences in STORIES.items():
        n_outlets = 2 if story == "bridge-closure" else 3  # one pairwise story, two in claims mode
        for o in range(n_outlets):
            number = f"{planted(story, o):,}"
            text = " ".join(sentences).replace("{n}", number) + "\n"
            article = {"story": story, "outlet": OUTLETS[o], "date": f"2025-03-1{o + 3}", "text": text}
            by_story.setdefault(story, []).append(article)
            articles.append(article)
    folder.mkdir()
    for part in range(2):
        with open(folder / f"part-{part}.jsonl", "w", encoding="utf-8") as f:
            for article in articles[part::2]:
                f.write(json.dumps(article) + "\n")
    return by_story


@pytest.fixture(scope="module")
def example():
    import cloudpickle

    spec = importlib.util.spec_from_file_location("dask_findings", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_findings"] = module
    spec.loader.exec_module(module)
    # The workers cannot import the example by name: ship its functions.
    cloudpickle.register_pickle_by_value(module)
    yield module
    cloudpickle.unregister_pickle_by_value(module)
    del sys.modules["dask_findings"]


@pytest.mark.parametrize("group", ["claimdiff", "key"])
def test_findings_gathered_from_a_local_cluster(tmp_path, example, group):
    from dask.distributed import Client, LocalCluster

    by_story = generated_corpus(tmp_path / "corpus")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            table = example.run(client, str(tmp_path / "corpus"), group=group)

    if group == "claimdiff":
        # claimdiff.stories found the generated stories: each of its
        # stories holds one generated story's outlets, so its findings can
        # be named by that story.
        assert table["story"].nunique() == len(STORIES)
        rename = {}
        for sid in table["story"].unique():
            rows = table[table["story"] == sid]
            texts = " ".join(rows["text_a"]) + " ".join(rows["text_b"])
            hits = {k: sum(s.split("{n}")[0][:30] in texts for s in sentences) for k, sentences in STORIES.items()}
            rename[sid] = max(hits, key=hits.get)
        assert sorted(rename.values()) == sorted(STORIES), rename
        table["story"] = table["story"].map(rename)

    assert list(table.columns) == list(claimdiff.FINDINGS_COLUMNS) + ["story"]
    assert table["fails"].dtype == bool
    # The same findings as comparing each story here, in this process.
    local = {story: claimdiff.findings(articles) for story, articles in by_story.items()}
    assert len(table) == sum(len(records) for records in local.values())
    for story, records in local.items():
        got = table[table["story"] == story].drop(columns="story").to_dict("records")
        assert sorted(got, key=lambda r: r["finding_id"]) == sorted(records, key=lambda r: r["finding_id"])
    # Every planted number change is found, and fails.
    numbers = table[table["kind"] == "number"]
    for story, articles in by_story.items():
        explanations = " ".join(numbers[numbers["story"] == story]["explanation"])
        for o in range(1, len(articles)):
            assert f'"{planted(story, o):,}"' in explanations, (story, explanations)
    assert numbers["fails"].all()


def test_example_runs_as_a_script(tmp_path):
    """The documented command: a local cluster of its own, CSV out."""
    import subprocess

    pd = pytest.importorskip("pandas")
    generated_corpus(tmp_path / "corpus")
    out = tmp_path / "findings.csv"
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path / "corpus"), "--workers", "2", "--lexical", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == list(claimdiff.FINDINGS_COLUMNS) + ["story"]
    # Grouped by claimdiff.stories (the default): the three generated stories.
    assert set(table["story"]) == {"S1", "S2", "S3"}
    assert "findings in 3 stories" in proc.stderr
