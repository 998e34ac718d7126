"""Builders shared by the corpus tests: a WARC file written from HTML pages, JSONL inputs, tables read back."""
from __future__ import annotations

import io
import json
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "notebooks" / "data" / "wcxb"


def bundled_pages() -> list[tuple[str, bytes]]:
    """(url, HTML) of the WCXB pages bundled for the notebook (CC-BY-4.0, WCXB, Foley 2026)."""
    manifest = [json.loads(line) for line in (PAGES / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    return [(p["url"], (PAGES / p["file"]).read_bytes()) for p in manifest]


def write_warc(path: Path, pages: list[tuple[str, bytes]], gzip: bool = True) -> list[int]:
    """A WARC with a request and a response record per page, plus one image response (skipped by
    readers); returns each response record's byte offset, for tests that damage one."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for n, (url, html) in enumerate(pages):
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:page-{n}>",
                                                               "WARC-Date": f"2025-01-0{n + 1}T00:00:00Z"})
            offsets.append(f.tell())
            writer.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return offsets


def write_jsonl(path: Path, records: list) -> None:
    path.write_text("".join((json.dumps(r) if isinstance(r, dict) else r) + "\n" for r in records), encoding="utf-8")


def read_table(dataset: Path, name: str):
    import pyarrow.parquet as pq

    return pq.read_table(dataset / name)
