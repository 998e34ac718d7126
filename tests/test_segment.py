"""The parse stage: one Doc per article, offsets those of the article text, and the entity
recognizer run only on sentences with words outside quotation marks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotelens.clean import clean_text
from quotelens.config import Config
from quotelens.quotes import find_quote_spans
from quotelens.parse.segment import ner_runs_apart, parse, parse_many, quoted_ranges

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parent / "fixtures" / "seed-article.json"


def _seed():
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    article = clean_text(text)
    return article, find_quote_spans(article.text, Config(), paragraphs=article.paragraphs)


def _ents(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_the_default_model_can_run_its_recognizer_apart(nlp):
    assert ner_runs_apart(nlp)


def test_a_pipeline_without_a_recognizer_parses_whole(nlp):
    import spacy

    blank = spacy.blank("en")
    assert not ner_runs_apart(blank)
    article, spans = _seed()
    assert parse(article, blank, quoted=spans).text == article.text


def test_entities_outside_quotations_are_the_full_parse_ones(nlp):
    article, spans = _seed()
    full, apart = parse(article, nlp), parse(article, nlp, quoted=spans)
    assert apart.text == article.text and [t.text for t in apart] == [t.text for t in full]
    assert [(t.dep_, t.head.i, t.tag_) for t in apart] == [(t.dep_, t.head.i, t.tag_) for t in full]
    inside = bytearray(len(article.text) + 1)
    for start, end in quoted_ranges(spans):
        inside[start:end] = b"\x01" * (end - start)
    # every sentence with a word outside the marks keeps its entities, exactly
    kept = {(s.start_char, s.end_char) for s in full.sents
            if any(not inside[t.idx] for t in s if not (t.is_space or t.is_punct))}

    def in_kept(e):
        return any(a <= e[0] and e[1] <= b for a, b in kept)

    assert [e for e in _ents(full) if in_kept(e)] == [e for e in _ents(apart) if in_kept(e)]
    assert all(in_kept(e) for e in _ents(apart))
    assert ("Ned Price" in {article.text[a:b] for a, b, label in _ents(apart) if label == "PERSON"})
    assert apart.has_annotation("ENT_IOB")


def test_entities_never_run_across_a_line_break(nlp):
    article = clean_text("3. Candida Höfer\n\nCandida Höfer is one of the best-known photographers of her "
                         "generation, and her work hangs in museums around the world.")
    doc = parse(article, nlp)
    assert doc.ents and not any("\n" in e.text for e in doc.ents)
    assert doc.text == article.text


def test_batched_parse_is_the_single_parse(nlp):
    article, spans = _seed()
    other = clean_text("“It is over,” said Ohio State professor Paul Beck.\n\nNo one else spoke.")
    other_spans = find_quote_spans(other.text, Config(), paragraphs=other.paragraphs)
    batched = list(parse_many([article, other], nlp, quoted=[spans, other_spans]))
    assert [_ents(d) for d in batched] == [_ents(parse(article, nlp, quoted=spans)),
                                           _ents(parse(other, nlp, quoted=other_spans))]
    assert [d.text for d in batched] == [article.text, other.text]


def test_a_stray_mark_does_not_hide_the_rest_of_its_paragraph():
    # the opening mark is never closed and the next paragraph does not reopen it: the name after
    # it must stay visible to the entity recognizer
    article = clean_text("He called it “a mess, said Mayor Anna Holt on Monday.\n\nThe vote is in May.")
    spans = find_quote_spans(article.text, Config(), paragraphs=article.paragraphs)
    assert all(q.close_mark is None and not q.continues for q in spans)
    assert quoted_ranges(spans) == []
    closed = clean_text("“It is a mess,” said Mayor Anna Holt.")
    closed_spans = find_quote_spans(closed.text, Config(), paragraphs=closed.paragraphs)
    assert quoted_ranges(closed_spans) == [(0, closed.text.index("”") + 1)]


def test_table_attribute_ruler_gives_spacys_own_annotations(nlp):
    # the default model's ruler matches by table lookup (parse/ruler.py); parts of speech and
    # morphology must be exactly those of spaCy's own Matcher, on the seed and the saved pages
    import spacy

    from quotelens.clean import clean_html
    from quotelens.parse.segment import EXCLUDE
    from quotelens.parse.ruler import TableMatch

    assert isinstance(nlp.get_pipe("attribute_ruler").match, TableMatch)
    reference = spacy.load(nlp.meta["quotelens_name"], exclude=EXCLUDE)
    texts = [_seed()[0].text] + [clean_html(p.read_bytes()).text
                                 for p in sorted((SEED.parent / "pages").glob("*/source.html"))]
    every = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]  # all the attributes the model's rules set
    for text in texts:
        ours, theirs = nlp(text), reference(text)
        assert [(t.pos_, str(t.morph)) for t in ours] == [(t.pos_, str(t.morph)) for t in theirs]
        assert ours.to_array(every).tolist() == theirs.to_array(every).tolist()
        matches = nlp.get_pipe("attribute_ruler").match(ours).spacy_matches()
        assert matches == reference.get_pipe("attribute_ruler").match(theirs)


def test_table_ruler_sets_what_spacys_ruler_sets_with_longer_patterns_and_a_full_memory(monkeypatch):
    # two-token patterns that set their first or their last token, later rules overriding earlier
    # ones, and the memory of rows emptied mid-document: the same attributes as spaCy's own ruler
    import spacy

    from quotelens.parse import ruler as table

    rules = [([[{"LOWER": "new"}]], {"POS": "ADJ"}, 0),
             ([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, 0),
             ([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN", "LEMMA": "York"}, -1),
             ([[{"IS_SPACE": True}]], {"POS": "SPACE"}, 0),
             ([[{"LOWER": {"IN": ["said", "says"]}}]], {"POS": "VERB", "LEMMA": "say"}, 0),
             ([[{"LOWER": "said"}]], {"POS": "AUX"}, 0)]  # a later rule wins

    def build():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        for patterns, attrs, index in rules:
            ruler.add(patterns, attrs, index=index)
        return nlp

    monkeypatch.setattr(table, "MAX_ROWS", 3)
    ours, theirs = build(), build()
    assert table.speed_up_attribute_ruler(ours)
    text = "New York said  the new mayor of new york says.\nNew ideas, NEW YORK."
    got, expected = ours(text), theirs(text)
    assert [(t.pos_, t.lemma_) for t in got] == [(t.pos_, t.lemma_) for t in expected]
    assert [(t.pos_, t.lemma_) for t in got][:3] == [("PROPN", ""), ("PROPN", "York"), ("AUX", "say")]
    assert ours.get_pipe("attribute_ruler").match(got).spacy_matches() == \
        theirs.get_pipe("attribute_ruler").match(expected)


def test_table_ruler_in_several_threads_with_its_memory_emptied_gives_spacys_annotations(nlp, monkeypatch):
    # the service parses in several threads with one model: rows remembered by one thread, and the
    # memory emptied by another mid-document, must not give a token another row's attributes
    import threading

    import spacy

    from quotelens.clean import clean_html
    from quotelens.parse import ruler as table
    from quotelens.parse.segment import EXCLUDE

    reference = spacy.load(nlp.meta["quotelens_name"], exclude=EXCLUDE)
    texts = [_seed()[0].text] + [clean_html(p.read_bytes()).text
                                 for p in sorted((SEED.parent / "pages").glob("*/source.html"))]
    every = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]
    with reference.select_pipes(disable=["ner"]):
        expected = [reference(text).to_array(every).tolist() for text in texts]
    monkeypatch.setattr(table, "MAX_ROWS", 50)
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(disable=["attribute_ruler", "ner"]):
        parsed = [[nlp(text) for text in texts] for _ in range(4)]  # the same input for each thread
    got: dict[int, list] = {}

    def annotate(k: int) -> None:
        for doc in parsed[k]:
            ruler(doc)
        got[k] = [doc.to_array(every).tolist() for doc in parsed[k]]

    threads = [threading.Thread(target=annotate, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[k] == expected for k in range(4)] == [True] * 4


def test_a_ruler_with_patterns_the_table_cannot_read_keeps_spacys_matcher():
    import spacy

    from quotelens.parse.ruler import TableMatch, speed_up_attribute_ruler

    plain = spacy.blank("en")
    ruler = plain.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "but"}], [{"LOWER": {"REGEX": "^n't$"}}]], {"POS": "ADV"})
    assert speed_up_attribute_ruler(plain)
    assert isinstance(ruler.match, TableMatch)
    doc = plain("but not yet, but")
    assert [t.pos_ for t in doc] == ["ADV", "", "", "", "ADV"]

    other = spacy.blank("en")
    ruler = other.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})  # an attribute the table does not read
    assert not speed_up_attribute_ruler(other)
    assert not isinstance(ruler.match, TableMatch)
    assert [t.pos_ for t in other("the cat sat")] == ["NOUN", "NOUN", "NOUN"]


@pytest.mark.parametrize("text, tokens", [
    ("-President Obama, tweeting", ["-", "President", "Obama", ",", "tweeting"]),
    ("--Jane Doe", ["--", "Jane", "Doe"]),
    # lower-case words, numbers and inner hyphens keep spaCy's own tokens
    ("the -5 degrees", ["the", "-5", "degrees"]),
    ("U.S.-Mexico trade", ["U.S.-Mexico", "trade"]),
])
def test_a_hyphen_glued_to_a_capitalised_word_is_split_off(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_odd_spaces_are_plain_spaces_for_the_model_and_offsets_stay(nlp):
    from quotelens.parse.segment import model_text
    from quotelens.types import Article, Span

    text = "Mayor\u00a0Jo\u202fPark said\u2009so.\u200bOK"
    assert len(model_text(text)) == len(text)
    assert model_text(text) == "Mayor Jo Park said so.\u200bOK"  # a zero-width character is no space
    doc = parse(Article(text=text, paragraphs=(Span(0, len(text)),)), nlp)
    assert [t.text for t in doc][:4] == ["Mayor", "Jo", "Park", "said"]
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc if not t.is_space)
