"""Block quotations: paragraphs the page sets in ``<blockquote>``.

News pages quote at length without quotation marks: an embedded post ("Tonight the council
chose …" / "— Maria Ortiz (@MayorOrtiz) March 3, 2026"), an excerpt of a statement, a letter
or a ruling. The cleaned text loses the markup, so the clean stage records which of its
paragraphs were such a block, and the quotes stage treats them as quotations
(``Article.blockquotes``).

Pages also set call-outs and promotions in ``<blockquote>`` ("Action Box: Price Strategist"),
so a block counts only when the article treats it as someone's words: the paragraph before
ends in a colon ("Ruiz said in a statement:"), a credit line signs it ("— Maria Ortiz
(@MayorOrtiz) March 3, 2026", "— Abraham Lincoln"), or it is a social-media embed by its
class. The credit line itself names the speaker and is no part of the words; a ``<cite>`` or
``<footer>`` credit is written as such a dash line before extraction (mark_block_credits). Pull quotes (a
class naming "pull") are left out: they repeat the article's own words, found where they stand.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..types import Span
from .blocks import leaf_blocks, tokens_of

#: A credit line: a dash, then words ("— Maria Ortiz (@MayorOrtiz) March 3, 2026"); not a
#: single hyphen, which is how the cleaned text writes a list item ("- Audit key workflows").
CREDIT_RE = re.compile(r"^\s*(?:[—–―]|--)\s*\S")
#: Fewest words of a paragraph found inside a longer block to count as part of it (a short
#: line matches anywhere).
MIN_PART_WORDS = 4
#: How many ancestors are checked for a pull-quote class.
PULL_DEPTH = 3
#: Classes of embedded posts, whose words are their author's (Twitter/X, Instagram, TikTok,
#: Threads, Bluesky, Mastodon, Facebook).
EMBED_CLASS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|text-post-media|bluesky-embed|"
                         r"mastodon-embed|fb-xfbml-parse-ignore", re.I)


_BLOCKQUOTE_TAG = re.compile(r"<(/?)blockquote\b", re.IGNORECASE)
_ANY_BLOCKQUOTE = re.compile(r"<blockquote\b", re.IGNORECASE)
_CLOSING_BLOCKQUOTE = re.compile(r"</blockquote\b", re.IGNORECASE)
_CITE_OR_FOOTER = re.compile(r"<(?:cite|footer)\b", re.IGNORECASE)
# A credit inside a block quotation: a <cite> right after the quoted paragraph (WordPress quote
# blocks) or a <cite>/<footer> line of its own; not a <cite> inside a sentence (a work's title).
_CREDIT_TAG = re.compile(r"(?:</p>\s*|<footer\b[^>]*>\s*)(?:<cite\b[^>]*>)?(?=\s*(?:<[^>]+>\s*)*[^\s<—–-])",
                         re.IGNORECASE)


def mark_block_credits(page: str) -> str:
    """A block quotation's credit (``<cite>Dana Ortiz, council member</cite>`` after its words)
    written as the dash line it reads as ("— Dana Ortiz, council member"), so that the credit
    signs the block (blockquote_runs) and names its speaker ("“…” — Name")."""
    if not _CLOSING_BLOCKQUOTE.search(page) or not _CITE_OR_FOOTER.search(page):
        return page
    out, pos, opened = [], 0, None  # one pass over the tags: linear however they nest
    for m in _BLOCKQUOTE_TAG.finditer(page):
        if not m.group(1):
            opened = m.start() if opened is None else opened
        elif opened is not None:
            out.append(page[pos:opened])
            out.append(_CREDIT_TAG.sub(_dash_after, page[opened:m.start()]))
            pos, opened = m.start(), None
    out.append(page[pos:])
    return "".join(out)


def _dash_after(m: re.Match) -> str:
    tag = m.group(0)
    if "<cite" not in tag.lower() and "<footer" not in tag.lower():
        return tag  # a plain paragraph after another
    return tag + "— "


def blockquote_runs(page: str, paragraphs: list[str], page_blocks: Sequence | None = None
                    ) -> list[tuple[int, int]]:
    """Runs of paragraph indices [first, last] that are one ``<blockquote>`` of the page, in order.

    A paragraph belongs to a block when its words are one of the block's paragraphs, or (at
    MIN_PART_WORDS or more) part of one, trafilatura having split it at a ``<br>``.
    ``page_blocks``: the page's leaf_blocks, when the caller has them already.
    """
    if not _ANY_BLOCKQUOTE.search(page):
        return []
    blocks: list[tuple[str, object]] = []  # (tokens, the <blockquote> element)
    for b in (leaf_blocks(page) if page_blocks is None else page_blocks):
        quote = _blockquote_of(b.element)
        if quote is not None and not _is_pull_quote(quote):
            blocks.append((b.tokens, quote))
    if not blocks:
        return []
    runs: list[tuple[int, int, object]] = []
    owner_of_previous = None
    for i, para in enumerate(paragraphs):
        owner = None if CREDIT_RE.match(para) else _owner(tokens_of(para), blocks)
        if owner is not None and owner is owner_of_previous and runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i, owner)
        elif owner is not None:
            runs.append((i, i, owner))
        owner_of_previous = owner
    return [(a, b) for a, b, quote in runs if _someones_words(a, b, quote, paragraphs)]


def _someones_words(first: int, last: int, quote, paragraphs: list[str]) -> bool:
    """Introduced by a colon, signed by a credit line, or an embedded post."""
    if first and paragraphs[first - 1].rstrip().endswith(":"):
        return True
    if last + 1 < len(paragraphs) and CREDIT_RE.match(paragraphs[last + 1]):
        return True
    return bool(EMBED_CLASS.search(quote.get("class") or ""))


def blockquote_spans(runs: list[tuple[int, int]], spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Each run as one span of the article text, from its first paragraph to its last."""
    return tuple(Span(spans[a].start, spans[b].end) for a, b in runs)


def _owner(tokens: str, blocks: list[tuple[str, object]]):
    words = tokens.count(" ") - 1
    if words < 1:
        return None
    for block_tokens, quote in blocks:
        if tokens == block_tokens or (words >= MIN_PART_WORDS and tokens in block_tokens):
            return quote
    return None


def _blockquote_of(el):
    for node in (el, *el.iterancestors()):
        if node.tag == "blockquote":
            return node
    return None


def _is_pull_quote(quote) -> bool:
    for depth, node in enumerate((quote, *quote.iterancestors())):
        if depth > PULL_DEPTH:
            break
        names = ((node.get("class") or "") + " " + (node.get("id") or "")).lower()
        if "pull" in names:
            return True
    return False
