"""What a mis-decoded page shows, for HTML from a browser's DOM (``Config.html_from_dom``).

A page served as latin-1 that holds UTF-8 shows “ as "â€œ" (and ” as "â€" plus the C1 control
U+009D, windows-1252 leaving 0x9d undefined). The clean stage repairs that, so that quotation
marks, names and the parse read right, but a browser extension anchors its highlights in the
text the page shows: ``page_shows`` says, for each repaired character of the article text, what
the page shows there (``Article.shown``; serialize puts it back into the selectors).

A character that the page also holds as itself (WordPress writes its curly quotes as entities,
which any charset decodes right, while other text stays raw UTF-8) could be either; it is looked
up in the page's visible text, paragraph by paragraph, and left as it is when not found.
"""
from __future__ import annotations

import re

import lxml.html

from ..types import Span
from .decode import outside_runs, repair_runs

# What the extension's text map drops (lib/text-map.js): whitespace, soft hyphen, zero-width.
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")


def page_shows(text: str, paragraphs: tuple[Span, ...], as_shown: str) -> tuple[tuple[int, str], ...]:
    """(offset in ``text``, the characters the page shows there) for each repaired character.

    ``as_shown``: the page's HTML as the browser holds it (not repaired); ``text`` and
    ``paragraphs``: the article cleaned from its repaired twin.
    """
    sure, unsure = shown_forms(as_shown)
    # A repaired no-break or narrow space is a plain space in the text (the clean stage tidies
    # spaces), while the page shows "Â" or "â€¯" there: only the page can tell which space.
    spaces = {ch: run for ch, run in {**sure, **unsure}.items() if _INVISIBLE.match(ch)}
    if not sure and not unsure:
        return ()
    visible = _visible(as_shown) if unsure or spaces else ""
    shown: list[tuple[int, str]] = []
    for para in paragraphs:
        chars = text[para.start:para.end]
        found = _look_up(chars, sure, unsure, spaces, visible) \
            if spaces or any(c in unsure for c in chars) else {}
        for i, ch in enumerate(chars):
            if i in found:
                shown.append((para.start + i, found[i]))
            elif ch in sure and ch not in spaces:
                shown.append((para.start + i, sure[ch]))
    return tuple(shown)


def shown_forms(as_shown: str) -> tuple[dict[str, str], dict[str, str]]:
    """Each character the repair makes -> the run the page shows for it, split in two: those
    the page never holds as themselves, and those it also does (from an entity, say)."""
    repaired, runs = repair_runs(as_shown)
    forms: dict[str, str] = {}
    for at, run in runs:
        forms.setdefault(repaired[at], run)
    as_itself = set(outside_runs(as_shown))
    sure = {ch: run for ch, run in forms.items() if ch not in as_itself}
    return sure, {ch: run for ch, run in forms.items() if ch in as_itself}


def _visible(page: str) -> str:
    """The page's text as a browser's textContent of the body has it, without what the
    extension's text map drops (scripts and styles out)."""
    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    for el in tree.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    return _INVISIBLE.sub("", tree.text_content())


def _look_up(chars: str, sure: dict[str, str], unsure: dict[str, str], spaces: dict[str, str],
             visible: str) -> dict[int, str]:
    """For one paragraph: where the page shows a run for one of its unsure characters or spaces,
    by finding the paragraph in the visible text with each of those allowed either way."""
    by_seen = {_seen(run): run for run in spaces.values() if _seen(run)}
    runs = sorted(by_seen, key=len, reverse=True)
    space = f"(?:{'|'.join(map(re.escape, runs))})?" if runs else ""
    seen_sure = {ch: _seen(run) for ch, run in sure.items()}
    seen_unsure = {ch: _seen(run) for ch, run in unsure.items()}
    gap = [bool(_INVISIBLE.match(ch)) for ch in chars]
    parts = []
    for i, ch in enumerate(chars):
        if gap[i]:
            if i == 0 or not gap[i - 1]:
                parts.append(space)
        elif ch in seen_unsure:
            parts.append(f"(?:{re.escape(seen_unsure[ch])}|{re.escape(ch)})")
        else:
            parts.append(re.escape(seen_sure.get(ch, ch)))
    m = re.search("".join(parts), visible) if any(parts) else None
    if m is None:
        return {}
    found: dict[int, str] = {}
    pos = m.start()
    for i, ch in enumerate(chars):
        if gap[i]:
            if i == 0 or not gap[i - 1]:
                seen = next((r for r in runs if visible.startswith(r, pos)), "")
                if seen:
                    found[i], pos = by_seen[seen], pos + len(seen)
        elif ch in seen_unsure and visible.startswith(seen_unsure[ch], pos):
            found[i], pos = unsure[ch], pos + len(seen_unsure[ch])
        else:
            pos += len(seen_sure.get(ch, ch))
    return found


def _seen(run: str) -> str:
    """A run as the visible text holds it (``Â`` for "Â" and a no-break space)."""
    return _INVISIBLE.sub("", run)
