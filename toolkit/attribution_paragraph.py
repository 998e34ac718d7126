"""Rules 2 and 3 of the attribution sieve: what the paragraph around a quotation says about its
speaker when its own sentence has no cue -- "X said:" before it, "Name: “…”", "“…” — Name",
"Name, title" header lines, a reported statement just before it, “A,” X said. “B.”"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .attribution_base import (CONF_AFTER_CUE_SENTENCE, CONF_COLON, CONF_COLON_SUBJECT, CONF_HEADER, CONF_LABEL,
                               HEADLINE_LABEL_RE, MAX_HEADLINE_WORDS,
                               DASH_RE, LABEL_RE, MAX_HEADER_DISTANCE, MAX_HEADER_WORDS, MAX_SEQUEL_GAP,
                               Link, TextIndex, is_title_like, set_cue, words_before)
from .cues import NOT_SPEAKER_ENTS, Cue, apposed_name, mention_range
from .cues_lexicon import WRITTEN_SOURCES, lemma_in
from .cues_owner import passed_on_words_owner, words_owner
from .roles_lexicon import INSTITUTION_NOUNS, is_role_noun
from .types import QuotedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "Name, in a statement:" / "Name, on Twitter:" / "Name, via email:": where the words were said.
LABEL_PLACE_WORDS = frozenset({"in", "on", "via", "to", "at", "during", "after", "from"})
_TITLE_IN_GAP = re.compile(r"[“\"]([^“”\"\n]{1,80})[”\"]")
# Verbs of asking: "Ruiz asked Lee: “…?”" puts a question to someone.
ASK_VERBS = frozenset({"ask", "question", "press", "quiz"})
# Verbs whose passive subject is the one spoken to: "Ruiz was asked: “…?”" quotes the asker.
_PUT_TO_VERBS = ASK_VERBS | {"tell", "challenge", "confront", "warn", "urge"}


def link_by_colon(link: Link, q: QuotedSpan, ix: TextIndex, cues: Sequence[Cue], text: str) -> bool:
    p = ix.para(q.open_mark)
    para = ix.para_span(q.open_mark)
    before = text[para.start:q.open_mark]
    if before.rstrip().endswith(":"):
        return _link_by_inline_colon(link, q, ix, text)
    if words_before(text, para.start, q.open_mark) or p == 0:
        return False
    prev = ix.paras[p - 1]
    if not text[prev.start:prev.end].rstrip().endswith(":"):
        return False
    inside = [c for c in cues if prev.start <= c.span.start < prev.end and c.source is not None]
    if inside:
        set_cue(link, inside[-1], "colon", CONF_COLON)
        return True
    # "President Clinton released the following statement:" -- the subject of the last sentence,
    # when it is one who speaks (not "Here are five new films you can stream this week:")
    last = ix.sent(ix.tok(max(prev.start, prev.end - 1)))
    subj = [t for t in last.root.children if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN")]
    speaker = _colon_speaker(ix, subj[0]) if subj and not ix.in_quote[subj[0].i] else None
    if speaker is not None:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    if subj:
        return False
    speaker = _fragment_speaker(last) if not any(t.pos_ in ("VERB", "AUX") for t in last) else None
    if speaker is not None and not ix.in_quote[speaker.i]:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _fragment_speaker(frag) -> "Token | None":
    """A line with no verb that hands the floor to someone: "Mayor Jo Park on the budget:",
    "Among her other remarks:", "The full statement from the Park campaign:" -- a person's name
    heading the fragment, or the owner or author of the words it names."""
    root = frag.root
    if root.ent_type_ == "PERSON" and root.pos_ == "PROPN":
        return root
    return next((owner for tok in frag if (owner := words_owner(tok)) is not None), None)


def _link_by_inline_colon(link: Link, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    """'... doesn't surprise Republican pollster Daron Shaw: “…”' / 'She then addressed the
    supporters again: “…”': the person named right before the colon, else the subject of the
    clause the colon ends, when that is a person."""
    doc = ix.doc
    colon = ix.tok(text.rindex(":", 0, q.open_mark))
    lo, _ = ix.sent_bounds[colon]
    prev = doc[colon - 1] if colon > lo else None
    if prev is not None and prev.ent_type_ == "PERSON" and not ix.in_quote[prev.i] and prev.dep_ != "pobj":
        # (not the object of a preposition: "Ruth Gale, on Twitter:" is Gale's, whatever the
        # recognizer thinks "Twitter" is)
        start = prev.i
        while start - 1 >= lo and doc[start - 1].ent_type_ == "PERSON":
            start -= 1
        link.source, link.method, link.confidence = (start, prev.i + 1), "colon", CONF_COLON_SUBJECT
        return True
    root = _clause_before(doc, lo, colon)
    if root is None:
        return False
    while root.dep_ == "conj" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in root.children) \
            and lo <= root.head.i < colon:
        root = root.head  # "Ruiz paused, looked up and went on:" -- the first verb's subject
    owned = passed_on_words_owner(root)
    if owned is not None and not ix.in_quote[owned.i]:
        # "The campaign released a statement from Ruiz:", "Lee read her letter aloud:": the words' owner
        link.source, link.method, link.confidence = mention_range(owned), "colon", CONF_COLON_SUBJECT
        return True
    subj = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subj and root.dep_ in ("nsubj", "nsubjpass"):
        subj = [root]  # the parse hung the subject itself on the quotation's verb
    if subj and subj[0].dep_ == "nsubjpass":
        # "Ruiz was unmoved:" -- a person, named; not "Ruiz was asked:", whose quotation is the
        # question put to her
        speaker = subj[0] if (names_a_person(ix, subj[0]) or _proper_subject(subj[0])) and not ix.in_quote[subj[0].i] \
            and not lemma_in(root, _PUT_TO_VERBS) else None
    elif subj:
        speaker = _colon_speaker(ix, subj[0]) if not ix.in_quote[subj[0].i] else None
    elif any(t.pos_ in ("VERB", "AUX") for t in doc[root.left_edge.i:colon]):
        speaker = None
    else:
        # a fragment: "Her answer:", "The verdict from Ann Ruiz:", or a label inside the
        # paragraph the recognizer did not read as a person ("… — Kasich: “…”", "The senator:")
        speaker = words_owner(root) if root.pos_ == "NOUN" else None
        if speaker is None and (_proper_subject(root) or _speaking_noun(root)) and not ix.in_quote[root.i]:
            speaker = root
    if speaker is not None:
        link.source, link.method, link.confidence = mention_range(speaker), "colon", CONF_COLON_SUBJECT
        return True
    return False


def _clause_before(doc: "Doc", lo: int, colon: int) -> "Token | None":
    """The head of the clause that a colon ends, within the words before it. The parser often
    hangs that clause on the quotation's verb ("Ruiz was blunt: “Nobody …”" as a ccomp of the
    quote's root), so climb from the last word before the colon and stop at the colon."""
    i = colon - 1
    while i >= lo and doc[i].is_punct:
        i -= 1
    if i < lo:
        return None
    tok = doc[i]
    # (through a reported clause to the one who reports it: "Ruiz said the mayor was wrong:")
    while tok.dep_ not in ("ROOT", "conj") and lo <= tok.head.i < colon and tok.head is not tok:
        tok = tok.head
    return tok


def _colon_speaker(ix: TextIndex, subj: "Token") -> "Token | None":
    """Who a clause that ends in a colon gives the floor to: its subject when that is a person
    ("She then addressed the supporters again:", "The mayor was blunt:"), the name in apposition
    to a description ("The Slate columnist David Auerbach went so far as to say:"), the owner of
    a reply ("Clinton’s response was:"), else a noun for people, a body or a text ("Aides were
    blunt:", "The ad ends:")."""
    if is_person_subject(ix, subj) or _proper_subject(subj):
        return subj
    named = apposed_name(subj)
    if named is not None:
        return named
    owner = words_owner(subj)
    if owner is not None:
        return owner
    return subj if _speaking_noun(subj) else None


def _proper_subject(subj: "Token") -> bool:
    """A proper noun as the subject of a clause that hands the floor on: a person the recognizer
    took for a place or a body ("Kasich was blunt:" with Kasich a GPE), or a body that speaks
    ("The White House was blunt:"); resolve gives it its type. Not a date or a number."""
    return subj.tag_ in ("NNP", "NNPS") and subj.text[:1].isupper() and subj.ent_type_ not in NOT_SPEAKER_ENTS


def _speaking_noun(subj: "Token") -> bool:
    """A common noun that speaks in news: people by their role, plural too ("Aides were blunt:"),
    a body ("The campaign put it this way:"), a text ("The ad ends:") -- not "The mood was clear:"."""
    if subj.pos_ != "NOUN":
        return False
    word = subj.lower_[:-1] if subj.tag_ == "NNS" and subj.lower_.endswith("s") else subj.lower_
    return is_role_noun(word) or lemma_in(subj, INSTITUTION_NOUNS | WRITTEN_SOURCES)


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
        if not clause and (_proper_name_tokens(doc, ix, lo, hi) or person_named_elsewhere(ix, lo, hi)):
            link.source, link.method, link.confidence = _tok_range(ix, lo, hi), "label", CONF_LABEL
            return True
    h = HEADLINE_LABEL_RE.match(before)
    if h and len(text[para.start:para.end].split()) <= MAX_HEADLINE_WORDS \
            and person_named_elsewhere(ix, para.start + h.start(1), para.start + h.end(1)):
        # a headline "Sanders: Clinton needs to ‘get away from all this personality stuff’": the
        # words after the label are the person's, in the headline's short form
        lo, hi = para.start + h.start(1), para.start + h.end(1)
        link.source, link.method, link.confidence = _tok_range(ix, lo, hi), "label", CONF_LABEL
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
                if _proper_name_tokens(doc, ix, lo, hi):
                    link.source, link.method, link.confidence = _tok_range(ix, lo, hi), "label", CONF_LABEL
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


def person_named_elsewhere(ix: TextIndex, lo: int, hi: int) -> bool:
    """'Trump: “…”' where the tagger reads "Trump" as a common noun: every word of the label is a
    word of a person's name that the recognizer found elsewhere in the article."""
    words = ix.doc.text[lo:hi].split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    # (a transcript writes its labels in capitals: "RUIZ:" for Ann Ruiz)
    return all(w.lower() in ix.person_words for w in words)


def names_a_person(ix: TextIndex, tok: "Token") -> bool:
    """A clause subject that is a person: "he"/"she", a PERSON entity, or a proper noun that is a
    word of a person's name found elsewhere in the article (the recognizer misses many)."""
    return tok.lower_ in ("he", "she") or tok.ent_type_ == "PERSON" or (
        tok.pos_ == "PROPN" and person_named_elsewhere(ix, tok.idx, tok.idx + len(tok.text)))


def is_person_subject(ix: TextIndex, tok: "Token") -> bool:
    """A clause subject that is a person (names_a_person) or a singular role with "the": "the
    judge", "the senator" -- who, in the sentence before a quotation, is its likely speaker."""
    return names_a_person(ix, tok) or (
        tok.pos_ == "NOUN" and tok.tag_ == "NN" and is_role_noun(tok.text)
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") or c.dep_ == "poss" for c in tok.children))


def _tok_range(ix: TextIndex, lo: int, hi: int) -> tuple[int, int]:
    return ix.tok(lo), ix.tok(hi - 1) + 1


def _proper_name_tokens(doc: "Doc", ix: TextIndex, lo: int, hi: int) -> bool:
    toks = doc[ix.tok(lo):ix.tok(hi - 1) + 1]
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in toks)


def sentence_before(ix: TextIndex, q: QuotedSpan, text: str) -> tuple[int, int] | None:
    """Token bounds of the writer's sentence right before the one ``q`` opens, in the same
    paragraph, with nothing between it and the open mark and no quotation in it but a title
    ("She appeared on “Meet the Press” on Sunday."); else None."""
    doc = ix.doc
    para = ix.para_span(q.open_mark)
    lo, _ = ix.sent_bounds[ix.tok(q.open_mark)]
    if lo == 0 or doc[lo - 1].idx < para.start:
        return None
    prev_lo, prev_hi = ix.sent_bounds[lo - 1]
    if doc[prev_lo].idx < para.start or any(ix.in_quote[i] and not ix.in_title[i] for i in range(prev_lo, prev_hi)):
        return None
    if text[doc[prev_hi - 1].idx + len(doc[prev_hi - 1].text):q.open_mark].strip():
        return None  # words between the sentence and the quote
    return prev_lo, prev_hi


def sentence_after(ix: TextIndex, q: QuotedSpan, text: str) -> tuple[int, int] | None:
    """Token bounds of the writer's sentence that begins right after ``q`` closes (``q`` ends its
    own sentence), in the same paragraph -- or, when ``q`` ends its paragraph, the first sentence
    of the next one -- with no quotation in it; else None."""
    if q.close_mark is None:
        return None
    doc = ix.doc
    para = ix.para_span(q.open_mark)
    start = q.close_mark + 1
    while start < para.end and text[start].isspace():
        start += 1
    p = ix.para(q.open_mark)
    if start >= para.end and p + 1 < len(ix.paras):
        para = ix.paras[p + 1]  # “…” / That was the verdict of the association.
        start = para.start
    if start >= para.end or text[start] in "“”\"‘’«»":
        return None
    i = ix.tok(start)
    lo, hi = ix.sent_bounds[i]
    if lo != i or ix.sent_bounds[ix.tok(q.open_mark)] == (lo, hi):
        return None  # the quotation's own sentence goes on ("“…,” X said")
    while hi > lo + 1 and doc[hi - 1].is_space:
        hi -= 1  # (the blank line that ends the text)
    if doc[hi - 1].idx >= para.end or any(ix.in_quote[j] for j in range(lo, hi)):
        return None
    return lo, hi


def words_owner_after(ix: TextIndex, q: QuotedSpan, text: str) -> "Token | None":
    """Whose words the sentence right after a quotation says they were: "“…” Those were the words
    of Ann Ruiz.", "“…” That was the message from Ruiz.", "“…” Ruiz's remarks drew cheers." -- the
    owner of a noun for speech that is the sentence's subject, or that "that/those was/were" name.
    A sentence that opens the next paragraph counts only in the second form: "His second tweet
    was …" there starts on other words, "That was the verdict of …" points back."""
    after = sentence_after(ix, q, text)
    if after is None:
        return _owner_in_tail(ix, q)
    lo, hi = after
    roots = [t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"]
    subj = [c for c in roots[0].children if c.dep_ == "nsubj"] if len(roots) == 1 else []
    if len(subj) != 1:
        return None
    next_paragraph = ix.para(ix.doc[lo].idx) != ix.para(q.open_mark)
    owner = None if next_paragraph else words_owner(subj[0])
    if owner is None and subj[0].lower_ in ("that", "those", "this", "these", "such") and lemma_in(roots[0], {"be"}):
        attr = [c for c in roots[0].children if c.dep_ == "attr"]
        owner = words_owner(attr[0]) if len(attr) == 1 else None
    return owner if owner is not None and not ix.in_quote[owner.i] else None


def _owner_in_tail(ix: TextIndex, q: QuotedSpan) -> "Token | None":
    """“…,” was Ruiz's verdict. / “…,” came the reply from the mayor.: the quotation's own
    sentence goes on past its close mark to a "be"/"come" whose subject or complement is a noun
    for words with an owner."""
    if q.close_mark is None:
        return None
    close = ix.tok(q.close_mark)
    lo, hi = ix.sent_bounds[close]
    root = next((t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"), None)
    if root is None or root.i <= close or ix.in_quote[root.i] or not lemma_in(root, {"be", "come"}):
        return None
    nouns = [c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i > close]
    owner = words_owner(nouns[0]) if len(nouns) == 1 else None
    return owner if owner is not None and not ix.in_quote[owner.i] else None


def link_after_cue_sentence(link: Link, q: QuotedSpan, ix: TextIndex, cues: Sequence[Cue], text: str) -> bool:
    """'Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”': a quote
    that opens the sentence right after a reported statement, in the same paragraph, continues it."""
    if not q.sentence_initial:
        return False
    before = sentence_before(ix, q, text)
    if before is None:
        return False
    prev_lo, prev_hi = before
    inside = [c for c in cues if prev_lo <= c.head < prev_hi and c.source is not None]
    if len(inside) != 1 or asks_someone(ix.doc[inside[0].head]):
        return False
    set_cue(link, inside[0], "after", CONF_AFTER_CUE_SENTENCE)
    return True


def _reported_in_passing(prev: Link, ix: TextIndex) -> bool:
    """'Ruiz took aim at what Lee calls his “jobs plan.” “…”': the mixed quote is Lee's, by a cue
    in a clause inside a sentence whose own subject is another person; the next quotation may
    as well be that person's, so it continues neither."""
    if prev.kind != "mixed" or prev.cue is None or prev.source is None:
        return False
    doc = ix.doc
    lo, hi = ix.sent_bounds[prev.cue.head]
    root = next((t for t in doc[lo:hi] if t.dep_ == "ROOT"), None)
    if root is None or root.i == prev.cue.head:
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subj is not None and not prev.source[0] <= subj.i < prev.source[1] and names_a_person(ix, subj)


def asks_someone(verb: "Token") -> bool:
    """'“Will it work?” Ruiz asked Lee. “Of course.”': a verb of asking with a person as its
    object. The quote after such a question is as likely the answer as more of the question, so
    neither the asker's sequel nor the after-sentence rules continue it."""
    return bool(lemma_in(verb, ASK_VERBS)) and any(
        c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.pos_ in ("PROPN", "PRON"))
        for c in verb.children)


def same_paragraph_sequel(prev: Link | None, q: QuotedSpan, ix: TextIndex, text: str) -> bool:
    """“A,” Cummings said. “B.” : a sentence-initial quote right after an attributed quote and its
    cue in the same paragraph, with no other words between, continues that speaker."""
    if prev is None or prev.method == "none" or not q.sentence_initial:
        return False
    if _reported_in_passing(prev, ix) or (prev.cue is not None and asks_someone(ix.doc[prev.cue.head])):
        return False
    last = prev.quoted[-1]
    if ix.para(last.open_mark) != ix.para(q.open_mark):
        return False
    end = last.close_mark + 1 if last.close_mark is not None else last.content.end
    if prev.cue is not None and prev.cue.span.end <= q.open_mark:
        end = max(end, prev.cue.span.end)
        if prev.source is not None:
            end = max(end, ix.doc[prev.source[1] - 1].idx + len(ix.doc[prev.source[1] - 1].text))
    # a quoted title in the tail of the cue's sentence is no other voice: said on ABC's “This Week.”
    gap = _TITLE_IN_GAP.sub(lambda m: "" if is_title_like(m.group(1)) else m.group(0), text[end:q.open_mark])
    if len(gap) > MAX_SEQUEL_GAP or any(c in gap for c in "“”\"") or "\n" in gap:
        return False
    # what is left between is the tail of the cue's sentence ("in a statement.", ", a D.C.-based
    # strategist."): the quote opens in that sentence or the one right after it
    cue_sent = ix.sent(ix.tok(max(end - 1, 0)))
    q_sent = ix.sent(ix.tok(q.open_mark))
    return q_sent.start <= cue_sent.end + 1

