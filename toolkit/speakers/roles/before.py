"""What is written before a name: titles ('Moscow’s UN Ambassador Vitaly Churkin'), a role noun the
name is an apposition of ('Her campaign manager, Robby Mook'), and 'a mathematician named X'."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicon import DETERMINERS, is_honorific
from ...types import Span
from .phrase import TIME_ENTS, clean_role, is_plural_role, is_role_token, is_title_token, singular
from .text import tokens_text

MAX_PREFIX_TOKENS = 12  # a title before a name rarely runs longer; "Arjay and Frances Miller Chair ..." comes after


def prefix_roles(doc: Doc, first_tok: int, name_end: int, title: Span | None) -> list[str]:
    """Titles written before the name: inside the mention (``title``) and just left of it."""
    toks = _left_extension(doc, first_tok, name_end)
    if title is not None:
        tspan = doc.char_span(title.start, title.end, alignment_mode="expand")
        if tspan is not None:
            toks += list(tspan)
    if not toks:
        return []
    if _is_possessive_mark(toks[-1]) and not any(is_role_token(t) for t in toks):
        # "The Post’s Robert Costa" -> "of The Post" (GUIDELINES.md), for an organisation only
        owner = [t for t in toks[:-1] if t.lower_ != "the"]
        if owner and all(t.ent_type_ == "ORG" for t in owner):
            return ["of " + tokens_text(owner)]
        return []
    roles = []
    for group in _split_stacked(toks):
        role = clean_role(group, need_title=True)
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
        if "\n" in t.text or t.ent_type_ in TIME_ENTS:
            break
        if t.is_space:  # a no-break space between title and name
            i -= 1
            continue
        if not out and _acronym_in_brackets(doc, i):
            i -= 3  # "Certified Financial Planner (CFP) Ana Souza": the title's acronym is left out
            continue
        if _is_possessive_mark(t) or (t.text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_):
            out.insert(0, t)
        elif t.lower_ in ("of", "and", "&") and (out or right.text[:1].isupper()) and i > 0 and _joins_title(
                doc[i - 1], next((u for u in out if u.lower_ != "the"), right), t.lower_):
            # "Secretary of State John Kerry", "Co-Owner and Lead Planner Erica Vanco" (also when
            # the mention itself starts at "Lead Planner": a coordination the parse split)
            out.insert(0, t)
        elif t.lower_ == "the" and out and i > 0 and (doc[i - 1].lower_ == "of" or right.lower_ in ("rev.", "reverend")):
            out.insert(0, t)  # "Speaker of the House Rep. Paul Ryan", "Vatican spokesman the Rev. Federico Lombardi"
        elif out and out[0].text == "-" and not t.whitespace_ and t.is_alpha and t.lower_ not in DETERMINERS:
            out.insert(0, t)  # the first half of a hyphenated word: "Best" in "Best-selling"
        elif t.tag_ == "PRP$":
            out.insert(0, t)  # "her campaign manager Robby Mook": kept only to be dropped later
            break
        elif t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.tag_ == "VBN" and ("-" in t.text or t.dep_ == "amod")) \
                or _hyphen_compound(doc, t):  # "registered dietitian", "retired neurosurgeon"
            if t.lower_ in DETERMINERS:
                break
            out.insert(0, t)
        else:
            break
        if t.is_sent_start:
            break
        i -= 1
    return _attached(doc, out, first_tok, name_end)


def _acronym_in_brackets(doc: Doc, i: int) -> bool:
    """Tokens i-2..i are "(", an acronym in capitals, ")"."""
    return i >= 3 and doc[i].text == ")" and doc[i - 2].text == "(" and doc[i - 1].text.isupper() \
        and doc[i - 1].is_alpha and len(doc[i - 1].text) >= 2


def _is_possessive_mark(t: Token) -> bool:
    """"’s" after an owner; the tagger sometimes calls it a proper noun ("the Daily Ledger’s")."""
    return t.tag_ == "POS" or (t.text.lower() in ("'s", "\u2019s") and t.i > 0 and not t.doc[t.i - 1].whitespace_)


def _hyphen_compound(doc: Doc, t: Token) -> bool:
    """'winning' in 'award-winning novelist', 'known' in 'well-known author': a participle
    glued by a hyphen to the word before it is an adjective of the title."""
    return t.tag_ in ("VBG", "VBN") and t.i > 1 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_ \
        and not doc[t.i - 2].whitespace_


def _joins_title(left: Token, right: Token, word: str) -> bool:
    """'of'/'and' inside a title: 'Secretary of State', 'National Association of Home Builders',
    'Co-Owner and Lead Planner' (both sides capitalised, or a title word on the left)."""
    if is_honorific(right.text):
        return False
    if not right.text[:1].isupper():
        # "labor leader and civil rights activist Dolores Huerta", "former secretary of state Colin Powell"
        return is_title_token(left) and (word != "of" or right.pos_ in ("NOUN", "PROPN"))
    if word == "of":
        return is_title_token(left) or left.text[:1].isupper()
    # "Minister of Health and Social Affairs Ana Souza": an "and" inside the body of "<title> of"
    return is_title_token(left) or (left.text[:1].isupper() and _in_title_of(left))


def _in_title_of(tok: Token) -> bool:
    """The capitalised word is part of the body after "<title> of" ("Health" in "Minister of Health")."""
    for k in range(tok.i - 1, max(-1, tok.i - 5), -1):
        t = tok.doc[k]
        if t.lower_ == "of":
            return k > 0 and is_title_token(tok.doc[k - 1])
        if not (t.text[:1].isupper() or t.lower_ in ("the", "and", "&")):
            return False
    return False


def _attached(doc: Doc, ext: list[Token], first_tok: int, name_end: int) -> list[Token]:
    """Keep the right-hand run of ``ext`` whose tokens the parse hangs on the name (or the name on them).

    The title words themselves are trusted when the parse disagrees (spaCy sometimes makes
    'spokesman' the head with the name as its apposition); other words must attach.
    """
    if not ext:
        return ext
    region = range(ext[0].i, name_end)
    keep: list[Token] = []
    # When a title sits right before the name, earlier titles may carry their own phrase
    # ("Speaker of the House Rep. Paul Ryan"): reaching any of them counts as attached.
    # So does a body's name ending right before the name ("Minister of Health and Social Affairs Ana Souza").
    anchors = {u.i for u in ext if is_title_token(u)} if is_title_token(ext[-1]) or (
        ext[-1].text[:1].isupper() and _in_title_of(ext[-1])) else set()
    for t in reversed(ext):
        h, steps = t, 0
        while h.i in region and h.i < first_tok and h.head.i != h.i and steps < 20 and (h is t or h.i not in anchors):
            h, steps = h.head, steps + 1
        ok = (h.i >= first_tok and h.i in region) or (h is not t and h.i in anchors)
        # "registered dietitian Dr. X" where the parse hangs the title off the name: a modifier of a
        # role noun already kept is kept with it
        ok = ok or (t.head.i in {u.i for u in keep} and t.dep_ in ("amod", "compound", "npadvmod")
                    and any(u.pos_ == "NOUN" and is_role_token(u) for u in keep))
        owner = bool(keep) and keep[0].tag_ == "POS"  # "Sullivan’s lawyer": the possessor stays with its "’s"
        # "Estera Events Co-Owner": a capitalised run before a capitalised title is the body the
        # title belongs to, however the parse hangs it
        label = bool(keep) and t.pos_ == "PROPN" and t.text[:1].isupper() and t.whitespace_ != "" \
            and keep[0].text[:1].isupper() and (keep[0].pos_ == "PROPN" or is_title_token(keep[0]))
        trusted = is_title_token(t) or (t.pos_ == "NOUN" and is_role_token(t)) or t.tag_ == "POS" or t.is_punct or t.lower_ in ("and", "&", "of") or owner or label
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
            after_lower_title = is_title_token(prev) and prev.text[:1].islower()
            # ... but "Deputy Prime Minister": a word that modifies the title is part of it, unless
            # the first title has its own "of" phrase (the parse hangs "House" on "Rep." there)
            second_title = (is_title_token(t) and not is_title_token(prev)
                            and (prev.head.i != t.i or any(u.lower_ == "of" for u in groups[-1]))
                            and any(is_title_token(u) for u in groups[-1])
                            and not any(u.lower_ in ("and", "&") for u in groups[-1]))
            # "committee Chairman Sen.": an abbreviated title after a written-out one is the next title
            # ("Lt. Gov." stays whole)
            abbreviated = is_title_token(t) and t.text.endswith(".") and is_title_token(prev) \
                and not prev.text.endswith(".")
            if after_lower_title or second_title or abbreviated:
                groups.append([])
        groups[-1].append(t)
    return [g for g in groups if g]


_ROLE_PREPS = frozenset(["of", "at", "for", "with", "to", "in"])


def pre_apposition_roles(doc: Doc, name: SpacySpan) -> list[str]:
    """'Her campaign manager, Robby Mook, ...': the name is an apposition of a role noun before it."""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= name.start:
        return []
    for _ in range(3):
        # "The minister of finance of Kenya, Wanjiru Kamau": the parse hangs the name on the last
        # noun of the role's "of" phrase; climb to the role noun that phrase belongs to. A role noun
        # there ("a spokesman for the mayor, Jane Roe") is read as written: the name is its apposition.
        if is_role_token(head) or head.dep_ != "pobj" or head.head.lower_ not in _ROLE_PREPS:
            break
        head = head.head.head
    if not any(t.text == "," for t in doc[head.i + 1:name.start]):
        return []
    comma = next(t.i for t in doc[head.i + 1:name.start] if t.text == ",")
    if not is_role_token(head):
        return one_of_roles(head, comma)
    start = head.left_edge.i
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start].text == "-"):
        start -= 1  # "Co-Founder": the parse may hang only "Founder" on the name
    role = clean_role(list(doc[start:comma]), need_title=True)
    return [role] if role else []


def list_roles(doc: Doc, name: SpacySpan) -> list[str]:
    """'Democratic candidates Hillary Clinton and Bernie Sanders': a plural role written before a list
    of names is each one's role (the roles gold set's collective roles)."""
    first = name.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if not any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "") for c in first.children):
        return []  # not in a list of names (the recognizer may miss one of them)
    if first.dep_ == "appos" and first.head.i < first.i:
        head = first.head
    else:
        i = first.i
        while i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].text[:1].isupper():
            i -= 1
        if i > 1 and doc[i - 1].text == ":":
            i -= 1  # "three Republican hopefuls: Jeb Bush, Ben Carson and Donald Trump"
        head = doc[i - 1] if i > 0 else None
    if head is None or not is_plural_role(head) or head.i + 1 < len(doc) and doc[head.i + 1].text == ",":
        return []
    role = clean_role(list(doc[head.left_edge.i:head.i + 1]), need_title=True, plural=True)
    return [role] if role else []


def one_of_roles(head: Token, comma: int) -> list[str]:
    """'one of the family's attorneys, Justin Doe' -> "family's attorney"; 'one of his advisers, X' -> 'adviser'."""
    if head.lower_ != "one":
        return []
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.i >= comma or not is_plural_role(pobj):
        return []
    role = clean_role(list(head.doc[prep.i + 1:pobj.i + 1]), need_title=True, plural=True)
    if not role or not role.endswith(pobj.text):
        return []
    return [role[:len(role) - len(pobj.text)] + singular(pobj.text)]


def named_roles(doc: Doc, first_tok: int) -> list[str]:
    """'a mathematician named Hannah Cairo' -> 'mathematician'."""
    i = first_tok - 1
    if i < 1 or doc[i].lower_ not in ("named", "called"):
        return []
    toks: list[Token] = []
    j = i - 1
    while j >= 0 and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[j].is_punct and len(toks) < 8:
        toks.insert(0, doc[j])
        j -= 1
    role = clean_role(toks, need_title=True)
    return [role] if role else []
