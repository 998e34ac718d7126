"""Role phrases: tokens -> a role string as GUIDELINES.md writes it, and the word tests shared by
the scans before (before.py) and after (after.py) a name."""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from ...lexicon import (DETERMINERS, POSSESSIVE_PRONOUNS, evaluative_words, fold_name, given_names, is_honorific,
                        is_party_word, is_role_noun, is_title_word, possessive_suffix, title_words)
from .text import doc_text, tokens_text

# Tokens that end a noun phrase scanned rightwards from a name.
NP_STOP_WORDS = frozenset("who whom whose which that said says say told tells added and/or".split())
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
LOCATION_ENTS = frozenset({"GPE", "LOC"})
TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def token_word(tok: Token) -> str:
    """The hyphenated word a token belongs to: 'runner' -> 'front-runner', 'General' -> 'Secretary-General'."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and (doc[lo - 1].text == "-" or doc[lo].text == "-"):
        lo -= 1
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and (doc[hi + 1].text == "-" or doc[hi].text == "-"):
        hi += 1
    return doc[lo:hi + 1].text if hi > lo else tok.text


def is_plural_possessive(tok: Token) -> bool:
    """The apostrophe of a plural possessive: "workers' union", "the farmers’ association". It
    belongs to the phrase; any other quote mark ends it."""
    doc = tok.doc
    return tok.text in ("'", "\u2019") and tok.i > 0 and not doc[tok.i - 1].whitespace_ \
        and doc[tok.i - 1].lower_.endswith("s") and doc[tok.i - 1].pos_ in ("NOUN", "PROPN") \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def is_role_token(tok: Token) -> bool:
    return is_role_noun(token_word(tok)) or (tok.text != token_word(tok) and is_role_noun(tok.text)) \
        or _compound_role(tok)


# Title words that also end words naming things: "wheelchair", "mischief", "submarine", "autopilot".
_NOT_COMPOUND_HEADS = frozenset("chair chief marine pilot source speaker general member".split())


def _compound_role(tok: Token) -> bool:
    """A closed compound ending in a role word: "speechwriter", "neurosurgeon", "homeowner",
    "schoolteacher", "ringleader". Lower-case nouns only, and only on a role word of five letters
    or more after three or more of its own, so "remember" or "smoking" never count."""
    w = tok.text
    if tok.pos_ != "NOUN" or not w.isalpha() or not w.islower() or len(w) < 8:
        return False
    return any(w[k:] in title_words() and w[k:] not in _NOT_COMPOUND_HEADS for k in range(3, len(w) - 4))


def is_title_token(tok: Token) -> bool:
    return is_title_word(token_word(tok)) or (tok.text != token_word(tok) and is_title_word(tok.text))


def head_noun(toks: Sequence[Token]) -> Token | None:
    """The phrase's head noun: its syntactic root when that is a noun, else the last noun before
    its first preposition or participle (the parse of a phrase cut out of a sentence can be odd)."""
    ids = {t.i for t in toks}
    roots = [t for t in toks if (t.head.i not in ids or t.head.i == t.i)
             and (t.pos_ in ("NOUN", "PROPN") or is_role_token(t))]
    # several roots: "National Association of Home Builders chief economist"; a role noun among
    # them wins ("Speaker of the House", where "House" hangs on the next title)
    roots = [t for t in roots if is_role_token(t)] or roots
    if roots and not any(t.pos_ == "ADP" for t in toks[:toks.index(roots[-1])] if t.lower_ != "of"):
        return roots[-1]
    head = None
    for t in toks:
        if t.pos_ == "ADP" or (t.tag_ in ("VBG", "VBN") and head is not None and "-" not in t.text) or t.lower_ in ("who", "that"):
            break
        if t.pos_ in ("NOUN", "PROPN") or is_role_token(t):
            head = t
    return head


_AGE_WORD = re.compile(r"^\d+-(?:year|yr)s?-old$", re.IGNORECASE)


def singular(word: str) -> str:
    """'attorneys' -> 'attorney', 'secretaries' -> 'secretary', 'witnesses' -> 'witness', 'spokesmen' -> 'spokesman'."""
    low = word.lower()
    if low.endswith("men"):
        return word[:-2] + "an"
    if low.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if low.endswith("s") and not low.endswith("ss") else word


def is_plural_role(tok: Token) -> bool:
    """'candidates', 'hopefuls', 'attorneys': a plural of a role noun."""
    return tok.tag_ in ("NNS", "NNPS") and tok.text[1:].islower() and is_role_noun(singular(tok.text.lower()))


def clean_role(toks: Sequence[Token], need_title: bool = True, plural: bool = False) -> str | None:
    """Token run -> role string per GUIDELINES.md, or None when it does not name a role. A plural
    head is a role only with ``plural`` (a role shared by a list of names: "Democratic candidates")."""
    toks = _whole_words(toks)
    # "her campaign manager" is "Clinton’s campaign manager" (GUIDELINES.md): the owner a leading
    # "his" or "her" refers to, when one person plainly is; any other possessive pronoun goes
    owner = possessive_owner(toks[0]) if toks and toks[0].tag_ == "PRP$" else None
    toks = [t for t in toks if not (is_honorific(t.text) or t.tag_ == "PRP$" and t.lower_ in POSSESSIVE_PRONOUNS
                                    or _AGE_WORD.match(token_word(t)))]  # age is not a role: "44-year-old"
    role = _clean_role(toks, need_title, plural)
    # in the article's own apostrophe, as the roles of unnamed sources ("Berg's deputy")
    return owner + possessive_suffix(doc_text(toks[0].doc)) + " " + role if owner and role else role


_PRONOUN_GENDER = {"his": "m", "her": "f"}


def possessive_owner(tok: Token) -> str | None:
    """The surname "his" or "her" refers to: the proper-noun subject of its clause (see
    _clause_subject), else the one person the recognizer names in its sentence before it and in
    the sentence before, leaving out the person the phrase itself describes
    ("Robby Mook, her campaign manager") and anyone whose given name is of the other gender; None
    when no one or more than one is named there (the nearest is often not the one meant: "… criticized
    Sanders. Her campaign manager, …" after "Clinton's rhetoric")."""
    gender = _PRONOUN_GENDER.get(tok.lower_)
    if gender is None:
        return None
    subject = _clause_subject(tok)
    if subject is not None:
        return subject
    doc = tok.doc
    sent = tok.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    k = tok.i - 1
    if k >= 0 and doc[k].text in (",", "\u2014", "\u2013", "("):
        k -= 1  # an apposition: the name right before it is the holder, not the owner
        while k >= lo and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ != "B":
            k -= 1
        k -= 1
    owners = set()
    while k >= lo:
        if doc[k].ent_type_ == "PERSON" and doc[k].text[:1].isupper():
            end = k
            while k > lo and doc[k].ent_iob_ != "B":
                k -= 1
            words = [t.text for t in doc[k:end + 1]]
            said = given_names().get(fold_name(words[0])) if len(words) > 1 else None
            if said in (None, gender):
                last = doc[end].text
                owners.add(last[:-2] if last.endswith(("'s", "\u2019s")) else last)
        elif _maybe_surname(doc[k]) and (k == 0 or given_names().get(fold_name(doc[k - 1].text)) in (None, gender)):
            owners.add(doc[k].text)  # a surname the recognizer mislabels may be the one meant
        k -= 1
    return owners.pop() if len(owners) == 1 else None


def _clause_subject(tok: Token) -> str | None:
    """'Curts is getting help from her friend, …': the proper-noun subject of the verb whose
    object or complement holds the possessive is whom it refers to (as "Graham defended his
    record"), unless the phrase describes that subject itself ("Mook, her campaign manager, said")."""
    h = tok.head
    for _ in range(5):
        if h.pos_ in ("VERB", "AUX") or h.head.i == h.i:
            break
        h = h.head
    if h.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.text.isupper() \
            or subj.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC", "DATE") or tok.i in {t.i for t in subj.subtree}:
        return None
    given = [t for t in subj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    said = given_names().get(fold_name(given[0].text)) if given else None
    if said not in (None, _PRONOUN_GENDER[tok.lower_]):
        return None
    return subj.text[:-2] if subj.text.endswith(("'s", "\u2019s")) else subj.text


def _maybe_surname(tok: Token) -> bool:
    """A capitalised proper noun alone, untagged or tagged a body on its own ("Sanders" as ORG)."""
    doc = tok.doc
    alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    # (a sentence's first word is capitalised anyway, unless the parse cut a name there: "Pavel | Novak")
    opens = tok.is_sent_start and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha() and not opens \
        and (tok.ent_type_ == "" or tok.ent_type_ in ("ORG", "NORP") and alone)


def _clean_role(toks: Sequence[Token], need_title: bool, plural: bool) -> str | None:
    # a leading number goes ("one senior diplomat"), an ordinal stays ("first deputy minister")
    while toks and (t0 := toks[0]) and (t0.lower_ in DETERMINERS or (t0.like_num and t0.whitespace_ and t0.tag_ == "CD")
                                        or t0.pos_ in ("ADP", "CCONJ", "PUNCT")
                                        # "Even Microsoft CEO", "now a consultant": an adverb is no part of a
                                        # role, but "then" and "formerly" date it
                                        or t0.pos_ == "ADV" and t0.lower_ not in ("then", "formerly", "once")
                                        and len(toks) > 1 and t0.whitespace_):  # "Best-selling" stays
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("ADP", "CCONJ", "DET")):
        toks = toks[:-1]
    if len(toks) > 2 and toks[0].lower_ in ("then", "former", "formerly", "once") and toks[1].lower_ in DETERMINERS:
        toks = [toks[0]] + toks[2:]  # "then a senior aide" -> "then senior aide"
    toks = drop_trailing_location(toks)
    while len(toks) > 1 and toks[-1].ent_type_ in TIME_ENTS and toks[-1].tag_ != "CD" or (
            len(toks) > 2 and toks[-1].ent_type_ in TIME_ENTS and toks[-2].ent_type_ in TIME_ENTS):
        toks = toks[:-1]  # "ambassador to Brazil last year"
    toks = [
        t for k, t in enumerate(toks)
        # an evaluative word goes only as a modifier: "veteran Democratic strategist", not the head
        # of "a two-decade veteran of the rules committee"
        if not (k < len(toks) - 1 and toks[k + 1].pos_ != "ADP"
                and (t.lower_ in evaluative_words()
                     or t.lower_ in ("most", "more", "very") and toks[k + 1].lower_ in evaluative_words()))
    ]
    if not toks:
        return None
    head = head_noun(toks)
    if plural and head is not None and is_plural_role(head):
        pass
    elif head is None or head.tag_ in ("NNS", "NNPS") and not is_title_token(head):
        return None
    if need_title and not is_role_token(head) and not (plural and is_plural_role(head)):
        return None
    if not need_title and not is_role_token(head) and not (
        head.tag_ == "NN" and head.text.islower() and head.lower_ not in _NOT_PERSON_HEADS and not is_party_word(head.text)
    ):
        return None
    if all(is_party_word(t.text) or t.ent_type_ == "NORP" or t.ent_type_ in LOCATION_ENTS for t in toks if not t.is_punct):
        return None  # "Democrat", "Nevada Democrat", "French": party, nationality or place alone
    return tokens_text(toks)


def _whole_words(toks: Sequence[Token]) -> list[Token]:
    """A run cut inside a hyphenated word is widened to the whole word: 'the co' -> 'the co-founder'."""
    toks = list(toks)
    if not toks:
        return toks
    doc = toks[0].doc
    while toks[-1].i + 2 < len(doc) and not toks[-1].whitespace_ and doc[toks[-1].i + 1].text == "-" \
            and not doc[toks[-1].i + 1].whitespace_ and doc[toks[-1].i + 2].is_alpha:
        toks += [doc[toks[-1].i + 1], doc[toks[-1].i + 2]]
    return toks


# Singular nouns that can follow "Name, a/the ..." without describing the person ("Smith, a day after ...").
_NOT_PERSON_HEADS = frozenset(
    "day week month year time moment morning afternoon evening night weekend decade century point way "
    "thing fact issue statement interview letter report email speech event meeting case story reason result "
    "number percent lot bit part kind sort move step decision vote bill law plan idea question answer "
    "matter subject topic problem process lawsuit native resident citizen "
    # things, not people: "Yves Rocher, a global beauty brand", "Amped, a gripping novel"
    "brand company firm business organization organisation group institution agency book novel memoir "
    "film movie show series album song platform app tool website site service product study paper".split()
)


_PLACE_PREPS = frozenset(["from", "in", "of"])
# "nurse for 20 years", "voter prior to 2008", "aide until 2019"
_TIME_PREPS = frozenset(["for", "since", "in", "before", "after", "until", "during", "prior", "from"])


def drop_trailing_location(toks: list[Token]) -> list[Token]:
    """'representative from Texas' -> 'representative'; 'dietitian based in Chicago' -> 'dietitian';
    'nurse for 20 years' -> 'nurse' (GUIDELINES.md: locations that merely follow the role are dropped)."""
    for k, t in enumerate(toks):
        if k and t.lower_ in _PLACE_PREPS | _TIME_PREPS and k + 1 < len(toks):
            obj = [u for u in toks[k + 1:] if not u.is_punct and u.lower_ not in ("the", "to")]
            place = t.lower_ in _PLACE_PREPS and all(u.ent_type_ in LOCATION_ENTS for u in obj)
            time = t.lower_ in _TIME_PREPS and all(u.ent_type_ in TIME_ENTS for u in obj)
            if obj and (place or time):
                cut = k - 1 if toks[k - 1].lower_ in ("based", "located") else k
                return toks[:cut]
    return toks
