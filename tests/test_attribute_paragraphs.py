"""Who said it across sentences and paragraphs: quote paragraphs, lines that introduce them, headings
and bullets, and quotations the parse splits.

News-style sentences written for these tests; see test_attribute.py for the conventions."""
from __future__ import annotations

import pytest
from speaking import assert_speakers, who_said_what

pytestmark = pytest.mark.model


def test_participle_after_and_is_the_reporting_clause_not_the_reported_one(pipeline):
    # the parse hangs "asking" on "was" (whose subject is "it"); it is Tom Park asking
    text = ("Republicans were quick to chime in, with Tom Park tweeting that it was a \"disaster\" for Hale "
            "and asking, \"How can someone with such bad judgement be our next president?\"")
    assert_speakers(pipeline, text, [
        ("How can someone with such bad judgement be our next president?", "Tom Park")])


@pytest.mark.parametrize("text, expected", [
    # a transcript's label in capitals names the person the article names
    ("In an interview, Senator Ann Ruiz was asked about the bill.\n\nRUIZ: \"No. It is a bad bill.\"",
     [("No. It is a bad bill.", "Ann Ruiz")]),
    # quotations as list items: the bullet does not stop the quote opening its paragraph
    ("Senator Ann Ruiz spoke for an hour on Tuesday.\n\nRuiz listed her priorities for the session:\n\n"
     "- \"The state needs roads.\"\n\n- \"The state needs schools.\"",
     [("The state needs roads.", "Ann Ruiz"), ("The state needs schools.", "Ann Ruiz")]),
    # a line with no verb that hands the floor to someone
    ("Mayor Jo Park spoke to the council on Tuesday about the budget and the roads.\n\n"
     "Among her other remarks:\n\n\"The state needs roads.\"\n\n"
     "Governor Tom Hale on the budget:\n\n\"It is a mess and nobody reads it.\"\n\n"
     "The full statement from Senator Ann Ruiz:\n\n\"We will vote no.\"\n\n"
     "Critics were unimpressed. The reasons:\n\n\"It costs too much.\"",
     [("The state needs roads.", "Jo Park"), ("It is a mess and nobody reads it.", "Tom Hale"),
      ("We will vote no.", "Ann Ruiz"), ("It costs too much.", None)]),
])
def test_quote_paragraphs_introduced_by_a_line(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a verb of speaking the lexicon lacks, then a comma and the quotation: the clause's subject
    ("Senator Ann Ruiz spoke on Tuesday at a crowded hall.\n\n"
     "Ruiz weighed in late on Monday, “This is a sad day for the state.”",
     [("This is a sad day for the state.", "Ann Ruiz")]),
    # no subject, no speaker
    ("Senator Ann Ruiz spoke on Tuesday at a crowded hall.\n\nAfter the meeting with Tom Hale, “It was fine.”",
     [("It was fine.", None)]),
])
def test_quote_after_a_comma_clause(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_fragments_of_one_reported_clause_are_one_quote(pipeline):
    text = "Mayor Linda Chavez said the budget was “a disaster for the city” and “a waste of money that nobody asked for.”"
    res = pipeline.attribute_text(text)
    (q,) = res.quotes
    assert q.kind == "mixed"
    assert [text[c.start:c.end] for c in q.contents] == ["a disaster for the city",
                                                         "a waste of money that nobody asked for."]
    assert text[q.clause.start:q.clause.end] == ("the budget was “a disaster for the city” and "
                                                 "“a waste of money that nobody asked for.”")
    assert res.speaker(q.speaker_id).name == "Linda Chavez"


def test_quote_paragraph_after_reported_speech(pipeline):
    text = ("Carter said that for decades some critics had predicted a withdrawal from the region, but this "
            "would not happen.\n\n“That is because this region remains the most consequential for our security "
            "and prosperity.”")
    assert who_said_what(pipeline, text)[-1] == (
        "That is because this region remains the most consequential for our security and prosperity.", "Carter")


def test_a_name_in_a_heading_and_the_paragraph_under_it_is_one_person(pipeline):
    text = ("3. Dana Ortiz\n\nDana Ortiz is one of the most influential painters of her generation.\n\n"
            "“My work has always come from empathy,” Ortiz has said.")
    assert who_said_what(pipeline, text) == [("My work has always come from empathy,", "Dana Ortiz")]


def test_bulleted_quotes_under_a_header_line(pipeline):
    text = ("Lawrence Yun, NAR Chief Economist\n\n- Rates ease: “Lower rates will qualify more buyers next year.”\n\n"
            "- Prices moderate: “Home price growth will be minimal, about 2% to 3%.”")
    assert [s for _, s in who_said_what(pipeline, text)] == ["Lawrence Yun", "Lawrence Yun"]


def test_reported_stretches_answer_inside_for_nested_spans():
    from quotelens.speakers.names import Quoted
    from quotelens.types import Span

    # an outer quotation holding four inner ones, then another quotation
    q = Quoted([Span(0, 100), Span(10, 20), Span(30, 40), Span(50, 60), Span(70, 80), Span(200, 210)])
    assert [q.holds(p) for p in (5, 15, 90, 205)] == [True] * 4
    assert [q.holds(p) for p in (100, 150, 210)] == [False] * 3
    assert not Quoted([]).holds(3)


@pytest.mark.parametrize("text, expected", [
    # a paragraph of quotation after "X issued a statement …" is the statement: X's words
    ("After the vote, Mayor Jo Park released a statement on the new budget.\n\n“This budget keeps every "
     "library open and every bus running. I am proud of it.”",
     [("This budget keeps every library open and every bus running. I am proud of it.", "Jo Park")]),
    # ... but not after a sentence that only mentions a statement someone else wrote
    ("After the vote, reporters asked about a statement on the new budget.\n\n“This budget keeps every "
     "library open and every bus running.”",
     [("This budget keeps every library open and every bus running.", None)]),
])
def test_quote_paragraph_after_an_issued_statement(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_cue_before_a_quote_the_parser_began_a_sentence_at(pipeline):
    # the parser starts a sentence at the open mark; the cue before it still reports the quote
    text = ("Senator Ann Ruiz tweaked her campaign promise on Saturday when she announced her running mate, "
            "calling Ohio Sen. Tom Lee “my partner in this campaign and in the statehouse.”")
    assert who_said_what(pipeline, text) == [("my partner in this campaign and in the statehouse.", "Ann Ruiz")]


@pytest.mark.parametrize("text, expected", [
    # a quote right after a sentence whose subject is a person, in the same paragraph, is theirs
    ("Judge Ana Ortiz listened to both lawyers.\n\nThe judge then turned to me. “Explain to me why you are "
     "here today.”", [("Explain to me why you are here today.", "Ana Ortiz")]),
    # ... not when that subject stands in a dashed aside the parse cannot be trusted with
    ("When I began to speak I saw Tom Lee's surprise — naturally he expected me to read my statement — and "
     "the judge interrupted me. “Explain to me why you are here today.”",
     [("Explain to me why you are here today.", None)]),
    # ... nor after a sentence about a thing
    ("The storm hit the coast on Monday. “It was the worst night of our lives.”",
     [("It was the worst night of our lives.", None)]),
    # a title quoted in that sentence is nobody's words: the person still speaks next, and a
    # title first in the text is no earlier voice to continue
    ("Maria Ortiz appeared on “Meet the Press” on Sunday. “It will fail, and everyone knows it.”",
     [("It will fail, and everyone knows it.", "Maria Ortiz")]),
    ("Maria Ortiz spoke to the “Toledo Blade” on Monday about the vote. “It will fail, and everyone knows it.”",
     [("It will fail, and everyone knows it.", "Maria Ortiz")]),
    # a mixed quote reported in passing, in a clause inside another person's sentence: the next
    # quotation continues neither of the two
    ("Maria Ortiz took aim at what Tom Lee calls his “jobs plan.” “It will fail, and everyone knows it.”",
     [("jobs plan.", "Tom Lee"), ("It will fail, and everyone knows it.", None)]),
])
def test_quote_after_a_sentence_about_a_person(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a quotation paragraph after a paragraph that ends on a person as its subject is theirs
    ("Maria Ortiz, a nurse in Dayton, has voted Republican all her life.\n\n“I am done with them. They lied to us.”",
     [("I am done with them. They lied to us.", "Maria Ortiz")]),
    # ... not when the quote names that person (it is about them), nor after two people
    ("Tom Lee has run the county for a decade.\n\n“Lee has done nothing for us.”",
     [("Lee has done nothing for us.", None)]),
    ("Maria Ortiz and Tom Lee disagree.\n\n“Nobody should be surprised.”", [("Nobody should be surprised.", None)]),
    # ... nor after a paragraph about a thing
    ("The storm hit the coast on Monday.\n\n“It was the worst night of our lives.”",
     [("It was the worst night of our lives.", None)]),
    # ... nor after a sentence about someone's words: the quote may be those words or a reply to them
    ("Tom Lee received a letter from Maria Ortiz on Monday. “The plan is dead.”", [("The plan is dead.", None)]),
    # ... and a sentence naming the words' owner outranks it
    ("Tom Lee has run the county for a decade.\n\n“He has done nothing for us.” Those were the words of Maria "
     "Ortiz, a nurse.", [("He has done nothing for us.", "Maria Ortiz")]),
])
def test_quote_paragraph_after_a_paragraph_about_a_person(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)
