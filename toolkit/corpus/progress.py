"""The progress line on stderr: documents/s, words/s, errors and an ETA from the input bytes read.

The number of documents in an archive is not known before it is read (a WARC file is read once),
but the size of every input is: the ETA is the time left to read the remaining bytes at the rate
so far. On a terminal the line is redrawn in place; in a log, a line is printed every LOG_EVERY s.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

from .documents import Position

REDRAW_EVERY = 0.5  # s, on a terminal
LOG_EVERY = 30.0  # s, when stderr is a file


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, position: Position, enabled: bool = True, stream: TextIO | None = None):
        self.position, self.enabled = position, enabled
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = self.last = time.monotonic()
        self.documents = self.errors = self.words = 0
        self.running = False  # no line for a run that never started (its error says why)

    def restart(self) -> None:
        """Count rates from now: the model load and the cluster's start are not throughput."""
        self.start = self.last = time.monotonic()
        self.running = True

    def note(self, message: str) -> None:
        if self.enabled:
            print(message, file=self.stream, flush=True)

    def update(self, documents: int, errors: int, words: int) -> None:
        self.documents += documents
        self.errors += errors
        self.words += words
        now = time.monotonic()
        if self.enabled and now - self.last >= (REDRAW_EVERY if self.tty else LOG_EVERY):
            self.last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self.start)
        parts = [f"{self.documents:,} docs", f"{self.documents / elapsed:.1f} docs/s",
                 f"{self.words / elapsed:,.0f} words/s", f"{self.errors:,} errors"]
        total, read = self.position.total, self.position.read
        if total and read:
            parts.append(f"{min(100.0, 100 * read / total):.0f}% read")
            parts.append(f"ETA {_clock(elapsed * max(0, total - read) / read)}")
        return " · ".join(parts)

    def _draw(self, now: float) -> None:
        if self.tty:
            self.stream.write("\r" + self.line(now) + "\x1b[K")
        else:
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.running:
            if self.tty:
                self.stream.write("\r\x1b[K")
            self.stream.write(self.line() + "\n")
            self.stream.flush()
