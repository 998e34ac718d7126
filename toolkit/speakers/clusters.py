"""One person, one speaker: speakers whose names are variants of one person's name are joined.

Mentions are resolved one at a time (mention.py), each to the fullest form the article writes
*by then* as far as the index knows; a name tagged ORG once and PERSON once, or a surname
resolved before its full form could be known, still leaves two speakers for one person
("Okafor" beside "Ada Okafor"). Once every mention is resolved, the speakers are clustered:
- a person or an organisation named by a surname (and given names) that are all words of one
  person's fuller name joins that person ("Okafor", "Ada Okafor"; "Mr. Okafor" is "Okafor");
- a surname or a name that is the start of a longer one, the last word excepted, joins it:
  "Acosta" is "Melba Acosta Febo" (Spanish double surnames), "Dena Minning" "Dena Minning Grayson";
- a one-word name that is the given name of exactly one person joins them ("Bianca", "Bianca Hall");
- a surname two people share ("Bill Clinton", "Hillary Clinton") joins no one: it stays as it was.
The type of the joined speaker is the fuller person's: the votes of the mentions are the
recognizer's label on each, and a full personal name outvotes a surname's ORG label; a one-word
name no person of the article has, labelled ORG at most of its places, is an organisation.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import NAME_PARTICLES, NAME_SUFFIXES
from .names import is_variant

if TYPE_CHECKING:
    from .names import NameIndex
from .people import ORG_LABELS, RESOLVE_JOINED_FIRST_NAME, RESOLVE_JOINED_SURNAME, Person

JOINABLE = ("person", "organization")


def variant_targets(people: list[Person]) -> dict[str, tuple[Person, float]]:
    """Speaker key -> (the person it is a variant of, the prior of that join), for each speaker
    that is a shorter form of exactly one other person's name."""
    # (a joint speaker, "Kim and Lee Park", is no fuller form of either person)
    persons = [p for p in people if p.type == "person" and p.name and " and " not in p.name]
    out: dict[str, tuple[Person, float]] = {}
    for p in people:
        if p.type not in JOINABLE or not p.name or " and " in p.name:
            continue
        words = p.name.split()
        fuller = [q for q in persons if q is not p and len(q.name.split()) > len(words)
                  and is_variant(words, q.name.split())]
        # keep only the fullest forms: "Okafor" -> "Ada Okafor" and "Ada N. Okafor" is one person
        # when the shorter of the two is itself a variant of the longer one
        tops = [q for q in fuller if not any(r is not q and len(r.name.split()) > len(q.name.split())
                                             and is_variant(q.name.split(), r.name.split()) for r in fuller)]
        if len(tops) == 1:
            out[p.key] = (tops[0], RESOLVE_JOINED_SURNAME)
            continue
        # a double surname or a name changed by marriage: "Acosta" or "Melba Acosta" is "Melba
        # Acosta Febo", "Dena Minning" is "Dena Minning Grayson" -- not "Donald Trump" in
        # "Donald Trump Jr.", another person
        inner = [q for q in persons if q is not p and not fuller and _inside(words, q.name.split())]
        if len(inner) == 1:
            out[p.key] = (inner[0], RESOLVE_JOINED_SURNAME)
            continue
        if len(words) == 1 and p.type == "person" and not fuller:
            first = [q for q in persons if q is not p and len(q.name.split()) > 1
                     and q.name.split()[0].lower() == words[0].lower()]
            last = [q for q in persons if q.name.split()[-1].lower() == words[0].lower() and q is not p]
            if len(first) == 1 and not last:
                out[p.key] = (first[0], RESOLVE_JOINED_FIRST_NAME)
    # a chain ("Okafor" -> "Ada Okafor" -> ...) ends at a speaker that joins no one
    for key, (target, prior) in list(out.items()):
        seen = {key}
        while target.key in out and target.key not in seen:
            seen.add(target.key)
            target = out[target.key][0]
        out[key] = (target, prior)
    return out


def _inside(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` is a word of ``long`` but its last, and ``short`` starts as ``long``
    does or is one word (a first surname of two): 'Acosta' in 'Melba Acosta Febo'."""
    s, lw = [w.lower() for w in short], [w.lower() for w in long]
    if len(lw) < 3 or len(s) >= len(lw) or lw[-1].rstrip(".") in NAME_SUFFIXES or s[-1] == lw[-1]:
        return False
    if len(s) == 1:
        return s[0] in lw[1:-1] and s[0] not in NAME_PARTICLES and len(s[0].rstrip(".")) > 1
    return s[0] == lw[0] and all(w in lw for w in s)


def vote_type(person: Person, names: "NameIndex") -> None:
    """A one-word 'person' the recognizer calls an organisation far more often than a person, and
    that is no one's surname in the article, is an organisation ("Twitter"); so is one written in
    capitals only that the article never writes as a name ("EY", "NAPHIA")."""
    if person.type != "person" or len(person.name.split()) != 1:
        return
    if _acronym(person.name) and person.name.lower() not in names.by_last \
            and person.name.capitalize() not in names.text:
        # "EY", "NAPHIA": capitals only, and never written as a name ("WALLACE:" beside "Wallace")
        person.type = "organization"
        return
    votes = names.label_votes.get(person.name)
    if not votes or person.name.lower() in names.by_last:
        return
    org = sum(n for label, n in votes.items() if label in ORG_LABELS)
    if org >= 2 and org > 2 * votes.get("PERSON", 0):
        person.type = "organization"


def _acronym(word: str) -> bool:
    letters = word.replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def joint_apart(speakers: list[Person], people: dict[str, Person]) -> dict[str, Person]:
    """Joint speaker key -> the person its first name is, for each joint speaker ("A and B") one
    of whose people also speaks alone in the article: two entries would count one person twice."""
    single = {p.name for p in speakers if p.type == "person" and " and " not in p.name}
    out = {}
    for p in speakers:
        if p.type != "person" or " and " not in p.name:
            continue
        parts = p.name.split(" and ", 1)
        if any(part in single or any(is_variant(part.split(), s.split()) or is_variant(s.split(), part.split())
                                     for s in single) for part in parts):
            first = people.get(f"person:{parts[0].lower()}") or Person(key=f"person:{parts[0].lower()}",
                                                                       name=parts[0], type="person")
            people[first.key] = first
            join(p, first)
            out[p.key] = first
    return out


def join(source: Person, target: Person) -> None:
    """``source``'s mentions become ``target``'s (roles are read from all of them)."""
    target.mentions.extend(source.mentions)
    target.role_mentions.extend(source.role_mentions)
    target.first = min(target.first, source.first)
