"""Bad input to the library: a clear error, or a result that loses only what was bad (20 MB of
HTML, a non-UTF-8 page, runs of quote marks, an unbalanced mark, empty text, a page with no
article). The command line's side of the same is in test_cli.py."""
from __future__ import annotations

import time

import pytest
from quotelens.errors import BadInput, EmptyText, InputTooLarge, NotAnArticle
from sample_page import ARTICLE

pytestmark = pytest.mark.model


def test_twenty_megabyte_page_refused_quickly(pipeline):
    page = b"<html><body>" + b"<p>filler text here</p>" * 900_000 + b"</body></html>"
    assert len(page) > 20_000_000
    t0 = time.perf_counter()
    with pytest.raises(InputTooLarge):
        pipeline.attribute_html(page)
    assert time.perf_counter() - t0 < 30  # generous: the point is it is refused, not parsed


def test_non_utf8_page(pipeline):
    html = ARTICLE.replace("“", "\"").replace("”", "\"").replace("©", "(c)").replace("Walsh", "Wälsh")
    page = html.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")
    res = pipeline.attribute_html(page)
    assert "Wälsh" in res.article.text
    assert {res.speaker(q.speaker_id).name for q in res.quotes if q.kind == "direct"} == {"Ann Wälsh"}


@pytest.mark.parametrize("marks", ["“" * 5000 + " middle " + "”" * 5000, '"' * 100_000])
def test_ten_thousand_quote_marks(pipeline, marks):
    # a run with no space used to take spaCy's tokenizer quadratic time (minutes for 100,000)
    text = "Start. " + marks + " “A real quote here,” she said."
    res = pipeline.attribute_text(text)  # no exception; whatever is found indexes the text
    assert res.article.text == text
    assert any(text[c.start:c.end] == "A real quote here," for q in res.quotes for c in q.contents)
    for q in res.quotes:
        for c in q.contents:
            assert 0 <= c.start <= c.end <= len(text)


def test_unbalanced_mark_costs_one_quote(pipeline):
    text = ("“This one never closes, said the first speaker.\n\n"
            "“This one does,” said Maria Lopez.\n\n“So does this,” said Tom Reed.")
    res = pipeline.attribute_text(text)
    names = [res.speaker(q.speaker_id).name for q in res.quotes if q.speaker_id]
    assert "Maria Lopez" in names and "Tom Reed" in names


def test_empty_text_errors(pipeline):
    for text in ("", "   \n  "):
        with pytest.raises(EmptyText):
            pipeline.attribute_text(text)
    with pytest.raises(BadInput):
        pipeline.attribute_text(b"bytes are not text")  # type: ignore[arg-type]


def test_page_with_no_article(pipeline):
    with pytest.raises(NotAnArticle):
        pipeline.attribute_html("<html><body><nav>Home</nav><footer>Contact</footer></body></html>")
