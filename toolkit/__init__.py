"""quotelens: who said what in a news article.

    >>> import quotelens
    >>> result = quotelens.attribute_text("“We will not back down,” said Jane Doe, the mayor.")
    >>> [(q.text, q.speaker) for q in result.quotes]  # doctest: +SKIP

The functions here share one cached model per config (see ``get_pipeline``). This module is the
public API only: it sits above every stage and surface, and nothing inside the package imports it.
"""
from __future__ import annotations

from .config import Config
from .errors import (BadInput, EmptyText, FetchError, FetchTimeout, InputTooLarge, ModelMissing,
                     NotAnArticle, QuotelensError)
from .pipeline import get_pipeline
from .types import Article, Attribution, Quote, QuotedSpan, Span, Speaker
from .version import __version__

# Notebook API: one call for any source, a corpus to a DataFrame, the result type and the charts.
# (The attribution stage is the package quotelens.attribution, so nothing shadows attribute().)
from .notebook import Result, attribute, attribute_many, plots

# An archive (WARC, JSONL, Parquet, folders of pages) to tables of quotes, documents and speakers.
from .corpus import attribute_corpus, read_tables


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
    "FetchTimeout", "ModelMissing", "attribute", "attribute_many", "Result", "plots",
    "attribute_corpus", "read_tables",
]
