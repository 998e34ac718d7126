"""quotelens: who said what in a news article.

    >>> import quotelens
    >>> result = quotelens.attribute_text("“We will not back down,” said Jane Doe, the mayor.")
    >>> [(q.text, q.speaker) for q in result.quotes]  # doctest: +SKIP

The functions here share one cached model per config (see ``get_pipeline``).
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config
from .errors import (BadInput, EmptyText, FetchError, FetchTimeout, InputTooLarge, ModelMissing,
                     NotAnArticle, QuotelensError)
from .types import Article, Attribution, Quote, QuotedSpan, Span, Speaker

_pipelines: dict = {}


def get_pipeline(config: Config | None = None):
    """One Pipeline per distinct Config, built on first use (loads the spaCy model)."""
    from .pipeline import Pipeline

    config = config or Config()
    pipe = _pipelines.get(config)
    if pipe is None:
        pipe = _pipelines[config] = Pipeline.from_config(config)
    return pipe


def attribute_text(text: str, url: str | None = None, config: Config | None = None) -> Attribution:
    return get_pipeline(config).attribute_text(text, url=url)


def attribute_html(html: bytes | str, url: str | None = None, config: Config | None = None) -> Attribution:
    return get_pipeline(config).attribute_html(html, url=url)


def attribute_url(url: str, config: Config | None = None) -> Attribution:
    return get_pipeline(config).attribute_url(url)


__all__ = [
    "__version__", "Config", "get_pipeline", "attribute_text", "attribute_html", "attribute_url",
    "Article", "Attribution", "Quote", "QuotedSpan", "Span", "Speaker",
    "QuotelensError", "BadInput", "EmptyText", "InputTooLarge", "NotAnArticle", "FetchError",
    "FetchTimeout", "ModelMissing",
]

# Notebook API (results.py): one call for any source, a corpus to a DataFrame, and the result type.
# (The attribution stage is the module quotelens.attribution, so nothing shadows attribute().)
from .results import Result, attribute, attribute_many  # noqa: E402

__all__ += ["attribute", "attribute_many", "Result"]
