"""The notebook's optional packages, imported on first use.

pandas, matplotlib and anywidget come with the ``notebook`` extra, not with every install. Without
them, the call that needs one fails with a one-line ``MissingExtra`` naming the install line
(``pip install "quotelens[notebook]"``) instead of a ModuleNotFoundError from deep inside.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingExtra

EXTRA = "notebook"


def need(module: str, purpose: str) -> ModuleType:
    """``import module``, or MissingExtra saying that ``purpose`` needs it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise MissingExtra(top, EXTRA, purpose) from None
