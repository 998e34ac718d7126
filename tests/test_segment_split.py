"""The two-process parse (parse/split.py): the same Doc as one parse, and never a failure."""
from __future__ import annotations

import glob
from pathlib import Path

import pytest

from quotelens import serialize
from quotelens.clean import clean_html, clean_text
from quotelens.config import Config
from quotelens.pipeline import Pipeline
from quotelens.quotes import find_quote_spans
from quotelens.parse.segment import parse
from quotelens.parse.split import SplitParser, split_point

pytestmark = pytest.mark.model

PAGES = sorted(glob.glob(str(Path(__file__).parent / "fixtures" / "pages" / "*" / "source.html")))


@pytest.fixture(scope="module")
def splitter():
    sp = SplitParser()
    assert sp.alive, "the helper process did not start"
    yield sp
    sp.close()


def _doc_rows(doc):
    return [(t.text, t.idx, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start) for t in doc]


def test_split_point_is_a_paragraph_start_near_the_middle():
    text = "\n\n".join(f"Paragraph {n} has a few words in it, enough to count." * 3 for n in range(20))
    article = clean_text(text)
    cut = split_point(article)
    assert cut in {p.start for p in article.paragraphs}
    assert abs(cut - len(text) / 2) < len(text) / 10
    assert split_point(clean_text("“Short,” she said.\n\nStill short.")) is None


def test_a_long_page_parses_to_the_same_article_and_quotes(nlp, splitter):
    html = Path(PAGES[0]).read_bytes()
    one = Pipeline(nlp=nlp, config=Config())
    two = Pipeline(nlp=nlp, config=Config(), splitter=splitter)
    a, b = serialize.to_dict(one.attribute_html(html)), serialize.to_dict(two.attribute_html(html))
    assert a["article"] == b["article"]
    assert [(q["start"], q["end"], q["speaker"], q["role"]) for q in a["quotes"]] == \
        [(q["start"], q["end"], q["speaker"], q["role"]) for q in b["quotes"]]


def test_the_joined_doc_keeps_offsets_sentences_and_entities(nlp, splitter):
    article = clean_html(Path(PAGES[1]).read_bytes())
    spans = find_quote_spans(article.text, Config(), paragraphs=article.paragraphs)
    cut = split_point(article)
    assert cut is not None
    doc = splitter.parse(article, nlp, spans)
    assert doc.text == article.text
    assert doc[[t.idx for t in doc].index(cut)].is_sent_start  # the halves meet at a paragraph break
    whole = parse(article, nlp, spans)
    rows, whole_rows = _doc_rows(doc), _doc_rows(whole)
    assert [r[:2] for r in rows] == [r[:2] for r in whole_rows]
    # the two parses see the same words; near the cut a tag may differ (context), not much else
    same = sum(r == w for r, w in zip(rows, whole_rows)) / len(rows)
    assert same > 0.99


def test_a_dead_helper_means_one_process_not_an_error(nlp):
    sp = SplitParser()
    sp._proc.kill()
    sp._proc.wait()
    article = clean_html(Path(PAGES[0]).read_bytes())
    doc = sp.parse(article, nlp, find_quote_spans(article.text, Config(), paragraphs=article.paragraphs))
    assert doc.text == article.text and len(doc.ents) > 0
    assert not sp.alive
    sp.close()


def test_a_model_that_will_not_load_leaves_no_helper():
    sp = SplitParser("no_such_model_anywhere")
    assert not sp.alive
    sp.close()
