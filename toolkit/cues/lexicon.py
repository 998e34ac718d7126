"""The words cues are made of: reporting verbs (``data/reporting_verbs.txt``), nouns for
written or spoken words, and matching a token against them without spaCy's lemmatizer."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Written or spoken pieces whose owner is the speaker: "the campaign's statement", "his remarks".
WRITTEN_SOURCES = {"statement", "comment", "remark", "ad", "tweet", "letter", "email", "e-mail", "release", "memo",
                   "post", "speech", "message", "note", "op-ed", "column", "announcement", "testimony", "headline"}
# Nouns for an answer or an utterance, whose owner is the one who gives it: "Clinton’s response
# was: “…”", "“…” Those were the words of Ann Ruiz."
REPLY_NOUNS = frozenset({"response", "reply", "answer", "retort", "verdict", "reaction", "word", "warning",
                         "advice", "plea", "promise", "assessment", "take"})
#: Verbs that pass on words someone else owns: "read a letter from Ruiz", "released a statement
#: from Ruiz". Not "called Ruiz's remarks “a new low”": that quotation characterizes the words.
PASSING_ON_VERBS = frozenset({"read", "cite", "quote", "recite", "repeat", "release", "issue", "publish",
                              "post", "share", "retweet", "forward", "circulate", "relay", "paraphrase"})


IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear", "read": "read",
             "put": "put", "puts": "put", "putting": "put", "cried": "cry", "replied": "reply",
             "denied": "deny", "testified": "testify", "was": "be", "were": "be", "is": "be", "are": "be",
             "am": "be", "been": "be", "being": "be", "became": "become", "heard": "hear", "saw": "see",
             "seen": "see", "ran": "run", "sang": "sing", "sung": "sing", "got": "get", "gotten": "get",
             "came": "come", "shot": "shoot"}


def lemma_in(tok: "Token", words: frozenset[str] | set[str]) -> str | None:
    """The lemma of ``tok`` if it is one of ``words``, else None.

    quotelens loads the model without spaCy's lemmatizer (8% of the parse time, and nothing
    else needs it): a word is matched against the few lemmas a lexicon holds by its inflected
    forms instead ("noted" -> note, "urging" -> urge, "comments" -> comment, "said" -> say).
    A model that does lemmatize is used as it is."""
    return lemma_of(tok.lower_, tok.lemma_, words)


def lemma_of(w: str, lemma: str, words: frozenset[str] | set[str]) -> str | None:
    """``lemma_in`` for a token's lowercase form ``w`` and its lemma ("" when none was set)."""
    if lemma:
        lem = lemma.lower()
        return lem if lem in words else None
    for cand in (IRREGULAR.get(w), w, w[:-1], w[:-2], w[:-3] + "y" if w.endswith(("ies", "ied")) else None,
                 w[:-3] if w.endswith("ing") else None, w[:-3] + "e" if w.endswith("ing") else None,
                 w[:-4] if w.endswith("ing") and len(w) > 5 and w[-4] == w[-5] else None,
                 w[:-3] if w.endswith("ed") and len(w) > 4 and w[-3] == w[-4] else None):
        if cand and cand in words:
            return cand
    return None


class LemmaMemo:
    """``lemma_of`` against one lexicon, remembered per (form, lemma) as spaCy's string hashes:
    a document's words repeat, and most of them are looked at by every cue test."""

    #: Forms remembered before the memory is emptied (about 100 bytes each).
    MAX_FORMS = 100_000

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.seen: dict[tuple[int, int], str | None] = {}

    def __call__(self, strings, lower: int, lemma: int) -> str | None:
        key = (lower, lemma)
        try:
            return self.seen[key]
        except KeyError:
            if len(self.seen) > self.MAX_FORMS:
                self.seen.clear()
            found = self.seen[key] = lemma_of(strings[lower], strings[lemma] if lemma else "", self.words)
            return found


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, set[str]]:
    """data/reporting_verbs.txt: lemma -> its flags ("quote-only")."""
    text = (resources.files("quotelens") / "data" / "reporting_verbs.txt").read_text(encoding="utf-8")
    entries: dict[str, set[str]] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            entries[fields[0]] = set(fields[1:])
    return entries


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(_lexicon())


@lru_cache(maxsize=1)
def quote_only_verbs() -> frozenset[str]:
    """Cues only next to a quotation, never for reported speech ("he wondered", "he continued")."""
    return frozenset(w for w, flags in _lexicon().items() if "quote-only" in flags)
