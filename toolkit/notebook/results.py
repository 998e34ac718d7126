"""Notebook-friendly entry points: ``attribute()`` for one source, ``attribute_many()`` for a corpus.

    >>> import quotelens
    >>> result = quotelens.attribute("https://example.org/news/story.html")   # doctest: +SKIP
    >>> result.to_dataframe()[["speaker", "role", "text"]]                     # doctest: +SKIP
    >>> df = quotelens.attribute_many(["a.html", "b.html"], workers=2)         # doctest: +SKIP

A source is plain text, HTML (detected from its first tag), an http(s) URL, or a path to a file.
``attribute_many`` never raises for a bad item: the failure becomes a row with ``error_code`` and
``error_message``, and the batch goes on (the same rule as ``quotelens batch``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal

from ..config import Config
from ..errors import BadInput, EmptyText, InputTooLarge, QuotelensError
from ..serialize import from_dict, to_dict
from ..types import Article, Attribution, Speaker
from .needs import need

if TYPE_CHECKING:
    import pandas as pd

SourceKind = Literal["text", "html", "url", "file"]

#: One row per quote, in this order (``to_dataframe`` and ``attribute_many``).
QUOTE_COLUMNS = ("quote_id", "kind", "text", "start", "end", "speaker", "speaker_id", "speaker_type",
                 "role", "confidence", "cue", "mention")
#: ``attribute_many`` adds the document id first and the two error columns last.
MANY_COLUMNS = ("doc_id", *QUOTE_COLUMNS, "error_code", "error_message")

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
# Markup that makes a string HTML rather than text quoting a tag in passing.
_HTML_TAG = re.compile(r"<(?:!doctype|html|head|body|p|div|article|main|section|span|br|h[1-6])\b", re.IGNORECASE)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_FILE_SUFFIXES = _HTML_SUFFIXES | {".txt", ".text", ".md"}
_MAX_PATH = 4096  # longer strings are never taken for a file name


def looks_like_html(source: str) -> bool:
    """HTML when it starts with a tag or carries page-structure tags near the top."""
    head = source.lstrip()[:4000]
    return head.startswith("<") or bool(_HTML_TAG.search(head))


def _existing_file(source: str) -> Path | None:
    if len(source) > _MAX_PATH or "\n" in source or "\x00" in source:
        return None
    try:
        path = Path(source).expanduser()
        return path if path.is_file() else None
    except (OSError, ValueError):  # name too long, bad characters
        return None


def detect_source(source: str) -> SourceKind:
    """What kind of input a string is: a URL, an existing file, HTML, or plain text."""
    stripped = source.strip()
    if _URL.fullmatch(stripped):
        return "url"
    if _existing_file(stripped):
        return "file"
    if (stripped and not any(ch.isspace() for ch in stripped)
            and Path(stripped).suffix.lower() in _FILE_SUFFIXES and len(stripped) < _MAX_PATH):
        raise BadInput(f"no such file: {stripped}")
    return "html" if looks_like_html(source) else "text"


@dataclass(frozen=True)
class QuoteRecord:
    """One attributed quote as a notebook user reads it (the same fields as a DataFrame row)."""

    quote_id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: str | None
    speaker_type: str
    role: str | None
    confidence: float
    cue: str | None
    mention: str | None


def _quote_rows(contract: dict[str, Any]) -> list[dict[str, Any]]:
    return [{
        "quote_id": q["id"], "kind": q["kind"], "text": q["text"], "start": q["start"], "end": q["end"],
        "speaker": q["speaker"], "speaker_id": q["speaker_id"], "speaker_type": q["speaker_type"],
        "role": q["role"], "confidence": q["confidence"],
        "cue": q["cue"]["text"] if q["cue"] else None,
        "mention": q["mention"]["text"] if q["mention"] else None,
    } for q in contract["quotes"]]


class Result:
    """The attribution of one article, ready for a notebook: ``.quotes``, ``.speakers``,
    ``.to_dataframe()``, ``.to_dict()`` (JSON contract v1), and a highlighted HTML view."""

    def __init__(self, attribution: Attribution, source: SourceKind | None = None):
        self.attribution = attribution
        self.source = source

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Result":
        return cls(from_dict(data))

    @property
    def article(self) -> Article:
        return self.attribution.article

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        return self.attribution.speakers

    @cached_property
    def _contract(self) -> dict[str, Any]:
        return to_dict(self.attribution)

    @property
    def quotes(self) -> list[QuoteRecord]:
        return [QuoteRecord(**row) for row in _quote_rows(self._contract)]

    def to_dict(self) -> dict[str, Any]:
        """JSON contract v1, the same dict the service and the extension receive (a fresh copy)."""
        return to_dict(self.attribution)

    def to_dataframe(self) -> "pd.DataFrame":
        """One row per quote; columns ``QUOTE_COLUMNS``."""
        pd = need("pandas", "Result.to_dataframe()")

        return pd.DataFrame(_quote_rows(self._contract), columns=list(QUOTE_COLUMNS))

    def _repr_html_(self) -> str:
        from .render import render_html

        return render_html(self._contract)

    def __repr__(self) -> str:
        title = self.article.title or (self.article.text[:40] + "…" if len(self.article.text) > 40 else self.article.text)
        attributed = sum(1 for q in self.attribution.quotes if q.speaker_id)
        return (f"<Result {title!r}: {len(self.attribution.quotes)} quotes, {attributed} attributed, "
                f"{len(self.speakers)} speakers>")


def attribute(source: str | bytes | os.PathLike, *, url: str | None = None,
              config: Config | None = None) -> Result:
    """Attribute one article given as text, HTML, an http(s) URL, or a path to a file.

    ``url`` records where HTML or text came from (for a URL source the fetched address wins).
    Raises a ``QuotelensError`` subclass for unusable input (empty text, no article, fetch failure).
    """
    from ..pipeline import get_pipeline

    if isinstance(source, os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise BadInput(f"no such file: {path}")
        return _attribute_file(path, url, config)
    if isinstance(source, (bytes, bytearray)):
        head = bytes(source[:4000]).decode("utf-8", "ignore")
        if looks_like_html(head):
            return Result(get_pipeline(config).attribute_html(bytes(source), url=url), "html")
        return Result(get_pipeline(config).attribute_text(_decode_text(bytes(source)), url=url), "text")
    if not isinstance(source, str):
        raise BadInput(f"attribute() takes text, HTML, a URL or a path, not {type(source).__name__}")
    if not source.strip():
        raise EmptyText("the text is empty")
    kind = detect_source(source)
    if kind == "url":
        return Result(get_pipeline(config).attribute_url(source.strip()), "url")
    if kind == "file":
        return _attribute_file(Path(source.strip()).expanduser(), url, config)
    if kind == "html":
        return Result(get_pipeline(config).attribute_html(source, url=url), "html")
    return Result(get_pipeline(config).attribute_text(source, url=url), "text")


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"text is not UTF-8 (byte {exc.start}); pass HTML or decode it first") from None


def _attribute_file(path: Path, url: str | None, config: Config | None) -> Result:
    from ..pipeline import get_pipeline

    limit = (config or Config()).max_page_bytes
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(f"{path} is {size:,} bytes; the limit is {limit:,}")
    data = path.read_bytes()
    if path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(data[:4000].decode("utf-8", "ignore")):
        return Result(get_pipeline(config).attribute_html(data, url=url), "file")
    return Result(get_pipeline(config).attribute_text(_decode_text(data), url=url), "file")


# -- many documents -----------------------------------------------------------------------------
def _doc_id(item: Any, index: int) -> str:
    if isinstance(item, dict) and item.get("id") is not None:
        return str(item["id"])
    if isinstance(item, os.PathLike):
        return Path(item).name
    if isinstance(item, str) and _URL.fullmatch(item.strip()):
        return item.strip()
    if isinstance(item, str) and _existing_file(item.strip()):
        return Path(item.strip()).name
    return str(index)


def _attribute_item(item: Any, config: Config | None) -> Result:
    """One corpus item: a source for ``attribute`` or a batch line {"id", "text"|"html"|"url"}
    (read by pipeline.read_item, as `quotelens batch` reads its lines)."""
    if not isinstance(item, dict):
        return attribute(item, config=config)
    from ..pipeline import get_pipeline, read_item

    kind, value, url = read_item(item)
    pipe = get_pipeline(config)
    if kind == "url":
        return Result(pipe.attribute_url(value), "url")
    run = pipe.attribute_text if kind == "text" else pipe.attribute_html
    return Result(run(value, url=url), kind)


def _run_one(index: int, item: Any, config: Config | None) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
    """Rows and a summary for one item; every failure is caught and becomes an error row."""
    doc_id = _doc_id(item, index)
    try:
        result = _attribute_item(item, config)
    except QuotelensError as exc:
        error = {"error_code": exc.code, "error_message": exc.message}
    except Exception as exc:  # a bug on one page must not lose the corpus
        error = {"error_code": "internal_error", "error_message": f"{type(exc).__name__}: {exc}"}
    else:
        contract = result._contract
        rows = [{"doc_id": doc_id, **row, "error_code": None, "error_message": None} for row in _quote_rows(contract)]
        summary = {"doc_id": doc_id, "title": contract["article"]["title"], "url": contract["article"]["url"],
                   "quotes": len(rows), "error_code": None}
        return index, rows, summary
    return _error_rows(index, item, **error)


def _error_rows(index: int, item: Any, error_code: str, error_message: str
                ) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
    doc_id = _doc_id(item, index)
    row = dict.fromkeys(MANY_COLUMNS)
    row.update(doc_id=doc_id, error_code=error_code, error_message=error_message)
    return index, [row], {"doc_id": doc_id, "title": None, "url": None, "quotes": 0, "error_code": error_code}


def _run_chunk(chunk: list[tuple[int, Any]], config: Config | None) -> list[tuple[int, list, dict]]:
    """The engine's task: a few items, each to its rows (on a worker whose model is loaded)."""
    return [_run_one(i, item, config) for i, item in chunk]


def _lost_chunk(chunk: list[tuple[int, Any]], error: BaseException) -> list[tuple[int, list, dict]]:
    """Items whose worker process died each time they were tried (out of memory, a crash)."""
    return [_error_rows(i, item, "worker_failed", f"{type(error).__name__}: {error}") for i, item in chunk]


#: Items per task on a cluster: small, since an item may be a whole page and items are unequal.
ITEMS_PER_TASK = 4


def attribute_many(items: Iterable[Any], workers: int = 1, config: Config | None = None,
                   progress: bool = True, scheduler: str | None = None) -> "pd.DataFrame":
    """Attribute a corpus; one DataFrame with a row per quote (``MANY_COLUMNS``), in item order.

    ``items`` are sources for ``attribute`` (text, HTML, URL, path) or dicts like the CLI's batch
    lines: ``{"id", "text"}``, ``{"id", "html", "url"?}``, ``{"id", "url"}``. A failing item gives one
    row with ``error_code``/``error_message`` and the rest go on. ``workers > 1`` runs a local Dask
    cluster of that many processes, each loading the model once; ``scheduler="tcp://host:port"`` runs
    on an existing Dask cluster (the engine of `quotelens batch`, quotelens.corpus). For an archive
    larger than memory, use ``quotelens.attribute_corpus``. ``df.attrs["documents"]`` lists every item
    with its quote count, so documents without quotes are still accounted for.
    """
    import functools

    pd = need("pandas", "attribute_many()")
    from tqdm.auto import tqdm

    items = list(items)
    results: dict[int, tuple[list[dict[str, Any]], dict[str, Any]]] = {}
    bar = tqdm(total=len(items), desc="attributing", unit="doc", disable=not progress)
    try:
        if scheduler is None and (workers <= 1 or len(items) <= 1):
            for i, item in enumerate(items):
                _, rows, summary = _run_one(i, item, config)
                results[i] = (rows, summary)
                bar.update()
        else:
            from ..corpus import open_engine

            engine = open_engine(config or Config(), workers=min(workers, len(items)), scheduler=scheduler)
            try:
                indexed = list(enumerate(items))
                chunks = [(n, indexed[n:n + ITEMS_PER_TASK]) for n in range(0, len(indexed), ITEMS_PER_TASK)]
                for _, done in engine.map(functools.partial(_run_chunk, config=config), chunks, ordered=False,
                                          split=lambda chunk: [[x] for x in chunk],
                                          merge=lambda parts: [row for part in parts for row in part],
                                          lost=_lost_chunk):
                    for i, rows, summary in done:
                        results[i] = (rows, summary)
                    bar.update(len(done))
            finally:
                engine.close()
    finally:
        bar.close()
    ordered = [results[i] for i in range(len(items))]
    frame = pd.DataFrame([row for rows, _ in ordered for row in rows], columns=list(MANY_COLUMNS))
    # offsets stay integers even beside error rows (nullable ints, not floats with NaN)
    frame = frame.astype({"start": "Int64", "end": "Int64", "confidence": "Float64"})
    frame.attrs["documents"] = [summary for _, summary in ordered]
    return frame
