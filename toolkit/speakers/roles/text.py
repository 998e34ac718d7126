"""Text helpers for roles: words over spaCy tokens, token runs to strings, and the parts of an
article whose mentions never give a primary role (headline, archive abstract, quotations)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...types import Span

_TEXT_KEY = "quotelens.speakers.roles.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from every token on each access,
    which made role lookups cost a fifth of the parse."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_memo(doc: Doc, name: str) -> dict:
    """A dict kept with the Doc for one function's answers about it (by mention span): a speaker's
    role reads the same mentions again for each of its tests and for every speaker of the article."""
    return doc.user_data.setdefault(f"{_TEXT_KEY}.{name}", {})


@dataclass(frozen=True, slots=True)
class Word:
    """A whitespace word rebuilt from spaCy tokens: 'Ki-moon', 'Secretary-General', 'Moscow’s'."""

    start: int
    end: int
    text: str


def _joins(prev: Token, tok: Token) -> bool:
    """spaCy splits 'Ki-moon' into three tokens and 'Moscow’s' into two; names and titles need them whole."""
    if prev.whitespace_:
        return False
    return tok.text == "-" or prev.text == "-" or tok.tag_ == "POS" or tok.text in ("'s", "\u2019s")


def words_of(doc: Doc, start: int, end: int) -> list[Word]:
    """The words of ``doc.text[start:end]``, each hyphen- or possessive-joined run of tokens as one."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    words: list[Word] = []
    prev = None
    for tok in span:
        if tok.is_space:
            prev = None
            continue
        if prev is not None and words and _joins(prev, tok):
            w = words[-1]
            end_ = tok.idx + len(tok.text)
            words[-1] = Word(w.start, end_, doc_text(doc)[w.start:end_])
        else:
            words.append(Word(tok.idx, tok.idx + len(tok.text), tok.text))
        prev = tok
    return words


def tokens_text(toks: Sequence[Token]) -> str:
    """Token run -> text as written; tokens dropped from the middle leave single spaces."""
    if not toks:
        return ""
    doc = toks[0].doc
    parts = []
    for k, t in enumerate(toks):
        parts.append(t.text)
        if k + 1 < len(toks):
            nxt = toks[k + 1]
            if nxt.i == t.i + 1:
                parts.append(doc_text(doc)[t.idx + len(t.text):nxt.idx])
            else:
                parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


# A headline paragraph is short and comes first; archive texts (LexisNexis, ProQuest) add an
# "ABSTRACT." block before "FULL TEXT.". GUIDELINES.md: neither counts as the first mention.
# PolNeAR's 466 dev headlines (with subtitle) are all <= 148 chars; a one-sentence lede is
# usually longer and, unlike a headline, reports in the past tense ("... Churkin said Thursday").
HEADLINE_MAX_CHARS = 150
_ABSTRACT = re.compile(r"^ABSTRACT\.?\s*$(.*?)^FULL TEXT\.?\s*$", re.MULTILINE | re.DOTALL)


@lru_cache(maxsize=4)
def body_zones(text: str, body_start: int | None = None) -> tuple[Span, ...]:
    """Char ranges whose mentions do not state a primary role: headline, abstract, quotations.

    ``body_start`` is where the body begins when the caller knows it (0 for a cleaned HTML
    article whose title is kept apart); None guesses a headline from the first paragraph.
    """
    zones: list[Span] = []
    if body_start is not None:
        if body_start > 0:
            zones.append(Span(0, min(body_start, len(text))))
    else:
        first_break = text.find("\n\n")  # a headline may carry a subtitle line before the blank line
        if first_break < 0:
            first_break = text.find("\n")
        head = text[:max(first_break, 0)]
        if 0 < first_break <= HEADLINE_MAX_CHARS and text[first_break:].strip() and not re.search(r"\bsaid\b", head):
            zones.append(Span(0, first_break))
    for m in _ABSTRACT.finditer(text):
        zones.append(Span(m.start(), m.end()))
    zones.extend(quotation_zones(text))
    return tuple(zones)  # cached per article: speaker_role asks once per speaker


def quotation_zones(text: str) -> list[Span]:
    """Spans inside quotation marks, from each opening mark to the end of the quoted words (an
    unclosed quote runs to the paragraph end): the quote stage's own spans, so roles and
    attribution agree on what is quoted."""
    from ...config import Config
    from ...quotes import find_quote_spans

    return [Span(q.open_mark, q.content.end) for q in find_quote_spans(text, Config())]
