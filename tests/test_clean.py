"""The clean stage: residue lexicon, quotes kept, decoding, bad input, metadata, plain-text offsets
(blocks put back after extraction: test_clean_recovery.py).

Real cases: the seed article (Al Arabiya English, 2016) and its boilerplate lines, the
bundled demo page, residue lines seen on WCXB pages (Foley 2026, CC-BY-4.0), and the saved
WCXB pages in tests/fixtures/pages.
"""
from __future__ import annotations

import json
import pathlib
import re

import pytest
from quotelens.clean import clean_html, clean_text, demo_page_path
from quotelens.clean.blockquotes import mark_block_credits
from quotelens.clean.decode import decode_page, repair_mojibake
from quotelens.clean.extract import mark_inline_quotes
from quotelens.clean.residue import is_residue
from quotelens.config import Config
from quotelens.errors import BadInput, EmptyText, InputTooLarge, NotAnArticle

SEED = pathlib.Path(__file__).parent / "fixtures" / "seed-article.json"  # the seed, kept as a fixture
FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "pages"
FIXTURE_DIRS = sorted(p for p in FIXTURES.iterdir() if p.is_dir())

SEED_BOILERPLATE = ["Published: Updated:", "Enable Read mode", "100% Font Size",
                    "Watch: Chlorine gas used ‘systematically’ in northern Syria"]
# The seed article's paragraphs (its text may be read here for tests; it is also in the demo page).
DEMO_PAGE_TEXT = demo_page_path().read_text("utf-8")


def _tokens(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _article_paragraphs() -> list[str]:
    """The seed article's paragraphs as the demo page holds them (<p>/<h2> in the body)."""
    body = DEMO_PAGE_TEXT.split('itemprop="articleBody">', 1)[1].split("</div>", 1)[0]
    import html

    return [html.unescape(m) for m in re.findall(r"<(?:p|h2)[^>]*>(.*?)</(?:p|h2)>", body)]


# -- residue lexicon -------------------------------------------------------------------------
@pytest.mark.parametrize("line", SEED_BOILERPLATE + [
    # seen on WCXB dev pages (tuning half) and on news sites generally
    "Advertisement", "ADVERTISEMENT", "SHARE YOUR STORY", "Join Our Newsletter", "- 11 min read",
    "Table of Contents", "Back to blog", "Subscribe to us", "Register", "Advertiser Disclosure", "Tags",
    "Would you like to receive notifications about new posts?", "Subscribe for the Latest Updates",
    "Written by Cassidy Horton", "PIN FOR LATER", "Subscribe to get the latest posts sent to your email.",
    "This article is exclusive to STAT+ subscribers", "Book a demo", "Share on Facebook",
    "Facebook Twitter WhatsApp Email", "Read more: Syria’s war enters its sixth year",
    "Published: March 3, 2016 5:12 PM Updated: March 4, 2016", "Updated 3 hours ago",
    "By Jane Doe", "By Jane Doe and John Smith, Reuters", "Photo: Reuters", "(File photo: AFP)",
    "We use cookies to give you the best possible experience on our website. Accept",
    "© 2016 Al Arabiya Network. All rights reserved.", "Sign up for our daily newsletter",
    "Story continues below advertisement", "Listen to this article", "3 min read",
    "Written by", "By", "Last updated on:", "Updated: Jan 31", "Published on: February 14, 2025",
    "By entering your email, you agree to receive Elementor emails, including marketing emails,",
    "By clicking on these links, you may be taken to one of our insurance partners.",
    "🚀 Sign up for The Replay newsletter", "More on Darden:", "Recent posts", "Popular articles:", "Buy now from one of our trusted retail partners:",
    "Disclosure: Class Central is learner-supported. When you buy through links on our site, we may earn "
    "an affiliate commission.",
])
def test_residue_lines(line):
    assert is_residue(line)


@pytest.mark.parametrize("line", [
    "US: Assad must be held accountable",  # a subheading of the seed article
    "By 2030 the city will need twice as many nurses.",
    "By Monday, the company will close its plants.",
    "Copyright law has changed since the ruling.",
    "Watch: the video shows soldiers firing on protesters, the ministry said.",
    "“Share this with everyone you know,” the minister said.",
    "“Subscribe to our newsletter,” she joked, “and you will never sleep again.”",
    "The newsletter, which launched in 2019, now has 40,000 readers.",
    "These cookies are the best I have ever baked, and I accept no substitutes.",
    "Advertising revenue fell 12 percent in the third quarter.",
    "Published in 2019, the report found that the agency ignored warnings.",
    "Read more than 40 pages of the report and you will see why.",
    "By providing aid, the partners hope to end the war.",
    "By signing the accord, both countries agree to cut emissions.",
    "By the 17th century, coffee had made its way to Europe.",
    "The company will buy from one of our suppliers in 2020.",
])
def test_article_lines_are_not_residue(line):
    assert not is_residue(line)


@pytest.mark.parametrize("lines, expected", [
    (["Written by", "Tina Flint Huffman", "Does overwhelm set in?"], [True, True, False]),
    (["By", "Jane Doe and John Smith", "The minister said the talks would resume."], [True, True, False]),
    # the line after a lone label is only taken when it looks like a name
    (["By", "the end of the week, the talks had failed."], [True, False]),
    (["Advertisement", "Jane Doe"], [True, False]),
])
def test_residue_flags_take_the_name_after_a_lone_byline_label(lines, expected):
    from quotelens.clean.residue import residue_flags

    assert residue_flags(lines) == expected


def test_seed_article_lines_are_not_residue():
    data = json.loads(SEED.read_text("utf-8"))
    article_lines = [ln for ln in data["text"].split("\n") if ln.strip() and ln not in data["boilerplate_lines"]]
    assert [ln for ln in article_lines if is_residue(ln)] == []


# -- clean_text ------------------------------------------------------------------------------
@pytest.mark.skipif(not SEED.exists(), reason="tests/fixtures/seed-article.json is missing")
def test_clean_text_seed_boilerplate_and_offsets():
    data = json.loads(SEED.read_text("utf-8"))
    article = clean_text(data["text"])
    assert article.text is data["text"]  # never rewritten, not even copied
    assert [article.text[s.start:s.end] for s in article.boilerplate] == data["boilerplate_lines"]
    paragraphs = [article.text[s.start:s.end] for s in article.paragraphs]
    expected = [ln for ln in data["text"].split("\n") if ln.strip() and ln not in data["boilerplate_lines"]]
    assert paragraphs == expected
    assert not any(p.overlaps(b) for p in article.paragraphs for b in article.boilerplate)


@pytest.mark.parametrize("text, expected", [
    ("One line only.", ["One line only."]),
    ("First paragraph.\nSecond paragraph.\n", ["First paragraph.", "Second paragraph."]),
    ("  Indented first.  \r\n\r\n\tSecond after CRLF.\r\n", ["Indented first.", "Second after CRLF."]),
    ("Old Mac line one.\rLine two.\r", ["Old Mac line one.", "Line two."]),
    # hard-wrapped (e-mail style): one paragraph per blank-line block
    ("The minister said the talks would resume next week in\nGeneva, after two days of consultations "
     "with the\nopposition delegation.\n\n“We are ready,” he said.",
     ["The minister said the talks would resume next week in\nGeneva, after two days of consultations "
      "with the\nopposition delegation.", "“We are ready,” he said."]),
])
def test_clean_text_paragraphs(text, expected):
    article = clean_text(text)
    assert article.text == text
    assert [text[s.start:s.end] for s in article.paragraphs] == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_clean_text_empty(text):
    with pytest.raises(EmptyText):
        clean_text(text)


@pytest.mark.parametrize("value", [None, b"bytes", 42])
def test_clean_text_wrong_type(value):
    with pytest.raises(BadInput):
        clean_text(value)


# -- clean_html: the demo page -----------------------------------------------------------------
def test_demo_page_gives_the_article_and_no_boilerplate():
    article = clean_html(demo_page_path().read_bytes())
    paragraphs = [article.text[s.start:s.end] for s in article.paragraphs]
    assert paragraphs == _article_paragraphs()
    for line in SEED_BOILERPLATE + ["Sign up for our newsletter", "We use cookies", "Copy link", "Related"]:
        assert line not in article.text
    assert article.title == "Russia wants to work with US over Syria gas probe"
    assert article.published == "2016-08-25"


@pytest.mark.skipif(not SEED.exists(), reason="tests/fixtures/seed-article.json is missing")
def test_demo_page_keeps_every_seed_quote():
    data = json.loads(SEED.read_text("utf-8"))
    article = clean_html(demo_page_path().read_bytes())
    for quote in data["quotes"]:
        assert quote["text"] in article.text, quote["text"]


def test_paragraph_spans_index_the_text():
    article = clean_html(demo_page_path().read_bytes())
    assert "\n\n".join(article.text[s.start:s.end] for s in article.paragraphs) == article.text
    for s in article.paragraphs:
        chunk = article.text[s.start:s.end]
        assert chunk == chunk.strip() and "\n" not in chunk


# -- clean_html: quotes survive ------------------------------------------------------------------
FILLER = ("<p>The Security Council is due to discuss the report next week, and diplomats said a vote "
          "on sanctions could follow within days if the members agree on the wording.</p>")


def _page(middle: str) -> str:
    return ("<html><head><title>UN probe</title></head><body><nav><a href='/'>Home</a></nav><article>"
            + FILLER * 3 + middle + FILLER * 3 + "</article><footer>© 2016 News</footer></body></html>")


@pytest.mark.parametrize("middle, quote", [
    ("<blockquote><p>“We need to use this report to force Russia out of its ambiguity,” one senior "
     "diplomat said.</p></blockquote>", "We need to use this report to force Russia out of its ambiguity"),
    ("<p>Price said the findings <q>present yet another opportunity for all nations to speak with one "
     "voice</q>.</p>", "present yet another opportunity for all nations to speak with one voice"),
    ("<ul><li><strong>Just start.</strong> “You might think you can’t meditate because your mind is too "
     "restless,” she says.</li></ul>", "You might think you can’t meditate because your mind is too restless"),
    ("<aside class='pullquote'><p>“It is now impossible to deny that the Syrian regime has repeatedly "
     "used industrial chlorine”</p></aside>",
     "It is now impossible to deny that the Syrian regime has repeatedly used industrial chlorine"),
])
def test_quotes_in_blockquote_q_list_and_pullquote_survive(middle, quote):
    article = clean_html(_page(middle))
    assert _tokens(quote) in _tokens(article.text)


@pytest.mark.parametrize("html, expected", [
    ("<p>Lee said the plan was <q>a win for every rider</q> and thanked the mayor.</p>",
     "<p>Lee said the plan was “a win for every rider” and thanked the mayor.</p>"),
    ("<p><Q class='x'>She told us <q>never again</q> twice,</Q> Lee said.</p>",
     "<p>“She told us ‘never again’ twice,” Lee said.</p>"),
    ("<p>Lee said <q>“a win for every rider”</q> twice.</p>", "<p>Lee said “a win for every rider” twice.</p>"),
    ("<blockquote><quote>not a q element</quote></blockquote>", "<blockquote><quote>not a q element</quote></blockquote>"),
])
def test_q_elements_get_the_marks_a_browser_draws(html, expected):
    assert mark_inline_quotes(html) == expected


@pytest.mark.parametrize("html, expected", [
    # a WordPress quote block and the HTML spec's <footer> credit read as dash lines
    ('<blockquote class="wp-block-quote"><p>It asks the most.</p><cite>Dana Ortiz, council member</cite></blockquote>',
     '<blockquote class="wp-block-quote"><p>It asks the most.</p><cite>— Dana Ortiz, council member</cite></blockquote>'),
    ("<blockquote><p>It asks the most.</p><footer><cite>Dana Ortiz</cite></footer></blockquote>",
     "<blockquote><p>It asks the most.</p><footer><cite>— Dana Ortiz</cite></footer></blockquote>"),
    # ... a credit with its dash already, a work's title inside a sentence, a <cite> outside a block: as they were
    ("<blockquote><p>It asks the most.</p><footer>— <cite>Dana Ortiz</cite></footer></blockquote>",
     "<blockquote><p>It asks the most.</p><footer>— <cite>Dana Ortiz</cite></footer></blockquote>"),
    ("<blockquote><p>As I wrote in <cite>The Ledger</cite>, it fails.</p><p>It asks the most.</p></blockquote>",
     "<blockquote><p>As I wrote in <cite>The Ledger</cite>, it fails.</p><p>It asks the most.</p></blockquote>"),
    ("<p>Read <cite>The Ledger</cite>.</p><footer>Copyright 2026</footer>",
     "<p>Read <cite>The Ledger</cite>.</p><footer>Copyright 2026</footer>"),
])
def test_block_credits_read_as_dash_lines(html, expected):
    assert mark_block_credits(html) == expected


def test_block_credits_take_linear_time_on_unbalanced_tags():
    page = "<blockquote>" * 50_000 + "</blockquote>" + "<blockquote><p>a</p><cite>b" * 50_000
    assert mark_block_credits(page).startswith("<blockquote>")  # returns (a quadratic scan would not, here)


def test_a_q_element_keeps_its_paragraph_whole():
    article = clean_html(_page("<p>Council member Tom Lee said the plan was <q>a win for every rider in this "
                               "city</q> and thanked the mayor for her support.</p>"))
    assert ("Council member Tom Lee said the plan was “a win for every rider in this city” and thanked the mayor "
            "for her support.") in [article.text[p.start:p.end] for p in article.paragraphs]


@pytest.mark.parametrize("folder", FIXTURE_DIRS, ids=[p.name for p in FIXTURE_DIRS])
def test_saved_pages_keep_every_gold_quote(folder):
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    article = clean_html((folder / "source.html").read_bytes(), url=expected["url"])
    text = _tokens(article.text)
    missing = [q["text"] for q in expected["quotes"] if _tokens(q["text"]) not in text]
    assert missing == []
    assert "\n\n".join(article.text[s.start:s.end] for s in article.paragraphs) == article.text


# -- clean_html: decoding ----------------------------------------------------------------------
ARTICLE_CP1252 = ("<p>“Ce n’est pas acceptable,” a déclaré Jean-Marc Ayrault, le ministre français des "
                  "Affaires étrangères, lors d’une conférence de presse à Paris jeudi après-midi.</p>") * 3


@pytest.mark.parametrize("head, encoding", [
    ("<meta charset='windows-1252'>", None),
    ("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>", None),
    ("", None),  # no declaration: UTF-8 fails, cp1252 fallback
    ("", "cp1252"),  # charset from the HTTP header
])
def test_non_utf8_pages(head, encoding):
    data = f"<html><head>{head}<title>t</title></head><body><article>{ARTICLE_CP1252}</article></body></html>"
    article = clean_html(data.encode("cp1252"), encoding=encoding)
    assert "“Ce n’est pas acceptable,” a déclaré Jean-Marc Ayrault" in article.text


def test_utf16_page_with_bom():
    data = f"<html><head><title>t</title></head><body><article>{ARTICLE_CP1252}</article></body></html>"
    article = clean_html(data.encode("utf-16"))
    assert "a déclaré Jean-Marc Ayrault" in article.text


def test_mislabelled_utf8_page_is_read_as_utf8():
    data = f"<html><head><meta charset='iso-8859-1'></head><body>{ARTICLE_CP1252}</body></html>"
    assert "déclaré" in decode_page(data.encode("utf-8"))


def test_mojibake_is_repaired():
    # What a reader that takes UTF-8 bytes for cp1252 makes of them (undefined bytes kept as is).
    broken = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                     for b in ARTICLE_CP1252.encode("utf-8"))
    assert "â€œ" in broken
    assert repair_mojibake(broken) == ARTICLE_CP1252
    assert repair_mojibake("Café Â® only once") == "Café Â® only once"  # one stray run: left alone


# -- clean_html: bad input ----------------------------------------------------------------------
def test_twenty_megabyte_page_is_refused_before_parsing():
    huge = b"<html><body>" + b"<p>word word word word</p>" * (20_000_000 // 26) + b"</body></html>"
    with pytest.raises(InputTooLarge, match="limit"):
        clean_html(huge)
    with pytest.raises(InputTooLarge):
        clean_html(huge.decode("ascii"))


def test_size_limit_comes_from_config():
    with pytest.raises(InputTooLarge):
        clean_html(DEMO_PAGE_TEXT, config=Config(max_page_bytes=1000))


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
    b"PK\x03\x04" + bytes(200) + b"junk",
    bytes(range(32)) * 100,
    "text with \x00 NUL characters inside <p>hello</p>",
])
def test_binary_junk(data):
    with pytest.raises(BadInput):
        clean_html(data)


@pytest.mark.parametrize("data", [b"", "   \n ", "<html></html>", "<html><body><p>Hi.</p></body></html>"])
def test_empty_page(data):
    with pytest.raises(NotAnArticle):
        clean_html(data)


NAV_ONLY = ("<html><body><header><nav><ul>" + "".join(
    f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in
    ["News", "Middle East", "Gulf", "World", "Business", "Sports", "Life & Style", "Views", "Videos"])
    + "</ul></nav></header><footer><a href='/about'>About Us</a> <a href='/privacy'>Privacy Policy</a>"
    "</footer></body></html>")
LOGIN = ("<html><head><title>Sign in</title></head><body><form><h1>Sign in</h1><label>Email address</label>"
         "<input name='email'><label>Password</label><input type='password'><button>Log in</button>"
         "<a href='/forgot'>Forgot your password?</a><p>Don't have an account? Register</p></form></body></html>")


@pytest.mark.parametrize("page", [NAV_ONLY, LOGIN], ids=["nav-only", "login"])
def test_page_without_article(page):
    with pytest.raises(NotAnArticle, match="no article body"):
        clean_html(page, url="https://example.com/page")


def test_wrong_type():
    with pytest.raises(BadInput):
        clean_html(12345)


# -- metadata ------------------------------------------------------------------------------------
@pytest.mark.parametrize("title, sitename, url, expected", [
    ("What is Cloud Computing? | Google Cloud", "Google Cloud", None, "What is Cloud Computing?"),
    ("Best Long-Distance & Cross-Country Movers 2026 | Move.org", "Move.org", None,
     "Best Long-Distance & Cross-Country Movers 2026"),
    ("Event Management Process: 7 Steps To Planning An Event | Accruent", "accruent.com", None,
     "Event Management Process: 7 Steps To Planning An Event"),
    ("Top Fitness Equipment Trends for Campus Recreation in 2025 - advantagefitness.com", None,
     "https://www.advantagefitness.com/blog/x", "Top Fitness Equipment Trends for Campus Recreation in 2025"),
    ("Best Moving Companies in New York (2025) – Top Local & Long-Distance Movers - Freightwaves Checkpoint",
     "Freightwaves Checkpoint", None, "Best Moving Companies in New York (2025) – Top Local & Long-Distance Movers"),
    ("Al Arabiya English | Russia wants to work with US over Syria gas probe", "Al Arabiya English", None,
     "Russia wants to work with US over Syria gas probe"),
    # a dash that is part of the headline stays
    ("US: Assad must be held accountable - White House", "Al Arabiya English", None,
     "US: Assad must be held accountable - White House"),
    ("   ", "Site", None, None),
])
def test_clean_title(title, sitename, url, expected):
    from quotelens.clean.extract import clean_title

    assert clean_title(title, sitename, url) == expected


@pytest.mark.parametrize("author, expected", [
    ("Dylan Bailey; MS; RD; FAND", "Dylan Bailey"),
    ("Maria; Katerina", "Maria, Katerina"),
    ("Shannon Williams", "Shannon Williams"),
    (None, None),
])
def test_clean_byline(author, expected):
    from quotelens.clean.extract import clean_byline

    assert clean_byline(author) == expected
