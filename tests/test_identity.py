"""One person, one speaker, by full name and role (issue 16), as tables of sentences.

Every sentence is written for these tests; the names come from many languages and conventions
(family name first, particles, double surnames, O', hyphens, initials, suffixes). Each case
asserts the canonical speaker of a quote by its words, and where it matters the speaker's type or role.
"""
from __future__ import annotations

import pytest
from quotelens.lexicon import strip_name, tidy_text
from speaking import HEAD, speakers_of


# ----------------------------------------------------------------------------- model-free
@pytest.mark.parametrize("raw, expected", [
    ("\u201c\u2014Leslie Ng", "Leslie Ng"),
    ('">Rivera', "Rivera"),
    ("<b>Ana Rivera</b>", "Ana Rivera"),
    ("Le\u200bslie Ng", "Leslie Ng"),
    ("\ufeffAna\u00adRivera", "AnaRivera"),
    ("Ana Rivera\u2019", "Ana Rivera"),
    ("spokesman for the union\x07", "spokesman for the union"),
    ("Siobhán O'Brien", "Siobhán O'Brien"),  # an apostrophe inside a name stays
    ("Ana Ruiz-Tagle", "Ana Ruiz-Tagle"),  # and so does a hyphen
])
def test_names_and_roles_lose_markup_and_invisible_characters(raw, expected):
    assert tidy_text(raw) == expected


@pytest.mark.parametrize("mention, name", [
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),  # a title-surname word before a given name
    ("Judge Judy Sheindlin", "Judy Sheindlin"),
    ("Amy Pope", "Amy Pope"),  # ... but a surname after a given name stays
    ("Dr. Martin Luther King Jr.", "Martin Luther King Jr."),
])
def test_title_words_stay_out_of_names(mention, name):
    assert strip_name(mention) == name


# ----------------------------------------------------------------------------- with the model

@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # the recognizer misses the full name; the surname later finds it (a role apposition)
    (HEAD + "Ada Okafor, an independent analyst who writes on energy, noted that prices would rise.\n\n"
     "“The grid is not ready,” Okafor said.", "The grid is not ready,", "Ada Okafor"),
    # a title before an untagged name
    (HEAD + "“We love our clients,” says Lead Planner Bianca Hall.\n\n“Color is back,” Hall says.",
     "Color is back,", "Bianca Hall"),
    # Dutch particle surname, hyphenated given name
    (HEAD + "Anne-Marie de Vries, a Dutch economist, spoke on Monday. “Rates will fall,” de Vries said.",
     "Rates will fall,", "Anne-Marie de Vries"),
    # Arabic bin
    (HEAD + "Crown Prince Mohammed bin Salman met the envoy. “We are ready,” bin Salman said.",
     "We are ready,", "Mohammed bin Salman"),
    # Korean, family name first
    (HEAD + "Park Ji-hoon, a Korean diplomat, arrived Monday. “We seek peace,” Park said.",
     "We seek peace,", "Park Ji-hoon"),
    # Chinese, family name first, alone later
    (HEAD + "Chinese President Xi Jinping spoke in Beijing. “Trade must be fair,” Xi said.",
     "Trade must be fair,", "Xi Jinping"),
    # Spanish double surname
    (HEAD + "“Guarantees are good,” said Melba Acosta Febo, the president of the bank.\n\n“We will pay,” Acosta said.",
     "We will pay,", "Melba Acosta Febo"),
    # Irish O'
    (HEAD + "Siobhán O'Brien, a lawyer for the family, spoke outside court. “Justice was done,” O'Brien said.",
     "Justice was done,", "Siobhán O'Brien"),
    # initials
    (HEAD + "J. R. Okonkwo, a spokesman for the port, answered questions. “Ships will dock,” Okonkwo said.",
     "Ships will dock,", "J. R. Okonkwo"),
    # a generational suffix
    (HEAD + "Harry Hurt III had hoped to republish his book. “It was a scary time,” Hurt said.",
     "It was a scary time,", "Harry Hurt III"),
    # a possessive mention
    (HEAD + "Ada Okafor, an energy analyst, spoke Monday. “Prices will rise,” was Okafor’s warning.",
     "Prices will rise,", "Ada Okafor"),
    # an honorific says which of two people sharing a surname
    (HEAD + "Bill Clinton spoke first. Then Hillary Clinton took the stage. “We will win,” Mrs. Clinton said.",
     "We will win,", "Hillary Clinton"),
])
def test_one_person_by_the_fullest_name_written(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][0] == name


@pytest.mark.model
@pytest.mark.parametrize("text, name, role", [
    ("“We will cut taxes,” said Secretary of State Maria Lindqvist.", "Maria Lindqvist", "Secretary of State"),
    ("“We will open ten clinics,” said Minister of Health Ana Souza on Tuesday.", "Ana Souza", "Minister of Health"),
    ("“The budget is sound,” Minister of Finance Kofi Mensah said.", "Kofi Mensah", "Minister of Finance"),
    ("Secretary of Defense Lee Hyun-woo said: “The drills go on.”", "Lee Hyun-woo", "Secretary of Defense"),
])
def test_the_words_after_title_of_stay_out_of_the_name(pipeline, text, name, role):
    """"Secretary of State X": the recognizer's name starts at X, but a capitalised run starting at
    "State" carries a given name, and was taken for a fuller name the recognizer had cut."""
    assert list(speakers_of(pipeline, text).values()) == [(name, "person", role)]


@pytest.mark.model
def test_two_people_sharing_a_surname_stay_apart(pipeline):
    text = (HEAD + "Rafael Cruz spoke in Iowa on Monday. His son, Ted Cruz, spoke in Texas.\n\n"
            "“We are a family of fighters,” Rafael Cruz said.\n\n“I will not quit,” Ted Cruz said.")
    got = speakers_of(pipeline, text)
    assert got["We are a family of fighters,"][0] == "Rafael Cruz"
    assert got["I will not quit,"][0] == "Ted Cruz"


@pytest.mark.model
def test_a_surname_and_its_full_name_are_one_speaker(pipeline):
    """The identity check's 'split people': no two speakers of one article are variants of one name."""
    text = (HEAD + "Ada Okafor, an independent analyst, noted that prices would rise.\n\n"
            "“The grid is not ready,” Okafor said.\n\n“We need cables,” said Ada Okafor.")
    res = pipeline.attribute_text(text)
    names = [s.name for s in res.speakers]
    assert names == ["Ada Okafor"], names


@pytest.mark.model
def test_titles_joined_by_and_before_a_name_are_one_person(pipeline):
    text = HEAD + "“We love our clients,” says Estera Events Co-Owner and Lead Planner Bianca Hall."
    assert speakers_of(pipeline, text)["We love our clients,"] == (
        "Bianca Hall", "person", "Estera Events Co-Owner and Lead Planner")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # an acronym joins the expansion it is written with
    (HEAD + "The Parliamentary Budget Officer (PBO) released a report on Monday. “The deficit will grow,” the PBO said.",
     "The deficit will grow,", "Parliamentary Budget Officer"),
    # "the union" joins the one union named
    (HEAD + "The National Teachers Union called a strike on Monday. “We will not go back,” the union said.",
     "We will not go back,", "National Teachers Union"),
    (HEAD + "The Ministry of Finance rejected the plan. “It is not affordable,” the ministry said.",
     "It is not affordable,", "Ministry of Finance"),
    # a document speaks for its issuer
    (HEAD + "“The roads will reopen on Friday,” a statement released by the mayor's office said.",
     "The roads will reopen on Friday,", "mayor's office"),
    (HEAD + "Members of the Canadian Union of Public Employees met Friday. “We are ready,” a release sent "
     "to media from the union late Friday said.", "We are ready,", "Canadian Union of Public Employees"),
    # "the release" with no issuer in it: the body that announced in the sentence before, and after
    (HEAD + "On Thursday, the Republican Party of Wyoming announced she was not coming.\n\n“Palin will not "
     "attend the convention,” the release said.\n\n“No other speaker was named,” the release added.",
     "No other speaker was named,", "Republican Party of Wyoming"),
    # a name its acronym follows is an organisation, however the recognizer labels it
    (HEAD + "According to the American College of Sports Medicine (ACSM), short bouts of exercise count.",
     "short bouts of exercise count", "American College of Sports Medicine"),
    (HEAD + "The Riverside Institute for Culture and Cooperation opened. “Classes begin in January,” "
     "the Institute’s release added.", "Classes begin in January,", "Riverside Institute for Culture and Cooperation"),
])
def test_organisations_by_their_fullest_name(pipeline, text, quote, name):
    got = speakers_of(pipeline, text)[quote]
    assert got[:2] == (name, "organization")


@pytest.mark.model
def test_two_unions_leave_the_union_as_written(pipeline):
    text = (HEAD + "The National Teachers Union and the Transit Workers Union met on Monday. "
            "“We will not go back,” the union said.")
    assert speakers_of(pipeline, text)["We will not go back,"][0] == "union"


@pytest.mark.model
@pytest.mark.parametrize("text, quote, role", [
    (HEAD + "Ana Ruiz, executive director of the National Teachers Union, spoke on Monday. “We are tired,” Ruiz said.",
     "We are tired,", "executive director of the National Teachers Union"),
    (HEAD + "Award-winning novelist Ana Ruiz spoke on Monday. “Books matter,” Ruiz said.",
     "Books matter,", "Award-winning novelist"),
    (HEAD + "Jessica Lautz, NAR deputy chief economist, spoke on Monday. “Buyers are back,” Lautz said.",
     "Buyers are back,", "NAR deputy chief economist"),
    # a role stated once in the lead holds for a quote many paragraphs later
    (HEAD + "Democratic mayoral nominee Jane Roe won the primary on Tuesday.\n\n" + "The city voted. " * 40
     + "\n\n“We will fix the buses,” Roe said.", "We will fix the buses,", "Democratic mayoral nominee"),
    # honorifics stay out of roles
    (HEAD + "Dr. Ana Ruiz, a surgeon at the county hospital, spoke. “We are full,” Ruiz said.",
     "We are full,", "surgeon at the county hospital"),
])
def test_roles_from_every_mention_and_whole(pipeline, text, quote, role):
    assert speakers_of(pipeline, text)[quote][2] == role


@pytest.mark.model
@pytest.mark.parametrize("text, quote, expected", [
    # a couple named together is one speaker
    (HEAD + "Kim and Lee Park, who run a dairy farm near Ames, spoke on Monday. “We are losing money,” the Parks said.",
     "We are losing money,", ("Kim and Lee Park", "person")),
    # two people writing together are one joint speaker
    (HEAD + "Sanders is filled with resentment. “He feels he gets no respect,” Edward-Isaac Dovere and "
     "Gabriel Debenedetti wrote.", "He feels he gets no respect,",
     ("Edward-Isaac Dovere and Gabriel Debenedetti", "person")),
    # "the official" is the one source introduced as "a justice official"
    (HEAD + "“The evidence is thin,” a justice official said on Monday.\n\nThe probe began in March. Lawyers "
     "for the company declined to comment.\n\n“We will not stop,” the official said.",
     "We will not stop,", ("a justice official", "anonymous")),
    # "the minister" far from the one minister named: still that minister
    (HEAD + "Foreign Minister Ana Ruiz arrived in Lima on Monday.\n\n"
     + " ".join(f"Delegate number {i} argued over tariffs and quotas for an hour." for i in range(60))
     + "\n\n“We are close,” the minister said.", "We are close,", ("Ana Ruiz", "person")),
    # a paragraph about one person whose name the recognizer may miss: her "she"
    ("Ana Ruiz has run the county's emergency office since 2019. She spent Monday visiting cooling "
     "centres. “Drink water and stay inside,” she said.", "Drink water and stay inside,", ("Ana Ruiz", "person")),
])
def test_joint_speakers_nominals_and_pronouns(pipeline, text, quote, expected):
    assert speakers_of(pipeline, text)[quote][:2] == expected


@pytest.mark.parametrize("votes, surnames, expected", [
    ({"ORG": 3, "PERSON": 1}, set(), "organization"),  # "Twitter": ORG at most of its places
    ({"ORG": 1, "PERSON": 1}, set(), "person"),  # one vote each way decides nothing
    ({"ORG": 4}, {"twitter"}, "person"),  # someone in the article has it as a surname
])
def test_a_one_word_name_gets_its_type_by_the_votes_of_its_places(votes, surnames, expected):
    from collections import Counter
    from types import SimpleNamespace

    from quotelens.speakers.clusters import vote_type
    from quotelens.speakers.people import Person

    person = Person(key="person:twitter", name="Twitter", type="person")
    vote_type(person, SimpleNamespace(label_votes={"Twitter": Counter(votes)}, by_last={s: [] for s in surnames}))
    assert person.type == expected


@pytest.mark.model
def test_a_coreferent_description_is_a_role_when_no_name_states_one(pipeline):
    text = (HEAD + "Hillary Clinton dug deeper into Donald Trump’s record Tuesday, launching attacks designed to "
            "paint the billionaire businessman as profiting off the housing crisis.\n\n"
            "“He was rooting for the crash,” Clinton said.\n\n“I am a builder,” Trump said.")
    got = speakers_of(pipeline, text)
    assert got["I am a builder,"] == ("Donald Trump", "person", "billionaire businessman")
    assert got["He was rooting for the crash,"] == ("Hillary Clinton", "person", None)


@pytest.mark.model
def test_a_title_fragment_is_no_part_of_the_role_before_it(pipeline):
    text = HEAD + "On Monday, Judiciary committee Chairman Sen. Chuck Grassley spoke. “It is over,” Grassley said."
    role = speakers_of(pipeline, text)["It is over,"][2]
    assert role is not None and role.endswith("committee Chairman"), role


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    (HEAD + "“The work was lawful,” a legal opinion drafted for the project for Mercury in May 2012 said.",
     "The work was lawful,", "a legal opinion drafted for the project for Mercury"),
    (HEAD + "“We are ready,” a release sent to media late Friday said.", "We are ready,", "a release sent to media"),
])
def test_a_description_is_named_without_its_date(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][0] == name


@pytest.mark.model
def test_a_pair_one_of_whom_speaks_alone_is_not_a_second_speaker(pipeline):
    text = HEAD + "“We will win,” Ana Ruiz and Tom Lee said on Monday.\n\n“I will lead,” Ana Ruiz said."
    res = pipeline.attribute_text(text)
    assert [s.name for s in res.speakers] == ["Ana Ruiz"]


@pytest.mark.model
@pytest.mark.parametrize("text, quote, seer", [
    # "by" after a verb of seeing or getting names a reader of the document, not its author
    (HEAD + "The agency found that the plant had leaked for years, according to a confidential report seen "
     "by Reuters.", "the plant had leaked for years", "Reuters"),
    (HEAD + "“The plant leaked for years,” said an internal memo obtained by The Daily Ledger.",
     "The plant leaked for years,", "The Daily Ledger"),
])
def test_a_document_is_not_credited_to_whoever_saw_it(pipeline, text, quote, seer):
    got = speakers_of(pipeline, text)
    name = next(v[0] for k, v in got.items() if quote in k)
    assert name != seer  # the document keeps its description ("a confidential report seen by Reuters")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a name set off by commas after a description that ends on another person's name names the
    # description's head, though the parse hangs it on the inner name
    (HEAD + "One nurse backing Ms. Okafor, Ingrid Svensson of the county hospital, said she had called voters. "
     "“We are tired,” she said.", "We are tired,", "Ingrid Svensson"),
    (HEAD + "A lawyer representing Mr. Tanaka, Chidi Obi, said the court had erred. "
     "“This ruling will not stand,” he said.", "This ruling will not stand,", "Chidi Obi"),
    (HEAD + "One farmer who votes for Mrs. Van der Berg, Sean O'Neill, said prices were too low. "
     "“We cannot go on,” he said.", "We cannot go on,", "Sean O'Neill"),
])
def test_a_name_set_off_after_a_description_is_its_speaker(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][0] == name


@pytest.mark.model
def test_a_name_after_a_description_ending_on_a_role_noun_stays_unjoined(pipeline):
    # "the governor, Tomasz Nowak": Nowak may be the governor, so the spokesman keeps no name
    text = HEAD + "A spokesman for the governor, Tomasz Nowak, said the plan was dead. “It is over,” he said."
    assert speakers_of(pipeline, text)["It is over,"][0] != "Tomasz Nowak"


@pytest.mark.model
@pytest.mark.parametrize("name", ["Carly Fenwick", "Beatriz Ruiz-Tagle"])
def test_a_missed_name_named_in_passing_is_the_referent_of_her_pronoun(pipeline, name):
    # the recognizer misses the name and it is no clause's subject; its given name is a
    # woman's and no woman is named nearer, so "she" is that person
    text = (HEAD + "Meanwhile, Tom Becker reminds us of a guest who will not leave. He is not likable. "
            f"And oh yes, {name}: What, exactly, are her qualifications? Losing a race by ten points? "
            "She had a great line a while back when she said, “Unlike my rivals, I can count.”")
    assert speakers_of(pipeline, text)["Unlike my rivals, I can count."][0] == name


@pytest.mark.model
def test_a_missed_name_in_passing_does_not_outrank_a_nearer_subject(pipeline):
    text = HEAD + "Tom Becker met Carly Fenwick on Monday. “We talked about the budget,” he said."
    assert speakers_of(pipeline, text)["We talked about the budget,"][0] == "Tom Becker"


@pytest.mark.model
@pytest.mark.parametrize("text, quote", [
    # a place or a group whose first word is also a given name is no one's name
    (HEAD + "Crowds filled Santa Monica on Sunday. “It was packed,” she said.", "It was packed,"),
    (HEAD + "Tom Becker spoke in West Hollywood on Sunday. “We are close,” she said.", "We are close,"),
])
def test_a_place_that_opens_on_a_given_name_is_no_pronoun_referent(pipeline, text, quote):
    assert speakers_of(pipeline, text)[quote][0] is None


@pytest.mark.model
@pytest.mark.parametrize("full, short, pronoun", [
    ("Hannah Cairo", "Cairo", "she"),
    ("Lucia Lima", "Lima", "she"),
    ("Sean Dublin", "Dublin", "he"),
    ("Priya Delhi", "Delhi", "she"),
    ("Olu Lagos", "Lagos", "he"),
    ("Amir Tehran", "Tehran", "he"),
])
def test_a_surname_tagged_as_a_place_is_the_subject_a_pronoun_goes_back_to(pipeline, full, short, pronoun):
    # the recognizer tags the surname alone as a place; it is the surname of the person named in
    # full, so "she"/"he" after it is that person, not a name in the headline
    text = ("How Nadia Hussein Solved a Puzzle\n\nMathematics is an art. This was on display in an account by "
            f"Kevin Barker of how a student named {full} solved a problem at 17.\n\n{short} grew up on an "
            f"island, where school was far away. “There was this sameness,” {pronoun} told Barker.")
    assert speakers_of(pipeline, text)["There was this sameness,"][0] == full
