"""Names cut or run long by the parse, and roles stated apart from the name (issue 16), as tables.

Every sentence is invented for these tests. Names come from many conventions: Spanish double given
names and surnames, Yoruba, Polish, Portuguese, Arabic "bin ... Al ...", Korean.
"""
from __future__ import annotations

import pytest
from quotelens.lexicon import strip_name

from speaking import HEAD, speakers_of


# ----------------------------------------------------------------------------- model-free
@pytest.mark.parametrize("mention, name", [
    # the body of "<title> of" runs on past "and" or "the": the name starts at its given name
    ("Minister of Health and Social Affairs Ana Souza", "Ana Souza"),
    ("Minister of Foreign Affairs and Trade Kofi Mensah", "Kofi Mensah"),
    ("Governor of the Central Bank Tomasz Nowak", "Tomasz Nowak"),
    ("Director of the Office of Management and Budget Mick Mulvaney", "Mick Mulvaney"),
    ("Chairman of the Federal Reserve Jerome Powell", "Jerome Powell"),
    # ... or after the body's last word when no given name is known
    ("Minister of Health and Social Affairs Souza", "Souza"),
    # unchanged: one word after "of", and a description with no name
    ("Secretary of State John Kerry", "John Kerry"),
    ("a spokeswoman for the House Armed Services Committee", "a spokeswoman for the House Armed Services Committee"),
])
def test_a_title_of_a_body_stays_out_of_the_name(mention, name):
    assert strip_name(mention) == name


# ----------------------------------------------------------------------------- with the model
@pytest.mark.model
@pytest.mark.parametrize("text, name, role", [
    ("“We will open ten clinics,” said Minister of Health and Social Affairs Ana Souza on Tuesday.",
     "Ana Souza", "Minister of Health and Social Affairs"),
    ("“Rates will stay low,” said Governor of the Central Bank Tomasz Wiśniewski.",
     "Tomasz Wiśniewski", "Governor of the Central Bank"),
    ("Governor of the Central Bank Tomasz Wiśniewski spoke Monday. “Rates will stay low,” Wiśniewski said.",
     "Tomasz Wiśniewski", "Governor of the Central Bank"),
])
def test_a_title_of_a_body_before_a_name_is_a_role(pipeline, text, name, role):
    assert list(speakers_of(pipeline, HEAD + text).values()) == [(name, "person", role)]


@pytest.mark.model
@pytest.mark.parametrize("text, quote, name", [
    # a paragraph opening on an unfamiliar name: the parse cuts a sentence after its first word
    (HEAD + "María José García Márquez, a teacher in Seville, protested. “We are underpaid,” García Márquez said.",
     "We are underpaid,", "María José García Márquez"),
    (HEAD + "Olusegun Obasanjo Adeyemi, a union leader in Lagos, spoke. “We will strike,” Adeyemi said.",
     "We will strike,", "Olusegun Obasanjo Adeyemi"),
    # ... and a Portuguese particle inside the name
    (HEAD + "Maria do Rosário Nunes spoke Monday. “Brazil needs jobs,” Nunes said.",
     "Brazil needs jobs,", "Maria do Rosário Nunes"),
    # the recognizer stops short of a surname it tags elsewhere
    (HEAD + "Sheikh Hamad bin Jassim Al Thani spoke to reporters. “We seek calm,” Al Thani said.",
     "We seek calm,", "Hamad bin Jassim Al Thani"),
])
def test_a_name_the_parse_cut_is_whole(pipeline, text, quote, name):
    assert speakers_of(pipeline, text)[quote][0] == name


@pytest.mark.model
@pytest.mark.parametrize("text, role", [
    ("“We need roads,” said Kwame Asante. He is a professor at the University of Ghana.",
     "professor at the University of Ghana"),
    ("“We need roads,” said Kwame Asante. He is a professor of economics at the University of Ghana.",
     "professor of economics at the University of Ghana"),
    ("“The harvest failed,” said Mariana Costa. She is a farmer who grows coffee near the border.", "farmer"),
    # the pronoun's gender is not the one person's named before it: no role
    ("“We need roads,” said Kwame Asante. She is a professor.", None),
    # two people named before it, one of each gender: the pronoun's
    ("Ana Lima met Kwame Asante. He is a farmer. “We need roads,” said Asante.", "farmer"),
])
def test_a_role_a_pronoun_states_in_the_next_sentence(pipeline, text, role):
    got = list(speakers_of(pipeline, HEAD + text).values())
    assert got[-1][2] == role


@pytest.mark.model
@pytest.mark.parametrize("text, role", [
    # "his" or "her" before a role is the one person named just before it
    ("Hillary Clinton spoke in Ohio. “We are ready,” said her campaign manager Robby Mook.",
     "Clinton’s campaign manager"),
    ("Hillary Clinton spoke in Ohio. “We are ready,” said Robby Mook, her campaign manager.",
     "Clinton’s campaign manager"),
    ("“We will not resign,” said Ana Souza. Her deputy, Pedro Lima, agreed. “We stand together,” Lima said.",
     "Souza’s deputy"),
    # ... not the person the role describes, nor one of the other gender
    ("“We are ready,” said Robby Mook, her campaign manager.", "campaign manager"),
    ("Ana Souza spoke in Ohio. “We are ready,” said his campaign manager Corey Lewandowski.", "campaign manager"),
    # the proper-noun subject of the clause it sits in, before anyone else named nearby
    ("Ana Lima spoke first. Mina Park is getting help from her friend, Travis Cantwell, a plumber. "
     "“Teachers need respect,” Cantwell said.", "Park’s friend"),
    # two people it may be: left as written, without the pronoun
    ("Pavel Novak met Tomas Berg. “We are ready,” said his deputy, Pedro Lima.", "deputy"),
])
def test_a_possessive_role_names_its_owner(pipeline, text, role):
    got = list(speakers_of(pipeline, HEAD + text).values())
    assert got[-1][2] == role


@pytest.mark.model
@pytest.mark.parametrize("text, name, kind", [
    ("“Premiums rose by a third,” NAPHIA said in its annual report.", "NAPHIA", "organization"),
    ("“Deals are slowing,” EY said on Monday.", "EY", "organization"),
    # a label in capitals for a person the article names
    ("WALLACE: “Do you support it?” Chris Wallace asked.", "Chris Wallace", "person"),
])
def test_a_name_in_capitals_only_is_no_person(pipeline, text, name, kind):
    got = list(speakers_of(pipeline, HEAD + text).values())
    assert got[0][:2] == (name, kind)


@pytest.mark.model
@pytest.mark.parametrize("text, role", [
    # a number a hyphen glues to the next word is part of the role, not an age
    ("Benjamin Ross, eighteenth-century physician and early critic of coffee, offers a story. "
     "“Coffee is a medicine,” Ross wrote.", "eighteenth-century physician"),
    ("Ana Souza, 18th-century historian, spoke. “Ports made the city,” Souza said.", "18th-century historian"),
    ("Kofi Mensah, 54, a farmer, spoke. “Rain is late,” Mensah said.", "farmer"),
    # a title's acronym in brackets between the title and the name
    ("“Plan early,” says Certified Financial Planner (CFP) Marguerita M. Chen of Annuity.org.",
     "Certified Financial Planner"),
])
def test_roles_around_numbers_and_acronyms(pipeline, text, role):
    got = list(speakers_of(pipeline, HEAD + text).values())
    assert got[-1][2] == role


@pytest.mark.model
def test_role_words_the_recognizer_tags_a_person_are_no_name(pipeline):
    text = HEAD + "“Eat well,” says registered dietitian nutritionist (RDN) Ana Souza."
    assert speakers_of(pipeline, text)["Eat well,"] == ("Ana Souza", "person", "registered dietitian nutritionist")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, expected", [
    # a surname the tagger reads as a noun and the recognizer as a group or a body
    (HEAD + "“Eat more fiber,” says Gans. Keri Gans, MS, RDN, is a nutritionist in New York.",
     "Eat more fiber,", ("Keri Gans", "person", "nutritionist")),
    (HEAD + "Photographer Hiroshi Tanaka-Reyes opened the show. “Light is everything,” Tanaka-Reyes says.",
     "Light is everything,", ("Hiroshi Tanaka-Reyes", "person", "Photographer")),
])
def test_a_mislabelled_surname_is_the_person_named_in_full(pipeline, text, quote, expected):
    assert speakers_of(pipeline, text)[quote] == expected


@pytest.mark.model
def test_a_description_ending_on_a_surname_is_not_that_person(pipeline):
    text = HEAD + "Kofi Mensah toured the farms. “We need rain,” said one farmer supporting Mr. Mensah."
    assert speakers_of(pipeline, text)["We need rain,"][:2] == ("one farmer supporting Mr. Mensah", "anonymous")


@pytest.mark.model
@pytest.mark.parametrize("text, quote, expected", [
    # a role noun and a comma before a name the recognizer misses
    (HEAD + "According to the agency’s senior manager, Maëlle Duret-Sauvage, trends matter. “Be fast,” said "
     "Duret-Sauvage.", "Be fast,", ("Maëlle Duret-Sauvage", "person", "agency’s senior manager")),
    (HEAD + "The company’s founder, Tunde Bakare-Okoye, disagreed. “We grew slowly,” Bakare-Okoye said.",
     "We grew slowly,", ("Tunde Bakare-Okoye", "person", "company’s founder")),
])
def test_a_name_after_a_role_and_a_comma_is_found(pipeline, text, quote, expected):
    assert speakers_of(pipeline, text)[quote] == expected


# ----------------------------------------------------------------------------- particle surnames
@pytest.mark.parametrize("mention, name", [
    # after an honorific or a capitalised title, a surname keeps its particles
    ("Mr. van der Berg", "van der Berg"),
    ("Ms. de la Cruz", "de la Cruz"),
    ("General de Gaulle", "de Gaulle"),
    # unchanged: with the given name, and after a role noun in lower case
    ("President Charles de Gaulle", "Charles de Gaulle"),
    ("Minister Ursula von der Leyen", "Ursula von der Leyen"),
    ("leader al Baghdadi", "Baghdadi"),
])
def test_a_surname_keeps_its_particles_after_a_title(mention, name):
    assert strip_name(mention) == name


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # the recognizer stops at the particles ("[Ursula von der] [Leyen]GPE"): one person, full name
    ("Ursula von der Leyen spoke in Brussels on Monday about the budget.\n\n“We will act,” von der Leyen said.",
     "Ursula von der Leyen"),
    ("Ursula von der Leyen spoke in Brussels. “We will act,” Ms. von der Leyen said.", "Ursula von der Leyen"),
    ("Pieter van der Berg spoke on Monday. “We are ready,” Mr. van der Berg said.", "Pieter van der Berg"),
    # no fuller form written: the surname with its particles, not its last word
    ("“We are ready,” Mr. van der Berg said on Monday.", "van der Berg"),
    ("Crown Prince Mohammed bin Salman met the envoy. “We will talk,” bin Salman said.", "Mohammed bin Salman"),
])
def test_particle_surnames_are_one_person_by_the_full_name(pipeline, text, name):
    assert [n for n, *_ in speakers_of(pipeline, HEAD + text).values()] == [name]
