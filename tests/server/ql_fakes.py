"""A small fake pipeline for the service tests: no spaCy, hand-built Attributions.

It finds “curly” quotes with a regex and gives each to one speaker, so any text yields a
valid Attribution whose offsets index that text; it can also sleep or raise a named error.
Run as a script it serves the fake over waitress (the end-to-end test's subprocess).
"""
from __future__ import annotations

import re
import sys
import threading
import time
from dataclasses import dataclass, field

from quotelens.config import Config
from quotelens.server.examples import SAMPLE_TEXT, sample_attribution
from quotelens.types import Article, Attribution, Quote, Span, Speaker

QUOTE_RE = re.compile(r"“([^”]{1,500})”")
TAG_RE = re.compile(r"<[^>]*>")

def attribution_for(text: str, url: str | None, config: Config) -> Attribution:
    """Every “…” in ``text`` becomes a direct quote by one speaker, s1 (for property tests)."""
    quotes = []
    for i, m in enumerate(QUOTE_RE.finditer(text), start=1):
        quotes.append(Quote(id=f"q{i}", kind="direct", contents=(Span(m.start(1), m.end(1)),), cue=None,
                            speaker_id="s1" if config.min_confidence <= 0.8 else None, mention=None,
                            confidence=0.8))
    speakers = (Speaker(id="s1", name="Jane Doe", role=None, type="person"),) if quotes else ()
    return Attribution(article=Article(text=text, url=url), quotes=tuple(quotes), speakers=speakers,
                       model="fake_model")


@dataclass
class FakePipeline:
    config: Config = field(default_factory=Config)
    delay: float = 0.0  # seconds each call sleeps (per-request time cap tests)
    error: Exception | None = None  # raised by every call
    model: str = "fake_model"
    calls: list = field(default_factory=list)  # (kind, content, url, config); shared by with_config copies
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _record(self, kind: str, content: str, url: str | None) -> None:
        with self.lock:
            self.calls.append((kind, content, url, self.config))
        if self.delay:
            time.sleep(self.delay)
        if self.error is not None:
            raise self.error

    def attribute_text(self, text: str, url: str | None = None) -> Attribution:
        self._record("text", text, url)
        if text == SAMPLE_TEXT:
            return sample_attribution(url)
        return attribution_for(text, url, self.config)

    def attribute_html(self, html: str, url: str | None = None) -> Attribution:
        self._record("html", html, url)
        return attribution_for(TAG_RE.sub(" ", html), url, self.config)

    def attribute_url(self, url: str) -> Attribution:
        self._record("url", url, None)
        return sample_attribution(url)


if __name__ == "__main__":  # python ql_fakes.py PORT [DELAY]: the fake behind the real waitress set-up
    from quotelens.server import create_app, run_waitress

    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    app = create_app({"PARSE_SLOTS": 2}, pipeline=FakePipeline(delay=delay))
    run_waitress(app, "127.0.0.1", int(sys.argv[1]), threads=2)
