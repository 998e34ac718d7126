"""Block quotations: paragraphs a page sets in <blockquote> are quotations without marks.

Invented pages in the shapes news sites use: an embedded post signed by a credit line, a
statement introduced by a colon, a call-out box that is nobody's words, a pull quote.
"""
from __future__ import annotations

import pytest

from quotelens.clean import clean_html
from quotelens.config import Config
from quotelens.quotes import find_quote_spans

LEAD = ("<p>The city council voted 7-2 on Tuesday to approve the new transit plan, which will add "
        "three bus lines and extend service hours across the northern districts.</p>")
TAIL = ("<p>The plan takes effect in March, and the first new line is due to open in the summer after "
        "a round of public hearings in each district.</p>")
TWEET = ('<p>Mayor Maria Ortiz, who had opposed the plan for months, reacted shortly after the vote.</p>'
         '<blockquote class="twitter-tweet"><p lang="en">Tonight the council chose higher fares and fewer '
         'choices for working families. We will keep fighting. <a href="https://t.co/x">pic.twitter.com/x</a>'
         '</p>&mdash; Maria Ortiz (@MayorOrtiz) <a href="https://twitter.com/MayorOrtiz/status/1">March 3, 2026'
         '</a></blockquote>')
STATEMENT = ('<p>Council member Tom Lee, who wrote the plan, said in a statement:</p>'
             '<blockquote><p>This plan was written with the riders who depend on the bus every day.</p>'
             '<p>It is theirs, and it will make their commute shorter and cheaper.</p></blockquote>')
CALLOUT = ('<p>Residents can comment on the plan online until the end of the month at the city website.</p>'
           '<blockquote><p>How to comment on the transit plan</p></blockquote>')
CITED = ('<p>Not everyone on the council was convinced by the numbers presented at the meeting.</p>'
         '<blockquote class="wp-block-quote"><p>This plan asks the riders who have the least to pay the most, and '
         'I could not vote for it.</p><cite>Dana Ortiz, council member</cite></blockquote>')
PULL = ('<p>“We listened to the riders,” Tom Lee said at the meeting on Tuesday night.</p>'
        '<figure class="wp-block-pullquote"><blockquote><p>We listened to the riders</p></blockquote></figure>')


def page(*parts: str) -> str:
    return ("<html><head><title>Council approves transit plan</title></head><body><article>"
            "<h1>Council approves transit plan</h1>" + "".join(parts) + "</article></body></html>")


def blocks(html: str) -> list[str]:
    article = clean_html(html)
    return [article.text[b.start:b.end] for b in article.blockquotes]


def test_an_embedded_post_is_a_block_without_its_credit_line():
    assert blocks(page(LEAD, TWEET, TAIL)) == [
        "Tonight the council chose higher fares and fewer choices for working families. We will keep "
        "fighting. pic.twitter.com/x"]


def test_a_block_introduced_by_a_colon_spans_its_paragraphs():
    assert blocks(page(LEAD, STATEMENT, TAIL)) == [
        "This plan was written with the riders who depend on the bus every day.\n\n"
        "It is theirs, and it will make their commute shorter and cheaper."]


def test_a_block_signed_by_a_cite_is_a_block_without_it():
    assert blocks(page(LEAD, CITED, TAIL)) == [
        "This plan asks the riders who have the least to pay the most, and I could not vote for it."]


@pytest.mark.parametrize("part", [CALLOUT, PULL], ids=["call-out box", "pull quote"])
def test_blocks_that_are_nobodys_words_are_not_quotations(part):
    assert blocks(page(LEAD, part, TAIL)) == []


def test_a_list_item_after_a_block_is_no_credit_line():
    html = page(LEAD, '<blockquote><p>What riders should know</p></blockquote>',
                "<ul><li>Fares stay the same until March, when the new lines open.</li>"
                "<li>Night service runs until one in the morning on weekdays.</li></ul>", TAIL)
    assert blocks(html) == []


def test_block_paragraphs_are_quotations_and_all_but_the_last_continue():
    article = clean_html(page(LEAD, STATEMENT, TAIL))
    spans = find_quote_spans(article.text, Config(), article.paragraphs, article.blockquotes)
    assert [(article.text[s.content.start:s.content.end][:20], s.block, s.continues) for s in spans] == [
        ("This plan was writte", True, True), ("It is theirs, and it", True, False)]
    assert spans[-1].close_mark == spans[-1].content.end - 1


def test_a_block_with_marks_of_its_own_is_quoted_by_them():
    text = "Lee said:\n\n“The plan is theirs,” he wrote. “It will make the commute shorter.”"
    paragraphs = find_quote_spans(text, Config(), (), [_span_of(text, "“The plan")])
    assert [text[s.content.start:s.content.end] for s in paragraphs] == [
        "The plan is theirs,", "It will make the commute shorter."]
    assert not any(s.block for s in paragraphs)


def _span_of(text: str, start_words: str):
    from quotelens.types import Span

    start = text.index(start_words)
    return Span(start, len(text))


@pytest.mark.model
@pytest.mark.parametrize("parts, expected", [
    ((LEAD, TWEET, TAIL), [("Tonight the council chose", "Maria Ortiz")]),
    ((LEAD, STATEMENT, TAIL), [("This plan was written", "Tom Lee"), ("It is theirs, and", "Tom Lee")]),
    ((LEAD, CITED, TAIL), [("This plan asks the riders", "Dana Ortiz")]),
])
def test_block_quotations_are_attributed(pipeline, parts, expected):
    result = pipeline.attribute_html(page(*parts))
    names = {s.id: s.name for s in result.speakers}
    got = [(result.article.text[q.contents[0].start:q.contents[0].end], names.get(q.speaker_id))
           for q in result.quotes]
    assert [(words[:len(start)], name) for (words, name), (start, _) in zip(got, expected)] == expected
    assert len(got) == len(expected)
    assert all(q.kind == "direct" for q in result.quotes)
