"""Rules 5 and 6 of the attribution sieve: a quotation with no cue of its own, read from the
sentences and paragraphs around it -- a continuation of the previous speaker, a quote after a
paragraph of reported speech or after a statement, after "X fired back on Twitter,", in a clause
whose subject is a person, or opening a sentence right after one about a person."""
import re
from typing import TYPE_CHECKING, Sequence

from ..config import Config
from ..cues import WRITTEN_SOURCES, Cue, find_source, is_dash, lemma_in, mention_range, words_owner
from ..types import Span
from .base import (CONF_AFTER_COMMA, CONF_AFTER_PERSON, CONF_AFTER_PERSON_PARAGRAPH, CONF_AFTER_REPORT,
                   CONF_CLAUSE_SUBJECT, CONF_CONTINUATION, CONF_WORDS_AFTER, Link, TextIndex, set_cue,
                   words_before)
from .paragraph import (ASK_VERBS, asks_someone, is_person_subject, names_a_person, sentence_before,
                        words_owner_after)

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_LEAD_IN_TOKENS = 10  # a lead-in before a colon ("Then, later that month on national television:" is 8)


def continuations(links: list[Link], ix: TextIndex, text: str) -> None:
    for i, link in enumerate(links):
        if link.method != "none" or not i:
            continue
        q = link.quoted[0]
        para = ix.para_span(q.open_mark)
        if words_before(text, para.start, q.open_mark):
            if not _lead_in_naming_no_one(ix, para.start, q.open_mark, text):
                continue  # the quote does not open its paragraph
            para = Span(q.open_mark, para.end)
        prev = links[i - 1]
        if prev.method == "none" or ix.para(prev.contents[-1].start) != ix.para(q.open_mark) - 1:
            continue
        # the whole paragraph is quotation (no writer's sentence that could name someone else)
        if _has_outside_words(ix, para, link):
            continue
        link.follows, link.method, link.confidence = prev, "continuation", CONF_CONTINUATION


def _lead_in_naming_no_one(ix: TextIndex, lo: int, hi: int, text: str) -> bool:
    """'Then, later that month on CNN: “…”': words before the quote that end in a colon and only
    say when, where or in what medium: no verb, no subject, no name outside a preposition. The
    quote goes on with the previous speaker as a bare quote paragraph would."""
    lead = text[lo:hi].rstrip()
    if not lead.endswith(":"):
        return False
    doc = ix.doc
    toks = [t for t in doc[ix.tok(lo):ix.tok(hi - 1) + 1] if not t.is_space and t.idx < hi]
    if len(toks) > MAX_LEAD_IN_TOKENS:
        return False
    for t in toks:
        if t.pos_ in ("VERB", "AUX", "PRON") or t.dep_ in ("nsubj", "nsubjpass"):
            return False
        if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and t.dep_ != "pobj" and t.head.dep_ != "pobj":
            return False
    return True


def after_report_paragraph(links: list[Link], ix: TextIndex, cues: Sequence[Cue], text: str) -> None:
    """'Carter said that for decades critics had predicted a U.S. withdrawal.' followed by a
    paragraph that is all quotation, with no cue: the floating quote continues the report."""
    for link in links:
        if link.method != "none" or link.kind != "direct":
            continue
        q = link.quoted[0]
        p = ix.para(q.open_mark)
        para = ix.para_span(q.open_mark)
        if p == 0 or words_before(text, para.start, q.open_mark) or _has_outside_words(ix, para, link):
            continue
        prev = ix.paras[p - 1]
        if any(c in text[prev.start:prev.end] for c in "“”\"«»") or text[prev.start:prev.end].rstrip().endswith(":"):
            continue
        last_lo, last_hi = ix.sent_bounds[ix.tok(max(prev.start, prev.end - 1))]
        inside = [c for c in cues if last_lo <= c.head < last_hi and c.source is not None and c.content is not None
                  and c.kind == "verb"]
        if len(inside) == 1:
            set_cue(link, inside[0], "after_report", CONF_AFTER_REPORT)
            continue
        issuer = _issuer_of_text(ix.doc[last_lo:last_hi])
        if issuer is not None:
            link.source, link.method, link.confidence = issuer, "after_statement", CONF_AFTER_REPORT


def _issuer_of_text(sent) -> tuple[int, int] | None:
    """'On Monday the party issued a statement apologizing to the senator.' then a paragraph
    of quotation: the statement's words, and the one who issued it their speaker. The sentence's
    one verb whose object is a statement, letter, tweet or speech, and that verb's subject."""
    found = [t for t in sent if t.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and lemma_in(c, WRITTEN_SOURCES) for c in t.children)]
    if len(found) != 1:
        return None
    src = find_source(found[0])
    if src is None or src.pos_ not in ("PROPN", "NOUN", "PRON") or src.lower_ in ("it", "they", "i", "we", "you"):
        return None
    return mention_range(src, found[0])


def after_comma_clause(links: list[Link], ix: TextIndex, text: str) -> None:
    """'Trump fired back on Twitter, “The failing campaign is over!”': a quotation that opens with a
    capital right after a comma ends the writer's clause, with no cue of its own and nothing after it
    in the paragraph, when that clause's subject is a person: the verb of speaking is an idiom the
    lexicon does not hold ("fired back", "weighed in", "took to Twitter")."""
    doc = ix.doc
    for link in links:
        if link.method != "none" or link.kind != "direct":
            continue
        q = link.quoted[0]
        para = ix.para_span(q.open_mark)
        before = text[para.start:q.open_mark].rstrip()
        if not before.endswith(",") or any(c in before for c in "“”\"«»"):
            continue
        end = q.close_mark + 1 if q.close_mark is not None else q.content.end
        if _has_outside_words(ix, Span(end, para.end), link):
            continue
        comma = ix.tok(para.start + len(before) - 1)
        lo, _ = ix.sent_bounds[comma]
        verbs = [t for t in doc[max(lo, ix.tok(para.start)):comma] if t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj")]
        if not verbs:
            continue
        subj = [t for t in verbs[0].children if t.dep_ == "nsubj"]
        if len(subj) != 1:
            continue
        s = subj[0]
        if names_a_person(ix, s):
            link.source, link.method, link.confidence = mention_range(s), "after_comma", CONF_AFTER_COMMA


#: Verbs whose quoted object is someone else's words or a title, not the subject's: "read “…”",
#: "signed the “…” act", "denied “…”". (Verbs of attack are not here: in "Ruiz blasted the
#: “downtown cartel”" the quoted words are Ruiz's own; "Ruiz blasted Park's “…”" is caught by
#: the possessor.)
_NOT_THE_SUBJECTS_WORDS = {"read", "sign", "quote", "cite", "echo", "mock", "deride", "ridicule", "repeat",
                           "reject", "dismiss", "deny", "question", "dispute", "watch", "hear", "see",
                           "publish", "title", "name", "pass", "introduce", "launch", "release", "air", "run",
                           "play", "sing"}
#: Nouns whose "of"/possessor is the owner of the quoted words inside them: "Park's claim that
#: she “never saw the contract”" is Park's, whoever mocks it.
_WORDS_OF_OTHERS = {"claim", "statement", "remark", "comment", "line", "slogan", "motto", "phrase", "word",
                    "promise", "pledge", "assertion", "description", "characterization", "label", "tweet",
                    "post", "speech", "message", "headline", "title", "song", "book", "film", "show",
                    "article", "story", "report", "ad", "advertisement", "letter", "memo", "email", "note"}


#: Verbs of being: a quotation after them describes the subject ("Voters were asked if Park is
#: “ready to lead the city”"), it is not the subject's words.
_COPULAS = {"be", "seem", "become", "appear", "remain", "look", "sound", "feel", "get"}
_SUBJECT_NOT_SPEAKING = frozenset(_NOT_THE_SUBJECTS_WORDS | _COPULAS)


def clause_subject(links: list[Link], ix: TextIndex, text: str, config: Config) -> None:
    """'Park pushed for “a budget that keeps every library open on weekends”': a
    mixed quotation no cue reports, inside a clause whose subject is a named person (or "he"/
    "she"), is that person's words as the writer presents them: PolNeAR and readers alike read
    it so. Not when the verb takes another's words as its object (mocked, quoted, read), is a
    verb of being, or heads a clause that something else reports ("if", "that"); not when the
    quotation sits in a noun that says whose words they are ("Obama's line “…”"); and never for
    a quotation of scare-quote length ("runs a “safe” ship")."""
    doc = ix.doc
    for link in links:
        if link.method != "none" or link.kind != "mixed":
            continue
        if sum(len(text[c.start:c.end].split()) for c in link.contents) <= config.max_scare_words:
            continue
        q = link.quoted[0]
        lo, hi = ix.tok(q.content.start), ix.tok(max(q.content.start, q.content.end - 1)) + 1
        top = next((t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head is t), None)
        if top is None or top.head is top:
            continue
        tok, subj = top.head, None
        for _ in range(6):
            if tok.pos_ == "NOUN" and (lemma_in(tok, _WORDS_OF_OTHERS)
                                       or any(c.dep_ == "poss" for c in tok.children)):
                break
            if tok.pos_ in ("VERB", "AUX"):
                if lemma_in(tok, _SUBJECT_NOT_SPEAKING) or any(
                        c.dep_ in ("nsubjpass", "auxpass", "mark") for c in tok.children):
                    break
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                if subjects:
                    subj = subjects[0]
                    break
                # climb through "and" and through a verb with no subject of its own, the
                # infinitive or participle of a longer clause ("voted for the authority to act
                # from “…”"); a finite verb without a subject is a parse to leave alone
                if not (tok.dep_ == "conj" or tok.dep_ in ("xcomp", "acl", "pcomp", "advcl")
                        and tok.tag_ in ("VB", "VBG")):
                    break
            if tok.head is tok:
                break
            tok = tok.head
        if subj is None or ix.in_quote[subj.i] or ix.sent_bounds[subj.i] != ix.sent_bounds[lo]:
            continue
        if names_a_person(ix, subj):
            link.source, link.method, link.confidence = mention_range(subj), "clause_subject", CONF_CLAUSE_SUBJECT


def after_person_sentence(links: list[Link], ix: TextIndex, text: str) -> None:
    """'The judge then turned to me. “Explain to me why you are here.”': a quotation that opens a
    sentence inside a paragraph, with no cue, right after a sentence that quotes nobody and whose
    main subject is a person (_sentence_person), is that person's."""
    for link in links:
        if link.method != "none" or link.kind != "direct":
            continue
        before = sentence_before(ix, link.quoted[0], text)
        subj = _sentence_person(ix, *before) if before is not None else None
        if subj is not None:
            link.source, link.method, link.confidence = mention_range(subj), "after_person", CONF_AFTER_PERSON


def words_named_after(links: list[Link], ix: TextIndex, text: str) -> None:
    """'“…” Those were the words of Ruiz.' / '“…,” was Ruiz's verdict.': a cue-less quotation whose
    next words say whose words they were (words_owner_after) is that owner's."""
    for link in links:
        if link.method != "none" or link.kind != "direct":
            continue
        owner = words_owner_after(ix, link.quoted[-1], text)
        if owner is not None:
            link.source, link.method, link.confidence = mention_range(owner), "words_after", CONF_WORDS_AFTER


def after_person_paragraph(links: list[Link], ix: TextIndex, text: str) -> None:
    """'Ruiz, a nurse in Dayton, has voted Republican all her life. / “I am done with them.”': a
    paragraph that is a quotation, with no cue, after a paragraph that quotes nobody, does not
    end in a colon, and whose last sentence's main subject is a person, is that person's --
    unless the quotation names that person (then it is about them)."""
    for link in links:
        if link.method != "none" or link.kind != "direct":
            continue
        q = link.quoted[0]
        p = ix.para(q.open_mark)
        if p == 0 or p >= len(ix.paras) or words_before(text, ix.paras[p].start, q.open_mark):
            continue
        prev = ix.paras[p - 1]
        lo, hi = ix.tok(prev.start), ix.tok(max(prev.start, prev.end - 1)) + 1
        if hi <= lo or any(ix.in_quote[i] for i in range(lo, hi)) or text[prev.start:prev.end].rstrip().endswith(":"):
            continue
        subj = _sentence_person(ix, max(lo, ix.sent_bounds[hi - 1][0]), hi)
        if subj is None:
            continue
        if subj.pos_ == "PROPN" and re.search(rf"\b{re.escape(subj.text)}\b", text[q.content.start:q.content.end]):
            continue  # "Lee has run the county for years. / “Lee did nothing for us.”": about him
        link.source, link.method, link.confidence = mention_range(subj), "after_person_paragraph", \
            CONF_AFTER_PERSON_PARAGRAPH


def _sentence_person(ix: TextIndex, lo: int, hi: int) -> "Token | None":
    """The main subject of the writer's sentence doc[lo:hi] when it is one person ("Ruiz", "she",
    "the judge"; the one asked in "Ruiz was asked about the vote."), else None: not two people
    ("Ruiz and Lee disagree."), nor a subject in a dashed aside (the parse of those is unreliable)."""
    doc = ix.doc
    roots = [t for t in doc[lo:hi] if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    subj = [c for c in roots[0].children if c.dep_ == "nsubj"]
    if not subj and lemma_in(roots[0], ASK_VERBS):
        subj = [c for c in roots[0].children if c.dep_ == "nsubjpass"]
    if len(subj) != 1 or any(is_dash(t) for t in doc[lo:subj[0].i]) or any(c.dep_ == "conj" for c in subj[0].children):
        return None
    if subj[0].dep_ == "nsubj" and asks_someone(roots[0]):
        return None  # "Ruiz asked Lee about the vote. “…”": the answer as likely as the question
    if any(c.dep_ == "dobj" and words_owner(c) is not None for c in roots[0].children):
        return None  # "Lee received a letter from Ruiz. “…”": the letter's words, or his reply to it
    return subj[0] if is_person_subject(ix, subj[0]) else None


def _has_outside_words(ix: TextIndex, para: Span, link: Link) -> bool:
    doc = ix.doc
    lo, hi = ix.tok(para.start), ix.tok(max(para.start, para.end - 1)) + 1
    return sum(1 for t in doc[lo:hi] if not ix.in_quote[t.i] and t.is_alpha) > 3
