"""Every person the article names: fullest forms, genders, subjects, and which names stand in quotations.

``NameIndex`` is built once per article before any mention is resolved; the name helpers here
(``clean_name``, ``name_part``, ``is_variant``) are the one reading of a name's words.
"""
from __future__ import annotations

from collections import Counter
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..lexicon import NAME_SUFFIXES, fold_name, given_names, strip_name
from ..types import Span
from .candidates import couple_named, given_name_before, missed_names
from .orgs import OrgIndex
from .quoted import Quoted
from .people import (PRONOUN_REACH, RESOLVE_COUPLE, RESOLVE_FIRST_NAME, RESOLVE_HONORIFIC, RESOLVE_MISSED_NAME,
                     RESOLVE_NAME, RESOLVE_SURNAME_AMBIGUOUS)
from .roles import split_title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MALE_CUES = {"mr", "mr.", "spokesman", "congressman", "chairman", "businessman", "king", "prince", "sir"}
FEMALE_CUES = {"mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "congresswoman", "chairwoman",
               "businesswoman", "queen", "princess", "dame", "madam"}
# "Mr. Trump", "Mrs. Clinton", "spokeswoman Jen Psaki": the word, then up to two given names, then the surname
GENDER_CUE = re.compile(r"\b(%s)\s+(?:[A-Z][\w.’'-]*\s+){0,2}([A-Z][\w’'-]+)" % "|".join(
    re.escape(w) for w in sorted({w.capitalize() for w in MALE_CUES | FEMALE_CUES} | MALE_CUES | FEMALE_CUES,
                                 key=len, reverse=True)))

@dataclass(frozen=True)
class Named:
    """One place the article names a person."""
    span: Span  # the name, without title
    name: str  # the name as written, cleaned
    subject: bool  # the subject of some clause
    main: bool  # the subject of its sentence's main clause (or of a clause joined to it)
    quoted: bool  # inside a quotation: the speaker's words, not the writer's


class NameIndex:
    """Every PERSON name in the article: for fullest forms, and outside quotations for pronouns."""

    def __init__(self, doc: "Doc", text: str, quoted: "Quoted"):
        self.doc = doc
        self.text = text  # doc.text is rebuilt from the tokens on every access
        self.orgs = OrgIndex(text)
        self.quoted = quoted
        self.issuers: dict[str, object] = {}  # document noun -> the Person its last mention was credited to
        self.persons: list[Named] = []
        self.titled: list[tuple[Span, str]] = []  # (name span, title words before it)
        self.ents = {}  # token index -> its entity, computed once (doc.ents is rebuilt per call)
        # one-word name -> how often the recognizer labels it each way, for a speaker's type by votes
        self.label_votes: dict[str, Counter] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ents[i] = ent
            if len(ent) == 1 or (len(ent) == 2 and ent[0].lower_ == "the"):
                self.label_votes.setdefault(ent[-1].text, Counter())[ent.label_] += 1
            if ent.label_ != "PERSON" or not any(t.text[:1].isupper() for t in ent):
                continue  # (a person's name is capitalised: "juicy figs" is the recognizer's mistake)
            if ent[0].tag_ == "MD":  # "Will Sanders come down …?": a modal is no given name
                ent = ent[1:]
                if not len(ent):
                    continue
            part = name_part(doc, ent)
            name = clean_name(text[part.start:part.end])
            if not name:
                continue
            verb = _verb_of_subject(ent)
            self.persons.append(Named(part, name, verb is not None, verb is not None and is_main_clause(verb),
                                       quoted.holds(part.start)))
            title_span, _ = split_title(doc, Span(ent.start_char, ent.end_char))
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
        mislabelled = []  # one-word subjects the recognizer calls a place or body: "Cairo grew up …"
        for t in doc:
            if t.dep_ == "poss" and t.lower_ in ("his", "her") and not quoted.holds(t.idx):
                possessives.append(t)
            elif t.dep_ == "nsubj" and t.tag_ == "NNP" and t.text[:1].isupper() and t.ent_type_ in ("", "LOC") \
                    and is_main_clause(t.head) and not quoted.holds(t.idx):
                self.unrecognised_subjects.append((t.idx, t.text))
            elif t.dep_ == "nsubj" and t.ent_type_ in ("GPE", "ORG", "NORP", "FAC") and len(self.ents[t.i]) == 1 \
                    and not quoted.holds(t.idx):
                mislabelled.append(t)
        self._possessive_votes(possessives)
        self._canonical: dict[Span, str] = {}  # a name's fullest form where it stands, computed once
        self._written_full: dict[tuple[str, str], str | None] = {}  # see _written
        self._nouns: dict[str, set[int]] | None = None  # see reads_common
        self.by_last: dict[str, list[tuple[Span, str]]] = {}
        self.by_first: dict[str, set[str]] = {}  # given name -> full names that start with it
        # the recognizer's persons, then the full names it missed (candidates.py), for fullest forms
        found = [(named.span, named.name) for named in self.persons]
        surnames = frozenset(named.name.split()[-1].lower() for named in self.persons)
        # ... is a subject as a person when it is the surname of a full name the recognizer tags a
        # person ("Hannah Cairo"): mention.py reads such a mention as that person too
        full = {n.name.split()[-1].lower() for n in self.persons if len(n.name.split()) > 1}
        self.persons += [Named(Span(t.idx, t.idx + len(t.text)), t.text, True, is_main_clause(t.head), False)
                         for t in mislabelled if t.lower_ in full]
        missed = list(missed_names(doc, text, _stop_words(), surnames))
        self.missed = {name for _, name in missed} - {named.name for named in self.persons}
        found += missed
        self._add_missed_subjects(missed, quoted)
        written = {name for _, name in found}
        for span, name in found:
            self.by_last.setdefault(name.split()[-1].lower(), []).append((span, name))
            if len(name.split()) > 1:
                self.by_first.setdefault(name.split()[0].lower(), set()).add(name)
            # "Harry Hurt III" is "Hurt" too -- unless "Donald Trump" is written beside "Donald Trump Jr."
            core = _core(name)
            if core != name and len(core.split()) > 1 and core not in written:
                self.by_last.setdefault(core.split()[-1].lower(), []).append((span, name))

    def _add_missed_subjects(self, missed: "list[tuple[Span, str]]", quoted: "Quoted") -> None:
        """A missed name that is a clause's subject ("Ana Ruiz has run the county's emergency office
        since 2019.") is a pronoun's referent as a recognized one would be: a paragraph about one
        person whose name the model missed otherwise leaves its "she" unknown. So is one named in
        passing with a given name of one gender and no entity label at all ("And then, Ana Ruiz: …
        She said"; not "West Hollywood", a place), but only where no subject comes nearer."""
        for span, name in missed:
            toks = self.doc.char_span(span.start, span.end, alignment_mode="expand") if name in self.missed else None
            verb = _verb_of_subject(toks) if toks is not None else None
            if toks is not None and (verb is not None or _given_name_gender(name.split()[0]) is not None
                                     and not any(t.ent_type_ for t in toks)):
                main = verb is not None and is_main_clause(verb)
                self.persons.append(Named(span, name, verb is not None, main, quoted.holds(span.start)))
        self.persons.sort(key=lambda named: named.span.start)

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
        name = clean_name(self.text[span.start:span.end])
        if not name:
            return self.text[span.start:span.end], 0.5
        words = name.split()
        cands = self.by_last.get(words[-1].lower(), [])
        supers = {n for _, n in cands if is_variant(words, n.split()) or is_variant(words, _core(n).split())}
        if len(words) == 1 and supers <= {name}:
            # a first name alone: a given name ("Kevin recommends …" after "Kevin Cureghian, an
            # audio specialist") or a family name written first ("Ban" for Ban Ki-moon, "Xi"),
            # when one person of the article has it and nobody has it as a last name -- and that
            # person's name is no run of common words the recognizer took for one ("Twitter Be Next")
            firsts = self.by_first.get(name.lower(), set())
            if len(firsts) == 1 and not any(w.lower() in _stop_words() for w in next(iter(firsts)).split()[1:]):
                return next(iter(firsts)), RESOLVE_FIRST_NAME
        if len(words) == 1 and supers <= {name} and (couple := self._written("couple", name)):
            return couple, RESOLVE_COUPLE
        if not supers:
            written = self._written("given", name) if len(words) == 1 else None
            return (written, RESOLVE_MISSED_NAME) if written else (name, RESOLVE_NAME)
        fullest = max(len(n.split()) for n in supers)
        best = {n for n in supers if len(n.split()) == fullest}
        distinct = {n for n in supers if not any(is_variant(n.split(), m.split()) and n != m for m in supers)}
        if len(best) == 1 and len(distinct) <= 1:
            full = best.pop()
            return full, RESOLVE_MISSED_NAME if full in self.missed and full != name else RESOLVE_NAME
        # Several people share the surname (Ted and Rafael Cruz, Bill and Hillary Clinton). One of
        # them named earlier in the same paragraph is the one meant; otherwise the one the article
        # introduced first: news names its main person first, and writes out a second person of
        # the same name in full ("his father, Rafael Cruz") rather than by surname alone.
        longer = sorted((s.start, n) for s, n in cands if n in distinct and len(n.split()) > len(words))
        # "Mrs. Clinton" beside Bill and Hillary Clinton: the honorific says which one
        honorific = self.text[max(0, span.start - 5):span.start].split()[-1:]
        want = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}.get(
            honorific[0].lower() if honorific else "")
        if want:
            of_gender = {n for _, n in longer if _given_name_gender(n.split()[0]) == want}
            if len(of_gender) == 1:
                return of_gender.pop(), RESOLVE_HONORIFIC
        para_start = self.text.rfind("\n", 0, at) + 1
        here = [(start, n) for start, n in longer if para_start <= start <= at]
        if here:
            return here[-1][1], RESOLVE_SURNAME_AMBIGUOUS
        if longer:
            return longer[0][1], RESOLVE_SURNAME_AMBIGUOUS
        return (sorted(best)[0] if len(best) == 1 else name), RESOLVE_SURNAME_AMBIGUOUS

    def _written(self, kind: str, word: str) -> str | None:
        """A fuller form of a one-word name read off the text (candidates.py), once per word."""
        key = (kind, word)
        if key not in self._written_full:
            self._written_full[key] = couple_named(self.text, word) if kind == "couple" else \
                given_name_before(self.text, word, _stop_words())
        return self._written_full[key]

    def reads_common(self, tok: "Token") -> bool:
        """The article writes the word in lower case somewhere ("research" for "Research"), or
        the tagger reads it as a common noun at another place ("Research shows …"); never a
        surname of someone the article names."""
        word, low = tok.text, tok.lower_
        if low in self.by_last:
            return False
        if low != word and re.search(r"(?<![\w’'-])%s(?![\w’'-])" % re.escape(low), self.text) is not None:
            return True
        if self._nouns is None:  # the words tagged a common noun, with their places, read once
            self._nouns = {}
            for t in self.doc:
                if t.pos_ == "NOUN" and t.text[:1].isupper():
                    self._nouns.setdefault(t.text, set()).add(t.i)
        return bool(self._nouns.get(word, set()) - {tok.i})

    def entity_of(self, tok: "Token"):
        return self.ents.get(tok.i)

    def is_known_person(self, tok: "Token") -> bool:
        word = clean_name(tok.text)
        return bool(word) and word.split()[-1].lower() in self.by_last and tok.pos_ == "PROPN"

    def canonical_key(self, span: Span) -> str:
        return "person:" + self.canonical(span, span.start)[0].lower()

    def of_gender_between(self, lo: int, hi: int, gender: str) -> list[Named]:
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


def _given_name_gender(word: str) -> str | None:
    return given_names().get(fold_name(word))


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


def is_main_clause(verb: "Token") -> bool:
    """The verb heads its sentence, or a clause joined to that one by a conjunction, or set in
    it as an aside ("…, Barden says, far too many lives …": the sentence's speaker)."""
    for _ in range(6):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ not in ("conj", "parataxis"):
            return False
        verb = verb.head
    return False


def is_variant(short: list[str], long: list[str]) -> bool:
    """'Price' is a variant of 'Ned Price'; 'Hillary Clinton' is not one of 'Bill Clinton'."""
    s = [w.lower().rstrip(".") for w in short]
    lw = [w.lower().rstrip(".") for w in long]
    return s[-1] == lw[-1] and all(w in lw or any(x.startswith(w) for x in lw) for w in s)


def _core(name: str) -> str:
    """The name without a generational suffix: 'Harry Hurt III' -> 'Harry Hurt'."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and words[-1].lower() in NAME_SUFFIXES else name


def name_part(doc: "Doc", span) -> Span:
    """The name inside a mention, without title or honorific ('Foreign Minister Jean-Marc Ayrault')."""
    char = span if isinstance(span, Span) else Span(span.start_char, span.end_char)
    _, name = split_title(doc, char)
    return name


def clean_name(name: str) -> str:
    return " ".join(without_possessive(strip_name(name)).split())


def without_possessive(name: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_name(doc: "Doc", span: Span) -> bool:
    cs = doc.char_span(span.start, span.end, alignment_mode="expand")
    return cs is not None and cs.root.pos_ == "PROPN"


def strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text


def char_span(doc: "Doc", rng: tuple[int, int]) -> Span:
    lo, hi = rng
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
