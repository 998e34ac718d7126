"""Who said it: cues, the attribution sieve and speaker resolution, as tables of sentences.

Sentences are the seed article's (Al Arabiya English, 2016, the product's reference case) and
news-style sentences written for these tests. Every case asserts the exact quoted words and the
canonical speaker; pytest.param(..., marks=xfail(strict=True)) keeps known failures visible.
The tables go on by theme in test_attribute_cues.py (the verb), test_attribute_names.py (the
name), test_attribute_pronouns.py and test_attribute_paragraphs.py; tests/speaking.py reads results.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from quotelens.clean import clean_text
from quotelens.cues import find_cues
from quotelens.parse.segment import parse
from speaking import who_said_what

pytestmark = pytest.mark.model

# The seed article (Al Arabiya English, 2016) with its 13 gold attributions, boilerplate lines and
# not-speech words: the product's reference case, bundled as a test fixture.
SEED = Path(__file__).resolve().parent / "fixtures" / "seed-article.json"


@pytest.mark.parametrize("text, expected", [
    # cue after the quote, inverted or not
    ("“We have a joint interest in discouraging such things,” Churkin told reporters.",
     [("We have a joint interest in discouraging such things,", "Churkin")]),
    ("“The economy is not where it should be,” said Maria Lopez, the city’s budget director.",
     [("The economy is not where it should be,", "Maria Lopez")]),
    ("“Why would anyone want that?” asked Tom Reed, a county commissioner.",
     [("Why would anyone want that?", "Tom Reed")]),
    # cue before the quote, with a colon
    ("Governor Ann Walsh said on Friday: “We will rebuild every bridge.”",
     [("We will rebuild every bridge.", "Ann Walsh")]),
    # split quote: one speaker for both halves
    ("“The plan is ready,” Walsh said, “and the money is there.”",
     [("The plan is ready, | and the money is there.", "Walsh")]),
    # second quote of the paragraph after a cue sentence continues the speaker
    ("“The vote was close,” Senator Mark Ellis said after the session. “We will try again next month.”",
     [("The vote was close,", "Mark Ellis"), ("We will try again next month.", "Mark Ellis")]),
    # a surname joins the full name given earlier
    ("Mayor Linda Chavez opened the meeting.\n\n“We are out of time,” Chavez said.",
     [("We are out of time,", "Linda Chavez")]),
    # pronoun after a named speaker
    ("Linda Chavez, the mayor, spoke first.\n\n“We are out of time,” she said.",
     [("We are out of time,", "Linda Chavez")]),
    # organisation and anonymous sources
    ("“The request has been denied,” the Justice Department said in a statement.",
     [("The request has been denied,", "Justice Department")]),
    ("“We need to use this report to force Russia out of its ambiguity,” one senior diplomat said.",
     [("We need to use this report to force Russia out of its ambiguity,", "one senior diplomat")]),
    # "Name: “…”" label and "“…” — Name"
    ("Maria Lopez: “The budget is balanced for the first time in a decade.”",
     [("The budget is balanced for the first time in a decade.", "Maria Lopez")]),
    ("“The budget is balanced for the first time in a decade.”\n\n— Maria Lopez – budget director of the city",
     [("The budget is balanced for the first time in a decade.", "Maria Lopez")]),
    ("“The budget is balanced for the first time in a decade.”\n\n— Maria Lopez (@LopezBudget) March 3, 2026",
     [("The budget is balanced for the first time in a decade.", "Maria Lopez")]),
    # mixed quote inside the writer's sentence
    ("Price said the findings “present yet another opportunity for all nations to speak with one voice.”",
     [("present yet another opportunity for all nations to speak with one voice.", "Price")]),
    # scare quotes and titles are not speech
    ("Chlorine gas was used ‘systematically’ in northern Syria.", []),
    ("She watched “Saturday Night Live” with her family.", []),
    # ... nor words that advice written as a thing "says" or is followed by
    ("A helpful practice is to simply label the thoughts: “worrying,” “planning,” “remembering.”", []),
    ("Another good tactic is to ask for a typical wine: “Find me a typical Pinot Grigio for fifteen dollars.”", []),
    ("The name (“love” or “passion” in Urdu) says it all: it is a passion project from the chef.", []),
    # ... nor a title under a colon line whose subject is no one who speaks
    ("Here are five new films you can stream this week:\n\n‘The Long Road Home’\n\nA drama about two brothers.", []),
])
def test_direct_and_mixed(pipeline, text, expected):
    # the expected quotes with their speakers, and no other quote given to anyone
    got = [(w, s) for w, s in who_said_what(pipeline, text) if w in {e[0] for e in expected} or s]
    assert got == expected


@pytest.mark.parametrize("text, content, speaker", [
    ("Foreign Minister Jean-Marc Ayrault said the council had to respond firmly.",
     "the council had to respond firmly", "Jean-Marc Ayrault"),
    ("President Barack Obama warned Russia it faces fierce international rebuke.",
     "it faces fierce international rebuke", "Barack Obama"),
    ("The report would be made public after that meeting, UN Secretary-General Ban Ki-moon said.",
     None, "Ban Ki-moon"),
])
def test_indirect(pipeline, text, content, speaker):
    res = pipeline.attribute_text(text)
    ind = [q for q in res.quotes if q.kind == "indirect"]
    assert ind, "no indirect speech found"
    q = ind[0]
    if content is not None:
        assert text[q.contents[0].start:q.contents[0].end] == content
    assert res.speaker(q.speaker_id).name == speaker


def test_indirect_can_be_switched_off(nlp):
    from quotelens.config import Config
    from quotelens.pipeline import Pipeline

    pipe = Pipeline(nlp=nlp, config=Config(include_indirect=False))
    res = pipe.attribute_text("Foreign Minister Jean-Marc Ayrault said the council had to respond firmly.")
    assert res.quotes == ()


def test_cue_sources(nlp, config):
    text = "“It is over,” said Ohio State professor Paul Beck. According to the mayor, the bridge will reopen."
    doc = parse(clean_text(text), nlp)
    cues = find_cues(doc, config)
    words = {text[c.span.start:c.span.end].lower(): doc[c.source[0]:c.source[1]].text for c in cues if c.source}
    assert words["said"].endswith("Paul Beck")
    assert words["according to"] == "the mayor"


def test_unknown_beats_wrong_name(pipeline):
    # a cue-less quote paragraph with no speaker before it: no one to give it to
    text = "The hearing began at noon.\n\n“This will not stand.”"
    res = pipeline.attribute_text(text)
    assert [q.speaker_id for q in res.quotes] == [None]


def test_offsets_index_the_text_unchanged(pipeline):
    text = "  Intro line\r\n\r\n“We will win,” said Jane Doe, the mayor 😀.\n"
    res = pipeline.attribute_text(text)
    assert res.article.text == text
    for q in res.quotes:
        for c in q.contents:
            assert text[c.start:c.end] == "We will win,"
        assert text[q.mention.start:q.mention.end] == "Jane Doe"


# -- the seed article: the product's reference case ---------------------------------------------------
@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.fail(f"the seed article fixture is missing: {SEED}")
    return json.loads(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_result(pipeline, seed):
    return pipeline.attribute_text(seed["text"])


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def test_seed_canonical_speakers(seed, seed_result):
    right = 0
    for g in seed["quotes"]:
        for q in seed_result.quotes:
            spans = [(c.start, c.end) for c in q.contents] + ([(q.clause.start, q.clause.end)] if q.clause else [])
            if any(_overlap(s, e, g["start"], g["end"]) * 2 >= (g["end"] - g["start"]) for s, e in spans):
                sp = seed_result.speaker(q.speaker_id)
                name = sp.name if sp else None
                right += name is not None and name.lower().removeprefix("the ") == g["speaker"].lower().removeprefix("the ")
                break
    assert right >= 12, f"{right} of {len(seed['quotes'])} gold attributions right"


@pytest.mark.parametrize("name, role", [
    ("Vitaly Churkin", "Moscow’s UN Ambassador"),
    ("Jean-Marc Ayrault", "Foreign Minister"),
    ("Ned Price", "National Security Council spokesman"),
    ("Ban Ki-moon", "UN Secretary-General"),
])
def test_seed_roles(seed_result, name, role):
    speakers = {s.name: s for s in seed_result.speakers}
    assert speakers[name].role == role


def test_seed_not_speech_and_no_boilerplate(seed, seed_result):
    text = seed["text"]
    quoted = [text[c.start:c.end] for q in seed_result.quotes for c in q.contents]
    assert not any("systematically" in w for w in quoted)
    for line in seed["boilerplate_lines"]:
        at = text.index(line)
        assert not any(c.start < at + len(line) and at < c.end for q in seed_result.quotes for c in q.contents)


def test_seed_every_gold_quote_found(seed, seed_result):
    found = 0
    for g in seed["quotes"]:
        found += any(_overlap(c.start, c.end, g["start"], g["end"]) > 0 for q in seed_result.quotes
                     for c in q.contents + ((q.clause,) if q.clause else ()))
    assert found == len(seed["quotes"])
