"""claimdiff for Python: compare how news outlets report one story.

A thin layer over the Rust library (the native module ``claimdiff._native``,
built with PyO3). Every result is plain Python data in the command line's
contracts:

- :func:`split` returns ``split --format json``: a list of
  ``{"index", "start", "end", "text"}``;
- :func:`compare` and :func:`check` return a :class:`Report`, a ``dict``
  holding ``compare --format json`` / ``check --format json``, with the
  findings table (``--format findings``) as ``report.findings`` and the
  report's CSV (``--format csv``) as ``report.csv``;
- :func:`findings` returns the findings table alone.

``Report.to_pandas()`` / ``Report.to_arrow()`` (and :func:`to_pandas` /
:func:`to_arrow` for any list of findings records) give the findings table
as a pandas DataFrame or a pyarrow Table when those packages are installed;
the columns are exactly ``finding_id,kind,flag,source_a,index_a,source_b,
index_b,text_a,text_b,explanation,fails`` (``fails`` a bool).

**Inputs.** Each article (``texts_or_paths`` items, ``story``, ``against``)
is one of:

- an ``os.PathLike`` (``pathlib.Path``): always a path: a text file, a
  folder (its ``.txt``/``.md`` articles) or a ``.jsonl`` file, as the
  command line reads them;
- a ``str`` with a line break: the article's text;
- any other ``str``: a path when that file or folder exists, or when it
  ends in ``.txt``, ``.md`` or ``.jsonl`` (a missing file is then an
  error, not a one-line article); otherwise the article's text;
- a ``dict`` in the JSONL article format: ``{"text": ..., "outlet": ...,
  "title": ..., "date": ..., "url": ...}`` (only ``text`` required).

A text without an outlet is named by ``outlets`` (one name per item, used
for the items given as text) or ``text1``, ``text2``, ... in order; front
matter in the text wins, as in a file.

**The sentence encoder.** ``model=DIR``, else ``CLAIMDIFF_MODEL``, else the
model bundled in the repository the package was built from; without one,
matching is lexical and a warning says so once. ``lexical=True`` turns it
off. The encoder is loaded once per process.

Bad input raises ``ValueError`` (or ``OSError``/``FileNotFoundError`` for a
file that cannot be read) with the library's one-line message; problems the
command line warns about (a skipped article of a folder, lossy decoding)
are ``warnings.warn`` calls.
"""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
from typing import Any, Iterable, Mapping, Sequence, Union

from . import _native

__all__ = [
    "FINDINGS_COLUMNS",
    "DEFAULT_FAIL_ON",
    "Report",
    "split",
    "compare",
    "findings",
    "check",
    "stories",
    "STORIES_COLUMNS",
    "to_pandas",
    "to_arrow",
]

__version__ = "0.1.0"

#: The findings table's columns, in contract order (``--format findings``).
FINDINGS_COLUMNS: tuple = tuple(_native.FINDINGS_COLUMNS)
#: The kinds that fail by default (``--fail-on`` default).
DEFAULT_FAIL_ON: tuple = tuple(_native.DEFAULT_FAIL_ON)

Article = Union[str, "os.PathLike[str]", Mapping[str, Any]]
_PATH_SUFFIXES = (".txt", ".md", ".jsonl")


def _item(x: Article, name: str) -> Any:
    """One input as the native module takes it: a path, or a text record."""
    if isinstance(x, os.PathLike):
        return os.fspath(x)
    if isinstance(x, Mapping):
        if "text" not in x or not isinstance(x["text"], str):
            raise ValueError("an article given as a dict needs a `text` string (the JSONL article format)")
        rec = {k: x.get(k) for k in ("title", "date", "url")}
        rec["text"] = x["text"]
        rec["outlet"] = x.get("outlet") or name
        return rec
    if isinstance(x, str):
        if "\n" not in x and "\r" not in x:
            if os.path.exists(x) or x.lower().endswith(_PATH_SUFFIXES):
                return x
        return {"text": x, "outlet": name, "title": None, "date": None, "url": None}
    raise TypeError(f"an article is a path, a text (str) or a dict with `text`, not {type(x).__name__}")


def _items(texts_or_paths: Iterable[Article], outlets: Sequence[str] | None) -> list:
    if isinstance(texts_or_paths, (str, os.PathLike, Mapping)):
        texts_or_paths = [texts_or_paths]
    given = list(texts_or_paths)
    if outlets is not None and len(outlets) != len(given):
        raise ValueError(f"outlets names {len(outlets)} articles, but {len(given)} are given")
    return [_item(x, outlets[i] if outlets is not None else f"text{i + 1}") for i, x in enumerate(given)]


def _fail_on(fail_on: str | Iterable[str] | None) -> list | None:
    if fail_on is None:
        return None
    if isinstance(fail_on, str):
        return fail_on.split(",")
    return list(fail_on)


def _warn(messages: Iterable[str]) -> None:
    for m in messages:
        warnings.warn(f"claimdiff: {m}", UserWarning, stacklevel=3)


def to_pandas(records: Iterable[Mapping[str, Any]]):
    """A findings table (records as :attr:`Report.findings` holds them, from
    one report or gathered from many) as a pandas DataFrame, columns in
    contract order; extra keys (a ``story`` column added by a caller) come
    after them."""
    import pandas as pd

    records = list(records)
    extra = [k for r in records[:1] for k in r if k not in FINDINGS_COLUMNS]
    frame = pd.DataFrame.from_records(records, columns=list(FINDINGS_COLUMNS) + extra)
    return frame.astype({"fails": bool})


def to_arrow(records: Iterable[Mapping[str, Any]]):
    """A findings table as a pyarrow Table: every column a string but
    ``fails``, a bool; extra keys come after them as strings."""
    import pyarrow as pa

    records = list(records)
    extra = [k for r in records[:1] for k in r if k not in FINDINGS_COLUMNS]
    fields = [(c, pa.bool_() if c == "fails" else pa.string()) for c in FINDINGS_COLUMNS]
    fields += [(k, pa.string()) for k in extra]
    return pa.Table.from_pylist(records, schema=pa.schema(fields))


class Report(dict):
    """A report: the ``--format json`` object itself (a ``dict``), plus

    - ``kind``: ``"pair"`` (two articles), ``"claims"`` (three or more) or
      ``"check"``;
    - ``findings``: the findings table, a list of dicts keyed by
      :data:`FINDINGS_COLUMNS` (``fails`` a bool, as ``fail_on`` says);
    - ``csv``: the report's ``--format csv`` text (pairwise rows, the claims
      long format, or check's rows);
    - ``fails``: whether any finding fails (``check``'s exit status 1).
    """

    def __init__(self, kind: str, report_json: str, report_csv: str, records: list):
        super().__init__(json.loads(report_json))
        self.kind = kind
        self.csv = report_csv
        self.findings = records

    @property
    def fails(self) -> bool:
        return any(r["fails"] for r in self.findings)

    def to_pandas(self):
        """The findings table as a pandas DataFrame."""
        return to_pandas(self.findings)

    def to_arrow(self):
        """The findings table as a pyarrow Table."""
        return to_arrow(self.findings)

    def rows(self) -> list:
        """The report's CSV rows (``--format csv``) as dicts, cells as the
        CSV writes them (strings)."""
        return list(csv.DictReader(io.StringIO(self.csv)))

    def rows_frame(self):
        """The report's ``--format csv`` table as a pandas DataFrame: columns
        exactly the CSV header, cells as strings (empty, not NaN, where the
        CSV is empty) but ``similarity``, a float."""
        import pandas as pd

        frame = pd.read_csv(io.StringIO(self.csv), dtype=str, keep_default_na=False)
        if "similarity" in frame.columns:
            frame["similarity"] = pd.to_numeric(frame["similarity"])
        return frame

    def __repr__(self) -> str:
        return f"<claimdiff.Report {self.kind}: {len(self.findings)} findings>"


def split(text_or_path: Article, *, raw: bool = False) -> list:
    """An article's sentences, as ``claimdiff split --format json``: a list of
    ``{"index", "start", "end", "text"}``, ``start``/``end`` byte offsets
    into the cleaned text (into the text as given with ``raw=True``)."""
    out, warns = _native.split(_item(text_or_path, "text1"), raw=raw)
    _warn(warns)
    return [{k: s[k] for k in ("index", "start", "end", "text")} for s in json.loads(out)]


def compare(
    texts_or_paths: Iterable[Article],
    *,
    lexical: bool = False,
    threshold: float | None = None,
    model: str | os.PathLike | None = None,
    outlets: Sequence[str] | None = None,
    fail_on: str | Iterable[str] | None = None,
    strict: bool = False,
    claims: bool = False,
    explain: bool = False,
) -> Report:
    """Compares articles: two pairwise (``compare --format json``), three or
    more (or ``claims=True``) claim by claim. A folder or JSONL path counts
    as all its articles.

    ``threshold`` is ``--threshold`` (a hard floor when given),
    ``fail_on`` is ``--fail-on`` for the findings' ``fails`` column (kinds,
    a comma-separated string, ``"all"`` or ``"none"``; default
    ``quote,number,name``), ``strict`` is ``--strict``, ``explain`` is ``--explain`` (pairwise
    rows gain an ``explain`` object).
    """
    kind, report_json, report_csv, records, warns = _native.compare(
        _items(texts_or_paths, outlets),
        lexical=lexical,
        threshold=threshold,
        model=model,
        fail_on=_fail_on(fail_on),
        strict=strict,
        claims=claims,
        explain=explain,
    )
    _warn(warns)
    return Report(kind, report_json, report_csv, records)


def findings(texts_or_paths: Iterable[Article], **options) -> list:
    """The findings table of :func:`compare` (same options): a list of dicts
    keyed by :data:`FINDINGS_COLUMNS`."""
    return compare(texts_or_paths, **options).findings


def check(
    story: Article,
    against: Article | Iterable[Article],
    *,
    fail_on: str | Iterable[str] | None = ("quote", "number", "name"),
    lexical: bool = False,
    threshold: float | None = None,
    model: str | os.PathLike | None = None,
    outlets: Sequence[str] | None = None,
    strict: bool = False,
) -> Report:
    """Checks a story against reference copy, as ``claimdiff check``: the
    ``check --format json`` report, its findings table (``fails`` as
    ``fail_on`` says) and ``report.fails`` (the exit status 1 of the
    command line). ``outlets`` names the story and then each reference
    given as text."""
    refs = list(against) if not isinstance(against, (str, os.PathLike, Mapping)) else [against]
    names = list(outlets) if outlets is not None else ["story"] + [f"reference{i + 1}" for i in range(len(refs))]
    if len(names) != len(refs) + 1:
        raise ValueError(f"outlets names {len(names)} articles, but {len(refs) + 1} are given")
    kind, report_json, report_csv, records, warns = _native.check(
        _item(story, names[0]),
        [_item(r, names[i + 1]) for i, r in enumerate(refs)],
        lexical=lexical,
        threshold=threshold,
        model=model,
        fail_on=_fail_on(fail_on),
        strict=strict,
    )
    _warn(warns)
    return Report(kind, report_json, report_csv, records)



STORIES_COLUMNS: tuple = ("story", "article", "outlet", "date", "title")
"""The columns of :func:`stories`' rows: ``claimdiff stories --format csv``."""


def stories(
    texts_or_paths: Iterable[Article],
    *,
    threshold: float | None = None,
    window_days: int | None = None,
    outlets: Sequence[str] | None = None,
    strict: bool = False,
    frame: bool = False,
):
    """Groups articles into stories (the articles that report one event), as
    ``claimdiff stories``: a list of rows ``{"story", "article", "outlet",
    "date", "title"}`` (the ``--format csv`` contract; ``date`` and
    ``title`` ``None`` when unknown) plus ``index``, the article's position
    among the loaded articles (inputs in order, a folder's or JSONL file's
    articles in theirs), stories in order; or a pandas DataFrame with those
    columns when ``frame=True``.

    ``threshold`` is ``--story-threshold``, ``window_days`` is
    ``--window-days``. A folder or JSONL path counts as all its articles.
    """
    out, positions, warns = _native.stories(
        _items(texts_or_paths, outlets), threshold=threshold, window_days=window_days, strict=strict
    )
    _warn(warns)
    rows = [
        {"story": s["id"], **{k: a[k] for k in ("article", "outlet", "date", "title")}, "index": i}
        for s, idx in zip(json.loads(out)["stories"], positions)
        for a, i in zip(s["articles"], idx)
    ]
    if frame:
        import pandas as pd

        return pd.DataFrame(rows, columns=[*STORIES_COLUMNS, "index"])
    return rows
