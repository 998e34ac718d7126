"""Reading who said what in a pipeline's result, for the attribution and identity tests."""
from __future__ import annotations


def who_said_what(pipeline, text: str) -> list[tuple[str, str | None]]:
    res = pipeline.attribute_text(text)
    speakers = {s.id: s for s in res.speakers}
    out = []
    for q in res.quotes:
        words = " | ".join(text[c.start:c.end] for c in q.contents)
        out.append((words, speakers[q.speaker_id].name if q.speaker_id else None))
    return out


def assert_last_speaker_and_mention(pipeline, text: str, name: str, mention: str) -> None:
    """The text's last quote goes to the speaker called ``name``, named there by ``mention``."""
    res = pipeline.attribute_text(text)
    quote = res.quotes[-1]
    assert next(s.name for s in res.speakers if s.id == quote.speaker_id) == name
    assert text[quote.mention.start:quote.mention.end] == mention


def assert_speakers(pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    """The quotes of ``expected`` (by their words) come out with these speakers, in this order;
    other quotes of the text are not checked."""
    got = who_said_what(pipeline, text)
    assert [g for g in got if g[0] in {e[0] for e in expected}] == expected, got


HEAD = "Headline of the day\n\n"  # a first short paragraph is read as a headline, as in news


def speakers_of(pipeline, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Quoted words -> (speaker name, type, role) for each quote of ``text``."""
    res = pipeline.attribute_text(text)
    by_id = {s.id: s for s in res.speakers}
    out = {}
    for q in res.quotes:
        s = by_id.get(q.speaker_id)
        out[text[q.contents[0].start:q.contents[0].end]] = (s.name, s.type, s.role) if s else (None, None, None)
    return out
