"""Descriptions: "the minister" -> the one person named nearby with that title, else a speaker of
its own ("a senior diplomat", type ``anonymous``), named by its description up to a relative clause."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import lemma_in, reporting_verbs
from ..types import Span
from .names import NameIndex
from .people import (NOMINAL_REACH, RESOLVE_NOMINAL, RESOLVE_NOMINAL_FAR, RESOLVE_NOMINAL_INTRODUCED, Person,
                     Resolved, person_for)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Words of a relative clause that says why a source is unnamed, not who it is ("who spoke on
# condition of anonymity", "who was not authorized to comment", "who asked not to be named").
ANONYMITY_WORDS = frozenset("anonymity anonymous anonymously authorized authorised permitted allowed named "
                            "identified publicly record".split())
# A relative clause longer than this is a story about the source, not its description (a
# guess, not fitted: the restrictive clauses in descriptions read on the tuning halves are 3 to 6 words).
MAX_CLAUSE_WORDS = 12


def description_name(head: "Token", toks) -> str:
    """The name an unnamed source goes by: its description with the relative clause that
    restricts it ("a former engineer who oversaw the repairs"; no comma before "who"), up to that
    clause's first coordinated verb ("… and described the work as rushed"). A clause set off by a
    comma ("a former engineer, who …") or one that says why the source is unnamed ("a negotiator
    who spoke on condition of anonymity") is no part of the name: the mention keeps the whole
    description, the name that groups its quotes is "a negotiator"."""
    end = toks.end
    for child in head.rights:
        if child.dep_ == "relcl" and child.left_edge.i >= end == child.left_edge.i:
            # the mention stops before the clause ("said a former engineer | who oversaw …")
            end = _restrictive_end(child, toks) or end
        elif child.dep_ in ("relcl", "appos") and child.left_edge.i < end:
            end = _restrictive_end(child, toks) or child.left_edge.i
    while end > toks.start + 1 and (toks.doc[end - 1].is_punct or toks.doc[end - 1].is_space):
        end -= 1
    end = _without_trailing_date(toks.doc, toks.start, end)
    return toks.doc[toks.start:end].text


def _restrictive_end(clause: "Token", toks) -> int | None:
    """Where a restrictive relative clause that names what the source does ends, or None when the
    clause is no part of the name (an apposition, a comma before it, a clause about anonymity)."""
    doc = toks.doc
    start = clause.left_edge.i
    if clause.dep_ != "relcl" or start == 0 or doc[start - 1].text in (",", "(", "—", "–", "-") \
            or doc[start].lower_ not in ("who", "that"):
        return None
    end = clause.right_edge.i + 1
    # "who oversaw the repairs and described the work as rushed": the first verb's phrase
    for child in clause.rights:
        if child.dep_ in ("cc", "conj", "punct") and child.i < end:
            end = child.i
            break
    if any(t.lower_ in ANONYMITY_WORDS for t in doc[start:end]) or end - start > MAX_CLAUSE_WORDS:
        return None
    # "a councilman who said the budget was …": a clause that reports speech is the cue, not a description
    if lemma_in(clause, reporting_verbs()) is not None or any(t.is_quote for t in doc[start:end]):
        return None
    return end


def _without_trailing_date(doc: "Doc", start: int, end: int) -> int:
    """'A legal opinion drafted for the project in May 2012' -> '… for the project': a date
    or time at the end says when, not who ("a release sent to media late Friday")."""
    for k in range(start + 1, end):
        tail = doc[k:end]
        if doc[k].pos_ in ("ADP", "ADV", "ADJ") or doc[k].ent_type_ in ("DATE", "TIME"):
            if any(t.ent_type_ in ("DATE", "TIME") for t in tail) and all(
                    t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADP", "DET", "PUNCT") or t.i == k for t in tail):
                return k
    return end

def resolve_nominal(doc: "Doc", head: "Token", toks, span: Span, names: "NameIndex",
                     people: dict[str, Person]) -> Resolved | None:
    """'the minister' -> the one person named nearby whose title holds 'minister'; failing any
    nearby, the one named so anywhere before it in the article; failing that, 'the official' ->
    the one unnamed source already introduced with that noun ('a justice official')."""
    definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in toks if t.i < head.i)
    if not definite or head.tag_ == "NNS":
        return None
    noun = head.lower_
    for reach, prior in ((NOMINAL_REACH, RESOLVE_NOMINAL), (None, RESOLVE_NOMINAL_FAR)):
        matches = {}
        for name_span, title in names.titled:
            near = abs(name_span.start - span.start) < reach if reach else name_span.start < span.start
            if noun in title.lower().split() and near:
                full, _ = names.canonical(name_span, name_span.start)
                matches.setdefault(full, name_span)
        if matches:
            break
    if len(matches) > 1:
        return None
    if not matches:
        return _introduced(head, span, people)
    full, name_span = next(iter(matches.items()))
    p = person_for(people, full, "person")
    p.mentions.append(span)
    p.role_mentions.extend([name_span, span])
    return Resolved(p, prior)


def _introduced(head: "Token", span: Span, people: dict[str, Person]) -> Resolved | None:
    """'the official' -> the one unnamed source an earlier quote was credited to whose
    description has that head noun ('a justice official'), when there is exactly one."""
    noun = head.lower_
    found = [p for p in people.values() if p.type == "anonymous" and p.one_person and p.mentions
             and min(p.mentions).start < span.start and p.noun == noun
             and p.name.lower().split()[0] in ("a", "an", "one")]
    if len(found) != 1:
        return None
    found[0].mentions.append(span)
    return Resolved(found[0], RESOLVE_NOMINAL_INTRODUCED)

