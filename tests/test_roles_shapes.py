"""Roles by shape (issue 16): roles that end where their phrase ends, roles stated anywhere in the
article, and roles that belong to someone else. Every sentence here is invented; the names come
from many languages and naming conventions on purpose."""
from __future__ import annotations

import re

import pytest
from quotelens.speakers.roles import mention_roles, speaker_role
from quotelens.types import Span


def span_of(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def mentions_of(text: str, *names: str) -> list[Span]:
    found = sorted(
        (Span(m.start(), m.end()) for n in names for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)),
        key=lambda s: (s.start, -s.end),
    )
    out: list[Span] = []
    for s in found:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


# ----------------------------------------------------------------------------- one mention
@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    # a plural possessive's apostrophe is inside the phrase, not a quotation mark
    ("Pedro Alves, head of the port workers' union, called off the strike.", "Pedro Alves",
     ["head of the port workers' union"]),
    ("The plan came from Ayodele Okeke, who is the president of the farmers’ association.", "Ayodele Okeke",
     ["president of the farmers’ association"]),
    # a closed compound that ends in a role word is a role noun
    ("“It works,” said schoolteacher Amara Nwosu.", "Amara Nwosu", ["schoolteacher"]),
    ("Veteran speechwriter Ingrid Holm said the draft was weak.", "Ingrid Holm", ["speechwriter"]),
    # a word that modifies a title is part of it; "Speaker of the House Rep." is still two
    ("Deputy Prime Minister Thandiwe Zulu said the grid would be fixed.", "Thandiwe Zulu", ["Deputy Prime Minister"]),
    ("Deputy Foreign Minister Arvid Lund flew to Oslo.", "Arvid Lund", ["Deputy Foreign Minister"]),
    # the name an apposition of a role with its own "of"/"at" phrase
    ("The minister of finance of Kenya, Wanjiru Kamau, warned that the deficit would widen.", "Wanjiru Kamau",
     ["minister of finance"]),
    ("The chief executive of Acme, Sarah Okoro, defended the layoffs.", "Sarah Okoro", ["chief executive of Acme"]),
    ("The head of research at Nordbank, Tomas Lindqvist, said rates would fall.", "Tomas Lindqvist",
     ["head of research at Nordbank"]),
    # an ordinal is part of the role; a second description after "and the" is not
    ("Ivan Petrov, the first deputy minister of energy, said the pipeline was safe.", "Ivan Petrov",
     ["first deputy minister of energy"]),
    ("Clara Weiss, the first working mother to run the agency and the first to have an office on the top floor, "
     "resigned.", "Clara Weiss", ["first working mother to run the agency"]),
    ("Omar Haddad, the president of the chamber and the owner of a bakery, spoke first.", "Omar Haddad",
     ["president of the chamber", "owner of a bakery"]),
])
def test_role_phrases(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles


@pytest.mark.model
@pytest.mark.parametrize("text, mention, roles", [
    # a description that ends in another person's name: the description is the role, never that
    # person's title
    ("“It works,” one farmer supporting Gov. Ana Ruiz said.", "one farmer supporting Gov. Ana Ruiz",
     ["farmer supporting Gov. Ana Ruiz"]),
    ("“It works,” a close friend of Mrs. Nakamura said.", "a close friend of Mrs. Nakamura",
     ["close friend of Nakamura"]),
    ("“It works,” an aide to Sen. Kofi Mensah said.", "an aide to Sen. Kofi Mensah", ["aide to Sen. Kofi Mensah"]),
    ("“It works,” supporters of President Leila Karimi said.", "supporters of President Leila Karimi", []),
])
def test_descriptions_that_name_someone_else(nlp, text, mention, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, mention)) == roles


# ----------------------------------------------------------------------------- whole article
@pytest.mark.model
def test_a_description_speaker_never_takes_the_named_persons_title(nlp):
    text = ("Farmers rally in the capital.\n\nGov. Ana Ruiz promised new roads on Monday.\n\n"
            "“We have waited for years,” one farmer supporting Gov. Ruiz said.")
    doc = nlp(text)
    desc = span_of(text, "one farmer supporting Gov. Ruiz")
    assert speaker_role(doc, [desc], name="one farmer supporting Gov. Ruiz") == "farmer supporting Gov. Ruiz"


@pytest.mark.model
@pytest.mark.parametrize("other", ["Ravi Menon", "Ravi K. Menon"])
def test_a_surname_two_people_share_gives_no_bare_surname_title(nlp, other):
    text = (f"Menon looks back.\n\nLakshmi Menon spoke on Tuesday. Her husband, President {other}, led the "
            "country for a decade.\n\nDuring the term of President Menon, she kept quiet.\n\n“It works,” Menon said.")
    doc = nlp(text)
    said = mentions_of(text, "Lakshmi Menon")[:1] + mentions_of(text, "Menon")[-1:]
    assert speaker_role(doc, said, name="Lakshmi Menon") is None


@pytest.mark.model
def test_one_person_with_a_middle_name_is_not_two(nlp):
    text = ("Budget talks.\n\nMaria Elena Castillo spoke on Tuesday.\n\nFinance Minister Castillo said the "
            "deficit would shrink.\n\n“It works,” Castillo said.")
    doc = nlp(text)
    assert speaker_role(doc, mentions_of(text, "Castillo")[-1:], name="Maria Castillo") == "Finance Minister"


@pytest.mark.model
def test_a_mention_run_long_is_read_at_the_name_inside(nlp):
    text = ("Ruiz warns on debt.\n\nMarch 3 (Wire) - Finance Minister Ana Ruiz said on Tuesday that the debt "
            "would grow.\n\n“We must act,” Ruiz said.")
    doc = nlp(text)
    long = span_of(text, "March 3 (Wire) - Finance Minister Ana Ruiz")
    assert speaker_role(doc, [long], name="Ana Ruiz") == "Finance Minister"


@pytest.mark.model
@pytest.mark.parametrize("name", ["Aaron Bishop", "Greta Judge", "Tomasz Kardynal Chancellor"])
def test_a_role_is_never_the_persons_own_name(nlp, name):
    surname = name.split()[-1]
    text = f"Book fair opens.\n\n{name} wrote the book.\n\n“It works,” Mr. {surname} said."
    doc = nlp(text)
    assert speaker_role(doc, [span_of(text, f"Mr. {surname}")], name=name) is None


@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    # a lower-case title with its own "of" phrase before the name
    ("Emails were sent to former secretary of state Amadou Diop and his staff.", "Amadou Diop",
     ["former secretary of state"]),
    ("The plan was drafted by minister of finance Olga Ivanova last year.", "Olga Ivanova", ["minister of finance"]),
    # an evaluative word that is the head of the role stays ("veteran of"), as a modifier it goes
    ("“It is open,” said Mira Kovac, a two-decade veteran of the party's rules committee.", "Mira Kovac",
     ["two-decade veteran of the party's rules committee"]),
    ("“It is open,” said veteran strategist Mira Kovac.", "Mira Kovac", ["strategist"]),
    # a publication's writer, whatever the tagger makes of the "’s"
    ("As the Daily Ledger’s Nilufar Rahimi wrote, the vote was close.", "Nilufar Rahimi", ["of Daily Ledger"]),
    # a surname that is also a role word, written with a given name, is a name
    ("Dan Backer, the fund's lawyer, rejected the label.", "Dan Backer", ["fund's lawyer"]),
    # one of several: the singular of the role
    ("In a statement, one of the family's attorneys, Kwesi Owusu, said the video shows nothing.", "Kwesi Owusu",
     ["family's attorney"]),
    ("One of his advisers, Siobhan Murphy, told reporters that he would wait.", "Siobhan Murphy", ["adviser"]),
    # a plural role before a list of names is each one's
    ("Democratic candidates Amelia Stone and Rafael Ortiz did respond to the union.", "Rafael Ortiz",
     ["Democratic candidates"]),
    ("Democratic candidates Amelia Stone and Rafael Ortiz did respond to the union.", "Amelia Stone",
     ["Democratic candidates"]),
    # ... but not a heading's noun before a colon, nor a party label
    ("Meet the experts: Jana Novak, R.D., is co-owner of Novak Nutrition.", "Jana Novak",
     ["co-owner of Novak Nutrition"]),
    ("Republicans Ingrid Sola and Bao Tran said they were undecided.", "Bao Tran", []),
])
def test_more_role_phrases(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles


@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    # a title after an honorific-led name the parse hangs on the title: its modifiers stay
    ("Board-certified dermatologist Dr. Leila Haddad recommends sunscreen daily.", "Leila Haddad",
     ["Board-certified dermatologist"]),
    ("“Wear a hat,” says registered dietitian Dr. Leila Haddad.", "Leila Haddad", ["registered dietitian"]),
    # a book's title after "author of"
    ("Aiko Tanaka, the author of \"Quiet Homes,\" has a different view.", "Aiko Tanaka", ["author of Quiet Homes"]),
    ("“It helps,” said Aiko Tanaka, author of “The Slow Kitchen” and two other books.", "Aiko Tanaka",
     ["author of The Slow Kitchen"]),
    # a role in capitals is not a credential; a degree with its class year is
    ("Sales rose, said Bongani Dlamini, CEO of Umoya Foods.", "Bongani Dlamini", ["CEO of Umoya Foods"]),
    ("“Use it well,” said Dr. Joan Mbeki, MBA ’16, a pediatric physician.", "Joan Mbeki", ["pediatric physician"]),
    # a signature line
    ("“The movers came early.” —Wilder, Acme Moving Grant recipient", "Wilder", ["Acme Moving Grant recipient"]),
    # adverbs are not part of a role, "then" and "formerly" are
    ("Even Acme CEO Ines Duarte has warned that the hype may fade.", "Ines Duarte", ["Acme CEO"]),
    ("Tariq Aziz, now a consultant, ran the ministry for a decade.", "Tariq Aziz", ["consultant"]),
    ("Lina Berg, formerly a lobbyist, joined the board.", "Lina Berg", ["formerly lobbyist"]),
])
def test_web_page_role_phrases(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles


@pytest.mark.model
def test_a_source_is_never_a_named_persons_description(pipeline):
    text = ("Movers under fire\n\nReporter Nina Ortiz finally caught up with Farah Haddad on Monday.\n\n"
            "“I have nothing to say,” Haddad said.\n\nThe new source claims Haddad is at it again.\n\n"
            "“She manages everything,” said the source.")
    res = pipeline.attribute_text(text)
    roles = {s.name: s.role for s in res.speakers}
    assert roles.get("Farah Haddad") is None and roles.get("Haddad") is None, roles


@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    ("Best-selling thriller writer Odile Marchand weighed in.", "Odile Marchand", ["Best-selling thriller writer"]),
    ("“It works,” said Odile Marchand, a best-selling novelist.", "Odile Marchand", ["best-selling novelist"]),
])
def test_a_hyphenated_modifier_stays_whole(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles


@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    # "was named/elected/appointed" states a role, without its date
    ("Kwame Asante was named chief executive of the bank in May.", "Kwame Asante", ["chief executive of the bank"]),
    ("Selin Arslan was elected mayor of Izmir in 2019.", "Selin Arslan", ["mayor of Izmir"]),
    ("Keiko Mori was appointed ambassador to Brazil last year.", "Keiko Mori", ["ambassador to Brazil"]),
    ("Jonas Berg was named in the lawsuit.", "Jonas Berg", []),
    # a function in a "who" clause, whatever its tense, without its dates
    ("Markus Wolff, who had headed the foreign intelligence division for three decades, wrote a memoir.",
     "Markus Wolff", ["headed the foreign intelligence division"]),
    ("“Now is the time,” said Dom Fowles, who helmed the party from 1995 to 1997.", "Dom Fowles",
     ["helmed the party"]),
    ("Jane Doe, who has not endorsed anyone, spoke.", "Jane Doe", []),
])
def test_roles_stated_by_a_verb(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles
