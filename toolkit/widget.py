"""``from quotelens.widget import QuoteWidget``: the public name of the notebook widget.

The widget lives in ``quotelens.notebook``; it needs anywidget (the ``notebook`` extra), so it is
imported on first use and ``import quotelens`` works without it.
"""
from __future__ import annotations

from typing import Any

__all__ = ["QuoteWidget"]


def __getattr__(name: str) -> Any:
    if name == "QuoteWidget":
        from .notebook import QuoteWidget

        return QuoteWidget
    raise AttributeError(f"module 'quotelens.widget' has no attribute {name!r}")
