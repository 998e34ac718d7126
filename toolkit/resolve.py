"""Speaker mentions -> speakers: one canonical speaker per person per article, with a role.

A mention is the words that name a speaker where a quote is attributed ("Churkin", "he",
"the minister", "French diplomatic sources", "the White House"). This stage decides who each
is, as a sieve from surest to least sure, and keeps how sure it is:

- a name is joined to the fullest form of that name in the article ("Price" -> "Ned Price");
  two people sharing the surname are told apart by which was named most recently;
- "he"/"she" go to the speaker of the quote before (when that is a person named nearby), else
  to a subject in the same sentence, else to the last sentence subject, clause subject or name
  before it, never to a name inside a quotation nor to a person of the other gender (as the
  article or, failing it, the given name says); an unresolvable pronoun stays unknown and keeps
  its mention;
- "the minister" / "France's foreign minister" go to the one named person nearby whose role has
  that noun; otherwise the description is a speaker of its own (type ``anonymous``);
- organisations ("the White House", "Russia") are speakers of type ``organization``.
Roles come from roles.py over all of a person's mentions.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Sequence

from . import roles as roles_mod
from .attribution import Link
from .config import Config
from .cues import NOT_SPEAKER_ENTS, REFLEXIVES
from .cues_lexicon import lemma_in
from .roles_lexicon import INSTITUTION_NOUNS, is_role_noun, names_no_person
from .types import Article, Quote, Span, Speaker, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
PRONOUN_REACH = 1500  # characters back (about three news paragraphs) to look for a pronoun's referent
MALE_CUES = {"mr", "mr.", "spokesman", "congressman", "chairman", "businessman", "king", "prince", "sir"}
FEMALE_CUES = {"mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "congresswoman", "chairwoman",
               "businesswoman", "queen", "princess", "dame", "madam"}
# "Mr. Trump", "Mrs. Clinton", "spokeswoman Jen Psaki": the word, then up to two given names, then the surname
GENDER_CUE = re.compile(r"\b(%s)\s+(?:[A-Z][\w.’'-]*\s+){0,2}([A-Z][\w’'-]+)" % "|".join(
    re.escape(w) for w in sorted({w.capitalize() for w in MALE_CUES | FEMALE_CUES} | MALE_CUES | FEMALE_CUES,
                                 key=len, reverse=True)))


@dataclass
class _Person:
    key: str  # canonical name, lower case
    name: str  # canonical name as written (fullest form)
    type: SpeakerType
    mentions: list[Span] = field(default_factory=list)
    role_mentions: list[Span] = field(default_factory=list)  # the mentions roles are read from
    first: int = 10**9
    # An unnamed source that is one person ("one pastor supporting Mr. Cruz", "a spokesman"):
    # "he" or "she" right after its quote may be it, as it would be a named person.
    one_person: bool = False

    @property
    def is_one_person(self) -> bool:
        return self.type == "person" or self.one_person


@dataclass
class _Resolved:
    person: _Person | None
    confidence: float
    # A pronoun ("it", "they", "I") that surely names the speaker here but that no rule
    # resolves: the quote keeps the mention and an unknown speaker.
    unresolved: bool = False
    # The mention is a pronoun: when the cue is sure but the referent is not, the quote keeps
    # "he" as its mention and an unknown speaker, rather than a guessed name.
    pronoun: bool = False


def resolve_speakers(doc: "Doc", article: Article, links: Sequence[Link], config: Config,
                     quoted: Sequence[Span] = ()) -> tuple[list[Quote], list[Speaker]]:
    """``quoted``: every stretch between quotation marks (the quote stage's spans). Names there,
    and in the reported clause of indirect speech, are what someone said, not who the writer is
    talking about, and so never a pronoun's referent: in 'Hunter said he will not vote for Trump.
    Also, Trump isn't a conservative, he said.' the second "he" is Hunter."""
    text = article.text
    reported = list(quoted) + [c for link in links for c in link.contents]
    names = _NameIndex(doc, text, _Quoted(reported))
    people: dict[str, _Person] = {}
    resolved: dict[int, _Resolved] = {}
    prev_person: tuple[_Person, int] | None = None  # last attributed person and its char offset
    outer: tuple[int, int] | None = None  # the last quote not inside another

    for link in links:
        if link.follows is not None and id(link.follows) in resolved:
            r = resolved[id(link.follows)]
            res = _Resolved(r.person, r.confidence, r.unresolved, r.pronoun)
            # the mention that attributes a continuation is the one of the quote it continues
            link.source = link.source or link.follows.source
        elif link.source is not None:
            res = _resolve_mention(doc, link.source, names, people, prev_person, text)
        else:
            res = _Resolved(None, 0.0)
        resolved[id(link)] = res
        # a quote reported inside another ("Song said Clinton had said the plan would fail") does
        # not make its speaker the one a following "he said" continues
        nested = outer is not None and outer[0] <= link.contents[0].start < outer[1]
        if res.person is not None and res.person.is_one_person and not nested:
            prev_person = (res.person, link.contents[0].start)
        if not nested:
            outer = (link.contents[0].start, link.contents[-1].end)

    quotes: list[Quote] = []
    used: dict[str, _Person] = {}
    order: list[str] = []
    for link in links:
        res = resolved[id(link)]
        conf = link.confidence * res.confidence
        person = res.person if conf >= config.min_confidence else None
        keep_mention = person is not None or (
            (res.unresolved or res.pronoun) and link.confidence >= config.min_confidence)
        mention = _char_span(doc, link.source) if keep_mention and link.source else None
        if mention is not None and link.cue is not None and link.cue.relative is not None \
                and link.source == link.cue.source:
            # "Beck, who said …": the words that attribute the quote here are "who", as "he" would be
            mention = _char_span(doc, (link.cue.relative, link.cue.relative + 1))
        if person is not None and person.key not in used:
            used[person.key] = person
            order.append(person.key)
        if person is None and not config.include_unattributed:
            continue
        quotes.append(Quote(
            id="", kind=link.kind, contents=tuple(link.contents),
            cue=link.cue.span if link.cue is not None and person is not None else None,
            speaker_id=person.key if person is not None else None, mention=mention,
            confidence=conf if person is not None else 0.0,
            clause=link.clause,
        ))
    ids = {key: f"s{n}" for n, key in enumerate(order, 1)}
    speakers = []
    for key in order:
        p = used[key]
        role = None
        if p.type == "person":
            # a title or apposition at the name itself outranks a description met elsewhere
            # ("Foreign Minister Jean-Marc Ayrault" over an earlier "France's foreign minister")
            named = sorted({m for m in p.role_mentions if _is_name(doc, m)})
            # with the canonical name, roles.py also reads every other place the person is named
            role = roles_mod.speaker_role(doc, named, name=p.name) if named else None
            role = role or roles_mod.speaker_role(doc, sorted(set(p.role_mentions)), name=p.name)
        elif p.type == "anonymous":
            role = roles_mod.speaker_role(doc, sorted(set(p.role_mentions)))
        speakers.append(Speaker(id=ids[key], name=p.name, role=role, type=p.type,
                                mentions=tuple(sorted(set(p.mentions)))))
    quotes.sort(key=lambda q: q.contents[0].start)
    out = [Quote(id=f"q{n}", kind=q.kind, contents=q.contents, cue=q.cue,
                 speaker_id=ids.get(q.speaker_id) if q.speaker_id else None, mention=q.mention,
                 confidence=q.confidence, clause=q.clause) for n, q in enumerate(quotes, 1)]
    return out, speakers


# -- one mention ------------------------------------------------------------------------------------
def _capitalised_known_surname(head: "Token", toks, names: "_NameIndex") -> bool:
    """'Reyes: “…”' with "Reyes" tagged a common noun (a label line parses badly): a one-word,
    capitalised mention that is the last name of a person the article names is that name."""
    word = _clean_name(head.text)
    return len(toks) == 1 and head.text[:1].isupper() and bool(word) and word.split()[-1].lower() in names.by_last



def _resolve_mention(doc: "Doc", rng: tuple[int, int], names: "_NameIndex", people: dict[str, _Person],
                     prev: tuple[_Person, int] | None, text: str) -> _Resolved:
    lo, hi = rng
    span = _char_span(doc, rng)
    if hi - lo > 1 and doc[hi - 1].lower_ in REFLEXIVES:
        hi -= 1  # "Holt herself": the mention keeps the emphasis, the name does not
    toks = doc[lo:hi]
    head = toks.root
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON:
        res = _resolve_pronoun(doc, head, span, names, people, prev)
        res.pronoun = True
        return res
    # A name: the PROPN/entity words of the mention (a person unless the entity says otherwise)
    name_toks = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    # "the Ohio Republican", "a Democrat": a party or nationality with an article describes a person
    # (and "one of the aides", "two of the aides": a number is no name, whatever its entity label)
    described = (head.ent_type_ == "NORP" and any(t.dep_ == "det" for t in head.lefts)) or (
        head.ent_type_ in NOT_SPEAKER_ENTS and head.pos_ != "PROPN")
    if not described and (head.pos_ == "PROPN" or (head.ent_type_ and head.ent_type_ != "PERSON" and head.pos_ != "NOUN")
                          or head.ent_type_ == "PERSON" or _capitalised_known_surname(head, toks, names)):
        ent = names.entity_of(head)
        label = head.ent_type_ or next((t.ent_type_ for t in name_toks if t.ent_type_), "")
        if _partial_entity(ent, toks, head):
            ent, label = None, ""
        # The small model often labels a bare surname as ORG or GPE ("Churkin told reporters"):
        # a name that is the surname of a person named in the article is that person.
        if label not in ORG_LABELS and names_no_person((ent or toks).text):
            label = "ORG"  # "our Content Strategy Report" (outside the entity, which parse relabels)
        if label in ORG_LABELS and not names.is_known_person(head):
            name = _strip_det(_without_possessive((ent or toks).text))  # "the Institute’s release"
            p = _person(people, name, "organization")
            p.mentions.append(span)
            return _Resolved(p, RESOLVE_NAME)
        name_span = _name_part(doc, ent if ent is not None else toks)
        full, conf = names.canonical(name_span, span.start)
        p = _person(people, full, "person")
        p.mentions.append(span)
        p.role_mentions.append(span)
        return _Resolved(p, conf)
    # A description that a person's name completes is that person: "Cruz constituent Dan Golvach",
    # "the LinkedIn chief executive, Jeff Weiner, put it"
    ent = _name_completing(doc, head, toks, names)
    if ent is not None:
        name_span = _name_part(doc, ent)
        full, conf = names.canonical(name_span, span.start)
        p = _person(people, full, "person")
        p.mentions.append(span)
        p.role_mentions.extend([span, Span(ent.start_char, ent.end_char)])
        return _Resolved(p, conf)
    # A description: "the minister", "one senior diplomat", "French diplomatic sources", "the campaign"
    if lemma_in(head, INSTITUTION_NOUNS) and head.tag_ != "NNS":
        p = _person(people, _strip_det(_description_name(head, toks)), "organization")
        p.mentions.append(span)
        return _Resolved(p, RESOLVE_NAME)
    named = _resolve_nominal(doc, head, toks, span, names, people)
    if named is not None:
        return named
    p = _person(people, _description_name(head, toks), "anonymous")
    p.one_person = head.tag_ == "NN" and is_role_noun(head.text)
    p.mentions.append(span)
    p.role_mentions.append(span)
    return _Resolved(p, RESOLVE_NAME)


def _description_name(head: "Token", toks) -> str:
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


def _name_completing(doc: "Doc", head: "Token", toks, names: "_NameIndex"):
    """The PERSON entity that ends a description or stands in apposition to its head, if any."""
    last = names.entity_of(toks[-1]) if len(toks) > 1 else None
    if last is not None and last.label_ == "PERSON" and last.start > toks.start and last.end == toks.end \
            and _names_the_head(last.root, head):
        return last
    for child in head.rights:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            ent = names.entity_of(child)
            if ent is not None and ent.start > head.i and not any(t.text in ("(", ";") for t in doc[head.i:ent.start]):
                return ent
    return None


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


def _resolve_pronoun(doc: "Doc", head: "Token", span: Span, names: "_NameIndex", people: dict[str, _Person],
                     prev: tuple[_Person, int] | None) -> _Resolved:
    low = head.lower_
    if low not in PERSONAL_PRONOUNS:
        return _Resolved(None, 0.0, unresolved=True)  # "it", "they", "I", "we": left unresolved
    want = "f" if low in ("she", "her") else "m"
    if prev is not None and span.start - prev[1] < PRONOUN_REACH and prev[0].is_one_person:
        # the previous quote's speaker, unless another person was named as a subject in between
        between = names.subjects_between(prev[1], span.start)
        if not between or all(names.canonical_key(b) == prev[0].key for b in between):
            gender = names.gender_of(prev[0].name)
            if gender in (None, want):
                prev[0].mentions.append(span)
                return _Resolved(prev[0], RESOLVE_PRONOUN_PREV_SPEAKER)
            if not names.article_says_gender(prev[0].name) and not names.of_gender_between(prev[1], span.start, want):
                # only the given name disagrees ("Graham said, “…” He continued, “…”" with
                # "Lindsey" mostly a woman's name): the article reads as one speaker going on,
                # the name list says otherwise; neither wins, the speaker stays unknown -- unless
                # a person of the pronoun's gender is named since ("“…?” Maria Ruiz asked Tom
                # Lee. “…,” he said."), who is then looked for as any other referent
                return _Resolved(None, 0.0, unresolved=True)
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
        return _Resolved(None, 0.0, unresolved=True)
    full, c2 = names.canonical(cand, cand.start)
    if level != "any" and _rival_named_after(doc, cand, span, names, want):
        return _Resolved(None, 0.0, unresolved=True)
    if _unrecognised_subject_between(cand.end, span.start, names, full):
        # "West landed a dig at …. “…,” he said.": a name the recognizer missed is the nearer
        # subject; the last person it did recognise may well be someone else
        return _Resolved(None, 0.0, unresolved=True)
    p = _person(people, full, "person")
    p.mentions.append(span)
    p.role_mentions.append(cand)
    return _Resolved(p, conf * c2)


def _rival_named_after(doc: "Doc", cand: Span, span: Span, names: "_NameIndex", want: str) -> bool:
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


def _unrecognised_subject_between(lo: int, hi: int, names: "_NameIndex", candidate: str) -> bool:
    """A singular proper noun in no entity (or a LOC), outside quotations, is the subject of a
    sentence between ``lo`` and ``hi`` (characters): most likely a person's name the model missed,
    unless it is a word of the candidate's own name ("Megyn was incredulous", "Singh, 47, voted")."""
    own = {w.lower() for w in candidate.split()}
    return any(lo <= at < hi and word.lower() not in own for at, word in names.unrecognised_subjects)


def _resolve_nominal(doc: "Doc", head: "Token", toks, span: Span, names: "_NameIndex",
                     people: dict[str, _Person]) -> _Resolved | None:
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
    p = _person(people, full, "person")
    p.mentions.append(span)
    p.role_mentions.extend([name_span, span])
    return _Resolved(p, RESOLVE_NOMINAL)


def _person(people: dict[str, _Person], name: str, kind: SpeakerType) -> _Person:
    key = f"{kind}:{name.lower()}"
    p = people.get(key)
    if p is None:
        p = people[key] = _Person(key=key, name=name, type=kind)
    return p


# -- names in the article -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Named:
    """One place the article names a person."""
    span: Span  # the name, without title
    name: str  # the name as written, cleaned
    subject: bool  # the subject of some clause
    main: bool  # the subject of its sentence's main clause (or of a clause joined to it)
    quoted: bool  # inside a quotation: the speaker's words, not the writer's


class _NameIndex:
    """Every PERSON name in the article: for fullest forms, and outside quotations for pronouns."""

    def __init__(self, doc: "Doc", text: str, quoted: "_Quoted"):
        self.doc = doc
        self.text = text  # doc.text is rebuilt from the tokens on every access
        self.persons: list[_Named] = []
        self.titled: list[tuple[Span, str]] = []  # (name span, title words before it)
        self.ents = {}  # token index -> its entity, computed once (doc.ents is rebuilt per call)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ents[i] = ent
            if ent.label_ != "PERSON" or not any(t.text[:1].isupper() for t in ent):
                continue  # (a person's name is capitalised: "juicy figs" is the recognizer's mistake)
            if ent[0].tag_ == "MD":  # "Will Sanders come down …?": a modal is no given name
                ent = ent[1:]
                if not len(ent):
                    continue
            part = _name_part(doc, ent)
            name = _clean_name(text[part.start:part.end])
            if not name:
                continue
            verb = _verb_of_subject(ent)
            self.persons.append(_Named(part, name, verb is not None, verb is not None and _is_main_clause(verb),
                                       quoted.holds(part.start)))
            title_span, _ = roles_mod.split_title(doc, Span(ent.start_char, ent.end_char))
            title = text[title_span.start:title_span.end] if title_span else ""
            # titles written just before the entity ("Foreign Minister Jean-Marc Ayrault"): the
            # words right before it, not any noun nearby ("the first incident came … Clinton")
            before = []
            for t in reversed(doc[max(0, ent.start - 4):ent.start]):
                if t.pos_ not in ("PROPN", "NOUN", "ADJ"):
                    break
                before.insert(0, t)
            self.titled.append((part, " ".join([title] + [t.text for t in before])))
        self.genders: dict[str, str | None] = {}
        for m in GENDER_CUE.finditer(text):
            g = "m" if m.group(1).lower() in MALE_CUES else "f"
            surname = m.group(2).lower()
            # a surname the article marks both ways (Mr. and Mrs. Clinton) has no gender
            self.genders[surname] = g if self.genders.get(surname, g) == g else None
        # one pass over the writer's words for two things: possessives ("Graham defended his
        # record", see _possessive_votes) and sentence subjects that are proper nouns in no PERSON,
        # ORG or FAC entity ("West landed a sharp dig", see _unrecognised_subject_between; not an
        # organisation, place, group or nationality: "The White House said", "Christians were upset")
        possessives = []
        self.unrecognised_subjects: list[tuple[int, str]] = []
        for t in doc:
            if t.dep_ == "poss" and t.lower_ in ("his", "her") and not quoted.holds(t.idx):
                possessives.append(t)
            elif t.dep_ == "nsubj" and t.tag_ == "NNP" and t.text[:1].isupper() and t.ent_type_ in ("", "LOC") \
                    and _is_main_clause(t.head) and not quoted.holds(t.idx):
                self.unrecognised_subjects.append((t.idx, t.text))
        self._possessive_votes(possessives)
        self._canonical: dict[Span, str] = {}  # a name's fullest form where it stands, computed once
        self.by_last: dict[str, list[tuple[Span, str]]] = {}
        self.by_first: dict[str, set[str]] = {}  # given name -> full names that start with it
        for named in self.persons:
            self.by_last.setdefault(named.name.split()[-1].lower(), []).append((named.span, named.name))
            if len(named.name.split()) > 1:
                self.by_first.setdefault(named.name.split()[0].lower(), set()).add(named.name)

    def _possessive_votes(self, possessives: "Sequence[Token]") -> None:
        """The article's own word on a person's gender where no title gives it: a possessive on
        the object of the verb the person is the subject of ("Graham defended his record",
        "Clinton released her plan"). Not a possessive further down ("Graham criticised Clinton
        for her remarks"): that one is as likely someone else's. A surname with votes both ways,
        or already marked by a title, keeps what it had."""
        votes: dict[str, set[str]] = {}
        for tok in possessives:
            obj = tok.head
            if obj.dep_ not in ("dobj", "attr"):
                continue
            subj = next((c for c in obj.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            # the subject is the name, or a description the name completes ("candidate Sen.
            # Lindsey Graham (R-SC) called out his rival"): one person in it, no one else
            people = {id(e): e for t in subj.subtree if (e := self.ents.get(t.i)) is not None and e.label_ == "PERSON"}
            if len(people) != 1:
                continue
            ent = next(iter(people.values()))
            votes.setdefault(ent[-1].text.lower(), set()).add("m" if tok.lower_ == "his" else "f")
        for surname, said in votes.items():
            if surname not in self.genders and len(said) == 1:
                self.genders[surname] = said.pop()

    def canonical(self, span: Span, at: int) -> tuple[str, float]:
        """Fullest form of the name at ``span`` in the article, and how sure that is."""
        name = _clean_name(self.text[span.start:span.end])
        if not name:
            return self.text[span.start:span.end], 0.5
        words = name.split()
        cands = self.by_last.get(words[-1].lower(), [])
        supers = {n for _, n in cands if _is_variant(words, n.split())}
        if len(words) == 1 and supers <= {name}:
            # a first name alone: a given name ("Kevin recommends …" after "Kevin Cureghian, an
            # audio specialist") or a family name written first ("Ban" for Ban Ki-moon, "Xi"),
            # when one person of the article has it and nobody has it as a last name -- and that
            # person's name is no run of common words the recognizer took for one ("Twitter Be Next")
            firsts = self.by_first.get(name.lower(), set())
            if len(firsts) == 1 and not any(w.lower() in _stop_words() for w in next(iter(firsts)).split()[1:]):
                return next(iter(firsts)), RESOLVE_FIRST_NAME
        if not supers:
            return name, RESOLVE_NAME
        fullest = max(len(n.split()) for n in supers)
        best = {n for n in supers if len(n.split()) == fullest}
        distinct = {n for n in supers if not any(_is_variant(n.split(), m.split()) and n != m for m in supers)}
        if len(best) == 1 and len(distinct) <= 1:
            return best.pop(), RESOLVE_NAME
        # Several people share the surname (Ted and Rafael Cruz, Bill and Hillary Clinton). One of
        # them named earlier in the same paragraph is the one meant; otherwise the one the article
        # introduced first: news names its main person first, and writes out a second person of
        # the same name in full ("his father, Rafael Cruz") rather than by surname alone.
        longer = sorted((s.start, n) for s, n in cands if n in distinct and len(n.split()) > len(words))
        para_start = self.text.rfind("\n", 0, at) + 1
        here = [(start, n) for start, n in longer if para_start <= start <= at]
        if here:
            return here[-1][1], RESOLVE_SURNAME_AMBIGUOUS
        if longer:
            return longer[0][1], RESOLVE_SURNAME_AMBIGUOUS
        return (sorted(best)[0] if len(best) == 1 else name), RESOLVE_SURNAME_AMBIGUOUS

    def entity_of(self, tok: "Token"):
        return self.ents.get(tok.i)

    def is_known_person(self, tok: "Token") -> bool:
        word = _clean_name(tok.text)
        return bool(word) and word.split()[-1].lower() in self.by_last and tok.pos_ == "PROPN"

    def canonical_key(self, span: Span) -> str:
        return "person:" + self.canonical(span, span.start)[0].lower()

    def of_gender_between(self, lo: int, hi: int, gender: str) -> list[_Named]:
        """People named outside quotations between ``lo`` and ``hi`` (characters) whose gender is
        known to be ``gender``."""
        return [p for p in self.persons if lo < p.span.start < hi and not p.quoted
                and self.gender_of(self.canonical(p.span, p.span.start)[0]) == gender]

    def subjects_between(self, lo: int, hi: int) -> list[Span]:
        return [p.span for p in self.persons if p.subject and not p.quoted and lo < p.span.start < hi]

    def last_person_before(self, at: int, level: str, gender: str | None = None, since: int | None = None
                           ) -> Span | None:
        """The last person named before ``at`` (after ``since``, else within PRONOUN_REACH;
        outside quotations) as the subject of a sentence (level "main"), of any clause
        ("subject"), or at all ("any"), whose gender, when known, is ``gender``."""
        lo = at - PRONOUN_REACH if since is None else since
        best = None
        for p in self.persons:
            if lo <= p.span.start < at and not p.quoted and (
                    level == "any" or (p.subject and (level == "subject" or p.main))) \
                    and self.gender_of(self._fullest(p.span)) in (None, gender):
                best = p.span
        return best

    def _fullest(self, span: Span) -> str:
        if span not in self._canonical:
            self._canonical[span] = self.canonical(span, span.start)[0]
        return self._canonical[span]

    def article_says_gender(self, name: str) -> bool:
        """The gender of this person comes from the article (a title, a possessive), not from
        the given-name list."""
        return self.gender_of(name) == self.gender_of(name, given_names=False)

    def gender_of(self, name: str | None, given_names: bool = True) -> str | None:
        """'m' or 'f' when the article says so ("Mr. Trump", "Mrs. Clinton", "spokeswoman Jen
        Psaki"), else when the given name is almost always one gender ("John Kasich"; see
        data/given_names.txt), else None ("Lindsey Graham", "Kim Jong-un", "Price")."""
        if not name:
            return None
        words = name.split()
        given = _given_name_gender(words[0]) if len(words) > 1 and given_names else None
        surname = words[-1].lower()
        said = self.genders.get(surname, "?")
        # The article's word is about a surname: when two people share it ("Mr. Clinton" and
        # Hillary Clinton), the given name says more about this one.
        shared = len({n.split()[0].lower() for _, n in self.by_last.get(surname, ()) if len(n.split()) > 1}) > 1
        if said != "?" and not (shared and given):
            return said
        return given


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded by now: resolve follows the parse

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    table = {}
    with resources.files("quotelens").joinpath("data/given_names.txt").open(encoding="utf-8") as f:
        for line in f:
            if line and not line.startswith("#"):
                name, _, gender = line.rstrip("\n").partition("\t")
                table[name] = gender
    return table


class _Quoted:
    """The stretches between quotation marks, for "is this offset inside one?" in log time."""

    def __init__(self, spans: Sequence[Span]):
        ordered = sorted(spans, key=lambda sp: sp.start)
        self.starts = [sp.start for sp in ordered]
        # the furthest end among the spans that start at or before each one (spans may nest)
        self.reach: list[int] = []
        for sp in ordered:
            self.reach.append(max(sp.end, self.reach[-1] if self.reach else sp.end))

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


def _given_name_gender(word: str) -> str | None:
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower().strip(".")
    return _given_names().get(folded)


def _verb_of_subject(ent) -> "Token | None":
    """The verb a named person is the subject of, or None. What a sentence is about counts as
    its subject: the owner of the subject ("Bernard’s go-to option is …") and a person the
    sentence opens on ("For Bernard, it is not so much which filter you use …")."""
    for t in ent:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.head
    for t in ent:
        if t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"):
            return t.head.head
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.i == t.sent.start and t.head.head.dep_ == "ROOT":
            return t.head.head
    return None


def _is_main_clause(verb: "Token") -> bool:
    """The verb heads its sentence, or a clause joined to that one by a conjunction, or set in
    it as an aside ("…, Barden says, far too many lives …": the sentence's speaker)."""
    for _ in range(6):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ not in ("conj", "parataxis"):
            return False
        verb = verb.head
    return False


def _is_variant(short: list[str], long: list[str]) -> bool:
    """'Price' is a variant of 'Ned Price'; 'Hillary Clinton' is not one of 'Bill Clinton'."""
    s = [w.lower().rstrip(".") for w in short]
    lw = [w.lower().rstrip(".") for w in long]
    return s[-1] == lw[-1] and all(w in lw or any(x.startswith(w) for x in lw) for w in s)


def _name_part(doc: "Doc", span) -> Span:
    """The name inside a mention, without title or honorific ('Foreign Minister Jean-Marc Ayrault')."""
    char = span if isinstance(span, Span) else Span(span.start_char, span.end_char)
    _, name = roles_mod.split_title(doc, char)
    return name


def _clean_name(name: str) -> str:
    return " ".join(_without_possessive(roles_mod.strip_name(name)).split())


def _without_possessive(name: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _is_name(doc: "Doc", span: Span) -> bool:
    cs = doc.char_span(span.start, span.end, alignment_mode="expand")
    return cs is not None and cs.root.pos_ == "PROPN"


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _char_span(doc: "Doc", rng: tuple[int, int]) -> Span:
    lo, hi = rng
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
