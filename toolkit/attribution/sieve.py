"""Quotation -> cue -> speaker mention: a sieve of rules, most precise first.

Each quoted span from the quotes stage is linked to the words that name its speaker here ("Churkin",
"he", "one senior diplomat"), or to none. Who that mention *is* (a canonical person, an
organisation) is the speakers stage's job. The sieve, in order (QuoteLi3's idea, for news); rule 1
lives in sentence.py, rule 2 in colon.py, rule 3 in label.py and paragraph.py, rules 5 and 6 in
context.py, the rest here:

1. ``cue``: a reporting verb in the quote's own sentence, outside any quote, that governs the quote
   in the parse or stands next to it (“…,” Churkin told reporters / He said: “…”); for a mixed quote
   deep in a long sentence, ``sentence``: the nearest cue of that sentence.
   ``pattern`` (pattern.py): where the parse gives no cue, the words right after a
   quotation that opens its sentence, read as words: “…,” Name said / “…,” said Name (tried
   after ``colon`` and ``label`` below, which read the words before the quotation).
2. ``colon``: a paragraph that ends "X said:" introduces the quote paragraph after it; a colon
   inside the paragraph credits the person named just before it.
3. ``label``: "Name: “…”" and "“…” — Name"; ``header``: a "Name, title" line above quote paragraphs.
   ``sequel``: “A,” X said. “B.” -- the next quote of the paragraph keeps X.
4. ``continues``: later paragraphs of one multi-paragraph quote share its speaker.
5. ``continuation``: a quote paragraph with no cue right after a paragraph whose speaker is known
   (the "floating quote" of the Gender Gap Tracker); ``after_report``: the same after a paragraph
   that ends in reported speech ("Carter said that …" then “…”); ``after_statement``: the same
   after "X issued a statement …" (the verb's object a statement, letter, tweet or speech).
6. ``after_comma``: “…” after "X fired back on Twitter," with no cue; ``clause_subject``: a mixed
   quote no cue reports, in a clause whose subject is a person ("Park pushed for “…”");
   ``after_person``: a quote opening a sentence right after one whose subject is a person ("The
   judge then turned to me. “…”").
Indirect speech comes straight from cues with a clausal complement ("Price said that ...").

Confidence is the estimated chance that the mention is right: one prior per rule (named constants
in base.py, measured on the tuning half of PolNeAR dev), multiplied in the speakers stage by how sure the
mention -> person step is. Below ``Config.min_confidence`` the quote keeps no speaker.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ..config import Config
from ..cues import Cue, lemma_in, quote_only_verbs
from ..types import Article, QuotedSpan, Span
from .base import (CONF_CONTINUES, CONF_INDIRECT, CONF_SEQUEL, MIN_INDIRECT_TOKENS, Link, TextIndex, is_title_like,
                   set_cue, without_source)
from .colon import link_by_colon
from .context import (after_comma_clause, after_person_paragraph, after_person_sentence, after_report_paragraph,
                      clause_subject, continuations, words_named_after)
from .label import link_by_header, link_by_label
from .paragraph import link_after_cue_sentence, same_paragraph_sequel
from .pattern import link_by_pattern
from .sentence import link_by_cue, phrase_around

if TYPE_CHECKING:
    from spacy.tokens import Doc


def link_speakers(doc: "Doc", article: Article, spans: Sequence[QuotedSpan], cues: Sequence[Cue],
                  config: Config) -> list[Link]:
    """Link every quotation (and every indirect report) to a speaker mention, or to none."""
    text = article.text
    spans = [q for q in spans if not any(b.contains(q.content) for b in article.boilerplate)]
    cues = [c for c in cues if not any(b.contains(c.span) for b in article.boilerplate)]
    if not spans and not cues:
        return []
    ix = TextIndex(doc, article, spans)
    free_cues = [c if c.source_head is None or not ix.in_quote[c.source_head] else without_source(c, doc, ix)
                 for c in cues if not ix.in_quote[c.head]]
    by_head = {c.head: c for c in free_cues}

    links: list[Link] = []
    for q in spans:
        link = Link(contents=[q.content], kind="direct" if q.sentence_initial else "mixed", quoted=[q])
        link_by_cue(link, q, ix, by_head, text)
        links.append(link)
    _merge_split_quotes(links, ix, text)
    for i, link in enumerate(links):
        if link.method != "none":
            continue
        q = link.quoted[0]
        if link_by_colon(link, q, ix, free_cues, text) or link_by_label(link, q, ix, text) \
                or link_by_pattern(link, q, ix, text):
            continue
        if link_by_header(link, q, ix, links[:i], text):
            continue
        if i and links[i - 1].quoted[-1].continues and ix.para(links[i - 1].quoted[-1].open_mark) + 1 == ix.para(q.open_mark):
            link.follows, link.method, link.confidence = links[i - 1], "continues", CONF_CONTINUES
        elif i and same_paragraph_sequel(prev := _previous_voice(links, i, text), q, ix, text):
            link.follows, link.method, link.confidence = prev, "sequel", CONF_SEQUEL
        else:
            link_after_cue_sentence(link, q, ix, free_cues, text)
    for link in links:
        if link.kind == "mixed" and link.clause is None and link.method != "none":
            link.clause = phrase_around(ix, link.quoted[0], link.cue.head if link.cue is not None else None)
    _backfill_multiparagraph(links, ix)
    # (before continuations: "“…” / That was the verdict of X." says whose words they are)
    words_named_after(links, ix, text)
    continuations(links, ix, text)
    after_report_paragraph(links, ix, free_cues, text)
    after_comma_clause(links, ix, text)
    clause_subject(links, ix, text, config)
    after_person_sentence(links, ix, text)
    after_person_paragraph(links, ix, text)
    links = [lk for lk in links if not _is_scare_quote(lk, text, config)]
    _merge_fragments(links)
    if config.include_indirect:
        links.extend(_indirect(free_cues, links, ix, text))
    links.sort(key=lambda lk: lk.contents[0].start)
    return links


def _previous_voice(links: list[Link], i: int, text: str) -> Link | None:
    """The quotation before ``links[i]``, passing over a quoted title (“This Week.”): a title
    names a show, it is nobody's words, and the quote after it continues the one before. None
    when only titles come before."""
    j = i - 1
    while j >= 0 and _is_title(links[j], text):
        j -= 1
    return links[j] if j >= 0 else None


def _is_title(link: Link, text: str) -> bool:
    """A quoted title, which _is_scare_quote drops: “Saturday Night Live” in any position but a
    quotation of its own with a cue, a colon or a label."""
    return len(link.contents) == 1 and is_title_like(text[link.contents[0].start:link.contents[0].end]) and (
        link.kind == "mixed" or link.method not in ("cue", "colon", "label"))


# -- fragments of one reported clause: called it a “new low” and a “bizarre attempt” ---------------
def _merge_fragments(links: list[Link]) -> None:
    """Mixed quotes that one cue reports inside one clause are one quotation in several pieces,
    as a split quote is: one Quote with several contents and the clause that holds them all."""
    i = 0
    while i + 1 < len(links):
        a, b = links[i], links[i + 1]
        if (a.kind == b.kind == "mixed" and a.cue is not None and b.cue is a.cue and a.clause is not None
                and b.clause is not None and a.clause.overlaps(b.clause)):
            a.contents.extend(b.contents)
            a.quoted.extend(b.quoted)
            a.clause = Span(min(a.clause.start, b.clause.start), max(a.clause.end, b.clause.end))
            a.confidence = min(a.confidence, b.confidence)
            for other in links:
                if other.follows is b:
                    other.follows = a
            del links[i + 1]
            continue
        i += 1


# -- split quotes: “A,” she said, “B.” ------------------------------------------------------------
def _merge_split_quotes(links: list[Link], ix: TextIndex, text: str) -> None:
    i = 0
    while i + 1 < len(links):
        a, b = links[i], links[i + 1]
        qa, qb = a.quoted[-1], b.quoted[0]
        if (a.cue is not None and qa.close_mark is not None and ix.para(qa.open_mark) == ix.para(qb.open_mark)
                and qa.close_mark < a.cue.span.start and a.cue.span.end <= qb.open_mark
                and (b.cue is None or b.cue is a.cue)):
            between = text[a.cue.span.end:qb.open_mark]
            # only the rest of the cue clause and a comma/colon between the two halves
            if len(between) < 80 and re.search(r"[,:;]\s*$", between) and "." not in between.replace("Mr.", "").replace("Ms.", ""):
                a.contents.extend(b.contents)
                a.quoted.extend(b.quoted)
                del links[i + 1]
                continue
        i += 1


# -- rules 4 and 5: multi-paragraph quotes and cue-less quote paragraphs ---------------------------
def _backfill_multiparagraph(links: list[Link], ix: TextIndex) -> None:
    """A multi-paragraph quote whose cue comes in a later paragraph: earlier paragraphs take it."""
    for i in range(len(links) - 2, -1, -1):
        a, b = links[i], links[i + 1]
        if a.method == "none" and a.quoted[-1].continues and b.method not in ("none", "continues"):
            a.follows, a.method, a.confidence = b, "continues", CONF_CONTINUES

def _is_scare_quote(link: Link, text: str, config: Config) -> bool:
    """Quoted words that are not speech: short ones in the writer's own sentence with no cue
    (scare quotes, nicknames), and titles of shows, books and films in any position."""
    if _is_title(link, text):
        return True
    if link.kind != "mixed" or link.method != "none":
        return False
    words = sum(len(text[c.start:c.end].split()) for c in link.contents)
    return words <= config.max_scare_words


# -- indirect speech -----------------------------------------------------------------------------
# "who asked not to be named": how a source stays anonymous, not something the source said
_ANONYMITY_RE = re.compile(r"(?:not )?to (?:be (?:named|identified|quoted by name)|remain anonymous)"
                           r"(?: (?:because|as|so|in order) .*)?", re.I | re.S)


def _indirect(cues: Sequence[Cue], links: Sequence[Link], ix: TextIndex, text: str) -> list[Link]:
    doc = ix.doc
    # a cue whose complement is a quotation reports nothing more; one that only introduces the
    # next sentence's quotation ("after", "colon") keeps its own clause as indirect speech
    taken = {lk.cue.head for lk in links if lk.cue is not None and lk.method in ("cue", "sentence")}
    quoted = [c for lk in links for c in lk.contents]
    out = []
    quote_only = quote_only_verbs()
    for cue in cues:
        if cue.head in taken or cue.content is None or cue.source is None \
                or (cue.kind == "verb" and lemma_in(doc[cue.head], quote_only)):
            continue
        lo, hi = cue.content
        if hi - lo < MIN_INDIRECT_TOKENS or any(ix.in_quote[i] for i in range(lo, hi)):
            continue
        span = Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        if any(span.overlaps(c) for c in quoted) or _ANONYMITY_RE.fullmatch(text[span.start:span.end]):
            continue
        link = Link(contents=[span], kind="indirect", clause=span)
        set_cue(link, cue, "indirect", CONF_INDIRECT)
        out.append(link)
    return out


__all__ = ["Link", "link_speakers", "is_title_like"]
