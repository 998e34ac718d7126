"""Notebook surface: ``attribute``/``attribute_many`` and ``Result`` (results), charts (plots),
the static HTML of ``Result._repr_html_`` (render) and the ``QuoteWidget`` (needs anywidget,
from the ``notebook`` extra, so it is imported on first use)."""
from __future__ import annotations

from typing import Any

from . import plots
from .results import MANY_COLUMNS, QUOTE_COLUMNS, Result, attribute, attribute_many, detect_source

__all__ = ["MANY_COLUMNS", "QUOTE_COLUMNS", "QuoteWidget", "Result", "attribute", "attribute_many",
           "detect_source", "plots"]


def __getattr__(name: str) -> Any:
    if name == "QuoteWidget":
        from .needs import need

        need("anywidget", "QuoteWidget")  # one line naming the extra, not an import error from inside
        from .quote_widget import QuoteWidget

        return QuoteWidget
    raise AttributeError(f"module 'quotelens.notebook' has no attribute {name!r}")
