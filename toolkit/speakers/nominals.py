"""Descriptions: "the minister" -> the one person named nearby with that title, else a speaker of
its own ("a senior diplomat", type ``anonymous``), named by its description up to a relative clause."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Span
from .names import NameIndex
from .people import RESOLVE_NOMINAL, Person, Resolved, person_for

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def description_name(head: "Token", toks) -> str:
    """The name an unnamed source goes by: its description up to a relative clause. The mention
    keeps the whole description ("a negotiator who spoke on condition of anonymity"); the name
    that groups its quotes is "a negotiator"."""
    end = toks.end
    for child in head.rights:
        if child.dep_ in ("relcl", "appos") and child.left_edge.i < end:
            end = child.left_edge.i
    while end > toks.start + 1 and (toks.doc[end - 1].is_punct or toks.doc[end - 1].is_space):
        end -= 1
    return toks.doc[toks.start:end].text

def resolve_nominal(doc: "Doc", head: "Token", toks, span: Span, names: "NameIndex",
                     people: dict[str, Person]) -> Resolved | None:
    """'the minister' -> the one person named nearby whose title holds 'minister'."""
    definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in toks if t.i < head.i)
    if not definite or head.tag_ == "NNS":
        return None
    noun = head.lower_
    matches = {}
    for name_span, title in names.titled:
        if noun in title.lower().split() and abs(name_span.start - span.start) < 2500:
            full, _ = names.canonical(name_span, name_span.start)
            matches.setdefault(full, name_span)
    if len(matches) != 1:
        return None
    full, name_span = next(iter(matches.items()))
    p = person_for(people, full, "person")
    p.mentions.append(span)
    p.role_mentions.extend([name_span, span])
    return Resolved(p, RESOLVE_NOMINAL)
