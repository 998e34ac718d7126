"""Who said it, from the verb: which words are speech, which clause a cue belongs to, the words
around a quotation, and the one quoted.

News-style sentences written for these tests; see test_attribute.py for the conventions."""
from __future__ import annotations

import pytest
from speaking import assert_speakers, who_said_what

pytestmark = pytest.mark.model


def test_an_event_never_speaks(pipeline):
    # the parse hangs "shouting" on "came", whose subject is "The first incident"
    text = ("The first incident came during a speech at the college, when protesters interrupted her "
            "speech, shouting “she wins, we lose!”")
    res = pipeline.attribute_text(text)
    assert all(q.speaker_id is None for q in res.quotes)
    assert not any(s.name.lower().endswith("incident") for s in res.speakers)


@pytest.mark.parametrize("text, quoted, speaker", [
    # the quoted words come through the outer speaker (the guidelines label the outer utterance)
    ("Rep. Steve Israel said Hillary Clinton called on members to be “closely coordinated” this fall.",
     "closely coordinated", "Steve Israel"),
    # a statement's words are its owner's
    ("The Trump campaign’s statement then declares “the matter is now concluded.”",
     "the matter is now concluded.", "Trump campaign"),
])
def test_outer_speaker_and_written_sources(pipeline, text, quoted, speaker):
    res = pipeline.attribute_text(text)
    q = next(q for q in res.quotes if text[q.contents[0].start:q.contents[0].end] == quoted)
    assert res.speaker(q.speaker_id).name == speaker


# Where the parse fails, the words right after a quotation still say who spoke (rule 1b), and
# the words after a verb are its object unless the quotation opens the sentence.
@pytest.mark.parametrize("text, expected", [
    # the name before "said" (tests/test_attribute_pattern.py gives these the bad parses seen in news)
    ("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.",
     [("We will achieve justice in this case,", "Chuck Jordan")]),
    ("“Debate recap,” tweeted Rubio spokesman Alex Conant.", [("Debate recap,", "Alex Conant")]),
    ("“Imagine that on the same stage,” mused radio host Stu Burns.",
     [("Imagine that on the same stage,", "Stu Burns")]),
    # an apposition between the name and the verb
    ("“That was a good speech you gave last night,” Representative Steve Cohen, Democrat of Tennessee, "
     "told Mr. Obama as he stopped to have his picture taken.",
     [("That was a good speech you gave last night,", "Steve Cohen")]),
    # the object of "thanked" is not the speaker of the quotation after it
    ("Kerry Lane, star of the series “Harbor,” thanked Obama for “taking these steps to make us all safer.”",
     [("taking these steps to make us all safer.", "Kerry Lane")]),
    # the cue right after the quotation is its own, not a later one the parse hangs it on
    ("“I never said that,” Trump said, after Becky Quick said the billionaire had called Rubio a senator.",
     [("I never said that,", "Trump")]),
    # a description completed by a name is that person
    ("“It is treason,” said Cruz constituent Dan Golvach when asked about the senator.",
     [("It is treason,", "Dan Golvach")]),
    # a label is a name, not an adverbial with commas
    ("He told CNN in October that it was a mistake.\n\nThen, later that month on CNN: “I never said we made a "
     "mistake going into Afghanistan.”", [("I never said we made a mistake going into Afghanistan.", None)]),
    # a quote in the writer's sentence is not credited to a "Name, title" line above it
    ("Texas Gov. Hears About the Plan, Launches Warning\n\nDuring his campaign, the senator made clear his aim "
     "to “fundamentally transform the country and its courts.”",
     [("fundamentally transform the country and its courts.", None)]),
])
def test_words_after_the_quotation(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_quote_only_verbs_report_no_speech(pipeline):
    text = ("Dan Reed, a farmer, spoke after the vote.\n\n“Who wants to work with us now?” he wondered.\n\n"
            "Many voters wonder whether the plan will ever pass the legislature.")
    res = pipeline.attribute_text(text)
    assert [(q.kind, res.speaker(q.speaker_id).name) for q in res.quotes] == [("direct", "Dan Reed")]


@pytest.mark.parametrize("text, expected", [
    # an inverted cue right after the quotation beats the verb before the dash
    ("If Moscow is behind it, as researchers believe but Moscow strongly denies — “why wouldn’t you want to "
     "raise the potential?” asked Dunn, now a partner at a communications firm.",
     [("why wouldn’t you want to raise the potential?", "Dunn")]),
    # a participle after a comma belongs to the reporting clause, not to the clause it reports
    ("Even a top Republican strategist said Clinton will have to choose whose side she is on, saying, "
     "“At some point, she is going to have to come out.”",
     [("At some point, she is going to have to come out.", "top Republican strategist")]),
])
def test_which_clause_the_cue_belongs_to(pipeline, text, expected):
    got = who_said_what(pipeline, text)
    got = [(w, s.removeprefix("a ").removeprefix("Even a ") if s else s) for w, s in got]
    assert [g for g in got if g[0] in {e[0] for e in expected}] == expected, got


@pytest.mark.parametrize("text, expected", [
    # the one quoted said the words, not the one who passes them on
    ("“We will not back down on this,” Tom Lee said, quoting Maria Ortiz.",
     [("We will not back down on this,", "Maria Ortiz")]),
    ("“We will not back down on this,” Tom Lee recalled Maria Ortiz saying.",
     [("We will not back down on this,", "Maria Ortiz")]),
    ("“We will not back down on this,” Tom Lee quoted Maria Ortiz as saying.",
     [("We will not back down on this,", "Maria Ortiz")]),
    ("The Times quoted Maria Ortiz as saying the deal was “dead and buried.”",
     [("dead and buried.", "Maria Ortiz")]),
    ("“We will not back down on this,” Tom Lee said Maria Ortiz told him.",
     [("We will not back down on this,", "Maria Ortiz")]),
    ("“We will not back down on this,” a person in the room said Maria Ortiz told Tom Lee.",
     [("We will not back down on this,", "Maria Ortiz")]),
    ("Maria Ortiz accused Tom Lee of saying “we will not back down on this.”",
     [("we will not back down on this.", "Tom Lee")]),
    # words passed on are their owner's: read, cited, released
    ("Tom Lee read aloud a letter from Maria Ortiz: “We will not back down on this.”",
     [("We will not back down on this.", "Maria Ortiz")]),
    ("Tom Lee cited Maria Ortiz’s words: “We will not back down on this.”",
     [("We will not back down on this.", "Maria Ortiz")]),
    ("Tom Lee’s campaign released a statement from Maria Ortiz: “We will not back down on this.”",
     [("We will not back down on this.", "Maria Ortiz")]),
    ("The paper published a letter from the mayor’s office: “We will not back down on this.”",
     [("We will not back down on this.", "mayor’s office")]),
    # ... not words characterized ("called her remarks “a new low”" is his)
    ("Tom Lee called Maria Ortiz's remarks on the vote “a new low” on Monday.", [("a new low", "Tom Lee")]),
    # a question put to someone: the next quote may be the answer, so it continues no one
    ("“Will it work?” Maria Ortiz asked Tom Lee. “Of course.”",
     [("Will it work?", "Maria Ortiz"), ("Of course.", None)]),
    ("Maria Ortiz asked Tom Lee about the vote. “It will pass.”", [("It will pass.", None)]),
    # ... and "he" after a woman's question is the man she asked
    ("“Will it work?” Maria Ortiz asked Tom Lee. “Of course,” he said.",
     [("Will it work?", "Maria Ortiz"), ("Of course,", "Tom Lee")]),
    # "shot back"
    ("“It will work,” Tom Lee said.\n\n“It will fail,” Maria Ortiz shot back.",
     [("It will work,", "Tom Lee"), ("It will fail,", "Maria Ortiz")]),
    # ... but a person spoken of or to is not quoted
    ("“We will not back down on this,” Tom Lee said, referring to Maria Ortiz.",
     [("We will not back down on this,", "Tom Lee")]),
    ("“We will not back down on this,” Tom Lee told Maria Ortiz.", [("We will not back down on this,", "Tom Lee")]),
])
def test_the_one_quoted_is_the_speaker(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the sentence after a quotation says whose words they were
    ("Dana Ortiz spoke last.\n\n“We are going to win this state.” Those were the words of Dana Ortiz on Monday.",
     [("We are going to win this state.", "Dana Ortiz")]),
    ("Dana Ortiz spoke last.\n\n“We are going to win this state.” That was the message from Ortiz on Monday.",
     [("We are going to win this state.", "Dana Ortiz")]),
    ("Dana Ortiz spoke last.\n\n“We are going to win this state.” Ortiz's remarks drew loud cheers.",
     [("We are going to win this state.", "Dana Ortiz")]),
    # ... also when it opens the next paragraph, and then before the previous speaker goes on
    ("“We listened to the riders,” Tom Lee said.\n\n“The plan is a step backward for our neighborhoods.”\n\n"
     "That was the verdict of Dana Ortiz, who lives near the new line.",
     [("We listened to the riders,", "Tom Lee"), ("The plan is a step backward for our neighborhoods.", "Dana Ortiz")]),
    ("“We listened to the riders,” Tom Lee said.\n\n“The plan is a step backward for our neighborhoods.”\n\n"
     "That was the verdict of the Riverside Neighborhood Association in a letter on Monday.",
     [("We listened to the riders,", "Tom Lee"),
      ("The plan is a step backward for our neighborhoods.", "Riverside Neighborhood Association")]),
    # a body's words: the name is the body's, not its possessive, and in its fullest form
    ("The Riverside Institute said in a release that classes begin in January.\n\n"
     "“Learning Spanish opens doors to new cultures,” the Institute’s release added.",
     [("Learning Spanish opens doors to new cultures,", "Riverside Institute")]),
    # ... but a paragraph that opens on other words of someone's starts a new topic
    ("The shooting drew responses across the city on Sunday.\n\n“The shooting is a tragedy for our city.”\n\n"
     "Dana Ortiz’s second post, an hour later, was about the budget vote.",
     [("The shooting is a tragedy for our city.", None)]),
    # ... or the quotation's own sentence goes on to say it
    ("“It will fail, and everyone knows it,” was Dana Ortiz’s verdict.",
     [("It will fail, and everyone knows it,", "Dana Ortiz")]),
    ("“It will fail,” came the reply from Dana Ortiz.", [("It will fail,", "Dana Ortiz")]),
    ("Mayor Dana Ortiz spoke last.\n\n“It will fail,” was the response from the mayor.",
     [("It will fail,", "Dana Ortiz")]),
    ("“It will fail,” was the headline in the Toledo Blade.", [("It will fail,", None)]),
    # ... not words of no one's, nor a sentence that is only about the speaker
    ("The rally ran late.\n\n“We are going to win this state.” The mood of the hall was electric.",
     [("We are going to win this state.", None)]),
    ("The rally ran late.\n\n“We are going to win this state.” Dana Ortiz was confident on Monday.",
     [("We are going to win this state.", None)]),
    # the one asked answers in the next quotation
    ("Dana Ortiz was asked about the scandal on Tuesday. “It is a disgrace to this office.”",
     [("It is a disgrace to this office.", "Dana Ortiz")]),
    # "expressed" frames the quoted words it reports
    ("Dana Ortiz expressed hope that the talks would be “a first step toward a lasting peace.”",
     [("a first step toward a lasting peace.", "Dana Ortiz")]),
])
def test_words_named_around_a_quotation(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # verbs of blame and praise report the quoted words they frame (reporting_verbs.txt)
    ("Mayor Jo Park slammed the council’s plan as “reckless and shortsighted” on Monday.",
     [("reckless and shortsighted", "Jo Park")]),
    ("Senator Ruth Gale touted the bill as “the biggest tax cut for working families in a decade.”",
     [("the biggest tax cut for working families in a decade.", "Ruth Gale")]),
    ("“That is simply absurd,” Vance scoffed.", [("That is simply absurd,", "Vance")]),
    # verbs of manner and gesture frame a quotation next to them ("quote-only")
    ("“It will never pass,” Tom Vance shrugged.", [("It will never pass,", "Tom Vance")]),
    ("“Who asked you?” Tom Vance snapped.", [("Who asked you?", "Tom Vance")]),
    ("“We have a deal,” Tom Vance texted a reporter.", [("We have a deal,", "Tom Vance")]),
    # ... and statements as such report their clause
    ("Tom Vance clarified that the deal was not final.", [("that the deal was not final", "Tom Vance")]),
    # a statement issued, thoughts offered, a view shared, next to the quotation
    ("Soon after the storm, Governor Ann Walsh issued a statement, “Our hearts are with every family tonight.”",
     [("Our hearts are with every family tonight.", "Ann Walsh")]),
    ("Mayor Jo Park offered “my thoughts and prayers for all of the families.”",
     [("my thoughts and prayers for all of the families.", "Jo Park")]),
    ("Earlier this week, Senator Ruth Gale shared her worry with donors, “I do not know which opponent will "
     "show up.”", [("I do not know which opponent will show up.", "Ruth Gale")]),
])
def test_verbs_of_blame_and_praise(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text", [
    "Asked whether she would run again, Mayor Jo Park said simply: “No.”",
    "Told that the vote had failed, the senator said he was “not surprised.”",
])
def test_a_question_put_to_someone_is_not_their_speech(pipeline, text):
    res = pipeline.attribute_text(text)
    assert not [q for q in res.quotes if q.kind == "indirect"], res.quotes


def test_abstract_nouns_say_nothing(pipeline):
    # the parse makes "challenge" the subject of "arguing": no one is credited with the clause
    text = ("Mr. Obama's challenge is to acknowledge that the divides have grown deeper, while arguing that "
            "the way to rise above them is to elect Mrs. Clinton.")
    res = pipeline.attribute_text(text)
    speakers = {s.id: s.name for s in res.speakers}
    assert all("challenge" not in (speakers.get(q.speaker_id) or "") for q in res.quotes), res.quotes


@pytest.mark.parametrize("text, expected", [
    # quoted words with no cue, in a clause whose subject is a named person: that person's
    ("Jo Park spoke last. At the forum, Park pushed for “a budget that keeps every library open on "
     "weekends.”", [("a budget that keeps every library open on weekends.", "Jo Park")]),
    ("Councilman Eli Ruiz spent the week in Albany. He pressed the governor for “a real plan for the "
     "subway, not another study.”", [("a real plan for the subway, not another study.", "Eli Ruiz")]),
    # ... also through an infinitive clause with no subject of its own
    ("Jo Park spoke last. Years earlier, Park had voted for the plan to close the plant from “the point "
     "of view of a mayor who has seen too many jobs leave the city.”",
     [("the point of view of a mayor who has seen too many jobs leave the city.", "Jo Park")]),
    # ... not when a noun says whose words they are ("the mayor's promise of “…”"),
    ("Eli Ruiz spoke on Monday. Ruiz framed the mayor's promise of “a new park in every neighborhood "
     "by next year” as a fantasy.", [("a new park in every neighborhood by next year", None)]),
    # ... nor when the verb takes a title or others' words, or is a verb of being,
    ("Jo Park spoke last. At the ceremony, Park signed “the law that keeps every library open on "
     "weekends.”", [("the law that keeps every library open on weekends.", None)]),
    ("Jo Park spoke last. In the new poll, Park is “the candidate most likely to fix the roads,” by a wide "
     "margin.", [("the candidate most likely to fix the roads,", None)]),
    # ... nor when the quotation describes the subject or the clause is someone else's question
    ("The poll came out on Monday. Voters were asked if Jo Park is “ready to lead the city on day one.”",
     [("ready to lead the city on day one.", None)]),
])
def test_quotation_in_a_clause_whose_subject_is_a_person(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_scare_quote_in_a_persons_clause_stays_unattributed(pipeline):
    # a word or three in quotation marks is the writer's irony, whoever the subject is
    text = "Mayor Jo Park spoke on Monday. Park runs a “tight” ship at city hall."
    assert who_said_what(pipeline, text) == []


@pytest.mark.parametrize("text, expected", [
    # verbs of manner that only report next to a quotation
    ("“You cannot be serious about that plan,” Ana Ruiz laughed.",
     [("You cannot be serious about that plan,", "Ana Ruiz")]),
    ("“We will be back next year, and we will win,” Coach Dan Hale sighed.",
     [("We will be back next year, and we will win,", "Dan Hale")]),
])
def test_manner_verbs_next_to_a_quotation(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the subject of a passive verb of speech is what is spoken of, not who speaks
    ("The new novel is described on its publisher's site as a “gripping story of heroes who risked "
     "everything for one another.”", [("gripping story of heroes who risked everything for one another.", None)]),
    # ... except the one quoted, heard or reported to have spoken
    ("Senator Ann Ruiz was quoted as saying that the bill “will never pass this chamber while I am here.”",
     [("will never pass this chamber while I am here.", "Ann Ruiz")]),
    ("Senator Ann Ruiz is reported to have called the plan “a gift to the richest families in the state.”",
     [("a gift to the richest families in the state.", "Ann Ruiz")]),
])
def test_passive_verbs_of_speech(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)
