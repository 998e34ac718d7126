"""Rule 1b of the attribution sieve: the words right after a quotation, read as words.

News writes a quotation's cue in two shapes: “…,” Jane Doe said / “…,” said Jane Doe. The
parse usually reads them (rule 1), but the small model often does not: "Tulsa" tagged as a verb
in “…,” Tulsa police Chief Chuck Jordan said; "Will" as a modal in “…,” Will wrote; "tweeted"
as an adjective in “…,” tweeted Rubio spokesman Alex Conant. These are QuoteLi3's trigram
patterns (quote - mention - verb, quote - verb - mention): a reporting verb and a noun phrase,
nothing else, between the close mark and the end of the clause. They apply only to a quotation
that opens its sentence, and only where rule 1 found nothing, with a lower prior.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import IRREGULAR, Cue, lemma_in, reporting_verbs
from ..types import QuotedSpan, Span
from .base import CONF_PATTERN, Link, TextIndex, set_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_MENTION_TOKENS = 10  # "the former Democratic governor of North Carolina" fits
MAX_APPOSITION_TOKENS = 12  # "..., Democrat of Tennessee, told ..."
MAX_PARENTHETICAL_TOKENS = 8  # "(D-Newport News)", "(R-Texas)"
MAX_RELATIVE_TOKENS = 8  # "..., the polling guru who founded fivethirtyeight.com tweeted"
RELATIVE_WORDS = {"who", "which"}
MAX_TAIL_TOKENS = 8  # after a full stop inside the marks: “….” Price said on Tuesday.
CLAUSE_ENDS = {".", "?", "!", ";", ":", "(", ")", "—", "–"}
NP_FUNCTION_WORDS = {"the", "a", "an", "one", "another", "two", "three", "some", "several", "of", "for", "&",
                     "and", "’s", "'s", "-", "his", "her", "their", "its"}
# Words after which a noun phrase stops: relative clauses, time and place adjuncts.
NP_STOP_WORDS = {"who", "whom", "whose", "which", "that", "as", "when", "while", "after", "before", "in", "on",
                 "at", "during", "to", "from", "with", "about", "in", "by", "since", "until", "because"}
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}
FUNCTION_POS = {"DET", "PRON", "ADV", "SCONJ", "CCONJ", "ADP", "PART"}  # not AUX: "Will" wrote
# Tags of a lower-case word that make a clause of the words after a quotation (a noun the
# tagger calls a base-form verb, "screenwriter/VB", still belongs to a noun phrase).
CLAUSE_TAGS = {"VBD", "VBZ", "VBP", "VBG", "VBN", "MD", "RB", "RBR", "RBS", "IN", "TO", "WDT", "WP", "WRB",
               "CC", "PRP", "EX", "UH"}


def link_by_pattern(link: Link, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    if not q.sentence_initial or q.close_mark is None:
        return False
    doc = ix.doc
    close = ix.tok(q.close_mark)
    para = ix.para_span(q.open_mark)
    i = _skip_blanks(doc, close + 1)
    if i < len(doc) and doc[i].text in (",", "—", "–"):
        i = _skip_blanks(doc, i + 1)
    if i >= len(doc) or doc[i].idx >= para.end or ix.in_quote[i]:
        return False
    # a quotation closed by . ? or ! may be a sentence of its own: the cue clause after it must
    # be short (“….” Price said on Tuesday.), not the start of a new statement
    stopped = text[max(q.content.start, q.close_mark - 1):q.close_mark].strip() in (".", "?", "!")
    found = _verb_then_mention(doc, ix, i, para) or _mention_then_verb(doc, ix, i, para)
    if found is None:
        return False
    verb, (lo, hi) = found
    if stopped and not _short_tail(doc, ix, max(verb.i, hi - 1) + 1, para):
        return False
    lo, hi = _name_at_end(doc, lo, hi)
    cue = Cue(head=verb.i, span=Span(verb.idx, verb.idx + len(verb.text)), kind="verb",
              source=(lo, hi), source_head=hi - 1, content=None)
    set_cue(link, cue, "pattern", CONF_PATTERN)
    return True


def _skip_blanks(doc: "Doc", i: int) -> int:
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def _is_cue_verb(tok: "Token", plural: bool = False) -> bool:
    """A finite reporting verb ("said", "tweeted", "says"; "say" after a plural subject),
    whatever POS the tagger gave it."""
    w = tok.lower_
    if not w.isalpha() or w.endswith("ing") or tok.ent_type_ == "PERSON":
        return False
    if not (w in IRREGULAR or w.endswith("ed") or w.endswith("s") or (plural and tok.tag_ in ("VBP", "VB", "NN"))):
        return False
    return lemma_in(tok, reporting_verbs()) is not None


def _np_end(doc: "Doc", ix: TextIndex, lo: int, para: Span, stop_at_verb: bool) -> int:
    """End of the noun phrase starting at ``lo`` (exclusive), or ``lo`` if there is none."""
    hi = lo
    while hi < len(doc) and hi - lo < MAX_MENTION_TOKENS:
        tok = doc[hi]
        if ix.in_quote[hi] or tok.idx >= para.end or tok.is_space or tok.text in CLAUSE_ENDS or tok.text == ",":
            break
        low = tok.lower_
        if low in NP_STOP_WORDS and not tok.text[0].isupper():
            break
        if stop_at_verb and hi > lo and _is_cue_verb(tok, _plural(doc, lo, hi)):
            break
        if tok.is_quote and hi > lo:  # a nickname's marks (the quotes stage did not take it for a quote)
            hi += 1
            continue
        capital = tok.text[0].isupper() or tok.text[0].isdigit()
        if not (capital or low in NP_FUNCTION_WORDS or (hi == lo and low in SUBJECT_PRONOUNS)
                or (tok.text == "." and hi > lo) or (tok.is_alpha and tok.tag_ not in CLAUSE_TAGS)):
            return lo  # a finite verb, adverb or preposition: a clause, not a name
        hi += 1
    while hi > lo and doc[hi - 1].lower_ in NP_FUNCTION_WORDS - {"’s", "'s"}:
        hi -= 1
    return hi


def _verb_then_mention(doc: "Doc", ix: TextIndex, i: int, para: Span):
    """“…,” said Rubio spokesman Alex Conant."""
    if not _is_cue_verb(doc[i]):
        return None
    hi = _np_end(doc, ix, i + 1, para, stop_at_verb=False)
    if hi == i + 1 or not _has_noun(doc, i + 1, hi):
        return None
    if hi < len(doc) and not _ends_clause(doc, ix, hi, para):
        return None
    return doc[i], (i + 1, hi)


def _mention_then_verb(doc: "Doc", ix: TextIndex, i: int, para: Span):
    """“…,” Tulsa police Chief Chuck Jordan said Monday. / “…,” Jane Doe, the mayor, said."""
    if doc[i].pos_ == "CCONJ":
        return None  # '“…” and other pocketbook issues': the sentence goes on, no subject starts here
    hi = _np_end(doc, ix, i, para, stop_at_verb=True)
    if hi == i or not (_has_noun(doc, i, hi) or (hi == i + 1 and doc[i].lower_ in SUBJECT_PRONOUNS)):
        return None
    v = _after_parenthetical(doc, ix, hi, para)
    if v > hi and v + 1 < len(doc) and doc[v].text == "," and _is_cue_verb(doc[v + 1], True):
        v += 1  # “…,” state Del. Marcia Price (D-Newport News), shouted to the crowd.
    if v < len(doc) and doc[v].text == "," and any(t.pos_ == "PROPN" for t in doc[i:hi]):
        # an apposition between commas: “…,” Jane Doe, the city's budget director, said. It may
        # hold one relative clause, closed by the reporting verb itself: “…,” Nate Silver, the
        # polling guru who founded fivethirtyeight.com tweeted. / Katie Packer, who is chairman
        # of the PAC said. The clause's own verb must not report (then whose words are these?).
        relative = rel_verb = False
        j, stop = v + 1, min(len(doc), v + 2 + MAX_APPOSITION_TOKENS + MAX_RELATIVE_TOKENS)
        while True:
            if j >= stop:
                return None
            if doc[j].text == "(":  # "…, state Del. Marcia Price (D-Newport News), shouted"
                after = _after_parenthetical(doc, ix, j, para)
                if after == j:
                    return None
                j = after
                continue
            if ix.in_quote[j] or doc[j].idx >= para.end or doc[j].text in CLAUSE_ENDS:
                return None
            if doc[j].text == ",":
                v = j + 1
                break
            if doc[j].lower_ in RELATIVE_WORDS and not relative:
                relative = True
                j += 1
                continue
            if j - v > MAX_APPOSITION_TOKENS and not relative:
                return None
            if rel_verb and _is_cue_verb(doc[j], True):  # whatever its tag ("tweeted/VBN")
                v = j
                break
            if doc[j].tag_ in ("VBD", "VBZ", "VBP") and not doc[j].text[0].isupper():
                if relative and not rel_verb and not _is_cue_verb(doc[j], True):
                    rel_verb = True
                    j += 1
                    continue
                return None
            j += 1
    if v >= len(doc) or not _is_cue_verb(doc[v], _plural(doc, i, hi)) or ix.in_quote[v]:
        return None
    return doc[v], (i, hi)


def _plural(doc: "Doc", lo: int, hi: int) -> bool:
    """The noun phrase doc[lo:hi] is plural: a plural noun or pronoun last, or two names joined
    by "and" ("Chiou and Howlett write": a present-tense verb without -s, which the tagger often
    reads as a noun after them)."""
    last = doc[hi - 1]
    if last.tag_ in ("NNS", "NNPS") or last.lower_ in ("they", "we", "i"):
        return True
    return last.pos_ == "PROPN" and any(t.lower_ in ("and", "&") for t in doc[lo + 1:hi - 1])


def _after_parenthetical(doc: "Doc", ix: TextIndex, i: int, para: Span) -> int:
    """The token after a short parenthesis that opens at ``i`` ("Sen. Tom Hale (R-Texas) said"),
    else ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(len(doc), i + 2 + MAX_PARENTHETICAL_TOKENS)):
        if ix.in_quote[j] or doc[j].idx >= para.end or doc[j].text == "(":
            return i
        if doc[j].text == ")":
            return j + 1
    return i


def _has_noun(doc: "Doc", lo: int, hi: int) -> bool:
    """A noun or a name: not only function words ("That said, …" is an idiom, not a speaker)."""
    return any(t.pos_ in ("NOUN", "PROPN") or (t.text[0].isupper() and t.pos_ not in FUNCTION_POS)
               for t in doc[lo:hi])


def _ends_clause(doc: "Doc", ix: TextIndex, i: int, para: Span) -> bool:
    """After an inverted subject comes the end of the sentence, a comma, or an adjunct."""
    tok = doc[i]
    return tok.idx >= para.end or tok.is_space or tok.text in CLAUSE_ENDS or tok.text == "," \
        or tok.lower_ in NP_STOP_WORDS or ix.in_quote[i]


def _short_tail(doc: "Doc", ix: TextIndex, i: int, para: Span) -> bool:
    """The cue clause ends its sentence within a few words ('Price said on Tuesday.'); one that
    goes on to a quotation or a clause ('He added, “…”', 'He said that …') starts a new statement."""
    for j in range(i, min(len(doc), i + MAX_TAIL_TOKENS + 1)):
        tok = doc[j]
        if ix.in_quote[j]:
            return False
        if tok.idx >= para.end or "\n" in tok.text or tok.text in (".", "?", "!"):
            return True
        if tok.text in (",", ":", "—", "–"):
            # 'Mr. Trump asked, repeating a broadside' ends the clause; 'He added, “…”' and
            # 'He said, twice, that …' go on to what he said next
            nxt = doc[j + 1:j + 4]
            return not any(ix.in_quote[t.i] or t.lower_ == "that" for t in nxt)
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.lower_ in ("that", "if", "whether"):
            return False
    return False


def _name_at_end(doc: "Doc", lo: int, hi: int) -> tuple[int, int]:
    """A phrase that ends in a person's name is that name ("Tulsa police Chief [Chuck Jordan]"):
    the parse of such a phrase is the unreliable part, so the mention is narrowed to the
    entity, and speakers/roles reads the title before it from the text. Otherwise the whole phrase."""
    end = doc[hi - 1]
    if end.ent_type_ != "PERSON" or _plural(doc, lo, hi):
        return lo, hi  # (two names joined by "and" are the pair: "Chiou and Howlett")
    start = hi - 1
    while start > lo and doc[start].ent_iob_ == "I":
        start -= 1
    return start, hi
