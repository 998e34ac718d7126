"""What a worker does with one partition: raw documents -> output rows, never an exception.

A partition's output depends only on its documents, so running it twice (Dask retrying the tasks of
a worker that died) gives the same rows: the client writes each partition once, whoever computed it.
The parse runs over the partition at once (spaCy's ``nlp.pipe``); if that fails, each document is
retried alone, so that one bad document costs only itself.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ..config import Config
from ..errors import BadInput, QuotelensError
from .documents import Document
from .tables import document_rows, to_arrow

if TYPE_CHECKING:
    from ..pipeline import Pipeline

PipelineFactory = Callable[[Config], "Pipeline"]

# One pipeline per (config, factory) in each process: a worker loads the model once, when the
# worker plugin sets it up (engine.py), and every task after that finds it here.
_pipelines: dict[tuple[Config, Any], Any] = {}


def pipeline_for(config: Config, factory: PipelineFactory | None = None):
    key = (config, factory)
    pipe = _pipelines.get(key)
    if pipe is None:
        if factory is None:
            from ..pipeline import get_pipeline as factory
        pipe = _pipelines[key] = factory(config)
    return pipe


@dataclass
class PartitionResult:
    """One partition's output: JSONL lines, or a pyarrow Table per table of the dataset."""

    output: Any
    documents: int
    errors: int
    words: int


def _error(exc: BaseException) -> dict[str, str]:
    if isinstance(exc, QuotelensError) and type(exc) is not QuotelensError:
        return exc.to_dict()
    if isinstance(exc, QuotelensError):
        return {"code": "internal", "message": exc.message}
    return {"code": "internal", "message": f"{type(exc).__name__}: {exc}"}


def _read(doc: Document, pipe) -> tuple[Any, dict[str, Any], Any]:
    """A raw document -> (id, metadata, Article or an error dict)."""
    from ..pipeline import read_item  # here: `quotelens --help` need not load trafilatura

    doc_id: Any = doc.id
    meta = {"source": doc.source, "url": doc.url, "crawled": doc.crawled}
    try:
        if doc.kind == "error":
            return doc_id, meta, dict(doc.value)
        if doc.kind == "html":
            extra = {"encoding": doc.encoding} if doc.encoding else {}
            return doc_id, meta, pipe.article_from_html(doc.value, url=doc.url, **extra)
        item = doc.value
        if doc.kind == "line":
            try:
                item = json.loads(doc.value)
            except json.JSONDecodeError as exc:
                raise BadInput(f"line {doc.id} is not JSON: {exc.msg}") from None
            if not isinstance(item, dict):
                raise BadInput(f"line {doc.id} is not a JSON object")
        doc_id = item.get("id", doc.id)
        kind, value, url = read_item(item)
        meta["url"] = value if kind == "url" else url
        if kind == "url":
            return doc_id, meta, pipe.article_from_url(value)
        read = pipe.article_from_text if kind == "text" else pipe.article_from_html
        return doc_id, meta, read(value, url=url)
    except Exception as exc:  # noqa: BLE001 - one bad document must not end the partition
        return doc_id, meta, _error(exc)


def attribute_documents(docs: list[Document], pipe) -> list[tuple[Any, dict[str, Any], Any]]:
    """Documents -> (id, metadata, contract dict or error dict), in order."""
    from ..serialize import to_dict

    read = [_read(doc, pipe) for doc in docs]
    articles = [art if not isinstance(art, dict) else QuotelensError("unread") for _, _, art in read]
    try:
        results = list(pipe.run_many(articles)) if pipe is not None else articles
    except Exception:  # noqa: BLE001 - retry one by one so that one bad document costs only itself
        results = []
        for art in articles:
            try:
                results.extend(pipe.run_many([art]))
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
    out = []
    for (doc_id, meta, art), res in zip(read, results):
        if isinstance(art, dict):
            out.append((doc_id, meta, art))
        elif isinstance(res, BaseException):
            out.append((doc_id, meta, _error(res)))
        else:
            try:
                out.append((doc_id, meta, to_dict(res)))
            except Exception as exc:  # noqa: BLE001
                out.append((doc_id, meta, _error(exc)))
    return out


def jsonl_record(doc_id: Any, outcome: dict[str, Any]) -> dict[str, Any]:
    """The `quotelens batch` JSONL line: {"id", "text", "quotes", "speakers"} or {"id", "error"}."""
    if "schema_version" not in outcome:
        return {"id": doc_id, "error": outcome}
    return {"id": doc_id, "text": outcome["article"]["text"], "quotes": outcome["quotes"],
            "speakers": outcome["speakers"]}


def process_partition(docs: list[Document], config: Config, fmt: str,
                      factory: PipelineFactory | None = None) -> PartitionResult:
    """The task the engine runs: one partition of raw documents -> its output, in order."""
    # a partition of errors only (a document that killed its workers) needs no model
    pipe = pipeline_for(config, factory) if any(d.kind != "error" for d in docs) else None
    outcomes = attribute_documents(docs, pipe)
    errors = words = 0
    lines: list[str] = []
    rows: dict[str, list[dict[str, Any]]] = {"quotes": [], "documents": [], "speakers": []}
    for doc_id, meta, outcome in outcomes:
        ok = "schema_version" in outcome
        errors += not ok
        words += len(outcome["article"]["text"].split()) if ok else 0
        if fmt == "jsonl":
            lines.append(json.dumps(jsonl_record(doc_id, outcome), ensure_ascii=False) + "\n")
            continue
        for name, part in document_rows(str(doc_id), meta, outcome if ok else None,
                                        None if ok else outcome).items():
            rows[name].extend(part)
    output = "".join(lines) if fmt == "jsonl" else to_arrow(rows)
    return PartitionResult(output=output, documents=len(outcomes), errors=errors, words=words)


def process_line(line: str, lineno: int, pipe) -> dict[str, Any]:
    """One batch input line -> one output record (an error record for a bad line)."""
    doc_id, _, outcome = attribute_documents([Document(id=lineno, kind="line", value=line)], pipe)[0]
    return jsonl_record(doc_id, outcome)
