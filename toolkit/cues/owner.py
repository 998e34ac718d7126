"""Whose words these are: the owner of a noun for speech ("Clinton’s response", "the statement
from Senator Ann Ruiz") and the person a reporting verb passes words on from ("Lee quoted Ruiz
as saying", "read a letter from Ruiz")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import INSTITUTION_NOUNS, is_role_noun
from .lexicon import PASSING_ON_VERBS, REPLY_NOUNS, WRITTEN_SOURCES, lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token


def words_owner(noun: "Token") -> "Token | None":
    """Whose words a noun for speech names: "Clinton’s response", "her other remarks", "the
    statement from Senator Ann Ruiz"; None for any other noun."""
    if noun.pos_ != "NOUN" or not lemma_in(noun, WRITTEN_SOURCES | REPLY_NOUNS):
        return None
    for c in noun.children:
        if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in ("his", "her")):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            # ("the words of Ann Ruiz" is hers, "the verdict of the association" its; "the
            # release of the files" is no one's)
            of_owner = ("PERSON", "ORG") if lemma_in(noun, REPLY_NOUNS) else ("PERSON",)
            if obj is not None and (obj.ent_type_ in of_owner if c.lower_ == "of" else
                                    obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG")
                                    or (obj.tag_ == "NN" and (is_role_noun(obj.text)
                                                              or lemma_in(obj, INSTITUTION_NOUNS)))):
                return obj
    return None




def passed_on_words_owner(verb: "Token") -> "Token | None":
    """The owner of the words a verb of passing on has as its object ("read a letter from Ruiz")."""
    if not lemma_in(verb, PASSING_ON_VERBS):
        return None
    return next((o for c in verb.children if c.dep_ == "dobj" and (o := words_owner(c)) is not None), None)


def quoted_person(verb: "Token") -> "Token | None":
    """The person whose words a reporting verb passes on, when the sentence names one: "Lee
    quoted Ruiz as saying “…”", "“…,” Lee said, quoting Ruiz", "“…,” Lee recalled Ruiz saying",
    "“…,” Lee said Ruiz told him", "Lee read a letter from Ruiz: “…”", "Ortiz accused Lee of
    saying “…”"."""
    def person(t: "Token") -> bool:
        return t.ent_type_ == "PERSON" or t.lower_ in ("him", "her") or (t.pos_ == "PROPN" and not t.ent_type_)

    if verb.lower_ == "saying" and verb.dep_ == "pcomp" and verb.head.lower_ in ("as", "of", "for"):
        outer = verb.head.head  # "quoted Ruiz as saying", "accused Lee of saying": the outer verb's object
        obj = next((c for c in outer.children if c.dep_ == "dobj"), None)
        if obj is not None and person(obj) and outer.i < verb.i:
            return obj
    owner = passed_on_words_owner(verb)
    if owner is not None:
        return owner  # "read a letter from Ruiz", "cited Ruiz's words"
    quote = lemma_in(verb, {"quote"})
    for child in verb.children:
        if quote and child.dep_ == "dobj" and person(child):
            return child  # "quoted Ruiz (as saying)"
        if child.dep_ == "advcl" and child.lower_ == "quoting":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None and person(obj):
                return obj
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i and (
                child.lower_ in ("saying", "say") or lemma_in(child, {"say", "tell", "write"})):
            subj = next((c for c in child.children if c.dep_ in ("nsubj", "dobj")), None)
            # (a person told is the one spoken to, not what was said)
            told = [c for c in child.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c is not subj
                    and not (c.dep_ == "dobj" and (c.lower_ in ("him", "her", "me", "us", "them") or person(c)))]
            if subj is not None and person(subj) and not told:
                # "recalled Ruiz saying", "said Ruiz told him": the quotation is what Ruiz said --
                # not "said Ruiz told him that …" (a cue with its own reported clause)
                return subj
    return None
