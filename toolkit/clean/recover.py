"""Put back article blocks that trafilatura dropped: quoted paragraphs first of all.

trafilatura sometimes loses a blockquote, a list item, a heading or a short paragraph made
mostly of a quotation (its link-density and length heuristics judge them boilerplate, and
when it falls back to readability/jusText the headings and lists go). A quote the cleaner
loses is a quote nobody can attribute, so this pass walks the page's leaf text blocks
(<p>, <blockquote>, <li>, headings, text-bearing <div>s) in document order, aligns them with
the extracted text, and re-inserts two kinds of dropped block where they stood:

* a block holding a quotation of four or more words that is missing from the text, when it
  lies inside the article (between the first and last kept block, within MAX_GAP_BLOCKS of
  one, or just above the first: a lede quote);
* a block *sandwiched* between two kept blocks that follow each other in the extracted text, or
  have only the page's own in-between blocks between them, when it is clearly the article's: it
  carries a quotation, it is a <blockquote>, or it is a heading dropped alone ("TURKEY" between
  two paragraphs on coffee). Lists, short paragraphs and <div>s between kept blocks are not put
  back: as often as not they were product boxes, calls to action or tables of contents.

Scripts, styles, templates and comments are removed from the page before blocks are read, and
a block that prints code or markup is never put back.

A block goes in at the start of a line, before the next block kept in its place: never inside a
paragraph. A list item holding a sub-list contributes its own lead-in words as a block.

Blocks in navigation, forms, footers, figures/captions, asides and ad/share/related boxes
are never put back (unless marked as a pull quote). Alignment uses \\w+ token sequences, the
unit the WCXB scorer uses, so whitespace and markup differences do not matter.
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from .blocks import Block, leaf_blocks, link_share, skipped, tokens_of
from .residue import is_residue

_TOKEN = re.compile(r"\w+")
# A quotation: opening mark, 4+ words, closing mark (straight or typographic, any mix).
_QUOTED = re.compile(r"[“„«\"]([^“”„«»\"]{12,800})[”»“\"]")
# Code or markup shown as text (an embed snippet, a template placeholder, an inline script a
# page prints): its quotation marks are string literals, and it is never article text.
_CODE = re.compile(r"<[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>|&lt;|\{\{|\}\}|=>|\)\s*\{|;\s*\}|\w\(\)|\w=[\"']")

#: A recovered quoted block must lie within this many text blocks of one trafilatura kept.
MAX_GAP_BLOCKS = 12
#: A quoted block this close above the first kept block is recovered (a lede quote).
LEAD_GAP_BLOCKS = 3
#: Dropped blocks sandwiched between two kept blocks that are adjacent in the text: at most
#: this many in a row, of these tags, each no longer than MAX_SANDWICH_CHARS.
MAX_SANDWICH_BLOCKS = 15
MAX_SANDWICH_CHARS = 300
LIST_TAGS = frozenset({"li", "dt", "dd"})
SANDWICH_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dt", "dd", "p"})
#: Most words between two kept blocks for them to count as adjacent, when those words are the
#: page's own blocks in between (an "Includes:" kept above a dropped list).
MAX_GAP_WORDS = 40
#: Fewest words of a <div> that a sandwich puts back as a paragraph (a definition box).
MIN_TEXT_DIV_WORDS = 8
_NUMBERED_HEADING = re.compile(r"\d{1,3}[.)]\s")
#: Share of a sandwiched block's text inside links above which it is a link list, not text.
MAX_LINK_SHARE = 0.5
#: Fewest tokens a kept block needs to anchor a recovered one (shorter ones match anywhere).
MIN_ANCHOR_TOKENS = 5
#: A quoted passage is a title when this share of its words longer than TITLE_WORD_CHARS start
#: with a capital ("a", "of", "the" and short words are left out: titles keep them lower-case).
TITLE_SHARE = 0.8
TITLE_WORD_CHARS = 3


def _quotations(text: str) -> list[str]:
    """Token strings of the quoted passages of 4+ words in ``text`` that are not titles."""
    out = []
    for m in _QUOTED.finditer(text):
        toks = _TOKEN.findall(m.group(1))
        if len(toks) >= 4 and not _is_title(toks):
            out.append(" " + " ".join(t.lower() for t in toks) + " ")
    return out


def _is_title(words: list[str]) -> bool:
    """Title case ("The Essential Skills of a Future-facing Law Department"): the name of a work, a
    series or a product in marks, not someone's words (a teaser for another article quotes its title)."""
    long = [w for w in words if len(w) > TITLE_WORD_CHARS and w[0].isalpha()]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


class _Aligned:
    """The extracted text as one token string, with each token's character offset."""

    def __init__(self, text: str):
        self.text = text
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.char_start = [s for s, _ in spans]
        self.char_end = [e for _, e in spans]
        words = [text[s:e].lower() for s, e in spans]
        self.tokens = " " + " ".join(words) + " "
        self.tok_pos = []  # offset of each token in self.tokens
        pos = 1
        for w in words:
            self.tok_pos.append(pos)
            pos += len(w) + 1

    def find(self, tokens: str) -> tuple[int, int] | None:
        """Character span in ``text`` of the first occurrence of a token string."""
        i = self.tokens.find(tokens)
        if i < 0 or tokens.strip() == "":
            return None
        first = bisect.bisect_left(self.tok_pos, i + 1)
        last = first + tokens.strip().count(" ")
        return self.char_start[first], self.char_end[last]


def recover_blocks(page: str, lines: list[str], blocks: Sequence[Block] | None = None,
                   added: list[str] | None = None) -> list[str]:
    """``lines`` (the extracted paragraphs) with dropped article blocks put back in place.
    ``blocks``: the page's leaf_blocks, when the caller has them already; ``added``, when given,
    receives the text of every block put back (to measure what recovery adds on its own)."""
    text = "\n".join(lines)
    aligned = _Aligned(text)
    blocks = leaf_blocks(page) if blocks is None else blocks
    found = [aligned.find(b.tokens) for b in blocks]
    anchors = _in_order([i for i, (b, f) in enumerate(zip(blocks, found))
                         if f is not None and b.tokens.count(" ") > MIN_ANCHOR_TOKENS], found)
    if not anchors:
        return lines
    anchor_set = set(anchors)
    first, last = anchors[0], anchors[-1]
    inserts: list[tuple[int, int, str]] = []  # (char offset, block order, text)
    recovered = ""  # token strings put back, so a block repeated on the page comes back once
    for i in range(max(0, first - LEAD_GAP_BLOCKS), last):
        b = blocks[i]
        if i in anchor_set or (recovered and b.tokens in recovered):
            continue
        j = bisect.bisect_left(anchors, i)
        before = anchors[j - 1] if j > 0 else None
        after = anchors[j]
        # A short block ("ITALY") counts as kept only if its words are where it stands,
        # between its neighbours; elsewhere in the text they prove nothing.
        lo = found[before][1] if before is not None else 0
        if found[i] is not None and lo <= found[i][0] < found[after][0] + 1:
            continue
        if found[i] is not None and b.tokens.strip() and tokens_of(text[lo:found[after][0]]).find(b.tokens) >= 0:
            continue
        if not (_quote_missing(b, aligned, before, after, i)
                or _sandwiched(b, before, after, i, found, blocks, text)):
            continue
        if skipped(b.element) or is_residue(b.text) or _CODE.search(b.text):
            continue
        inserts.append((_line_start(text, _next_in_place(i, after, found)), i, b.text))
        recovered += b.tokens
    if not inserts:
        return lines
    if added is not None:
        added.extend(block for _, _, block in inserts)
    return _insert(text, inserts)


def _in_order(candidates: list[int], found) -> list[int]:
    """The longest run of candidate blocks whose matches stand in page order in the text.

    A block whose words come back later in the text is no anchor where it stands: a table of
    contents trafilatura dropped matches the headings further down, and taken as kept it
    would mark the blocks around it as kept too (the TOC is then never put back).
    """
    if not candidates:
        return []
    tails: list[int] = []  # tails[k]: the smallest match start ending an ordered run of k+1
    tail_idx: list[int] = []
    prev: dict[int, int | None] = {}
    for i in candidates:
        start = found[i][0]
        k = bisect.bisect_left(tails, start)
        prev[i] = tail_idx[k - 1] if k else None
        if k == len(tails):
            tails.append(start)
            tail_idx.append(i)
        else:
            tails[k], tail_idx[k] = start, i
    run, i = [], tail_idx[-1]
    while i is not None:
        run.append(i)
        i = prev[i]
    return run[::-1]


def _next_in_place(i: int, after: int, found) -> int:
    """Where block ``i`` goes: before the first later block found in its place, up to ``after``.

    A short kept block (a list item) between ``i`` and the next anchor must stay after it.
    """
    lo = found[i - 1][1] if i > 0 and found[i - 1] is not None else 0
    for k in range(i + 1, after):
        if found[k] is not None and lo <= found[k][0] < found[after][0]:
            return found[k][0]
    return found[after][0]


def _quote_missing(b: Block, aligned: _Aligned, before: int | None, after: int, i: int) -> bool:
    quotes = _quotations(b.text)
    if not quotes or all(q in aligned.tokens for q in quotes):
        return False
    gap = after - i if before is None else min(i - before, after - i)
    return gap <= (LEAD_GAP_BLOCKS if before is None else MAX_GAP_BLOCKS)


def _sandwiched(b: Block, before: int | None, after: int, i: int, found, blocks, text: str) -> bool:
    """Dropped between two kept blocks that trafilatura left next to each other."""
    if before is None or after - before - 1 > MAX_SANDWICH_BLOCKS:
        return False
    el = b.element
    if len(b.text) > MAX_SANDWICH_CHARS or not (el.tag in SANDWICH_TAGS or _is_text_div(b)):
        return False
    if not _adjacent(before, after, found, blocks, text):
        return False
    # Only what is clearly the article's: a block that carries a quotation, a block quotation, a
    # section heading dropped alone between two kept blocks, or an item of a list the text
    # announces (the kept block before it ends in a colon: "Here is what changes:"). Other runs
    # of list items, short paragraphs and <div>s between kept blocks were as often product boxes,
    # calls to action, tables of contents and captions (on the tuning half a quarter of their
    # words were not in the gold text; of one heading alone, 4%).
    announced = el.tag in LIST_TAGS and text[:_line_start(text, found[after][0])].rstrip().endswith(":")
    if not (_quotations(b.text) or el.tag == "blockquote" or el.tag[0] == "h" and after - before == 2
            or announced):
        return False
    # A numbered heading that links to the item's own page ("11. <a>Yale SOM</a>") is a title.
    return link_share(el, b.text) <= MAX_LINK_SHARE or bool(_NUMBERED_HEADING.match(b.text)) and el.tag[0] == "h"


def _is_text_div(b: Block) -> bool:
    """A <div> used as a paragraph: whole sentences, not a label or a button."""
    return (b.element.tag == "div" and len(_TOKEN.findall(b.text)) >= MIN_TEXT_DIV_WORDS
            and b.text.rstrip()[-1:] in ".!?")


def _adjacent(before: int, after: int, found, blocks, text: str) -> bool:
    """The two kept blocks follow each other in the text, each a whole line there.

    Words between them count as adjacent when they are the words of the page blocks in
    between (a kept "Includes:" above a dropped list); a block found in the middle of a
    line is part of a paragraph, and a block put before it would split that paragraph.
    """
    start, end = found[after][0], found[before][1]
    if not (_at_line_start(text, start) and _at_line_end(text, end)):
        return False
    gap = _TOKEN.findall(text[end:start].lower())
    if not gap:
        return True
    between = set(_TOKEN.findall(" ".join(blocks[k].tokens for k in range(before + 1, after))))
    return len(gap) <= MAX_GAP_WORDS and all(w in between for w in gap)


def _at_line_start(text: str, offset: int) -> bool:
    offset = _back_over_marks(text, offset)
    return offset == 0 or text[offset - 1] == "\n"


def _at_line_end(text: str, offset: int) -> bool:
    while offset < len(text) and text[offset] != "\n" and not text[offset].isalnum():
        offset += 1
    return offset == len(text) or text[offset] == "\n"


def _line_start(text: str, offset: int) -> int:
    """The start of the line holding ``offset``: a block goes between paragraphs, never inside one."""
    return text.rfind("\n", 0, offset) + 1 if not _at_line_start(text, offset) else offset


def _insert(text: str, inserts: list[tuple[int, int, str]]) -> list[str]:
    """Insert each block as its own paragraph just before the given character offset."""
    # Step back over an opening mark or bullet glued to the anchor's first word.
    inserts = sorted((_back_over_marks(text, off), order, block) for off, order, block in inserts)
    pieces, pos = [], 0
    for offset, _, block in inserts:
        pieces.append(text[pos:offset])
        pieces.append("\n" + block + "\n")
        pos = offset
    pieces.append(text[pos:])
    return [line.strip() for line in "".join(pieces).split("\n") if line.strip()]


def _back_over_marks(text: str, offset: int) -> int:
    while offset > 0 and not text[offset - 1].isspace() and not text[offset - 1].isalnum():
        offset -= 1
    return offset
