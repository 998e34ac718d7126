"""HTML from a browser's DOM (``Config.html_from_dom``): the selectors quote what the page shows.

A page served as latin-1 that holds UTF-8 is shown by the browser as mojibake ("â€œ" for “), and
that is the text its DOM, and the extension, hold. The clean stage still repairs the article text
(quotes are found, names read right), offsets index that text, and ``Article.shown`` puts the
mojibake back into the selectors' exact, prefix and suffix. No model: quotes are found from
punctuation alone (the quotes stage) and serialised by hand.

The oracle for "what the page shows" is the stdlib's html.parser (text outside script and style),
not the lxml reading that clean/shown.py uses. The saved pages are WCXB (Foley 2026, CC-BY-4.0).
"""
from __future__ import annotations

import html
import pathlib
import re
from html.parser import HTMLParser

import jsonschema
import pytest
from quotelens.clean import clean_html, html_to_str
from quotelens.config import Config
from quotelens.quotes import find_quote_spans
from quotelens.serialize import SELECTOR_CONTEXT, schema, to_dict
from quotelens.types import Attribution, Quote

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "pages"
PAGES = sorted(p / "source.html" for p in FIXTURES.iterdir() if (p / "source.html").exists())
DOM = Config(html_from_dom=True)


def as_browser_shows(data: bytes) -> str:
    """UTF-8 bytes decoded as a browser decodes a page labelled latin-1 (WHATWG windows-1252:
    the five bytes cp1252 leaves undefined become C1 controls), then serialised as outerHTML
    does: entities become the characters they stand for (&amp;, &lt;, &gt; stay)."""
    text = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in data)
    return _Reserialise.run(text)


class _Reserialise(HTMLParser):
    """Tags kept as written, character references resolved in text: roughly outerHTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    @classmethod
    def run(cls, page: str) -> str:
        parser = cls()
        parser.feed(page)
        parser.close()
        return "".join(parser.out)

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "noscript", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "noscript", "template") and self.hidden > 0

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


_DROP = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")  # what the extension's text map drops


def page_shows(page: str) -> str:
    """The page's visible text without whitespace, as the extension's text map compares it."""
    parser = _Visible()
    parser.feed(page)
    parser.close()
    return _DROP.sub("", "".join(parser.parts))


def contract_for(page: str, config: Config) -> dict:
    """The contract of the page's quotes found from punctuation alone (no speakers)."""
    article = clean_html(page, url="https://example.org/a", config=config)
    spans = find_quote_spans(article.text, config, article.paragraphs, article.blockquotes)
    quotes = tuple(Quote(id=f"q{i}", kind="direct", contents=(q.content,), cue=None, speaker_id=None,
                         mention=None, confidence=0.5) for i, q in enumerate(spans, 1) if len(q.content))
    return to_dict(Attribution(article=article, quotes=quotes))


def parts(contract: dict) -> list[dict]:
    return [c for q in contract["quotes"] for c in q["contents"]]


PARAGRAPHS = [
    "<h1>Mayor backs the plan</h1>",
    "<p>The city council voted on Tuesday to approve the new transit plan after a debate that "
    "lasted well into the night.</p>",
    "<p>“It’s a win for José and for every neighbourhood,” said Mayor Ana Pérez, who had "
    "pushed for the plan since 2019.</p>",
    "<p>Council member John Smith called it “the most important vote of my time on the council” "
    "and said he would keep watching the budget.</p>",
]
SHOWN = {  # what a browser shows of PARAGRAPHS' quotes when it reads their UTF-8 as windows-1252
    "It’s a win for José and for every neighbourhood,": "Itâ€™s a win for JosÃ© and for every neighbourhood,",
    "the most important vote of my time on the council": "the most important vote of my time on the council",
}


def mis_decoded(paragraphs: list[str]) -> str:
    page = "<html><head><title>Mayor backs the plan</title></head><body><article>" + "\n".join(paragraphs)
    return as_browser_shows((page + "</article></body></html>").encode("utf-8"))


def test_a_mis_decoded_dom_keeps_the_repaired_text_and_quotes_the_mojibake():
    page = mis_decoded(PARAGRAPHS)
    assert "â€œItâ€™s" in page and "\x9d" in page  # the browser's view: ” is â€ and U+009D
    repaired = contract_for(page, Config())
    dom = contract_for(page, DOM)
    # the same article text, the same quotes: the repair still finds them and reads the names
    assert dom["article"]["text"] == repaired["article"]["text"]
    assert "Mayor Ana Pérez" in dom["article"]["text"]
    assert [c["text"] for c in parts(dom)] == list(SHOWN)
    shows = page_shows(page)
    for c in parts(dom):
        text = dom["article"]["text"]
        assert text[c["start"]:c["end"]] == c["text"]  # offsets index the (repaired) text
        assert c["selector"]["exact"] == SHOWN[c["text"]]  # the selector quotes the page
        assert len(c["selector"]["prefix"]) <= SELECTOR_CONTEXT >= len(c["selector"]["suffix"])
        around = _DROP.sub("", c["selector"]["prefix"] + c["selector"]["exact"] + c["selector"]["suffix"])
        if "\n\n" not in c["selector"]["prefix"] + c["selector"]["suffix"]:
            assert around in shows, around
    first = parts(dom)[0]["selector"]
    assert first["prefix"].endswith("â€œ") and first["suffix"].startswith("â€\x9d said")
    # without the option the service's selectors quote words the page does not show
    assert parts(repaired)[0]["selector"]["exact"] not in page
    jsonschema.validate(dom, schema())


def test_html_as_served_is_repaired_before_anything_else():
    page = mis_decoded(PARAGRAPHS)
    assert html_to_str(page, Config(), repair=False) == page
    assert "“It’s a win" in html_to_str(page, Config())
    assert clean_html(page, config=Config()).shown == ()


def test_a_dom_the_browser_decoded_right_is_quoted_as_it_is():
    page = "<html><body><article>" + "\n".join(PARAGRAPHS) + "</article></body></html>"
    article = clean_html(page, config=DOM)
    assert article.shown == () and article == clean_html(page, config=Config())
    for c in parts(contract_for(page, DOM)):
        assert c["selector"]["exact"] == c["text"]


def test_a_character_the_page_holds_both_ways_is_quoted_as_each_place_shows_it():
    # WordPress writes its curly quotes as entities, which any charset decodes right, while the
    # author's own text stays raw UTF-8: ’ is shown as itself in one paragraph, as â€™ in another.
    entity = ("<p>&#8220;Don&#8217;t stop now, we are nearly there,&#8221; said the coach after "
              "the first half of the game.</p>")
    raw = "<p>“Don’t look back at the first half at all,” said the captain, José Ruiz, at the break.</p>"
    page = mis_decoded([PARAGRAPHS[0], PARAGRAPHS[1], entity, raw, PARAGRAPHS[1].replace("Tuesday", "Monday")])
    exacts = [c["selector"]["exact"] for c in parts(contract_for(page, DOM))]
    assert exacts == ["Don’t stop now, we are nearly there,", "Donâ€™t look back at the first half at all,"]
    shows = page_shows(page)
    assert all(_DROP.sub("", e) in shows for e in exacts)


def test_a_repaired_no_break_space_is_quoted_as_the_page_shows_it():
    # U+00A0 in UTF-8 read as windows-1252 is "Â" and a no-break space; the clean stage turns the
    # repaired no-break space into a plain one, so only the page can say which space it was.
    para = ("<p>“We will not\u00a0back down from this,” said Mayor Ana Pérez, who has led the city "
            "since 2019.</p>")
    page = mis_decoded([PARAGRAPHS[0], PARAGRAPHS[1], para, PARAGRAPHS[3]])
    first = parts(contract_for(page, DOM))[0]
    assert first["text"] == "We will not back down from this,"
    assert first["selector"]["exact"] == "We will notÂ\u00a0back down from this,"
    assert _DROP.sub("", first["selector"]["exact"]) in page_shows(page)


@pytest.mark.parametrize("path", PAGES, ids=[p.parent.name for p in PAGES])
def test_every_selector_of_a_saved_page_shown_mis_decoded_is_in_the_page(path):
    page = as_browser_shows(path.read_bytes())
    shows = page_shows(page)
    dom = contract_for(page, DOM)
    found = parts(dom)
    assert found, "the page has quotes"
    text = dom["article"]["text"]
    missing = [c["selector"]["exact"] for c in found if _DROP.sub("", c["selector"]["exact"]) not in shows]
    assert not missing
    assert all(text[c["start"]:c["end"]] == c["text"] for c in found)
    jsonschema.validate(dom, schema())  # prefix and suffix stay within 32 characters of mojibake too


def test_the_saved_pages_need_it():
    """Without the option, some saved pages' selectors quote words their mis-decoded page lacks:
    the test above would fail on them (so it can)."""
    lacking = 0
    for path in PAGES:
        page = as_browser_shows(path.read_bytes())
        shows = page_shows(page)
        lacking += sum(_DROP.sub("", c["selector"]["exact"]) not in shows for c in parts(contract_for(page, Config())))
    assert lacking >= 10
