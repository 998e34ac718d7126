"""What is written after a name: party tags and ages skipped, 'of ORG', appositions
(', a spokesman for X'), credentials (', R.D.,'), 'who' clauses and a copula ('X is author of Y')."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicon import NAME_SUFFIXES, is_party_word
from .phrase import (FINITE_TAGS, LOCATION_ENTS, NP_STOP_WORDS, clean_role, drop_trailing_location, head_noun,
                     is_plural_possessive, is_role_token, is_title_token)
from .text import tokens_text

# Verbs of a "who" clause that state a function ("who chairs the committee"), not an act ("who told Congress").
_ROLE_VERBS = frozenset(
    "chair chairs chaired head heads headed lead leads led run runs ran manage manages managed direct "
    "directs directed oversee oversees oversaw found founded co-founded own owns owned host hosts hosted "
    "represent represents represented teach teaches taught cover covers covered advise advises advised "
    "serve serves served work works worked coach coaches coached edit edits edited study studies studied "
    "chaired co-chairs co-chaired anchor anchors anchored helm helms helmed".split()
)
_BE_FORMS = frozenset("is was are were 's has have had been be being".split())
_APPOINTED = frozenset("named appointed elected chosen hired tapped picked selected nominated".split())


def _of_affiliation(doc: Doc, i: int, roles: list[str]) -> int:
    """'Joel Pollak of Breitbart California' is an affiliation; 'Marco Rubio of Florida' is a home state.
    Appends the role, returns the index after the phrase."""
    phrase = _np_after(doc, i + 1)
    org = drop_trailing_location([doc[i]] + phrase)[1:]
    if org and not all(t.ent_type_ in LOCATION_ENTS or t.lower_ == "the" for t in org) and org[-1].text[:1].isupper():
        roles.append("of " + tokens_text(org))
    return i + 1 + len(phrase)


def roles_after(doc: Doc, i: int) -> list[str]:
    """Roles written after the name: '(R-Texas)' skipped, 'of ORG', ', a spokesman for X', ', who chairs Y'."""
    roles: list[str] = []
    n = len(doc)
    # "Brent Bozell III, founder of ...", "William F. Buckley, Jr., the author": the suffix is part of the name
    if i + 1 < n and doc[i].text == "," and doc[i + 1].lower_ in NAME_SUFFIXES:
        i += 2
    elif i < n and doc[i].lower_ in NAME_SUFFIXES:
        i += 1
    if i < n and doc[i].text == "(":
        # "(R-Mo.)", "(D)", "(pictured)" are dropped; "(founder, Acme Inc.)" on web pages is a role
        j = i + 1
        while j < n and doc[j].text != ")" and "\n" not in doc[j].text and j - i < 15:
            j += 1
        inner = list(doc[i + 1:j])
        if inner and not (len(inner) > 1 and inner[1].text == "-") and is_role_token(inner[0]):
            role = clean_role(_np_after(doc, i + 1), need_title=True)
            if role:
                roles.append(role)
        i = j + 1
    if i < n and doc[i].text in ("\u2014", "\u2013", "--") and i + 1 < n:
        # "Jane Doe — a nutritionist in Boston — says": a dash opens an apposition like a comma
        phrase = _np_after(doc, i + 1)
        if phrase and _starts_noun_phrase(phrase[0]):
            role = clean_role(phrase, need_title=phrase[0].lower_ not in ("a", "an", "the"))
            if role:
                roles.append(role)
        return roles
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
        while i + 1 < n and (doc[i].like_num or _is_credential(doc[i])) and doc[i + 1].text in (",", "and", "'", "\u2019"):
            if doc[i + 1].text in ("'", "\u2019"):
                # "MBA ’16,": a degree with its class year
                if not (i + 3 < n and doc[i + 2].like_num and len(doc[i + 2].text) == 2 and doc[i + 3].text == ","):
                    break
                i += 2
            i += 2
        # (not a number a hyphen glues to the next word: "eighteenth-century physician", "two-term mayor")
        if i < n and (doc[i].like_num or _is_credential(doc[i])) and not _modifies_role(doc, i) \
                and not (i + 1 < n and doc[i + 1].text == "-" and not doc[i].whitespace_):
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
                role = clean_role(part, need_title=part[0].lower_ not in ("a", "an", "the"))
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
            role = clean_role(phrase, need_title=True)
            if role:
                roles.append(role)
        return roles
    elif i + 1 < n and doc[i].lower_ in ("is", "was") and doc[i + 1].lower_ in _APPOINTED:
        # "Selin Arslan was elected mayor of Izmir in 2019", "X was named chief executive in May"
        role = _who_clause(doc, i)
        return roles + [role] if role else roles
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
    if tok.lower_ in ("not", "no", "never", "nor"):
        return False  # "Jane Doe — not her husband — said"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.tag_.startswith("VB") or tok.tag_ == "MD":
        return is_title_token(tok) or (nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN"))
    # "Kohane, MD, as a course director" and "Doe, and founder of X" are fine: _clean_role drops
    # the leading preposition or conjunction
    return tok.tag_ not in ("WDT", "WP", "WRB", "PRP", "TO", "EX")


def _modifies_role(doc: Doc, i: int) -> bool:
    """'NAR deputy chief economist': capitals before a lower-case noun or a title are the
    organisation the role belongs to, not letters after the name ('R.D.,')."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and not doc[i].like_num and (
        is_title_token(nxt) or (nxt.pos_ in ("NOUN", "ADJ") and nxt.text[:1].islower()))


def _is_credential(tok: Token) -> bool:
    """'R.D.', 'RDN', 'MS', 'Ph.D.', 'M.D.', 'CPT': letters after a name, not a role by themselves."""
    letters = tok.text.replace(".", "")
    if is_title_token(tok):
        return False  # "CEO", "MP": a role written in capitals
    # upper-case letters, or mixed case with two capitals ("PhD", "DrPH", "MSc" has one: listed)
    return 2 <= len(letters) <= 5 and letters.isalpha() and (
        letters.isupper() or sum(c.isupper() for c in letters) >= 2 or letters in ("MSc", "BSc", "MEd", "MA", "PhD"))


def _np_after(doc: Doc, i: int) -> list[Token]:
    """Tokens from ``i`` up to the end of a noun phrase: the next comma, clause word or finite verb."""
    out: list[Token] = []
    while i < len(doc):
        t = doc[i]
        if out and t.is_sent_start:
            break
        if t.is_quote and out and out[-1].lower_ == "of" and (title := _quoted_title(doc, i)):
            out += title[0]  # "the author of “Quiet Homes,”": the title's words, without its marks
            i = title[1]
            break
        if t.is_punct and t.text not in ("-", "'", "\u2019", "&") and t.tag_ != "HYPH":
            break
        if "\n" in t.text or t.lower_ in NP_STOP_WORDS or t.tag_ in FINITE_TAGS or t.pos_ == "AUX":
            break
        if out and t.tag_ == "PRP":
            break  # a relative clause without "who": "an author she's already familiar with"
        if t.is_quote and not is_plural_possessive(t):
            break
        out.append(t)
        i += 1
    return out


def _quoted_title(doc: Doc, i: int) -> tuple[list[Token], int] | None:
    """A short quoted title from the opening mark at ``i``: its words and the index after the closing mark."""
    words: list[Token] = []
    for j in range(i + 1, min(i + 12, len(doc))):
        t = doc[j]
        if "\n" in t.text:
            return None
        if t.is_quote and not is_plural_possessive(t):
            return (words, j + 1) if words and words[0].text[:1].isupper() else None
        if not t.is_punct:
            words.append(t)
    return None


def _split_and(toks: list[Token]) -> list[list[Token]]:
    """'a former Pennsylvania governor and two-term Philadelphia mayor' -> two roles, when both halves end in a role noun."""
    for k, t in enumerate(toks):
        if t.lower_ == "and":
            left, right = toks[:k], toks[k + 1:]
            # "founder and creative director of X" shares its "of X": split only a full left conjunct
            hl, hr = (head_noun(left) if left else None), (head_noun(right) if right else None)
            if hl is not None and hr is not None and is_role_token(hr):
                content = [t for t in left if t.pos_ not in ("DET", "PRON") and t.tag_ != "PRP$"]
                if is_role_token(hl) and len(tokens_text(content).split()) >= 2:
                    return [left, right]
                if is_party_word(hl.text) or hl.ent_type_ == "NORP":
                    return [right]  # "a Democrat and former Oklahoma state senator": the party label is not a role
            elif hl is not None and is_role_token(hl) and right and right[0].lower_ in ("a", "an", "the"):
                # "the first working mother to serve as first lady and the first to have an office":
                # a second description that names no role ends the first one
                return [left]
    return [toks]


def _who_clause(doc: Doc, i: int) -> str | None:
    """'who is/was Y' -> Y; 'who was named (as) Y' -> Y; 'who chairs Y' -> 'chairs Y'; anything else -> None."""
    n = len(doc)
    j = i
    if j + 1 < n and doc[j].lower_ in ("has", "had", "have") and doc[j + 1].lower_ == "been":
        j += 2  # "who has been a nurse"; "who has not endorsed anyone" is an act, not a role
    elif j + 1 < n and doc[j].lower_ in ("has", "had", "have") and doc[j + 1].lower_ in _ROLE_VERBS:
        i = j = j + 1  # "who had headed the division": the function, without its tense
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
        return clean_role(_np_after(doc, start), need_title=True)
    if j > i:  # "who was her White House chief of staff"
        return clean_role(_np_after(doc, j), need_title=True)
    if j < n and doc[j].lower_ in _ROLE_VERBS:
        rest = drop_trailing_location([doc[j]] + _clause_after(doc, j + 1))
        if len(rest) > 1:
            return tokens_text(rest)  # "helmed the party (from 1995 to 1997)"
    return None


def _clause_after(doc: Doc, i: int) -> list[Token]:
    out: list[Token] = []
    while i < len(doc) and len(out) < 20:
        t = doc[i]
        if (t.is_punct and t.tag_ != "HYPH" and t.text != "-" and not is_plural_possessive(t)) or "\n" in t.text \
                or t.is_sent_start:
            break
        if t.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX"):
            break  # "who founded X and is a longtime Y": one function per clause
        out.append(t)
        i += 1
    return out
