"""The paste page at / in headless Chromium, against a real server process (fake pipeline)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ql_process import HERE, free_port, stop, wait_until_up

from quotelens.server.examples import SAMPLE_TEXT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def _require() -> None:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


def _serve(token: str = ""):
    port = free_port()
    env = dict(os.environ, QUOTELENS_TOKEN=token)
    proc = subprocess.Popen([sys.executable, str(HERE / "ql_fakes.py"), str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(proc, port, 20)
    except BaseException:
        stop(proc)
        raise
    return proc, f"http://127.0.0.1:{port}/"


@pytest.fixture
def page_at():
    _require()
    from playwright.sync_api import sync_playwright

    procs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)

        def open_page(token: str = ""):
            proc, url = _serve(token)
            procs.append(proc)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(url)
            return page, errors

        try:
            yield open_page
        finally:
            browser.close()
            for proc in procs:
                stop(proc)


def test_pasted_text_is_highlighted_by_speaker_with_the_speaker_list(page_at):
    from playwright.sync_api import expect

    page, errors = page_at()
    expect(page.locator("#ql-health")).to_contain_text("fake_model")
    page.fill("#ql-input", SAMPLE_TEXT)
    page.click("#ql-submit")
    marks = page.locator("#ql-article mark.ql-quote.ql-speaker-s1")
    expect(marks).to_have_count(2)
    assert marks.nth(0).inner_text() == "We will not back down,"
    assert "ql-color-0" in marks.nth(0).get_attribute("class")
    expect(page.locator("#ql-speakers")).to_contain_text("Jane Doe")
    expect(page.locator("#ql-speakers .ql-role")).to_have_text("mayor of Springfield")
    expect(page.locator("#ql-quotes tbody tr")).to_have_count(2)
    assert page.locator("#ql-article").inner_text() == SAMPLE_TEXT  # the text itself is untouched
    assert errors == []


def test_offsets_after_an_emoji_and_markup_stay_text(page_at):
    from playwright.sync_api import expect

    page, errors = page_at()
    text = "😀 <img src=x onerror=alert(1)> “Hello there,” she said."
    page.fill("#ql-input", text)
    page.click("#ql-submit")
    mark = page.locator("#ql-article mark.ql-quote")
    expect(mark).to_have_count(1)
    assert mark.inner_text() == "Hello there,"  # UTF-16 offsets: the emoji does not shift it
    assert page.locator("#ql-article img").count() == 0  # server strings are text, never markup
    assert page.locator("#ql-article").inner_text() == text
    assert errors == []


def test_page_asks_for_the_token_and_then_works(page_at):
    from playwright.sync_api import expect

    page, _ = page_at(token="page-token")
    expect(page.locator("#ql-token-box")).to_be_visible()
    page.fill("#ql-input", SAMPLE_TEXT)
    page.click("#ql-submit")
    expect(page.locator("#ql-status")).to_contain_text("token")
    page.fill("#ql-token", "page-token")
    page.click("#ql-submit")
    expect(page.locator("#ql-article mark.ql-quote")).to_have_count(2)
