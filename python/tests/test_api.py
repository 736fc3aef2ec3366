"""The Python API against the command line's contracts, on data/."""

import csv
import io
import json
import os
import warnings
from pathlib import Path

import pytest

import claimdiff
from conftest import DATA, HERALD, LEDGER, REPO, STORY

FINDINGS_HEADER = "finding_id,kind,flag,source_a,index_a,source_b,index_b,text_a,text_b,explanation,fails"


def cli_findings(text):
    """The binary's findings CSV as the Python records (fails a bool)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    for r in rows:
        assert r["fails"] in ("true", "false")
        r["fails"] = r["fails"] == "true"
    return rows


def rel(p):
    return str(Path(p).relative_to(REPO))


def test_findings_columns_are_the_contract():
    assert ",".join(claimdiff.FINDINGS_COLUMNS) == FINDINGS_HEADER
    assert claimdiff.DEFAULT_FAIL_ON == ("quote", "number", "name")


# --- split -----------------------------------------------------------------


def test_split_path_is_split_format_json(cli):
    got = claimdiff.split(rel(HERALD))
    assert got == json.loads(cli("split", "--format", "json", rel(HERALD)))
    assert list(got[0]) == ["index", "start", "end", "text"]
    raw = claimdiff.split(HERALD, raw=True)
    assert raw == json.loads(cli("split", "--format", "json", "--raw", rel(HERALD)))
    assert len(raw) > len(got)  # front matter and captions are sentences when raw


def test_split_text_offsets_index_the_text():
    text = "The port closed on Monday. Police made two arrests.\nOfficials blamed the union."
    got = claimdiff.split(text, raw=True)
    assert [s["index"] for s in got] == [0, 1, 2]
    raw = text.encode()
    for s in got:
        assert raw[s["start"] : s["end"]].decode() == s["text"]
    # One line without a file of that name is text too.
    assert [s["text"] for s in claimdiff.split("One. Two.")] == ["One.", "Two."]


# --- compare ---------------------------------------------------------------


def test_compare_pair_is_compare_format_json(cli):
    report = claimdiff.compare([rel(HERALD), rel(LEDGER)])
    assert report.kind == "pair"
    assert isinstance(report, dict)
    assert report == json.loads(cli("compare", "--format", "json", rel(HERALD), rel(LEDGER)))
    assert report["scorer"] == "semantic:paraphrase-MiniLM-L3-v2"
    assert report.findings == cli_findings(cli("compare", "--format", "findings", rel(HERALD), rel(LEDGER)))
    assert report.csv == cli("compare", "--format", "csv", rel(HERALD), rel(LEDGER))
    number = [f for f in report.findings if f["kind"] == "number"]
    assert number and number[0]["explanation"] == 'A says "1,200", B says "1,500"' and number[0]["fails"] is True


def test_web_pages_are_read_as_the_cli_reads_them(cli):
    pages = [rel(DATA / "pages" / "coastal-herald.html"), rel(DATA / "pages" / "meridian-wire.html.gz")]
    report = claimdiff.compare(pages)
    assert report == json.loads(cli("compare", "--format", "json", *pages))
    assert [s["outlet"] for s in report["sources"]] == ["Coastal Herald", "Meridian Wire"]
    assert report["sources"][1]["date"] == "2025-03-12"


def test_compare_claims_folder_and_jsonl(cli):
    folder = claimdiff.compare([rel(STORY)])
    assert folder.kind == "claims"
    assert folder == json.loads(cli("compare", "--format", "json", rel(STORY)))
    assert folder.findings == cli_findings(cli("compare", "--format", "findings", rel(STORY)))
    jsonl = claimdiff.compare(rel(DATA / "harbour-strike.jsonl"), lexical=True)
    assert jsonl == json.loads(cli("compare", "--format", "json", "--lexical", rel(DATA / "harbour-strike.jsonl")))
    assert len(jsonl["sources"]) == 4


def test_compare_options_match_the_cli(cli):
    args = [rel(HERALD), rel(LEDGER)]
    got = claimdiff.compare(args, lexical=True, threshold=0.6, fail_on="all", explain=True)
    assert got["scorer"] == "lexical"
    want = cli("compare", "--format", "json", "--lexical", "--threshold", "0.6", "--explain", *args)
    assert got == json.loads(want)
    want = cli("compare", "--format", "findings", "--lexical", "--threshold", "0.6", "--fail-on", "all", *args)
    assert got.findings == cli_findings(want)
    assert all(f["fails"] for f in got.findings)
    none = claimdiff.findings(args, lexical=True, fail_on=[])
    assert none and not any(f["fails"] for f in none)
    two = claimdiff.compare(args, claims=True, lexical=True)
    assert two.kind == "claims" and "claims" in two


def test_texts_dicts_and_outlets():
    a = HERALD.read_text(encoding="utf-8")
    b = LEDGER.read_text(encoding="utf-8")
    # Front matter in the text names the outlet, as in a file.
    by_text = claimdiff.compare([a, b], lexical=True)
    by_path = claimdiff.compare([HERALD, LEDGER], lexical=True)
    assert by_text.findings == by_path.findings
    assert [s["outlet"] for s in by_text["sources"]] == ["Coastal Herald", "The Daily Ledger"]
    plain = ["The port closed on Monday after 1,200 workers walked out.\n", "The port closed on Monday after 1,500 workers walked out.\n"]
    named = claimdiff.compare(plain, outlets=["herald", "wire"], lexical=True)
    assert [s["outlet"] for s in named["sources"]] == ["herald", "wire"]
    assert [f["kind"] for f in named.findings] == ["number"]
    unnamed = claimdiff.compare(plain, lexical=True)
    assert [s["outlet"] for s in unnamed["sources"]] == ["text1", "text2"]
    records = [{"outlet": "herald", "date": "2025-03-13", "text": plain[0]}, {"text": plain[1], "title": "T"}]
    report = claimdiff.compare(records, lexical=True)
    assert report["sources"][0]["date"] == "2025-03-13"
    assert report["sources"][1]["outlet"] == "text2" and report["sources"][1]["title"] == "T"
    with pytest.raises(ValueError, match="outlets names 1 articles"):
        claimdiff.compare(plain, outlets=["one"])


# --- check -----------------------------------------------------------------


def test_check_is_check_format_json(cli):
    story = rel(DATA / "reuse" / "stories" / "highland-examiner.txt")
    wire = rel(DATA / "reuse" / "wire")
    report = claimdiff.check(story, [wire])
    assert report.kind == "check"
    assert report == json.loads(cli("check", story, "--against", wire, "--format", "json", ok=(0, 1)))
    assert report.findings == cli_findings(cli("check", story, "--against", wire, "--format", "findings", ok=(0, 1)))
    assert report.csv == cli("check", story, "--against", wire, "--format", "csv", ok=(0, 1))
    assert report.fails == report["fails"]
    strict = claimdiff.check(story, wire, fail_on="all")
    assert strict.fails and all(f["fails"] for f in strict.findings)
    assert strict == json.loads(cli("check", story, "--against", wire, "--format", "json", "--fail-on", "all", ok=(1,)))


def test_check_pair_of_texts():
    story = "The port closed on Monday after 1,500 workers walked out.\n"
    wire = "The port closed on Monday after 1,200 workers walked out.\n"
    report = claimdiff.check(story, [wire], lexical=True)
    assert report.fails
    assert [(f["kind"], f["source_a"], f["source_b"]) for f in report.findings] == [("number", "story", "reference1")]
    assert not claimdiff.check(story, wire, lexical=True, fail_on="none").fails


# --- DataFrames and Arrow ---------------------------------------------------


def test_pandas_frames(cli):
    pd = pytest.importorskip("pandas")
    report = claimdiff.compare([rel(HERALD), rel(LEDGER)])
    frame = report.to_pandas()
    assert list(frame.columns) == list(claimdiff.FINDINGS_COLUMNS)
    assert len(frame) == len(report.findings)
    assert frame["fails"].dtype == bool
    assert frame["fails"].sum() == sum(f["fails"] for f in report.findings)
    rows = report.rows_frame()
    header = cli("compare", "--format", "csv", rel(HERALD), rel(LEDGER)).splitlines()[0]
    assert ",".join(rows.columns) == header
    assert rows["similarity"].dtype.kind == "f"
    assert len(rows) == len(report["rows"])
    empty = claimdiff.to_pandas([])
    assert list(empty.columns) == list(claimdiff.FINDINGS_COLUMNS) and len(empty) == 0
    check = claimdiff.check(DATA / "reuse" / "stories" / "highland-examiner.txt", DATA / "reuse" / "wire")
    assert list(check.rows_frame().columns) == cli(
        "check", rel(DATA / "reuse" / "stories" / "highland-examiner.txt"), "--against", rel(DATA / "reuse" / "wire"), "--format", "csv", ok=(0, 1)
    ).splitlines()[0].split(",")


def test_arrow_table():
    pa = pytest.importorskip("pyarrow")
    report = claimdiff.compare([HERALD, LEDGER], lexical=True)
    table = report.to_arrow()
    assert table.column_names == list(claimdiff.FINDINGS_COLUMNS)
    assert table.schema.field("fails").type == pa.bool_()
    assert table.schema.field("index_a").type == pa.string()
    assert table.num_rows == len(report.findings)
    assert table.to_pylist() == report.findings


# --- errors and warnings ------------------------------------------------------


def test_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError, match="no-such-article.txt"):
        claimdiff.compare(["no-such-article.txt", HERALD])
    with pytest.raises(FileNotFoundError, match="missing"):
        claimdiff.split(Path("missing"))


def test_unusable_input_is_value_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(ValueError, match="empty.txt: .*empty"):
        claimdiff.compare([empty, HERALD])
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"GIF89a\0\0\x01")
    with pytest.raises(ValueError, match="blob.txt: looks like a binary file"):
        claimdiff.split(binary)
    with pytest.raises(ValueError, match="binary"):
        claimdiff.compare(["a\0b\n", HERALD])
    with pytest.raises(ValueError, match="at least two usable articles"):
        claimdiff.compare([HERALD])
    with pytest.raises(ValueError, match="`quotes` is not one of"):
        claimdiff.compare([HERALD, LEDGER], fail_on="quotes")
    with pytest.raises(ValueError, match="`unique` is not one of"):
        claimdiff.check(HERALD, LEDGER, fail_on=["unique"])
    with pytest.raises(ValueError, match="no kinds given"):
        claimdiff.check(HERALD, LEDGER, fail_on=" , ")
    with pytest.raises(ValueError, match="`all` stands alone"):
        claimdiff.check(HERALD, LEDGER, fail_on="all,none")
    with pytest.raises(ValueError, match="threshold"):
        claimdiff.compare([HERALD, LEDGER], threshold=1.5)
    with pytest.raises(ValueError, match="reference other than the story"):
        claimdiff.check(HERALD, [HERALD], lexical=True)
    with pytest.raises(TypeError):
        claimdiff.compare([HERALD, 3])
    with pytest.raises(ValueError, match="`text`"):
        claimdiff.compare([{"outlet": "x"}, HERALD])


def test_model_errors(tmp_path, monkeypatch):
    with pytest.raises(FileNotFoundError, match="model.safetensors"):
        claimdiff.compare([HERALD, LEDGER], model=tmp_path / "nowhere")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "model.safetensors").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="model.safetensors"):
        claimdiff.compare([HERALD, LEDGER], model=bad)
    monkeypatch.setenv("CLAIMDIFF_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError):
        claimdiff.check(HERALD, LEDGER)
    # lexical needs no model.
    assert claimdiff.compare([HERALD, LEDGER], lexical=True)["scorer"] == "lexical"
    # The bundled model, named explicitly, is the default one.
    bundled = REPO / "models" / "paraphrase-MiniLM-L3-v2"
    monkeypatch.delenv("CLAIMDIFF_MODEL")
    assert claimdiff.compare([HERALD, LEDGER], model=bundled) == claimdiff.compare([HERALD, LEDGER])


def test_skipped_articles_warn_or_fail_when_strict(tmp_path):
    for p in (HERALD, LEDGER):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "ads.txt").write_text("Advertisement\n")
    with pytest.warns(UserWarning, match="ads.txt: skipped: no article text left"):
        report = claimdiff.compare([tmp_path], lexical=True)
    assert len(report["sources"]) == 2
    with pytest.raises(ValueError, match="ads.txt"):
        claimdiff.compare([tmp_path], lexical=True, strict=True)


def test_seed_articles_if_shared(cli):
    shared = os.environ.get("CLAIMDIFF_SHARED")
    if not shared or not (Path(shared) / "seeds").is_dir():
        pytest.skip("CLAIMDIFF_SHARED not set: the real seed articles are not here")
    seeds = str(Path(shared) / "seeds")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = claimdiff.compare([seeds])
    assert report.kind == "claims" and len(report["sources"]) == 5
    assert report == json.loads(cli("compare", "--format", "json", seeds))
    assert report.findings == cli_findings(cli("compare", "--format", "findings", seeds))


# --- stories ---------------------------------------------------------------


def test_stories_are_claimdiff_stories_format_csv(cli):
    inputs = [rel(DATA / "harbour-strike.jsonl"), rel(DATA / "reuse" / "stories"), rel(DATA / "reuse" / "wire"), rel(DATA / "wire")]
    rows = claimdiff.stories(inputs)
    want = list(csv.DictReader(io.StringIO(cli("stories", "--format", "csv", *inputs))))
    assert [{k: (r[k] or "") for k in claimdiff.STORIES_COLUMNS} for r in rows] == want
    assert len({r["story"] for r in rows}) == 3
    # `index` is the article's position among the loaded articles.
    assert sorted(r["index"] for r in rows) == list(range(9))
    # Options are the command's.
    one = claimdiff.stories(inputs, threshold=0.0, window_days=100000)
    assert len({r["story"] for r in one}) < 3


def test_stories_of_texts_and_frame():
    pd = pytest.importorskip("pandas")
    quake = "A magnitude 6.1 earthquake struck near Valdoria on Tuesday, killing 14 people.\nRescue teams searched collapsed buildings in Valdoria."
    strike = "Dock workers at Northport walked out after a crane collapse.\nThe Northport union said the strike would go on."
    frame = claimdiff.stories([quake, strike, quake + "\nThe Valdoria governor declared an emergency."], frame=True)
    assert list(frame.columns) == [*claimdiff.STORIES_COLUMNS, "index"]
    by_index = dict(zip(frame["index"], frame["story"]))
    assert by_index[0] == by_index[2] != by_index[1]
    with pytest.raises(ValueError):
        claimdiff.stories([quake], threshold=2.0)
