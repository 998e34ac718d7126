"""WARC input (warcio): each ``response`` record with an HTML payload is one document.

The id is the record's WARC-Record-ID, the url its WARC-Target-URI, and ``crawled`` its WARC-Date
(the page's own publication date, when it states one, comes from the cleaner). Other records
(requests, metadata, images, PDFs) are skipped.

A corrupt record does not end the file: it becomes one error document, and reading starts again at
the next record boundary (the next gzip member of a .warc.gz, the next ``WARC/1.`` line of a .warc),
so every intact record is still read.
"""
from __future__ import annotations

from typing import Iterator

from .documents import Document, Position, file_error

HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_BLOCK = 1 << 20


def _magic(head: bytes) -> bytes:
    return b"\x1f\x8b\x08" if head.startswith(b"\x1f\x8b") else b"WARC/1."


def _next_boundary(f, start: int, magic: bytes) -> int | None:
    """Offset of the next record start at or after ``start``, or None at the end of the file."""
    f.seek(start)
    carry = b""
    base = start
    while True:
        block = f.read(_SCAN_BLOCK)
        if not block:
            return None
        data = carry + block
        at = data.find(magic)
        if at >= 0:
            return base - len(carry) + at
        carry = data[-(len(magic) - 1):]
        base += len(block)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc(path: str, max_page_bytes: int, position: Position) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        position.start(f)
        magic = _magic(f.read(2))
        f.seek(0)
        start = 0
        while start is not None:
            f.seek(start)
            records = ArchiveIterator(f)
            try:
                for record in records:
                    doc = _document(record, path, max_page_bytes)
                    if doc is not None:
                        yield doc
                start = None  # the end of the file
            except Exception as exc:  # noqa: BLE001 - warcio, zlib and gzip each raise their own
                bad = records.offset
                yield file_error(f"{path}@{bad}", "bad_input",
                                 f"{path}: corrupt WARC record at byte {bad} ({type(exc).__name__}: {exc}); "
                                 "reading resumes at the next record")
                start = _next_boundary(f, bad + 1, magic)


def _document(record, path: str, max_page_bytes: int) -> Document | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.split(";")[0].strip().lower() in HTML_TYPES:
        return None
    headers = record.rec_headers
    doc_id = headers.get_header("WARC-Record-ID")
    url, crawled = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
    body = record.content_stream().read(max_page_bytes + 1)
    if len(body) > max_page_bytes:
        return Document(id=doc_id, kind="error", url=url, crawled=crawled, source=path, value={
            "code": "too_large", "message": f"the page at {url} is over {max_page_bytes:,} bytes"})
    return Document(id=doc_id, kind="html", value=body, url=url, crawled=crawled, source=path,
                    encoding=_charset(content_type))
