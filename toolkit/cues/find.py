"""Reporting cues: the words that say someone said something.

A cue is a reporting verb from ``data/reporting_verbs.txt`` ("said", "told", "warned") or the
phrase "according to", with what the parse says about it: who is its source (the subject, the
agent of a passive, the object of "according to") and what it reports (a clausal complement).
Cues are found once per document, before any quotation is linked to one (the attribution stage), as two
steps: find the cue words, then read their source and content off the dependency tree.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..config import Config
from ..types import Span
from .lexicon import LemmaMemo, lemma_in, reporting_verbs
from .mention import mention_range, trim_tokens
from .owner import quoted_person
from .source import INHERIT_DEPS, PUT, SUBJECT_DEPS, find_source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CueKind = Literal["verb", "according_to"]
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}
# Verbs whose infinitive complement is what was said: "urged Congress to act".
XCOMP_SPEECH = {"urge", "ask", "tell", "order", "warn", "call", "advise", "instruct", "demand", "promise",
                "vow", "pledge", "threaten", "encourage", "implore", "beg", "invite"}


@dataclass(frozen=True, slots=True)
class Cue:
    head: int  # token index of the cue word ("said", "according")
    span: Span  # characters of the cue words: "said", "told", "according to", "pointed out"
    kind: CueKind
    source: tuple[int, int] | None  # token range [start, end) of the speaker mention
    source_head: int | None  # token index of the mention's head word
    content: tuple[int, int] | None  # token range of the reported clause, if any
    has_object: bool = False  # "told reporters", "warned Russia"
    # The relative pronoun that is the verb's subject when the source is its antecedent ("Trump,
    # [who] has called the pact “insanity”"): the words that name the speaker here, as "he" is.
    relative: int | None = None


def find_cues(doc: "Doc", config: Config) -> list[Cue]:
    """Every reporting cue in ``doc``, in text order (quotes are linked to them later)."""
    is_verb, is_put, speech_pos = _memos()
    strings = doc.vocab.strings
    according, to, amod = strings["according"], strings["to"], strings["amod"]
    # the columns for the whole Doc at once: a Token object is made only where a cue may be
    rows = doc.to_array(["LOWER", "LEMMA", "POS", "DEP"]).tolist()
    found = []
    for i, (lower, lemma, pos, dep) in enumerate(rows):
        if lower == according and i + 1 < len(rows) and rows[i + 1][0] == to:
            cue = _according_to(doc, doc[i])
        elif pos in speech_pos and dep != amod and is_verb(strings, lower, lemma):
            cue = _verb_cue(doc, doc[i])
        elif is_put(strings, lower, lemma) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in doc[i].children):
            cue = _verb_cue(doc, doc[i])  # "as Tom Ridge put it: “…”"
        else:
            continue
        if cue is not None:
            found.append(cue)
    return found


@lru_cache(maxsize=1)
def _memos() -> tuple[LemmaMemo, LemmaMemo, frozenset[int]]:
    """The lemma tests of find_cues, and spaCy's ids of the parts of speech a reporting verb has."""
    from spacy.parts_of_speech import AUX, VERB

    return LemmaMemo(reporting_verbs()), LemmaMemo(PUT), frozenset({VERB, AUX})


# -- building one cue --------------------------------------------------------------------------
def _according_to(doc: "Doc", tok: "Token") -> Cue | None:
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = objs[0]
    start, end = mention_range(src, tok)
    # The reported content is the clause the phrase hangs on, minus the phrase itself.
    clause = tok.head if tok.head is not tok else None
    content = None
    if clause is not None:
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
            clause = clause.head
        lo, hi = clause.left_edge.i, clause.right_edge.i + 1
        phrase_lo, phrase_hi = tok.i, src.right_edge.i + 1
        if phrase_lo <= lo:  # "According to X, the clause ..."
            lo = phrase_hi
        elif phrase_hi >= hi:  # "the clause ..., according to X."
            hi = phrase_lo
        content = trim_tokens(doc, lo, hi)
    return Cue(head=tok.i, span=Span(tok.idx, to.idx + len(to.text)), kind="according_to",
               source=(start, end), source_head=src.i, content=content)


def _verb_cue(doc: "Doc", verb: "Token") -> Cue | None:
    src = find_source(verb)
    quoted = quoted_person(verb)
    if src is not None and quoted is not None:
        src = quoted  # "Lee quoted Ruiz as saying", "Lee said, quoting Ruiz": the words are Ruiz's
    content = None
    for child in verb.children:
        if child.dep_ == "xcomp" and not lemma_in(verb, XCOMP_SPEECH):
            continue  # "continued to rise", "said to be": not reported content
        if child.dep_ in CONTENT_DEPS and child.i > verb.i or child.dep_ == "ccomp":
            content = trim_tokens(doc, child.left_edge.i, child.right_edge.i + 1)
            break
    end_tok = verb
    for child in verb.children:  # particles: "pointed out", "spoke up"
        if child.dep_ == "prt" and child.i == end_tok.i + 1:
            end_tok = child
    has_object = any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
    if src is None:
        return Cue(head=verb.i, span=Span(verb.idx, end_tok.idx + len(end_tok.text)), kind="verb",
                   source=None, source_head=None, content=content, has_object=has_object)
    start, end = mention_range(src, verb)
    return Cue(head=verb.i, span=Span(verb.idx, end_tok.idx + len(end_tok.text)), kind="verb",
               source=(start, end), source_head=src.i, content=content, has_object=has_object,
               relative=relative_pronoun(verb, src))


RELATIVE_PRONOUNS = {"who", "which", "that"}


def relative_pronoun(verb: "Token", src: "Token") -> int | None:
    """The index of the relative pronoun through which ``src`` is the verb's speaker, if any:
    'Beck, who said …' -> "who" (find_source walks the same chain up to the relative clause)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl" and tok.head.i == src.i:
            rel = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS]
            return rel[0].i if rel else None
        if tok.dep_ not in INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
