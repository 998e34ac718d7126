"""Put back quoted paragraphs that trafilatura dropped.

trafilatura sometimes loses a blockquote, a list item or a short paragraph made mostly of a
quotation (its link-density and length heuristics judge them boilerplate). A quote the
cleaner loses is a quote nobody can attribute, so this pass walks the page's text blocks
(<p>, <blockquote>, <li>, headings, text-bearing <div>s) in document order, finds those
holding a quotation of four or more words that is missing from the extracted text, and
inserts each after the extracted paragraph of its nearest kept neighbour.

Only blocks *inside* the article are considered: between the first and the last block that
trafilatura kept, and within MAX_GAP_BLOCKS of a kept block, outside navigation, forms,
footers and asides that are not part of the text. Everything works on \\w+ token sequences,
the same unit the WCXB scorer uses, so whitespace and markup differences do not matter.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

_TOKEN = re.compile(r"\w+")
# A quotation: opening mark, 4+ words, closing mark (straight or typographic, any mix).
_QUOTED = re.compile(r"[“„«\"]([^“”„«»\"]{12,800})[”»“\"]")
_SPACES = re.compile(r"\s+")

BLOCK_TAGS = frozenset({"p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt",
                        "div", "section", "td", "figcaption", "q", "pre"})
# Containers whose text is never the article's, whatever it quotes.
SKIP_TAGS = frozenset({"nav", "footer", "form", "button", "select", "option", "script", "style",
                       "noscript", "template", "svg", "iframe", "textarea", "label", "menu"})
_SKIP_CLASS = re.compile(r"comment|related|recommend|newsletter|subscribe|share|social|promo|"
                         r"sidebar|widget|footer|cookie|consent|popup|modal|breadcrumb|"
                         r"menu|nav\b|navbar|author-bio|trending|most-read|outbrain|taboola", re.I)
#: A recovered block must lie within this many text blocks of one that trafilatura kept
#: (blocks are leaf text elements; swept 3-30 on the even half of WCXB dev, see docs/clean.md).
MAX_GAP_BLOCKS = 12
#: How many ancestors' class/id names are checked against _SKIP_CLASS.
CLASS_DEPTH = 3
#: A quoted block this close above the first kept block is recovered (a lede quote).
LEAD_GAP_BLOCKS = 2
#: Dropped blocks between two kept neighbours, at most this many in a row, are recovered
#: when they are headings or paragraphs no longer than MAX_SANDWICH_CHARS.
MAX_SANDWICH_BLOCKS = 2
MAX_SANDWICH_CHARS = 200
SANDWICH_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "blockquote", "dt"})
#: Fewest tokens a kept block needs to place a recovered one (shorter ones match anywhere).
MIN_ANCHOR_TOKENS = 5
#: Longest block recovered (characters); longer ones are page sections, not paragraphs.
MAX_BLOCK_CHARS = 3000


@dataclass(slots=True)
class _Block:
    text: str
    tokens: str  # " a b c " lower-cased \w+ tokens with sentinel spaces
    element: object  # the lxml element, to check its containers


def _tok(text: str) -> str:
    return " " + " ".join(t.lower() for t in _TOKEN.findall(text)) + " "


def _quotations(text: str) -> list[str]:
    """Token strings of the quoted passages of 4+ words in ``text``."""
    out = []
    for m in _QUOTED.finditer(text):
        toks = _TOKEN.findall(m.group(1))
        if len(toks) >= 4:
            out.append(" " + " ".join(t.lower() for t in toks) + " ")
    return out


def _skipped(el) -> bool:
    """Inside a container that is never article text (by tag anywhere up the tree, by class
    only on the block and its closest CLASS_DEPTH ancestors: layout wrappers far up often
    carry names such as "sidebar-layout-content" around the whole article)."""
    for depth, node in enumerate([el, *el.iterancestors()]):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP_TAGS:
            return True
        if depth <= CLASS_DEPTH:
            cls = (node.get("class") or "") + " " + (node.get("id") or "")
            if cls.strip() and _SKIP_CLASS.search(cls) and not _is_pullquote(node):
                return True
    return False


def _is_pullquote(node) -> bool:
    cls = (node.get("class") or "") + " " + (node.get("id") or "")
    return "quote" in cls.lower()


def leaf_blocks(page: str) -> list[_Block]:
    """Text blocks in document order: block elements with no block element inside."""
    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    candidates = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag in BLOCK_TAGS]
    inner: set = set()
    for el in candidates:
        for anc in el.iterancestors():
            if anc in inner:
                break
            if isinstance(anc.tag, str) and anc.tag in BLOCK_TAGS:
                inner.add(anc)
    blocks = []
    for el in candidates:
        if el in inner or el.tag == "q":
            continue
        text = _SPACES.sub(" ", el.text_content()).strip()
        if not text or len(text) > MAX_BLOCK_CHARS:
            continue
        blocks.append((el, text))
    return [_Block(text=("- " + t if el.tag == "li" else t), tokens=_tok(t), element=el)
            for el, t in blocks]


def recover_quoted_blocks(page: str, lines: list[str]) -> list[str]:
    """``lines`` (the extracted paragraphs) with missing quoted blocks inserted in place."""
    if not any(ch in page for ch in "“\"«„"):
        return lines
    bodies = [_tok(line).strip() for line in lines]
    joined = " " + " ".join(bodies) + " "
    starts = []  # offset of each line in ``joined``
    pos = 0
    for body in bodies:
        starts.append(pos)
        pos += len(body) + 1
    blocks = leaf_blocks(page)
    # Which extracted line each kept block sits in (None: trafilatura dropped it, or the block
    # is too short to place reliably); ``present``: its words are in the text somewhere.
    where: list[int | None] = []
    present: list[bool] = []
    for b in blocks:
        i = joined.find(b.tokens) if b.tokens.strip() else 0
        present.append(i >= 0)
        long_enough = b.tokens.count(" ") > MIN_ANCHOR_TOKENS
        where.append(bisect.bisect_right(starts, i) - 1 if i >= 0 and long_enough else None)
    kept_idx = [i for i, w in enumerate(where) if w is not None]
    if not kept_idx:
        return lines
    first, last = kept_idx[0], kept_idx[-1]
    inserts: dict[int, list[str]] = {}  # after line index (-1: before the first) -> blocks
    for i in range(max(0, first - LEAD_GAP_BLOCKS), last):
        b = blocks[i]
        if present[i] or where[i] is not None:
            continue
        if i < first:  # just above the article's first kept block: a quote standing as lede
            before, after = None, first
        else:
            before, after = _nearest(kept_idx, i, -1), _nearest(kept_idx, i, +1)
        quotes = _quotations(b.text)
        if quotes and not all(q in joined for q in quotes):
            gap_ok = min(i - (before if before is not None else -10**9), after - i) <= MAX_GAP_BLOCKS
        elif before is not None and _sandwiched(b, before, after, i, where):
            gap_ok = True
        else:
            continue
        if not gap_ok or _skipped(b.element):
            continue
        anchor = where[before] if before is not None else where[after] - 1
        inserts.setdefault(anchor, []).append(b.text)
        joined += b.tokens[1:]  # a block repeated on the page is recovered once
    if not inserts:
        return lines
    out = list(inserts.get(-1, ()))
    for n, line in enumerate(lines):
        out.append(line)
        out.extend(inserts.get(n, ()))
    return out


def _sandwiched(b: _Block, before: int, after: int, i: int, where: list[int | None]) -> bool:
    """A heading or short paragraph trafilatura dropped between two paragraphs it kept next to
    each other: part of the running text ("TURKEY", "1. Real Mainnet Payloads")."""
    if after - before - 1 > MAX_SANDWICH_BLOCKS:
        return False
    if where[after] - where[before] > 1:
        return False
    return b.element.tag in SANDWICH_TAGS and len(b.text) <= MAX_SANDWICH_CHARS


def _nearest(kept_idx: list[int], i: int, direction: int) -> int:
    j = bisect.bisect_left(kept_idx, i)
    return kept_idx[j - 1] if direction < 0 else kept_idx[j]
