"""Quotation spans from punctuation alone: no parser, no model.

The rest of the pipeline decides who said a quote and whether it is speech at all;
this stage only answers "which stretches of the text sit between quotation marks?",
and it must answer that for real news text, where marks are often wrong:

- curly and straight marks are mixed (a quote opened with ``"`` and closed with ``”``),
  and the glyph is often the wrong way round (``”We’ve found …`` opened with a closing
  mark, ``…and then some.“`` closed with an opening one). So a mark's *direction* comes
  from what surrounds it (a space before and a letter after opens), the glyph only
  breaks ties, as CommonMark does for its "flanking" delimiters;
- apostrophes share glyphs with single quotes (Assad’s, don’t, ’90s, rock ’n’ roll,
  Jones’): letters on both sides, a known elision, or a closing single mark with no
  single quote open is an apostrophe, never a quote;
- quotes nest (‘…’ or "…" inside “…”, even straight double inside straight double);
  only the outermost quotation is returned;
- AP style multi-paragraph quotes leave every paragraph but the last unclosed; each
  paragraph gives its own span, flagged ``continues``;
- one stray mark must cost at most one quote: a quote never runs past the end of its
  paragraph, and a quote left open ends where the next sentence reopens a quote.

Everything is one left-to-right pass per paragraph with a stack, so time is linear in
the text (ten thousand marks in a row return at once).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..config import Config
from ..types import QuotedSpan, Span
from .marks import (ATTRIBUTE_RE, CLOSE, DOUBLE, GLYPHS, GUILLEMET, MARK_RE, OPEN, SINGLE, Mark, classify_mark,
                    is_sentence_start, same_style)

# Longest gap between the halves of a split quote (“A,” she said, “b”): characters.
# "a spokesman for the mayor said," is 32; 60 leaves room for a longer name and title.
_MAX_SPLIT_GAP = 60
_SENTENCE_END_RE = re.compile(r"[.!?]\s")
# ", said Kim" / ", he said" inside a quote left open: the writer speaks again.
_RESUMED_ATTRIBUTION_RE = re.compile(
    r"[,?!] (?:(?:he|she|they|it|we) )?(?:said|says|added|adds|told|asked|asks|explained|noted|wrote|writes)\b"
)
_MAX_PAREN_LOOK_BACK = 200  # characters before an unclosed quote searched for an open "("
_ALNUM_RE = re.compile(r"[^\W_]")
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


@dataclass(slots=True)
class _Pair:
    """An open mark and where its quote ends (``close`` None: left open)."""

    open: int
    width: int
    family: str
    close: int | None = None
    end: int = 0  # end of the content when left open


def find_quote_spans(text: str, config: Config, paragraphs: Sequence[Span] = (),
                     blockquotes: Sequence[Span] = ()) -> list[QuotedSpan]:
    """Every outermost quotation in ``text``, in text order.

    ``paragraphs`` are the article's paragraph spans; when empty, every non-blank line
    is a paragraph. Text outside the given paragraphs (residue lines such as "Watch: …"
    teasers, which the clean stage leaves out of them) is not searched. A quote never crosses a
    paragraph boundary: a multi-paragraph quote gives one span per paragraph, all but
    the last with ``continues=True``. ``config`` is accepted for symmetry with the other
    stages (no knob here yet). Never raises on any ``str``; linear time.

    ``sentence_initial`` is True when the quote begins a paragraph or follows . ! ? : ;
    or a dash (a candidate direct quote), and also after a comma when the quoted words
    start with a capital (*Lopez said, “Well, …”*) or continue a split quote (*“A,” she
    said, “but …”*); False for words built into the writer's sentence (mixed quotes,
    scare quotes, titles).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text or not (blockquotes or MARK_RE.search(text)):
        return []
    paras = _clean_paragraphs(text, paragraphs)
    per_para = [_pairs_in_paragraph(text, p) for p in paras]
    # A block with marks of its own is quoted by them (the writer marked the words); only a
    # block with none is a quotation as a whole.
    blockquotes = [b for b in blockquotes
                   if not any(pairs for p, pairs in zip(paras, per_para) if b.start <= p.start and p.end <= b.end)]
    spans: list[QuotedSpan] = []
    for i, (para, pairs) in enumerate(zip(paras, per_para)):
        next_para = paras[i + 1] if i + 1 < len(paras) else None
        block = _block_paragraph(text, para, next_para, blockquotes)
        if block is not None:
            spans.append(block)
            continue
        previous: QuotedSpan | None = None  # the quote before, in this paragraph
        for pair in pairs:
            span = _to_quoted_span(text, para, pair, next_para, previous)
            if span is not None and not _is_nickname(text, span):
                spans.append(span)
                previous = span
    return spans


def _block_paragraph(text: str, para: Span, next_para: Span | None,
                     blockquotes: Sequence[Span]) -> QuotedSpan | None:
    """The paragraph as a quotation when it is part of a block quotation, else None. Every
    paragraph of a block but the last ``continues``, as in a multi-paragraph quote."""
    block = next((b for b in blockquotes if b.start <= para.start and para.end <= b.end), None)
    if block is None:
        return None
    start, end = para.start, para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not _ALNUM_RE.search(text, start, end):
        return None
    last = next_para is None or next_para.start >= block.end
    return QuotedSpan(content=Span(start, end), open_mark=start, close_mark=end - 1 if last else None,
                      continues=not last, sentence_initial=True, block=True)


# A nickname inside a name: Marcia “Cia” Price, Dwayne "The Rock" Johnson (a capitalised word on
# each side, one to three capitalised words between the marks).
_NICKNAME_WORDS = re.compile(r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,2}")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.’'\-]+ $")
_NAME_AFTER = re.compile(r"^ [A-Z][\w’'\-]+")


def _is_nickname(text: str, q: QuotedSpan) -> bool:
    """A quoted nickname between a first and a last name is part of the name, not a quotation:
    kept as one, it would hide the name from the stages that look for speakers outside quotes."""
    if q.close_mark is None or not _NICKNAME_WORDS.fullmatch(text[q.content.start:q.content.end]):
        return False
    return bool(_NAME_BEFORE.search(text[max(0, q.open_mark - 40):q.open_mark])
                and _NAME_AFTER.match(text[q.close_mark + 1:q.close_mark + 40]))


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines of ``text`` as spans, whitespace-trimmed (a line is a paragraph)."""
    spans = []
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
    return spans


def _clean_paragraphs(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """The given paragraphs clipped to the text, sorted and made disjoint; lines if none."""
    if not paragraphs:
        return paragraph_spans(text)
    out: list[Span] = []
    last_end = 0
    for p in sorted(paragraphs, key=lambda s: (s.start, s.end)):
        start, end = max(p.start, last_end), min(p.end, len(text))
        if end > start:
            out.append(Span(start, end))
            last_end = end
    return out


class _OpenQuotes:
    """The stack of marks opened and not yet closed in one paragraph.

    Counts and the lowest position per family are kept so that no step scans the whole
    stack in vain: a run of ten thousand marks stays linear.
    """

    def __init__(self) -> None:
        self.items: list[_Pair] = []
        self.count = {DOUBLE: 0, SINGLE: 0, GUILLEMET: 0}
        self.lowest: dict[str, int] = {}  # family -> index of its lowest open mark
        self.done: list[_Pair] = []  # finished quotes, in the order they ended

    def push(self, mark: Mark) -> None:
        if not self.count[mark.family]:
            self.lowest[mark.family] = len(self.items)
        self.count[mark.family] += 1
        self.items.append(_Pair(mark.pos, mark.width, mark.family))

    def top_family(self) -> str | None:
        return self.items[-1].family if self.items else None

    def close(self, pos: int, family: str) -> None:
        """The nearest open mark of ``family`` is closed at ``pos``.

        Marks opened above it were never closed: they are dropped (stray apostrophe-like
        marks); any quote they began is at most nested inside this one.
        """
        while True:
            pair = self._pop()
            if pair.family == family:
                break
        pair.close = pos
        self.done.append(pair)

    def end_open(self, text: str, family: str | None, end: int, floor: int) -> None:
        """End, unclosed at ``end``, every open quote from the lowest of ``family`` (all if None) up.

        Single marks left open are dropped (most are apostrophes that looked like marks).
        The lowest double or guillemet mark keeps its words up to ``end``, except at the
        end of a paragraph when it opened inside a sentence and a closed quote of its own
        family sits inside it (*used the term “fake in “a speech,” he said*): then it is a
        stray mark, and dropping it frees the quotes after it.
        """
        base = 0 if family is None else self.lowest[family]
        lowest_kept = next((p for p in self.items[base:] if p.family != SINGLE), None)
        while len(self.items) > base:
            self._pop()
        if lowest_kept is None:
            return
        if family is None and not is_sentence_start(text, lowest_kept.open, floor):
            for inner in reversed(self.done):
                if inner.open < lowest_kept.open:
                    break
                if inner.family == lowest_kept.family:
                    return
        lowest_kept.end = end
        self.done.append(lowest_kept)

    def _pop(self) -> _Pair:
        pair = self.items.pop()
        self.count[pair.family] -= 1
        if not self.count[pair.family]:
            del self.lowest[pair.family]
        return pair


def _pairs_in_paragraph(text: str, para: Span) -> list[_Pair]:
    """Outermost quotes of one paragraph, paired left to right with a stack."""
    stack = _OpenQuotes()
    has_equals = text.find("=", para.start, para.end) >= 0  # skip the markup scan in plain prose
    markup = [m.span() for m in ATTRIBUTE_RE.finditer(text, para.start, para.end)] if has_equals else []
    in_markup = 0  # index into ``markup``; marks arrive in order
    last_opened = -1  # where the last opening mark ended
    for m in MARK_RE.finditer(text, para.start, para.end):
        while in_markup < len(markup) and markup[in_markup][1] <= m.start():
            in_markup += 1
        if in_markup < len(markup) and markup[in_markup][0] <= m.start():
            continue
        mark = classify_mark(text, m.start(), m.group(), para)
        if mark is None:
            continue
        fam, is_open = mark.family, stack.count[mark.family] > 0
        if mark.role == OPEN:
            if mark.pos == last_opened and fam != SINGLE and stack.top_family() == fam:
                stack.items[-1].width += mark.width  # "“You don’t …: one mark typed twice
                continue
            last_opened = mark.pos + mark.width
            if (
                is_open
                and fam != SINGLE
                and is_sentence_start(text, mark.pos, para.start)
                and same_style(text, stack.items[stack.lowest[fam]].open, mark.pos)
            ):
                # A new sentence reopens a quote while one of this family is open, in the
                # same style: the open one was left unclosed ("…to rise. “Policy change …”").
                # End it here rather than nest the rest of the paragraph inside it. A mark of
                # the other style (“…” inside "…") is a quotation inside the quotation.
                stack.end_open(text, fam, mark.pos, para.start)
            stack.push(mark)
        elif mark.role == CLOSE:
            if is_open:
                stack.close(mark.pos, fam)
            elif (
                fam == SINGLE
                and stack.top_family() == DOUBLE
                and mark.pos > para.start
                and text[mark.pos - 1] in ".!?,"
            ):
                # “Let’s go. We can stop it.’ — a double quote closed with a single mark:
                # no single quote is open, and an apostrophe does not follow a full stop.
                stack.close(mark.pos, DOUBLE)
            # else: a closing single mark with nothing open is an apostrophe (Jones’);
            # a stray closing double mark costs nothing.
        elif is_open:  # EITHER: close if one of this family is open, else open
            stack.close(mark.pos, fam)
        else:
            stack.push(mark)
    # Whatever is still open runs to the end of the paragraph.
    stack.end_open(text, None, para.end, para.start)
    return _outermost(stack.done)


def _outermost(pairs: list[_Pair]) -> list[_Pair]:
    """Drop quotes nested inside another; return the rest in text order."""
    ordered = sorted(pairs, key=lambda p: (p.open, -_pair_end(p)))
    out: list[_Pair] = []
    reach = -1
    for p in ordered:
        if p.open < reach:  # starts inside the last kept quote: nested
            continue
        out.append(p)
        reach = _pair_end(p)
    return out


def _pair_end(p: _Pair) -> int:
    return p.close if p.close is not None else p.end


def _to_quoted_span(
    text: str, para: Span, pair: _Pair, next_para: Span | None, previous: QuotedSpan | None
) -> QuotedSpan | None:
    """The QuotedSpan for one pair: content trimmed of whitespace, None if empty."""
    start = pair.open + pair.width
    end = _pair_end(pair)
    continues = False
    if pair.close is None and next_para is not None and pair.end == para.end:
        # AP style: the next paragraph reopens the same quote.
        lead = next_para.start
        while lead < next_para.end and text[lead].isspace():
            lead += 1
        first = MARK_RE.match(text, lead, next_para.end)
        continues = first is not None and GLYPHS[first.group()][0] == pair.family
    if pair.close is None and not continues:
        end = _unclosed_end(text, pair.open, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not _ALNUM_RE.search(text, start, end):
        return None  # nothing but punctuation ("…", "?"): no words, no quote
    return QuotedSpan(
        content=Span(start, end),
        open_mark=pair.open,
        close_mark=pair.close,
        continues=continues,
        sentence_initial=_starts_quoted_sentence(text, pair.open, Span(start, end), para, previous),
    )


def _unclosed_end(text: str, open_mark: int, start: int, end: int) -> int:
    """Where a quote whose closing mark is missing most likely ends (at most ``end``).

    Two signs that the writer's words have resumed: the attribution of a quote written
    in the usual order (*"There was little guidance, said Kim, whose …*: cut
    after the comma), and the bracket closing a parenthesis opened before the quote
    (*(among voters who are “somewhat liberal), education (…*: cut before it).
    """
    cue = _RESUMED_ATTRIBUTION_RE.search(text, start, end)
    if cue is not None:
        end = cue.start() + 1
    depth = text.count("(", max(0, open_mark - _MAX_PAREN_LOOK_BACK), open_mark) - text.count(
        ")", max(0, open_mark - _MAX_PAREN_LOOK_BACK), open_mark
    )
    if depth > 0:
        nesting = 0
        for i in range(start, end):
            if text[i] == "(":
                nesting += 1
            elif text[i] == ")":
                if nesting == 0:
                    return i
                nesting -= 1
    return end


def _starts_quoted_sentence(text: str, open_mark: int, content: Span, para: Span, previous: QuotedSpan | None) -> bool:
    """Does the quote start a sentence, of the article or of the quoted speech?

    True when it begins the paragraph or follows . ! ? : ; or a dash; after a comma, when
    the quoted words start with a capital (*Lopez said, “Well, …”*: the speaker's own
    sentence, not words built into the writer's) or continue a split quote (*“A,” she
    said, “but …”*: the quote before closed on a comma a few words earlier).
    """
    if is_sentence_start(text, open_mark, para.start):
        return True
    i = open_mark - 1
    while i > para.start and text[i].isspace():
        i -= 1
    if text[i] != ",":
        return False
    first = next((ch for ch in text[content.start:min(content.end, content.start + 8)] if ch.isalpha()), "")
    if first.isupper():
        return True
    if previous is None or previous.close_mark is None:
        return False
    between = text[previous.close_mark + 1:open_mark]
    ends_on_comma = text[previous.content.end - 1] == "," or between.lstrip().startswith(",")
    return ends_on_comma and len(between) <= _MAX_SPLIT_GAP and not _SENTENCE_END_RE.search(between)
