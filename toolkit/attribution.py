"""Quotation -> cue -> speaker mention: a sieve of rules, most precise first.

Each quoted span from quotes.py is linked to the words that name its speaker here ("Churkin",
"he", "one senior diplomat"), or to none. Who that mention *is* (a canonical person, an
organisation) is resolve.py's job. The sieve, in order (QuoteLi3's idea, for news):

1. ``cue``: a reporting verb in the quote's own sentence, outside any quote, that governs the quote
   in the parse or stands next to it (“…,” Churkin told reporters / He said: “…”); for a mixed quote
   deep in a long sentence, ``sentence``: the nearest cue of that sentence.
2. ``colon``: a paragraph that ends "X said:" introduces the quote paragraph after it; a colon
   inside the paragraph credits the person named just before it.
3. ``label``: "Name: “…”" and "“…” — Name"; ``header``: a "Name, title" line above quote paragraphs.
   ``sequel``: “A,” X said. “B.” -- the next quote of the paragraph keeps X.
4. ``continues``: later paragraphs of one multi-paragraph quote share its speaker.
5. ``continuation``: a quote paragraph with no cue right after a paragraph whose speaker is known
   (the "floating quote" of the Gender Gap Tracker).
Indirect speech comes straight from cues with a clausal complement ("Price said that ...").

Confidence is the estimated chance that the mention is right: one prior per rule (named constants
below, measured on the tuning half of PolNeAR dev), multiplied in resolve.py by how sure the
mention -> person step is. Below ``Config.min_confidence`` the quote keeps no speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from .config import Config
from .cues import Cue, inverted_subject, mention_range
from .types import Article, QuoteKind, QuotedSpan, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Rule priors: share of links that name the right speaker mention (tuning half of PolNeAR dev).
CONF_CUE_GOVERNS = 0.95  # the cue's parse subtree holds the quote
CONF_CUE_ADJACENT = 0.9  # the cue stands next to the quote in its sentence
CONF_CUE_SENTENCE = 0.8  # a mixed quote and a cue further away in the same sentence (30/36 right, even half)
CONF_COLON = 0.85  # "X said:" at the end of the paragraph before
CONF_COLON_SUBJECT = 0.75  # "X released the following statement:" before the paragraph
CONF_LABEL = 0.85
CONF_HEADER = 0.8  # "Name, title" line above a block of quote paragraphs  # "Name: “…”" / "“…” — Name"
CONF_CONTINUES = 0.95  # a later paragraph of the same multi-paragraph quote (times its speaker's)
CONF_CONTINUATION = 0.75
CONF_AFTER_CUE_SENTENCE = 0.85  # "X agreed. “…”": a quote right after a reported statement
CONF_SEQUEL = 0.92  # “A,” X said. “B.” : the second quote in the same paragraph  # cue-less quote paragraph after one whose speaker is known
CONF_INDIRECT = 0.85  # reported clause of a reporting verb with a subject

MAX_CUE_GAP = 12  # tokens between a quote mark and an adjacent cue verb
MAX_AFTER_SCAN = 40  # tokens scanned after a close mark when only the cue's subject stands between
INVERSION_GAP = 3  # tokens: ,” said X / ,” X said
MAX_AFTER_SENTENCE = 14  # tokens in a short "he said." sentence that follows a closed quote
MIN_INDIRECT_TOKENS = 3
MAX_TITLE_WORDS = 7
MAX_PHRASE_TOKENS = 40  # the phrase around a mixed quote is a phrase, not a paragraph
MAX_HEADER_WORDS = 16  # a "Name, title" line above quote paragraphs
MAX_HEADER_DISTANCE = 4  # paragraphs of quotation between such a line and a quote
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "and", "to", "for", "at", "with", "by", "or", "from",
                     "vs", "de", "la", "is", "as", "my", "me"}
MAX_SEQUEL_GAP = 250  # characters between a cue and the next quote of the same speaker  # shorter reported clauses ("said so") are not content
DASH_RE = re.compile(r"^\s*[—–-]{1,2}\s*")
LABEL_RE = re.compile(r"^\s*([A-Z][^\n:“”\"]{1,80}?)\s*:\s*$")


@dataclass(slots=True)
class Link:
    """One attributed (or not) stretch of speech, before speakers are resolved."""

    contents: list[Span]
    kind: QuoteKind
    cue: Cue | None = None
    source: tuple[int, int] | None = None  # token range of the speaker mention
    method: str = "none"
    confidence: float = 0.0
    clause: Span | None = None  # the reported clause around a mixed quote / of indirect speech
    follows: "Link | None" = None  # continuation: take this link's speaker
    quoted: list[QuotedSpan] = field(default_factory=list)


class _Index:
    """Character <-> token lookups and quote membership for one doc."""

    def __init__(self, doc: "Doc", article: Article, spans: Sequence[QuotedSpan]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        text = article.text
        paras = article.paragraphs or _paragraphs_from_lines(text)
        self.para_starts = [p.start for p in paras]
        self.paras = list(paras)
        # Sentence bounds per token, computed once: spaCy's Token.sent re-checks the whole
        # doc for sentence annotation on every call (quadratic on long articles).
        self.sent_bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_bounds[i] = (sent.start, sent.end)
        self.in_quote = [False] * len(doc)
        for q in spans:
            lo = q.open_mark
            hi = q.close_mark + 1 if q.close_mark is not None else q.content.end
            for i in range(self.tok(lo), self.tok(max(lo, hi - 1)) + 1):
                self.in_quote[i] = True

    def sent(self, i: int):
        """The sentence (a doc slice) holding token ``i``."""
        lo, hi = self.sent_bounds[i]
        return self.doc[lo:hi]

    def tok(self, char: int) -> int:
        """Index of the token containing (or starting after) ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(0, min(i, len(self.starts) - 1))

    def para(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def para_span(self, char: int) -> Span:
        return self.paras[self.para(char)] if self.paras else Span(0, len(self.doc.text))


def _paragraphs_from_lines(text: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))


def link_speakers(doc: "Doc", article: Article, spans: Sequence[QuotedSpan], cues: Sequence[Cue],
                  config: Config) -> list[Link]:
    """Link every quotation (and every indirect report) to a speaker mention, or to none."""
    text = article.text
    spans = [q for q in spans if not any(b.contains(q.content) for b in article.boilerplate)]
    cues = [c for c in cues if not any(b.contains(c.span) for b in article.boilerplate)]
    if not spans and not cues:
        return []
    ix = _Index(doc, article, spans)
    free_cues = [c if c.source_head is None or not ix.in_quote[c.source_head] else _without_source(c, doc, ix)
                 for c in cues if not ix.in_quote[c.head]]
    by_head = {c.head: c for c in free_cues}

    links: list[Link] = []
    for q in spans:
        link = Link(contents=[q.content], kind="direct" if q.sentence_initial else "mixed", quoted=[q])
        _link_by_cue(link, q, ix, by_head, text)
        links.append(link)
    _merge_split_quotes(links, ix, text)
    for i, link in enumerate(links):
        if link.method != "none":
            continue
        q = link.quoted[0]
        if _link_by_colon(link, q, ix, free_cues, text) or _link_by_label(link, q, ix, text):
            continue
        if _link_by_header(link, q, ix, links[:i], text):
            continue
        if i and links[i - 1].quoted[-1].continues and ix.para(links[i - 1].quoted[-1].open_mark) + 1 == ix.para(q.open_mark):
            link.follows, link.method, link.confidence = links[i - 1], "continues", CONF_CONTINUES
        elif i and _same_paragraph_sequel(links[i - 1], q, ix, text):
            link.follows, link.method, link.confidence = links[i - 1], "sequel", CONF_SEQUEL
        else:
            _link_after_cue_sentence(link, q, ix, free_cues, text)
    for link in links:
        if link.kind == "mixed" and link.clause is None and link.method != "none":
            link.clause = _phrase_around(ix, link.quoted[0])
    _backfill_multiparagraph(links, ix)
    _continuations(links, ix, text)
    links = [lk for lk in links if not _is_scare_quote(lk, text, config)]
    if config.include_indirect:
        links.extend(_indirect(free_cues, links, ix, text))
    links.sort(key=lambda lk: lk.contents[0].start)
    return links


# -- rule 1: a cue in the quote's sentence -------------------------------------------------------
def _link_by_cue(link: Link, q: QuotedSpan, ix: _Index, by_head: dict[int, Cue], text: str) -> None:
    doc = ix.doc
    q_lo = ix.tok(q.open_mark)
    q_hi = ix.tok(q.close_mark) if q.close_mark is not None else ix.tok(max(q.content.end - 1, q.content.start))
    para = ix.para_span(q.open_mark)
    # Governing cue: a reporting verb outside the quote whose subtree holds the quote's tokens.
    # (quote marks and punctuation hang on whatever verb the parser likes: not evidence)
    inner = [t for t in doc[q_lo:q_hi + 1] if (t.head.i < q_lo or t.head.i > q_hi) and not t.is_punct]
    for t in inner:
        head = t.head
        steps = 0
        while steps < 4:
            steps += 1
            if head.i in by_head and (head.i < q_lo or head.i > q_hi) and para.start <= head.idx < para.end:
                cue = by_head[head.i]
                if cue.source is not None:
                    _set(link, cue, "cue", CONF_CUE_GOVERNS)
                    if not q.sentence_initial:
                        link.clause = _mixed_clause(doc, cue, q, ix)
                    return
            if head.head is head or ix.in_quote[head.i]:
                break
            head = head.head
    # Adjacent cue: the nearest reporting verb after the close mark or before the open mark,
    # in the same sentence (or a short sentence right after), not inside another quote.
    best: tuple[int, Cue] | None = None
    if q.close_mark is not None:
        close_tok = q_hi
        sent = ix.sent(close_tok)
        stop = sent.end
        if stop <= close_tok + 2 and stop < len(doc):  # “…war.” Churkin said.
            nxt = ix.sent(stop) if not doc[stop].is_space else ix.sent(min(stop + 1, len(doc) - 1))
            if len(nxt) <= MAX_AFTER_SENTENCE and nxt.start_char < para.end:
                stop = nxt.end
        for i in range(close_tok + 1, min(stop, close_tok + 1 + MAX_AFTER_SCAN)):
            if ix.in_quote[i] or doc[i].idx >= para.end:
                break
            cue = by_head.get(i)
            if cue is not None and cue.source is not None and (
                    i - close_tok <= MAX_CUE_GAP or _only_source_between(doc, cue, close_tok + 1, i)):
                best = (i - close_tok, cue)
                break
    sent = ix.sent(q_lo)
    for i in range(q_lo - 1, max(sent.start, q_lo - MAX_CUE_GAP) - 1, -1):
        if ix.in_quote[i] or doc[i].idx < para.start:
            break
        cue = by_head.get(i)
        if cue is not None and cue.source is not None:
            # “…?” asked Dunn / “…,” she said: a cue right after the close mark wins over one before
            if best is None or ((q_lo - i) < best[0] and best[0] > INVERSION_GAP):
                best = (q_lo - i, cue)
            break
    if best is None and not q.sentence_initial:
        # A mixed quote deep in a long sentence: "X told reporters ... that he thinks the Brexit
        # is “a great thing.”" -- the nearest cue of the same sentence, outside other quotes.
        sent = ix.sent(q_lo)
        for i in list(range(q_lo - 1, sent.start - 1, -1)) + list(range(q_hi + 1, sent.end)):
            if ix.in_quote[i]:
                continue
            cue = by_head.get(i)
            if cue is not None and cue.source is not None and para.start <= doc[i].idx < para.end:
                _set(link, cue, "sentence", CONF_CUE_SENTENCE)
                link.clause = _mixed_clause(doc, cue, q, ix)
                return
    if best is not None:
        _set(link, best[1], "cue", CONF_CUE_ADJACENT)
        if not q.sentence_initial:
            link.clause = _mixed_clause(doc, best[1], q, ix)


def _only_source_between(doc: "Doc", cue: Cue, lo: int, hi: int) -> bool:
    """“…,” James B. Comey Jr., the director of the F.B.I., said: a long subject with its
    apposition between the quote and its verb is still next to it."""
    if cue.source_head is None:
        return False
    src = doc[cue.source_head]
    left, right = src.left_edge.i, src.right_edge.i
    return all(doc[j].is_punct or left <= j <= right for j in range(lo, hi))


def _without_source(cue: Cue, doc: "Doc", ix: "_Index") -> Cue:
    """A cue whose parsed subject lies inside a quotation: the parse is wrong. '"Meh," wrote a
    Trump supporter' -- the speaker is the inverted subject after the verb, if there is one."""
    src = inverted_subject(doc[cue.head])
    if src is not None and not ix.in_quote[src.i]:
        return Cue(head=cue.head, span=cue.span, kind=cue.kind, source=mention_range(src), source_head=src.i,
                   content=cue.content, has_object=cue.has_object)
    return Cue(head=cue.head, span=cue.span, kind=cue.kind, source=None, source_head=None,
               content=cue.content, has_object=cue.has_object)


def _set(link: Link, cue: Cue, method: str, confidence: float) -> None:
    link.cue, link.source, link.method, link.confidence = cue, cue.source, method, confidence


def _mixed_clause(doc: "Doc", cue: Cue, q: QuotedSpan, ix: "_Index") -> Span | None:
    """The reported clause around a mixed quote: the cue's complement stretched to hold the
    whole quotation (the parse often hangs the quoted words off a neighbouring word)."""
    end = q.close_mark + 1 if q.close_mark is not None else q.content.end
    if cue.content is None:
        return None
    clause = _clause_span(doc, cue)
    sent = ix.sent(ix.tok(q.open_mark))
    if clause.start > q.open_mark or not (sent.start_char <= clause.start < sent.end_char):
        return None
    return Span(clause.start, max(clause.end, end))


def _phrase_around(ix: "_Index", q: QuotedSpan) -> Span | None:
    """The phrase that quoted words are built into, when no cue complement holds them:
    'called the behavior a “fireable offense.”', 'Trump's call for a “deportation force”'."""
    doc = ix.doc
    q_lo = ix.tok(q.open_mark)
    q_hi = ix.tok(q.close_mark) if q.close_mark is not None else ix.tok(max(q.content.end - 1, q.content.start))
    outer = [t for t in doc[q_lo:q_hi + 1] if (t.head.i < q_lo or t.head.i > q_hi) and not t.is_punct]
    if not outer:
        return None
    head = outer[0].head
    lo, hi = ix.sent_bounds[q_lo]
    if head.pos_ in ("VERB", "AUX"):
        start, end = head.i + 1, head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, head.right_edge.i + 1
    start, end = max(start, lo), min(end, hi)
    if not (start <= q_lo and q_hi < end) or end - start > MAX_PHRASE_TOKENS:
        return None
    if any(ix.in_quote[i] for i in range(start, end) if not q_lo <= i <= q_hi):
        return None
    while end - 1 > q_hi and doc[end - 1].is_punct:
        end -= 1
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _clause_span(doc: "Doc", cue: Cue) -> Span | None:
    if cue.content is None:
        return None
    lo, hi = cue.content
    return Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))


# -- split quotes: “A,” she said, “B.” ------------------------------------------------------------
def _merge_split_quotes(links: list[Link], ix: _Index, text: str) -> None:
    i = 0
    while i + 1 < len(links):
        a, b = links[i], links[i + 1]
        qa, qb = a.quoted[-1], b.quoted[0]
        if (a.cue is not None and qa.close_mark is not None and ix.para(qa.open_mark) == ix.para(qb.open_mark)
                and qa.close_mark < a.cue.span.start and a.cue.span.end <= qb.open_mark
                and (b.cue is None or b.cue is a.cue)):
            between = text[a.cue.span.end:qb.open_mark]
            # only the rest of the cue clause and a comma/colon between the two halves
            if len(between) < 80 and re.search(r"[,:;]\s*$", between) and "." not in between.replace("Mr.", "").replace("Ms.", ""):
                a.contents.extend(b.contents)
                a.quoted.extend(b.quoted)
                del links[i + 1]
                continue
        i += 1


# -- rules 2 and 3: "X said:" before the paragraph, "Name: “…”", "“…” — Name" ----------------------
def _link_by_colon(link: Link, q: QuotedSpan, ix: _Index, cues: Sequence[Cue], text: str) -> bool:
    p = ix.para(q.open_mark)
    para = ix.para_span(q.open_mark)
    before = text[para.start:q.open_mark]
    if before.rstrip().endswith(":"):
        return _link_by_inline_colon(link, q, ix, text)
    if before.strip() or p == 0:
        return False
    prev = ix.paras[p - 1]
    if not text[prev.start:prev.end].rstrip().endswith(":"):
        return False
    inside = [c for c in cues if prev.start <= c.span.start < prev.end and c.source is not None]
    if inside:
        _set(link, inside[-1], "colon", CONF_COLON)
        return True
    # "President Clinton released the following statement:" -- the subject of the last sentence
    last = ix.sent(ix.tok(max(prev.start, prev.end - 1)))
    subj = [t for t in last.root.children if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN")]
    if subj and not ix.in_quote[subj[0].i]:
        link.source, link.method, link.confidence = mention_range(subj[0]), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _link_by_inline_colon(link: Link, q: QuotedSpan, ix: _Index, text: str) -> bool:
    """'... doesn't surprise Republican pollster Daron Shaw: “…”' / 'She then addressed the
    supporters again: “…”': the person named right before the colon, else the subject of the
    clause the colon ends, when that is a person."""
    doc = ix.doc
    colon = ix.tok(text.rindex(":", 0, q.open_mark))
    lo, _ = ix.sent_bounds[colon]
    prev = doc[colon - 1] if colon > lo else None
    if prev is not None and prev.ent_type_ == "PERSON" and not ix.in_quote[prev.i]:
        start = prev.i
        while start - 1 >= lo and doc[start - 1].ent_type_ == "PERSON":
            start -= 1
        link.source, link.method, link.confidence = (start, prev.i + 1), "colon", CONF_COLON_SUBJECT
        return True
    root = doc[colon].head if doc[colon].head.i < colon else None
    while root is not None and root.dep_ not in ("ROOT", "ccomp", "conj") and root.head is not root:
        root = root.head
    subj = [t for t in root.children if t.dep_ == "nsubj"] if root is not None else []
    if subj and (subj[0].ent_type_ == "PERSON" or subj[0].lower_ in ("he", "she")) and not ix.in_quote[subj[0].i]:
        link.source, link.method, link.confidence = mention_range(subj[0]), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _link_by_label(link: Link, q: QuotedSpan, ix: _Index, text: str) -> bool:
    para = ix.para_span(q.open_mark)
    doc = ix.doc
    before = text[para.start:q.open_mark]
    m = LABEL_RE.match(before)
    if m and len(m.group(1).split()) <= 6:
        lo, hi = para.start + m.start(1), para.start + m.end(1)
        if _proper_name_tokens(doc, ix, lo, hi):
            link.source, link.method, link.confidence = _tok_range(ix, lo, hi), "label", CONF_LABEL
            return True
    if q.close_mark is not None:
        after = text[q.close_mark + 1:para.end]
        d = DASH_RE.match(after)
        if d and d.end() > 0 and after[:d.end()].strip():
            rest = after[d.end():]
            name = re.match(r"[A-Z][\w.’'\- ]{1,60}?(?=,|$|\.\s|\n|\()", rest)
            if name:
                lo = q.close_mark + 1 + d.end()
                hi = lo + len(name.group(0).rstrip(". "))
                if _proper_name_tokens(doc, ix, lo, hi):
                    link.source, link.method, link.confidence = _tok_range(ix, lo, hi), "label", CONF_LABEL
                    return True
    return False


def _link_by_header(link: Link, q: QuotedSpan, ix: _Index, earlier: Sequence[Link], text: str) -> bool:
    """Round-ups and Q&As credit a block of quote paragraphs with a short line above them:
    "Lawrence Yun, NAR Chief Economist" / "Jane Doe, founder of X:". The line is a name and
    its title, with no verb; every paragraph between it and the quote is quotation."""
    p = ix.para(q.open_mark)
    doc = ix.doc
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


def _tok_range(ix: _Index, lo: int, hi: int) -> tuple[int, int]:
    return ix.tok(lo), ix.tok(hi - 1) + 1


def _proper_name_tokens(doc: "Doc", ix: _Index, lo: int, hi: int) -> bool:
    toks = doc[ix.tok(lo):ix.tok(hi - 1) + 1]
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in toks)


def _link_after_cue_sentence(link: Link, q: QuotedSpan, ix: _Index, cues: Sequence[Cue], text: str) -> bool:
    """'Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”': a quote
    that opens the sentence right after a reported statement, in the same paragraph, continues it."""
    if not q.sentence_initial:
        return False
    para = ix.para_span(q.open_mark)
    q_tok = ix.tok(q.open_mark)
    lo, _ = ix.sent_bounds[q_tok]
    if lo == 0 or ix.doc[lo - 1].idx < para.start:
        return False
    prev_lo, prev_hi = ix.sent_bounds[lo - 1]
    if text[ix.doc[prev_hi - 1].idx + len(ix.doc[prev_hi - 1].text):q.open_mark].strip():
        return False  # words between the sentence and the quote
    if any(ix.in_quote[i] for i in range(prev_lo, prev_hi)):
        return False
    inside = [c for c in cues if prev_lo <= c.head < prev_hi and c.source is not None]
    if len(inside) != 1:
        return False
    _set(link, inside[0], "after", CONF_AFTER_CUE_SENTENCE)
    return True


def _same_paragraph_sequel(prev: Link, q: QuotedSpan, ix: _Index, text: str) -> bool:
    """“A,” Cummings said. “B.” : a sentence-initial quote right after an attributed quote and its
    cue in the same paragraph, with no other words between, continues that speaker."""
    if prev.method == "none" or not q.sentence_initial:
        return False
    last = prev.quoted[-1]
    if ix.para(last.open_mark) != ix.para(q.open_mark):
        return False
    end = last.close_mark + 1 if last.close_mark is not None else last.content.end
    if prev.cue is not None and prev.cue.span.end <= q.open_mark:
        end = max(end, prev.cue.span.end)
        if prev.source is not None:
            end = max(end, ix.doc[prev.source[1] - 1].idx + len(ix.doc[prev.source[1] - 1].text))
    gap = text[end:q.open_mark]
    if len(gap) > MAX_SEQUEL_GAP or any(c in gap for c in "“”\"") or "\n" in gap:
        return False
    # what is left between is the tail of the cue's sentence ("in a statement.", ", a D.C.-based
    # strategist."): the quote opens in that sentence or the one right after it
    cue_sent = ix.sent(ix.tok(max(end - 1, 0)))
    q_sent = ix.sent(ix.tok(q.open_mark))
    return q_sent.start <= cue_sent.end + 1


# -- rules 4 and 5: multi-paragraph quotes and cue-less quote paragraphs ---------------------------
def _backfill_multiparagraph(links: list[Link], ix: _Index) -> None:
    """A multi-paragraph quote whose cue comes in a later paragraph: earlier paragraphs take it."""
    for i in range(len(links) - 2, -1, -1):
        a, b = links[i], links[i + 1]
        if a.method == "none" and a.quoted[-1].continues and b.method not in ("none", "continues"):
            a.follows, a.method, a.confidence = b, "continues", CONF_CONTINUES


def _continuations(links: list[Link], ix: _Index, text: str) -> None:
    for i, link in enumerate(links):
        if link.method != "none" or not i:
            continue
        q = link.quoted[0]
        para = ix.para_span(q.open_mark)
        if text[para.start:q.open_mark].strip():
            continue  # the quote does not open its paragraph
        prev = links[i - 1]
        if prev.method == "none" or ix.para(prev.contents[-1].start) != ix.para(q.open_mark) - 1:
            continue
        # the whole paragraph is quotation (no writer's sentence that could name someone else)
        if _has_outside_words(ix, para, link):
            continue
        link.follows, link.method, link.confidence = prev, "continuation", CONF_CONTINUATION


def _has_outside_words(ix: _Index, para: Span, link: Link) -> bool:
    doc = ix.doc
    lo, hi = ix.tok(para.start), ix.tok(max(para.start, para.end - 1)) + 1
    return sum(1 for t in doc[lo:hi] if not ix.in_quote[t.i] and t.is_alpha) > 3


def _is_scare_quote(link: Link, text: str, config: Config) -> bool:
    """Quoted words that are not speech: short ones in the writer's own sentence with no cue
    (scare quotes, nicknames), and titles of shows, books and films in any position."""
    if len(link.contents) == 1 and is_title_like(text[link.contents[0].start:link.contents[0].end]) and (
            link.kind == "mixed" or link.method not in ("cue", "colon", "label")):
        return True
    if link.kind != "mixed" or link.method != "none":
        return False
    words = sum(len(text[c.start:c.end].split()) for c in link.contents)
    return words <= config.max_scare_words


def is_title_like(words: str) -> bool:
    """“Saturday Night Live”, “Trump and Me,” “The Walking Dead.”: a few words, every one
    capitalised but the small ones, no sentence inside. Speech is rarely written so."""
    tokens = re.findall(r"[^\W\d_][\w’'\-]*", words)
    if not tokens or len(tokens) > MAX_TITLE_WORDS or re.search(r"[.!?;:]\s+\S", words.strip()):
        return False
    if len(tokens) == 1 and not words.strip().rstrip(".,!?").istitle():
        return False
    return tokens[0][0].isupper() and all(t[0].isupper() or t.lower() in TITLE_SMALL_WORDS for t in tokens) \
        and not (len(tokens) == 1 and tokens[0].lower() in ("no", "yes", "never", "okay", "ok"))


# -- indirect speech -----------------------------------------------------------------------------
def _indirect(cues: Sequence[Cue], links: Sequence[Link], ix: _Index, text: str) -> list[Link]:
    doc = ix.doc
    # a cue whose complement is a quotation reports nothing more; one that only introduces the
    # next sentence's quotation ("after", "colon") keeps its own clause as indirect speech
    taken = {lk.cue.head for lk in links if lk.cue is not None and lk.method in ("cue", "sentence")}
    quoted = [c for lk in links for c in lk.contents]
    out = []
    for cue in cues:
        if cue.head in taken or cue.content is None or cue.source is None:
            continue
        lo, hi = cue.content
        if hi - lo < MIN_INDIRECT_TOKENS or any(ix.in_quote[i] for i in range(lo, hi)):
            continue
        span = Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        if any(span.overlaps(c) for c in quoted):
            continue
        link = Link(contents=[span], kind="indirect", clause=span)
        _set(link, cue, "indirect", CONF_INDIRECT)
        out.append(link)
    return out


__all__ = ["Link", "link_speakers", "mention_range"]
