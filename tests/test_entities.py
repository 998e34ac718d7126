"""parse/entities.py: the recognizer's walk done for all tokens at once gives spaCy's own entities."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotelens.clean import clean_html, clean_text
from quotelens.parse.entities import recognizer
from quotelens.parse.segment import _prepare

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Entities at the very end of a text, across line and paragraph breaks, inside and right after
# quotation marks, on spaces and numbers: the places where an action's validity changes.
TEXTS = [
    "“We will not back down,” said Jane Doe, the mayor of Springfield, on Tuesday.",
    "Senator Elizabeth Warren of Massachusetts spoke to Reuters.\n\nShe said $4.5 million was spent.",
    "The Department of Justice and the F.B.I. declined to comment on the case last week",
    "3. Candida Höfer\n\nCandida Höfer is one of the best-known photographers of her generation.",
    "  Ana  Ruiz  met   Paul Beck in New York City at 10 p.m.  ",
    "He spoke to Barack Obama",
    "Obama",
    "—Mayor Ana Ruiz, in a statement. About 40 percent of voters in Ohio, Michigan and Texas agreed.",
]


def _spacy_and_ours(nlp, docs):
    ner = nlp.get_pipe("ner")
    fast = recognizer(ner)
    assert fast is not None
    theirs = list(ner.pipe([d.copy() for d in docs], batch_size=4))
    ours = [d.copy() for d in docs]
    fast(ours)
    return theirs, ours


def _before_ner(nlp, articles):
    docs = [_prepare(a, nlp) for a in articles]
    for name, proc in nlp.pipeline:
        if name != "ner":
            docs = list(proc.pipe(docs))
    return docs


def _annotations(doc):
    return [(t.ent_iob_, t.ent_type_) for t in doc]


def test_the_same_entities_as_spacys_recognizer(nlp):
    seed = json.loads((FIXTURES / "seed-article.json").read_text(encoding="utf-8"))["text"]
    pages = [clean_html((p / "source.html").read_bytes()) for p in sorted((FIXTURES / "pages").glob("*/"))
             if (p / "source.html").exists()]
    articles = [clean_text(t) for t in TEXTS + [seed]] + pages
    theirs, ours = _spacy_and_ours(nlp, _before_ner(nlp, articles))
    assert sum(len(d.ents) for d in theirs) > 100  # the comparison covers real entities
    for a, b in zip(theirs, ours):
        assert _annotations(b) == _annotations(a), a.text[:80]


def test_one_document_at_a_time_is_the_batch(nlp):
    docs = _before_ner(nlp, [clean_text(t) for t in TEXTS])
    _, together = _spacy_and_ours(nlp, docs)
    fast = recognizer(nlp.get_pipe("ner"))
    for doc, batched in zip(docs, together):
        alone = doc.copy()
        fast([alone])
        assert _annotations(alone) == _annotations(batched)


def test_a_recognizer_it_does_not_reproduce_is_left_to_spacy():
    import spacy

    blank = spacy.blank("en")
    beam = blank.add_pipe("beam_ner")
    beam.add_label("PERSON")
    blank.initialize()
    assert recognizer(beam) is None
