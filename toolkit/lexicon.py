"""Word lists for roles and names, and string-level name cleaning (no spaCy).

The lists that need review live in ``data/`` (``role_titles.txt``, ``role_modifiers.txt``);
the short closed classes (honorifics, party labels, name particles) are here.
``strip_name`` and ``name_start`` are shared by :mod:`quotelens.speakers.roles` (on parsed words)
and by the resolve stage (on plain strings).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources

# Honorifics are dropped from names and are never roles (GUIDELINES.md: "Not roles: honorifics").
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss mx mx. dr dr. sir dame madam mme mme. messrs messrs. mesdames".split()
)
# A party label alone is not a role ("Democrat Hillary Clinton"); inside a role phrase it is kept
# ("Republican pollster"), so these only stop a name and disqualify a role made of them alone.
PARTY_WORDS = frozenset(
    "democrat democrats democratic republican republicans gop gopers independent libertarian "
    "conservative liberal progressive socialist tory labour dem dems".split()
)
# Lower-case words that can sit inside a personal name ("Bashar al Assad", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("al bin ibn de del della der di da do das dos du la le van von ten ter y st. abu".split())
NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
DETERMINERS = frozenset("a an the one this that these those another".split())
POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())
APOSTROPHES = "'\u2019"


def _load(name: str) -> frozenset[str]:
    text = resources.files("quotelens").joinpath("data", name).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


@cache
def title_words() -> frozenset[str]:
    """Nouns naming a position, office, job or function (data/role_titles.txt)."""
    return _load("role_titles.txt")


@cache
def evaluative_words() -> frozenset[str]:
    """Purely evaluative adjectives, dropped from roles (data/role_modifiers.txt)."""
    return _load("role_modifiers.txt")


def _key(word: str) -> str:
    return word.lower().strip(",;:")


def is_title_word(word: str) -> bool:
    """'Sen.', 'spokesman', 'Secretary-General', 'co-founder' -> True; 'Ned', 'UN' -> False."""
    w = _key(word)
    if w in title_words():
        return True
    # "Secretary-General", "vice-presidential nominee" pieces: a hyphenated word is a title when
    # its last piece is ("deputy-director"), except adjectives built on titles ("presidential").
    if "-" in w and w.rsplit("-", 1)[1] in title_words():
        return True
    return False


# Agent-noun endings that name a person's function when the lexicon misses the word
# ("policymaker", "librarian", "appointee"); lower-case nouns only.
_AGENT_SUFFIXES = ("ist", "ian", "man", "woman", "maker", "eur", "holder", "ee")
_NOT_AGENTS = frozenset("committee degree fee coffee guarantee jubilee human woman man german shaman "
                        "list mist twist exist gist christian median".split())


# Nouns naming an institution rather than a person: "the campaign said", "the ministry said".
INSTITUTION_NOUNS = frozenset({
    "administration", "agency", "authority", "bureau", "campaign", "commission", "committee", "company",
    "council", "court", "department", "firm", "government", "group", "ministry", "office", "organization",
    "organisation", "party", "police", "regime", "team", "union", "university", "board", "embassy",
    "coalition", "network", "newspaper", "paper", "magazine", "club", "institute", "center", "centre",
    "foundation", "association", "agency", "school", "hospital", "bank", "army", "military",
})

# Last words that make a "PERSON" of the recognizer something else ("Jacob Lawrence Prize",
# "Content Strategy Report", "Haus der Kunst"): the institutions above and a few more -- not
# words that are also surnames (Court, Bank; Hall, Park, Church and Post are not listed).
NOT_PERSON_LAST_WORDS = (INSTITUTION_NOUNS - {"court", "bank"}) | frozenset({
    "prize", "award", "awards", "report", "survey", "index", "museum", "gallery", "kunst", "academy",
    "corporation", "inc", "llc", "ltd", "festival", "conference", "summit", "act", "journal", "studios",
    "labs", "fund", "forum"})


def names_no_person(name: str) -> bool:
    """Two or more words whose last one names a thing or a body, not a person's surname."""
    words = re.findall(r"\w+", name)
    return len(words) > 1 and words[-1].lower() in NOT_PERSON_LAST_WORDS


def is_role_noun(word: str) -> bool:
    """A title word, or a lower-case agent noun by its ending ("policymaker", "appointee")."""
    if is_title_word(word):
        return True
    w = _key(word)
    return w.isalpha() and w == word and w not in _NOT_AGENTS and len(w) > 5 and w.endswith(_AGENT_SUFFIXES)


def is_honorific(word: str) -> bool:
    return _key(word) in HONORIFICS


def is_party_word(word: str) -> bool:
    return _key(word) in PARTY_WORDS


def is_possessive(word: str) -> bool:
    """"Moscow’s", "Cruz'", "campaign's": a possessive ends the name and starts a role prefix."""
    w = word.rstrip(",;:")
    if len(w) > 2 and w[-2] in APOSTROPHES and w[-1] in "sS":
        return True
    return len(w) > 1 and w[-1] in APOSTROPHES


def is_name_word(word: str) -> bool:
    """A word that can be part of a personal name: capitalised, not a title, honorific, party label,
    acronym or possessive; or a name particle ('al', 'van') or suffix ('Jr.')."""
    w = word.strip(",;:")
    if not w:
        return False
    low = w.lower()
    if low in NAME_PARTICLES or low in NAME_SUFFIXES:
        return True
    if is_title_word(w) or is_honorific(w) or is_party_word(w) or is_possessive(w):
        return False
    if not w[0].isupper() and not _PARTICLE_NAME.match(w):  # "al-Assad", "d'Estaing" are names
        return False
    # Acronyms ("UN", "FBI", "NSC") belong to a title before the name, but initials ("J.", "J.D.") do not.
    letters = w.replace(".", "").replace("-", "")
    if len(letters) >= 2 and letters.isupper() and not re.fullmatch(r"(?:[A-Z]\.)+", w):
        return False
    return True


@cache
def given_names() -> dict[str, str]:
    """Given name (folded to ASCII, lower case) -> "m" or "f" (data/given_names.txt; generated, see
    DEVELOPERS.md). Only names that are almost always one gender are listed."""
    table = {}
    with resources.files("quotelens").joinpath("data/given_names.txt").open(encoding="utf-8") as f:
        for line in f:
            if line and not line.startswith("#"):
                name, _, gender = line.rstrip("\n").partition("\t")
                table[name] = gender
    return table


def fold_name(word: str) -> str:
    """'José' -> 'jose', 'Ada.' -> 'ada': the key of the given-name table."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower().strip(".")


def is_given_name(word: str) -> bool:
    return word[:1].isupper() and fold_name(word) in given_names()


_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|ben|de|da|di|van|von|d)[-'’][A-Z]")
# Title words that are also family or given names ("Amy Pope", "Bill King", "Howard Dean").
TITLE_SURNAMES = frozenset("pope king dean bishop prince judge marine chancellor earl duke baker "
                           "deacon marshal sheriff major cardinal priest abbot".split())
_BEFORE_NON_NAME = frozenset("the a an this that for at with from of in by to on into about".split())
MAX_NAME_WORDS = 5  # "Martin Luther King Jr." + a particle; longer runs of capitals are org names


def name_start(words: Sequence[str]) -> int:
    """Index of the first word of the trailing personal name in ``words`` (len(words) if none).

    Walks back from the last word while words look like name parts: capitalised, not a title,
    honorific, party label, acronym or possessive. ["UN", "Secretary-General", "Ban", "Ki-moon"] -> 2.
    """
    i = len(words)
    while i > 0 and len(words) - i < MAX_NAME_WORDS:
        w = words[i - 1]
        if not is_name_word(w):
            # "Amy Pope", "Ron Marine": a title word that is also a surname, between two name words
            # or at the end after a first name, is part of the name
            between = i - 2 >= 0 and is_name_word(words[i - 2]) and not is_party_word(words[i - 2])
            # ... but not before a given name: "Crown Prince Mohammed bin Salman", "Judge Judy Sheindlin"
            between = between and not (i < len(words) and is_given_name(words[i])
                                       and words[i].lower() not in NAME_SUFFIXES)
            if not (_key(w) in TITLE_SURNAMES and w[:1].isupper() and between and (i == len(words) or i < len(words))):
                break
        # "Secretary of State John Kerry": a capital after "of" is part of the title, not the name
        if i - 2 >= 0 and words[i - 2].lower() == "of":
            break
        i -= 1
    # "Minister of Health and Social Affairs Ana Souza", "Governor of the Central Bank Tomasz
    # Nowak": the capitals after "and" or "the" inside "<title> of ..." are the rest of the title's
    # body, and the name is what follows it (see _name_after_body)
    if 0 < i < len(words) and words[i - 1].lower() in _INSIDE_BODY and _title_of_before(words[:i - 1]):
        after = _name_after_body(words[i:])
        if after is not None:
            return i + after
    # "a spokeswoman for the House Armed Services Committee": capitals after a determiner or a
    # preposition name an organisation or place, not the person
    if 0 < i < len(words) and words[i - 1].lower() in _BEFORE_NON_NAME:
        return len(words)
    # a name never starts with a particle or suffix ("al" in "leader al Baghdadi" is kept only
    # inside) -- except a surname's own particles right after an honorific or a capitalised title,
    # where the given name is left out: "Mr. van der Berg", "General de Gaulle"
    after_title = 0 < i < len(words) and (is_honorific(words[i - 1]) or (
        is_title_word(words[i - 1]) and words[i - 1][:1].isupper()))
    k = i
    while k < len(words) and words[k].islower() and words[k].strip(",") in NAME_PARTICLES | NAME_SUFFIXES:
        k += 1
    if after_title and k < len(words) and k > i and words[k][:1].isupper() and words[i] in NAME_PARTICLES:
        return i
    return k


_INSIDE_BODY = frozenset("and & the".split())  # words inside a body's name after "<title> of"


def _title_of_before(words: Sequence[str]) -> bool:
    """A title followed by "of" opens the words: "Minister of Health", "Governor of"."""
    return any(is_title_word(w) and words[k + 1].lower() == "of" for k, w in enumerate(words[:-1]))


def _name_after_body(words: Sequence[str]) -> int | None:
    """Where the person's name starts in capitals that begin with the rest of a body's name
    ("Social Affairs Ana Souza", "Central Bank Tomasz Nowak"): at the last given name with a
    word after it, else after the last institution noun ("Bank"); None when neither says."""
    for k in range(len(words) - 2, 0, -1):
        if is_given_name(words[k]) and not is_given_name(words[k - 1]):
            return k
    for k in range(len(words) - 2, -1, -1):
        if _key(words[k]) in INSTITUTION_NOUNS or _key(words[k]) in _BODY_WORDS:
            return k + 1
    return None


# Last words of a body's name that are not institutions on their own ("Social Affairs", "Foreign Trade").
_BODY_WORDS = frozenset("affairs trade development security defense defence health finance justice "
                        "education labor labour reserve treasury interior energy environment".split())


# Never inside a speaker's name or role: zero-width and format characters, controls, and markup
# glued on by a page ("\u200bLeslie", "\">Rivera", "<b>Rivera</b>").
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_MARKUP = re.compile(r"<[^<>]*>|[<>=\"]|&(?:[a-z]+|#\d+);")  # a straight double quote: attribute residue
# Quote marks, dashes and brackets at either edge belong to the sentence, not the name.
_EDGE = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a`\u2014\u2013-()[]{}*,;:|/\\ \u00a0"


def tidy_text(text: str) -> str:
    """A name or role as a reader should see it: no markup, control or zero-width characters, no
    quote mark or dash at either edge, single spaces. '\u201c\u2014Leslie' -> 'Leslie'."""
    text = _INVISIBLE.sub("", _MARKUP.sub(" ", text))
    text = " ".join(text.split()).strip(_EDGE)
    # a possessive or a closing quote left at the end once the edge is gone ("Rivera\u2019")
    return text.strip(_EDGE)


_PAREN_TAIL = re.compile(r"\s*\([^()]*\)?\s*$")


def strip_name(text: str) -> str:
    """Remove honorifics and titles from a person's name string.

    "Sen. Ted Cruz" -> "Ted Cruz"; "Mr. Obama" -> "Obama"; "Secretary-General Ban Ki-moon" ->
    "Ban Ki-moon"; "Sen. Ted Cruz (R-Texas)" -> "Ted Cruz". A string with no name part is
    returned stripped of surrounding space only.
    """
    core = _PAREN_TAIL.sub("", text).strip().rstrip(",")
    words = core.split()
    if not words:
        return text.strip()
    # a possessive on the last word ("Cruz's") belongs to the sentence, not the name
    last = words[-1]
    if is_possessive(last) and len(words) >= 1:
        words[-1] = last[:-2] if last[-1] in "sS" else last[:-1]
    # a lower-case word after a capitalised one is the sentence's, which the recognizer ran in
    # ("Bernard seconds Kevin's recommendation" tagged "Bernard seconds"): no name ends so
    # ("al-Assad", "d'Estaing" and particles are name words)
    while len(words) > 1 and words[-1][:1].islower() and words[-2][:1].isupper() \
            and words[-1] not in NAME_PARTICLES and not re.search(r"[-'’]", words[-1]):
        words.pop()
    start = name_start(words)
    if start >= len(words):
        return " ".join(w for w in words if not is_honorific(w)) or text.strip()
    return " ".join(words[start:])


def possessive_suffix(text: str) -> str:
    """The article's apostrophe: "’s" where it writes curly ones, "'s" where straight; in an article
    with no apostrophe at all, the style of its double quotation marks (“…” or "…")."""
    curly, straight = text.count("’"), text.count("'")
    if not curly and not straight:
        curly, straight = text.count("“") + text.count("”"), text.count('"')
    return "’s" if curly > straight else "'s"
