"""QuoteWidget: synced traits, selection, the paste box's message round trip, and the front end's
pure functions (static/widget.js, run under node when it is installed)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("anywidget", reason="the widget needs the 'widget' extra (anywidget)")

import quotelens  # noqa: E402
from quotelens.errors import BadInput, NotAnArticle  # noqa: E402
from quotelens.results import Result  # noqa: E402
from quotelens.serialize import to_dict  # noqa: E402
from quotelens.widget import QuoteWidget  # noqa: E402
from quotelens.widget.palette import color_index, load_palette, palette_css, speaker_color  # noqa: E402
from test_results import SEED_TEXT, seed_attribution  # noqa: E402

STATIC = Path(quotelens.__file__).parent / "widget" / "static"
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]


@pytest.fixture
def widget() -> QuoteWidget:
    return QuoteWidget(Result(seed_attribution()))


def test_attribution_trait_is_exactly_the_contract(widget):
    assert widget.attribution == to_dict(seed_attribution())
    assert widget.show_input is False
    assert widget.result.to_dataframe().equals(Result(seed_attribution()).to_dataframe())


@pytest.mark.parametrize("make", [lambda a: a, lambda a: Result(a), lambda a: to_dict(a)])
def test_widget_takes_a_result_an_attribution_or_a_contract_dict(make):
    assert QuoteWidget(make(seed_attribution())).attribution["quotes"][0]["speaker"] == "Vitaly Churkin"


@pytest.mark.parametrize("bad", [{"schema_version": 99, "quotes": []}, "some text", 3])
def test_widget_refuses_what_is_not_a_result(bad):
    with pytest.raises(BadInput):
        QuoteWidget(bad)


def test_selection_is_validated_and_named(widget):
    widget.selected_speaker = "s7"
    assert widget.selected_speaker_name == "Ned Price"
    widget.selected_speaker = ""  # the front end clears with null; "" means the same
    assert widget.selected_speaker is None and widget.selected_speaker_name is None
    with pytest.raises(Exception, match="no speaker 's99'"):
        widget.selected_speaker = "s99"
    with pytest.raises(Exception, match="no quote 'q99'"):
        widget.selected_quote = "q99"


def test_selection_changes_reach_python_observers(widget):
    seen = []
    widget.observe(lambda change: seen.append(change.new), "selected_speaker")
    # what widget.js does on a click: set both traits in one update from the front end
    widget.set_state({"selected_speaker": "s2", "selected_quote": "q4"})
    assert seen == ["s2"] and widget.selected_quote == "q4"
    assert widget.selected_speaker_name == "Jean-Marc Ayrault"


def test_a_new_article_clears_the_selection(widget):
    widget.selected_speaker, widget.selected_quote = "s1", "q1"
    widget.show(seed_attribution())
    assert widget.selected_speaker is None and widget.selected_quote is None


def test_state_sent_to_the_front_end_holds_the_contract_and_the_css(widget):
    state = widget.get_state()
    assert state["attribution"]["article"]["text"] == SEED_TEXT
    assert ".ql-color-0 { --ql-c: #E69F00;" in state["_css"]
    assert "export default" in state["_esm"] and "render(" in state["_esm"]


def test_front_end_loads_nothing_from_the_network():
    js = (STATIC / "widget.js").read_text(encoding="utf-8")
    css = (STATIC / "widget.css").read_text(encoding="utf-8")
    assert not re.search(r"^\s*import\b", js, re.MULTILINE)  # no imports at all, so no CDN
    assert "@import" not in css and "url(" not in css
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML", js)  # strings go into textContent


# -- palette ------------------------------------------------------------------------------------------
def test_palette_is_okabe_ito_in_order_with_dark_variants():
    palette = load_palette()
    assert [c["light"] for c in palette["speakers"]] == OKABE_ITO
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c["dark"]) for c in palette["speakers"])


@pytest.mark.parametrize("speaker_id, index, colour", [
    ("s1", 0, "#E69F00"), ("s5", 4, "#0072B2"), ("s8", 7, "#999999"), ("s9", 0, "#E69F00"), (None, None, "#6E6E6E"),
])
def test_speaker_colours_cycle_through_the_palette(speaker_id, index, colour):
    assert color_index(speaker_id) == index and speaker_color(speaker_id) == colour


def test_palette_css_has_light_and_dark_rules():
    css = palette_css()
    assert ".ql-color-3 { --ql-c: #F0E442; --ql-fill: rgba(240, 228, 66, 0.3); }" in css
    assert '[data-jp-theme-light="false"] .ql-color-4' in css and "--ql-c: #4DA3E0" in css


# -- the paste box: a custom message from widget.js, answered by the kernel -----------------------
class StandIn:
    def attribute_text(self, text, url=None):
        return seed_attribution()

    def attribute_html(self, html, url=None):
        raise NotAnArticle("the page has no article body")


def _send(widget, content):
    """Deliver a custom message the way ipywidgets does when widget.js calls model.send()."""
    widget._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def test_empty_widget_shows_the_paste_box_and_attributes_pasted_text(monkeypatch):
    monkeypatch.setattr(quotelens, "get_pipeline", lambda config=None: StandIn())
    w = QuoteWidget()
    assert w.show_input is True and w.attribution == {} and w.result is None
    busy = []
    w.observe(lambda change: busy.append(change.new), "busy")
    _send(w, {"type": "attribute", "source": SEED_TEXT})
    assert busy == [True, False]
    assert w.error == "" and len(w.attribution["quotes"]) == 13
    assert w.show_input is True  # the box stays for the next article


@pytest.mark.parametrize("source, message", [
    ("<html><body><nav>menu</nav></body></html>", "the page has no article body (not_an_article)"),
    ("   ", "the text is empty (empty_text)"),
    ("missing.html", "no such file: missing.html (bad_input)"),
])
def test_paste_box_errors_are_shown_in_the_widget(monkeypatch, source, message):
    monkeypatch.setattr(quotelens, "get_pipeline", lambda config=None: StandIn())
    w = QuoteWidget()
    _send(w, {"type": "attribute", "source": source})
    assert w.error == message and w.attribution == {} and w.busy is False


def test_unrelated_messages_are_ignored():
    w = QuoteWidget()
    _send(w, {"type": "something-else"})
    _send(w, "not a dict")
    assert w.attribution == {} and w.error == ""


# -- widget.js pure functions, under node ------------------------------------------------------------
NODE = shutil.which("node")


def _node(script: str):
    module = (STATIC / "widget.js").resolve().as_uri()
    code = f"import * as w from {json.dumps(module)};\nconst out = (() => {{ {script} }})();\nconsole.log(JSON.stringify(out));"
    done = subprocess.run([NODE, "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_segments_match_the_python_ones(widget):
    from quotelens.widget.render import build_segments

    data = widget.attribution
    js = _node(f"return w.buildSegments({json.dumps(data)}).map(s => [s.start, s.end, s.quote && s.quote.id,"
               " s.boilerplate, s.mention]);")
    py = [[s.start, s.end, s.quote["id"] if s.quote else None, s.boilerplate, s.mention] for s in build_segments(data)]
    assert js == py


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_slices_the_right_words_after_an_emoji():
    """Python counts code points, JavaScript UTF-16 units: an emoji before a quote shifts it by one."""
    text = "Fans 🎉🎉 cheered.\n\n“We did it,” said Ana Ruiz, the coach. “Again 👏 next year.”"
    gold = [("We did it,", "We did it,", "direct", "Ana Ruiz", "person", "coach", "said", "Ana Ruiz"),
            ("Again", "next year.", "direct", "Ana Ruiz", "person", "coach", "said", "Ana Ruiz")]
    data = to_dict(seed_attribution(text, gold))
    pieces = _node(f"const d = {json.dumps(data)}; const m = w.utf16Mapper(d.article.text);"
                   " return w.buildSegments(d).filter(s => s.quote).map(s =>"
                   " d.article.text.slice(m.toUtf16(s.start), m.toUtf16(s.end)));")
    assert pieces == ["We did it,", "Again 👏 next year."]
    assert _node("return w.utf16Mapper('a🎉b').length;") == 3


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("speaker_id, index", [("s1", 0), ("s8", 7), ("s9", 0), ("s16", 7), (None, None), ("x1", None)])
def test_js_colour_slots_match_python(speaker_id, index):
    assert _node(f"return w.colorIndex({json.dumps(speaker_id)});") == index == color_index(speaker_id)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_hover_text_matches_python(widget):
    from quotelens.widget.render import describe_quote

    for q in widget.attribution["quotes"][5:9]:
        assert _node(f"return w.describeQuote({json.dumps(q)});") == describe_quote(q)
