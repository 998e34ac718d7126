"""The only module that knows the stage order.

    fetch -> clean -> quotes -> (parse) -> cues -> attribution -> resolve -> serialize

Direct quotes come from punctuation alone (fast, no model); cues, indirect speech,
speakers and roles need the parse. Every span produced by any stage is an offset into
``article.text``, which no stage changes after cleaning.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import clean
from .config import Config
from .errors import BadInput, EmptyText, InputTooLarge
from .types import Article, Attribution

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Pipeline:
    """A loaded model plus a config: build once, call many times (thread-safe for reads)."""

    nlp: "Language"
    config: Config

    @classmethod
    def from_config(cls, config: Config | None = None) -> "Pipeline":
        from .segment import load_nlp

        config = config or Config()
        return cls(nlp=load_nlp(config.model), config=config)

    @property
    def model(self) -> str:
        from .segment import model_name

        return model_name(self.nlp)

    # -- entry points, one per kind of input -------------------------------------------
    def attribute_text(self, text: str, url: str | None = None) -> Attribution:
        """Plain text in; offsets index ``text`` exactly as given (it is never rewritten)."""
        if not isinstance(text, str):
            raise BadInput(f"text must be a string, not {type(text).__name__}")
        if len(text) > self.config.max_text_chars:
            raise InputTooLarge(f"text is {len(text):,} characters; the limit is {self.config.max_text_chars:,}")
        if not text.strip():
            raise EmptyText("the text is empty")
        return self.run(clean.clean_text(text, url=url, config=self.config))

    def attribute_html(self, html: bytes | str, url: str | None = None) -> Attribution:
        """A page's HTML in; offsets index the cleaned article text."""
        return self.run(clean.clean_html(html, url=url, config=self.config))

    def attribute_url(self, url: str) -> Attribution:
        from .fetch import fetch_url

        page = fetch_url(url, self.config)
        if (page.content_type or "").split(";")[0].strip().lower() == "text/plain":
            # a plain-text page is text: its offsets index the body as served, decoded
            text = clean.html_to_str(page.html, self.config, page.encoding)
            return self.attribute_text(text, url=page.final_url)
        return self.run(clean.clean_html(page.html, url=page.final_url, config=self.config,
                                         encoding=page.encoding))

    # -- the stages ----------------------------------------------------------------------
    def run(self, article: Article) -> Attribution:
        from .attribution import link_speakers
        from .cues import find_cues
        from .quotes import find_quote_spans
        from .resolve import resolve_speakers
        from .segment import parse

        if len(article.text) > self.config.max_text_chars:
            raise InputTooLarge(
                f"article text is {len(article.text):,} characters; the limit is {self.config.max_text_chars:,}")
        spans = find_quote_spans(article.text, self.config, paragraphs=article.paragraphs)
        doc = parse(article, self.nlp)
        cues = find_cues(doc, self.config)
        links = link_speakers(doc, article, spans, cues, self.config)
        quotes, speakers = resolve_speakers(doc, article, links, self.config)
        return Attribution(article=article, quotes=tuple(quotes), speakers=tuple(speakers), model=self.model)
