"""Pronouns: "he" or "she" -> the person the article means, or unknown (never a guess).

The previous quote's speaker, else a subject in the same sentence, else the last sentence or
clause subject, else anyone named; never a name inside a quotation nor a person of the other
gender (as the article or, failing it, the given name says).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Span
from .names import NameIndex
from .people import (PERSONAL_PRONOUNS, PRONOUN_REACH, RESOLVE_PRONOUN_EMBEDDED, RESOLVE_PRONOUN_NEAREST,
                     RESOLVE_PRONOUN_PREV_SPEAKER, RESOLVE_PRONOUN_SUBJECT, Person, Resolved, person_for)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def resolve_pronoun(doc: "Doc", head: "Token", span: Span, names: "NameIndex", people: dict[str, Person],
                     prev: tuple[Person, int] | None, as_word: str | None = None) -> Resolved:
    """``as_word``: read the pronoun as this one ("he" for a possessive "his")."""
    low = as_word or head.lower_
    if low not in PERSONAL_PRONOUNS:
        return Resolved(None, 0.0, unresolved=True)  # "it", "they", "I", "we": left unresolved
    want = "f" if low in ("she", "her") else "m"
    if prev is not None and span.start - prev[1] < PRONOUN_REACH and prev[0].is_one_person:
        # the previous quote's speaker, unless another person was named as a subject in between
        between = names.subjects_between(prev[1], span.start)
        if not between or all(names.canonical_key(b) == prev[0].key for b in between):
            gender = names.gender_of(prev[0].name)
            if gender in (None, want):
                prev[0].mentions.append(span)
                return Resolved(prev[0], RESOLVE_PRONOUN_PREV_SPEAKER)
            if not names.article_says_gender(prev[0].name) and not names.of_gender_between(prev[1], span.start, want):
                # only the given name disagrees ("Graham said, “…” He continued, “…”" with
                # "Lindsey" mostly a woman's name): the article reads as one speaker going on,
                # the name list says otherwise; neither wins, the speaker stays unknown -- unless
                # a person of the pronoun's gender is named since ("“…?” Maria Ruiz asked Tom
                # Lee. “…,” he said."), who is then looked for as any other referent
                return Resolved(None, 0.0, unresolved=True)
    # a subject in the pronoun's own sentence ("…, says Bradford, can teach “skills,” she says"),
    # then the subject of an earlier sentence before a clause's ("Bolton discussed the rules … at
    # the level Clinton did. He said:" is Bolton's), then anyone named at all
    sentence = head.sent.start_char
    for level, conf, lo in (("subject", RESOLVE_PRONOUN_SUBJECT, sentence), ("main", RESOLVE_PRONOUN_SUBJECT, None),
                            ("subject", RESOLVE_PRONOUN_EMBEDDED, None), ("any", RESOLVE_PRONOUN_NEAREST, None)):
        cand = names.last_person_before(span.start, level, gender=want, since=lo)
        if cand is not None:
            break
    else:
        return Resolved(None, 0.0, unresolved=True)
    full, c2 = names.canonical(cand, cand.start)
    if level != "any" and _rival_named_after(doc, cand, span, names, want):
        return Resolved(None, 0.0, unresolved=True)
    if _unrecognised_subject_between(cand.end, span.start, names, full):
        # "West landed a dig at …. “…,” he said.": a name the recognizer missed is the nearer
        # subject; the last person it did recognise may well be someone else
        return Resolved(None, 0.0, unresolved=True)
    p = person_for(people, full, "person")
    p.mentions.append(span)
    p.role_mentions.append(cand)
    return Resolved(p, conf * c2)


def _rival_named_after(doc: "Doc", cand: Span, span: Span, names: "NameIndex", want: str) -> bool:
    """Another person of the pronoun's gender is named after the subject chosen, in a later
    sentence: "Lee asked Maria Ortiz about the vote. Her answer: …" -- the subject of an earlier
    sentence is no safer a referent than the person named last, so neither is taken."""
    cand_end = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if cand_end is None:
        return False
    sent_end = cand_end[-1].sent.end_char
    for p in names.of_gender_between(sent_end - 1, span.start, want):
        rival = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if rival is not None and _addressed(rival.root) and names.canonical_key(p.span) != names.canonical_key(cand):
            return True
    return False


def _addressed(tok: "Token") -> bool:
    """A person a clause acts on or speaks to ("Lee asked Ortiz", "it worried Crespo, the
    president of …"), not one named in passing ("Obama's plan", "the remark by Song")."""
    while tok.dep_ == "appos":
        tok = tok.head
    if tok.dep_ in ("dobj", "dative", "nsubjpass", "attr"):
        return True
    return tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")


def _unrecognised_subject_between(lo: int, hi: int, names: "NameIndex", candidate: str) -> bool:
    """A singular proper noun in no entity (or a LOC), outside quotations, is the subject of a
    sentence between ``lo`` and ``hi`` (characters): most likely a person's name the model missed,
    unless it is a word of the candidate's own name ("Megyn was incredulous", "Singh, 47, voted")."""
    own = {w.lower() for w in candidate.split()}
    return any(lo <= at < hi and word.lower() not in own for at, word in names.unrecognised_subjects)


# A possessive pronoun, read as the personal pronoun whose referent it is.
POSSESSIVES = {"his": "he", "her": "she"}


def possessor(doc: "Doc", head: "Token", toks, names: "NameIndex", people: dict[str, Person],
              prev: tuple[Person, int] | None) -> tuple[str, float] | None:
    """'his wife', 'her campaign’s leadership': the surname of the person the possessive pronoun
    before the head refers to, resolved as "he" or "she" would be there, with that resolution's
    prior; None when there is no such pronoun or no referent. The person gains no mention."""
    pron = next((t for t in toks if t.i < head.i and t.dep_ == "poss" and t.lower_ in POSSESSIVES), None)
    if pron is None:
        return None
    before = {id(p): (len(p.mentions), len(p.role_mentions)) for p in people.values()}
    if prev is not None:
        before.setdefault(id(prev[0]), (len(prev[0].mentions), len(prev[0].role_mentions)))
    scratch = dict(people)  # a person first met here is no speaker
    res = resolve_pronoun(doc, pron, Span(pron.idx, pron.idx + len(pron.text)), names, scratch, prev,
                          as_word=POSSESSIVES[pron.lower_])
    p = res.person
    if p is not None and id(p) in before:
        del p.mentions[before[id(p)][0]:], p.role_mentions[before[id(p)][1]:]
    if p is None or p.type != "person" or " and " in p.name:
        return None
    return p.name.split()[-1], res.confidence
