"""Reporting cues: the words that say someone said something.

A cue is a reporting verb from ``data/reporting_verbs.txt`` ("said", "told", "warned") or the
phrase "according to", with what the parse says about it: who is its source (the subject, the
agent of a passive, the object of "according to") and what it reports (a clausal complement).
Cues are found once per document, before any quotation is linked to one (attribution.py), as two
steps: find the cue words, then read their source and content off the dependency tree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .config import Config
from .cues_lexicon import WRITTEN_SOURCES, lemma_in, reporting_verbs
from .cues_owner import quoted_person
from .types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CueKind = Literal["verb", "according_to"]

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# A reporting verb that is a participle or coordinated verb takes its head's subject:
# "..., adding that ...", "he said X and warned that ...", "was quoted as saying".
INHERIT_DEPS = {"advcl", "conj", "xcomp", "pcomp", "acl"}
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}
# Verbs whose infinitive complement is what was said: "urged Congress to act".
XCOMP_SPEECH = {"urge", "ask", "tell", "order", "warn", "call", "advise", "instruct", "demand", "promise",
                "vow", "pledge", "threaten", "encourage", "implore", "beg", "invite"}
# Right-hand parts of a noun phrase that are not part of the words naming the speaker.
MENTION_STOP_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "parataxis"}


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
    verbs = reporting_verbs()
    found = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = _according_to(doc, tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod" and lemma_in(tok, verbs):
            cue = _verb_cue(doc, tok)
        elif lemma_in(tok, PUT) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            cue = _verb_cue(doc, tok)  # "as Tom Ridge put it: “…”"
        else:
            continue
        if cue is not None:
            found.append(cue)
    return found


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
        content = _trim_tokens(doc, lo, hi)
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
            content = _trim_tokens(doc, child.left_edge.i, child.right_edge.i + 1)
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


PUT = frozenset({"put"})
TELL_ASK = frozenset({"tell", "ask"})
# Entities that are never a speaker: "Saturday at the convention Sen. Warren said" parses
# "Saturday" as the subject.
NOT_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Common nouns that never speak, though the parse makes them a reporting verb's subject: times
# ("Saturday at the convention he said"), abstractions ("his challenge … arguing that …"), events.
MUTE_NOUNS = frozenset(
    "day week month year time moment morning afternoon evening night weekend decade century "
    "challenge diagnosis contest sentence idea issue problem fact reason result way thing "
    "point matter kind sort part lot bit step move decision process goal task trick "
    # advice written as a thing: "A helpful practice is to label the thoughts: “…”", "Another
    # good tactic is to ask for …", "The name says it all"
    "practice tactic tip technique method approach option choice habit name "
    # events: "The first incident came during a speech, when protesters interrupted, shouting “…”"
    "incident event episode occasion encounter confrontation clash ceremony visit trip tour".split())
# Verbs that invert after a quotation: "“…,” said Jane Doe" / "“…,” added the minister".
INVERTING = {"say", "add", "write", "explain", "note", "continue", "ask", "reply", "insist", "recall",
             "warn", "tell", "argue", "observe", "respond", "declare", "counter", "conclude", "quip"}


def find_source(verb: "Token") -> "Token | None":
    """The token naming who speaks, or None: subject, passive agent, inverted subject."""
    src = _find_source(verb)
    if src is not None and src.ent_type_ in NOT_SPEAKER_ENTS and not _described_person(src):
        src = None
    if src is not None and src.pos_ == "NOUN" and src.lower_ in MUTE_NOUNS:
        src = None  # "Mr. Obama's challenge … while arguing that …": a challenge says nothing
    if src is None and lemma_in(verb, INVERTING):
        src = inverted_subject(verb)
    if src is None:
        src = _left_name(verb)
    if src is not None and verb.i < src.i <= verb.i + 3:
        # inverted: '“…,” says Estera Events Co-Owner and Lead Planner Erica Vanco.' -- a phrase
        # after the verb that ends in a person's name is that person (the parse of the titles
        # before the name is the unreliable part)
        src = _name_ending_phrase(verb) or src
    if src is not None:
        src = _subject_after_aside(src, verb)
    named = apposed_name(src) if src is not None else None
    if named is not None:
        return named
    if src is not None and lemma_in(src, WRITTEN_SOURCES):
        # "The campaign's statement declares “…”", "His comments came …": the words are the owner's
        # ('reads a statement from Maria Gonzalez': the one it comes from)
        owner = [c for c in src.children if c.dep_ == "poss"] or [
            o for c in src.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if owner:
            src = owner[0]
    return src


DASHES = {"-", "—", "–", "--"}


def is_dash(tok: "Token") -> bool:
    """A dash between words: "—", or a hyphen standing alone ("R-Iowa" is a word)."""
    if tok.text not in DASHES:
        return False
    return tok.text != "-" or (bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))


def _subject_after_aside(src: "Token", verb: "Token") -> "Token":
    """'In the letter - addressed to the county prosecutor, Dana Ortiz - the Ohio Republican
    asks …': the parse takes the name that ends a dashed aside for the subject and the words after
    the closing dash for its apposition. The aside is the writer's; the subject follows it."""
    if not src.i < verb.i:
        return src
    closing = [t for t in src.doc[src.i + 1:verb.i] if is_dash(t)]
    if len(closing) != 1:
        return src
    # (Token.sent re-scans the doc's sentence marks on every call; walk back to the start instead)
    first = src.i
    while first > 0 and not src.doc[first].is_sent_start:
        first -= 1
    opened = sum(1 for t in src.doc[first:src.i] if is_dash(t))
    if opened % 2 == 0:
        return src
    after = [c for c in src.children if c.dep_ == "appos" and closing[0].i < c.i < verb.i]
    return after[0] if after else src


def apposed_name(desc: "Token") -> "Token | None":
    """The person's name in apposition to a description: "state Del. Marcia Pryor shouted", "The
    Slate columnist David Auerbach said", "The Podesta Group's CEO, Kimberley Fritts, said" -- the
    parse makes the description (a title the tagger may call a proper noun) the subject and the
    name its apposition. None when ``desc`` is a person's name itself or has no such apposition."""
    if not (desc.pos_ == "NOUN" or (desc.pos_ == "PROPN" and desc.ent_type_ != "PERSON")
            or desc.ent_type_ == "CARDINAL" and _described_person(desc)):  # "One of her aides, Ann Ruiz,"
        return None
    def person_appos(c: "Token") -> bool:
        return c.dep_ == "appos" and c.i > desc.i and c.pos_ == "PROPN" and any(
            t.ent_type_ == "PERSON" for t in c.subtree if t.i <= c.i)
    found = next((c for c in desc.children if person_appos(c)), None)
    if found is None:
        # 'the senator from Ohio, Maria Gonzalez, said': the parse hangs the name on "Ohio"; a name
        # in apposition that ends the description names whoever the description is
        found = next((t for t in desc.subtree if t.head is not desc and person_appos(t)
                      and t.right_edge.i == desc.right_edge.i), None)
    return found


def _name_ending_phrase(verb: "Token") -> "Token | None":
    """The last word of a PERSON name that ends the noun phrase right after ``verb``, when a
    description comes before the name in that phrase; else None."""
    doc = verb.doc
    j = verb.i + 1
    while j < len(doc) and j - verb.i <= 12 and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ", "DET")
                                                  or doc[j].text in ("-", "–")):
        j += 1
    last = doc[j - 1] if j - 1 > verb.i else None
    if last is None or last.ent_type_ != "PERSON" or not last.text[:1].isupper():
        return None
    start = last.i
    while start > verb.i + 1 and doc[start].ent_iob_ == "I":
        start -= 1  # back to the first word of the name
    if doc[verb.i + 1].pos_ == "DET" and any(t.pos_ == "CCONJ" for t in doc[verb.i + 1:start]):
        return None  # "said the mayor and Governor Jo Park": two people, not a title and a name
    return last if start > verb.i + 1 and last.i > start else None


def _left_name(verb: "Token") -> "Token | None":
    """'“…,” Conway notes.' -- the parse leaves the name unattached: a name or he/she right
    before the verb, right after a quotation or a comma, is its subject."""
    doc = verb.doc
    if verb.i < 2:
        return None
    left = doc[verb.i - 1]
    if _name_read_as_modal(left, verb):
        return left
    if left.pos_ == "PROPN" or left.lower_ in ("he", "she"):
        start = left.i
        while start - 1 >= 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start > 0 and doc[start - 1].text in (",", "”", '"', "''", "’", "'"):
            return left
    return None


def _name_read_as_modal(left: "Token", verb: "Token") -> bool:
    """'…, Will described Trump as …' / 'Will claims the speech …' / 'May said': a capitalised
    "Will" or "May" tagged a modal right before a verb in the past, the participle or the third
    person present, which no modal can precede: it is a name."""
    return (left.tag_ == "MD" and left.text in ("Will", "May") and verb.tag_ in ("VBD", "VBZ", "VBN")
            and verb.text[:1].islower())


def _described_person(tok: "Token") -> bool:
    """'the 46-year-old' is a person the parse tags as a DATE; 'Saturday' is not. 'One of her
    former supporters', 'two of the aides': a number with "of" and a plural noun are people."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children):
        return True
    return tok.ent_type_ == "CARDINAL" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")
                                                        for o in c.children) for c in tok.children)


def inverted_subject(verb: "Token") -> "Token | None":
    """'“…,” said Ohio State University professor Paul Beck': the speaker follows the verb.

    Only right after a quotation that opens its sentence: in 'Washington, star of “Scandal,”
    thanked Obama' or 'Cohen, Democrat of Tennessee, told Mr. Obama' the words after the verb
    are its object, and the speaker stands before it."""
    if not _after_opening_quotation(verb):
        return None
    found = None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "nsubj", "appos", "dative") and child.pos_ in (
                "PROPN", "NOUN") and (child.ent_type_ not in NOT_SPEAKER_ENTS or _described_person(child)):
            if found is not None and any(t.text in (",", ";", ":", "(", "—", "–") for t in
                                         verb.doc[found.right_edge.i + 1:child.left_edge.i]):
                break
            # 'mused Blaze co-host Stu Burguiere' parsed as two objects: the name ends the phrase
            found = child
            continue
        if found is not None or child.dep_ not in ("punct", "prt", "advmod"):
            break
    return found


# A close mark and the open marks that pair with it (the tokenizer keeps '' and `` whole).
OPEN_FOR_CLOSE = {"”": ("“", "„"), '"': ('"',), "''": ("''", "``"), "’": ("‘",), "'": ("'",), "»": ("«",)}
MAX_QUOTE_TOKENS = 400  # tokens scanned back from a close mark for its open mark
SENTENCE_BREAKS = (".", "?", "!", ":", "—", "–")


def _skip_blanks_back(doc: "Doc", i: int) -> int:
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    return i


def _after_opening_quotation(verb: "Token") -> bool:
    """The verb follows a close mark (“…,” said / “…” — said), and the quotation that mark
    closes opens its sentence or paragraph (nothing but punctuation between a break and it)."""
    doc = verb.doc
    i = _skip_blanks_back(doc, verb.i - 1)
    if i >= 0 and doc[i].text in (",", "—", "–"):
        i = _skip_blanks_back(doc, i - 1)
    if i < 0 or doc[i].text not in OPEN_FOR_CLOSE:
        return False
    opens = OPEN_FOR_CLOSE[doc[i].text]
    for j in range(i - 1, max(-1, i - MAX_QUOTE_TOKENS), -1):
        if "\n" in doc[j].text:
            return False  # no open mark in this paragraph
        if doc[j].text in opens:
            for k in range(j - 1, -1, -1):
                tok = doc[k]
                if "\n" in tok.text or tok.text in SENTENCE_BREAKS:
                    return True
                if not (tok.is_punct or tok.is_space):
                    return False
            return True
    return False


#: Passive verbs whose subject is the speaker: "X was quoted as saying", "was heard saying".
PASSIVE_SPEAKER_VERBS = {"quote", "hear", "overhear", "record", "film", "catch", "cite"}


def _find_source(verb: "Token") -> "Token | None":
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl") and lemma_in(verb, TELL_ASK) \
            and not any(c.dep_ in ("auxpass", "aux", "nsubj", "nsubjpass") for c in verb.children):
        # "Asked whether she would run, Park said …": the participle's subject is the one asked
        # (the listener), so the question is not Park's words
        return None
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        seen += 1
        for child in tok.children:
            if child.dep_ == "agent":  # "was told by X" -> X
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        # the subject nearest the verb first: in '“… Michigan, Ohio,” Mr. Trump said' the parse
        # gives "said" two subjects, one of them inside the quotation
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in SUBJECT_DEPS:
                if child.dep_ == "nsubjpass" and tok is verb and child.lower_ != "it" \
                        and not lemma_in(tok, PASSIVE_SPEAKER_VERBS):
                    # "he was told that ...": the subject is the listener; "the novel is described
                    # as “…”", "the mayor was called “…”": what is spoken of. The subject speaks in
                    # "was quoted as saying", and in "is reported to have called" (reached from
                    # "called"); "it was reported that …" keeps its "it", an unknown source
                    return None
                if child.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                    return tok.head  # "Price, who said ..." -> Price
                return child
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and (tok.head.pos_ == "PROPN" or tok.head.ent_type_ == "PERSON"):
            return tok.head  # "footage of Trump saying “…”" (not "the notion ..., saying")
        if tok.dep_ in INHERIT_DEPS and tok.head is not tok:
            # (after a comma, or after "and": 'tweeting that it was a “disaster” and asking, “…”'
            # is one person tweeting and asking, whatever clause the parse hangs "asking" on)
            participle = tok.tag_ == "VBG" and tok.i > 0 and (
                tok.doc[tok.i - 1].text == "," or tok.doc[tok.i - 1].pos_ == "CCONJ")
            tok = tok.head
            if tok.pos_ == "ADP" and tok.head is not tok:  # "he began by saying": by -> began
                tok = tok.head
            if participle:
                # 'a strategist said Clinton will have to choose, saying, “…”': a participle
                # after a comma belongs to the reporting clause, not to the clause it reports
                anc = tok
                for _ in range(4):
                    if anc.dep_ == "ccomp" and anc.head is not anc and lemma_in(anc.head, reporting_verbs()):
                        tok = anc.head
                        break
                    if anc.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or anc.head is anc:
                        break
                    anc = anc.head
            continue
        if tok.dep_ == "relcl":  # "the man who said" without an explicit relative pronoun
            return tok.head
        break
    return None


REFLEXIVES = {"himself", "herself", "itself", "themselves"}


def mention_range(head: "Token", cue: "Token | None" = None) -> tuple[int, int]:
    """Token range of the words naming a speaker: the head with its left modifiers and the
    compound or flat names around it, not its appositions or relative clauses; "of"/"for"
    phrases are kept for common nouns ("a spokesman for Disney").

    ``cue`` is the reporting word, when known: a relative clause holding it is the report
    ("a spokesman who said …"), any other one describes an unnamed source.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "preconj", "advmod"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        # "one Republican involved in the planning", "a person familiar with the talks": a
        # participle describes an unnamed source (a "Republican" with a determiner is one, and
        # so are "Democrats involved in the talks"); after a name it is news, not the name
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG", "JJ") and (
                head.pos_ != "PROPN" or head.ent_type_ == "NORP"
                or any(c.dep_ in ("det", "nummod") for c in head.lefts)):
            end = max(end, child.right_edge.i + 1)
            continue
        # "a prominent committee member who supports Trump", "the man who built his career on …":
        # an unnamed source is the whole description; a relative clause after a name is news
        if child.dep_ == "relcl" and _common_head(head) and _describing_clause(child, cue):
            end = max(end, child.right_edge.i + 1)
            continue
        # "their friends and advisers", "many experts and some lawmakers": a group of unnamed
        # sources is one mention (names are joined elsewhere: "Ortiz and Cole" is two people)
        conj = next((c for c in head.rights if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > child.i),
                    None) if child.dep_ == "cc" and head.pos_ == "NOUN" else None
        if conj is not None:
            end = max(end, conj.right_edge.i + 1)
            break
        # "the former secretary of state and current nominee": the parse hangs the "and" on the
        # "of" phrase and the second noun on the head; the two titles are one person's
        if child.dep_ == "conj" and child.pos_ == "NOUN" and head.pos_ == "NOUN" and (
                (child.left_edge.i == end and head.doc[end - 1].pos_ == "CCONJ")
                or (child.left_edge.i == end + 1 and head.doc[end].pos_ == "CCONJ")):
            end = child.right_edge.i + 1
            break
        # "Holt herself", "the company itself": the emphasis is part of the mention
        if child.lower_ in REFLEXIVES and child.i == end:
            end = child.i + 1
            continue
        if child.dep_ in MENTION_STOP_DEPS:
            break
        if child.dep_ == "prep" and head.pos_ == "PROPN" and child.lower_ != "of":
            break
        end = max(end, child.right_edge.i + 1)
    doc = head.doc
    # never past a comma, parenthesis or dash after the head ("one person ..., who spoke ...")
    for i in range(head.i + 1, end):
        if doc[i].text in (",", "(", "—", "–", ";", ":") or doc[i].is_space:
            end = i
            break
    # ... except inside a list of common nouns: "doctors, nurses and patients" speak as one group
    end = max(end, _noun_list_end(head))
    # "The newspaper, long a vocal advocate of school reform, said …": an unnamed source's
    # description set off by commas between it and its verb is part of it (a name's apposition
    # is a role, read by roles)
    if head.pos_ == "NOUN" and end < len(doc) and doc[end].text == ",":
        aside = next((c for c in head.rights if c.dep_ in ("relcl", "appos") and c.left_edge.i == end + 1), None)
        if aside is not None and not any(t.ent_type_ == "PERSON" for t in aside.subtree):
            if cue is not None and end < cue.i and aside.right_edge.i + 1 < cue.i \
                    and doc[aside.right_edge.i + 1].text == "," \
                    and (aside.dep_ == "appos" or _describing_clause(aside, cue)):
                end = aside.right_edge.i + 1
            elif (cue is None or cue.i < head.i) and aside.dep_ == "relcl" and _describing_clause(aside, cue):
                # “…,” said one voter, who asked not to be named: after an inverted cue, or
                # where no cue names the source ("One voter, who asked not to be named, was blunt:")
                end = aside.right_edge.i + 1
    # "said one longtime adviser to Bill Clinton": the parse often hangs the "to/for/of" phrase
    # of an inverted subject on the verb; a common-noun speaker takes it back
    if head.pos_ == "NOUN" and end < len(doc) and doc[end].lower_ in ("to", "for", "of", "at", "with") \
            and doc[end].head is not head and doc[end].head.i < head.i:
        stop = doc[end].right_edge.i + 1
        for i in range(end, stop):
            if doc[i].text in (",", "(", "—", "–", ";", ":"):
                stop = i
                break
        end = stop
    # (nor on a conjunction: "the former secretary of state and" is what a coordination the parse
    # split leaves; the words before "and" still name the speaker)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "case"
                               or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _noun_list_end(head: "Token") -> int:
    """End (token index) of a comma list of common nouns headed by ``head`` and closed by a
    conjunction ("parents, teachers, and students"), else 0. Names are never listed so ("Ortiz,
    Cole and Lee" are three people, joined elsewhere)."""
    def group(t: "Token") -> bool:  # a common noun, or a group by its name ("Democrats")
        return t.pos_ == "NOUN" or (t.ent_type_ == "NORP" and t.tag_ == "NNPS")

    if not group(head):
        return 0
    last, has_cc, tok = None, False, head
    while True:
        conj = next((c for c in tok.rights if c.dep_ == "conj"), None)
        has_cc = has_cc or any(c.dep_ == "cc" for c in tok.rights)
        if conj is None or not group(conj):
            break
        last = tok = conj
    if last is None or not has_cc or not any(t.text == "," for t in head.doc[head.i:last.i]):
        return 0
    # the last noun's own modifiers to its left, not its clauses or phrases
    return last.i + 1


#: Heads of a mention that stand for unnamed people as a common noun does: "one of the aides who
#: asked not to be named", "those who back her rivals".
QUANTIFIER_HEADS = {"one", "some", "many", "most", "few", "several", "those", "others", "all", "both",
                    "two", "three", "four", "five", "none", "anyone", "everyone", "someone", "somebody"}


def _common_head(head: "Token") -> bool:
    return head.pos_ == "NOUN" or head.lower_ in QUANTIFIER_HEADS


MAX_DESCRIBING_CLAUSE = 12  # tokens; a longer relative clause is a story of its own
#: ... unless the cue is known to lie outside it: then it can only be a description, and the
#: descriptions of anonymous sources run long ("a person who spoke on condition of anonymity
#: because he was not authorized to discuss the talks").
MAX_DESCRIBING_CLAUSE_OUTSIDE_CUE = 30


def _describing_clause(clause: "Token", cue: "Token | None" = None) -> bool:
    """A relative clause with no quotation that is not the report itself ("who said …" is a
    cue, not a description; "who spoke on condition of anonymity" describes the source)."""
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    toks = clause.doc[lo:hi]
    if any(t.is_quote or t.text in ("“", "”", "«", "»") for t in toks):
        return False
    if cue is not None:
        return not lo <= cue.i < hi and len(toks) <= MAX_DESCRIBING_CLAUSE_OUTSIDE_CUE
    return (len(toks) <= MAX_DESCRIBING_CLAUSE
            and not any(t.pos_ in ("VERB", "AUX") and lemma_in(t, reporting_verbs()) for t in toks))


def _trim_tokens(doc: "Doc", lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in "“\"‘'":
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "”\"’'":
        hi -= 1
    return (lo, hi) if hi > lo else None
