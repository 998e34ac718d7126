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

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicon import (DETERMINERS, HONORIFICS, NAME_SUFFIXES, is_honorific, is_name_word, is_party_word,
                        is_title_word, name_start, strip_name)
from ...types import Span
from .after import roles_after
from .before import list_roles, named_roles, pre_apposition_roles, prefix_roles
from .phrase import clean_role, is_title_token
from .text import Word, body_zones, doc_memo, doc_text, words_of

__all__ = [
    "HONORIFICS",
    "is_title_word",
    "mention_roles",
    "name_mentions",
    "speaker_role",
    "split_title",
    "strip_name",
]


# ----------------------------------------------------------------------------- split_title
def split_title(doc: Doc, mention: Span) -> tuple[Span | None, Span]:
    """Split a person mention into its title (or None) and the bare name.

    'National Security Council spokesman Ned Price' -> ('National Security Council spokesman', 'Ned Price');
    'Sen. Ted Cruz (R-Texas)' -> ('Sen.', 'Ted Cruz'); 'Mr. Trump' -> (None, 'Trump'): honorifics are dropped,
    they are not titles. A mention with no title, or no name part at all ('the minister'), gives (None, mention).
    A prefix that is only a party label ('Democrat Hillary Clinton') is cut from the name but is not a title.
    """
    memo = doc_memo(doc, "split_title")
    found = memo.get(mention)
    if found is None:
        found = memo[mention] = _split_title(doc, mention)
    return found


def _split_title(doc: Doc, mention: Span) -> tuple[Span | None, Span]:
    words = _mention_words(doc, mention)
    if not words:
        return None, mention
    texts = [w.text for w in words]
    texts[-1] = texts[-1][:len(texts[-1]) - _possessive_len(texts[-1])] or texts[-1]  # "Churkin’s" -> "Churkin"
    i = name_start(texts)
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
    """The mention's words up to the end of the name: without a parenthesis ('(R-Texas)'), an
    apposition (', a spokesman'), an affiliation after a person's name ('Joel Pollak of Breitbart
    California'; not 'Bank of America CEO Brian Moynihan') or trailing punctuation."""
    words = words_of(doc, mention.start, mention.end)
    for k, w in enumerate(words):
        if w.text.startswith("(") or (k and w.text == ","):
            words = words[:k]
            break
        if k and w.text in ("of", "from", "at") and _is_person_word(doc, words[k - 1]):
            words = words[:k]
            break
    while words and all(not c.isalnum() for c in words[-1].text):
        words.pop()
    return words


def _is_person_word(doc: Doc, word: Word) -> bool:
    span = doc.char_span(word.start, word.end, alignment_mode="expand")
    return span is not None and span[-1].ent_type_ == "PERSON"


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
    span = doc.char_span(mention.start, mention.end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return []
    if all(t.pos_ == "PRON" for t in span if not t.is_punct):
        return []
    title, name = split_title(doc, mention)
    if name == mention and not _has_name(doc, mention) and _tagged_name(span):
        pass  # "Dan Backer": a surname that is also a role word, written with a given name
    elif (name == mention and not _has_name(doc, mention)) or _names_someone_else(doc, span, name):
        role = _nominal_role(span)
        return [role] if role else []
    name_toks = doc.char_span(name.start, name.end, alignment_mode="expand")
    if name_toks is None:
        return []
    first = _name_start_token(doc, name_toks[0].i) if title is None else span[0].i
    roles: list[str] = []
    roles += prefix_roles(doc, first, span.end, title)
    roles += pre_apposition_roles(doc, name_toks)
    roles += list_roles(doc, name_toks)
    roles += named_roles(doc, first)
    roles += roles_after(doc, name_toks.end)
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
    memo = doc_memo(doc, "has_name")
    found = memo.get(mention)
    if found is None:
        found = memo[mention] = _names_a_person(doc, mention)
    return found


def _names_a_person(doc: Doc, mention: Span) -> bool:
    title, name = split_title(doc, mention)
    if title is not None and _names_someone_else(doc, doc.char_span(mention.start, mention.end,
                                                                    alignment_mode="contract"), name):
        return False
    return title is not None or name != mention or _names_itself(doc, mention)


def _tagged_name(span: SpacySpan) -> bool:
    """Two or more capitalised words the recognizer tags as one person, the first of them a name word."""
    words = [t for t in span if not t.is_punct]
    return len(words) >= 2 and all(t.ent_type_ == "PERSON" and t.text[:1].isupper() for t in words) \
        and is_name_word(words[0].text) and not any(t.ent_iob_ == "B" for t in words[1:])


_BEFORE_TITLE = frozenset("former then late acting interim".split())


def _names_someone_else(doc: Doc, span: SpacySpan | None, name: Span) -> bool:
    """'One pastor supporting Mr. Cruz', 'a close friend of Mrs. Clinton', 'an aide to Gov. Jane Roe':
    a description whose name is the object of a verb or a preposition names another person, so
    neither that name's titles nor its other mentions describe the speaker."""
    if span is None or name.start <= span.start_char:
        return False
    i = next((t.i for t in span if t.idx >= name.start), span.end) - 1
    while i >= span.start and (is_honorific(doc[i].text) or is_title_token(doc[i]) or doc[i].lower_ in _BEFORE_TITLE
                               or doc[i].lower_ in DETERMINERS and doc[i].lower_ != "one"):
        i -= 1
    if i < span.start or not (doc[i].tag_ in ("VBG", "VBN", "IN", "TO") and doc[i].pos_ in ("VERB", "ADP", "PART")):
        return False
    return any(t.pos_ == "NOUN" and t.text.islower() for t in doc[span.start:i])


def _names_itself(doc: Doc, mention: Span) -> bool:
    words = _mention_words(doc, mention)
    if not words:
        return False
    texts = [w.text for w in words]
    texts[-1] = texts[-1][:len(texts[-1]) - _possessive_len(texts[-1])] or texts[-1]
    return name_start(texts) < len(words)


def _nominal_role(span: SpacySpan) -> str | None:
    """'one senior diplomat' -> 'senior diplomat'; 'the Vermont senator' -> 'Vermont senator'; plurals -> None."""
    toks = []
    for t in span:
        if t.lower_ in ("who", "which", "that", "whose") and toks:
            break
        if t.text == "," and toks:
            break
        toks.append(t)
    head = span.root
    if any(t.dep_ == "conj" and t.head.i == head.i for t in toks):
        return None  # "Mr. Rubio's father and mother": a group, and groups have no role
    return clean_role(toks, need_title=True)


# ----------------------------------------------------------------------------- speaker_role
def speaker_role(doc: Doc, mentions: Sequence[Span], name: str | None = None, *,
                 all_occurrences: bool = True, body_start: int | None = None) -> str | None:
    """One role for a speaker from all its mentions, or None when the article states none.

    The primary role is the one stated nearest the first mention in the body (GUIDELINES.md);
    later mentions are tried in text order when the first states none. Mentions in a headline,
    an archive abstract, or inside quotation marks (someone else's words) are not used.

    A person's first mention is often not one that attributes a quote ("primary challenger Bernie
    Sanders" long before "Sanders said"), so with ``all_occurrences`` every occurrence of the
    person's name (``name``, else the fullest name among ``mentions``) and of its surname is read
    too (see :func:`name_mentions`). Descriptions ("one senior diplomat") are read as given.
    ``body_start``: where the body starts, if known (0 when the headline is not in the text);
    by default a short first paragraph without "said" is taken for a headline.
    """
    mentions = list(mentions)
    text = doc_text(doc)
    found: list[Span] = []
    full = None
    if all_occurrences:
        full = name if name and _is_personal_name(name) else _fullest_name(doc, mentions)
        if full:
            found = name_mentions(text, full)
    zones = body_zones(text, body_start)
    given = _given_names(doc, mentions + found)
    basis = (name or full or "").split()
    # the words of a person's name ("Mark Singer"), not of a description ("one senior diplomat")
    own = {w.lower() for w in basis} if basis and all(w[:1].isupper() for w in basis) else set()
    found = [f for f in found if not _title_of_another(text, f, given)]
    for m in _outermost(mentions + found):
        if any(z.start <= m.start < z.end for z in zones) or _someone_else(doc, m, given):
            continue
        roles = mention_roles(doc, m)
        if not roles and m not in found and not _has_name(doc, m):
            # a mention the parse ran long ("Dec 29 (Reuters) - U.S. Democratic presidential candidate
            # Hillary Clinton"): the name inside it is read on its own
            for inner in (s for s in found if m.start <= s.start and s.end <= m.end and s != m
                          and len(text[s.start:s.end].split()) > 1):
                roles = mention_roles(doc, inner)
                if roles:
                    break
        # a person's role is never their own name ("Mr. Singer" read as the job "singer")
        roles = [r for r in roles if not own or not set(r.lower().split()) <= own]
        if roles:
            return roles[0]
    return None


def _is_personal_name(name: str) -> bool:
    """A name, with at most a title before it ('Sen. Ted Cruz', 'National Security Council spokesman
    Ned Price'); not a description that ends in someone's name ('One pastor supporting Mr. Cruz')."""
    words = name.split()
    i = name_start(words)
    return 0 < len(words) and i < len(words) and all(
        w[:1].isupper() or is_title_word(w) or is_honorific(w) for w in words[:i])


def _title_of_another(text: str, found: Span, given: set[str]) -> bool:
    """'President Clinton' where the article also writes 'President Bill Clinton' and the speaker is
    'Hillary Clinton': a bare surname after a title or honorific that another person of that surname
    carries in full is that other person's."""
    words = text[found.start:found.end].split()
    if len(words) != 1 or not given:
        return False
    before = text[max(0, found.start - 40):found.start].split()
    if not before or not (is_title_word(before[-1]) or is_honorific(before[-1])):
        return False
    pattern = re.escape(before[-1]) + r"[ \u00a0]+((?:[A-Z][\w.'\u2019-]*[ \u00a0]+){1,2})" + re.escape(words[0]) + r"\b"
    for m in re.finditer(pattern, text):
        between = [w for w in m.group(1).split() if not (len(w) <= 2 and w.endswith("."))]  # "J." initials
        if between and all(is_name_word(w) and not w.endswith(".") for w in between) \
                and not any(w.lower() in given for w in between):
            return True
    return False


def name_mentions(text: str, name: str) -> list[Span]:
    """Every whole-word, case-sensitive occurrence of a person's name and of its surname.

    'Jean-Marc Ayrault' -> the spans of 'Jean-Marc Ayrault' and of every other 'Ayrault'. Titles
    and honorifics in ``name`` are ignored ('Sen. Ted Cruz' looks for 'Ted Cruz' and 'Cruz').
    """
    core = strip_name(name)
    words = [w for w in core.split() if w.lower() not in NAME_SUFFIXES]
    if not words or not any(w[:1].isupper() for w in words):
        return []
    found = []
    for pattern in {core, words[-1]}:
        for m in re.finditer(r"(?<![\w-])" + re.escape(pattern) + r"(?![\w-])", text):
            found.append(Span(m.start(), m.end()))
    return _outermost(found)


def _outermost(spans: Sequence[Span]) -> list[Span]:
    """Spans in text order, dropping any that starts inside an earlier, longer one."""
    out: list[Span] = []
    for s in sorted(set(spans), key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _fullest_name(doc: Doc, mentions: Sequence[Span]) -> str | None:
    """The longest personal name among the mentions ('Ned Price' over 'Price'), if any names one."""
    best = None
    for m in mentions:
        if not _has_name(doc, m):
            continue
        _, name = split_title(doc, m)
        text = doc_text(doc)[name.start:name.end]
        if best is None or len(text.split()) > len(best.split()):
            best = text
    return best


def _given_names(doc: Doc, mentions: Sequence[Span]) -> set[str]:
    """Lower-cased words written before the surname in this speaker's full-name mentions."""
    given: set[str] = set()
    for m in mentions:
        if not _has_name(doc, m):
            continue
        _, name = split_title(doc, m)
        words = doc_text(doc)[name.start:name.end].split()
        given.update(w.lower() for w in words[:-1])
    return given


def _someone_else(doc: Doc, mention: Span, given: set[str]) -> bool:
    """A surname mention written inside another full name: 'Clinton' in 'Bill Clinton' when the
    speaker is 'Hillary Clinton'. Its title and appositions describe that other person."""
    if not given:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span[0].i == 0 or len(doc_text(doc)[mention.start:mention.end].split()) > 1:
        return False  # only a bare surname can belong to another full name
    prev = doc[span[0].i - 1]
    if not prev.whitespace_ or not is_name_word(prev.text) or prev.ent_type_ != "PERSON":
        return False
    return prev.lower_ not in given
