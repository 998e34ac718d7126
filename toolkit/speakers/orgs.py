"""Organisations by their fullest name in the article: acronyms and "the union" joined to the name.

- An acronym joins the name whose initials it is, written in the article: "the PBO" is the
  "Parliamentary Budget Officer (PBO)", "DNC" the "Democratic National Committee" (function words
  of, for, and, the, on are skipped: "Venezuelan Institute for Culture and Cooperation (IVCC)").
- "the union", "the Institute", "the ministry": an institution noun alone joins the one
  organisation of the article whose name is built on that noun ("National Teachers Union",
  "Ministry of Finance"); with two such organisations it joins neither.
- A document that speaks is credited to its issuer when the mention names one: "a statement
  released by the mayor's office" is the mayor's office, "the Institute's release" the Institute.
Names are read from the article's text (capitalised runs), not from the recognizer's ORG labels,
which the small model gives to surnames and withholds from long names.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import INSTITUTION_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that may sit lower-case inside an organisation's name.
CONNECTORS = frozenset("of for and the on in de du des la le del".split())
_CAP = r"[A-Z][\w’'&.-]*"
# A capitalised run, with connectors inside it: "Ministry of Finance", "Institute for Culture and Cooperation"
_SP = r"[ \t\u00a0]+"  # within a line: a headline above is no part of a name
_RUN = re.compile(rf"{_CAP}(?:{_SP}(?:(?:{'|'.join(sorted(CONNECTORS))}){_SP})*{_CAP})*")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")
# Nouns for words put out on paper or screen: their speaker is whoever put them out.
DOCUMENT_NOUNS = frozenset({"statement", "release", "report", "letter", "memo", "complaint", "filing", "study",
                            "analysis", "meta-analysis", "review", "survey", "ruling", "opinion", "brief",
                            "email", "e-mail", "post", "tweet", "ad", "advertisement", "notice", "announcement",
                            "document", "paper", "order", "decision", "lawsuit", "petition", "bulletin", "book",
                            "article", "essay", "column", "op-ed", "editorial", "memoir", "blog"})
# Verbs and prepositions that name a document's issuer after it: "released by X", "from X".
_ISSUED = frozenset("by from of".split())
# The participles whose "by" names who put a document out ("released by X", "written by X",
# "a study conducted by X"); a "by" after any other ("a report seen by Reuters", "obtained by",
# "reviewed by", "commissioned by") names someone who did not write it, so it credits no one.
_PUT_OUT_BY = frozenset("release issue publish send write sign author post file prepare produce distribute "
                        "circulate submit deliver conduct compile draft co-author".split())


class OrgIndex:
    """The organisations an article names, as written, for acronyms and institution nouns."""

    def __init__(self, text: str):
        self.text = text
        self.runs: list[str] = [m.group(0).rstrip(".’'-") for m in _RUN.finditer(text)]

    def expand(self, name: str) -> str:
        """'PBO' -> 'Parliamentary Budget Officer' when the article writes it; else ``name``."""
        bare = name.replace(".", "")
        if not _ACRONYM.match(name) or len(bare) < 2:
            return name
        found = set()
        # "Parliamentary Budget Officer (PBO)": the run right before the acronym in brackets first
        for m in re.finditer(r"(%s)[ \t\u00a0]*\(\s*%s\s*\)" % (_RUN.pattern, re.escape(name)), self.text):
            found.add(_initials_tail(m.group(1), bare))
        found.discard(None)
        if not found:
            found = {n for run in set(self.runs) if (n := _initials_tail(run, bare)) is not None}
        return found.pop() if len(found) == 1 else name

    def before_acronym(self, end: int) -> str | None:
        """The name ending at ``end`` when an acronym of it follows in brackets: "American College
        of Sports Medicine (ACSM)" -> "American College of Sports Medicine"; else None."""
        m = re.match(r"[ \t\u00a0]*\(\s*((?:[A-Z]\.?){2,7})\s*\)", self.text[end:end + 20])
        if m is None:
            return None
        line_start = self.text.rfind("\n", 0, end) + 1
        run = next((r.group(0) for r in _RUN.finditer(self.text, line_start, end) if r.end() == end), None)
        return _initials_tail(run, m.group(1).replace(".", "")) if run else None

    def by_noun(self, noun: str) -> str | None:
        """'union' -> 'National Teachers Union': the one organisation named on that noun, or None."""
        noun = noun.lower()
        if noun not in INSTITUTION_NOUNS:
            return None
        names = set()
        for run in self.runs:
            words = run.split()
            low = [w.lower() for w in words]
            if noun not in low or len(words) < 2 or run.isupper():
                continue
            k = low.index(noun)
            # the noun ends the name or heads an "of"/"for" phrase: "Ministry of Finance"
            if k == len(words) - 1 or low[k + 1] in ("of", "for", "on"):
                # the name starts after the last connector before its noun: "Members of the
                # [Canadian Union of Public Employees]"
                start = max([j + 1 for j in range(k) if low[j] in CONNECTORS] + [0])
                names.add(" ".join(words[start:]))
        # "the Institute" and "the Venezuelan Institute for Culture and Cooperation": the fullest
        fullest = {n for n in names if not any(m.lower() != n.lower() and n.lower() in m.lower() for m in names)}
        return fullest.pop() if len(fullest) == 1 else None

    def fullest(self, name: str) -> str:
        """An organisation's name as the article writes it most fully: an acronym expanded, an
        institution noun alone ("Institute", "union") joined to the one organisation built on it."""
        expanded = self.expand(name)
        if expanded != name:
            return expanded
        words = name.split()
        if len(words) == 1:
            return self.by_noun(words[0]) or name
        return name


def _initials_tail(run: str, acronym: str) -> str | None:
    """The end of ``run`` whose capitalised words' initials spell ``acronym`` (connectors skipped)."""
    words = run.split()
    for start in range(len(words)):
        part = words[start:]
        if part[0].lower() in CONNECTORS:
            continue
        initials = "".join(w[0] for w in part if w.lower() not in CONNECTORS)
        if initials.upper() == acronym.upper() and initials.isupper():
            return " ".join(part)
    return None


def is_document(head: "Token") -> bool:
    from ..cues import lemma_in

    return head.tag_ == "NN" and (lemma_in(head, DOCUMENT_NOUNS) is not None or head.lower_ in DOCUMENT_NOUNS)


def document_issuer(head: "Token", toks) -> "Token | None":
    """The word naming who issued a document the mention is ("the Institute’s release" ->
    Institute, "a statement released by the mayor's office" -> office), or None."""
    from ..cues import lemma_in

    if not is_document(head) and head.lower_ not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    # "released by X", "sent to media from X", "from X": the first by/from phrase inside the mention
    for tok in toks:
        if tok.lower_ in _ISSUED and tok.i > head.i and tok.lower_ != "of":
            if tok.lower_ == "by" and tok.head.i != head.i and lemma_in(tok.head, _PUT_OUT_BY) is None:
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i < toks.end and obj.pos_ in ("PROPN", "NOUN") and obj.tag_ != "NNS":
                return obj
    return None


# Verbs by which a body puts out a document: "the party announced …", "the campaign issued …".
_PUT_OUT = frozenset("announce release issue publish post send file".split())


def announcer_before(head: "Token", quoted) -> "Token | None":
    """'the release said' with no issuer in the mention: the name that is the subject of a verb
    of saying or putting out in the sentence before it or its own ("the Republican Party of Wyoming
    announced she wasn't coming. “…,” the release said."), outside quotations; None when there
    is none or two different ones."""
    from ..cues import lemma_in, reporting_verbs

    doc = head.doc
    sent = head.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    verbs = reporting_verbs() | _PUT_OUT
    found = [t for t in doc[start:head.i] if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.text[:1].isupper()
             and lemma_in(t.head, verbs) is not None and not quoted.holds(t.idx)]
    return found[-1] if found and len({t.text for t in found}) == 1 else None
