"""Static HTML of an attribution: what ``Result._repr_html_`` shows (no JavaScript, no anywidget).

The same picture as the widget's front end (static/widget.js ``buildSegments``): the article text with
each quote part highlighted in its speaker's colour, a legend, and speaker + role on hover (``title``).
Every string from the article is escaped; offsets are code points, so plain slicing is right here.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from .palette import color_index, line_index, widget_css


@dataclass
class Segment:
    """A stretch of the article covered by at most one quote part (the innermost one)."""

    start: int
    end: int
    quote: dict[str, Any] | None = None
    part: int = -1
    boilerplate: bool = False
    mention: str | None = None  # speaker id, for the words that name the speaker outside any quote

    def same_look(self, other: "Segment") -> bool:
        return (self.quote is other.quote and self.part == other.part
                and self.boilerplate == other.boilerplate and self.mention == other.mention)


def build_segments(data: dict[str, Any]) -> list[Segment]:
    """Flat segments in text order; a mixed quote nested in an indirect one wins where they overlap."""
    length = len(data["article"]["text"])

    def clamp(x: int) -> int:
        return max(0, min(length, int(x)))

    units = []  # (start, end, quote, part)
    mentions = []  # (start, end, speaker_id)
    for q in data.get("quotes", ()):
        for part, c in enumerate(q.get("contents") or ()):
            s, e = clamp(c["start"]), clamp(c["end"])
            if e > s:
                units.append((s, e, q, part))
        if q.get("mention") and q.get("speaker_id"):
            mentions.append((clamp(q["mention"]["start"]), clamp(q["mention"]["end"]), q["speaker_id"]))
    boiler = [(clamp(s), clamp(e)) for s, e in data["article"].get("boilerplate", ())]
    cuts = {0, length}
    for r in [*units, *mentions, *boiler]:
        cuts.update((r[0], r[1]))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        covering = [u for u in units if u[0] <= a and u[1] >= b]
        best = min(covering, key=lambda u: u[1] - u[0]) if covering else None
        mention = None if best else next((m[2] for m in mentions if m[0] <= a and m[1] >= b), None)
        seg = Segment(a, b, best[2] if best else None, best[3] if best else -1,
                      any(s <= a and e >= b for s, e in boiler), mention)
        if out and out[-1].same_look(seg):
            out[-1].end = b
        else:
            out.append(seg)
    return out


def describe_quote(q: dict[str, Any]) -> str:
    """Hover text: "Vitaly Churkin — Moscow’s UN Ambassador · direct quote · confidence 0.92"."""
    who = q.get("speaker") or q.get("speaker_id") or "unknown speaker"
    kind = q.get("speaker_type")
    typ = f" ({kind})" if kind not in (None, "person", "unknown") else ""
    role = f" — {q['role']}" if q.get("role") else ""
    return f"{who}{typ}{role} · {q['kind']} quote · confidence {float(q.get('confidence', 0)):.2f}"


def _colour_class(prefix: str, speaker_id: str | None) -> str:
    k = color_index(speaker_id)
    return f"{prefix} ql-speaker-unknown" if k is None else f"{prefix} ql-color-{k} ql-line-{line_index(speaker_id)}"


def _legend(data: dict[str, Any]) -> str:
    esc = html.escape
    quotes = data.get("quotes", [])
    speakers = sorted((s for s in data.get("speakers", []) if s.get("quote_count", 0) > 0),
                      key=lambda s: (-s["quote_count"], int(s["id"][1:]) if s["id"][1:].isdigit() else 0))
    items = []
    for s in speakers:
        parts = ['<span class="ql-swatch"></span>', f'<span class="ql-legend-name">{esc(s["name"] or s["id"])}</span>']
        if s.get("type") and s["type"] != "person":
            parts.append(f'<span class="ql-legend-type">{esc(s["type"])}</span>')
        if s.get("role"):
            parts.append(f'<span class="ql-legend-role">{esc(s["role"])}</span>')
        parts.append(f'<span class="ql-legend-count">{s["quote_count"]}</span>')
        cls = _colour_class(f"ql-legend-item ql-legend-static ql-speaker-{s['id']}", s["id"])
        items.append(f'<span class="{cls}" data-speaker-id="{esc(s["id"])}">{"".join(parts)}</span>')
    unknown = sum(1 for q in quotes if not q.get("speaker_id"))
    if unknown:
        items.append('<span class="ql-legend-item ql-legend-static ql-speaker-unknown"><span class="ql-swatch">'
                     f'</span><span class="ql-legend-name">unknown speaker</span>'
                     f'<span class="ql-legend-count">{unknown}</span></span>')
    return f'<div class="ql-legend">{"".join(items)}</div>'


def render_html(data: dict[str, Any], *, include_css: bool = True) -> str:
    """One self-contained HTML fragment for contract v1 ``data`` (a <style> block plus the article)."""
    esc = html.escape
    article = data["article"]
    text = article["text"]
    quotes = data.get("quotes", [])
    header = []
    if article.get("title"):
        header.append(f'<div class="ql-title">{esc(article["title"])}</div>')
    url = article.get("url")
    if url and url.lower().startswith(("http://", "https://")):
        header.append(f'<a class="ql-url" href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>')
    attributed = sum(1 for q in quotes if q.get("speaker_id"))
    n_speakers = sum(1 for s in data.get("speakers", []) if s.get("quote_count", 0) > 0)
    header.append(f'<div class="ql-summary">{len(quotes)} quote{"" if len(quotes) == 1 else "s"}, '
                  f'{attributed} attributed, {n_speakers} speaker{"" if n_speakers == 1 else "s"}</div>')
    body = []
    for seg in build_segments(data):
        piece = esc(text[seg.start:seg.end])
        q = seg.quote
        if q is None and not seg.boilerplate and seg.mention is None:
            body.append(piece)
            continue
        classes = []
        attrs = ""
        if q is not None:
            sid = q.get("speaker_id")
            classes.append(_colour_class(f"ql-quote ql-kind-{q['kind']} ql-speaker-{sid or 'unknown'}", sid))
            attrs = (f' data-quote-id="{esc(q["id"])}" data-speaker-id="{esc(sid or "")}"'
                     f' title="{esc(describe_quote(q))}"')
        if seg.mention is not None:
            classes.append(f"ql-mention ql-speaker-{seg.mention} ql-color-{color_index(seg.mention)}")
            attrs = attrs or f' data-speaker-id="{esc(seg.mention)}"'
        if seg.boilerplate:
            classes.append("ql-boilerplate")
        body.append(f'<span class="{esc(" ".join(classes))}"{attrs}>{piece}</span>')
    style = f"<style>{widget_css()}</style>" if include_css else ""
    return (f'{style}<div class="ql-root ql-static"><div class="ql-view"><div class="ql-header">{"".join(header)}</div>'
            f'{_legend(data)}<div class="ql-article">{"".join(body)}</div></div></div>')
