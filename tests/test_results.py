"""The notebook API: attribute(), Result, attribute_many(), _repr_html_, plots.

Model-free tests use a hand-built Attribution of the seed article (tests/seed_attribution.py:
Al Arabiya English, 2016, with its 13 gold attributions) and a stand-in pipeline; the ``model``
tests run the real one.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
import quotelens
from quotelens.errors import BadInput, EmptyText, NotAnArticle
from quotelens.notebook.results import (MANY_COLUMNS, QUOTE_COLUMNS, Result, attribute, attribute_many,
                                        detect_source)
from seed_attribution import SEED_GOLD, SEED_TEXT, seed_attribution

@pytest.fixture
def seed() -> Result:
    return Result(seed_attribution())


# -- Result ---------------------------------------------------------------------------------------
def test_dataframe_has_one_row_per_quote_with_the_documented_columns(seed):
    df = seed.to_dataframe()
    assert list(df.columns) == list(QUOTE_COLUMNS)
    assert len(df) == 13
    assert df["quote_id"].tolist() == [f"q{i}" for i in range(1, 14)]


def test_dataframe_offsets_point_at_the_quote_text(seed):
    df = seed.to_dataframe()
    for row in df.itertuples():
        assert SEED_TEXT[row.start:row.end] == row.text


@pytest.mark.parametrize("quote_id, speaker, role, speaker_type, kind, cue", [
    ("q1", "Vitaly Churkin", "Moscow’s UN Ambassador", "person", "indirect", "said"),
    ("q2", "Vitaly Churkin", "Moscow’s UN Ambassador", "person", "direct", "told"),
    ("q6", "French diplomatic sources", None, "anonymous", "indirect", "said"),
    ("q9", "the White House", None, "organization", "mixed", "said"),
    ("q11", "Ned Price", "National Security Council spokesman", "person", "direct", None),
])
def test_dataframe_values(seed, quote_id, speaker, role, speaker_type, kind, cue):
    row = seed.to_dataframe().set_index("quote_id").loc[quote_id]
    assert (row["speaker"], row["speaker_type"], row["kind"]) == (speaker, speaker_type, kind)
    assert (row["role"] if isinstance(row["role"], str) else None) == role
    assert (row["cue"] if isinstance(row["cue"], str) else None) == cue


def test_quotes_records_match_the_dataframe(seed):
    df = seed.to_dataframe()
    assert [q.text for q in seed.quotes] == df["text"].tolist()
    assert seed.quotes[1].speaker == "Vitaly Churkin" and seed.quotes[1].mention == "Churkin"
    assert [s.name for s in seed.speakers][:3] == ["Vitaly Churkin", "Jean-Marc Ayrault", "French diplomatic sources"]


def test_to_dict_is_contract_v1(seed):
    jsonschema = pytest.importorskip("jsonschema")
    from quotelens.serialize import schema

    data = seed.to_dict()
    jsonschema.validate(data, schema())
    assert Result.from_dict(data).to_dataframe().equals(seed.to_dataframe())


def test_repr_names_counts(seed):
    assert repr(seed) == ("<Result 'Russia wants to work with US over Syria gas probe': 13 quotes, "
                          "13 attributed, 8 speakers>")


# -- _repr_html_ -------------------------------------------------------------------------------------
def test_repr_html_highlights_every_quote_with_shared_class_names(seed):
    page = seed._repr_html_()
    ids = set(re.findall(r'data-quote-id="(q\d+)"', page))
    assert ids == {f"q{i}" for i in range(1, 14)}
    assert 'class="ql-quote ql-kind-indirect ql-speaker-s1 ql-color-0 ql-line-0"' in page
    assert "ql-speaker-s8 ql-color-7 ql-line-0" in page  # Obama: twelve speaker colours, the eighth has its own
    assert "Vitaly Churkin — Moscow’s UN Ambassador · direct quote · confidence 0.90" in page
    assert page.count('class="ql-boilerplate"') == 4


def test_repr_html_text_survives_unescaping(seed):
    """Dropping the tags and unescaping gives back the article text: nothing lost or doubled."""
    import html

    page = seed._repr_html_()
    article = page.split('<div class="ql-article">', 1)[1].rsplit("</div></div></div>", 1)[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", article)) == SEED_TEXT


def test_repr_html_escapes_everything():
    text = 'Intro <script>alert(1)</script>.\n\n“Use <b>bold</b> & “quotes”,” said Eve "Q" <img src=x>.'
    gold = [("Use <b>", "“quotes”,", "direct", 'Eve "Q" <img src=x>', "person", "<i>role</i>", "said", "Eve")]
    page = Result(seed_attribution(text, gold, url='javascript:alert("x")'))._repr_html_()
    assert "<script>" not in page and "<b>" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page  # only http(s) urls become links
    assert 'title="Eve &quot;Q&quot; &lt;img src=x&gt; — &lt;i&gt;role&lt;/i&gt;' in page


def test_nested_quote_wins_inside_the_outer_one():
    """On “impossible to deny” inside an indirect quote, the inner (mixed) quote owns its words."""
    from quotelens.notebook.render import build_segments

    gold = [("it was “impossible", "chemical weapon attacks", "indirect", "the White House", "organization", None,
             "said", "the White House"),
            ("impossible to deny", "impossible to deny", "mixed", "the White House", "organization", None, "said",
             "the White House")]
    data = Result(seed_attribution(gold=gold)).to_dict()
    segs = [s for s in build_segments(data) if s.quote]
    assert [(s.quote["id"], SEED_TEXT[s.start:s.end]) for s in segs] == [
        ("q1", "it was “"), ("q2", "impossible to deny"), ("q1", "” that Syria had launched chemical weapon attacks")]


# -- attribute(): input detection and routing (stand-in pipeline, no model) --------------------
def test_quotelens_attribute_stays_the_function_after_the_stage_module_loads():
    """The pipeline imports the attribution stage on first use; the notebook API function
    quotelens.attribute must survive that (the stage module is named quotelens.attribution)."""
    import importlib

    from quotelens.notebook import results

    stage = importlib.import_module("quotelens.attribution")
    assert hasattr(stage, "link_speakers")
    assert quotelens.attribute is results.attribute and callable(quotelens.attribute)



@pytest.mark.parametrize("source, kind", [
    ("https://example.org/news/1.html", "url"),
    ("  http://127.0.0.1:8000/a  ", "url"),
    ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("<p>“We will not back down,” said Jane Doe.</p>", "html"),
    ("Title\n\n<div class=story><p>“Yes,” he said.</p></div>", "html"),
    ("“We will not back down,” said Jane Doe, the mayor.", "text"),
    ("If a < b and c > d, the analyst said, the model holds.", "text"),
    ("See https://example.org for more, she said.", "text"),
])
def test_detect_source(source, kind):
    assert detect_source(source) == kind


def test_detect_source_file_and_missing_file(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<p>hi</p>", encoding="utf-8")
    assert detect_source(str(page)) == "file"
    with pytest.raises(BadInput, match="no such file"):
        detect_source(str(tmp_path / "missing.html"))


class StandInPipeline:
    """Records which entry point ran; answers with the seed attribution."""

    def __init__(self):
        self.calls: list[tuple[str, object]] = []

    def attribute_text(self, text, url=None):
        self.calls.append(("text", text))
        if "BOOM" in text:
            raise RuntimeError("stage bug")
        return seed_attribution()

    def attribute_html(self, html, url=None):
        self.calls.append(("html", html))
        if "<nav>" in (html if isinstance(html, str) else html.decode()):
            raise NotAnArticle("no article body found")
        return seed_attribution()

    def attribute_url(self, url):
        self.calls.append(("url", url))
        return seed_attribution()


@pytest.fixture
def stand_in(monkeypatch):
    pipe = StandInPipeline()
    monkeypatch.setattr("quotelens.pipeline.get_pipeline", lambda config=None: pipe)
    return pipe


def test_attribute_routes_each_kind_of_source(stand_in, tmp_path):
    html_file = tmp_path / "page.htm"
    html_file.write_bytes(b"<html><body><p>x</p></body></html>")
    text_file = tmp_path / "story.txt"
    text_file.write_text("“Yes,” he said.", encoding="utf-8")
    attribute("“Yes,” he said.")
    attribute("<p>“Yes,” he said.</p>")
    attribute("https://example.org/a")
    attribute(html_file)
    attribute(str(text_file))
    attribute(b"<html><p>bytes</p></html>")
    assert [kind for kind, _ in stand_in.calls] == ["text", "html", "url", "html", "text", "html"]
    assert stand_in.calls[3][1] == b"<html><body><p>x</p></body></html>"
    assert stand_in.calls[4][1] == "“Yes,” he said."


@pytest.mark.parametrize("source, error", [
    ("", EmptyText), ("   \n\t", EmptyText), (42, BadInput), (None, BadInput),
    (Path("no/such/page.html"), BadInput), ("missing-page.html", BadInput),
    (b"\xff\xfe\x00junk that is not utf-8 \xc3", BadInput),
])
def test_attribute_refuses_bad_input_with_a_named_error(stand_in, source, error):
    with pytest.raises(error):
        attribute(source)


def test_attribute_many_keeps_going_past_bad_items(stand_in):
    items = ["“Yes,” he said.", {"id": "empty", "text": ""}, {"id": "nav", "html": "<nav>menu</nav>"},
             {"id": "nokey"}, 17, {"id": "bug", "text": "BOOM"}, {"id": "page", "html": "<p>ok</p>"}]
    df = attribute_many(items, progress=False)
    assert list(df.columns) == list(MANY_COLUMNS)
    errors = df[df["error_code"].notna()].set_index("doc_id")["error_code"].to_dict()
    assert errors == {"empty": "empty_text", "nav": "not_an_article", "nokey": "bad_input", "4": "bad_input",
                      "bug": "internal_error"}
    quotes = df[df["error_code"].isna()]
    assert quotes["doc_id"].value_counts().to_dict() == {"0": 13, "page": 13}
    assert df["doc_id"].drop_duplicates().tolist() == ["0", "empty", "nav", "nokey", "4", "bug", "page"]
    docs = df.attrs["documents"]
    assert [(d["doc_id"], d["quotes"]) for d in docs][:2] == [("0", 13), ("empty", 0)]


def test_attribute_many_empty_input_gives_an_empty_frame(stand_in):
    df = attribute_many([], progress=False)
    assert df.empty and list(df.columns) == list(MANY_COLUMNS)


# -- without the notebook extra -----------------------------------------------------------------------
@pytest.mark.parametrize("missing, call", [
    ("pandas", lambda r: r.to_dataframe()),
    ("pandas", lambda r: attribute_many([], progress=False)),
    ("pandas", lambda r: quotelens.plots.quotes_per_speaker(r)),
    ("matplotlib.pyplot", lambda r: quotelens.plots.speaker_type_share(r)),
    ("anywidget", lambda r: quotelens.notebook.QuoteWidget(r)),
])
def test_a_missing_extra_is_one_line_naming_it(seed, monkeypatch, missing, call):
    from quotelens.errors import MissingExtra

    monkeypatch.setitem(sys.modules, missing, None)  # what `import` sees when the package is absent
    with pytest.raises(MissingExtra) as info:
        call(seed)
    message = str(info.value)
    assert 'pip install "quotelens[notebook]"' in message and missing.split(".")[0] in message
    assert "\n" not in message and info.value.__cause__ is None and info.value.__suppress_context__
    assert isinstance(info.value, ImportError)  # code that guards optional imports still catches it


# -- plots -------------------------------------------------------------------------------------------
def test_plots_return_figures_with_the_counts(seed):
    from matplotlib.figure import Figure
    from quotelens import plots

    fig = plots.quotes_per_speaker(seed)
    assert isinstance(fig, Figure)
    bars = {t.get_text(): p.get_width() for t, p in zip(fig.axes[0].get_yticklabels(), fig.axes[0].patches)}
    assert bars["Jean-Marc Ayrault"] == 3 and bars["Ned Price"] == 3 and bars["Ban Ki-moon"] == 1
    share = plots.speaker_type_share(seed)
    widths = {t.get_text(): p.get_width() for t, p in zip(share.axes[0].get_yticklabels(), share.axes[0].patches)}
    assert widths["anonymous"] == pytest.approx(100 * 2 / 13)
    assert widths["organization"] == pytest.approx(100 / 13)
    roles = plots.quotes_per_role(seed)
    labels = [t.get_text() for t in roles.axes[0].get_yticklabels()]
    assert "National Security Council\nspokesman" in labels and "(no role stated)" in labels


def test_long_labels_are_wrapped_and_cut_on_the_chart_only(seed):
    from quotelens import plots

    role = "study's authors and a professor of medicine and nutrition there"
    assert plots.short_label(role) == "study's authors and a\nprofessor of medicine and…"
    assert plots.short_label("spokesman") == "spokesman"
    frame = seed.to_dataframe().assign(role=role)
    labels = [t.get_text() for t in plots.quotes_per_role(frame).axes[0].get_yticklabels()]
    assert labels == [plots.short_label(role)]
    assert all(len(line) <= plots.LABEL_WIDTH for line in labels[0].split("\n"))
    assert frame["role"].iloc[0] == role  # the data keeps the whole text


def test_two_labels_that_shorten_alike_keep_two_bars(seed):
    from quotelens import plots

    frame = seed.to_dataframe().head(3).assign(role=[
        "chief executive of the Northern Regional Water Authority since 2019",
        "chief executive of the Northern Regional Water Authority until 2019", None])
    ax = plots.quotes_per_role(frame).axes[0]
    assert len(ax.patches) == 3 and sorted(p.get_width() for p in ax.patches) == [1, 1, 1]


def test_counts_have_integer_ticks_and_shares_stop_at_100(seed):
    from quotelens import plots

    for fig in (plots.quotes_per_speaker(seed), plots.quotes_per_role(seed)):
        fig.canvas.draw()
        ticks = fig.axes[0].get_xticks()
        assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks
    share = plots.speaker_type_share(seed.to_dataframe().assign(speaker_type="person"))
    ax = share.axes[0]
    assert ax.get_xlim() == (0, 100)
    share.canvas.draw()
    shown = [t.get_text() for t in ax.get_xticklabels() if 0 <= t.get_position()[0] <= 100]
    assert shown == ["0%", "25%", "50%", "75%", "100%"]  # (the locator also places ticks out of view)
    assert ax.patches[0].get_width() == 100


def test_plots_skip_error_rows_and_handle_no_quotes(stand_in):
    from quotelens import plots

    df = attribute_many([{"id": "e", "text": ""}], progress=False)
    fig = plots.quotes_per_speaker(df)
    assert any(t.get_text() == "no quotes" for t in fig.axes[0].texts)
    assert plots.speaker_type_share(pd.DataFrame(columns=list(MANY_COLUMNS))).axes[0].texts[0].get_text() == "no quotes"


# -- the real pipeline -------------------------------------------------------------------------------
@pytest.mark.model
def test_attribute_on_the_seed_text_with_the_model():
    result = quotelens.attribute(SEED_TEXT)
    df = result.to_dataframe()
    assert list(df.columns) == list(QUOTE_COLUMNS)
    for row in df.itertuples():
        assert SEED_TEXT[row.start:row.end] == row.text
    assert "Vitaly Churkin" in set(df["speaker"].dropna())
    assert not df["text"].str.contains("systematically").any()


@pytest.mark.model
def test_attribute_many_with_two_worker_processes():
    texts = [SEED_TEXT, "“We will not back down,” said Jane Doe, the mayor of Springfield.", ""]
    df = attribute_many(texts, workers=2, progress=False)
    assert df["doc_id"].drop_duplicates().tolist() == ["0", "1", "2"]
    assert df.set_index("doc_id").loc["2", "error_code"] == "empty_text"
    assert "Vitaly Churkin" in set(df[df["doc_id"] == "0"]["speaker"].dropna())


@pytest.fixture(scope="module")
def demo_result() -> Result:
    """The article bundled with the package (the page `quotelens demo` runs on), through the real pipeline."""
    demo = sorted((Path(quotelens.__file__).parent / "data" / "demo").glob("*.html"))
    if not demo:
        pytest.skip("no bundled demo page in quotelens/data/demo/")
    return quotelens.attribute(demo[0])


@pytest.mark.model
def test_dataframe_on_the_bundled_article(demo_result):
    """The seed article's acceptance line, read through the DataFrame: at least 12 of the 13 gold quotes
    with the right canonical speaker, the four named roles right, nothing from 'Watch: ... systematically'."""
    df = demo_result.to_dataframe()
    assert list(df.columns) == list(QUOTE_COLUMNS)
    text = demo_result.article.text
    assert all(text[r.start:r.end] == r.text for r in df.itertuples())
    right = []
    for first, last, _kind, speaker, _type, _role, _cue, _mention in SEED_GOLD:
        start = text.index(first)
        end = text.index(last, start) + len(last)
        # paired as the shared scorer pairs them: the found quote covers half the gold span or more
        overlap = (df["end"].clip(upper=end) - df["start"].clip(lower=start)) >= (end - start) / 2
        found = set(df.loc[overlap, "speaker"].dropna())
        right.append(speaker in found or speaker.removeprefix("the ") in found)
    assert sum(right) >= 12, [g[3] for g, ok in zip(SEED_GOLD, right) if not ok]
    roles = df.dropna(subset=["speaker"]).groupby("speaker")["role"].first().to_dict()
    assert roles["Vitaly Churkin"] == "Moscow’s UN Ambassador"
    assert roles["Jean-Marc Ayrault"] == "Foreign Minister"
    assert roles["Ned Price"] == "National Security Council spokesman"
    assert roles["Ban Ki-moon"] == "UN Secretary-General"
    assert not df["text"].str.contains("systematically").any()
    assert set(df["speaker_type"]) <= {"person", "organization", "anonymous", "unknown"}
    assert df.loc[df["speaker"] == "one senior diplomat", "speaker_type"].eq("anonymous").all()
