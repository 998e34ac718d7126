"""Data types shared by every stage and surface.

Every span is a pair of character offsets (Python code points, end exclusive)
into one article text that never changes after cleaning: ``article.text[s.start:s.end]``
is always the exact text. No I/O and no spaCy here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["person", "organization", "anonymous", "unknown"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class RawPage:
    """What fetch.py returns: the bytes exactly as served."""

    html: bytes
    url: str
    final_url: str
    fetched_at: str  # ISO 8601, UTC
    content_type: str | None = None
    encoding: str | None = None  # from the HTTP header, if it named one


@dataclass(frozen=True, slots=True)
class Article:
    """The cleaned article. ``text`` is never trimmed or rewritten once a span points into it."""

    text: str
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # as found on the page (ISO 8601 when available)
    paragraphs: tuple[Span, ...] = ()
    # Lines of page furniture that survived into ``text`` (only for plain-text input, whose text
    # is never rewritten): "Published: Updated:", "100% Font Size", ... Nothing in them is attributed.
    boilerplate: tuple[Span, ...] = ()
    # Block quotations of an HTML page (<blockquote>: an embedded post, an excerpt of a
    # statement), each from its first paragraph's start to its last one's end, without a
    # closing credit line ("— Maria Ortiz (@MayorOrtiz) …"). Their words are a quotation though
    # no mark encloses them (the quotes stage).
    blockquotes: tuple[Span, ...] = ()
    # Characters of ``text`` that the page shows otherwise, as (offset, what the page shows there):
    # only for HTML from a browser's DOM that the browser mis-decoded (UTF-8 read as windows-1252
    # shows “ as â€œ), whose text was repaired. Offsets index ``text``; selectors quote the page.
    shown: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A stretch of text between quotation marks, found from punctuation alone (the quotes stage).

    ``content`` excludes the marks; ``open_mark``/``close_mark`` are the marks' offsets
    (``close_mark`` is None for a paragraph of a multi-paragraph quote that the next
    paragraph reopens, or for a quote left unclosed at the end of its paragraph).
    """

    content: Span
    open_mark: int
    close_mark: int | None
    # True when the next paragraph reopens this quote (AP style multi-paragraph quotes).
    continues: bool = False
    # True when the quote starts a sentence/paragraph (a candidate direct quote) rather than
    # sitting inside the writer's own sentence (a candidate mixed quote or scare quote).
    sentence_initial: bool = False
    # True for a paragraph of a block quotation (Article.blockquotes), which has no marks:
    # ``open_mark`` is then its first character and ``close_mark`` its last.
    block: bool = False


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str  # "s1", "s2", ... in order of first attributed quote
    name: str | None  # canonical: the fullest name in the article ("Ned Price")
    role: str | None  # as the article states it ("National Security Council spokesman")
    type: SpeakerType
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    id: str  # "q1", "q2", ... in text order
    kind: QuoteKind
    contents: tuple[Span, ...]  # more than one for split quotes: “A,” she said, “B.”
    cue: Span | None  # the reporting words: "said", "told reporters", "according to"
    speaker_id: str | None  # None means "found, not attributed": never guess
    mention: Span | None  # the words that name the speaker here ("he", "the minister", "Price")
    confidence: float  # 0..1; see docs/architecture.md for how it is computed
    # The reported clause around a mixed quote, or the content of indirect speech:
    # "Price said [the findings “present yet another opportunity …”]".
    clause: Span | None = None

    @property
    def start(self) -> int:
        return self.contents[0].start

    @property
    def end(self) -> int:
        return self.contents[-1].end


@dataclass(frozen=True, slots=True)
class Attribution:
    """What every surface receives: the article, its quotes and their speakers."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    model: str | None = None  # the spaCy model that parsed it
    warnings: tuple[str, ...] = field(default=())

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None
