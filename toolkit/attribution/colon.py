"""Rule 2 of the attribution sieve: a colon introduces the quotation -- a paragraph that ends
"X said:" before a quote paragraph, or "X:" / "X, in a statement:" inside the quote's own paragraph."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..cues import (NOT_SPEAKER_ENTS, WRITTEN_SOURCES, Cue, apposed_name, lemma_in, mention_range,
                    passed_on_words_owner, words_owner)
from ..lexicon import INSTITUTION_NOUNS, is_role_noun
from ..types import QuotedSpan
from .base import CONF_COLON, CONF_COLON_SUBJECT, Link, TextIndex, set_cue, words_before
from .paragraph import ASK_VERBS, is_person_subject, names_a_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose passive subject is the one spoken to: "Ruiz was asked: “…?”" quotes the asker.
_PUT_TO_VERBS = ASK_VERBS | {"tell", "challenge", "confront", "warn", "urge"}


def link_by_colon(link: Link, q: QuotedSpan, ix: TextIndex, cues: Sequence[Cue], text: str) -> bool:
    p = ix.para(q.open_mark)
    para = ix.para_span(q.open_mark)
    before = text[para.start:q.open_mark]
    if before.rstrip().endswith(":"):
        return _link_by_inline_colon(link, q, ix, text)
    if words_before(text, para.start, q.open_mark) or p == 0:
        return False
    prev = ix.paras[p - 1]
    if not text[prev.start:prev.end].rstrip().endswith(":"):
        return False
    inside = [c for c in cues if prev.start <= c.span.start < prev.end and c.source is not None]
    if inside:
        set_cue(link, inside[-1], "colon", CONF_COLON)
        return True
    # "President Clinton released the following statement:" -- the subject of the last sentence,
    # when it is one who speaks (not "Here are five new films you can stream this week:")
    last = ix.sent(ix.tok(max(prev.start, prev.end - 1)))
    subj = [t for t in last.root.children if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN")]
    speaker = _colon_speaker(ix, subj[0]) if subj and not ix.in_quote[subj[0].i] else None
    if speaker is not None:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    if subj:
        return False
    speaker = _fragment_speaker(last) if not any(t.pos_ in ("VERB", "AUX") for t in last) else None
    if speaker is not None and not ix.in_quote[speaker.i]:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _fragment_speaker(frag) -> "Token | None":
    """A line with no verb that hands the floor to someone: "Mayor Jo Park on the budget:",
    "Among her other remarks:", "The full statement from the Park campaign:" -- a person's name
    heading the fragment, or the owner or author of the words it names."""
    root = frag.root
    if root.ent_type_ == "PERSON" and root.pos_ == "PROPN":
        return root
    return next((owner for tok in frag if (owner := words_owner(tok)) is not None), None)


def _link_by_inline_colon(link: Link, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    """'... doesn't surprise Republican pollster Daron Shaw: “…”' / 'She then addressed the
    supporters again: “…”': the person named right before the colon, else the subject of the
    clause the colon ends, when that is a person."""
    doc = ix.doc
    colon = ix.tok(text.rindex(":", 0, q.open_mark))
    lo, _ = ix.sent_bounds[colon]
    prev = doc[colon - 1] if colon > lo else None
    if prev is not None and prev.ent_type_ == "PERSON" and not ix.in_quote[prev.i] and prev.dep_ != "pobj":
        # (not the object of a preposition: "Ruth Gale, on Twitter:" is Gale's, whatever the
        # recognizer thinks "Twitter" is)
        start = prev.i
        while start - 1 >= lo and doc[start - 1].ent_type_ == "PERSON":
            start -= 1
        link.source, link.method, link.confidence = (start, prev.i + 1), "colon", CONF_COLON_SUBJECT
        return True
    root = _clause_before(doc, lo, colon)
    if root is None:
        return False
    while root.dep_ == "conj" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in root.children) \
            and lo <= root.head.i < colon:
        root = root.head  # "Ruiz paused, looked up and went on:" -- the first verb's subject
    owned = passed_on_words_owner(root)
    if owned is not None and not ix.in_quote[owned.i]:
        # "The campaign released a statement from Ruiz:", "Lee read her letter aloud:": the words' owner
        link.source, link.method, link.confidence = mention_range(owned), "colon", CONF_COLON_SUBJECT
        return True
    subj = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subj and root.dep_ in ("nsubj", "nsubjpass"):
        subj = [root]  # the parse hung the subject itself on the quotation's verb
    if subj and subj[0].dep_ == "nsubjpass":
        # "Ruiz was unmoved:" -- a person, named; not "Ruiz was asked:", whose quotation is the
        # question put to her
        speaker = subj[0] if (names_a_person(ix, subj[0]) or _proper_subject(subj[0])) and not ix.in_quote[subj[0].i] \
            and not lemma_in(root, _PUT_TO_VERBS) else None
    elif subj:
        speaker = _colon_speaker(ix, subj[0]) if not ix.in_quote[subj[0].i] else None
    elif any(t.pos_ in ("VERB", "AUX") for t in doc[root.left_edge.i:colon]):
        # no subject: "Consider this headline from the Daily Courier:", "And how about this
        # statement from the ministry, which …:" -- the owner of the words the clause points to
        speaker = _pointed_words_owner(doc, lo, colon)
    else:
        # a fragment: "Her answer:", "The verdict from Ann Ruiz:", or a label inside the
        # paragraph the recognizer did not read as a person ("… — Kasich: “…”", "The senator:")
        speaker = words_owner(root) if root.pos_ == "NOUN" else None
        if speaker is None and (_proper_subject(root) or _speaking_noun(root)) and not ix.in_quote[root.i]:
            speaker = root
    if speaker is not None:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _pointed_words_owner(doc: "Doc", lo: int, colon: int) -> "Token | None":
    """The owner of the one noun for words, before a colon, in a clause with no subject, that
    names its owner ("this headline from the Daily Courier"); None with none or two."""
    owners = [o for t in doc[lo:colon] if (o := words_owner(t)) is not None and o.i < colon]
    return owners[0] if len(owners) == 1 else None


def _clause_before(doc: "Doc", lo: int, colon: int) -> "Token | None":
    """The head of the clause that a colon ends, within the words before it. The parser often
    hangs that clause on the quotation's verb ("Ruiz was blunt: “Nobody …”" as a ccomp of the
    quote's root), so climb from the last word before the colon and stop at the colon."""
    i = colon - 1
    while i >= lo and doc[i].is_punct:
        i -= 1
    if i < lo:
        return None
    tok = doc[i]
    # (through a reported clause to the one who reports it: "Ruiz said the mayor was wrong:")
    while tok.dep_ not in ("ROOT", "conj") and lo <= tok.head.i < colon and tok.head is not tok:
        tok = tok.head
    return tok


def _colon_speaker(ix: TextIndex, subj: "Token") -> "Token | None":
    """Who a clause that ends in a colon gives the floor to: its subject when that is a person
    ("She then addressed the supporters again:", "The mayor was blunt:"), the name in apposition
    to a description ("The Slate columnist David Auerbach went so far as to say:"), the owner of
    a reply ("Clinton’s response was:"), else a noun for people, a body or a text ("Aides were
    blunt:", "The ad ends:")."""
    if is_person_subject(ix, subj) or _proper_subject(subj):
        return subj
    named = apposed_name(subj)
    if named is not None:
        return named
    owner = words_owner(subj)
    if owner is not None:
        return owner
    return subj if _speaking_noun(subj) else None


def _proper_subject(subj: "Token") -> bool:
    """A proper noun as the subject of a clause that hands the floor on: a person the recognizer
    took for a place or a body ("Kasich was blunt:" with Kasich a GPE), or a body that speaks
    ("The White House was blunt:"); resolve gives it its type. Not a date or a number."""
    return subj.tag_ in ("NNP", "NNPS") and subj.text[:1].isupper() and subj.ent_type_ not in NOT_SPEAKER_ENTS


def _speaking_noun(subj: "Token") -> bool:
    """A common noun that speaks in news: people by their role, plural too ("Aides were blunt:"),
    a body ("The campaign put it this way:"), a text ("The ad ends:") -- not "The mood was clear:"."""
    if subj.pos_ != "NOUN":
        return False
    word = subj.lower_[:-1] if subj.tag_ == "NNS" and subj.lower_.endswith("s") else subj.lower_
    return is_role_noun(word) or lemma_in(subj, INSTITUTION_NOUNS | WRITTEN_SOURCES)
