"""The quotes stage: quotation spans from punctuation alone, on news sentences.

Every case asserts the exact content text (``text[s.content.start:s.content.end]``).
Sentences marked WCXB are from pages of the WCXB dev set (CC-BY-4.0; credit: WCXB,
Foley 2026); the seed article is the project's reference case; the other sentences
are written here after patterns seen in news text (no PolNeAR text is copied).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelens.config import Config
from quotelens.quotes import find_quote_spans, paragraph_spans
from quotelens.types import Span

CFG = Config()


def contents(text: str, paragraphs=()) -> list[str]:
    return [text[s.content.start:s.content.end] for s in find_quote_spans(text, CFG, paragraphs)]


def assert_valid(text: str, spans) -> None:
    """In bounds, in order, non-overlapping, marks outside the content."""
    last = -1
    for s in spans:
        assert 0 <= s.open_mark < s.content.start <= s.content.end <= len(text)
        assert s.open_mark >= last
        if s.close_mark is not None:
            assert s.content.end <= s.close_mark < len(text)
            last = s.close_mark + 1
        else:
            last = s.content.end
        assert s.content.end > s.content.start


# --- the seed article: every quoted stretch, and the Price quote across two paragraphs -------------


# The seed article (Al Arabiya English, 2016, as a weak extractor left it: boilerplate lines included),
# the project's reference case; also at /work/shared/eval/seed-article.json.
SEED_TEXT = (
    "Russia wants to work with US over Syria gas probe\n"
    "\n"
    "A UN investigation has established that President al-Assad’s forces and ISIS had carried out gas attacks in Syria\n"
    "\n"
    "Published: Updated:\n"
    "Enable Read mode\n"
    "100% Font Size\n"
    "\n"
    "Russia will work with the United States on a response after a UN investigation found that the Syrian regime had carried out chemical attacks, Moscow’s UN Ambassador Vitaly Churkin said Thursday.\n"
    "\n"
    "“We have a joint interest in discouraging such things from happening, preventing such things from happening even in the fog of war,” Churkin told reporters.\n"
    "\n"
    "Meanwhile, France’s foreign minister urged on Thursday that the Security Council had to respond firmly after a UN probe found that Syrian government troops were responsible for two toxic gas attacks.\n"
    "\n"
    "“The use of chemical weapons, which the Syrian authorities agreed to ban in 2013 under international pressure ... is an abomination that highlights the damning role played by the Damascus regime in the worsening situation in Syria,” Foreign Minister Jean-Marc Ayrault said in a statement.\n"
    "\n"
    "A joint investigation by the United Nations and the global chemical weapons watchdog also found that ISIS militants had used sulphur mustard gas, according to a confidential report seen by Reuters.\n"
    "\n"
    "“France calls for a response that measures the seriousness of this. The Security Council must not shirk its responsibilities and France is already working with its partners” on the matter, Ayrault said.\n"
    "\n"
    "The results set the stage for a Security Council showdown between the five veto-wielding powers, likely pitting Russia and China against the United States, Britain and France over whether sanctions should be imposed in the wake of the inquiry.\n"
    "\n"
    "French diplomatic sources said Paris wanted to use the chemical weapons report to push for a resolution at the Security Council that would force Russia, the key backer to Syrian President Bashar al-Assad, to accept that its ally had used banned weapons and as a result would use its influence to back a credible ceasefire across the country.\n"
    "\n"
    "“We need to use this report to force Russia out of its ambiguity. If they were to veto such a resolution they would need to justify the use of chemical weapons,” one senior diplomat said.\n"
    "\n"
    "The 15-member Security Council is due to discuss the report next week. UN Secretary-General Ban Ki-moon said the report would be made public after that meeting.\n"
    "\n"
    "US: Assad must be held accountable\n"
    "\n"
    "On Wednesday, the White House said it was “impossible to deny” that Syria had launched chemical weapon attacks, while calling for Assad’s regime to be held accountable.\n"
    "\n"
    "“It is now impossible to deny that the Syrian regime has repeatedly used industrial chlorine as a weapon against its own people,” National Security Council spokesman Ned Price said.\n"
    "\n"
    "“The United States will work with our international partners to seek accountability through appropriate diplomatic mechanisms, including through the United Nations Security Council.”\n"
    "\n"
    "Price said the findings “present yet another opportunity for all nations to speak with one voice to address these heinous crimes and to make it clear that the use of chemical weapons is intolerable.” That is likely to be seen as a veiled message to Russian leader Vladimir Putin, among others.\n"
    "\n"
    "President Barack Obama recently warned Russia it faces fierce international rebuke if it continues to make common cause with Syria’s brutal regime. The White House is turning up the diplomatic heat as Putin prepares to travel to the G20 in China and UN General Assembly in New York in the coming weeks.\n"
    "\n"
    "Watch: Chlorine gas used ‘systematically’ in northern Syria"
)


def test_seed_article_every_quote():
    spans = find_quote_spans(SEED_TEXT, CFG)
    assert [s.content.text(SEED_TEXT) for s in spans] == [
        "We have a joint interest in discouraging such things from happening, preventing such things from "
        "happening even in the fog of war,",  # trailing comma inside the marks is kept
        "The use of chemical weapons, which the Syrian authorities agreed to ban in 2013 under international "
        "pressure ... is an abomination that highlights the damning role played by the Damascus regime in the "
        "worsening situation in Syria,",
        "France calls for a response that measures the seriousness of this. The Security Council must not shirk "
        "its responsibilities and France is already working with its partners",
        "We need to use this report to force Russia out of its ambiguity. If they were to veto such a resolution "
        "they would need to justify the use of chemical weapons,",
        "impossible to deny",
        "It is now impossible to deny that the Syrian regime has repeatedly used industrial chlorine as a weapon "
        "against its own people,",
        "The United States will work with our international partners to seek accountability through appropriate "
        "diplomatic mechanisms, including through the United Nations Security Council.",
        "present yet another opportunity for all nations to speak with one voice to address these heinous crimes "
        "and to make it clear that the use of chemical weapons is intolerable.",
        "systematically",
    ]
    # direct quotes start sentences; "impossible to deny", "present yet …", 'systematically' sit inside one
    assert [s.sentence_initial for s in spans] == [True, True, True, True, False, True, True, False, False]
    assert all(s.close_mark is not None and not s.continues for s in spans)
    assert_valid(SEED_TEXT, spans)


# --- tables of real sentences ---------------------------------------------------------------------

CASES = [
    # split quote
    ("“Don’t shoot the messenger,” he said, “it wasn’t my idea.”", ["Don’t shoot the messenger,", "it wasn’t my idea."]),
    ('"A," she said. "B."', ["A,", "B."]),
    # mixed quote inside the writer's sentence
    (
        'Price said the findings "present yet another opportunity for all nations to speak with one voice."',
        ["present yet another opportunity for all nations to speak with one voice."],
    ),
    # nested: single inside double, double inside single (British style), straight inside straight
    (
        "“He told me, ‘We will not back down,’ and left,” Smith said.",
        ["He told me, ‘We will not back down,’ and left,"],
    ),
    ("‘He called it “a disgrace”,’ the MP said.", ["He called it “a disgrace”,"]),
    (  # WCXB (wcxb:0480), shortened
        '"2026 will accelerate the shift from "application consumption" to AI-as-a-Service," he said.',
        ['2026 will accelerate the shift from "application consumption" to AI-as-a-Service,'],
    ),
    (  # WCXB (wcxb:0480), shortened
        '"The old way meant paying a monthly fee for every employee ("seats") to use fixed features," said Houssaini.',
        ['The old way meant paying a monthly fee for every employee ("seats") to use fixed features,'],
    ),
    ("\"I said 'no' to them,\" she said.", ["I said 'no' to them,"]),
    # apostrophes are not marks
    ("President al-Assad’s forces and Assad’s regime don’t back down.", []),
    ("It was rock ’n’ roll in the ’90s and the Joneses’ house in the '80s.", []),
    ("The players’ union said “the deal is done” on Friday.", ["the deal is done"]),
    ("“The Joneses’ dog barked all night,” she said.", ["The Joneses’ dog barked all night,"]),
    ("Watch: Chlorine gas used ‘systematically’ in northern Syria", ["systematically"]),
    # opened with a closing mark; straight open, curly close; closed with an opening mark
    (  # WCXB (wcxb:0327), shortened
        "”We've found that the best rates are out West,” said Jordan Anthony.",
        ["We've found that the best rates are out West,"],
    ),
    (
        "Delgado said. ”What stood out was the competitiveness,” Delgado said.",
        ["What stood out was the competitiveness,"],
    ),
    ('"Fasting is not for everyone,” Longo said.', ["Fasting is not for everyone,"]),
    ("“Let’s heal, not harm. And then some.“",  # after WCXB (wcxb:0400)
     ["Let’s heal, not harm. And then some."]),
    # guillemets and German low mark
    ("Le ministre a dit « nous agirons » hier.", ["nous agirons"]),
    ("Merkel sagte: „Wir schaffen das“ und ging.", ["Wir schaffen das"]),
    # Name: “…” and “…” — Name
    ("Pricing sensitivity: “Some sellers are coming down in price.”", ["Some sellers are coming down in price."]),
    ("“We will not back down.” — Jane Doe", ["We will not back down."]),
    # an ellipsis right after the opening mark
    ('He added: "...and that is final."', ["...and that is final."]),
    ('A voter at the fair. ". . . I want a mayor who listens to us."', [". . . I want a mayor who listens to us."]),
    # spaced marks
    ("a phenomenon they called ‘ subliminal learning ’, a kind of leakage.", ["subliminal learning"]),
    ("check my previous posts, linked “ here ” and “ there ” for basic setup.", ["here", "there"]),
    # double quotes written as two apostrophes (The New York Times archive), nested singles inside
    (
        "A handwritten card from the coach. ''Sam, you played a great season!'' the card says.",
        ["Sam, you played a great season!"],
    ),
    (
        "''We thought the bridge wouldn't open, there's no point,'' said Ann Lee. ''Time's running out,'' she said.",
        ["We thought the bridge wouldn't open, there's no point,", "Time's running out,"],
    ),
    (
        "The mayor ''smiled and told me: 'Dan, thanks for coming.' '' Mr. Ortiz said.",
        ["smiled and told me: 'Dan, thanks for coming.'"],
    ),
    # markup attributes left in the text are not quotes
    (
        '<tweet id="1234567890" author="@CityCouncil">"The vote is postponed," the clerk said.',
        ["The vote is postponed,"],
    ),
    # a double quote closed with a single mark
    (
        "The senator tweeted: “Let’s go. We can fix the roads.’ She was in the chamber.",
        ["Let’s go. We can fix the roads."],
    ),
    # a doubled opening mark is one mark
    (
        '"“You don’t win the title by how many games you win,” the coach responded.',
        ["You don’t win the title by how many games you win,"],
    ),
    # curly inside straight at a sentence start is nested, not a new quote
    (
        '"That does not account for the numbers. Here is the question: “Do you think her health matters?” '
        'Forty-three, yes; forty-four, no."',
        [
            "That does not account for the numbers. Here is the question: “Do you think her health matters?” "
            "Forty-three, yes; forty-four, no."
        ],
    ),
    # a nickname between a first and a last name is part of the name, not a quotation
    (
        '“We have his back,” state Del. Marcia “Cia” Price shouted. Dwayne "The Rock" Johnson waved.',
        ["We have his back,"],
    ),
    # ... but quoted capitalised words elsewhere are still quotations
    ('He called the plan “Project Phoenix” in a memo.', ["Project Phoenix"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quote_contents(text, expected):
    spans = find_quote_spans(text, CFG)
    assert [s.content.text(text) for s in spans] == expected
    assert_valid(text, spans)


@pytest.mark.parametrize(
    "text, initial",
    [
        ("“We will win,” she said.", [True]),
        ("She said: “We will win.”", [True]),
        ("She paused. “We will win.”", [True]),
        ("His refrain — “My budget will be tremendous!” — is wearing thin.", [True]),
        ("She said the plan was “dead on arrival” and left.", [False]),
        ("“A,” she said, “B.”", [True, True]),  # both halves of a split quote
        ("“Not me,” she said, “but my sister.”", [True, True]),
        ("The union supports “fair pay raises,” opposes “pay freezes” and more.", [False, False]),
        ("Lopez said, “Well, this is where the budget is in question.”", [True]),
    ],
)
def test_sentence_initial(text, initial):
    assert [s.sentence_initial for s in find_quote_spans(text, CFG)] == initial


# --- paragraphs -----------------------------------------------------------------------------------


def test_multi_paragraph_quote_ap_style():
    text = (
        "“It is now impossible to deny that the regime used chlorine,” Price said.\n\n"
        "“The United States will work with our partners to seek accountability.\n\n"
        "“We will use every diplomatic mechanism, including the Security Council.”\n\n"
        "The White House is turning up the heat."
    )
    spans = find_quote_spans(text, CFG)
    assert [s.content.text(text) for s in spans] == [
        "It is now impossible to deny that the regime used chlorine,",
        "The United States will work with our partners to seek accountability.",
        "We will use every diplomatic mechanism, including the Security Council.",
    ]
    assert [(s.close_mark is None, s.continues) for s in spans] == [(False, False), (True, True), (False, False)]


def test_unclosed_quote_stops_at_its_paragraph():
    text = (
        "As Friedman told me, “We are a largely in-person team.\n\n"
        "The company said it would grow.\n\n"
        "“We expect more,” he said."
    )
    spans = find_quote_spans(text, CFG)
    assert [s.content.text(text) for s in spans] == ["We are a largely in-person team.", "We expect more,"]
    assert spans[0].close_mark is None and not spans[0].continues


def test_unclosed_quote_ends_where_a_new_sentence_reopens():
    text = (
        "Regional divergence: “In the South, housing markets are more in balance. Prices have continued "
        "to rise. “Policy change is something we still watch,” she said."
    )
    assert contents(text) == [
        "In the South, housing markets are more in balance. Prices have continued to rise.",
        "Policy change is something we still watch,",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the closing mark is missing but the attribution follows in the usual order
        (
            '"There was little guidance for parents about the papers to keep, said Kim, whose group backs the bill.',
            "There was little guidance for parents about the papers to keep,",
        ),
        # the quote opened inside a parenthesis ends with it
        (
            "She leads in every group (among voters who are “somewhat liberal), education (graduates) and more.",
            "somewhat liberal",
        ),
    ],
)
def test_unclosed_quote_ends_where_the_writer_resumes(text, expected):
    spans = find_quote_spans(text, CFG)
    assert [s.content.text(text) for s in spans] == [expected]
    assert spans[0].close_mark is None


def test_given_paragraphs_are_used():
    text = "“One line\nstill the same paragraph,” he said. “Two.”"
    assert contents(text, [Span(0, len(text))]) == ["One line\nstill the same paragraph,", "Two."]
    # derived from line breaks, the first line's quote is cut at the line end
    assert contents(text)[0] == "One line"


def test_given_paragraphs_leave_residue_lines_out():
    text = "Watch: Gas used ‘systematically’ in Syria\n“We will act,” she said.\n\n“Soon.”"
    paras = [Span(text.index("“We"), text.index("\n\n")), Span(text.index("“Soon"), len(text))]
    assert contents(text, paras) == ["We will act,", "Soon."]


def test_continuation_seen_through_leading_space_of_next_paragraph():
    text = "“First part.\n\n  “Second part.”"
    spans = find_quote_spans(text, CFG, [Span(0, 12), Span(13, len(text))])
    assert [s.content.text(text) for s in spans] == ["First part.", "Second part."]
    assert spans[0].continues


def test_paragraph_spans_trim_blank_lines():
    text = "  Title \n\n\nBody line.\r\nNext."
    assert [s.text(text) for s in paragraph_spans(text)] == ["Title", "Body line.", "Next."]


# --- bad input: a stray mark costs at most one quote ----------------------------------------------


def test_unbalanced_mark_costs_one_quote():
    text = (
        "“We need to use this report,” one diplomat said.\n\n"
        "The minister said the so-called ”deal was dead.\n\n"
        "“It is an abomination,” Ayrault said. He called it “damning.”"
    )
    got = contents(text)
    assert got[0] == "We need to use this report,"
    assert got[-2:] == ["It is an abomination,", "damning."]


def test_stray_opening_mark_inside_a_sentence_frees_the_quote_after_it():
    # the first “ is never closed; it opened mid-sentence and a closed quote sits after it
    text = "He called it the so-called “deal of the century and then said “we will win” on Friday."
    assert contents(text) == ["we will win"]


def test_unclosed_quote_at_paragraph_start_keeps_its_nested_quotes():
    text = "“He called it a “disgrace” and left.\n\n“We will win,” he said."
    spans = find_quote_spans(text, CFG)
    assert [s.content.text(text) for s in spans] == ["He called it a “disgrace” and left.", "We will win,"]
    assert spans[0].continues


@pytest.mark.parametrize("mark", ['"', "“", "”", "'", "‘", "’", "«", "„"])
def test_ten_thousand_marks_return(mark):
    text = mark * 10_000
    spans = find_quote_spans(text, CFG)
    assert_valid(text, spans)


def test_ten_thousand_mixed_marks_return():
    text = ("“‘\"' " * 2_500) + "\n" + ("”’ " * 5_000)
    assert_valid(text, find_quote_spans(text, CFG))


@pytest.mark.parametrize(
    "text", ["", "   \n\n  ", "No quotes here at all.", "“”", "“  ”", '""', "He paused: “…” and left.", 'a 12" pizza']
)
def test_empty_results(text):
    assert find_quote_spans(text, CFG) == []


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        find_quote_spans(b"\xe2\x80\x9cbytes\xe2\x80\x9d", CFG)  # type: ignore[arg-type]


# --- property: any text, valid spans, no exception ------------------------------------------------

_ALPHABET = st.sampled_from(list("ab .,;:!?—-()\n'\"‘’“”«»„") + ["Assad’s", "don't", " said ", "’90s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_valid_spans(text):
    assert_valid(text, find_quote_spans(text, CFG))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 250), st.integers(0, 250)), max_size=6))
def test_any_paragraphs_give_valid_spans(text, bounds):
    paragraphs = [Span(min(a, b), max(a, b)) for a, b in bounds]
    assert_valid(text, find_quote_spans(text, CFG, paragraphs))
