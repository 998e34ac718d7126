"""What the paragraph around a quotation says about its speaker when its own sentence has no cue:
a reported statement just before it, “A,” X said. “B.” (the sequel), the words' owner named
after it; and the helpers that colon.py and label.py share (who is a person, the sentence
before or after a quote). Rules 2 and 3 themselves are in colon.py and label.py."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ..cues import Cue, lemma_in, words_owner
from ..lexicon import is_role_noun
from ..types import QuotedSpan
from .base import CONF_AFTER_CUE_SENTENCE, MAX_SEQUEL_GAP, Link, TextIndex, is_title_like, set_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TITLE_IN_GAP = re.compile(r"[“\"]([^“”\"\n]{1,80})[”\"]")
# Verbs of asking: "Ruiz asked Lee: “…?”" puts a question to someone.
ASK_VERBS = frozenset({"ask", "question", "press", "quiz"})


def person_named_elsewhere(ix: TextIndex, lo: int, hi: int) -> bool:
    """'Trump: “…”' where the tagger reads "Trump" as a common noun: every word of the label is a
    word of a person's name that the recognizer found elsewhere in the article."""
    words = ix.doc.text[lo:hi].split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    # (a transcript writes its labels in capitals: "RUIZ:" for Ann Ruiz)
    return all(w.lower() in ix.person_words for w in words)


def names_a_person(ix: TextIndex, tok: "Token") -> bool:
    """A clause subject that is a person: "he"/"she", a PERSON entity, or a proper noun that is a
    word of a person's name found elsewhere in the article (the recognizer misses many)."""
    return tok.lower_ in ("he", "she") or tok.ent_type_ == "PERSON" or (
        tok.pos_ == "PROPN" and person_named_elsewhere(ix, tok.idx, tok.idx + len(tok.text)))


def is_person_subject(ix: TextIndex, tok: "Token") -> bool:
    """A clause subject that is a person (names_a_person) or a singular role with "the": "the
    judge", "the senator" -- who, in the sentence before a quotation, is its likely speaker."""
    return names_a_person(ix, tok) or (
        tok.pos_ == "NOUN" and tok.tag_ == "NN" and is_role_noun(tok.text)
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") or c.dep_ == "poss" for c in tok.children))


def tok_range(ix: TextIndex, lo: int, hi: int) -> tuple[int, int]:
    return ix.tok(lo), ix.tok(hi - 1) + 1


def proper_name_tokens(doc: "Doc", ix: TextIndex, lo: int, hi: int) -> bool:
    toks = doc[ix.tok(lo):ix.tok(hi - 1) + 1]
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in toks)


def sentence_before(ix: TextIndex, q: QuotedSpan, text: str) -> tuple[int, int] | None:
    """Token bounds of the writer's sentence right before the one ``q`` opens, in the same
    paragraph, with nothing between it and the open mark and no quotation in it but a title
    ("She appeared on “Meet the Press” on Sunday."); else None."""
    doc = ix.doc
    para = ix.para_span(q.open_mark)
    lo, _ = ix.sent_bounds[ix.tok(q.open_mark)]
    if lo == 0 or doc[lo - 1].idx < para.start:
        return None
    prev_lo, prev_hi = ix.sent_bounds[lo - 1]
    if doc[prev_lo].idx < para.start or any(ix.in_quote[i] and not ix.in_title[i] for i in range(prev_lo, prev_hi)):
        return None
    if text[doc[prev_hi - 1].idx + len(doc[prev_hi - 1].text):q.open_mark].strip():
        return None  # words between the sentence and the quote
    return prev_lo, prev_hi


def sentence_after(ix: TextIndex, q: QuotedSpan, text: str) -> tuple[int, int] | None:
    """Token bounds of the writer's sentence that begins right after ``q`` closes (``q`` ends its
    own sentence), in the same paragraph -- or, when ``q`` ends its paragraph, the first sentence
    of the next one -- with no quotation in it; else None."""
    if q.close_mark is None:
        return None
    doc = ix.doc
    para = ix.para_span(q.open_mark)
    start = q.close_mark + 1
    while start < para.end and text[start].isspace():
        start += 1
    p = ix.para(q.open_mark)
    if start >= para.end and p + 1 < len(ix.paras):
        para = ix.paras[p + 1]  # “…” / That was the verdict of the association.
        start = para.start
    if start >= para.end or text[start] in "“”\"‘’«»":
        return None
    i = ix.tok(start)
    lo, hi = ix.sent_bounds[i]
    if lo != i or ix.sent_bounds[ix.tok(q.open_mark)] == (lo, hi):
        return None  # the quotation's own sentence goes on ("“…,” X said")
    while hi > lo + 1 and doc[hi - 1].is_space:
        hi -= 1  # (the blank line that ends the text)
    if doc[hi - 1].idx >= para.end or any(ix.in_quote[j] for j in range(lo, hi)):
        return None
    return lo, hi


def words_owner_after(ix: TextIndex, q: QuotedSpan, text: str) -> "Token | None":
    """Whose words the sentence right after a quotation says they were: "“…” Those were the words
    of Ann Ruiz.", "“…” That was the message from Ruiz.", "“…” Ruiz's remarks drew cheers." -- the
    owner of a noun for speech that is the sentence's subject, or that "that/those was/were" name.
    A sentence that opens the next paragraph counts only in the second form: "His second tweet
    was …" there starts on other words, "That was the verdict of …" points back."""
    after = sentence_after(ix, q, text)
    if after is None:
        return _owner_in_tail(ix, q)
    lo, hi = after
    roots = [t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"]
    subj = [c for c in roots[0].children if c.dep_ == "nsubj"] if len(roots) == 1 else []
    if len(subj) != 1:
        return None
    next_paragraph = ix.para(ix.doc[lo].idx) != ix.para(q.open_mark)
    owner = None if next_paragraph else words_owner(subj[0])
    if owner is None and subj[0].lower_ in ("that", "those", "this", "these", "such") and lemma_in(roots[0], {"be"}):
        attr = [c for c in roots[0].children if c.dep_ == "attr"]
        owner = words_owner(attr[0]) if len(attr) == 1 else None
    return owner if owner is not None and not ix.in_quote[owner.i] else None


def _owner_in_tail(ix: TextIndex, q: QuotedSpan) -> "Token | None":
    """“…,” was Ruiz's verdict. / “…,” came the reply from the mayor.: the quotation's own
    sentence goes on past its close mark to a "be"/"come" whose subject or complement is a noun
    for words with an owner."""
    if q.close_mark is None:
        return None
    close = ix.tok(q.close_mark)
    lo, hi = ix.sent_bounds[close]
    root = next((t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"), None)
    if root is None or root.i <= close or ix.in_quote[root.i] or not lemma_in(root, {"be", "come"}):
        return None
    nouns = [c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i > close]
    owner = words_owner(nouns[0]) if len(nouns) == 1 else None
    return owner if owner is not None and not ix.in_quote[owner.i] else None


def link_after_cue_sentence(link: Link, q: QuotedSpan, ix: TextIndex, cues: Sequence[Cue], text: str) -> bool:
    """'Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”': a quote
    that opens the sentence right after a reported statement, in the same paragraph, continues it."""
    if not q.sentence_initial:
        return False
    before = sentence_before(ix, q, text)
    if before is None:
        return False
    prev_lo, prev_hi = before
    inside = [c for c in cues if prev_lo <= c.head < prev_hi and c.source is not None]
    if len(inside) != 1 or asks_someone(ix.doc[inside[0].head]):
        return False
    set_cue(link, inside[0], "after", CONF_AFTER_CUE_SENTENCE)
    return True


def _reported_in_passing(prev: Link, ix: TextIndex) -> bool:
    """'Ruiz took aim at what Lee calls his “jobs plan.” “…”': the mixed quote is Lee's, by a cue
    in a clause inside a sentence whose own subject is another person; the next quotation may
    as well be that person's, so it continues neither."""
    if prev.kind != "mixed" or prev.cue is None or prev.source is None:
        return False
    doc = ix.doc
    lo, hi = ix.sent_bounds[prev.cue.head]
    root = next((t for t in doc[lo:hi] if t.dep_ == "ROOT"), None)
    if root is None or root.i == prev.cue.head:
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subj is not None and not prev.source[0] <= subj.i < prev.source[1] and names_a_person(ix, subj)


def asks_someone(verb: "Token") -> bool:
    """'“Will it work?” Ruiz asked Lee. “Of course.”': a verb of asking with a person as its
    object. The quote after such a question is as likely the answer as more of the question, so
    neither the asker's sequel nor the after-sentence rules continue it."""
    return bool(lemma_in(verb, ASK_VERBS)) and any(
        c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.pos_ in ("PROPN", "PRON"))
        for c in verb.children)


def same_paragraph_sequel(prev: Link | None, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    """“A,” Cummings said. “B.” : a sentence-initial quote right after an attributed quote and its
    cue in the same paragraph, with no other words between, continues that speaker."""
    if prev is None or prev.method == "none" or not q.sentence_initial:
        return False
    if _reported_in_passing(prev, ix) or (prev.cue is not None and asks_someone(ix.doc[prev.cue.head])):
        return False
    last = prev.quoted[-1]
    if ix.para(last.open_mark) != ix.para(q.open_mark):
        return False
    end = last.close_mark + 1 if last.close_mark is not None else last.content.end
    if prev.cue is not None and prev.cue.span.end <= q.open_mark:
        end = max(end, prev.cue.span.end)
        if prev.source is not None:
            end = max(end, ix.doc[prev.source[1] - 1].idx + len(ix.doc[prev.source[1] - 1].text))
    # a quoted title in the tail of the cue's sentence is no other voice: said on ABC's “This Week.”
    gap = _TITLE_IN_GAP.sub(lambda m: "" if is_title_like(m.group(1)) else m.group(0), text[end:q.open_mark])
    if len(gap) > MAX_SEQUEL_GAP or any(c in gap for c in "“”\"") or "\n" in gap:
        return False
    # what is left between is the tail of the cue's sentence ("in a statement.", ", a D.C.-based
    # strategist."): the quote opens in that sentence or the one right after it
    cue_sent = ix.sent(ix.tok(max(end - 1, 0)))
    q_sent = ix.sent(ix.tok(q.open_mark))
    return q_sent.start <= cue_sent.end + 1
