"""What the speakers stage builds: a person or organisation with its mentions, how a mention
resolved, and the confidence prior of each way of resolving one (documented in docs/architecture.md)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import tidy_text
from ..types import Span, SpeakerType

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
# Confidence that a mention of this kind was resolved to the right speaker.
RESOLVE_NAME = 1.0
RESOLVE_SURNAME_AMBIGUOUS = 0.7  # two people in the article share the surname
RESOLVE_FIRST_NAME = 0.9  # "Ban" -> Ban Ki-moon, "Kevin" -> Kevin Cureghian: the one person with that first name
RESOLVE_PRONOUN_PREV_SPEAKER = 0.92  # "he" right after a quote by a named man
RESOLVE_PRONOUN_SUBJECT = 0.8  # "he" -> the person most recently named as a sentence's subject
RESOLVE_PRONOUN_EMBEDDED = 0.72  # "he" -> the person most recently named as a clause's subject
RESOLVE_PRONOUN_NEAREST = 0.65  # "he" -> the person most recently named at all
RESOLVE_NOMINAL = 0.8  # "the minister" -> the one named minister nearby
NOMINAL_REACH = 2500  # characters either side for "nearby"
RESOLVE_NOMINAL_FAR = 0.75  # ... none nearby: the one person titled so anywhere earlier in the article
RESOLVE_NOMINAL_INTRODUCED = 0.8  # "the official" -> the one earlier quote's "a justice official"
# Joins made after every mention is resolved (clusters.py), as a factor on the mention's own prior.
RESOLVE_JOINED_SURNAME = 0.95  # "Okafor" (a person or an ORG) -> the one person "Ada Okafor"
RESOLVE_JOINED_FIRST_NAME = 0.9  # "Bianca" -> the one person named "Bianca Hall" (as RESOLVE_FIRST_NAME)
# A fullest form the recognizer missed (candidates.py): "Okafor" -> "Ada Okafor" written with a
# given name, a title, a role apposition or a reporting verb, but in no PERSON entity.
RESOLVE_MISSED_NAME = 0.95
# "Mrs. Clinton" -> Hillary Clinton when Bill Clinton is named too: the honorific's gender
# against the given-name list, which errs on a few names (DEVELOPERS.md), hence below 1.
RESOLVE_HONORIFIC = 0.9
RESOLVE_COUPLE = 0.9  # "the Parks" -> "Kim and Lee Park", named together in the article
RESOLVE_ORG_NOUN = 0.9  # "the union" -> the one union the article names ("National Teachers Union")
# "according to the news outlet", "the network said" -> the news medium named last before it
# (orgs.medium_before): by reading, a little below "the union" as the medium is chosen by nearness.
RESOLVE_MEDIA_NOUN = 0.85
RESOLVE_ISSUER = 0.9  # "a statement released by the mayor's office" -> the mayor's office, as a factor
# "his wife", "her campaign": a description whose owner is a possessive pronoun is named for the
# person the pronoun refers to ("Sanders’s wife"), as a factor on that pronoun's own prior (set by
# reading: the description is sure, the owner as sure as the pronoun, and a possessive's referent
# is a little less often the sentence's subject than a "he" that speaks).
RESOLVE_POSSESSOR = 0.9
PRONOUN_REACH = 1500  # characters back (about three news paragraphs) to look for a pronoun's referent


@dataclass
class Person:
    key: str  # canonical name, lower case
    name: str  # canonical name as written (fullest form)
    type: SpeakerType
    mentions: list[Span] = field(default_factory=list)
    role_mentions: list[Span] = field(default_factory=list)  # the mentions roles are read from
    first: int = 10**9
    # An unnamed source that is one person ("one pastor supporting Mr. Cruz", "a spokesman"):
    # "he" or "she" right after its quote may be it, as it would be a named person.
    one_person: bool = False
    # The surname a possessive pronoun of the description stands for ("his wife" -> "Sanders"):
    # the role read from the description is that person's ("Sanders’s wife").
    owner: str | None = None
    # An unnamed source's head noun ("a source familiar with the probe" -> "source"), which
    # "the source" later joins.
    noun: str | None = None

    @property
    def is_one_person(self) -> bool:
        # (a joint speaker, "Kim and Lee Park", is two people: no "he" goes on after its quote)
        return (self.type == "person" and " and " not in self.name) or self.one_person


@dataclass
class Resolved:
    person: Person | None
    confidence: float
    # A pronoun ("it", "they", "I") that surely names the speaker here but that no rule
    # resolves: the quote keeps the mention and an unknown speaker.
    unresolved: bool = False
    # The mention is a pronoun: when the cue is sure but the referent is not, the quote keeps
    # "he" as its mention and an unknown speaker, rather than a guessed name.
    pronoun: bool = False

def person_for(people: dict[str, Person], name: str, kind: SpeakerType) -> Person:
    name = tidy_text(name) or name
    key = f"{kind}:{name.lower()}"
    p = people.get(key)
    if p is None:
        p = people[key] = Person(key=key, name=name, type=kind)
    return p
