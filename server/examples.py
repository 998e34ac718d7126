"""A hand-built Attribution: the OpenAPI document's example answer, and the tests' sample.

Built from the core's types and serialised by the core's serializer at run time, so the
published example can never drift from what the service really sends.
"""
from __future__ import annotations

from quotelens.types import Article, Attribution, Quote, Span, Speaker

SAMPLE_TEXT = "“We will not back down,” said Jane Doe, the mayor of Springfield. She added that talks would resume."
SAMPLE_URL = "https://example.org/news/mayor"


def sample_attribution(url: str | None = SAMPLE_URL) -> Attribution:
    """Two quotes by one speaker over SAMPLE_TEXT: a direct quote and reported speech."""
    text = SAMPLE_TEXT
    said, name, she = text.index("said"), text.index("Jane Doe"), text.index("She")
    talks = text.index("talks")
    return Attribution(
        article=Article(text=text, url=url, title="Mayor stands firm", paragraphs=(Span(0, len(text)),)),
        quotes=(
            Quote(id="q1", kind="direct", contents=(Span(1, text.index("”")),), cue=Span(said, said + 4),
                  speaker_id="s1", mention=Span(name, name + 8), confidence=0.92),
            Quote(id="q2", kind="indirect", contents=(Span(talks, len(text) - 1),), cue=Span(she + 4, she + 9),
                  speaker_id="s1", mention=Span(she, she + 3), confidence=0.74),
        ),
        speakers=(Speaker(id="s1", name="Jane Doe", role="mayor of Springfield", type="person",
                          mentions=(Span(name, name + 8), Span(she, she + 3))),),
        model="en_core_web_sm",
    )
