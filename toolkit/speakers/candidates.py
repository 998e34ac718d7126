"""Names the recognizer missed: capitalised runs that the article itself marks as a person's name.

The small model leaves many full names untagged or tags them ORG or GPE, most often names that
are rare in US news ("Ada Okafor, an independent analyst …", "says Lead Planner Bianca Hall").
A later "Okafor said" then has no fuller form to join. A run of proper nouns outside any PERSON
entity is taken for a person's name when the article gives evidence of its own, any one of:
- its first word is a given name (data/given_names.txt): "Ada Okafor";
- a title or honorific stands right before it, or opens it: "Dr. Okafor", "Planner Bianca Hall";
- an apposition with a role noun follows it: "Ada Okafor, an independent analyst", or a role
  noun and a comma stand right before it: "the agency's senior manager, Maëlle Duret-Sauvage";
- it is the subject of a reporting verb: "Ada Okafor noted that …";
- its last word is a person's surname where the recognizer does tag it: "Nikki Haley" tagged ORG
  in an article with "Ms. Haley" tagged PERSON, or "Dahlys Hamilton" with only "Hamilton" tagged.
It must have two name words at least (a surname alone is what is being completed) and must not
end on a word that names a body or a thing ("Estera Events", "Content Strategy Report").
Candidates only widen the fullest forms (``NameIndex.canonical``); pronouns keep to the
recognizer's persons, so that a headline's capitals never become a pronoun's referent.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..cues import lemma_in, reporting_verbs
from ..lexicon import (NAME_PARTICLES, is_given_name, is_honorific, is_name_word, is_role_noun, is_title_word,
                       names_no_person, strip_name)
from ..types import Span
from .orgs import is_media_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Entity labels a missed name is often given ("Okafor" as ORG, "Silvera Seamans" as NORP or GPE).
# (Not WORK_OF_ART: a title in quotation marks, "Deport Nikki Haley", is a headline, not a name.)
MISLABELS = frozenset({"", "ORG", "GPE", "NORP", "LOC", "FAC"})


def missed_names(doc: "Doc", text: str, stop_words: frozenset[str], surnames: frozenset[str] = frozenset()
                 ) -> Iterator[tuple[Span, str]]:
    """(name span, name) for each capitalised run the article marks as a person (module doc).
    ``surnames``: the last words of the recognizer's persons, lower case."""
    verbs = reporting_verbs()
    for run in _proper_runs(doc):
        first, last = run[0], run[-1]
        person = [t for t in run if t.ent_type_ == "PERSON"]
        # a PERSON entity the run widens to the left ("Dahlys [Hamilton]") is a cut name; one
        # that covers the run, or sits inside it, is the recognizer's own and needs no candidate
        widened = bool(person) and person[-1].i == last.i and run[0].ent_type_ != "PERSON" \
            and all(t.ent_type_ == "PERSON" for t in run[run.index(person[0]):])
        # two PERSON entities with nothing between them are one name the recognizer cut in two
        # ("[Hamad bin Jassim] [Al Thani]"): the run joins them
        widened = widened or (len(person) == len(run) and any(t.ent_iob_ == "B" for t in run[1:]))
        # ... or one that stops short of a surname the recognizer tags elsewhere ("[Hamad bin
        # Jassim] Al Thani" beside "[Al Thani] said")
        widened = widened or (bool(person) and not any(t.ent_type_ for t in run[run.index(person[-1]) + 1:])
                              and person[-1] is not last and last.text.lower() in surnames
                              and all(t.ent_type_ == "PERSON" for t in run[run.index(person[0]):run.index(person[-1])]))
        if (person and not widened) or any(t.ent_type_ not in MISLABELS | {"PERSON"} for t in run):
            continue
        # "Secretary of State John Kerry": the capitals after "<title> of" are the title's, which
        # the run does not hold; read the run with the title so that they stay out of the name
        title_at = _title_of_start(doc, first.i)
        titled_of = title_at is not None
        origin = doc[title_at].idx if title_at is not None else first.idx
        raw = text[origin:last.idx + len(last.text)]
        name = strip_name(raw)
        if titled_of and person and name == text[person[0].idx:last.idx + len(last.text)]:
            continue  # what is left is the recognizer's own name
        words = name.split()
        # (a particle written in lower case is a name's: "do" in "Maria do Rosário Nunes")
        # (nor a news medium's name, "Kestrel News reported": orgs.is_media_name)
        if len(words) < 2 or names_no_person(name) or is_media_name(name) or any(
                w.lower() in stop_words and w not in NAME_PARTICLES for w in words):
            continue
        # an abbreviation ("Del.", "Lt.") is a title the lexicon lacks; initials ("J.") are name words
        if not all(is_name_word(w) and not re.fullmatch(r"[A-Z][a-z]+\.", w) for w in words):
            continue
        start = origin + raw.index(name) if name in raw else first.idx
        titled = name != raw or (first.i > 0 and (is_honorific(doc[first.i - 1].text)
                                                  or is_title_word(doc[first.i - 1].text)))
        given = is_given_name(words[0])
        known = words[-1].lower() in surnames
        if given or titled or known or widened or _role_apposition(doc, last) or _speaks(run, verbs) \
                or _after_role(doc, first):
            yield Span(start, start + len(name)), name


def _title_of_start(doc: "Doc", i: int) -> int | None:
    """Token index of the title whose "<title> of <body>" the capitals at ``i`` continue:
    "Secretary of [State John Kerry]", "Minister of Health and [Social Affairs Ana Souza]",
    "Governor of the [Central Bank Tomasz Nowak]"; None when no such title stands before."""
    seen_of = False
    for k in range(i - 1, max(-1, i - 8), -1):
        tok = doc[k]
        if tok.lower_ == "of":
            seen_of = True
        elif seen_of and k + 1 < i and doc[k + 1].lower_ == "of" and is_title_word(tok.text):
            return k
        elif not (tok.lower_ in ("the", "and", "&") or (tok.pos_ == "PROPN" and tok.text[:1].isupper())):
            return None
    return None


def _proper_runs(doc: "Doc") -> Iterator[list["Token"]]:
    """Maximal runs of capitalised proper nouns (with the hyphens, particles and initials inside
    a name: "Anne-Marie de Vries", "Mohammed bin Salman", "J. R. Smith") within one sentence."""
    run: list["Token"] = []
    for tok in doc:
        # (not at a break the parser put between two capitalised words a plain space apart: a
        # paragraph opening on an unfamiliar name is often cut after its first word, "Olusegun |
        # Obasanjo Adeyemi, a union leader, …")
        if run and tok.is_sent_start and not (run[-1].i == tok.i - 1 and run[-1].whitespace_ == " "
                                              and run[-1].text[-1:].isalpha()  # not "Jr. | Massoud said"
                                              and run[-1].pos_ == "PROPN" and _continues_name(doc, tok, run)):
            yield from _trimmed(run)
            run = []
        if _continues_name(doc, tok, run):
            run.append(tok)
        else:
            yield from _trimmed(run)
            run = []
    yield from _trimmed(run)


def _continues_name(doc: "Doc", tok: "Token", run: list["Token"]) -> bool:
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    if not run:
        return False
    if tok.text == "-" and not run[-1].whitespace_:
        return True  # "Anne-Marie": spaCy splits at the hyphen
    if run[-1].text == "-" and not run[-1].whitespace_:
        return True
    # "de" in "Anne-Marie de Vries", "bin" in "Mohammed bin Salman": a particle before a name word
    return tok.lower_ in NAME_PARTICLES and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"


def _trimmed(run: list["Token"]) -> Iterator[list["Token"]]:
    while run and (run[-1].text == "-" or run[-1].lower_ in NAME_PARTICLES):
        run = run[:-1]
    if len(run) >= 2:
        yield run


def _role_apposition(doc: "Doc", last: "Token") -> bool:
    """", a spokesman for …", ", the company's founder": a comma, a determiner, then a role noun
    within a few words."""
    i = last.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[i + 2:min(len(doc), i + 7)]:
        if tok.is_punct:
            return False
        if is_role_noun(tok.text):
            return True
    return False


def _after_role(doc: "Doc", first: "Token") -> bool:
    """A role noun and a comma right before the run: "the agency’s senior manager, Maëlle
    Duret-Sauvage, said"."""
    return first.i >= 2 and doc[first.i - 1].text == "," and is_role_noun(doc[first.i - 2].text)


def _speaks(run: list["Token"], verbs: frozenset[str]) -> bool:
    """The run is the subject of a reporting verb: "Ada Okafor noted that …"."""
    for tok in run:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            return lemma_in(tok.head, verbs) is not None
    return False


def given_name_before(text: str, surname: str, stop_words: frozenset[str]) -> str | None:
    """'Katie Packer' for 'Packer' where no token holds it whole ('audiences,"Katie Packer': a
    quote mark glued on): the one given name (data/given_names.txt) written before the surname
    in the article, not a capitalised stop word ("Will Trump win?")."""
    found = {f"{m.group(1)} {surname}" for m in re.finditer(
        r"(?<![\w’'-])([A-Z][a-z]+) %s(?![\w’'-])" % re.escape(surname), text)
        if is_given_name(m.group(1)) and m.group(1).lower() not in stop_words}
    return found.pop() if len(found) == 1 else None


def couple_named(text: str, plural: str) -> str | None:
    """'the Parks' -> 'Kim and Lee Park': a family name in the plural is the couple the article
    names together with it, one speaker (as the gold sets write joint speakers, "A and B")."""
    if not plural.endswith("s") or len(plural) < 4:
        return None
    found: set[str] = set()
    for surname in {plural[:-1], plural[:-2] if plural.endswith("es") else plural[:-1]}:
        found |= {m.group(0) for m in re.finditer(
            r"(?<![\w’'-])[A-Z][a-z]+ (?:and|&) [A-Z][a-z]+ %s(?![\w’'-])" % re.escape(surname), text)}
    return found.pop() if len(found) == 1 else None
