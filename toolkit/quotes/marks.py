"""Quotation marks: which glyphs are marks, and which way each one faces in its context.

Part of the quotes stage (see spans.py). A mark's direction comes from what surrounds it
(CommonMark's "flanking" idea: a space before and a letter after opens), its glyph only
breaks ties, because news text often has the glyph the wrong way round (”We’ve found …).
Single marks share glyphs with apostrophes, which are told apart here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Span

# Mark families: a quote is closed only by a mark of its own family.
DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"

# What the glyph says when its surroundings do not decide.
OPEN, CLOSE, EITHER = "open", "close", "either"

GLYPHS: dict[str, tuple[str, str]] = {
    '"': (DOUBLE, EITHER),
    "\u201c": (DOUBLE, OPEN),  # “
    "\u201d": (DOUBLE, CLOSE),  # ”
    "\u201e": (DOUBLE, OPEN),  # „ (German/Polish opening, closed by “ or ”)
    "\u201f": (DOUBLE, OPEN),  # ‟
    "\u2033": (DOUBLE, EITHER),  # ″ (double prime, sometimes typed for ")
    "'": (SINGLE, EITHER),
    "\u2018": (SINGLE, OPEN),  # ‘
    "\u2019": (SINGLE, CLOSE),  # ’ (also the apostrophe)
    "\u201a": (SINGLE, OPEN),  # ‚
    "\u201b": (SINGLE, OPEN),  # ‛
    "\u00ab": (GUILLEMET, OPEN),  # «
    "\u00bb": (GUILLEMET, CLOSE),  # »
    "\u2039": (GUILLEMET, OPEN),  # ‹
    "\u203a": (GUILLEMET, CLOSE),  # ›
    # Two-character marks: some wires and archives (The New York Times in PolNeAR) write
    # double quotes as two apostrophes, ''like this''; TeX-style ``…'' opens with backticks.
    "''": (DOUBLE, EITHER),
    "``": (DOUBLE, OPEN),
}
QUOTE_CHARS = "".join(g for g in GLYPHS if len(g) == 1)
MARK_RE = re.compile("''|``|[" + re.escape(QUOTE_CHARS) + "]")
# Attribute values in markup left in the text (<tweet id="7503…" author="@x">) are not quotes.
ATTRIBUTE_RE = re.compile(r"""[\w:-]+=(?:"[^"\n]*"|'[^'\n]*')""")

# Before an opening mark: the mark may follow these and still open ("(“", "—‘", "/'").
_OPENING_CONTEXT = set("([{<>\u2014\u2013-/") | set(QUOTE_CHARS)
# After a closing mark: the mark may precede these and still close ("”.", "’)", "\"—").
_CLOSING_CONTEXT = set(".,;:!?)]}<>\u2014\u2013-/\u2026*") | set(QUOTE_CHARS)
# A quote that follows one of these (after spaces) starts a sentence: a candidate direct quote.
_SENTENCE_END = set(".!?:;\u2014\u2013\u2026")
# Closing brackets and marks looked through when asking what precedes a quote ("…end.) “Next").
_LOOK_THROUGH = set(")]}") | set(QUOTE_CHARS)
# A list item's mark before a quotation that opens it: '- “The state needs roads.”'
BULLETS = "-–—•*·▪►"
_NEVER_AFTER_OPEN = set(",;:!?)]}")
_ELLIPSIS_RE = re.compile(r"\.\s?\.")
_STRAIGHT = set("\"'`\u2033")
_MAX_LOOK_BACK = 12  # characters
# Elisions written with a leading apostrophe: ’90s, ’em, ’til, rock ’n’ roll. The mark is
# left-flanking, so without this list it would open a single quote.
_ELISION_RE = re.compile(
    r"(?:\d\d(?!\d)|n['\u2019\u2018](?=\s)|(?:em|til|cause|cos|tis|twas|bout|round|nuff|cuz|sup|ere|n)\b)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Mark:
    """One quotation mark of a paragraph, classified by its surroundings."""

    pos: int
    width: int  # 1, or 2 for '' and ``
    family: str
    role: str  # OPEN, CLOSE or EITHER after looking at the context


def classify_mark(text: str, pos: int, glyph: str, para: Span) -> Mark | None:
    """The mark ``glyph`` at ``pos`` with its role from its surroundings, or None for an apostrophe."""
    family, glyph_role = GLYPHS[glyph]
    width = len(glyph)
    prev = text[pos - 1] if pos > para.start else " "
    nxt = text[pos + width] if pos + width < para.end else " "
    prev_space, next_space = prev.isspace(), nxt.isspace()
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():  # don’t, Assad’s, O'Brien
            return None
        if (prev_space or prev in _OPENING_CONTEXT) and _ELISION_RE.match(text, pos + 1, para.end):
            return None  # ’90s, ’em, rock ’n’ roll
    if family == GUILLEMET:  # « Bonjour » puts spaces inside: trust the glyph
        return Mark(pos, width, family, glyph_role)
    # No quotation starts with a comma or a closing bracket ("learning ’, a kind"); a full
    # stop only as an ellipsis ("...and that is final", ". . . I just want").
    opens_nothing = nxt in _NEVER_AFTER_OPEN or (nxt == "." and not _ELLIPSIS_RE.match(text, pos + width))
    can_open = not next_space and not opens_nothing and (prev_space or prev in _OPENING_CONTEXT)
    can_close = not prev_space and (next_space or nxt in _CLOSING_CONTEXT)
    if can_open and not can_close:
        role = OPEN
    elif can_close and not can_open:
        role = CLOSE
    elif prev_space and opens_nothing:
        role = CLOSE  # spaced closing mark: "learning ’, a kind"
    elif prev_space and next_space:
        # A mark between spaces: its glyph is as often wrong as right (“ here “), so it
        # closes the open quote of its family if there is one, else opens.
        role = EITHER
    else:  # inside a word, or between punctuation: the glyph decides
        role = glyph_role
    return Mark(pos, width, family, role)


def is_sentence_start(text: str, pos: int, floor: int) -> bool:
    """Does the mark at ``pos`` start a sentence (or the paragraph starting at ``floor``)?"""
    i = pos - 1
    # Look back through a few spaces, brackets and marks only: a bounded look keeps a run
    # of ten thousand marks linear.
    floor_look = max(floor, pos - _MAX_LOOK_BACK)
    while i >= floor_look and (text[i].isspace() or text[i] in _LOOK_THROUGH):
        if text[i] in _LOOK_THROUGH and i > floor and text[i - 1] in _SENTENCE_END:
            return True
        i -= 1
    if i < floor:
        return True
    if i < floor_look:
        return False
    ch = text[i]
    if ch in _SENTENCE_END:
        return True
    if ch in BULLETS and not text[floor:i].strip():
        return True  # a list item: "- “The state needs roads.”"
    # A spaced hyphen used as a dash: "the answer - “no.”"
    return ch == "-" and i > floor and text[i - 1].isspace()


def same_style(text: str, a: int, b: int) -> bool:
    """Are the marks at ``a`` and ``b`` both straight (" '' ``) or both typographic (“ ” „)?"""
    return (text[a] in _STRAIGHT) == (text[b] in _STRAIGHT)
