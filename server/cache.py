"""An in-memory LRU of serialized answers, bounded in entries and in bytes, thread-safe.

Values are the JSON bytes sent to the client, so a hit costs a dict lookup and no
re-serialisation: the extension asking twice about the same page gets an instant answer.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable


class ResultCache:
    def __init__(self, max_entries: int, max_bytes: int, clock: Callable[[], float] = time.monotonic):
        self.max_entries = max(0, int(max_entries))
        self.max_bytes = max(0, int(max_bytes))
        self._clock = clock
        self._items: OrderedDict[str, tuple[bytes, float | None]] = OrderedDict()  # key -> (value, expires)
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None and item[1] is not None and item[1] <= self._clock():
                self._drop(key)
                item = None
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[0]

    def put(self, key: str, value: bytes, ttl: float | None = None) -> None:
        """Store ``value``; one larger than the whole byte budget is not stored at all."""
        if self.max_entries == 0 or len(value) > self.max_bytes:
            return
        expires = self._clock() + ttl if ttl is not None else None
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (value, expires)
            self._bytes += len(value)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._items)))  # least recently used first

    def _drop(self, key: str) -> None:
        value, _ = self._items.pop(key)
        self._bytes -= len(value)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._items), "bytes": self._bytes, "hits": self.hits, "misses": self.misses}

    def __len__(self) -> int:
        return len(self._items)
