"""Attribution <-> JSON contract v1 (``data/contract-v1.schema.json``).

The service, the browser extension and the notebook widget all consume exactly this.
Offsets ``start``/``end`` are Python code points into ``article.text``; every
``selector`` also carries ``utf16_start``/``utf16_end`` because JavaScript strings count
UTF-16 code units (every offset after an emoji differs), plus ``exact``/``prefix``/``suffix``
for anchoring in a live page whose text differs from the cleaned article (the Hypothesis
TextQuoteSelector idea); for a page the browser mis-decoded they quote the mojibake it shows
(``Article.shown``).
"""
from __future__ import annotations

import json
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from typing import Any

from .types import Article, Attribution, Quote, Span, Speaker
from .version import __version__

SCHEMA_VERSION = 1
SELECTOR_CONTEXT = 32  # characters of prefix and suffix, as Hypothesis' TextQuoteSelector uses


class Utf16Map:
    """Code-point offset -> UTF-16 offset, computed once per text (astral chars count 2)."""

    def __init__(self, text: str):
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        if not self._astral:
            return offset
        # number of astral characters strictly before ``offset``
        lo, hi = 0, len(self._astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return offset + lo


class Shown:
    """``text[a:b]`` as the page shows it: ``Article.shown`` put back (a mis-decoded page's
    mojibake), so that a selector quotes the live page; the plain slice when there is none."""

    def __init__(self, text: str, shown: tuple[tuple[int, str], ...] = ()):
        self.text = text
        self._at = [at for at, _ in shown]
        self._chars = [chars for _, chars in shown]

    def __call__(self, start: int, end: int) -> str:
        lo = bisect_left(self._at, start)
        hi = bisect_left(self._at, end, lo)
        if lo == hi:
            return self.text[start:end]
        out, pos = [], start
        for at, chars in zip(self._at[lo:hi], self._chars[lo:hi]):
            out.append(self.text[pos:at])
            out.append(chars)
            pos = at + 1
        out.append(self.text[pos:end])
        return "".join(out)


def selector(text: str, span: Span, u16: Utf16Map, shown: Shown | None = None) -> dict[str, Any]:
    """Offsets index ``text``; exact, prefix and suffix are what the page shows (``shown``)."""
    show = shown or Shown(text)
    return {
        "exact": show(span.start, span.end),
        "prefix": show(max(0, span.start - SELECTOR_CONTEXT), span.start)[-SELECTOR_CONTEXT:],
        "suffix": show(span.end, span.end + SELECTOR_CONTEXT)[:SELECTOR_CONTEXT],
        "utf16_start": u16(span.start),
        "utf16_end": u16(span.end),
    }


def _span(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start:span.end]}


def to_dict(attribution: Attribution) -> dict[str, Any]:
    """The JSON-ready dict of contract v1."""
    art = attribution.article
    text = art.text
    u16 = Utf16Map(text)
    shown = Shown(text, art.shown)
    speakers = {s.id: s for s in attribution.speakers}
    counts: dict[str, int] = {}
    for q in attribution.quotes:
        if q.speaker_id:
            counts[q.speaker_id] = counts.get(q.speaker_id, 0) + 1
    quotes = []
    for q in attribution.quotes:
        sp = speakers.get(q.speaker_id) if q.speaker_id else None
        whole = Span(q.start, q.end)
        quotes.append({
            "id": q.id,
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "text": text[q.start:q.end],
            "contents": [dict(_span(text, c), selector=selector(text, c, u16, shown)) for c in q.contents],
            "cue": _span(text, q.cue),
            "clause": _span(text, q.clause),
            "speaker_id": q.speaker_id,
            "speaker": sp.name if sp else None,
            "speaker_type": sp.type if sp else "unknown",
            "role": sp.role if sp else None,
            "mention": _span(text, q.mention),
            "confidence": round(q.confidence, 3),
            "selector": selector(text, whole, u16, shown),
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "quotelens_version": __version__,
        "model": attribution.model,
        "article": {
            "text": text,
            "url": art.url,
            "title": art.title,
            "byline": art.byline,
            "published": art.published,
            "paragraphs": [[p.start, p.end] for p in art.paragraphs],
            "boilerplate": [[b.start, b.end] for b in art.boilerplate],
        },
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "type": s.type,
                "quote_count": counts.get(s.id, 0),
                "mentions": [_span(text, m) for m in s.mentions],
            }
            for s in attribution.speakers
        ],
        "quotes": quotes,
        "warnings": list(attribution.warnings),
    }


def to_json(attribution: Attribution, **dumps_kwargs: Any) -> str:
    dumps_kwargs.setdefault("ensure_ascii", False)
    return json.dumps(to_dict(attribution), **dumps_kwargs)


def from_dict(data: dict[str, Any]) -> Attribution:
    """Rebuild an Attribution from contract v1 JSON (inverse of ``to_dict``)."""
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"unsupported schema_version {data.get('schema_version')!r}")
    a = data["article"]
    article = Article(
        text=a["text"], url=a.get("url"), title=a.get("title"), byline=a.get("byline"),
        published=a.get("published"),
        paragraphs=tuple(Span(s, e) for s, e in a.get("paragraphs", ())),
        boilerplate=tuple(Span(s, e) for s, e in a.get("boilerplate", ())),
    )
    speakers = tuple(
        Speaker(id=s["id"], name=s["name"], role=s["role"], type=s["type"],
                mentions=tuple(Span(m["start"], m["end"]) for m in s["mentions"]))
        for s in data["speakers"]
    )
    quotes = tuple(
        Quote(id=q["id"], kind=q["kind"],
              contents=tuple(Span(c["start"], c["end"]) for c in q["contents"]),
              cue=Span(q["cue"]["start"], q["cue"]["end"]) if q["cue"] else None,
              speaker_id=q["speaker_id"],
              mention=Span(q["mention"]["start"], q["mention"]["end"]) if q["mention"] else None,
              confidence=q["confidence"],
              clause=Span(q["clause"]["start"], q["clause"]["end"]) if q.get("clause") else None)
        for q in data["quotes"]
    )
    return Attribution(article=article, quotes=quotes, speakers=speakers,
                       model=data.get("model"), warnings=tuple(data.get("warnings", ())))


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of contract v1, shipped inside the package."""
    path = resources.files("quotelens") / "data" / "contract-v1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
