"""Who said it, when the writer says "he" or "she": pronouns, and the person a paragraph goes on with.

News-style sentences written for these tests; see test_attribute.py for the conventions."""
from __future__ import annotations

import pytest
from speaking import assert_speakers, who_said_what

pytestmark = pytest.mark.model


def test_pronoun_agrees_with_gender_the_article_states(pipeline):
    # the nearest person named as a subject is Mr. Trump; "she" can only be Mrs. Clinton
    text = ("Mrs. Clinton answered first, and then Mr. Trump spoke at length about trade.\n\n"
            "“We cannot go back,” she said.")
    res = pipeline.attribute_text(text)
    (q,) = [q for q in res.quotes if q.kind == "direct"]
    assert res.speaker(q.speaker_id).name == "Clinton"
    assert text[q.mention.start:q.mention.end] == "she"


@pytest.mark.parametrize("text, expected", [
    # "she" is not a man: the given name says so when the article does not
    ("Carla Brandt finished third. Later, Tom Hale praised the plan.\n\n"
     "“Unlike the mayor, I know what a budget is,” she said.",
     [("Unlike the mayor, I know what a budget is,", "Carla Brandt")]),
    # a sentence's subject before the subject of a clause inside it
    ("Former envoy Tom Hale also described the rules that most must follow at the level Dan Price did. "
     "He said: “Everybody does it, unless your name is Dan Price.”",
     [("Everybody does it, unless your name is Dan Price.", "Tom Hale")]),
    # a subject in the pronoun's own sentence, even an aside's ("says X")
    ("Rosa Diaz runs the clinic. “Ask questions,” Diaz says.\n\n"
     "Still, the apps, says Mia Park, can teach “useful skills,” she says.",
     [("useful skills,", "Mia Park")]),
    # an aside's subject is its sentence's speaker for the next sentence's "he"
    ("Ken Bauer leads the group with Jim Ray. In the three years since, Bauer says, too many lives were lost. "
     "He says that “as a nation, we have to do better.”",
     [("as a nation, we have to do better.", "Ken Bauer")]),
    # a name inside a quotation is the speaker's word, not someone "he" can refer to
    ("The crowd cheered for Jo Hart at the rally, shouting “John Wells lies to you.”\n\n"
     "“I took the money but it didn't affect me?” he said.",
     [("I took the money but it didn't affect me?", "Jo Hart")]),
    # a nearer subject the recognizer missed ("West" in no entity) may be the one meant: the last
    # person it did recognise (Dan Smith) is not guessed
    ("That is where author and firebrand Cornel West took the talk. Filling in for Dan Smith at the "
     "same event, West landed a sharp dig at the plan.\n\n“I took the money but it didn't affect me?” he said.",
     [("I took the money but it didn't affect me?", None)]),
    # the subject of a reported clause is what was said, not whom "he" refers to
    ("Tom Park won the state primary on Tuesday.\n\nJoe Hunter, a blogger in Chicago, said he will not vote "
     "for Park because of his rhetoric about immigrants. Also, Park is not a conservative, he said. “He is a liberal!”",
     [("He is a liberal!", "Joe Hunter")]),
    # a person of the pronoun's gender spoken to after the subject: the earlier subject is no safer
    # a referent than the later object, so neither is guessed; named in passing, she is no rival
    ("Laura Kent chairs the board.\n\nTom Lee asked Maria Ortiz about the vote. “Nobody should be surprised by "
     "this,” she said.", [("Nobody should be surprised by this,", None)]),
    ("Laura Kent chairs the board.\n\nTom Lee attacked Maria Ortiz's plan. “Nobody should be surprised by "
     "this,” she said.", [("Nobody should be surprised by this,", "Laura Kent")]),
    # the article's own word (a possessive on the verb's object) outranks the name list
    ("Lindsey Hale defended his record on Monday.\n\n“We will win in November,” he said.",
     [("We will win in November,", "Lindsey Hale")]),
])
def test_pronoun_resolution(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_a_speaker_reported_inside_another_quote_is_not_the_one_he_continues(pipeline):
    # Song reports what Park said; the next "He said" continues Song, not Park
    text = ("Tom Song said Governor Jane Park had said the plan would not happen. "
            "He said it would not happen if voters “keep electing the same people.”")
    assert_speakers(pipeline, text, [("keep electing the same people.", "Tom Song")])


def test_pronoun_the_names_disagree_on_stays_unknown_with_its_mention(pipeline):
    # only "Lindsey" (mostly a woman's name) says this "he" is not the speaker going on; the
    # article reads as one speaker: neither wins, the quote keeps "he" and no name
    text = ("Lindsey Hale spoke at the conference on Monday.\n\n"
            "Hale said, “We are losing the vote.”\n\n"
            "He continued, “It is about repairing the damage.”")
    res = pipeline.attribute_text(text)
    (q,) = [q for q in res.quotes if "repairing" in text[q.contents[0].start:q.contents[0].end]]
    assert q.speaker_id is None
    assert text[q.mention.start:q.mention.end] == "He"


def test_lead_in_that_names_no_one_continues_the_previous_speaker(pipeline):
    text = ("Tom Hale keeps talking and never admits he was wrong.\n\n"
            "For example: \"We made a terrible mistake going in,\" Hale told a reporter in October.\n\n"
            "Then, later that month on CNN: \"I've never said we made a mistake going in.\"\n\n"
            "Asked about it on Friday: \"It was never said.\"")
    assert_speakers(pipeline, text, [
        ("We made a terrible mistake going in,", "Tom Hale"),
        ("I've never said we made a mistake going in.", "Tom Hale"),
        # a clause before the colon is not a label: no "Asked about it on Friday" speaker
        ("It was never said.", None),
    ])


def test_the_owner_of_a_subject_is_the_one_a_pronoun_goes_on_with(pipeline):
    text = ("Kevin Cureghian, an audio specialist, has tested dozens of microphones. “Start with a good dynamic "
            "microphone,” he says.\n\nMarcus Bernard’s favorite is a pair of studio headphones. “They sound as good "
            "as a pair that costs ten times as much,” he explains.")
    assert [s for _, s in who_said_what(pipeline, text)] == ["Kevin Cureghian", "Marcus Bernard"]


def test_a_person_a_sentence_opens_on_is_the_one_a_pronoun_goes_on_with(pipeline):
    text = ("Dana Ruiz, an audio specialist, has tested dozens of microphones. “Start with a good dynamic "
            "microphone,” she says.\n\nFor Maria Ortiz, it is not so much which pop filter you use, but that you "
            "use one. “It does not matter how good you think the room is,” she says.")
    assert [s for _, s in who_said_what(pipeline, text)] == ["Dana Ruiz", "Maria Ortiz"]


def test_relative_pronoun_is_the_mention_its_antecedent_the_speaker(pipeline):
    # "who" names the speaker here as "he" would; the speaker is the person it refers to
    text = "The governor was flanked by Ed Marsh, who has called the trade pact “a disaster for workers.”"
    res = pipeline.attribute_text(text)
    (q,) = res.quotes
    speaker = next(s for s in res.speakers if s.id == q.speaker_id)
    assert speaker.name == "Ed Marsh"
    assert text[q.mention.start:q.mention.end] == "who"
