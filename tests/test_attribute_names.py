"""Who said it, by name: descriptions, appositions, labels, relative clauses, groups and the names
inside them.

News-style sentences written for these tests; see test_attribute.py for the conventions."""
from __future__ import annotations

import pytest
from speaking import assert_last_speaker_and_mention, assert_speakers, who_said_what

pytestmark = pytest.mark.model


@pytest.mark.parametrize("nominee, mention", [
    # the parse hangs the "and" on the "of" phrase and the second title on the first: both titles
    ("current Democratic presidential nominee",
     "the former secretary of state and current Democratic presidential nominee"),
    # this one it keeps whole
    ("current party nominee", "the former secretary of state and current party nominee"),
])
def test_a_speaker_mention_never_ends_on_a_conjunction(pipeline, nominee, mention):
    text = (f"On the morning show, the former secretary of state and {nominee} said she wanted "
            "to speak “directly to the voters.”")
    res = pipeline.attribute_text(text)
    (q,) = res.quotes
    assert text[q.mention.start:q.mention.end] == mention


@pytest.mark.parametrize("text, expected", [
    # other chief executives are named nearby: the apposition, not the title, says who this is
    ("Twitter chief executive Jack Dorsey spoke first, and Facebook chief executive Mark Zuckerberg followed."
     "\n\n“We are not for sale,” the LinkedIn chief executive, Jeff Weiner, said on Monday.",
     [("We are not for sale,", "Jeff Weiner")]),
    ("Mary Beth Ross, a farmer, spoke first.\n\n“It is treason,” said one farmer, Dan Golvach, when asked.",
     [("It is treason,", "Dan Golvach")]),
])
def test_description_completed_by_a_name(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_a_noun_near_a_name_is_not_its_title(pipeline):
    # "clip" stands three words before "Kaine" but is no title of his: the clip is the speaker
    text = "Tim Kaine spoke in Richmond on Monday.\n\nThe clip says Kaine “has a passion for defending the wrong people.”"
    assert who_said_what(pipeline, text) == [("has a passion for defending the wrong people.", "The clip")]


@pytest.mark.parametrize("text, expected", [
    # a second person of the surname, introduced later in full, does not take the bare surname
    ("Senator Ted Cruz campaigned in Iowa on Sunday.\n\nHis father, Rafael Cruz, a pastor, spoke first and "
     "prayed with the crowd.\n\nAt the last stop, the candidate took questions.\n\n"
     "“We will win this state,” Cruz said.",
     [("We will win this state,", "Ted Cruz")]),
    # ... but one named earlier in the same paragraph does
    ("Senator Ted Cruz campaigned in Iowa on Sunday.\n\nHis father, Rafael Cruz, a pastor, spoke first. "
     "“God has a plan for this country,” Cruz said.",
     [("God has a plan for this country,", "Rafael Cruz")]),
])
def test_two_people_with_one_surname(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a first name alone is the one person of the article who has it: a given name in a feature,
    # a family name written first in news
    ("Kevin Cureghian, an audio specialist, has tested dozens of microphones for the studio.\n\n"
     "Kevin recommends “a dynamic microphone for anyone who records at home.”",
     [("a dynamic microphone for anyone who records at home.", "Kevin Cureghian")]),
    ("UN Secretary-General Ban Ki-moon spoke to reporters in New York on Tuesday.\n\n"
     "“We cannot wait any longer,” Ban said.",
     [("We cannot wait any longer,", "Ban Ki-moon")]),
    # ... not when two people have it
    ("Kevin Cureghian and Kevin Lee tested dozens of microphones for the studio.\n\n"
     "Kevin recommends “a dynamic microphone for anyone who records at home.”",
     [("a dynamic microphone for anyone who records at home.", "Kevin")]),
])
def test_a_first_name_alone(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, name, mention", [
    # an unnamed source's mention is the whole description, its relative clause included; the
    # name that groups its quotes keeps a clause that says which source (no comma before it)
    ("“If I were a donor, I would want answers,” said a party official who backs the governor.",
     "a party official who backs the governor", "a party official who backs the governor"),
    # ... however long, when the clause only speaks of speaking
    ("“The talks are over,” said a negotiator who spoke on condition of anonymity because he was not "
     "authorized to discuss them.", "a negotiator",
     "a negotiator who spoke on condition of anonymity because he was not authorized to discuss them"),
    # a number or "those" heads an unnamed source as a common noun does; a number is no name
    ("“It was awful,” said two of the aides.", "two of the aides", "two of the aides"),
    # ... set off by a comma after an inverted cue, too (and "asked not to be named" reports nothing:
    # the last quote of the text is the direct one)
    ("“The talks are over,” said one voter, who asked not to be named.", "one voter",
     "one voter, who asked not to be named"),
    # ... but a person's name takes no clause
    ("“The talks are over,” said Tom Lee, who supports the governor.", "Tom Lee", "Tom Lee"),
    # a relative clause that reports speech of its own is a cue, never a description
    ("The mayor attacked a councilman who said the budget was “a disgrace.”", "a councilman", "who"),
])
def test_unnamed_source_keeps_its_relative_clause(pipeline, text, name, mention):
    assert_last_speaker_and_mention(pipeline, text, name, mention)


@pytest.mark.parametrize("text, expected", [
    # a label line whose name the tagger reads as a common noun: the article names the person
    ("Reyes: “We are going to win so much.”\n\nCarla Reyes was upbeat on Tuesday night, thanking volunteers.",
     [("We are going to win so much.", "Carla Reyes")]),
    # a headline "Name: …" with quoted words inside: the named person's
    ("Okafor: Mayor needs to ‘get away from all this personality stuff’ with rivals\n\n"
     "Councilwoman Grace Okafor offered pointed advice to the mayor on Friday.",
     [("get away from all this personality stuff", "Grace Okafor")]),
    # ... but not a headline whose label is no one's name
    ("Veto Power Impedes Peace Efforts: Ending “the scourge of war” is one of the oldest goals.\n\n"
     "The council met on Monday.", [("the scourge of war", None)]),
    # an apposition with a relative clause between the name and its reporting verb
    ("“The state needs a plan for rural voters,” Nate Pratt, the pollster who founded a ratings site "
     "tweeted on Wednesday. “They are drawing more from her side now.”",
     [("The state needs a plan for rural voters,", "Nate Pratt"),
      ("They are drawing more from her side now.", "Nate Pratt")]),
    # a party-and-district parenthesis and a nickname between the name and its verb; the parse
    # makes "state" the subject and the name its apposition: the name is the speaker
    ("“This is a big year for our city,” state Del. Marcia “Cia” Pryor (D-Newport News), shouted to the crowd.",
     [("This is a big year for our city,", "Pryor")]),
    ("“This is a big year for our city,” state Del. Marcia Pryor (D-Newport News), shouted to the crowd.",
     [("This is a big year for our city,", "Marcia Pryor")]),
    ('"This is a big year for our city," state Del. Marcia "Cia" Pryor (D-Newport News), shouted to the crowd.',
     [("This is a big year for our city,", "Pryor")]),
    # ... and inside an apposition between the description and the verb
    ('As he welcomed guests, Scott was launching his bid.\n\n"This is a big year for our senator!" Scott\'s niece, '
     'state Del. Marcia "Cia" Pryor (D-Newport News), shouted to the crowd.',
     [("This is a big year for our senator!", "Pryor")]),
    # a show's title between a cue and the next quotation is nobody's words: the speaker goes on
    ("“The message is that the state should act,” Governor Dan Reyes said on the program “Meet the Voters.” "
     "“And nobody in my party will give in.”",
     [("The message is that the state should act,", "Dan Reyes"),
      ("And nobody in my party will give in.", "Dan Reyes")]),
    # a quote paragraph signed by the next paragraph, with a hyphen glued to the name
    ("“Great speech. She is tested. She is ready.”\n\n-Senator Maria Vance, on social media after the speech.\n\n"
     "“The whole idea of a rigged vote needs to stop.”\n\n- Tom Birch, Philadelphia.",
     [("Great speech. She is tested. She is ready.", "Maria Vance"),
      ("The whole idea of a rigged vote needs to stop.", "Tom Birch")]),
    # a clause ending in a colon gives the floor to the name in apposition, or to a reply's owner
    ("Critics piled on. The technology columnist Dana Ortiz went so far as to say: “The network as we know it "
     "is over.”", [("The network as we know it is over.", "Dana Ortiz")]),
    ("Aides told her of the vote. Senator Ruth Gale’s response was: “Is that final?”",
     [("Is that final?", "Ruth Gale")]),
    ("The mood of the crowd was clear: “Send them home!”", [("Send them home!", None)]),
    # the parse hangs the clause before the colon on the quotation's verb: it is still the
    # speaker's clause, a subject that is a person, a role with "the", or the owner of the words
    ("Dana Ortiz met the press.\n\nOrtiz was blunt: “Nobody should be surprised by this.”",
     [("Nobody should be surprised by this.", "Dana Ortiz")]),
    ("Dana Ortiz met the press.\n\nThe mayor was more direct: “Nobody should be surprised by this.”",
     [("Nobody should be surprised by this.", "The mayor")]),
    ("Dana Ortiz met the press.\n\nOrtiz’s message was simple: “Vote, and bring a friend with you.”",
     [("Vote, and bring a friend with you.", "Dana Ortiz")]),
    ("Maria Ortiz took questions. Her answer: “Nobody should be surprised by this.”",
     [("Nobody should be surprised by this.", "Maria Ortiz")]),
    ("Dana Ortiz, however, was unmoved: “Nobody should be surprised by this.”",
     [("Nobody should be surprised by this.", "Dana Ortiz")]),
    # ... but the one asked is not the asker, and a reported clause's subject is not its reporter
    ("Dana Ortiz met the press.\n\nOrtiz was asked: “Will you run again?”", [("Will you run again?", None)]),
    ("Tom Lee said Dana Ortiz was a candidate of the future: “She is a start-up kind of mayor.”",
     [("She is a start-up kind of mayor.", "Tom Lee")]),
    # ... a name the recognizer takes for a place, a body or a text that speaks, people by role
    ("Kasich was blunt: “Nobody should be surprised by this.”", [("Nobody should be surprised by this.", "Kasich")]),
    ("The ad ends with a warning: “Send them home!”", [("Send them home!", "The ad")]),
    ("Aides were blunt: “Send them home!”", [("Send them home!", "Aides")]),
    # ... a label inside the paragraph, a name the recognizer does not know or a role
    ("Critics lined up against the plan. — Kasich Priebus: “We will not back down on this.”",
     [("We will not back down on this.", "Kasich Priebus")]),
    ("Critics lined up against the plan. The senator: “We will not back down on this.”",
     [("We will not back down on this.", "The senator")]),
    ("The mood of the crowd: “Send them home!”", [("Send them home!", None)]),
    # ... the subject of the first of several verbs
    ("Maria Ortiz paused, looked up and went on: “Send them home!”", [("Send them home!", "Maria Ortiz")]),
    # a label that is a person's possessive names that person
    ("Dana Ortiz met the press.\n\nOrtiz’s take: “Nobody should be surprised by this.”",
     [("Nobody should be surprised by this.", "Dana Ortiz")]),
    # the words after a quotation that goes on into the writer's sentence are no speaker
    ('“It is not a thing voters care about,” Palmieri told reporters. “What they care about is that she is '
     'focused on raising incomes for the middle class” and other pocketbook issues.',
     [("What they care about is that she is focused on raising incomes for the middle class", "Palmieri")]),
    # "shares" read as a plural noun by the tagger still reports, after a name
    ("Event planner Erica Vance has seen it all.\n\n“Parties are leaning into interactivity,” Vance shares, "
     "noting that portrait painters are more and more common.",
     [("Parties are leaning into interactivity,", "Erica Vance")]),
    # a no-break space inside a name: the model reads a plain space, the offsets stay the text's
    ("Thor countered.\n\n“Imagine Brad Thor going up against both of them on the same stage,” mused radio co-host "
     "Stu\u00a0Burns.", [("Imagine Brad Thor going up against both of them on the same stage,", "Stu Burns")]),
    # ... but a dash line that is no one's name signs nothing
    ("“We will not back down.”\n\n- some of the crowd cheered.", [("We will not back down.", None)]),
])
def test_labels_and_long_appositions(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "Will" and "May" tagged as modals before a verb no modal can precede are names
    ("The columnist Martha Will wrote about the race on Sunday. In the end, Will described the plan as “a fraud.”",
     [("a fraud.", "Martha Will")]),
    ("The columnist Martha Will wrote about the race on Sunday. Will claims the speech “settled nothing.”",
     [("settled nothing.", "Martha Will")]),
    ("Prime Minister Theresa May spoke in Parliament. May said the deal was “the best available.”",
     [("the best available.", "Theresa May")]),
])
def test_a_name_read_as_a_modal(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "Name, in a statement:" labels the quotation with the name, not with where it was said
    ("Mayor Jo Park, in a statement: “We will rebuild.”", [("We will rebuild.", "Jo Park")]),
    ("Senator Ruth Gale, on Twitter: “Shameful.”", [("Shameful.", "Ruth Gale")]),
    # the one asked is the listener: the question is not the words of the person who answers
    ("Asked whether she would run again, Mayor Jo Park said simply: “No.”", [("No.", "Jo Park")]),
])
def test_labels_with_a_place_and_questions_asked(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # the name in apposition to a title the tagger calls a proper noun is the speaker
    ("The firm's lawyers met in May.\n\nThe Harlow Group's CEO, Kimberley Fritts, said the two firms had "
     "agreed.\n\n“We would have gladly registered,” she said in a statement.",
     [("the two firms had agreed", "Kimberley Fritts"), ("We would have gladly registered,", "Kimberley Fritts")]),
    # a name inside a description's clause is not the description: the pastor is not Cruz but the
    # name set off after the description, and "he" after the pastor's words is the pastor, not
    # the man named before
    ("Mr. Huckabee won the caucuses that year, but he trails far behind this year.\n\n"
     "One pastor supporting Mr. Cruz, Dale Whitman of Liberty Church, said he had called other pastors.\n\n"
     "“Find your polling place and get there,” he tells parishioners.",
     [("Find your polling place and get there,", "Dale Whitman")]),
    # titles joined by "and" before the name, after an inverted verb: the name is the speaker
    ("What story should the event tell? “This year, it is about meaning,” says Estera Events Co-Owner and Lead "
     "Planner Erica Vanco.", [("This year, it is about meaning,", "Erica Vanco")]),
    # ... but "the mayor and Governor Jo Park" are two people: no title is taken for the other's name
    ("“No,” said the mayor and Governor Jo Park.", [("No,", "the mayor")]),
    # the recognizer's lower-case "person" inside a quotation is nobody: "she" is the planner
    ("Speaking of fruit, Cameron Forbes says food as decor is trending.\n\nTo execute the theme, Forbes says to "
     "look for produce with character. “Citrus with leaves still on, juicy figs, cherry stems, or bunches of "
     "herbs—they add color and movement without feeling forced,” she explains.",
     [("Citrus with leaves still on, juicy figs, cherry stems, or bunches of herbs—they add color and movement "
       "without feeling forced,", "Cameron Forbes")]),
])
def test_descriptions_and_the_names_inside_them(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, speaker, mention", [
    # an emphatic reflexive is part of the mention; the speaker is still the person
    ("Dana Holt, the senator, has said little. “We never asked for this,” Holt herself said on Friday.",
     "Dana Holt", "Holt herself"),
    ("“We will not sell the plant,” the company itself said in a filing.", "company", "the company itself"),
])
def test_mention_keeps_an_emphatic_reflexive(pipeline, text, speaker, mention):
    assert_last_speaker_and_mention(pipeline, text, speaker, mention)


@pytest.mark.parametrize("text, expected", [
    # a name ending a dashed aside is not the subject the words after the aside are
    ("Senator Amy Kern wrote again on Friday.\n\nIn the letter - addressed to the county prosecutor, "
     "Dana Ortiz - the Ohio Republican asks for an inquiry into whether “the office destroyed records "
     "that the committee had asked it to keep.”",
     [("the office destroyed records that the committee had asked it to keep.", "the Ohio Republican")]),
    # ... and a hyphen inside a party label opens no aside
    ("“Ethanol is not the issue it was in the 1980s,” Sen. Chuck Dale (R-Iowa) told reporters.",
     [("Ethanol is not the issue it was in the 1980s,", "Chuck Dale")]),
    # a party or nationality with an article describes a person; it is nobody's name
    ("“We will carry this state in November,” said a Democrat from Toledo.",
     [("We will carry this state in November,", "a Democrat")]),
])
def test_asides_and_described_partisans(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("text, expected", [
    # a group of unnamed sources joined by "and" is one mention
    ("Their friends and advisers said that the senator would not run again next year.",
     [("that the senator would not run again next year", "Their friends and advisers")]),
    # ... and so is a list of them, commas and all
    ("“It is a disaster for everyone,” said parents, teachers, and students at the meeting.",
     [("It is a disaster for everyone,", "parents, teachers, and students")]),
    ("“It is a disaster,” said Tom Lee, Ana Ortiz and Ann Brooks.", [("It is a disaster,", "Tom Lee")]),
    # ... but a person's name is not stretched over the people joined to it
    ("Senator Ana Ortiz and her aides said that the bill would pass next week.",
     [("that the bill would pass next week", "Ana Ortiz")]),
])
def test_a_group_of_unnamed_sources_is_one_mention(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


def test_a_party_group_keeps_its_participle(pipeline):
    # "Democrats involved in the talks" describes a group, as "a Democrat involved in …" would
    text = "Democrats involved in the talks said that a deal on the budget was close."
    quote = pipeline.attribute_text(text).quotes[0]
    assert text[quote.mention.start:quote.mention.end] == "Democrats involved in the talks"


@pytest.mark.parametrize("text, name, mention", [
    # an unnamed source's description between commas, before its verb, is part of the mention
    ("The newspaper, long a vocal advocate of school reform, said that the bill would fail.",
     "newspaper", "The newspaper, long a vocal advocate of school reform"),
    # ... a person's apposition is not: it is the person's name
    ("The spokesman, Tom Hale, said that the bill would fail.", "Tom Hale", "Tom Hale"),
])
def test_description_between_commas(pipeline, text, name, mention):
    assert_last_speaker_and_mention(pipeline, text, name, mention)


def test_those_who_keeps_its_clause(pipeline):
    # "those" cannot be resolved to a person, but the mention says who they are
    text = "Those who back her rivals said that the debate was unfair to them."
    quote = pipeline.attribute_text(text).quotes[0]
    assert quote.speaker_id is None
    assert text[quote.mention.start:quote.mention.end] == "Those who back her rivals"


@pytest.mark.parametrize("text, expected", [
    # "one of …" / "two of …" are people, though the recognizer tags the number CARDINAL
    ("Two of the aides said that the plan was dead.", [("that the plan was dead", "Two of the aides")]),
    # ... and a name in apposition to them is who speaks
    ("One of his advisers, Tom Lee, said that the senator would stay in the race until June.",
     [("that the senator would stay in the race until June", "Tom Lee")]),
])
def test_one_of_a_group(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


GONZALEZ = "Maria Gonzalez spoke on Monday.\n\n"


@pytest.mark.parametrize("text, expected", [
    # a signature after a dash, to a possessive: the owner of the words
    (GONZALEZ + "“We will win this state in November” — Maria Gonzalez's words at the rally on Monday.",
     [("We will win this state in November", "Maria Gonzalez")]),
    # a quote-only verb of repeating
    (GONZALEZ + "“We will win this state in November,” Maria Gonzalez echoed.",
     [("We will win this state in November,", "Maria Gonzalez")]),
    # a statement "from" someone is that someone's
    (GONZALEZ + "“We will win this state in November,” reads a statement from Maria Gonzalez.",
     [("We will win this state in November,", "Maria Gonzalez")]),
    # the name in apposition ends the description, wherever the parse hangs it
    (GONZALEZ + "“We will win this state in November,” the senator from Ohio, Maria Gonzalez, said.",
     [("We will win this state in November,", "Maria Gonzalez")]),
])
def test_ways_of_naming_the_speaker_after_a_quote(pipeline, text, expected):
    assert_speakers(pipeline, text, expected)


@pytest.mark.parametrize("name, no_person", [
    ("Jacob Lawrence Prize", True), ("Content Strategy Report", True), ("Haus der Kunst", True),
    ("Stuart Hall", False), ("Sandra Park", False), ("Margaret Court", False), ("Prize", False),
])
def test_names_the_recognizer_takes_for_people_by_their_last_word(name, no_person):
    from quotelens.lexicon import names_no_person

    assert names_no_person(name) is no_person
