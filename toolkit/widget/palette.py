"""The speaker palette (Okabe-Ito), kept as data in ``static/palette.json``.

The widget, ``Result._repr_html_``, the plots and the browser extension all colour speaker
``sN`` with palette entry ``(N - 1) mod 8``; this module turns the JSON into that lookup and
into the CSS rules (``.ql-color-K`` custom properties, light and dark variants).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

STATIC = resources.files("quotelens.widget") / "static"

# Where a dark theme is on: JupyterLab's theme flag, VS Code's notebook body class, or an explicit opt-in.
DARK_SELECTORS = ('[data-jp-theme-light="false"]', "body.vscode-dark", "body.vscode-high-contrast", ".ql-dark")


@lru_cache(maxsize=1)
def load_palette() -> dict[str, Any]:
    return json.loads((STATIC / "palette.json").read_text(encoding="utf-8"))


def color_index(speaker_id: str | None) -> int | None:
    """``"s1" -> 0``, ``"s9" -> 0``; None for a quote without a speaker."""
    m = re.fullmatch(r"s(\d+)", speaker_id or "")
    return (int(m.group(1)) - 1) % len(load_palette()["speakers"]) if m else None


def speaker_color(speaker_id: str | None, dark: bool = False) -> str:
    """The hex colour of a speaker id (the unknown-speaker grey for None)."""
    palette = load_palette()
    k = color_index(speaker_id)
    entry = palette["unknown"] if k is None else palette["speakers"][k]
    return entry["dark" if dark else "light"]


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def palette_css() -> str:
    """CSS custom properties per colour slot: ``--ql-c`` (line) and ``--ql-fill`` (translucent tint)."""
    palette = load_palette()
    alpha = palette["tint_alpha"]
    slots = [(f".ql-color-{k}", entry) for k, entry in enumerate(palette["speakers"])]
    slots.append((".ql-speaker-unknown", palette["unknown"]))
    light, dark = [], []
    for cls, entry in slots:
        fill = "transparent" if cls == ".ql-speaker-unknown" else _rgba(entry["light"], alpha["light"])
        light.append(f"{cls} {{ --ql-c: {entry['light']}; --ql-fill: {fill}; }}")
        fill = "transparent" if cls == ".ql-speaker-unknown" else _rgba(entry["dark"], alpha["dark"])
        scoped = ", ".join(f"{d} {cls}" for d in DARK_SELECTORS)
        dark.append(f"{scoped} {{ --ql-c: {entry['dark']}; --ql-fill: {fill}; }}")
    return "\n".join(["/* generated from palette.json by quotelens.widget.palette */", *light, *dark]) + "\n"


def widget_css() -> str:
    """widget.css followed by the palette rules: the widget's ``_css`` and the static HTML's <style>."""
    return (STATIC / "widget.css").read_text(encoding="utf-8") + "\n" + palette_css()
