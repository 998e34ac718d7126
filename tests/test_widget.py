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
from quotelens.notebook.results import Result  # noqa: E402
from quotelens.serialize import to_dict  # noqa: E402
from quotelens.widget import QuoteWidget  # noqa: E402
from quotelens.notebook.palette import color_index, line_index, load_palette, palette_css, speaker_color  # noqa: E402
from seed_attribution import SEED_TEXT, seed_attribution  # noqa: E402

STATIC = Path(quotelens.__file__).parent / "notebook" / "static"
# Okabe-Ito's seven, five of Paul Tol's, grey (extension/lib/palette.js is the source)
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#AA3377", "#004488", "#666633", "#FFAABB", "#663333", "#999999"]


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
def _relative_luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_palette_has_twelve_speaker_colours_with_grey_for_unknown_speakers():
    palette = load_palette()
    assert [c["hex"] for c in palette["colours"]] == PALETTE
    assert palette["speaker_colours"] == 12 and PALETTE[palette["unknown_index"]] == "#999999"
    assert palette["line_styles"] == ["solid", "dashed", "dotted", "double"]


def test_dark_theme_lines_stand_out_on_a_dark_background():
    """Each dark-theme line colour keeps at least 3:1 against #121212 (WCAG non-text contrast)."""
    background = _relative_luminance("#121212")
    for entry in load_palette()["colours"]:
        ratio = (_relative_luminance(entry["dark"]["line"]) + 0.05) / (background + 0.05)
        assert ratio >= 3, (entry["name"], ratio)


@pytest.mark.parametrize("speaker_id, index, line, colour", [
    ("s1", 0, 0, "#E69F00"), ("s5", 4, 0, "#0072B2"), ("s8", 7, 0, "#AA3377"), ("s12", 11, 0, "#663333"),
    ("s13", 0, 1, "#E69F00"), ("s26", 1, 2, "#56B4E9"), (None, None, None, "#999999"),
])
def test_speaker_colours_cycle_through_twelve_colours_then_change_the_line(speaker_id, index, line, colour):
    assert color_index(speaker_id) == index and speaker_color(speaker_id) == colour
    assert line_index(speaker_id) == line


def test_palette_css_has_light_and_dark_rules():
    css = palette_css()
    assert ".ql-color-3 { --ql-c: #F0E442; --ql-fill: rgba(240, 228, 66, 0.35); }" in css
    assert '[data-jp-theme-light="false"] .ql-color-4' in css and "--ql-c: #338EC1" in css
    assert ".ql-speaker-unknown { --ql-c: #999999; --ql-fill: transparent; }" in css
    assert ".ql-line-1 { --ql-line: dashed; }" in css


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_palette_matches_the_browser_extension():
    """The extension computes its colours in extension/lib/palette.js; both must give the same values."""
    source = Path(quotelens.__file__).resolve().parent.parent / "extension" / "lib" / "palette.js"
    if not source.exists():
        pytest.skip("extension/lib/palette.js is not in this checkout")
    script = (f"require({json.dumps(str(source))}); const P = globalThis.quotelens.palette;"
              " console.log(JSON.stringify({hex: P.COLOURS, unknown: P.UNKNOWN_INDEX,"
              " css: P.COLOURS.map((_, i) => [P.cssColours(i, 'light'), P.cssColours(i, 'dark')])}));")
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    theirs = json.loads(done.stdout)
    palette = load_palette()
    assert theirs["hex"] == PALETTE and theirs["unknown"] == palette["unknown_index"]
    for entry, (light, dark) in zip(palette["colours"], theirs["css"]):
        assert (entry["light"]["fill"], entry["light"]["line"]) == (light["background"], light["line"])
        assert (entry["dark"]["fill"], entry["dark"]["line"]) == (dark["background"], dark["line"])


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
    monkeypatch.setattr("quotelens.pipeline.get_pipeline", lambda config=None: StandIn())
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
    monkeypatch.setattr("quotelens.pipeline.get_pipeline", lambda config=None: StandIn())
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
    from quotelens.notebook.render import build_segments

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
@pytest.mark.parametrize("speaker_id, index", [("s1", 0), ("s7", 6), ("s8", 7), ("s13", 0), ("s14", 1), (None, None), ("x1", None)])
def test_js_colour_slots_match_python(speaker_id, index):
    assert _node(f"return w.colorIndex({json.dumps(speaker_id)});") == index == color_index(speaker_id)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_hover_text_matches_python(widget):
    from quotelens.notebook.render import describe_quote

    for q in widget.attribution["quotes"][5:9]:
        assert _node(f"return w.describeQuote({json.dumps(q)});") == describe_quote(q)


@pytest.mark.model
def test_widget_on_the_bundled_article():
    demo = sorted((Path(quotelens.__file__).parent / "data" / "demo").glob("*.html"))
    if not demo:
        pytest.skip("no bundled demo page in quotelens/data/demo/")
    w = QuoteWidget(quotelens.attribute(demo[0]))
    speakers = {s["name"]: s for s in w.attribution["speakers"]}
    w.selected_speaker = speakers["Ned Price"]["id"]
    assert w.selected_speaker_name == "Ned Price"
    assert speakers["Ned Price"]["quote_count"] >= 2
    quotes = w.result.to_dataframe()
    assert (quotes["speaker_id"] == w.selected_speaker).sum() == speakers["Ned Price"]["quote_count"]
