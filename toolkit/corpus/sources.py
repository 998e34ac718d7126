"""Inputs of a corpus run: file names and globs -> a stream of raw documents, never a list of all.

    .jsonl, .jsonl.gz (and any other file): one batch record a line, {"id", "text"|"html"|"url"}
    .parquet:                               columns id and one of text, html, url (row groups streamed)
    .warc, .warc.gz:                        WARC response records with HTML (warc.py)
    a folder:                               every .html/.htm under it; the id is the relative path
    -:                                      JSONL on stdin

The client reads; workers clean and parse. A document is shipped raw (a JSONL line is parsed on the
worker), so the reading process does little besides I/O. A problem with one record is one error
document in its place; a problem with a whole file (unreadable, truncated, wrong columns) is one
error document for what was lost, and the next file is read as usual.
"""
from __future__ import annotations

import glob
import gzip
import io
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import BadInput
from .documents import Document, Position, file_error

PAGE_SUFFIXES = (".html", ".htm")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Source:
    """One input: a file of documents, a folder of pages, or stdin."""

    path: str
    kind: str  # "jsonl", "parquet", "warc", "folder", "page", "stdin"
    size: int  # bytes, for the ETA (0 when unknown)


def _kind_of(path: str) -> str:
    name = path.lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith(PAGE_SUFFIXES):
        return "page"
    return "jsonl"  # .jsonl, .jsonl.gz, .ndjson, and, as before, any other file name


def _source(path: str) -> Source:
    if os.path.isdir(path):
        size = sum(p.stat().st_size for p in _pages(Path(path)))
        return Source(path, "folder", size)
    return Source(path, _kind_of(path), os.stat(path).st_size)


def expand_inputs(inputs: list[str]) -> list[Source]:
    """Each argument -> sources, in the order given (a glob's matches sorted). A missing file, an
    empty glob or a URL is refused before anything runs: it is a typo, not a bad document."""
    if not inputs:
        raise BadInput("no input given")
    sources: list[Source] = []
    for arg in inputs:
        if arg == "-":
            sources.append(Source("-", "stdin", 0))
            continue
        scheme = _SCHEME.match(arg)
        if scheme:
            raise BadInput(f"{arg}: batch inputs are local files, folders or globs, not {scheme.group(1)}:// "
                           "URLs (to fetch pages, give a JSONL file of {\"id\", \"url\"} lines)")
        if _GLOB.search(arg) and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise BadInput(f"no file matches {arg}")
            sources.extend(_source(m) for m in matches)
            continue
        if not os.path.exists(arg):
            raise BadInput(f"no such file: {arg}")
        if os.path.isdir(arg) and not any(True for _ in _page_names(Path(arg))):
            # as for an empty glob: a folder with no page in it is a wrong path, not an empty corpus
            raise BadInput(f"{arg} is a folder with no .html or .htm page in it")
        sources.append(_source(arg))
    return sources


def describe(sources: list[Source]) -> list[dict[str, Any]]:
    """What a run read, for its manifest: the same list means the same documents in the same order."""
    return [{"path": os.path.abspath(s.path) if s.kind != "stdin" else "-", "kind": s.kind, "size": s.size}
            for s in sources]


def read_documents(sources: list[Source], max_page_bytes: int, position: Position | None = None
                   ) -> Iterator[Document]:
    """Every document of every source, in order, streamed."""
    from .warc import read_warc

    position = position or Position(0)
    for src in sources:
        readers = {"jsonl": _read_jsonl, "stdin": _read_jsonl, "parquet": _read_parquet,
                   "folder": _read_folder, "page": _read_page}
        try:
            if src.kind == "warc":
                yield from read_warc(src.path, max_page_bytes, position)
            else:
                yield from readers[src.kind](src, max_page_bytes, position)
        except OSError as exc:  # unreadable file, or gone since the run started
            yield file_error(src.path, "unreadable", f"{src.path}: {exc.strerror or exc}")
        finally:
            position.finish(src.size)


def _read_jsonl(src: Source, max_page_bytes: int, position: Position) -> Iterator[Document]:
    raw = sys.stdin.buffer if src.kind == "stdin" else open(src.path, "rb")
    try:
        position.start(raw if src.kind != "stdin" else None)
        gz = src.path.lower().endswith(".gz")
        binary = gzip.GzipFile(fileobj=raw) if gz else raw
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="replace")
        n = 0
        try:
            for n, line in enumerate(text, 1):
                if line.strip():
                    yield Document(id=n, kind="line", value=line, source=src.path)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            # a truncated or damaged .gz: what was read stands; the rest of the file is one error
            yield file_error(src.path, "bad_input",
                             f"{src.path}: compressed data ends or breaks after line {n} ({exc}); "
                             "the lines before it were read")
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def _read_parquet(src: Source, max_page_bytes: int, position: Position) -> Iterator[Document]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(src.path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid and friends
        yield file_error(src.path, "bad_input", f"{src.path}: not a readable Parquet file ({exc})")
        return
    names = set(pf.schema_arrow.names)
    content = [c for c in ("text", "html", "url") if c in names]
    if not content:
        yield file_error(src.path, "bad_input",
                         f"{src.path}: a Parquet input needs a column text, html or url (and id); "
                         f"it has {', '.join(sorted(names)) or 'no columns'}")
        return
    columns = (["id"] if "id" in names else []) + content
    row = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for item in batch.to_pylist():
            row += 1
            record = {k: v for k, v in item.items() if v is not None}
            if isinstance(record.get("html"), bytes):
                yield Document(id=record.get("id", row), kind="html", value=record["html"],
                               url=record.get("url"), source=src.path)
                continue
            record.setdefault("id", row)
            yield Document(id=record["id"], kind="record", value=record, source=src.path)


def _page_names(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())


def _pages(folder: Path) -> list[Path]:
    # sorted, so that a run and its resume see the same order; a list of names, not of pages
    return sorted(_page_names(folder))


def _read_folder(src: Source, max_page_bytes: int, position: Position) -> Iterator[Document]:
    root = Path(src.path)
    for path in _pages(root):
        yield _page(str(path), path.relative_to(root).as_posix(), max_page_bytes)


def _read_page(src: Source, max_page_bytes: int, position: Position) -> Iterator[Document]:
    yield _page(src.path, Path(src.path).name, max_page_bytes)


def _page(path: str, doc_id: str, max_page_bytes: int) -> Document:
    try:
        size = os.stat(path).st_size
        if size > max_page_bytes:
            return Document(id=doc_id, kind="error", source=path, value={
                "code": "too_large", "message": f"{doc_id} is {size:,} bytes; the limit is {max_page_bytes:,}"})
        with open(path, "rb") as f:
            return Document(id=doc_id, kind="html", value=f.read(), source=path)
    except OSError as exc:
        return Document(id=doc_id, kind="error", source=path,
                        value={"code": "unreadable", "message": f"{doc_id}: {exc.strerror or exc}"})
