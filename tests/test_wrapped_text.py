"""Hard-wrapped plain text (wire copy, e-mail, terminal pastes) against one paragraph a line.

A single line break is a wrap in the first and a paragraph break in the second; clean_text tells
them apart per text, and the text itself is never rewritten.
"""
from __future__ import annotations

import re
import textwrap

import pytest

from quotelens.clean import clean_html, clean_text, demo_page_path
from quotelens.parse import model_text

_WORDS = re.compile(r"\w+")

WIRE = [
    "Senators from both parties said on Tuesday that the spending bill would not pass the Senate "
    "before the recess, despite pressure from the White House.",
    "\"We will not support this bill in its current form,\" Senator Jane Roe said after a closed-door "
    "meeting with the majority leader.",
    "The White House did not answer a request for comment. A spokesman said last week that the "
    "president expected a vote this month.",
]


def _paragraphs(article):
    return [article.text[p.start:p.end] for p in article.paragraphs]


def test_a_quotation_across_a_wrap_stays_in_one_paragraph():
    text = "\"We will not support this bill in its current\nform,\" Senator Jane Roe said."
    article = clean_text(text)
    assert article.text is text
    assert _paragraphs(article) == [text]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_wrapped_paragraphs_are_found_with_or_without_blank_lines(separator):
    text = separator.join(textwrap.fill(p, 72) for p in WIRE)
    article = clean_text(text)
    assert article.text is text
    found = [" ".join(p.split()) for p in _paragraphs(article)]
    assert found == WIRE


def test_crlf_wrapped_text_keeps_its_offsets():
    text = "\r\n".join(textwrap.fill(p, 60) for p in WIRE).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    article = clean_text(text)
    assert article.text is text
    assert [" ".join(p.split()) for p in _paragraphs(article)] == WIRE


def test_one_paragraph_a_line_stays_one_paragraph_a_line():
    # short lines that end sentences, as in a corpus written one paragraph a line: every line is
    # a paragraph, although some are no longer than a wrapped line would be
    lines = ["Senators met on Tuesday.", "“We will not support this bill,” Senator Jane Roe said.",
             "The White House did not comment.", "A vote is expected this month, aides said.",
             "Markets were calm."]
    text = "\n".join(lines)
    assert _paragraphs(clean_text(text)) == lines


def test_a_new_indented_line_or_list_item_starts_a_paragraph_in_wrapped_text():
    body = textwrap.fill(WIRE[0], 60)
    text = body + "\n  " + textwrap.fill(WIRE[1], 58) + "\n- first item of a list that follows\n" + \
        textwrap.fill(WIRE[2], 60)
    found = [" ".join(p.split()) for p in _paragraphs(clean_text(text))]
    assert found[:2] == [WIRE[0], WIRE[1]]
    assert found[2] == "- first item of a list that follows"


def test_the_model_reads_a_wrap_as_a_space_and_keeps_every_offset():
    text = "\"We will not support this bill in its current\nform,\" Senator Jane Roe said.\n\nNext line."
    article = clean_text(text)
    read = model_text(article.text, article.paragraphs)
    assert len(read) == len(text)
    assert read == text.replace("current\nform", "current form")
    assert model_text(text) == text  # without paragraphs, nothing is joined


def _who_said_what(result):
    speakers = {s.id: s for s in result.speakers}
    out = []
    for q in result.quotes:
        words = " ".join(_WORDS.findall(" ".join(result.article.text[c.start:c.end] for c in q.contents)))
        s = speakers.get(q.speaker_id)
        out.append((q.kind, words, s.name if s else None, s.role if s else None))
    return out


@pytest.mark.model
def test_jane_roe_keeps_her_quote_across_the_wrap(pipeline):
    text = "\"We will not support this bill in its current\nform,\" Senator Jane Roe said."
    [(kind, words, name, role)] = _who_said_what(pipeline.attribute_text(text))
    assert (words, name, role) == ("We will not support this bill in its current form", "Jane Roe", "Senator")


@pytest.mark.model
@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_the_demo_wrapped_at_72_columns_says_the_same(pipeline, separator):
    text = clean_html(demo_page_path().read_bytes()).text
    wrapped = separator.join(textwrap.fill(p, 72) for p in text.split("\n\n"))
    plain, hard = pipeline.attribute_text(text), pipeline.attribute_text(wrapped)
    assert hard.article.text is wrapped
    assert len(plain.quotes) >= 10
    assert _who_said_what(hard) == _who_said_what(plain)
    for q in hard.quotes:  # the offsets index the wrapped text as given
        for c in q.contents:
            assert " ".join(wrapped[c.start:c.end].split()) in " ".join(text.split())
