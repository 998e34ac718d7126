"""Organisation and anonymous speakers (issue 16), as tables of invented sentences.

Each case asserts the canonical speaker of a quote by its words, with its type and, where it
matters, its role. The shapes: an unnamed source's description and the relative clause that
restricts it; "his"/"her" before a description; a news medium by its noun; a document's issuer;
"the campaign" and its name; "the source" and the source introduced before.
"""
from __future__ import annotations

import pytest
from speaking import HEAD, speakers_of


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a restrictive clause (no comma) says which source: it is part of the description
    (HEAD + "“The dam will not hold,” said a former city engineer who oversaw the repairs.",
     "The dam will not hold,", "a former city engineer who oversaw the repairs"),
    # ... up to its first coordinated verb
    (HEAD + "“The dam will not hold,” said a former city engineer who oversaw the repairs and described "
     "the work as rushed.", "The dam will not hold,", "a former city engineer who oversaw the repairs"),
    (HEAD + "“Los precios subirán,” said a grain trader who works at the port of Rosario.",
     "Los precios subirán,", "a grain trader who works at the port of Rosario"),
    # a clause set off by a comma adds a fact, not an identity
    (HEAD + "“The dam will not hold,” said a former city engineer, who oversaw the repairs.",
     "The dam will not hold,", "a former city engineer"),
    # a clause that says why the source is unnamed is no part of the name
    (HEAD + "“The dam will not hold,” said a former city engineer who spoke on condition of anonymity.",
     "The dam will not hold,", "a former city engineer"),
    (HEAD + "“Talks have stalled,” said a diplomat who was not authorized to speak publicly.",
     "Talks have stalled,", "a diplomat"),
    (HEAD + "“Talks have stalled,” said one senior diplomat.", "Talks have stalled,", "one senior diplomat"),
])
def test_anonymous_sources_by_their_description(pipeline, text, quote, name):
    got = speakers_of(pipeline, text)[quote]
    assert got[:2] == (name, "anonymous")


@pytest.mark.model
def test_the_official_joins_a_source_named_with_its_clause(pipeline):
    text = (HEAD + "“The evidence is thin,” said a justice official who reviewed the file.\n\nThe probe began in "
            "March. Lawyers for the company declined to comment.\n\n“We will not stop,” the official said.")
    got = speakers_of(pipeline, text)
    assert got["We will not stop,"] == ("a justice official who reviewed the file", "anonymous", "justice official")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, expected", [
    # "his"/"her" before an unnamed source's noun is the person the pronoun refers to
    (HEAD + "Mayor Lena Berg left for Oslo on Monday.\n\n“The budget is safe,” said her deputy.",
     "The budget is safe,", ("Berg’s deputy", "anonymous", "Berg’s deputy")),
    (HEAD + "Maria Lindqvist ran for mayor last year. Her husband spoke to the crowd.\n\nAs the crowd cheered, "
     "her husband said: “We are still here.”", "We are still here.",
     ("Lindqvist’s husband", "anonymous", "Lindqvist’s husband")),
    # the article's own apostrophe (with none in the text, its double quotation marks' style)
    (HEAD + "Senator Tomás Okoye’s bill failed on Monday.\n\n“We will keep fighting,” his spokeswoman said.",
     "We will keep fighting,", ("Okoye’s spokeswoman", "anonymous", "Okoye’s spokeswoman")),
    # an institution noun owned so is that person's body
    (HEAD + "Governor Ines Duarte lost the primary on Tuesday. “We ran a clean race,” her campaign said.",
     "We ran a clean race,", ("Duarte’s campaign", "organization", None)),
])
def test_a_possessive_pronoun_is_resolved_to_its_owner(pipeline, text, quote, expected):
    assert speakers_of(pipeline, text)[quote] == expected


@pytest.mark.model
def test_a_possessive_pronoun_with_no_referent_stays_as_written(pipeline):
    text = HEAD + "The vote was close.\n\n“We will keep fighting,” his spokeswoman said."
    assert speakers_of(pipeline, text)["We will keep fighting,"][:2] == ("his spokeswoman", "anonymous")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a noun for a news medium joins the medium named nearest before it
    (HEAD + "Kestrel News reported on Tuesday that the mayor would resign.\n\nThe plan was dropped, "
     "“because the money ran out,” according to the news outlet.", "because the money ran out,", "Kestrel News"),
    (HEAD + "“The agents are under pressure,” an intelligence source told Fox News.\n\nThe rule applies "
     "“when officials make false statements,” according to the news outlet.",
     "when officials make false statements,", "Fox News"),
    (HEAD + "The mayor told Channel Nine on Monday that the bridge was safe.\n\n“The cracks are old,” the "
     "network reported, citing engineers.", "The cracks are old,", "Channel Nine"),
    (HEAD + "The Lagos Tribune published the letters on Sunday. “The minister knew,” the paper said.",
     "The minister knew,", "Lagos Tribune"),
])
def test_a_news_medium_by_its_noun(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][:2] == (name, "organization")


@pytest.mark.model
def test_the_network_with_no_medium_named_stays_as_written(pipeline):
    text = HEAD + "The ministry declined to comment on Monday.\n\n“The files are complete,” the network said."
    assert speakers_of(pipeline, text)["The files are complete,"][:2] == ("network", "organization")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a suit's complaint is the suer's, a clause set off after its noun or not
    (HEAD + "The Harbor Workers Union sued the city on Friday. The complaint, which was filed in district "
     "court, alleged that the city “broke every promise in the contract.”",
     "broke every promise in the contract.", "Harbor Workers Union"),
    (HEAD + "Senator Ada Brook lost the primary. Her campaign sued the party on Friday. The complaint, which "
     "was filed in federal court, alleged that the party “failed to protect our data.”",
     "failed to protect our data.", "Brook’s campaign"),
    # a study published in a journal, with no author named: the journal that put it out
    (HEAD + "A review of twelve trials published in The Lancet concludes that “the drug works for most adults.”",
     "the drug works for most adults.", "Lancet"),
])
def test_a_document_speaks_for_who_put_it_out(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][:2] == (name, "organization")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # "the campaign" joins the one campaign named with a name before its lower-case noun
    (HEAD + "The Okafor campaign raised $2 million in March.\n\n“We are confident,” the campaign said in a "
     "statement.", "We are confident,", "Okafor campaign"),
    (HEAD + "The House Ethics committee opened an inquiry into the senator. “The rules are clear,” the "
     "committee said.", "The rules are clear,", "House Ethics committee"),
    (HEAD + "Nakamura’s campaign raised $2 million in March.\n\n“We are confident,” the campaign said.",
     "We are confident,", "Nakamura campaign"),
    # two of them: neither
    (HEAD + "The Okafor campaign and the Brandt campaign traded barbs on Monday.\n\n“We are confident,” the "
     "campaign said.", "We are confident,", "campaign"),
])
def test_the_campaign_joins_the_one_named_before_its_noun(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][:2] == (name, "organization")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # "the source" joins the one source introduced before, whatever words follow its noun
    (HEAD + "“The audit was rushed,” a source familiar with the bank’s internal review said on Monday.\n\n"
     "The review began in March. Lawyers for the bank declined to comment.\n\n“Nobody signed off,” the source said.",
     "Nobody signed off,", "a source familiar with the bank’s internal review"),
    (HEAD + "“The evidence is thin,” said a justice official who reviewed the file.\n\nThe probe began in "
     "March.\n\n“We will not stop,” the official said.", "We will not stop,", "a justice official who reviewed the file"),
])
def test_the_noun_joins_the_source_introduced_with_it(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][:2] == (name, "anonymous")


@pytest.mark.model
def test_two_writers_named_together_are_one_joint_speaker(pipeline):
    text = (HEAD + "In a long essay, Lyndie Chiou and staff writer Joe Howlett explore the problem. “The proof "
            "was a quilt of many squares,” Chiou and Howlett write.")
    got = speakers_of(pipeline, text)["The proof was a quilt of many squares,"]
    assert got[:2] == ("Lyndie Chiou and Joe Howlett", "person")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a colon after a clause with no subject that points to words and their owner
    (HEAD + "Consider this headline from the Lagos Tribune: “Fuel queues return to the capital.”",
     "Fuel queues return to the capital.", "Lagos Tribune"),
    (HEAD + "And how about this new headline from the Daily Courier, which hits the mayor where he lives: "
     "“Surge in thefts alters residents’ routines.”", "Surge in thefts alters residents’ routines.", "Daily Courier"),
])
def test_a_headline_before_a_colon_is_its_publisher(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][:2] == (name, "organization")


@pytest.mark.model
def test_a_subject_before_the_colon_outranks_the_words_it_names(pipeline):
    text = HEAD + "Senator Ana Ruiz dismissed the statement from the ministry: “It is fiction.”"
    assert speakers_of(pipeline, text)["It is fiction."][0] == "Ana Ruiz"


@pytest.mark.model
@pytest.mark.parametrize("text, quote, expected", [
    # a name with a news medium's word is a body's, whatever the recognizer labels it
    (HEAD + "The Daily Courier ran a blunt story on Monday. “The mayor quits,” the Daily Courier reported.",
     "The mayor quits,", ("Daily Courier", "organization")),
    # ... but not a person's name with a word that may be a medium's elsewhere
    (HEAD + "“Manners are for everyone,” Emily Post wrote.", "Manners are for everyone,", ("Emily Post", "person")),
])
def test_a_news_medium_by_its_name(pipeline, text, quote, expected):
    assert speakers_of(pipeline, text)[quote][:2] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, quote, role", [
    # a role read after "his"/"her" right before the name is the role of the one the pronoun means
    (HEAD + "Mayor Lena Berg left for Oslo. Her deputy, Karl Dahl, stayed behind.\n\n“The budget is safe,” "
     "Dahl said.", "The budget is safe,", "Berg’s deputy"),
    (HEAD + "Mayor Lena Berg left for Oslo. Her deputy Karl Dahl stayed behind.\n\n“The budget is safe,” "
     "Dahl said.", "The budget is safe,", "Berg’s deputy"),
    (HEAD + "Governor Rui Costa’s bill failed. His chief of staff, Ana Lind, blamed the senate.\n\n“We will "
     "try again,” Lind said.", "We will try again,", "Costa’s chief of staff"),
])
def test_a_possessive_pronoun_in_a_role_is_resolved(pipeline, text, quote, role):
    assert speakers_of(pipeline, text)[quote][2] == role
