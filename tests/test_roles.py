"""Roles (stage 6): titles split from names, and a speaker's role as the article states it.

Sentences are real news patterns; the seed article (../shared/eval/seed-article.json, allowed as a
test case) must give its five roles. Role strings follow the roles gold set's GUIDELINES.md.
"""
from __future__ import annotations

import re

import pytest
from quotelens.lexicon import HONORIFICS, is_title_word, strip_name
from quotelens.speakers.roles import mention_roles, name_mentions, speaker_role, split_title
from quotelens.speakers.roles.text import body_zones, quotation_zones
from quotelens.types import Span

SEED_TEXT = (
    "Russia will work with the United States on a response after a UN investigation found that the Syrian "
    "regime had carried out chemical attacks, Moscow’s UN Ambassador Vitaly Churkin said Thursday.\n\n"
    "“We have a joint interest in discouraging such things from happening,” Churkin told reporters.\n\n"
    "Meanwhile, France’s foreign minister urged on Thursday that the Security Council had to respond firmly.\n\n"
    "“The use of chemical weapons ... is an abomination,” Foreign Minister Jean-Marc Ayrault said in a statement.\n\n"
    "“France calls for a response that measures the seriousness of this,” Ayrault said.\n\n"
    "“We need to use this report to force Russia out of its ambiguity,” one senior diplomat said.\n\n"
    "The 15-member Security Council is due to discuss the report next week. UN Secretary-General Ban Ki-moon "
    "said the report would be made public after that meeting.\n\n"
    "“It is now impossible to deny that the Syrian regime has repeatedly used industrial chlorine as a weapon "
    "against its own people,” National Security Council spokesman Ned Price said.\n\n"
    "Price said the findings “present yet another opportunity for all nations to speak with one voice.”\n\n"
    "President Barack Obama recently warned Russia it faces fierce international rebuke."
)


def mentions_of(text: str, *names: str) -> list[Span]:
    """Whole-word occurrences of each name (longest match first), as a resolver would pass them."""
    found = sorted(
        (Span(m.start(), m.end()) for n in names for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)),
        key=lambda s: (s.start, -s.end),
    )
    out: list[Span] = []
    for s in found:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def span_of(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


# ----------------------------------------------------------------------------- model-free
@pytest.mark.parametrize("name, expected", [
    ("Sen. Ted Cruz", "Ted Cruz"),
    ("Mr. Obama", "Obama"),
    ("Secretary-General Ban Ki-moon", "Ban Ki-moon"),
    ("National Security Council spokesman Ned Price", "Ned Price"),
    ("Moscow’s UN Ambassador Vitaly Churkin", "Vitaly Churkin"),
    ("Sen. Ted Cruz (R-Texas)", "Ted Cruz"),
    ("Secretary of State John Kerry", "John Kerry"),
    ("Dr. Martin Luther King Jr.", "Martin Luther King Jr."),
    ("President Bashar al-Assad", "Bashar al-Assad"),
    ("Democrat Hillary Clinton", "Hillary Clinton"),
    ("FBI Director James B. Comey", "James B. Comey"),
    ("Ned Price", "Ned Price"),
    # a word of the sentence the recognizer ran into the name; particles stay
    ("Bernard seconds", "Bernard"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Valéry Giscard d'Estaing", "Valéry Giscard d'Estaing"),
])
def test_strip_name(name, expected):
    assert strip_name(name) == expected


@pytest.mark.parametrize("word, expected", [
    ("Sen.", True), ("spokesman", True), ("Secretary-General", True), ("Ambassador", True),
    ("co-founder", True), ("Ned", False), ("UN", False), ("Moscow’s", False), ("Democrat", False),
])
def test_title_lexicon(word, expected):
    assert is_title_word(word) is expected


def test_honorifics_are_not_titles():
    assert "mr." in HONORIFICS and "dr." in HONORIFICS
    assert not any(is_title_word(h) for h in ("Mr.", "Mrs.", "Ms.", "Dr."))


def test_name_mentions_finds_full_name_and_surname():
    text = "Sen. Ted Cruz spoke. Later Cruz said no, and Cruzado left."
    spans = name_mentions(text, "Sen. Ted Cruz")
    assert [text[s.start:s.end] for s in spans] == ["Ted Cruz", "Cruz"]


def test_quotation_and_headline_zones():
    text = "Clinton wins.\n\nShe said “Secretary Clinton is here” and ''Mr. Smith'' left.\n\nMore text."
    zones = body_zones(text)
    inside = [text[z.start:z.end] for z in quotation_zones(text)]
    assert inside == ["“Secretary Clinton is here", "''Mr. Smith"]
    assert Span(0, len("Clinton wins.")) in zones


# ----------------------------------------------------------------------------- split_title
@pytest.mark.model
@pytest.mark.parametrize("mention, title, name", [
    ("National Security Council spokesman Ned Price", "National Security Council spokesman", "Ned Price"),
    ("Moscow’s UN Ambassador Vitaly Churkin", "Moscow’s UN Ambassador", "Vitaly Churkin"),
    ("UN Secretary-General Ban Ki-moon", "UN Secretary-General", "Ban Ki-moon"),
    ("President Barack Obama", "President", "Barack Obama"),
    ("Sen. Ted Cruz (R-Texas)", "Sen.", "Ted Cruz"),
    ("Mr. Trump", None, "Trump"),
    ("Democrat Hillary Clinton", None, "Hillary Clinton"),
    ("Secretary of State John Kerry", "Secretary of State", "John Kerry"),
    ("Republican vice-presidential nominee Gov. Mike Pence", "Republican vice-presidential nominee Gov.", "Mike Pence"),
    ("Ned Price", None, "Ned Price"),
    ("Joel Pollak of Breitbart California", None, "Joel Pollak"),
    ("Moscow’s UN Ambassador Vitaly Churkin’s", "Moscow’s UN Ambassador", "Vitaly Churkin"),
    ("Mrs. Clinton's", None, "Clinton"),
    ("Bank of America CEO Brian Moynihan", "Bank of America CEO", "Brian Moynihan"),
    ("Brian Fallon, a spokesman for the Clinton campaign", None, "Brian Fallon"),
])
def test_split_title(nlp, mention, title, name):
    doc = nlp(mention + " said on Thursday.")
    got_title, got_name = split_title(doc, Span(0, len(mention)))
    assert doc.text[got_name.start:got_name.end] == name
    assert (doc.text[got_title.start:got_title.end] if got_title else None) == title


@pytest.mark.model
def test_split_title_without_a_name_keeps_the_mention(nlp):
    doc = nlp("The minister said on Thursday.")
    assert split_title(doc, Span(0, 12)) == (None, Span(0, 12))


# ----------------------------------------------------------------------------- the seed article
@pytest.mark.model
@pytest.mark.parametrize("names, role", [
    (("Vitaly Churkin", "Churkin"), "Moscow’s UN Ambassador"),
    (("Jean-Marc Ayrault", "Ayrault"), "Foreign Minister"),
    (("Ned Price", "Price"), "National Security Council spokesman"),
    (("Ban Ki-moon",), "UN Secretary-General"),
    (("Barack Obama", "Obama"), "President"),
    (("one senior diplomat",), "senior diplomat"),
])
def test_seed_article_roles(nlp, names, role):
    doc = nlp(SEED_TEXT)
    assert speaker_role(doc, mentions_of(SEED_TEXT, *names)) == role


@pytest.mark.model
def test_seed_nominal_mention_is_a_role(nlp):
    doc = nlp(SEED_TEXT)
    assert mention_roles(doc, span_of(SEED_TEXT, "France’s foreign minister")) == ["France’s foreign minister"]


# ----------------------------------------------------------------------------- mention_roles
@pytest.mark.model
@pytest.mark.parametrize("text, name, roles", [
    # titles and pre-modifiers before the name
    ("“Big city mayors matter,” said Democratic strategist Hank Sheinkopf.", "Hank Sheinkopf", ["Democratic strategist"]),
    ("Former federal prosecutor Glen Kopp said it is not surprising.", "Glen Kopp", ["Former federal prosecutor"]),
    ("“We should lay off Bernie,” Senate minority leader Harry Reid told reporters.", "Harry Reid", ["Senate minority leader"]),
    ("White House press secretary Karine Jean-Pierre told reporters on Monday that it works.", "Karine Jean-Pierre",
     ["White House press secretary"]),
    ("Republican vice-presidential nominee Gov. Mike Pence said on Sunday that it works.", "Mike Pence",
     ["Republican vice-presidential nominee", "Gov."]),
    ("Trump campaign chairman Paul Manafort said it works.", "Paul Manafort", ["Trump campaign chairman"]),
    # appositions
    ("In a statement, Brian Fallon, a spokesman for the Clinton campaign, said it works.", "Brian Fallon",
     ["spokesman for the Clinton campaign"]),
    ("“It works,” said Tina Brown, the journalist.", "Tina Brown", ["journalist"]),
    ("Karine Jean-Pierre, the White House press secretary, told reporters that it works.", "Karine Jean-Pierre",
     ["White House press secretary"]),
    ("“It works,” said Ed Rendell, a former Pennsylvania governor and two-term Philadelphia mayor.", "Ed Rendell",
     ["former Pennsylvania governor", "two-term Philadelphia mayor"]),
    ("“It works,” said Jane Doe, co-founder and CEO of Acme Corp.", "Jane Doe", ["co-founder and CEO of Acme Corp."]),
    ("Her campaign manager, Robby Mook, suggested that it was a violation.", "Robby Mook", ["campaign manager"]),
    ("“It works,” says Jane Doe, PhD, a psychologist in New York City.", "Jane Doe", ["psychologist"]),
    # trailing locations, party tags, ages dropped; "former"/"then" kept
    ("“It is good,” said Lamar Smith, a Republican representative from Texas who chairs the House Committee on Science.",
     "Lamar Smith", ["Republican representative", "chairs the House Committee on Science"]),
    ("“It works,” said Rep. Jim Jordan, R-Ohio, chairman of the House Judiciary Committee.", "Jim Jordan",
     ["Rep.", "chairman of the House Judiciary Committee"]),
    ("“It works,” said Sen. Ted Cruz (R-Texas).", "Ted Cruz", ["Sen."]),
    ("“We have bigger problems,” says Gloria Garcia, 34, a nurse from Brownsville, Texas.", "Gloria Garcia", ["nurse"]),
    ("“It works,” Jane Doe, then a senior aide to the governor, wrote in 2019.", "Jane Doe",
     ["then senior aide to the governor"]),
    ("“It works,” said former Secretary of State Hillary Clinton.", "Hillary Clinton", ["former Secretary of State"]),
    # "who" clauses
    ("“It works,” said Eric Woolson, who managed the 2008 Iowa campaign of Mike Huckabee.", "Eric Woolson",
     ["managed the 2008 Iowa campaign of Mike Huckabee"]),
    ("In an interview, Jane Doe, who was a nurse for 20 years, said it works.", "Jane Doe", ["nurse"]),
    # affiliations and "named"
    ("As Joel Pollak of Breitbart California observed, the biggest victor was not on the stage.", "Joel Pollak",
     ["of Breitbart California"]),
    ("It is an account of how a mathematician named Hannah Cairo solved an important problem.", "Hannah Cairo",
     ["mathematician"]),
    # descriptors after a determiner; credentials skipped; "Name is ..."; titles joined by "and"/"&"
    ("Curt Schilling, a former All-Star pitcher, said it works.", "Curt Schilling", ["former All-Star pitcher"]),
    ("“Coffee helps,” states Lauren Slayton, MS, RD, registered dietitian and founder of Foodtrainers.",
     "Lauren Slayton", ["registered dietitian", "founder of Foodtrainers"]),
    ("Meet the experts: Scott Keatley, R.D., is co-owner of Keatley Medical Nutrition Therapy.", "Scott Keatley",
     ["co-owner of Keatley Medical Nutrition Therapy"]),
    ("“It works,” said labor leader and civil rights activist Dolores Huerta.", "Dolores Huerta",
     ["labor leader and civil rights activist"]),
    ("Jane Doe, Founder & CEO of Acme Inc., said it works.", "Jane Doe", ["Founder & CEO of Acme Inc."]),
    ("“It works,” said Speaker of the House Rep. Paul Ryan (R-Wis.).", "Paul Ryan", ["Speaker of the House", "Rep."]),
    ("Robert Dietz, National Association of Home Builders chief economist\n\n“We see improvement.”", "Robert Dietz",
     ["National Association of Home Builders chief economist"]),
    ("Jane Doe (founder, Acme Inc.) says it works.", "Jane Doe", ["founder"]),
    ("Jane Doe — a nutritionist in Boston — says it works.", "Jane Doe", ["nutritionist"]),
    ("“It works,” says Jane Doe, DrPH, an epidemiologist at Yale.", "Jane Doe", ["epidemiologist at Yale"]),
    # not roles: honorifics, party labels, ages, home towns, things, clauses, another person's title
    ("Jane Doe (pictured) says it works.", "Jane Doe", []),
    ("It was Jane Doe — not her husband — who said it works.", "Jane Doe", []),
    ("Yves Rocher, a global beauty brand, said it works.", "Yves Rocher", []),
    ("Jane Doe, a Texas native, said it works.", "Jane Doe", []),
    ("She went on to attack Donald Trump, saying the presumptive Republican nominee was wrong.", "Donald Trump", []),
    ("“It works,” said Jane Doe, who has not endorsed a candidate.", "Jane Doe", []),
    ("“It works,” said Mr. Trump on Tuesday.", "Trump", []),
    ("“It works,” said Democrat Hillary Clinton.", "Hillary Clinton", []),
    ("“It works,” said Kirsten Gillibrand, Democrat of New York.", "Kirsten Gillibrand", []),
    ("“It works,” says Jane Doe, 42, of Austin, Texas.", "Jane Doe", []),
    ("Jane Doe, however, said it works.", "Jane Doe", []),
    ("Melanne Verveer, a close friend of Mrs. Clinton's, said it works.", "Clinton", []),
    ("Jane Doe told John Smith, a reporter, that it works.", "Jane Doe", []),
])
def test_mention_roles(nlp, text, name, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, name)) == roles


@pytest.mark.model
@pytest.mark.parametrize("text, mention, roles", [
    ("“We need this,” one senior diplomat said.", "one senior diplomat", ["senior diplomat"]),
    ("The Vermont senator said it works.", "The Vermont senator", ["Vermont senator"]),
    ("The 44-year-old senator said it works.", "The 44-year-old senator", ["senator"]),
    ("A spokeswoman for the House Armed Services Committee said it works.",
     "A spokeswoman for the House Armed Services Committee", ["spokeswoman for the House Armed Services Committee"]),
    ("French diplomatic sources said Paris wanted a resolution.", "French diplomatic sources", []),
    ("Mr. Rubio's father and mother said it works.", "Mr. Rubio's father and mother", []),
    ("“It was wrong,” said a former senior law enforcement official who oversaw the case.",
     "a former senior law enforcement official who oversaw the case", ["former senior law enforcement official"]),
    ("He said it works.", "He", []),
])
def test_nominal_mentions(nlp, text, mention, roles):
    doc = nlp(text)
    assert mention_roles(doc, span_of(text, mention)) == roles


# ----------------------------------------------------------------------------- speaker_role
@pytest.mark.model
def test_first_stated_role_wins_and_later_mentions_fill_in(nlp):
    text = ("Jane Doe spoke first.\n\nMore happened later, and Jane Doe, a Democratic pollster, said it works.\n\n"
            "Doe, the campaign's chief strategist, agreed.")
    doc = nlp(text)
    assert speaker_role(doc, mentions_of(text, "Jane Doe", "Doe")) == "Democratic pollster"


@pytest.mark.model
def test_titles_inside_quotes_and_headlines_are_not_used(nlp):
    text = ("Senator Smith wins the vote.\n\n"
            "A spokesman said: “Senator Smith has been cooperating with us.”\n\nSmith declined to comment.")
    doc = nlp(text)
    assert speaker_role(doc, mentions_of(text, "Smith")) is None


@pytest.mark.model
def test_first_mention_in_the_body_counts_even_if_it_attributes_nothing(nlp):
    text = ("Clinton targets Trump.\n\nAs she has for weeks, Clinton avoided all mention of primary challenger "
            "Bernie Sanders, even as both campaigned in California ahead of the state’s June 7 primary.\n\n"
            "“We will win,” Sanders said.")
    doc = nlp(text)
    said = mentions_of(text, "Sanders")[-1:]  # only the mention that attributes the quote
    assert speaker_role(doc, said) == "primary challenger"
    assert speaker_role(doc, said, all_occurrences=False) is None


@pytest.mark.model
def test_a_surname_inside_someone_elses_name_is_skipped(nlp):
    text = ("During the investigation of President Bill Clinton, aides kept quiet.\n\n"
            "Hillary Clinton spoke on Tuesday.\n\nClinton, the former secretary of state, said it works.")
    doc = nlp(text)
    assert speaker_role(doc, mentions_of(text, "Hillary Clinton", "Clinton")) == "former secretary of state"


@pytest.mark.model
def test_body_start_says_where_the_headline_ends(nlp):
    text = "Sen. Ted Cruz wants a flat tax.\n\n“It is fair,” Cruz told reporters on Monday."
    doc = nlp(text)
    mentions = mentions_of(text, "Ted Cruz", "Cruz")
    assert speaker_role(doc, mentions) is None  # a short first paragraph reads as a headline
    assert speaker_role(doc, mentions, body_start=0) == "Sen."


@pytest.mark.model
def test_no_mentions_no_role(nlp):
    assert speaker_role(nlp("Nothing here."), []) is None


# ----------------------------------------------------------------------------- robustness
@pytest.mark.model
def test_any_span_is_safe(nlp):
    """Spans anywhere (empty, past the end, across sentences) never raise, and returned spans
    stay inside the mention."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    doc = nlp(SEED_TEXT)
    n = len(SEED_TEXT)

    @settings(max_examples=150, deadline=None)
    @given(st.integers(0, n + 20), st.integers(0, 60))
    def check(start, length):
        mention = Span(start, start + length)
        title, name = split_title(doc, mention)
        for s in (title, name):
            if s is not None and s != mention:
                assert mention.start <= s.start <= s.end <= mention.end
        roles = mention_roles(doc, mention)
        assert all(isinstance(r, str) and r.strip() == r and r for r in roles)
        speaker_role(doc, [mention])

    check()
