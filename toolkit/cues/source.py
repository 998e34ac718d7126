"""Who a reporting verb's speaker is, read off the dependency tree: subject, passive agent,
inverted subject ("“…,” said Jane Doe"), the antecedent of "who", a name after a dash."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import WRITTEN_SOURCES, lemma_in, reporting_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# A reporting verb that is a participle or coordinated verb takes its head's subject:
# "..., adding that ...", "he said X and warned that ...", "was quoted as saying".
INHERIT_DEPS = {"advcl", "conj", "xcomp", "pcomp", "acl"}

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
