"""Plain text -> Article, with the text exactly as given: only paragraph spans are found.

A single line break means one of two things, and texts do not say which:

* a paragraph break, in corpora that write one paragraph a line (PolNeAR, most exports);
* a wrap, in wire copy, e-mail, PDF extracts and terminal pastes broken at about 72 columns.

Read wrongly, a quotation that runs across a wrap is cut at the break and its speaker is lost
(``"We will not support this bill in its current`` / ``form," Senator Jane Roe said.``). So the
reading is made per text, from the lines themselves (``read_wrapped``): a filler breaks a line
only when the next word would not fit, so in a wrapped text the lines followed by another are
*full* (the next line's first word would not have fitted within the text's width), and most of
them stop mid-sentence or are followed by a lower-case word. One-paragraph-a-line text has lines
of every length that end sentences. In a wrapped text, a single break is still a paragraph
break where the line is not full and ends a sentence (the filler did not make it), or the next
line is indented or starts a list item, or the line is short; blank lines always are.

A text not read as wrapped keeps the rule of each blank-line block: a block whose lines mostly
stop mid-sentence is one paragraph (``_block_is_wrapped``), any other line is a paragraph.
"""
from __future__ import annotations

import re

from ..config import Config
from ..errors import BadInput, EmptyText, InputTooLarge
from ..types import Article, Span
from .residue import residue_flags

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # old Mac "\r" line ends too
_SENTENCE_END = re.compile(r"[.!?:;\"”’»)\]]\s*$")
#: A line at least this long that does not end a sentence, followed by more text in the same
#: block, is a hard wrap (e-mail, Gutenberg style), not a paragraph end (the per-block rule).
WRAP_MIN_CHARS = 40
#: The text's width is the length of its longest lines, leaving out this share of the longest
#: (a URL or a table row that no filler could break); erring short only merges paragraphs.
WIDTH_OUTLIER_SHARE = 0.1
#: A text is read as wrapped when more than this share of its line-to-line breaks look like
#: wraps. A wrapped text's paragraph breaks (one in four breaks in short news paragraphs,
#: when no blank line marks them) and its wraps after a full sentence are the rest.
MIN_WRAP_SHARE = 0.5
#: Lines shorter than this are never read as wrapped (a list of short items).
MIN_WRAP_WIDTH = 30
#: In a wrapped text, a line shorter than this share of the width that the next word would have
#: fitted on ends a paragraph even without a full stop (a heading, a dateline, a list item); a
#: longer one must end a sentence too, in case the width was overestimated.
SHORT_LINE = 0.6
_BULLET = re.compile(r"(?:[-*•–—]|\d{1,3}[.)])\s")
_FIRST_WORD = re.compile(r"\S+")


def clean_text(text: str, url: str | None = None, config: Config = Config()) -> Article:
    """Plain text -> Article whose ``text`` is ``text`` unchanged.

    Paragraphs are found as the module docstring says; residue lines become ``boilerplate``
    spans, and are never part of a paragraph.
    """
    if not isinstance(text, str):
        raise BadInput(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise EmptyText("the text is empty")
    if len(text) > config.max_text_chars:
        raise InputTooLarge(f"text is {len(text):,} characters; the limit is {config.max_text_chars:,}")
    if "\x00" in text:
        raise BadInput("the text holds NUL characters: binary data, not text")
    paragraphs: list[Span] = []
    boilerplate: list[Span] = []
    blocks = _blocks(text)
    wrapped_text = read_wrapped(text, blocks)
    width = text_width(text, blocks)
    for block in blocks:
        if wrapped_text:
            groups = _unwrap(text, block, width)
        elif _block_is_wrapped(text, block):
            paragraphs.append(Span(block[0].start, block[-1].end))  # a wrapped block is never residue
            continue
        else:
            groups = [[line] for line in block]
        flags = residue_flags([" ".join(text[s.start:s.end] for s in g) for g in groups])
        for g, residue in zip(groups, flags):
            (boilerplate if residue else paragraphs).append(Span(g[0].start, g[-1].end))
    return Article(text=text, url=url, paragraphs=tuple(paragraphs), boilerplate=tuple(boilerplate))


def _blocks(text: str) -> list[list[Span]]:
    """Non-blank lines (trimmed spans) grouped into blocks separated by blank lines."""
    blocks: list[list[Span]] = [[]]
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not line:
            break
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        blocks[-1].append(Span(start, m.start() + len(line.rstrip())))
    return [b for b in blocks if b]


def _block_is_wrapped(text: str, block: list[Span]) -> bool:
    """True when most lines of a multi-line block stop mid-sentence: a hard-wrapped paragraph."""
    if len(block) < 2:
        return False
    heads = block[:-1]
    wrapped = sum(1 for s in heads
                  if len(s) >= WRAP_MIN_CHARS and not _SENTENCE_END.search(text[s.start:s.end]))
    return wrapped * 2 > len(heads)


# -- the wrapped reading ---------------------------------------------------------------------
def _width(text: str, line: Span) -> int:
    """The line's length from the start of its line (indentation counts: the filler counted it)."""
    return line.end - _line_start(text, line)


def text_width(text: str, blocks: list[list[Span]]) -> int:
    """The width the text looks filled to: its longest lines, outliers left out."""
    widths = sorted((_width(text, s) for b in blocks for s in b), reverse=True)
    return widths[int(len(widths) * WIDTH_OUTLIER_SHARE)] if widths else 0


def _full(text: str, line: Span, nxt: Span, width: int) -> bool:
    """The next line's first word would not have fitted on this line."""
    first = _FIRST_WORD.match(text, nxt.start)
    return _width(text, line) + 1 + (first.end() - first.start() if first else 0) > width


def _looks_wrapped(text: str, line: Span, nxt: Span, width: int) -> bool:
    if not _full(text, line, nxt, width):
        return False
    return not _SENTENCE_END.search(text, line.start, line.end) or text[nxt.start].islower()


def is_hard_wrapped(text: str) -> bool:
    """Is ``text`` read as hard-wrapped, so that a line break inside a paragraph is a wrap (the
    parse stage then reads it as a space)? In any other text such a break stays a sentence break:
    a block joined by the per-block rule may be two paragraphs with a full stop missing."""
    return read_wrapped(text, _blocks(text))


def read_wrapped(text: str, blocks: list[list[Span]]) -> bool:
    """Is this text hard-wrapped (see the module docstring)? One answer for the whole text."""
    width = text_width(text, blocks)
    if width < MIN_WRAP_WIDTH:
        return False
    breaks = [(b[i], b[i + 1]) for b in blocks for i in range(len(b) - 1)]
    if not breaks:
        return False
    wraps = sum(_looks_wrapped(text, line, nxt, width) for line, nxt in breaks)
    return wraps > MIN_WRAP_SHARE * len(breaks)


def _unwrap(text: str, block: list[Span], width: int) -> list[list[Span]]:
    """A block of a wrapped text as paragraphs, each a list of its lines. ``width``: the text's;
    a block whose lines all stop short of it is measured by its own (erring short is safe)."""
    width = min(width, max(_width(text, s) for s in block))
    paragraphs = [[block[0]]]
    for line, nxt in zip(block, block[1:]):
        if _paragraph_break(text, line, nxt, width):
            paragraphs.append([nxt])
        else:
            paragraphs[-1].append(nxt)
    return paragraphs


def _paragraph_break(text: str, line: Span, nxt: Span, width: int) -> bool:
    """A single line break in a wrapped text that ends a paragraph all the same."""
    if _indent(text, nxt) > _indent(text, line) or _BULLET.match(text, nxt.start):
        return True
    if _full(text, line, nxt, width):
        return False
    return bool(_SENTENCE_END.search(text, line.start, line.end)) or _width(text, line) < SHORT_LINE * width


def _indent(text: str, line: Span) -> int:
    return line.start - _line_start(text, line)


def _line_start(text: str, line: Span) -> int:
    return max(text.rfind("\n", 0, line.start), text.rfind("\r", 0, line.start)) + 1
