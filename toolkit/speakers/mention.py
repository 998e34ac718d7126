"""One speaker mention -> a person, an organisation, a description or a pronoun's referent.

The sieve for one mention, surest first: a pronoun goes to pronouns.py; a name is joined to its
fullest form (names.py); an organisation's name, or an institution noun ("the ministry"), is an
organisation; a description a person's name completes is that person; "the minister" is the one
named minister nearby (nominals.py); any other description is an anonymous source.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import NOT_SPEAKER_ENTS, REFLEXIVES, lemma_in, mention_range
from ..lexicon import INSTITUTION_NOUNS, is_name_word, is_role_noun, names_no_person, possessive_suffix, strip_name
from ..types import Span
from .names import NameIndex, char_span, clean_name, name_part, strip_det, without_possessive
from .nominals import description_name, resolve_nominal
from .people import (FIRST_PERSON, ORG_LABELS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, RESOLVE_ISSUER, RESOLVE_NAME,
                     RESOLVE_MEDIA_NOUN, RESOLVE_ORG_NOUN, RESOLVE_POSSESSOR, Person, Resolved, person_for)
from .orgs import announcer_before, document_issuer, is_document, is_media_name, is_media_noun, medium_before
from .pronouns import possessor, resolve_pronoun
from .roles import is_title_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _common_word_opening_sentence(head: "Token", toks, names: "NameIndex") -> bool:
    """A one-word 'name' that only opens a sentence and that the article writes in lower case
    elsewhere, or that the tagger reads as a common noun elsewhere, is a common noun it took for a
    name here ("Research indicates that …" beside "Research shows …"), unless
    the recognizer calls it a person or it is a person's surname."""
    if len(toks) != 1 or not head.is_sent_start or head.ent_type_ == "PERSON" or names.is_known_person(head):
        return False
    return names.reads_common(head)


def _capitalised_known_surname(head: "Token", toks, names: "NameIndex") -> bool:
    """'Reyes: “…”' with "Reyes" tagged a common noun (a label line parses badly): a one-word,
    capitalised mention that is the last name of a person the article names is that name."""
    word = clean_name(head.text)
    return len(toks) == 1 and head.text[:1].isupper() and bool(word) and word.split()[-1].lower() in names.by_last



def _titled_name_after_body(toks, head: "Token") -> bool:
    """'Governor of the Central Bank Tomasz Nowak': a title heads the mention, a body's name
    follows its "of", and the mention ends on a name outside the body's entity."""
    last = toks[-1]
    return (is_title_token(head) and head.i + 1 < last.i and head.nbor(1).lower_ == "of"
            and last.pos_ == "PROPN" and last.ent_type_ in ("", "PERSON")
            and len(strip_name(toks.text).split()) >= 2 and strip_name(toks.text) != toks.text.strip())


def _one_known_surname(toks, names: "NameIndex") -> bool:
    """The mention is one capitalised word, hyphens included, that is the surname of a person the
    article names, whatever the tagger and recognizer made of it ("Gans" as a NORP noun beside
    "Keri Gans", "Tanaka-Reyes" as ORG beside "Hiroshi Tanaka-Reyes")."""
    word = without_possessive(toks.text.strip())  # (not clean_name: it keeps the name a description ends on)
    return bool(word) and len(word.split()) == 1 and word[:1].isupper() and word.lower() in names.by_last


def resolve_mention(doc: "Doc", rng: tuple[int, int], names: "NameIndex", people: dict[str, Person],
                     prev: tuple[Person, int] | None, text: str) -> Resolved:
    lo, hi = rng
    span = char_span(doc, rng)
    if hi - lo > 1 and doc[hi - 1].lower_ in REFLEXIVES:
        hi -= 1  # "Holt herself": the mention keeps the emphasis, the name does not
    toks = doc[lo:hi]
    head = toks.root
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON:
        res = resolve_pronoun(doc, head, span, names, people, prev)
        res.pronoun = True
        return res
    # "says Estera Events Co-Owner and Lead Planner Bianca Hall": two titles joined by "and", and
    # the parse's mention stops at the first; the person is the name after the last title
    stacked = _name_after_stacked_titles(doc, toks)
    if stacked is not None:
        full, conf = names.canonical(stacked, span.start)
        p = person_for(people, full, "person")
        p.mentions.append(span)
        p.role_mentions.extend([span, stacked])
        return Resolved(p, conf)
    # A name: the PROPN/entity words of the mention (a person unless the entity says otherwise)
    name_toks = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    # "the Ohio Republican", "a Democrat": a party or nationality with an article describes a person
    # (and "one of the aides", "two of the aides": a number is no name, whatever its entity label)
    described = (head.ent_type_ == "NORP" and any(t.dep_ == "det" for t in head.lefts)) or (
        head.ent_type_ in NOT_SPEAKER_ENTS and head.pos_ != "PROPN")
    # (a lower-case word the tagger calls a proper noun, "the minister said", is no name)
    if not described and ((head.pos_ == "PROPN" and not head.text[:1].islower())
                          or (head.ent_type_ and head.ent_type_ != "PERSON" and head.pos_ != "NOUN")
                          or head.ent_type_ == "PERSON" and not head.text[:1].islower()  # "dietitian" as PERSON
                          or _capitalised_known_surname(head, toks, names) or _one_known_surname(toks, names)):
        ent = names.entity_of(head)
        label = head.ent_type_ or next((t.ent_type_ for t in name_toks if t.ent_type_), "")
        if _titled_name_after_body(toks, head):
            label = toks[-1].ent_type_  # "Governor of the Central Bank Tomasz Nowak": the body is the title's
        if _partial_entity(ent, toks, head):
            ent, label = None, ""
        # The small model often labels a bare surname as ORG or GPE ("Churkin told reporters"):
        # a name that is the surname of a person named in the article is that person.
        if label not in ORG_LABELS and (names_no_person((ent or toks).text) or is_media_name((ent or toks).text)):
            label = "ORG"  # "our Content Strategy Report" (outside the entity, which parse relabels)
        if label in ORG_LABELS and not (names.is_known_person(head) or _one_known_surname(toks, names)):
            name = names.orgs.fullest(strip_det(without_possessive((ent or toks).text)))  # "the Institute’s release"
            p = person_for(people, name, "organization")
            p.mentions.append(span)
            return Resolved(p, RESOLVE_NAME)
        # "the American College of Sports Medicine (ACSM)": a name its acronym follows is a body's
        expanded = names.orgs.before_acronym(span.end)
        if expanded is not None and len([t for t in toks if t.lower_ != "the"]) <= len(expanded.split()):
            p = person_for(people, expanded, "organization")
            p.mentions.append(span)
            return Resolved(p, RESOLVE_NAME)
        if _common_word_opening_sentence(head, toks, names):
            return Resolved(None, 0.0)  # "Research indicates that …": no one
        name_span = name_part(doc, ent if ent is not None else toks)
        full, conf = names.canonical(name_span, span.start)
        partner = _joint_partner(doc, head, names, span.start)
        if partner is not None and partner != full:
            # "Edward-Isaac Dovere and Gabriel Debenedetti wrote": one joint speaker, "A and B"
            # as the gold sets write it, with no role (each has their own)
            p = person_for(people, f"{full} and {partner}", "person")
            p.mentions.append(span)
            return Resolved(p, conf)
        p = person_for(people, full, "person")
        p.mentions.append(span)
        p.role_mentions.append(span)
        return Resolved(p, conf)
    # A description that a person's name completes is that person: "Cruz constituent Dan Golvach",
    # "the LinkedIn chief executive, Jeff Weiner, put it"
    ent = _name_completing(doc, head, toks, names)
    if ent is not None:
        name_span = name_part(doc, ent)
        full, conf = names.canonical(name_span, span.start)
        p = person_for(people, full, "person")
        p.mentions.append(span)
        p.role_mentions.append(span)
        if ent.root.dep_ != "appos" or ent.root.head.i == head.i:
            p.role_mentions.append(Span(ent.start_char, ent.end_char))
        return Resolved(p, conf)
    # "according to the news outlet", "the network said": the news medium named last before it
    medium = medium_before(head, names.quoted) if is_media_noun(head, toks) else None
    if medium is not None:
        medium = names.orgs.fullest(medium)
        # (the same name already a speaker of another type, by the recognizer's label: one entry)
        p = people.get(f"person:{medium.lower()}") or person_for(people, medium, "organization")
        p.mentions.append(span)
        return Resolved(p, RESOLVE_MEDIA_NOUN)
    # A description: "the minister", "one senior diplomat", "French diplomatic sources", "the campaign"
    if lemma_in(head, INSTITUTION_NOUNS) and head.tag_ != "NNS":
        # "the union" is the one union the article names ("the National Teachers Union")
        named_org = names.orgs.by_noun(head.lower_) if toks[0].lower_ == "the" and len(toks) == 2 else None
        owner = None if named_org else possessor(doc, head, toks, names, people, prev)
        name = named_org or _owned(strip_det(description_name(head, toks)), owner, text)
        p = person_for(people, name, "organization")
        p.mentions.append(span)
        if owner is not None:
            return Resolved(p, owner[1] * RESOLVE_POSSESSOR)  # "his campaign" -> "Sanders’s campaign"
        return Resolved(p, RESOLVE_ORG_NOUN if named_org else RESOLVE_NAME)
    # "a statement released by the mayor's office", "the Institute's release": its issuer speaks
    issuer = document_issuer(head, toks)
    if issuer is None and is_document(head) and _the_document_alone(head, toks):
        issuer = announcer_before(head, names.quoted)  # "the Party announced …. “…,” the release said."
    if issuer is not None:
        lo_i, hi_i = _issuer_range(issuer) if issuer.i > head.i or issuer.head.i == head.i \
            else mention_range(issuer)
        res = resolve_mention(doc, (lo_i, hi_i), names, people, prev, text)
        if res.person is not None and res.person.type in ("person", "organization"):
            res.person.mentions.append(span)
            res.confidence *= RESOLVE_ISSUER
            names.issuers[head.lower_] = res.person
            return res
    if is_document(head) and toks[0].lower_ == "the" and head.lower_ in names.issuers:
        # "the release added", two quotes on: the issuer of the last release the article credited
        issuer_person = names.issuers[head.lower_]
        issuer_person.mentions.append(span)
        return Resolved(issuer_person, RESOLVE_ISSUER)
    named = resolve_nominal(doc, head, toks, span, names, people)
    if named is not None:
        return named
    # "his wife", "her deputy": the person the pronoun refers to owns the description
    owner = possessor(doc, head, toks, names, people, prev)
    p = person_for(people, _owned(description_name(head, toks), owner, text), "anonymous")
    p.one_person = head.tag_ == "NN" and is_role_noun(head.text)
    p.noun = p.noun or head.lower_
    p.mentions.append(span)
    p.role_mentions.append(span)
    if owner is not None:
        p.owner = owner[0]
        return Resolved(p, owner[1] * RESOLVE_POSSESSOR)
    return Resolved(p, RESOLVE_NAME)


def _owned(description: str, owner: tuple[str, float] | None, text: str) -> str:
    """'his wife' -> 'Sanders’s wife' (the article's own apostrophe), when the owner is known."""
    if owner is None:
        return description
    words = description.split()
    k = next((i for i, w in enumerate(words) if w.lower() in ("his", "her")), None)
    if k is None:
        return description
    words[k] = owner[0] + possessive_suffix(text)
    return " ".join(words)


def _the_document_alone(head: "Token", toks) -> bool:
    """'the release', or 'the complaint, which was filed in court,': the document named by its
    noun alone, a clause set off by commas after it."""
    doc = toks.doc
    return toks[0].lower_ == "the" and head.i == toks.start + 1 and (
        toks.end == head.i + 1 or doc[head.i + 1].text == ",")


def _joint_partner(doc: "Doc", head: "Token", names: "NameIndex", at: int) -> str | None:
    """The fullest name of a person joined to the mention's name by "and" ("Dovere and
    Debenedetti wrote"), when the two share the verb; else None."""
    conj = next((c for c in head.rights if c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"), None)
    if conj is None or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") and head.i < c.i < conj.i
                               for c in head.children):
        return None
    if any(c.dep_ == "conj" for c in conj.children):
        return None  # three or more: a list, not a pair writing together
    ent = names.entity_of(conj)
    return names.canonical(name_part(doc, ent if ent is not None else doc[conj.i:conj.i + 1]), at)[0]


def _issuer_range(tok: "Token") -> tuple[int, int]:
    """The words naming a document's issuer: the token with its left modifiers ("the mayor's
    office", "the Venezuelan Institute")."""
    lo = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ not in ("punct", "cc")])
    return lo, tok.i + 1


def _name_after_stacked_titles(doc: "Doc", toks) -> Span | None:
    """The personal name ending a run of capitalised titles that the mention is the first part
    of, when the parse cut the run short: "[Holloway Events Founder] and Lead Designer Cathleen
    Holloway", "[Estera Events] Co-Owner and Lead Planner Bianca Hall". A mention that holds a
    name itself is left alone ("Senator Ortiz and Governor Cole": two people)."""
    nxt = doc[toks.end] if toks.end < len(doc) else None
    if nxt is None or not (is_title_token(toks[-1]) and toks[-1].text[:1].isupper()
                           or is_title_token(nxt) and nxt.text[:1].isupper()):
        return None
    end = toks.end
    while end < len(doc) and end - toks.end < 10 and (
            doc[end].lower_ in ("and", "&") or doc[end].text == "-" or
            (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())):
        end += 1
    raw = doc[toks.start:end].text
    name = strip_name(raw)
    if name == raw or not name or not all(is_name_word(w) for w in name.split()):
        return None
    at = doc[toks.start].idx + raw.rindex(name)
    if at < doc[toks.end - 1].idx + len(doc[toks.end - 1].text):
        return None  # the name is (in) the mention itself: nothing was cut
    return Span(at, at + len(name))


def _partial_entity(ent, toks, head: "Token") -> bool:
    """True when a non-person entity covers only part of the run of proper nouns around the
    mention's head, the rest of the run in no entity: "Georgia Silvera [Seamans]NORP". The small
    model's label on such a fragment is noise; the whole run is the name."""
    if ent is None or ent.label_ == "PERSON":
        return False
    lo = hi = head.i - toks.start
    while lo > 0 and toks[lo - 1].pos_ == "PROPN":
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].pos_ == "PROPN":
        hi += 1
    outside = [t for t in toks[lo:hi + 1] if not (ent.start <= t.i < ent.end)]
    return bool(outside) and all(not t.ent_type_ for t in outside)


def _name_completing(doc: "Doc", head: "Token", toks, names: "NameIndex"):
    """The PERSON entity that ends a description or stands in apposition to its head, if any."""
    last = names.entity_of(toks[-1]) if len(toks) > 1 else None
    if last is not None and last.label_ == "PERSON" and last.start > toks.start and last.end == toks.end \
            and last.text[:1].isupper() and _names_the_head(last.root, head):
        return last
    for child in head.rights:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            ent = names.entity_of(child)
            # (a title's acronym in brackets may stand between: "dietitian nutritionist (RDN) Ana Souza")
            between = [t for t in doc[head.i:ent.start] if not _in_bracketed_acronym(t)] if ent is not None else []
            if ent is not None and ent.start > head.i and not any(t.text in ("(", ";") for t in between):
                return ent
    return _name_set_off_after(doc, head, toks, names)


def _in_bracketed_acronym(tok: "Token") -> bool:
    """The token is "(", the acronym or ")" of "(RDN)"."""
    doc, i = tok.doc, tok.i
    return any(0 <= k and k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")"
               and doc[k + 1].text.isupper() and doc[k + 1].is_alpha for k in range(i - 2, i + 1))


def _name_set_off_after(doc: "Doc", head: "Token", toks, names: "NameIndex"):
    """"One nurse backing Ms. Ruiz, Ingrid Svensson of the county hospital, said": a personal
    name set off by a comma right after a description whose own words end on a name. The parse
    hangs the apposition on that inner name ("Ruiz"), but a person's name takes no second
    person's name in apposition: it names the description's head. Only when the description is
    a person's (a role noun heads it) and the name is written as one (two name words or more, no
    organisation's or place's label); "a spokesman for the governor, Jo Park," is left alone, as
    Park may be the governor."""
    end = toks.end
    if end + 2 >= len(doc) or doc[end].text != "," or not is_role_noun(head.text) or head.pos_ != "NOUN":
        return None
    inner = doc[end - 1]
    if not (inner.pos_ == "PROPN" and (inner.ent_type_ == "PERSON" or names.is_known_person(inner))):
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper() and stop - end <= 5:
        stop += 1
    run = doc[end + 1:stop]
    if len(run) < 2 or stop >= len(doc) or doc[stop].text not in (",", "of", "from", "who", "("):
        return None
    if any(t.ent_type_ not in ("", "PERSON") for t in run) or not all(is_name_word(t.text) for t in run):
        return None
    if run.root.dep_ != "appos" or not (toks.start <= run.root.head.i < end):
        return None
    if names_no_person(run.text) or clean_name(run[-1].text).lower() == clean_name(inner.text).lower():
        return None
    return run


def _names_the_head(name: "Token", head: "Token") -> bool:
    """The name is the description's own ("Cruz constituent Dan Golvach", "the chief executive
    Jeff Weiner"), not a word of a clause inside it ("One pastor supporting [Mr. Cruz]", "a
    spokesman for [Bill Clinton]"): the way up from it to the head is compounds and appositions."""
    tok = name
    for _ in range(8):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ("compound", "appos", "flat", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
