"""Rule 1 of the attribution sieve: a cue in the quotation's own sentence (or the short one after
it), plus the reported clause or phrase that a mixed quotation is built into."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import Cue
from ..types import QuotedSpan, Span
from .base import (CONF_CUE_ADJACENT, CONF_CUE_GOVERNS, CONF_CUE_SENTENCE, INVERSION_GAP, MAX_AFTER_SCAN,
                   MAX_AFTER_SENTENCE, MAX_CUE_GAP, MAX_PHRASE_TOKENS, Link, TextIndex, set_cue)

if TYPE_CHECKING:
    from spacy.tokens import Doc


def link_by_cue(link: Link, q: QuotedSpan, ix: TextIndex, by_head: dict[int, Cue], text: str) -> None:
    doc = ix.doc
    q_lo = ix.tok(q.open_mark)
    q_hi = ix.tok(q.close_mark) if q.close_mark is not None else ix.tok(max(q.content.end - 1, q.content.start))
    para = ix.para_span(q.open_mark)
    # Governing cue: a reporting verb outside the quote whose subtree holds the quote's tokens.
    # (quote marks and punctuation hang on whatever verb the parser likes: not evidence)
    inner = [t for t in doc[q_lo:q_hi + 1] if (t.head.i < q_lo or t.head.i > q_hi) and not t.is_punct]
    right_after = _cue_right_after(doc, ix, q, q_hi, by_head)
    for t in inner:
        head = t.head
        steps = 0
        while steps < 4:
            steps += 1
            if head.i in by_head and (head.i < q_lo or head.i > q_hi) and para.start <= head.idx < para.end:
                cue = by_head[head.i]
                if right_after is not None and right_after.head != cue.head and (
                        right_after.head < cue.head or right_after.source[0] > right_after.head):
                    # “I never said that,” Trump said, after Quick said ...: the parse hangs the
                    # quotation on a later verb; '... but Moscow denies — “why …?” asked Dunn': on
                    # an earlier one. The cue written right after it is its own (before it, only
                    # when inverted: in 'X responds: “…?” Mills then writes' it begins the next)
                    cue = right_after
                if not q.sentence_initial:
                    cue = _outer_cue(cue, by_head)
                if cue.source is not None:
                    set_cue(link, cue, "cue", CONF_CUE_GOVERNS)
                    if not q.sentence_initial:
                        link.clause = mixed_clause(doc, cue, q, ix)
                    return
            if head.head is head or ix.in_quote[head.i]:
                break
            head = head.head
    # Adjacent cue: the nearest reporting verb after the close mark or before the open mark,
    # in the same sentence (or a short sentence right after), not inside another quote.
    best: tuple[int, Cue] | None = None
    if q.close_mark is not None:
        close_tok = q_hi
        sent = ix.sent(close_tok)
        stop = sent.end
        if stop <= close_tok + 2 and stop < len(doc):  # “…war.” Churkin said.
            nxt = ix.sent(stop) if not doc[stop].is_space else ix.sent(min(stop + 1, len(doc) - 1))
            if len(nxt) <= MAX_AFTER_SENTENCE and nxt.start_char < para.end:
                stop = nxt.end
        for i in range(close_tok + 1, min(stop, close_tok + 1 + MAX_AFTER_SCAN)):
            if ix.in_quote[i] or doc[i].idx >= para.end:
                break
            cue = by_head.get(i)
            if cue is not None and cue.source is not None and (
                    i - close_tok <= MAX_CUE_GAP or _only_source_between(doc, cue, close_tok + 1, i)):
                best = (i - close_tok, cue)
                break
    sent = ix.sent(q_lo)
    for i in range(q_lo - 1, max(sent.start, q_lo - MAX_CUE_GAP) - 1, -1):
        if ix.in_quote[i] or doc[i].idx < para.start or doc[i].text in (".", "?", "!"):
            break  # (a full stop the parser did not take for a sentence end is one all the same)
        cue = by_head.get(i)
        if cue is not None and cue.source is not None:
            # “…?” asked Dunn / “…,” she said: a cue right after the close mark wins over one before
            if best is None or ((q_lo - i) < best[0] and best[0] > INVERSION_GAP):
                best = (q_lo - i, cue)
            break
    if best is None and not q.sentence_initial:
        # A mixed quote deep in a long sentence: "X told reporters ... that he thinks the Brexit
        # is “a great thing.”" -- the nearest cue of the same sentence, outside other quotes.
        sent = ix.sent(q_lo)
        for i in list(range(q_lo - 1, sent.start - 1, -1)) + list(range(q_hi + 1, sent.end)):
            if ix.in_quote[i]:
                continue
            cue = by_head.get(i)
            if cue is not None and cue.source is not None and para.start <= doc[i].idx < para.end:
                set_cue(link, cue, "sentence", CONF_CUE_SENTENCE)
                link.clause = mixed_clause(doc, cue, q, ix)
                return
    if best is not None:
        set_cue(link, best[1], "cue", CONF_CUE_ADJACENT)
        if not q.sentence_initial:
            link.clause = mixed_clause(doc, best[1], q, ix)


def _cue_right_after(doc: "Doc", ix: TextIndex, q: QuotedSpan, q_hi: int, by_head: dict[int, Cue]) -> Cue | None:
    """A cue with a source standing right after the close mark: “…,” said X / “…,” X said."""
    if q.close_mark is None:
        return None
    para = ix.para_span(q.open_mark)
    for i in range(q_hi + 1, min(len(doc), q_hi + 2 + INVERSION_GAP)):
        if ix.in_quote[i] or doc[i].idx >= para.end:
            return None
        cue = by_head.get(i)
        if cue is not None:
            if cue.source is None or not q_hi < cue.source[0] <= q_hi + 1 + INVERSION_GAP:
                return None
            return cue
    return None


def _outer_cue(cue: Cue, by_head: dict[int, Cue]) -> Cue:
    """'Israel said Clinton called on members to be “closely coordinated.”': a cue inside another
    cue's reported clause is reported speech itself; the quoted words come through the outer
    speaker, who is the one quoted here (the guidelines label the outer utterance)."""
    for outer in by_head.values():
        if outer.head != cue.head and outer.content is not None and outer.source is not None \
                and outer.content[0] <= cue.head < outer.content[1] \
                and not (outer.content[0] <= outer.source[0] < outer.content[1]):
            return outer
    return cue


def _only_source_between(doc: "Doc", cue: Cue, lo: int, hi: int) -> bool:
    """“…,” James B. Comey Jr., the director of the F.B.I., said: a long subject with its
    apposition between the quote and its verb is still next to it."""
    if cue.source_head is None:
        return False
    src = doc[cue.source_head]
    left, right = src.left_edge.i, src.right_edge.i
    return all(doc[j].is_punct or left <= j <= right for j in range(lo, hi))


def mixed_clause(doc: "Doc", cue: Cue, q: QuotedSpan, ix: "TextIndex") -> Span | None:
    """The reported clause around a mixed quote: the cue's complement stretched to hold the
    whole quotation (the parse often hangs the quoted words off a neighbouring word)."""
    end = q.close_mark + 1 if q.close_mark is not None else q.content.end
    if cue.content is None:
        return None
    clause = _clause_span(doc, cue)
    sent = ix.sent(ix.tok(q.open_mark))
    if clause.start > q.open_mark or not (sent.start_char <= clause.start < sent.end_char):
        return None
    return Span(clause.start, max(clause.end, end))


def phrase_around(ix: "TextIndex", q: QuotedSpan, cue_head: int | None = None) -> Span | None:
    """The phrase that quoted words are built into, when no cue complement holds them:
    'called the behavior a “fireable offense.”', 'Trump's call for a “deportation force”'; inside
    a reported clause that the parse hung elsewhere, that clause: 'telling reporters ... [that he
    thinks the Brexit is “a great thing.”]'."""
    doc = ix.doc
    q_lo = ix.tok(q.open_mark)
    q_hi = ix.tok(q.close_mark) if q.close_mark is not None else ix.tok(max(q.content.end - 1, q.content.start))
    outer = [t for t in doc[q_lo:q_hi + 1] if (t.head.i < q_lo or t.head.i > q_hi) and not t.is_punct]
    if not outer:
        return None
    head = outer[0].head
    lo, hi = ix.sent_bounds[q_lo]
    clause = head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head is not clause and clause.head.i != cue_head:
        clause = clause.head
    if cue_head is not None and head.i != cue_head and clause.dep_ == "ccomp" and clause.i != cue_head:
        start, end = clause.left_edge.i, clause.right_edge.i + 1
    elif head.pos_ in ("VERB", "AUX"):
        start, end = head.i + 1, head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, head.right_edge.i + 1
    start, end = max(start, lo), min(end, hi)
    # the quoted words must lie inside (the marks and final punctuation hang anywhere in the parse)
    c_lo, c_hi = ix.tok(q.content.start), ix.tok(max(q.content.end - 1, q.content.start))
    while c_hi > c_lo and doc[c_hi].is_punct:
        c_hi -= 1
    if not (start <= c_lo and c_hi < end) or end - start > MAX_PHRASE_TOKENS:
        return None
    if any(ix.in_quote[i] for i in range(start, end) if not q_lo <= i <= q_hi):
        return None
    while end - 1 > c_hi and doc[end - 1].is_punct:
        end -= 1
    stop = doc[end - 1].idx + len(doc[end - 1].text)
    if end - 1 < q_hi:  # the phrase ends inside the quotation: take the rest of it, marks and all
        stop = q.close_mark + 1 if q.close_mark is not None else q.content.end
    return Span(doc[min(start, q_lo)].idx, stop)  # the open mark belongs with its quotation


def _clause_span(doc: "Doc", cue: Cue) -> Span | None:
    if cue.content is None:
        return None
    lo, hi = cue.content
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
