"""What the page shows, in real headless Chromium: the extension sends its DOM as ``source: "dom"``,
and the service's selectors quote the text as the browser shows it.

- A page the browser mis-decodes: the saved real pages (tests/fixtures/pages, WCXB CC-BY-4.0) are
  UTF-8, served here with ``Content-Type: text/html; charset=iso-8859-1``, which a browser trusts
  over the page's own ``<meta charset>``: it shows “ as "â€œ". With the real service, every quote
  it returns is placed, none at other text, and it returns as many as for the page served right.
- ``<q>`` elements: the browser draws their marks with CSS; the service writes them into its text.
  A short quote in a ``<q>`` is still placed at its own words.
"""
from __future__ import annotations

import json
import urllib.request

import pytest

from _ext_helpers import (ARTIFACTS, PAGES, RecordedService, highlight_ranges, missing_browser, page_server,
                          page_server_for, page_state, page_with_service, recorded_contract, slugs, squash)
from placement import check_page

SLUGS = slugs()
WHY_NO_BROWSER = missing_browser()
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(WHY_NO_BROWSER is not None, reason=WHY_NO_BROWSER or "")]


def test_the_extension_sends_the_dom_as_such(browser):
    recorded = RecordedService()
    recorded.answers[SLUGS[0]] = recorded_contract(SLUGS[0])
    try:
        browser.clear_settings()
        browser.set_settings(serviceUrl=recorded.url)
        with page_server() as base:
            page = browser.open(f"{base}/{SLUGS[0]}/source.html")
            page.close()
        assert recorded.requests and recorded.requests[-1]["source"] == "dom", recorded.requests
    finally:
        recorded.close()


def _quote_count(service: str, html: str, url: str) -> int:
    req = urllib.request.Request(service + "/api/v1/attribute", method="POST",
                                 data=json.dumps({"html": html, "url": url}).encode("utf-8"),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return len(json.load(r)["quotes"])


@pytest.mark.model
def test_a_page_the_browser_mis_decodes_has_every_quote_placed(browser, service):
    browser.clear_settings()
    browser.set_settings(serviceUrl=service)
    lines, totals = [], {"quotes": 0, "placed": 0, "wrong": 0, "served_right": 0}
    with page_server_for(PAGES, mis_decoded=True) as base:
        for slug in SLUGS:
            url = f"{base}/{slug}/source.html"
            got = check_page(browser, service, url, timeout=120000)
            # the quotes of the same page served as UTF-8 (the file as it is), for comparison
            right = _quote_count(service, (PAGES / slug / "source.html").read_text("utf-8"), url)
            page = browser.context.new_page()
            try:
                page.goto(url, wait_until="domcontentloaded")
                charset, mojibake = page.evaluate(
                    "() => [document.characterSet, /\\u00e2\\u20ac/.test(document.body.textContent)]")
            finally:
                page.close()
            lines.append(f"{slug} ({charset}, mojibake shown: {mojibake}): {got['placed']}/{got['quotes']} "
                         f"placed, {got['wrong']} at other text; served as UTF-8: {right} quotes")
            assert charset == "windows-1252", lines[-1]
            assert not got["error"], lines[-1]
            for k in ("quotes", "placed", "wrong"):
                totals[k] += got[k]
            totals["served_right"] += right
    summary = "\n".join(lines) + (f"\ntotal: {totals['placed']}/{totals['quotes']} placed, {totals['wrong']} at "
                                  f"other text; served as UTF-8: {totals['served_right']} quotes")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "placement-mis-decoded.txt").write_text(summary + "\n", encoding="utf-8")
    print(summary)
    assert sum("mojibake shown: True" in line for line in lines) >= 5, summary  # the pages really show it
    assert totals["quotes"] >= 0.95 * totals["served_right"] > 0, summary  # the quotes are still found
    assert totals["placed"] == totals["quotes"], summary
    assert totals["wrong"] == 0, summary


Q_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council backs the plan</title></head>
<body><header><a href="/">Home</a> <a href="/news">News</a></header><article><h1>Council backs the transit plan</h1>
<p>The city council voted on Tuesday to approve the new transit plan after a debate that lasted well into the night.</p>
<p>Mayor Jane Doe said the plan was <q>a win</q> for every neighbourhood and thanked the council members for their work.</p>
<p>Her rival, council member John Smith, called the vote <q>a mistake we will all pay for</q> and said he would keep
watching the budget closely.</p>
<p>Residents who spoke at the meeting were divided, with some praising the new bus lines and others worried about costs.</p>
</article><footer>Contact us</footer></body></html>"""


@pytest.mark.model
def test_a_short_quote_in_a_q_element_is_placed_at_its_words(browser, service, tmp_path):
    (tmp_path / "q.html").write_text(Q_PAGE, encoding="utf-8")
    with page_with_service(browser, service, tmp_path, "q.html") as page:
        state = page_state(page)
        assert state["quotelens"] == "done", state
        # the marks are drawn, not text: the page's text has the words bare
        assert page.evaluate("document.body.textContent.includes('the plan was a win for')")
        ranges = highlight_ranges(page)
        win = [r for r in ranges if squash(r["text"]) == "awin"]
        assert len(win) == 1 and win[0]["before"].endswith("theplanwas"), ranges
        assert int(state["quotelensPlaced"]) >= 2 and state["quotelensUnplaced"] == "0", state
