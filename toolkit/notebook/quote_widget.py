"""``QuoteWidget``: the article with quotes highlighted by speaker, a legend, and a synced selection.

    >>> from quotelens.widget import QuoteWidget
    >>> w = QuoteWidget(quotelens.attribute("article.html"))   # doctest: +SKIP
    >>> w.observe(lambda change: print(change.new), "selected_speaker")  # doctest: +SKIP

The front end (static/widget.js, static/widget.css) ships inside the package and is handed to
anywidget as file contents, so the widget works offline; nothing is loaded from a CDN.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets

from ..config import Config
from ..errors import BadInput, QuotelensError
from ..serialize import SCHEMA_VERSION, from_dict, to_dict
from ..types import Attribution
from .palette import widget_css

if TYPE_CHECKING:
    from .results import Result

STATIC = Path(__file__).parent / "static"


def as_contract(value: Any) -> dict[str, Any]:
    """A Result, an Attribution or a contract-v1 dict -> the contract dict (the synced trait's value)."""
    from .results import Result

    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, Attribution):
        return to_dict(value)
    if isinstance(value, dict):
        if value and value.get("schema_version") != SCHEMA_VERSION:
            raise BadInput(f"not a quotelens contract v{SCHEMA_VERSION} dict "
                           f"(schema_version {value.get('schema_version')!r})")
        return value
    raise BadInput(f"QuoteWidget shows a Result, an Attribution or a contract dict, not {type(value).__name__}")


class QuoteWidget(anywidget.AnyWidget):
    """Who said what in one article, for notebooks.

    ``QuoteWidget(result)`` shows a result; ``QuoteWidget()`` starts with a box to paste a URL, a
    page's HTML or plain text, attributed by the kernel (``config`` picks the model and limits).
    Clicking a quote or a legend entry sets ``selected_speaker`` (and ``selected_quote``), which
    Python can read and observe; setting them from Python updates the view the same way.
    """

    _esm = STATIC / "widget.js"
    _css = widget_css()

    #: Exactly ``quotelens.serialize.to_dict(attribution)`` (JSON contract v1); {} when empty.
    attribution = traitlets.Dict().tag(sync=True)
    #: Speaker id ("s1", ...) chosen by a click, or None.
    selected_speaker = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    #: Quote id ("q1", ...) of the clicked quote, or None (a legend click selects a speaker only).
    selected_quote = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    #: Show the paste box (on by default for an empty widget).
    show_input = traitlets.Bool(False).tag(sync=True)
    #: True while the kernel attributes pasted input.
    busy = traitlets.Bool(False).tag(sync=True)
    #: The last error from pasted input, shown in the widget ("" when none).
    error = traitlets.Unicode("").tag(sync=True)

    def __init__(self, result: "Result | Attribution | dict | None" = None, *, config: Config | None = None,
                 show_input: bool | None = None, **kwargs: Any) -> None:
        contract = as_contract(result) if result is not None else {}
        super().__init__(attribution=contract, show_input=(not contract) if show_input is None else show_input,
                         **kwargs)
        self.config = config
        self.on_msg(self._on_message)

    # -- Python-side API -------------------------------------------------------------------------
    @property
    def result(self) -> "Result | None":
        """The shown attribution as a ``Result`` (None while empty)."""
        from .results import Result

        return Result(from_dict(self.attribution)) if self.attribution else None

    @property
    def selected_speaker_name(self) -> str | None:
        """Canonical name of the selected speaker ("Ned Price"), or None."""
        for s in self.attribution.get("speakers", ()):
            if s["id"] == self.selected_speaker:
                return s["name"]
        return None

    def show(self, result: "Result | Attribution | dict") -> None:
        """Replace the shown article; clears the selection and any error (even for the same article)."""
        with self.hold_sync():
            self.attribution = as_contract(result)
            self._reset_selection(None)

    def attribute_source(self, source: str) -> None:
        """Attribute pasted text, HTML or a URL and show it; failures go to ``error``, never raise."""
        from .results import attribute

        self.busy = True
        self.error = ""
        try:
            self.show(attribute(source, config=self.config))
        except QuotelensError as exc:
            self.error = f"{exc.message} ({exc.code})"
        except Exception as exc:  # a bug must still show up in the widget, not vanish into the kernel log
            self.error = f"unexpected error: {type(exc).__name__}: {exc}"
        finally:
            self.busy = False

    # -- traits ------------------------------------------------------------------------------------
    @traitlets.validate("selected_speaker")
    def _check_speaker(self, proposal: Any) -> str | None:
        value = proposal["value"] or None
        if value is not None and value not in {s["id"] for s in self.attribution.get("speakers", ())}:
            raise traitlets.TraitError(f"no speaker {value!r} in this article")
        return value

    @traitlets.validate("selected_quote")
    def _check_quote(self, proposal: Any) -> str | None:
        value = proposal["value"] or None
        if value is not None and value not in {q["id"] for q in self.attribution.get("quotes", ())}:
            raise traitlets.TraitError(f"no quote {value!r} in this article")
        return value

    @traitlets.validate("attribution")
    def _check_attribution(self, proposal: Any) -> dict[str, Any]:
        return as_contract(proposal["value"])

    @traitlets.observe("attribution")
    def _reset_selection(self, change: Any) -> None:
        self.selected_quote = None
        self.selected_speaker = None
        self.error = ""

    def _on_message(self, widget: Any, content: Any, buffers: Any) -> None:
        """Custom messages from widget.js: ``{"type": "attribute", "source": "..."}``."""
        if isinstance(content, dict) and content.get("type") == "attribute":
            self.attribute_source(str(content.get("source", "")))
