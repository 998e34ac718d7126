"""The Parquet dataset's three tables: their schemas and the rows of one document.

Plain column types only (strings, 64-bit integers, doubles), so that pandas, pyarrow, DuckDB and
Spark read the files without quotelens. docs/corpus.md documents every column; a test reads the
schema back with pyarrow and DuckDB.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

TABLES = ("quotes", "documents", "speakers")

#: (column, type); type is the pyarrow type name: "string", "int64" or "float64".
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "quotes": (
        ("doc_id", "string"), ("url", "string"), ("published", "string"),
        ("quote_id", "string"), ("kind", "string"), ("text", "string"),
        ("start", "int64"), ("end", "int64"),
        ("speaker", "string"), ("speaker_id", "string"), ("speaker_type", "string"), ("role", "string"),
        ("confidence", "float64"), ("cue", "string"), ("mention", "string"),
    ),
    "documents": (
        ("doc_id", "string"), ("source", "string"), ("url", "string"), ("site", "string"),
        ("title", "string"), ("published", "string"), ("crawled", "string"),
        ("words", "int64"), ("quotes", "int64"), ("speakers", "int64"),
        ("error_code", "string"), ("error_message", "string"),
    ),
    "speakers": (
        ("doc_id", "string"), ("speaker_id", "string"), ("name", "string"), ("type", "string"),
        ("role", "string"), ("quotes", "int64"), ("mentions", "int64"),
    ),
}


def schema(table: str):
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def site_of(url: str | None) -> str | None:
    """The outlet, as the host name without "www." ("nytimes.com"); None without a URL."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return (host[4:] if host.startswith("www.") else host) or None


def document_rows(doc_id: str, meta: dict[str, Any], contract: dict[str, Any] | None,
                  error: dict[str, str] | None) -> dict[str, list[dict[str, Any]]]:
    """One document -> its rows in each table. ``meta``: source, url, crawled from the reader."""
    if contract is None:
        url = meta.get("url")
        doc = {"doc_id": doc_id, "source": meta.get("source"), "url": url, "site": site_of(url),
               "title": None, "published": None, "crawled": meta.get("crawled"), "words": None,
               "quotes": None, "speakers": None, "error_code": error["code"] if error else None,
               "error_message": error["message"] if error else None}
        return {"quotes": [], "documents": [doc], "speakers": []}
    art = contract["article"]
    url = art["url"] or meta.get("url")
    quotes = [{
        "doc_id": doc_id, "url": url, "published": art["published"], "quote_id": q["id"], "kind": q["kind"],
        "text": q["text"], "start": q["start"], "end": q["end"], "speaker": q["speaker"],
        "speaker_id": q["speaker_id"], "speaker_type": q["speaker_type"], "role": q["role"],
        "confidence": q["confidence"], "cue": q["cue"]["text"] if q["cue"] else None,
        "mention": q["mention"]["text"] if q["mention"] else None,
    } for q in contract["quotes"]]
    speakers = [{"doc_id": doc_id, "speaker_id": s["id"], "name": s["name"], "type": s["type"],
                 "role": s["role"], "quotes": s["quote_count"], "mentions": len(s["mentions"])}
                for s in contract["speakers"]]
    doc = {"doc_id": doc_id, "source": meta.get("source"), "url": url, "site": site_of(url),
           "title": art["title"], "published": art["published"], "crawled": meta.get("crawled"),
           "words": len(art["text"].split()), "quotes": len(quotes), "speakers": len(speakers),
           "error_code": None, "error_message": None}
    return {"quotes": quotes, "documents": [doc], "speakers": speakers}


def to_arrow(rows: dict[str, list[dict[str, Any]]]):
    """Rows of each table -> pyarrow Tables with the fixed schemas (an empty table keeps them)."""
    import pyarrow as pa

    return {name: pa.Table.from_pylist(rows[name], schema=schema(name)) for name in TABLES}
