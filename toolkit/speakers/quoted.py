"""Which offsets of the article lie inside quotation marks: the speakers' words, not the writer's."""
from __future__ import annotations

import bisect
from typing import Sequence

from ..types import Span


class Quoted:
    """The stretches between quotation marks, for "is this offset inside one?" in log time."""

    def __init__(self, spans: Sequence[Span]):
        ordered = sorted(spans, key=lambda sp: sp.start)
        self.starts = [sp.start for sp in ordered]
        # the furthest end among the spans that start at or before each one (spans may nest)
        self.reach: list[int] = []
        for sp in ordered:
            self.reach.append(max(sp.end, self.reach[-1] if self.reach else sp.end))

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos
