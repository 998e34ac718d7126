"""Organisations by their fullest name in the article: acronyms and "the union" joined to the name.

- An acronym joins the name whose initials it is, written in the article: "the PBO" is the
  "Parliamentary Budget Officer (PBO)", "DNC" the "Democratic National Committee" (function words
  of, for, and, the, on are skipped: "Venezuelan Institute for Culture and Cooperation (IVCC)").
- "the union", "the Institute", "the ministry": an institution noun alone joins the one
  organisation of the article whose name is built on that noun ("National Teachers Union",
  "Ministry of Finance"); failing any, the one name written before that noun in lower case
  ("the Okafor campaign", "the House Ethics committee"); with two such organisations it joins neither.
- A document that speaks is credited to its issuer when the mention names one: "a statement
  released by the mayor's office" is the mayor's office, "the Institute's release" the Institute,
  "a review published in The Lancet" the journal; "the complaint" (a clause set off after it or
  not) the body that sued or filed in the sentence before ("Her campaign sued …").
- "the news outlet", "the network", "the newspaper": a noun for a news medium joins the nearest
  medium named before it: a name with a medium's word ("Daily Courier", "Radio Nord"), or a body
  the article shows reporting ("X reported") or being told ("told X", "according to X").
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
        if not names:
            names = self._before_noun(noun)
        # "the Institute" and "the Venezuelan Institute for Culture and Cooperation": the fullest
        fullest = {n for n in names if not any(m.lower() != n.lower() and n.lower() in m.lower() for m in names)}
        return fullest.pop() if len(fullest) == 1 else None

    def _before_noun(self, noun: str) -> set[str]:
        """'the Okafor campaign', 'the House Ethics committee', "Okafor’s campaign": a name
        written before the noun in lower case (a possessive's mark dropped), as "Okafor campaign"."""
        found = set()
        for m in re.finditer(rf"({_RUN.pattern})[ \t\u00a0]+{noun}\b", self.text):
            words = m.group(1).split()
            while words and words[0] in ("The", "A", "An", "This", "That"):
                words = words[1:]
            if words:
                words[-1] = re.sub(r"(?:[’']s|[’'])$", "", words[-1])
            if words and words[-1]:
                found.add(" ".join(words + [noun]))
        return found

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

_PUBLISH = frozenset({"publish"})


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
        # "a review published in The Lancet": the journal that put it out, the one name given
        published_in = tok.lower_ == "in" and tok.head.tag_ == "VBN" and lemma_in(tok.head, _PUBLISH) is not None
        if (tok.lower_ in _ISSUED or published_in) and tok.i > head.i and tok.lower_ != "of":
            if tok.lower_ == "by" and tok.head.i != head.i and lemma_in(tok.head, _PUT_OUT_BY) is None:
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i < toks.end and obj.pos_ in ("PROPN", "NOUN") and obj.tag_ != "NNS":
                return obj
    return None


# Verbs by which a body puts out a document: "the party announced …", "the campaign issued …".
# ("X sued the city. The complaint, which …, alleged": a suit's complaint is the suer's.)
_PUT_OUT = frozenset("announce release issue publish post send file sue".split())


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
    # a name, or an institution noun ("His campaign sued …", "The union filed …")
    found = [t for t in doc[start:head.i] if t.dep_ == "nsubj" and (
                 t.pos_ == "PROPN" and t.text[:1].isupper() or t.tag_ == "NN" and t.lower_ in INSTITUTION_NOUNS)
             and lemma_in(t.head, verbs) is not None and not quoted.holds(t.idx)]
    return found[-1] if found and len({t.text for t in found}) == 1 else None


# Nouns by which an article refers back to a news medium it named ("according to the news outlet",
# "the network said", "the paper reported"); "agency", "service" and "site" only after "news".
MEDIA_NOUNS = frozenset("outlet network newspaper paper magazine broadcaster channel station publication "
                        "tabloid daily weekly website".split())
_NEWS_ONLY = frozenset("agency service site organization organisation wire".split())
# Words that end or open a news medium's name ("Fox News", "The Daily Courier", "Radio Nord") and
# no person's (not Post, Press, Star, Sun, Globe, Mail, Guardian: "Emily Post", "Sun Yat-sen").
MEDIA_NAME_WORDS = frozenset("news times journal herald tribune gazette courier telegraph chronicle examiner "
                             "inquirer radio tv television magazine network daily weekly broadcasting channel".split())
# A medium the article shows at work: the subject of these, or the one told or cited.
_MEDIUM_VERBS = frozenset("report publish broadcast air write reveal".split())
# How far back (characters) a medium named is the one "the network" means: about four paragraphs.
MEDIA_REACH = 2500


def is_media_noun(head: "Token", toks) -> bool:
    """'the news outlet', 'the network', 'the paper': a definite noun for a news medium alone."""
    words = [t.lower_ for t in toks]
    if not words or words[0] not in ("the", "that", "this") or len(words) > 3 or head.tag_ != "NN":
        return False
    if head.lower_ in _NEWS_ONLY:
        return words[1:-1] == ["news"]
    return head.lower_ in MEDIA_NOUNS and all(w in ("news", "television", "tv", "radio", "cable") for w in words[1:-1])


def medium_before(head: "Token", quoted) -> str | None:
    """The name of the news medium nearest before ``head`` (outside quotations, within
    MEDIA_REACH): a name with a medium's word ("Kestrel News", "Radio Nord", whatever the
    recognizer made of it), or an ORG that is the subject of a verb of reporting, the one told
    ("told X") or the one cited ("according to X"). None when there is none."""
    doc = head.doc
    lo = head.idx - MEDIA_REACH
    found = [(e.start, e.end) for e in doc.ents if e.label_ in ("ORG", "WORK_OF_ART")]
    k = 0
    while k < head.i:  # runs of capitalised proper nouns: the small model leaves many media untagged
        j = k
        while j < head.i and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        if j - k >= 2:
            found.append((k, j))
        k = j + 1 if j == k else j
    best = None
    for start, end in found:
        span = doc[start:end]
        if end > head.i or span.start_char < lo or quoted.holds(span.start_char) or "\n" in span.text \
                or any(t.ent_type_ == "PERSON" for t in span):
            continue  # (a run with a person's name in it, "Fox News host Kelly", is no medium's name)
        if _names_medium(span) and (best is None or start > best.start):
            best = span
    if best is None:
        return None
    return best.text[4:] if best.text.lower().startswith("the ") else best.text


def is_media_name(name: str) -> bool:
    """Two or more words, the first or last a news medium's ("Fox News", "The Daily Courier",
    "Radio Nord"): a body's name, whatever the recognizer labels it."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", name) if w.lower() != "the"]
    return len(words) >= 2 and (words[-1] in MEDIA_NAME_WORDS or words[0] in MEDIA_NAME_WORDS)


def _names_medium(span) -> bool:
    from ..cues import lemma_in

    words = [w.lower() for w in span.text.split() if w.lower() != "the"]
    # a surname the small model calls an ORG ("told Hannity"), a show named for its host: a word
    # of a person's name in the article is no medium's
    person_words = {w.lower() for e in span.doc.ents if e.label_ == "PERSON" for w in e.text.split()}
    if any(w in person_words for w in words):
        return False
    if is_media_name(span.text):
        return True
    if not span.ents or span.ents[0].label_ not in ("ORG", "WORK_OF_ART"):
        return False
    root = span.root
    return (root.dep_ == "nsubj" and lemma_in(root.head, _MEDIUM_VERBS) is not None) or (
        root.dep_ in ("dobj", "dative") and lemma_in(root.head, frozenset({"tell"})) is not None) or (
        root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according")
