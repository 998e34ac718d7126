"""What readers produce: a raw document (or the error that stands for one), and how far they read."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Document:
    """One raw document, as the worker receives it.

    kind: "line" (a JSONL line, read by the worker; ``id`` is its line number until the line names
    one), "record" (a dict in the batch format), "html" (a page's bytes) or "error" (``value`` is
    {"code", "message"}: the reader could not produce the document)."""

    id: Any
    kind: str
    value: Any
    url: str | None = None
    crawled: str | None = None
    source: str | None = None
    encoding: str | None = None


class Position:
    """Input bytes read so far, over all sources: the progress line's ETA."""

    def __init__(self, total: int):
        self.total = total
        self._done = 0
        self._file: Any = None

    def start(self, fileobj: Any) -> None:
        self._file = fileobj

    def finish(self, size: int) -> None:
        self._done += size
        self._file = None

    @property
    def read(self) -> int:
        try:
            here = self._file.tell() if self._file is not None else 0
        except (OSError, ValueError):
            here = 0
        return self._done + here


def file_error(path: str, code: str, message: str) -> Document:
    return Document(id=path, kind="error", value={"code": code, "message": message}, source=path)
