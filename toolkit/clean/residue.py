"""The residue lexicon: lines of page furniture that text extraction lets through.

Patterns live in ``data/residue_patterns.txt`` (one regular expression per line, ``#``
comments), each matched against a whole line so that an article sentence which merely
mentions "newsletter" or "cookies" is kept. Used by clean_html (the line is dropped) and
clean_text (the line is reported as a boilerplate span; the text is never rewritten).
"""
from __future__ import annotations

import functools
import re
from importlib import resources

MONTH = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
         r"|oct(ober)?|nov(ember)?|dec(ember)?)\.?")
TIME = r"(,?\s*(at\s+)?\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?\s*([a-z]{2,4}\b)?(\s*[+-]\d{1,4})?)?"
DATE = (
    r"(((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s*)?"
    r"(" + MONTH + r"\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"      # March 3, 2016
    r"|\d{1,2}(st|nd|rd|th)?\s+" + MONTH + r",?\s+\d{4}"      # 3 March 2016
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(t[\d:.]+z?)?"             # 2016-03-03
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"                        # 03/03/2016
    r"|" + MONTH + r"\s+\d{1,2}(st|nd|rd|th)?|\d{1,2}(st|nd|rd|th)?\s+" + MONTH   # Jan 31 (no year)
    + r"|\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|yesterday|today|just now)"
    + TIME + r")?"
)
# A personal name: capitalised words (case-sensitive inside the case-insensitive pattern).
NAME = r"(?-i:[A-Z][\w.'’\-]*)(\s+((?-i:[A-Z][\w.'’\-]*)|de|van|von|da|del|la|le|bin|al-\w+)){0,4}"
MACROS = {"{MONTH}": MONTH, "{DATE}": DATE, "{NAME}": NAME}

# Quotation in double marks of three or more words: such a line is never residue.
_QUOTATION = re.compile(r"[“\"„«]\s*\S+(\s+\S+){2,}?[^“”\"„«»]*?[”\"»]")
# Bullets, arrows, emoji and other symbols in front of a line ("🚀 Sign up for ...").
_BULLET = re.compile(r"^[^\w“”\"'‘’«»(\[$£€#@&©]+")
_SPACE = re.compile(r"\s+")
#: Longest line the lexicon is tried on; furniture is short, article paragraphs are long.
MAX_RESIDUE_CHARS = 400


@functools.lru_cache(maxsize=1)
def residue_patterns() -> re.Pattern[str]:
    """All lexicon patterns as one compiled alternation (one regex call per line)."""
    text = resources.files("quotelens").joinpath("data/residue_patterns.txt").read_text("utf-8")
    parts = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        for name, body in MACROS.items():
            line = line.replace(name, body)
        re.compile(line, re.IGNORECASE)  # fail loudly on the bad line, not on the alternation
        parts.append(f"(?:{line})")
    return re.compile("|".join(parts), re.IGNORECASE)


def normalise_line(line: str) -> str:
    """Trim, drop list bullets, collapse whitespace, unify apostrophes for matching."""
    line = _BULLET.sub("", line)
    return _SPACE.sub(" ", line).strip().replace("’", "'")


# A byline label left alone on its line, its name on the next: "Written by" / "Jane Doe".
_BYLINE_LABEL = re.compile(r"(by|written by|posted by|words by|story by|author|authors)\s*:?", re.IGNORECASE)
_NAME_LINE = re.compile(NAME + r"(\s*(,|and|&)\s*" + NAME + r"){0,3}", re.IGNORECASE)


def residue_flags(lines: list[str]) -> list[bool]:
    """``is_residue`` for each line, plus the name line that follows a lone byline label."""
    flags = [is_residue(line) for line in lines]
    for i in range(len(lines) - 1):
        if flags[i] and not flags[i + 1] and _BYLINE_LABEL.fullmatch(normalise_line(lines[i])):
            name = normalise_line(lines[i + 1])
            if len(name.split()) <= 6 and _NAME_LINE.fullmatch(name):
                flags[i + 1] = True
    return flags


def is_residue(line: str) -> bool:
    """True when the whole line is page furniture named by the lexicon."""
    if len(line) > MAX_RESIDUE_CHARS:
        return False
    norm = normalise_line(line)
    if not norm:
        return False
    if _QUOTATION.search(norm):
        return False
    return residue_patterns().fullmatch(norm) is not None
