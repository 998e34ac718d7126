"""Notebook surface: ``QuoteWidget`` (anywidget) and the static HTML used by ``Result._repr_html_``.

``QuoteWidget`` is imported on first use, so ``quotelens.widget.render`` and ``.palette`` work
without anywidget installed (it comes with the ``widget`` extra).
"""
from __future__ import annotations

from typing import Any

__all__ = ["QuoteWidget"]


def __getattr__(name: str) -> Any:
    if name == "QuoteWidget":
        from .quote_widget import QuoteWidget

        return QuoteWidget
    raise AttributeError(f"module 'quotelens.widget' has no attribute {name!r}")
