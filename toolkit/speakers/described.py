"""Roles from coreferent descriptions: "Donald Trump's record … paint the billionaire businessman as …".

News names a person once and then varies: "the former secretary of state", "the billionaire
businessman". GUIDELINES.md (roles gold set) counts such a description as a role of the person it
refers to. Used only for a person the article gives no role at its names (resolve.py): a
description that refers to someone else is then the risk, so it is read only where the reference
is plain -- a definite singular role noun ("the" + modifiers + a title or agent noun), not inside
a quotation, not followed by a name (that is a title before a name, read by roles/), with the
last person named before it in its own sentence or the sentence before.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Span
from .roles import is_role_token, mention_roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .names import NameIndex


def described_roles(doc: "Doc", names: "NameIndex", wanted: set[str]) -> dict[str, str]:
    """Fullest name (of those ``wanted``) -> the role its first plain coreferent description states."""
    persons = [p for p in names.persons if not p.quoted]
    out: dict[str, str] = {}
    k = 0
    for tok in doc:
        if names.quoted.holds(tok.idx):
            continue
        if _stated_of_pronoun(tok):
            # "“…,” said Kwame Asante. He is a professor at the University of Ghana.": the role a
            # copula states of "he" or "she", for the one person named in the sentence before
            _pronoun_role(doc, names, tok, wanted, out)
            continue
        if not _definite_role_noun(tok):
            continue
        while k < len(persons) and persons[k].span.end <= tok.idx:
            k += 1
        if k == 0:
            continue
        referent = persons[k - 1]
        sent = tok.sent
        since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        if referent.span.start < since:
            continue
        full = names.canonical(referent.span, referent.span.start)[0]
        if full in out or full not in wanted:
            continue
        span = _description(tok)
        roles = mention_roles(doc, span)
        if roles:
            out[full] = roles[0]
    return out


_SUBJECT_PRONOUNS = {"he": "m", "she": "f"}


def _stated_of_pronoun(tok: "Token") -> bool:
    """'He is a professor at …', 'She was the city's first mayor': "he" or "she" opens its
    sentence as the subject of "is"/"was" whose complement is a singular role noun."""
    if tok.lower_ not in _SUBJECT_PRONOUNS or tok.dep_ != "nsubj" or tok.i != tok.sent.start:
        return False
    verb = tok.head
    if verb.lower_ not in ("is", "was", "'s", "’s") or verb.dep_ != "ROOT":
        return False
    attr = next((c for c in verb.rights if c.dep_ == "attr"), None)
    return attr is not None and attr.tag_ == "NN" and attr.text.islower() and is_role_token(attr) \
        and attr.lower_ not in _UNNAMED and any(c.dep_ in ("det", "poss") for c in attr.lefts)


def _pronoun_role(doc: "Doc", names: "NameIndex", tok: "Token", wanted: set[str], out: dict[str, str]) -> None:
    """The role a pronoun's copula states, for the one person named (outside quotations) in the
    sentence before, when that person's gender, if known, is the pronoun's."""
    sent = tok.sent
    if sent.start == 0:
        return
    before = doc[sent.start - 1].sent
    named = {names.canonical(p.span, p.span.start)[0] for p in names.persons
             if not p.quoted and before.start_char <= p.span.start < sent.start_char}
    # (a person of the other gender named there is not the referent: "Ana Lima met Kwame Asante. He …")
    named = {n for n in named if names.gender_of(n) in (None, _SUBJECT_PRONOUNS[tok.lower_])}
    if len(named) != 1:
        return
    full = named.pop()
    if full in out or full not in wanted:
        return
    attr = next(c for c in tok.head.rights if c.dep_ == "attr")
    roles = mention_roles(doc, Span(attr.left_edge.idx, attr.right_edge.idx + len(attr.right_edge.text)))
    if roles:
        out[full] = roles[0]


# Nouns that introduce someone unnamed: "the new source" after "Farah Al-Ibrahim" is another person.
_UNNAMED = frozenset(["source", "insider"])


def _definite_role_noun(tok: "Token") -> bool:
    if tok.tag_ != "NN" or not tok.text.islower() or not is_role_token(tok) or tok.lower_ in _UNNAMED:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "the senator Ted Cruz", "the senator's": a title before a name or an owner, not a description
    return nxt is None or (nxt.pos_ != "PROPN" and nxt.tag_ != "POS")


def _description(tok: "Token") -> Span:
    """From the determiner to the head noun, with an "of" phrase after it ("the former secretary
    of state")."""
    start = tok.left_edge
    end = tok
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge
    return Span(start.idx, end.idx + len(end.text))
