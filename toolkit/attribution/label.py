"""Rule 3 of the attribution sieve: a name set apart as a label -- "Name: “…”", "“…” — Name",
and "Name, title" header lines above quote paragraphs."""
from __future__ import annotations

import re
from typing import Sequence

from ..types import QuotedSpan
from .base import (CONF_HEADER, CONF_LABEL, DASH_RE, HEADLINE_LABEL_RE, LABEL_RE, MAX_HEADER_DISTANCE,
                   MAX_HEADER_WORDS, MAX_HEADLINE_WORDS, Link, TextIndex, words_before)
from .paragraph import person_named_elsewhere, proper_name_tokens, tok_range

# "Name, in a statement:" / "Name, on Twitter:" / "Name, via email:": where the words were said.
LABEL_PLACE_WORDS = frozenset({"in", "on", "via", "to", "at", "during", "after", "from"})


def link_by_label(link: Link, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    para = ix.para_span(q.open_mark)
    doc = ix.doc
    before = text[para.start:q.open_mark]
    m = LABEL_RE.match(before)
    label_end = m.end(1) if m else 0
    if m and "," in m.group(1):
        # "Mayor Jo Park, in a statement: “…”": a name, then where it was said
        name, _, where = m.group(1).partition(",")
        if where.split()[:1] and where.split()[0].lower() in LABEL_PLACE_WORDS and len(where.split()) <= 5:
            label_end = m.start(1) + len(name.rstrip())
    if m and len(before[m.start(1):label_end].split()) <= 6 and _name_like(before[m.start(1):label_end]):
        lo, hi = para.start + m.start(1), para.start + label_end
        # a label is a name, not a clause ("Asked about it on Friday: “…”" names no one)
        clause = any(t.pos_ in ("VERB", "AUX", "PRON") for t in doc[ix.tok(lo):ix.tok(hi - 1) + 1])
        owner = re.match(r"(.+?)[’']s\s", text[lo:hi])
        if owner:
            hi = lo + len(owner.group(1))  # "Ann Ruiz's take: “…”" is Ruiz's
        if not clause and (proper_name_tokens(doc, ix, lo, hi) or person_named_elsewhere(ix, lo, hi)):
            link.source, link.method, link.confidence = tok_range(ix, lo, hi), "label", CONF_LABEL
            return True
    h = HEADLINE_LABEL_RE.match(before)
    if h and len(text[para.start:para.end].split()) <= MAX_HEADLINE_WORDS \
            and person_named_elsewhere(ix, para.start + h.start(1), para.start + h.end(1)):
        # a headline "Sanders: Clinton needs to ‘get away from all this personality stuff’": the
        # words after the label are the person's, in the headline's short form
        lo, hi = para.start + h.start(1), para.start + h.end(1)
        link.source, link.method, link.confidence = tok_range(ix, lo, hi), "label", CONF_LABEL
        return True
    if q.close_mark is not None:
        start = q.close_mark + 1
        after = text[start:para.end]
        p = ix.para(q.open_mark)
        if not after.strip() and not words_before(text, para.start, q.open_mark) and p + 1 < len(ix.paras):
            # a quote paragraph signed by the next one: “…” / -President Obama, tweeting after …
            start, after = ix.paras[p + 1].start, text[ix.paras[p + 1].start:ix.paras[p + 1].end]
        d = DASH_RE.match(after)
        if d and d.end() > 0 and after[:d.end()].strip():
            rest = after[d.end():]
            # (the name ends at a comma, a parenthesis or a dash before the title: "— Ann Ruiz –
            # Principal SEO at Yoast", "— Ann Ruiz (@ruiz)")
            name = re.match(r"[A-Z][\w.’'\- ]{1,60}?(?=,|$|\.\s|\n|\(|\s[—–-]\s)", rest)
            if name:
                lo = start + d.end()
                hi = lo + _signature_length(name.group(0).rstrip(". "))
                if proper_name_tokens(doc, ix, lo, hi):
                    link.source, link.method, link.confidence = tok_range(ix, lo, hi), "label", CONF_LABEL
                    return True
    return False


_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "van", "von", "der", "den", "bin", "al", "la", "le",
                             "du", "dos", "y"})


def _signature_length(words: str) -> int:
    """How much of the words after a dash sign the quote: the run of capitalised name words,
    to a possessive at most ("— Maria Gonzalez's words at the rally" is signed Maria Gonzalez)."""
    end = 0
    for m in re.finditer(r"\S+", words):
        w = m.group(0)
        if not (w[:1].isupper() or w in _NAME_PARTICLES):
            break
        possessive = re.search(r"['’]s?$", w)
        end = m.end() - (len(possessive.group(0)) if possessive else 0)
        if possessive:
            break
    return end or len(words)


def link_by_header(link: Link, q: QuotedSpan, ix: TextIndex, earlier: Sequence[Link], text: str) -> bool:
    """Round-ups and Q&As credit a block of quote paragraphs with a short line above them:
    "Lawrence Yun, NAR Chief Economist" / "Jane Doe, founder of X:". The line is a name and
    its title, with no verb; every paragraph between it and the quote is quotation."""
    p = ix.para(q.open_mark)
    doc = ix.doc
    lead = text[ix.para_span(q.open_mark).start:q.open_mark].strip()
    if lead and not lead.endswith(":"):
        return False  # a header credits quote paragraphs ("- Rates: “…”"), not a quotation in a sentence
    quoted_paras = {ix.para(c.start) for lk in earlier for c in lk.contents}
    for back in range(1, MAX_HEADER_DISTANCE + 1):
        if p - back < 0:
            return False
        prev = ix.paras[p - back]
        if (p - back) in quoted_paras:
            continue
        line = text[prev.start:prev.end].strip()
        if not line or len(line.split()) > MAX_HEADER_WORDS:
            return False
        lo, hi = ix.tok(prev.start), ix.tok(max(prev.start, prev.end - 1)) + 1
        toks = doc[lo:hi]
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP") for t in toks):
            return False
        name = []
        for t in toks:
            if t.pos_ == "PROPN" or (t.ent_type_ == "PERSON" and not t.is_punct):
                name.append(t)
            else:
                break
        # a person's name, or a name followed by ", title" (section headings such as
        # "Color Mixes" are Title Case too, but stand alone)
        titled = len(name) + 1 < len(toks) and toks[len(name)].text == ","
        if len(name) < 2 or not (titled or any(t.ent_type_ == "PERSON" for t in name)):
            return False
        if len(name) < len(toks) and toks[len(name)].text not in (",", ":", "—", "–", "("):
            return False
        link.source, link.method, link.confidence = (name[0].i, name[-1].i + 1), "header", CONF_HEADER
        return True
    return False


def _name_like(label: str) -> bool:
    """'Maria Lopez', 'Sen. Bernie Sanders', 'WSJ editorial' -- not 'Then, later that month on CNN':
    a label names someone in a few words; a comma means a clause or an adverbial."""
    return "," not in label and label[:1].isupper()
