"""The speaker palette (Okabe-Ito), kept as data in ``static/palette.json``.

The JSON is generated from the browser extension's ``extension/lib/palette.js`` (the one palette
of the extension, the widget and the service's paste page). The widget, ``Result._repr_html_`` and
the plots colour speaker ``sN`` with palette entry ``(N - 1) mod 12``, past twelve speakers with a
second line style, and keep grey for unattributed quotes; this module turns the JSON into that
lookup and into the CSS rules (``.ql-color-K`` and ``.ql-line-L`` custom properties, light and dark).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

STATIC = resources.files("quotelens.notebook") / "static"

# Where a dark theme is on: JupyterLab's theme flag, VS Code's notebook body class, or an explicit opt-in.
DARK_SELECTORS = ('[data-jp-theme-light="false"]', "body.vscode-dark", "body.vscode-high-contrast", ".ql-dark")


@lru_cache(maxsize=1)
def load_palette() -> dict[str, Any]:
    return json.loads((STATIC / "palette.json").read_text(encoding="utf-8"))


def color_index(speaker_id: str | None) -> int | None:
    """``"s1" -> 0``, ``"s13" -> 0`` (twelve speaker colours); None for a quote without a speaker."""
    m = re.fullmatch(r"s(\d+)", speaker_id or "")
    return (int(m.group(1)) - 1) % load_palette()["speaker_colours"] if m else None


def line_index(speaker_id: str | None) -> int | None:
    """The second cue: ``"s1" -> 0`` (solid) ... ``"s13" -> 1`` (dashed); None without a speaker."""
    palette = load_palette()
    m = re.fullmatch(r"s(\d+)", speaker_id or "")
    n = palette["speaker_colours"]
    return (int(m.group(1)) - 1) // n % len(palette["line_styles"]) if m else None


def speaker_color(speaker_id: str | None, dark: bool = False) -> str:
    """The line colour of a speaker id (grey, the unknown-speaker colour, for None)."""
    palette = load_palette()
    k = color_index(speaker_id)
    entry = palette["colours"][palette["unknown_index"] if k is None else k]
    return entry["dark" if dark else "light"]["line"]


def palette_css() -> str:
    """CSS custom properties per colour slot: ``--ql-c`` (line) and ``--ql-fill`` (translucent fill)."""
    palette = load_palette()
    slots = [(f".ql-color-{k}", entry, True) for k, entry in enumerate(palette["colours"])]
    # unattributed quotes: the grey line as a dashed outline, no fill (see widget.css)
    slots.append((".ql-speaker-unknown", palette["colours"][palette["unknown_index"]], False))
    light, dark = [], []
    for cls, entry, filled in slots:
        for theme, out, prefixes in (("light", light, ("",)), ("dark", dark, tuple(f"{d} " for d in DARK_SELECTORS))):
            fill = entry[theme]["fill"] if filled else "transparent"
            selector = ", ".join(f"{prefix}{cls}" for prefix in prefixes)
            out.append(f"{selector} {{ --ql-c: {entry[theme]['line']}; --ql-fill: {fill}; }}")
    lines = [f".ql-line-{k} {{ --ql-line: {style}; }}" for k, style in enumerate(palette["line_styles"])]
    return "\n".join(["/* generated from palette.json by quotelens.notebook.palette */", *light, *dark, *lines]) + "\n"


def widget_css() -> str:
    """widget.css followed by the palette rules: the widget's ``_css`` and the static HTML's <style>."""
    return (STATIC / "widget.css").read_text(encoding="utf-8") + "\n" + palette_css()
