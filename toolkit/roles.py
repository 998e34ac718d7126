"""Roles: what the article says a speaker is, and titles split from names (pipeline stage 6).

A role is taken only from the article's own words (GUIDELINES.md in the roles gold set):
- a title or pre-modifier before the name: "National Security Council spokesman Ned Price";
- an apposition after it: "Price, a spokesman for the State Department";
- a relative clause: "Smith, who chairs the committee" / "Deace, who was named a leader of ...";
- an affiliation: "Joel Pollak of Breitbart California";
- a nominal mention that is itself a role: "the Vermont senator", "one senior diplomat".
Wording follows the article minus a leading determiner, evaluative adjectives, possessive
pronouns, honorifics, trailing locations and party tags. Age, home town, nationality and party
label alone are not roles. The prime rule holds here too: a wrong role is worse than none, so
every source must end in a role noun (data/role_titles.txt, or an agent-noun ending).
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from .roles_lexicon import (
    DETERMINERS,
    HONORIFICS,
    NAME_SUFFIXES,
    POSSESSIVE_PRONOUNS,
    evaluative_words,
    is_honorific,
    is_name_word,
    is_party_word,
    is_possessive,
    is_role_noun,
    is_title_word,
    name_start,
    strip_name,
)
from .roles_text import Word, body_zones, tokens_text, words_of
from .types import Span

__all__ = [
    "HONORIFICS", "is_title_word", "strip_name", "split_title", "mention_roles", "speaker_role",
]

# Tokens that end a noun phrase scanned rightwards from a name.
_NP_STOP_WORDS = frozenset("who whom whose which that said says say told tells added and/or".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_LOCATION_ENTS = frozenset({"GPE", "LOC"})
_TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Verbs of a "who" clause that state a function ("who chairs the committee"), not an act ("who told Congress").
_ROLE_VERBS = frozenset(
    "chair chairs chaired head heads headed lead leads led run runs ran manage manages managed direct "
    "directs directed oversee oversees oversaw found founded co-founded own owns owned host hosts hosted "
    "represent represents represented teach teaches taught cover covers covered advise advises advised "
    "serve serves served work works worked coach coaches coached edit edits edited study studies studied "
    "chaired co-chairs co-chaired anchor anchors anchored".split()
)
_BE_FORMS = frozenset("is was are were 's has have had been be being".split())
_APPOINTED = frozenset("named appointed elected chosen hired tapped picked selected nominated".split())
MAX_PREFIX_TOKENS = 12  # a title before a name rarely runs longer; "Arjay and Frances Miller Chair ..." comes after


def _word(tok: Token) -> str:
    """The hyphenated word a token belongs to: 'runner' -> 'front-runner', 'General' -> 'Secretary-General'."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and (doc[lo - 1].text == "-" or doc[lo].text == "-"):
        lo -= 1
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and (doc[hi + 1].text == "-" or doc[hi].text == "-"):
        hi += 1
    return doc[lo:hi + 1].text if hi > lo else tok.text


def _role_tok(tok: Token) -> bool:
    return is_role_noun(_word(tok)) or (tok.text != _word(tok) and is_role_noun(tok.text))


def _title_tok(tok: Token) -> bool:
    return is_title_word(_word(tok)) or (tok.text != _word(tok) and is_title_word(tok.text))


# ----------------------------------------------------------------------------- split_title
def split_title(doc: Doc, mention: Span) -> tuple[Span | None, Span]:
    """Split a person mention into its title (or None) and the bare name.

    'National Security Council spokesman Ned Price' -> ('National Security Council spokesman', 'Ned Price');
    'Sen. Ted Cruz (R-Texas)' -> ('Sen.', 'Ted Cruz'); 'Mr. Trump' -> (None, 'Trump'): honorifics are dropped,
    they are not titles. A mention with no title, or no name part at all ('the minister'), gives (None, mention).
    A prefix that is only a party label ('Democrat Hillary Clinton') is cut from the name but is not a title.
    """
    words = _mention_words(doc, mention)
    if not words:
        return None, mention
    i = name_start([w.text for w in words])
    if i >= len(words):
        return None, mention
    last = words[-1]
    end = last.end - _possessive_len(last.text)
    name = Span(words[i].start, end)
    title = _trim_title(words[:i])
    if not title or all(is_party_word(w.text) for w in title):
        return None, name
    return Span(title[0].start, title[-1].end), name


def _mention_words(doc: Doc, mention: Span) -> list[Word]:
    """The mention's words without a trailing parenthesis ('(R-Texas)') or punctuation."""
    words = words_of(doc, mention.start, mention.end)
    for k, w in enumerate(words):
        if w.text.startswith("("):
            words = words[:k]
            break
    while words and all(not c.isalnum() for c in words[-1].text):
        words.pop()
    return words


def _possessive_len(text: str) -> int:
    if len(text) > 2 and text[-2] in "'\u2019" and text[-1] in "sS":
        return 2
    return 1 if text.endswith(("'", "\u2019")) and len(text) > 1 else 0


def _trim_title(words: Sequence[Word]) -> list[Word]:
    out = list(words)
    while out and (out[0].text.lower() in DETERMINERS or is_honorific(out[0].text)):
        out.pop(0)
    while out and is_honorific(out[-1].text):
        out.pop()
    return out


# ----------------------------------------------------------------------------- mention_roles
def mention_roles(doc: Doc, mention: Span) -> list[str]:
    """Every role the text states at this one mention of a person, nearest first (see module doc)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    if all(t.pos_ == "PRON" for t in span if not t.is_punct):
        return []
    title, name = split_title(doc, mention)
    if name == mention and not _has_name(doc, mention):
        role = _nominal_role(span)
        return [role] if role else []
    name_toks = doc.char_span(name.start, name.end, alignment_mode="expand")
    if name_toks is None:
        return []
    first = _name_start_token(doc, name_toks[0].i) if title is None else span[0].i
    roles: list[str] = []
    roles += _prefix_roles(doc, first, span.end, title)
    roles += _pre_apposition(doc, name_toks)
    roles += _named_role(doc, first)
    roles += _roles_after(doc, span.end)
    out: list[str] = []
    for r in roles:
        if r and r not in out:
            out.append(r)
    return out


def _name_start_token(doc: Doc, i: int) -> int:
    """A surname mention ('Sanders') widened to the full name written around it ('Sen. Bernie Sanders'),
    so the title before the first name is found."""
    for _ in range(3):
        prev = doc[i - 1] if i > 0 else None
        if prev is None or prev.whitespace_ == "" or prev.is_space or not is_name_word(prev.text):
            break
        if prev.ent_type_ != "PERSON" or doc[i].ent_iob_ != "I":
            break  # only within one PERSON entity: "former Secretary of State Hillary Clinton" stops at "Hillary"
        i -= 1
    return i


def _has_name(doc: Doc, mention: Span) -> bool:
    words = _mention_words(doc, mention)
    return name_start([w.text for w in words]) < len(words)


def _prefix_roles(doc: Doc, first_tok: int, name_end: int, title: Span | None) -> list[str]:
    """Titles written before the name: inside the mention (``title``) and just left of it."""
    toks = _left_extension(doc, first_tok, name_end)
    if title is not None:
        tspan = doc.char_span(title.start, title.end, alignment_mode="expand")
        if tspan is not None:
            toks += list(tspan)
    if not toks:
        return []
    if toks[-1].tag_ == "POS" and not any(_role_tok(t) for t in toks):
        # "The Post’s Robert Costa" -> "of The Post" (GUIDELINES.md), for an organisation only
        owner = [t for t in toks[:-1] if t.lower_ != "the"]
        if owner and all(t.ent_type_ == "ORG" for t in owner):
            return ["of " + tokens_text(owner)]
        return []
    roles = []
    for group in _split_stacked(toks):
        role = _clean_role(group, need_title=True)
        if role:
            roles.append(role)
    return roles


def _left_extension(doc: Doc, first_tok: int, name_end: int) -> list[Token]:
    """Tokens just before the mention that belong to its title: 'Moscow’s UN Ambassador' before 'Vitaly Churkin'.

    Stops at anything that cannot sit inside a pre-name title: a verb, a determiner, most prepositions,
    punctuation other than an attached hyphen, a date, a sentence start. Then keeps only the tokens the
    parse attaches to the name (so 'a close friend of Mrs. Clinton' gives nothing for Clinton).
    """
    out: list[Token] = []
    i = first_tok - 1
    if i < 0 or doc[first_tok].is_sent_start:
        return out
    while i >= 0 and len(out) < MAX_PREFIX_TOKENS:
        t = doc[i]
        right = out[0] if out else doc[first_tok]
        if "\n" in t.text or t.ent_type_ in _TIME_ENTS:
            break
        if t.is_space:  # a no-break space between title and name
            i -= 1
            continue
        if t.tag_ == "POS" or (t.text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_):
            out.insert(0, t)
        elif t.lower_ in ("of", "and", "&") and out and i > 0 and _joins_title(
                doc[i - 1], next((u for u in out if u.lower_ != "the"), right), t.lower_):
            out.insert(0, t)  # "Secretary of State John Kerry", "Co-Owner and Lead Planner Erica Vanco"
        elif t.lower_ == "the" and out and i > 0 and (doc[i - 1].lower_ == "of" or right.lower_ in ("rev.", "reverend")):
            out.insert(0, t)  # "Speaker of the House Rep. Paul Ryan", "Vatican spokesman the Rev. Federico Lombardi"
        elif t.tag_ == "PRP$":
            out.insert(0, t)  # "her campaign manager Robby Mook": kept only to be dropped later
            break
        elif t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.tag_ == "VBN" and "-" in t.text):
            if t.lower_ in DETERMINERS:
                break
            out.insert(0, t)
        else:
            break
        if t.is_sent_start:
            break
        i -= 1
    return _attached(doc, out, first_tok, name_end)


def _joins_title(left: Token, right: Token, word: str) -> bool:
    """'of'/'and' inside a title: 'Secretary of State', 'National Association of Home Builders',
    'Co-Owner and Lead Planner' (both sides capitalised, or a title word on the left)."""
    if is_honorific(right.text):
        return False
    if not right.text[:1].isupper():
        # "labor leader and civil rights activist Dolores Huerta"
        return word != "of" and _title_tok(left)
    if word == "of":
        return _title_tok(left) or left.text[:1].isupper()
    return _title_tok(left)


def _attached(doc: Doc, ext: list[Token], first_tok: int, name_end: int) -> list[Token]:
    """Keep the right-hand run of ``ext`` whose tokens the parse hangs on the name (or the name on them).

    The title words themselves are trusted when the parse disagrees (spaCy sometimes makes
    'spokesman' the head with the name as its apposition); other words must attach.
    """
    if not ext:
        return ext
    region = range(ext[0].i, name_end)
    keep: list[Token] = []
    for t in reversed(ext):
        h, steps = t, 0
        while h.i in region and h.i < first_tok and h.head.i != h.i and steps < 20:
            h, steps = h.head, steps + 1
        ok = h.i >= first_tok and h.i in region
        owner = bool(keep) and keep[0].tag_ == "POS"  # "Sullivan’s lawyer": the possessor stays with its "’s"
        trusted = _title_tok(t) or t.tag_ == "POS" or t.is_punct or t.lower_ in ("and", "&", "of") or owner
        if not ok and not trusted:
            # a modifier that hangs outside the name's phrase ("friend" in "a close friend of Mrs. Clinton")
            break
        keep.insert(0, t)
    # "of" without its left side ("friend of") is not a title
    while keep and (keep[0].lower_ in ("of", "and", "&") or keep[0].is_punct or keep[0].tag_ == "POS"):
        keep.pop(0)
    return keep


def _split_stacked(toks: list[Token]) -> list[list[Token]]:
    """'Republican vice-presidential nominee Gov.' -> ['Republican vice-presidential nominee', 'Gov.'].

    A new title starts at a capitalised word after a lower-case title word ('nominee Gov.'), or at a
    title word when the group already holds one and the word just before is not a title
    ('Speaker of the House Rep.'); GUIDELINES.md: the first one written is the primary role.
    'Attorney General', 'Lt. Gov.' and 'deputy press secretary' stay whole.
    """
    groups: list[list[Token]] = [[]]
    for k, t in enumerate(toks):
        prev = toks[k - 1] if k else None
        if prev is not None and groups[-1] and prev.whitespace_ and t.text[:1].isupper():
            after_lower_title = _title_tok(prev) and prev.text[:1].islower()
            second_title = (_title_tok(t) and not _title_tok(prev)
                            and any(_title_tok(u) for u in groups[-1])
                            and not any(u.lower_ in ("and", "&") for u in groups[-1]))
            if after_lower_title or second_title:
                groups.append([])
        groups[-1].append(t)
    return [g for g in groups if g]


def _pre_apposition(doc: Doc, name: SpacySpan) -> list[str]:
    """'Her campaign manager, Robby Mook, ...': the name is an apposition of a role noun before it."""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= name.start or not _role_tok(head):
        return []
    if not any(t.text == "," for t in doc[head.i + 1:name.start]):
        return []
    comma = next(t.i for t in doc[head.i + 1:name.start] if t.text == ",")
    start = head.left_edge.i
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start].text == "-"):
        start -= 1  # "Co-Founder": the parse may hang only "Founder" on the name
    role = _clean_role(list(doc[start:comma]), need_title=True)
    return [role] if role else []


def _of_affiliation(doc: Doc, i: int, roles: list[str]) -> int:
    """'Joel Pollak of Breitbart California' is an affiliation; 'Marco Rubio of Florida' is a home state.
    Appends the role, returns the index after the phrase."""
    phrase = _np_after(doc, i + 1)
    org = _drop_trailing_location([doc[i]] + phrase)[1:]
    if org and not all(t.ent_type_ in _LOCATION_ENTS or t.lower_ == "the" for t in org) and org[-1].text[:1].isupper():
        roles.append("of " + tokens_text(org))
    return i + 1 + len(phrase)


def _named_role(doc: Doc, first_tok: int) -> list[str]:
    """'a mathematician named Hannah Cairo' -> 'mathematician'."""
    i = first_tok - 1
    if i < 1 or doc[i].lower_ not in ("named", "called"):
        return []
    toks: list[Token] = []
    j = i - 1
    while j >= 0 and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[j].is_punct and len(toks) < 8:
        toks.insert(0, doc[j])
        j -= 1
    role = _clean_role(toks, need_title=True)
    return [role] if role else []


def _roles_after(doc: Doc, i: int) -> list[str]:
    """Roles written after the name: '(R-Texas)' skipped, 'of ORG', ', a spokesman for X', ', who chairs Y'."""
    roles: list[str] = []
    n = len(doc)
    # "Brent Bozell III, founder of ...", "William F. Buckley, Jr., the author": the suffix is part of the name
    if i + 1 < n and doc[i].text == "," and doc[i + 1].lower_ in NAME_SUFFIXES:
        i += 2
    elif i < n and doc[i].lower_ in NAME_SUFFIXES:
        i += 1
    if i < n and doc[i].text == "(":  # party tag or state: "(R-Mo.)" is dropped, never a role
        while i < n and doc[i].text != ")" and "\n" not in doc[i].text:
            i += 1
        i += 1
    if i < n and doc[i].tag_ == "POS":
        return roles
    if i + 1 < n and doc[i].lower_ == "of":
        i = _of_affiliation(doc, i, roles)
    if i < n and doc[i].text == ",":
        i += 1
        # ", 34," — an age is not a role; ", R.D., MS, RDN," — credentials are skipped too
        while i + 1 < n and doc[i].text in ("R", "D", "I") and doc[i + 1].text == "-":
            # ", R-Ohio," — a party tag is dropped, never a role
            while i < n and doc[i].text != "," and not doc[i].is_sent_start:
                i += 1
            i += 1
        while i + 1 < n and (doc[i].like_num or _is_credential(doc[i])) and doc[i + 1].text in (",", "and"):
            i += 2
        if i < n and (doc[i].like_num or _is_credential(doc[i])):
            i += 1
        if i < n and doc[i].lower_ in ("is", "was", "and"):
            i += 1  # "Scott Keatley, R.D., is co-owner of ..."; "MS, RD, CPT, and founder of ..."
        if i + 1 < n and doc[i].lower_ == "of" and doc[i + 1].text[:1].isupper():
            i = _of_affiliation(doc, i, roles)  # "Jane Doe, of Doe Gardens, says"
        phrase = _np_after(doc, i) if i < n and doc[i].lower_ not in ("who", "whose") else []
        if phrase and _starts_noun_phrase(phrase[0]):
            for part in _split_and(phrase):
                # "Tina Brown, the journalist": a determiner marks an apposition, so a descriptor
                # outside the lexicon ("a former All-Star pitcher") is a role there too
                role = _clean_role(part, need_title=part[0].lower_ not in ("a", "an", "the"))
                if role:
                    roles.append(role)
            i += len(phrase)
            if i < n and doc[i].text == ",":
                i += 1
    elif i < n and doc[i].lower_ in ("is", "was") and i + 1 < n and doc[i + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        # "Keri Gans is author of ...": a copula right after the name states what the person is,
        # but not "was the first candidate to weigh in" (a superlative or an infinitive is an event)
        phrase = _np_after(doc, i + 1)
        if phrase and not any(t.tag_ in ("JJS", "RBS") or t.lower_ in _RANK_WORDS or t.tag_ == "TO" for t in phrase):
            role = _clean_role(phrase, need_title=True)
            if role:
                roles.append(role)
        return roles
    if i < n and doc[i].lower_ == "who":
        role = _who_clause(doc, i + 1)
        if role:
            roles.append(role)
    return roles


_RANK_WORDS = frozenset("first only last second third next sole".split())
# Adverbs that may open an apposition: "Jane Doe, then a senior aide", "now a lobbyist".
_APPOS_ADVERBS = frozenset("then now formerly currently also once still".split())


def _starts_noun_phrase(tok: Token) -> bool:
    """An apposition starts like a noun phrase, not like a clause ("Trump, saying the nominee ...").

    A verb-tagged first word is fine before a noun ("registered dietitian", "lead planner",
    "managing director"); before anything else it opens a clause.
    """
    if tok.lower_ in _APPOS_ADVERBS:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.tag_.startswith("VB") or tok.tag_ == "MD":
        return _title_tok(tok) or (nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN"))
    # "Kohane, MD, as a course director" and "Doe, and founder of X" are fine: _clean_role drops
    # the leading preposition or conjunction
    return tok.tag_ not in ("WDT", "WP", "WRB", "PRP", "TO", "EX")


def _is_credential(tok: Token) -> bool:
    """'R.D.', 'RDN', 'MS', 'Ph.D.', 'M.D.', 'CPT': letters after a name, not a role by themselves."""
    letters = tok.text.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and (letters.isupper() or tok.text in ("Ph.D.", "PhD"))


def _np_after(doc: Doc, i: int) -> list[Token]:
    """Tokens from ``i`` up to the end of a noun phrase: the next comma, clause word or finite verb."""
    out: list[Token] = []
    while i < len(doc):
        t = doc[i]
        if out and t.is_sent_start:
            break
        if t.is_punct and t.text not in ("-", "'", "\u2019", "&") and t.tag_ != "HYPH":
            break
        if "\n" in t.text or t.lower_ in _NP_STOP_WORDS or t.tag_ in _FINITE_TAGS or t.pos_ == "AUX":
            break
        if out and t.tag_ == "PRP":
            break  # a relative clause without "who": "an author she's already familiar with"
        if t.is_quote:
            break
        out.append(t)
        i += 1
    return out


def _split_and(toks: list[Token]) -> list[list[Token]]:
    """'a former Pennsylvania governor and two-term Philadelphia mayor' -> two roles, when both halves end in a role noun."""
    for k, t in enumerate(toks):
        if t.lower_ == "and":
            left, right = toks[:k], toks[k + 1:]
            # "founder and creative director of X" shares its "of X": split only a full left conjunct
            hl, hr = (_head(left) if left else None), (_head(right) if right else None)
            if hl is None or hr is None or not _role_tok(hr):
                continue
            if _role_tok(hl) and len(tokens_text(left).split()) >= 2:
                return [left, right]
            if is_party_word(hl.text) or hl.ent_type_ == "NORP":
                return [right]  # "a Democrat and former Oklahoma state senator": the party label is not a role
    return [toks]


def _who_clause(doc: Doc, i: int) -> str | None:
    """'who is/was Y' -> Y; 'who was named (as) Y' -> Y; 'who chairs Y' -> 'chairs Y'; anything else -> None."""
    n = len(doc)
    j = i
    if j + 1 < n and doc[j].lower_ in ("has", "had", "have") and doc[j + 1].lower_ == "been":
        j += 2  # "who has been a nurse"; "who has not endorsed anyone" is an act, not a role
    elif j < n and doc[j].lower_ in _BE_FORMS and doc[j].lower_ not in ("has", "had", "have"):
        j += 1
    if j > i and j < n and not (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                or doc[j].lower_ in ("then", "former") or doc[j].lower_ in _APPOINTED):
        return None
    if j < n and doc[j].lower_ in _APPOINTED:
        k = j + 1
        while k < n and k < j + 8 and doc[k].lower_ != "as" and not doc[k].is_punct:
            k += 1
        start = k + 1 if k < n and doc[k].lower_ == "as" else j + 1
        return _clean_role(_np_after(doc, start), need_title=True)
    if j > i:  # "who was her White House chief of staff"
        return _clean_role(_np_after(doc, j), need_title=True)
    if j < n and doc[j].lower_ in _ROLE_VERBS:
        rest = _clause_after(doc, j + 1)
        if rest:
            return tokens_text([doc[j]] + rest)
    return None


def _clause_after(doc: Doc, i: int) -> list[Token]:
    out: list[Token] = []
    while i < len(doc) and len(out) < 20:
        t = doc[i]
        if (t.is_punct and t.tag_ != "HYPH" and t.text != "-") or "\n" in t.text or t.is_sent_start:
            break
        if t.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX"):
            break  # "who founded X and is a longtime Y": one function per clause
        out.append(t)
        i += 1
    return out


# ----------------------------------------------------------------------------- role phrases
def _head(toks: Sequence[Token]) -> Token | None:
    """The phrase's head noun: its syntactic root when that is a noun, else the last noun before
    its first preposition or participle (the parse of a phrase cut out of a sentence can be odd)."""
    ids = {t.i for t in toks}
    roots = [t for t in toks if (t.head.i not in ids or t.head.i == t.i)
             and (t.pos_ in ("NOUN", "PROPN") or _role_tok(t))]
    if roots and not any(t.pos_ == "ADP" for t in toks[:toks.index(roots[-1])] if t.lower_ != "of"):
        return roots[-1]  # several roots: "National Association of Home Builders chief economist"
    head = None
    for t in toks:
        if t.pos_ == "ADP" or (t.tag_ in ("VBG", "VBN") and head is not None and "-" not in t.text) or t.lower_ in ("who", "that"):
            break
        if t.pos_ in ("NOUN", "PROPN") or _role_tok(t):
            head = t
    return head


def _clean_role(toks: Sequence[Token], need_title: bool = True) -> str | None:
    """Token run -> role string per GUIDELINES.md, or None when it does not name a role."""
    toks = [t for t in toks if not (is_honorific(t.text) or t.tag_ == "PRP$" and t.lower_ in POSSESSIVE_PRONOUNS)]
    while toks and (t0 := toks[0]) and (t0.lower_ in DETERMINERS or (t0.like_num and t0.whitespace_) or t0.pos_ in ("ADP", "CCONJ", "PUNCT")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("ADP", "CCONJ", "DET")):
        toks = toks[:-1]
    if len(toks) > 2 and toks[0].lower_ in ("then", "former") and toks[1].lower_ in DETERMINERS:
        toks = [toks[0]] + toks[2:]  # "then a senior aide" -> "then senior aide"
    toks = _drop_trailing_location(toks)
    toks = [
        t for k, t in enumerate(toks)
        if not (k < len(toks) - 1 and (t.lower_ in evaluative_words()
                                       or t.lower_ in ("most", "more", "very") and toks[k + 1].lower_ in evaluative_words()))
    ]
    if not toks:
        return None
    head = _head(toks)
    if head is None or head.tag_ in ("NNS", "NNPS") and not _title_tok(head):
        return None
    if need_title and not _role_tok(head):
        return None
    if not need_title and not _role_tok(head) and not (
        head.tag_ == "NN" and head.text.islower() and head.lower_ not in _NOT_PERSON_HEADS and not is_party_word(head.text)
    ):
        return None
    if all(is_party_word(t.text) or t.ent_type_ == "NORP" or t.ent_type_ in _LOCATION_ENTS for t in toks if not t.is_punct):
        return None  # "Democrat", "Nevada Democrat", "French": party, nationality or place alone
    return tokens_text(toks)


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


def _drop_trailing_location(toks: list[Token]) -> list[Token]:
    """'representative from Texas' -> 'representative'; 'dietitian based in Chicago' -> 'dietitian';
    'nurse for 20 years' -> 'nurse' (GUIDELINES.md: locations that merely follow the role are dropped)."""
    for k, t in enumerate(toks):
        if k and t.lower_ in ("from", "in", "of", "for", "since") and k + 1 < len(toks):
            obj = [u for u in toks[k + 1:] if not u.is_punct and u.lower_ != "the"]
            place = t.lower_ in ("from", "in", "of") and all(u.ent_type_ in _LOCATION_ENTS for u in obj)
            time = t.lower_ in ("for", "since", "in") and all(u.ent_type_ in _TIME_ENTS for u in obj)
            if obj and (place or time):
                cut = k - 1 if toks[k - 1].lower_ in ("based", "located") else k
                return toks[:cut]
    return toks


def _nominal_role(span: SpacySpan) -> str | None:
    """'one senior diplomat' -> 'senior diplomat'; 'the Vermont senator' -> 'Vermont senator'; plurals -> None."""
    toks = []
    for t in span:
        if t.lower_ in ("who", "which", "that", "whose") and toks:
            break
        if t.text == "," and toks:
            break
        toks.append(t)
    return _clean_role(toks, need_title=True)


# ----------------------------------------------------------------------------- speaker_role
def speaker_role(doc: Doc, mentions: Sequence[Span]) -> str | None:
    """One role for a speaker from all its mentions, or None when the article states none.

    The primary role is the one stated nearest the first mention in the body (GUIDELINES.md);
    later mentions are tried in text order when the first states none. Mentions in a headline,
    an archive abstract, or inside quotation marks (someone else's words) are not used.
    """
    zones = body_zones(doc.text)
    given = _given_names(doc, mentions)
    for m in sorted(mentions, key=lambda s: (s.start, s.end)):
        if any(z.start <= m.start < z.end for z in zones):
            continue
        if _someone_else(doc, m, given):
            continue
        roles = mention_roles(doc, m)
        if roles:
            return roles[0]
    return None


def _given_names(doc: Doc, mentions: Sequence[Span]) -> set[str]:
    """Lower-cased words written before the surname in this speaker's full-name mentions."""
    given: set[str] = set()
    for m in mentions:
        _, name = split_title(doc, m)
        words = doc.text[name.start:name.end].split()
        given.update(w.lower() for w in words[:-1])
    return given


def _someone_else(doc: Doc, mention: Span, given: set[str]) -> bool:
    """A surname mention written inside another full name: 'Clinton' in 'Bill Clinton' when the
    speaker is 'Hillary Clinton'. Its title and appositions describe that other person."""
    if not given:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return False
    prev = doc[span[0].i - 1]
    if not prev.whitespace_ or not is_name_word(prev.text) or prev.ent_type_ != "PERSON":
        return False
    return prev.lower_ not in given
