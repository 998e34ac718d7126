"""The browser extension (extension/), end to end in real headless Chromium, without the model.

- no browser: the service URL's port equals quotelens.server.DEFAULT_PORT; `node --test extension/test/`.
- browser (Chromium + Playwright): saved real pages (tests/fixtures/pages, WCXB CC-BY-4.0) served from
  127.0.0.1, the extension loaded unpacked, answers recorded from each page's gold quotes (contract v1):
  every gold quote highlighted at its own words, the hover card, the side panel, the service-down
  message, settings, page changes and the fallback. With the real service: test_extension_service.py.
Screenshots go to artifacts/browser/ (gitignored)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from _ext_helpers import (EXTENSION, ROOT, closed_shadow_text, expected, highlight_ranges, missing_browser,
                          page_state, screenshot, slugs, squash)

SLUGS = slugs()
WHY_NO_BROWSER = missing_browser()
needs_browser = pytest.mark.skipif(WHY_NO_BROWSER is not None, reason=WHY_NO_BROWSER or "")


# ---- no browser needed ---------------------------------------------------------------------------

def test_service_url_default_uses_the_service_default_port():
    from quotelens.server import DEFAULT_PORT

    config = (EXTENSION / "lib" / "config.js").read_text(encoding="utf-8")
    port = re.search(r"const DEFAULT_PORT = (\d+);", config)
    assert port and int(port.group(1)) == DEFAULT_PORT
    assert "serviceUrl: `http://127.0.0.1:${DEFAULT_PORT}`" in config
    # the one place: no other extension file spells the port
    others = [p for p in EXTENSION.rglob("*.js") if "test" not in p.parts and p.name != "config.js"
              and str(DEFAULT_PORT) in p.read_text(encoding="utf-8")]
    assert others == []


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (Node 20 runs extension/test/)")
def test_node_unit_tests_pass():
    run = subprocess.run(["node", "--test", "extension/test/"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert re.search(r"^# fail 0$", run.stdout, re.M)


@pytest.mark.skipif(not (ROOT / "node_modules" / "typescript" / "bin" / "tsc").exists() or shutil.which("node") is None,
                    reason="TypeScript is not installed (npm ci) or node is missing")
def test_extension_type_checks():
    """Every extension script is // @ts-check; tsc checks them all without emitting anything."""
    run = subprocess.run(["node", "node_modules/typescript/bin/tsc", "-p", "extension/jsconfig.json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout[-3000:]


# ---- browser, recorded answers ---------------------------------------------------------------------

# (the `browser`, `pages` and `recorded` fixtures are in conftest.py, shared with the other browser tests)

@pytest.fixture()
def recorded_browser(browser, recorded):
    browser.clear_settings()
    browser.set_settings(serviceUrl=recorded.url)
    return browser


def _gold(slug):
    return sorted(expected(slug)["quotes"], key=lambda q: q["start"])


@needs_browser
@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_every_gold_quote_is_highlighted_at_its_words(recorded_browser, recorded, pages, slug):
    page = recorded_browser.open(f"{pages}/{slug}/source.html")
    try:
        state = page_state(page)
        gold = _gold(slug)
        assert state["quotelens"] == "done", state
        assert (int(state["quotelensPlaced"]), int(state["quotelensUnplaced"])) == (len(gold), 0)
        ranges = highlight_ranges(page)
        assert len(ranges) == len(gold)
        assert all(r["name"].startswith("quotelens-c") for r in ranges)
        # each range covers exactly one gold quote's words (in the page's own characters) ...
        want = sorted(squash(q["text"]) for q in gold)
        assert sorted(squash(r["text"]) for r in ranges) == want
        # ... at the right occurrence: words that occur more than once in the page must sit after
        # the same words as in the gold text (the last few characters of the gold prefix)
        text = expected(slug)["text"]
        body = squash(page.evaluate("document.body.innerText"))
        prefixes = {}
        for q in gold:
            prefixes.setdefault(squash(q["text"]), []).append(squash(text[max(0, q["start"] - 40):q["start"]]))
        repeated = 0
        for r in ranges:
            words = squash(r["text"])
            if body.count(words) > 1:
                repeated += 1
                assert any(squash(r["before"]).endswith(p[-6:]) for p in prefixes[words]), \
                    (r["text"][:60], r["before"], prefixes[words])
        # the page itself was not changed: no marks were wrapped (the Highlight API is used)
        assert page.evaluate("document.querySelectorAll('mark.quotelens-mark').length") == 0
        # the service got the page from the extension's origin, never from the page
        sent = [r for r in recorded.requests if slug in (r["url"] or "")]
        assert sent and all(r["origin"].startswith("chrome-extension://") for r in sent)
        screenshot(page, f"recorded-{slug}")
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_hover_card_names_the_speaker_and_role(recorded_browser, pages):
    slug = "wcxb-0480-itbrief-ai-projects" if "wcxb-0480-itbrief-ai-projects" in SLUGS else SLUGS[0]
    page = recorded_browser.open(f"{pages}/{slug}/source.html")
    try:
        gold = {squash(q["text"]): q for q in _gold(slug)}
        checked = 0
        for r in highlight_ranges(page)[:4]:
            q = gold[squash(r["text"])]
            page.evaluate("y => window.scrollTo(0, y - 200)", r["rect"]["y"])
            y = page.evaluate("() => scrollY")
            x0, y0 = r["rect"]["x"] + 5, r["rect"]["y"] - y + min(6, r["rect"]["h"] / 2)
            page.mouse.move(x0, y0)
            page.wait_for_timeout(150)
            card = closed_shadow_text(page)
            assert q["speaker"] in card, (card, q["speaker"])
            if q.get("role"):
                assert q["role"] in card
            assert "confidence 90%" in card
            assert "quotelens-active" in page.evaluate("() => [...CSS.highlights.keys()]")
            checked += 1
        assert checked >= 2
        screenshot(page, f"hover-{slug}")
        # the page cannot reach into the card
        assert page.evaluate("document.querySelector('quotelens-ui').shadowRoot") is None
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_keyboard_step_shows_the_card_focused(recorded_browser, pages):
    slug = SLUGS[0]
    page = recorded_browser.open(f"{pages}/{slug}/source.html")
    try:
        tab, _ = recorded_browser.tab_report(page.url)
        # the "next-quote" command sends exactly this message to the tab
        recorded_browser.worker.evaluate("t => chrome.tabs.sendMessage(t, {type: 'step', delta: 1})", tab)
        page.wait_for_timeout(200)
        first = _gold(slug)[0]
        card = closed_shadow_text(page)
        assert first["speaker"] in card
        assert page.evaluate("document.activeElement && document.activeElement.localName") == "quotelens-ui"
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_side_panel_lists_the_speakers_and_scrolls_to_a_quote(recorded_browser, pages):
    slug = "wcxb-0050-veranda-hosting-trends" if "wcxb-0050-veranda-hosting-trends" in SLUGS else SLUGS[0]
    page = recorded_browser.open(f"{pages}/{slug}/source.html")
    panel = None
    try:
        tab, report = recorded_browser.tab_report(page.url)
        panel = recorded_browser.context.new_page()
        panel.set_viewport_size({"width": 420, "height": 900})
        panel.goto(recorded_browser.ext_url(f"sidepanel/panel.html?tab={tab}"))
        panel.wait_for_selector("section.speaker")
        gold = _gold(slug)
        counts = {}
        for q in gold:
            counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
        shown = {panel.locator(".speaker-name").nth(i).inner_text(): panel.locator(".count").nth(i).inner_text()
                 for i in range(panel.locator("section.speaker").count())}
        assert shown == {name: f"{n} quote{'' if n == 1 else 's'}" for name, n in counts.items()}
        roles = set(panel.locator(".role").all_inner_texts())
        assert {q["role"] for q in gold if q.get("role")} <= roles
        assert panel.locator("#unplaced-section").is_hidden()
        screenshot(panel, f"sidepanel-{slug}")
        # filter by one speaker
        name = max(counts, key=counts.get)
        panel.select_option("#filter", label=f"{name} ({counts[name]})")
        assert panel.locator(".speaker-name").all_inner_texts() == [name]
        # a click scrolls the page to the quote
        before = page.evaluate("scrollY")
        panel.locator("button.quote").last.click()
        page.wait_for_timeout(300)
        assert page.evaluate("scrollY") != before
        assert name in closed_shadow_text(page)
    finally:
        if panel:
            panel.close()
        page.close()


@needs_browser
@pytest.mark.browser
def test_service_down_message_names_the_command(browser, pages):
    from _ext_helpers import free_port

    port = free_port()  # nothing listens here
    browser.clear_settings()
    browser.set_settings(serviceUrl=f"http://127.0.0.1:{port}")
    page = browser.open(f"{pages}/{SLUGS[0]}/source.html")
    popup = None
    try:
        state = page_state(page)
        assert (state["quotelens"], state.get("quotelensError")) == ("error", "service_down")
        tab, report = browser.tab_report(page.url)
        assert f"quotelens serve --port {port}" in report["error"]
        popup = browser.context.new_page()
        popup.goto(browser.ext_url(f"popup/popup.html?tab={tab}"))
        problem = popup.locator("#problem")
        problem.wait_for(state="visible")
        assert f"quotelens serve --port {port}" in problem.inner_text()
        assert "not running" in problem.inner_text()
        screenshot(popup, "popup-service-down")
        badge = browser.worker.evaluate("t => chrome.action.getBadgeText({tabId: t})", tab)
        assert badge == "!"
    finally:
        if popup:
            popup.close()
        page.close()


@needs_browser
@pytest.mark.browser
def test_skipped_site_is_not_sent(recorded_browser, recorded, pages):
    recorded_browser.set_settings(serviceUrl=recorded.url, skipSites=["127.0.0.1"])
    n = len(recorded.requests)
    page = recorded_browser.open(f"{pages}/{SLUGS[0]}/source.html")
    try:
        assert page_state(page)["quotelens"] == "off"
        assert len(recorded.requests) == n
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
@pytest.mark.parametrize("header, sent", [("X-Quotelens-Token", ("token", "s3cret")),
                                          ("Authorization", ("authorization", "Bearer s3cret"))])
def test_token_is_sent_in_the_configured_header(recorded_browser, recorded, pages, header, sent):
    recorded_browser.set_settings(serviceUrl=recorded.url, token="s3cret", tokenHeader=header)
    n = len(recorded.requests)
    page = recorded_browser.open(f"{pages}/{SLUGS[0]}/source.html")
    try:
        assert page_state(page)["quotelens"] == "done"
        request = recorded.requests[n]
        assert request[sent[0]] == sent[1]
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_toggle_hides_and_shows_the_highlights(recorded_browser, pages):
    page = recorded_browser.open(f"{pages}/{SLUGS[0]}/source.html")
    try:
        tab, _ = recorded_browser.tab_report(page.url)
        n = len(highlight_ranges(page))
        # what the Alt+Shift+Q command sends
        recorded_browser.worker.evaluate("t => chrome.tabs.sendMessage(t, {type: 'toggle'})", tab)
        assert highlight_ranges(page) == [] and page_state(page)["quotelensVisible"] == "false"
        recorded_browser.worker.evaluate("t => chrome.tabs.sendMessage(t, {type: 'toggle'})", tab)
        assert len(highlight_ranges(page)) == n
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_on_click_mode_waits_for_the_popup_and_the_site_switch_turns_it_off(recorded_browser, recorded, pages):
    recorded_browser.set_settings(serviceUrl=recorded.url, runMode="click")
    n = len(recorded.requests)
    page = recorded_browser.open(f"{pages}/{SLUGS[0]}/source.html")
    popup = None
    try:
        assert page_state(page)["quotelens"] == "idle" and len(recorded.requests) == n
        tab, _ = recorded_browser.tab_report(page.url)
        popup = recorded_browser.context.new_page()
        popup.goto(recorded_browser.ext_url(f"popup/popup.html?tab={tab}"))
        popup.click("#run")
        page.wait_for_function("document.documentElement.dataset.quotelens === 'done'", timeout=10000, polling=100)
        assert len(recorded.requests) == n + 1
        popup.wait_for_function("document.getElementById('summary').textContent.includes('quotes')", polling=100)
        assert popup.inner_text("#summary").startswith(f"{len(_gold(SLUGS[0]))} quotes")
        # switch the site off: highlights go, the host joins the skip list
        assert popup.inner_text("#host") == "127.0.0.1"
        popup.uncheck("#site-on")
        page.wait_for_function("document.documentElement.dataset.quotelens === 'off'", timeout=5000, polling=100)
        assert highlight_ranges(page) == []
        assert recorded_browser.worker.evaluate("() => chrome.storage.sync.get('skipSites')")["skipSites"] == ["127.0.0.1"]
    finally:
        if popup:
            popup.close()
        page.close()


@needs_browser
@pytest.mark.browser
def test_dark_page_gets_the_dark_highlight_variants(recorded_browser, tmp_path):
    from _ext_helpers import PAGES, page_server_for

    slug = SLUGS[0]
    html = (PAGES / slug / "source.html").read_text(encoding="utf-8")
    dark = "<style>html, body { background: #121212 !important; color: #E8E8E8 !important; }</style>"
    (tmp_path / slug).mkdir()
    (tmp_path / slug / "source.html").write_text(html.replace("</head>", dark + "</head>", 1), encoding="utf-8")
    with page_server_for(tmp_path) as base:
        page = recorded_browser.open(f"{base}/{slug}/source.html")
        try:
            assert page_state(page)["quotelensTheme"] == "dark"
            ranges = highlight_ranges(page)
            page.evaluate("y => window.scrollTo(0, y - 200)", ranges[0]["rect"]["y"])
            screenshot(page, f"dark-{slug}")
        finally:
            page.close()


# ---- page changes and the fallback ---------------------------------------------------------------

@needs_browser
@pytest.mark.browser
def test_quotes_are_placed_again_after_the_page_changes(recorded_browser, pages):
    slug = SLUGS[0]
    page = recorded_browser.open(f"{pages}/{slug}/source.html")
    try:
        gold = _gold(slug)
        first = gold[0]["text"]
        # The page re-renders the paragraph of the first quote (new text nodes: old ranges collapse)
        # and adds a teaser paragraph above it.
        page.evaluate("""words => {
          const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes(words));
          p.textContent = p.textContent;
          const teaser = document.createElement('p');
          teaser.textContent = 'Read more: a teaser the page added later.';
          p.before(teaser);
        }""", first[:40])
        page.wait_for_function("""n => {
          const ranges = [...CSS.highlights].filter(([k]) => k.startsWith('quotelens-c')).flatMap(([, h]) => [...h]);
          return ranges.length === n && ranges.every(r => !r.collapsed);
        }""", arg=len(gold), timeout=5000, polling=100)
        assert sorted(squash(r["text"]) for r in highlight_ranges(page)) == sorted(squash(q["text"]) for q in gold)
        assert page_state(page)["quotelensPlaced"] == str(len(gold))
        # The page drops the paragraph: its quotes are now unplaced, counted, never guessed elsewhere.
        removed = squash(page.evaluate("""words => {
          const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes(words));
          p.remove();
          return p.textContent;
        }""", first[:40]))
        gone = [q["text"] for q in gold if squash(q["text"]) in removed]
        assert first in gone
        page.wait_for_function("n => document.documentElement.dataset.quotelensUnplaced === String(n)",
                               arg=len(gone), timeout=5000, polling=100)
        assert page_state(page)["quotelensPlaced"] == str(len(gold) - len(gone))
        _, report = recorded_browser.tab_report(page.url)
        assert sorted(q["parts"][0] for q in report["quotes"] if not q["placed"]) == sorted(gone)
    finally:
        page.close()


@needs_browser
@pytest.mark.browser
def test_fallback_wraps_marks_and_restores_the_page(browser):
    """Where CSS.highlights is missing, quotes are wrapped in <mark class="ql-quote ql-speaker-sN">;
    clear() gives back the page exactly as it was."""
    page = browser.context.new_page()
    try:
        page.set_content("""<article><p>Intro. “We will <em>not</em> back
            down,” said <a href="#">Jane Doe</a>, the mayor.</p><p>“Later,” she added.</p></article>""")
        for name in ("text-map", "fuzzy", "anchor", "palette", "dom-text", "highlight"):
            page.add_script_tag(path=str(EXTENSION / "lib" / f"{name}.js"))
        before = page.evaluate("document.body.innerHTML")
        marks = page.evaluate("""() => {
          const ql = globalThis.quotelens;
          const pageText = ql.domText.readPage(document.body);
          const sels = [{exact: 'We will not back down,', prefix: 'Intro. “', suffix: '” said Jane'},
                        {exact: 'Later,', prefix: 'the mayor.\\n\\n“', suffix: '” she added.'}];
          const painted = sels.map((s, i) => {
            const m = ql.anchor.matchQuote(pageText.map.text, s, null);
            return {quoteId: 'q' + (i + 1), speakerId: 's1', colour: 0, ranges: [ql.domText.rangeFor(pageText, m.start, m.end)]};
          });
          const h = ql.highlight.createHighlighter(document, {forceFallback: true});
          h.paint(painted);
          const out = [...document.querySelectorAll('mark')].map(m => ({cls: m.className, q: m.dataset.quotelensQuote, text: m.textContent}));
          window.__ql_h = h;
          return out;
        }""")
        assert "".join(m["text"] for m in marks if m["q"] == "q1").split() == "We will not back down,".split()
        assert [m["text"] for m in marks if m["q"] == "q2"] == ["Later,"]
        assert all(m["cls"].split()[:3] == ["quotelens-mark", "ql-quote", "quotelens-c0"] and "ql-speaker-s1" in m["cls"]
                   for m in marks)
        page.evaluate("window.__ql_h.clear()")
        assert page.evaluate("document.body.innerHTML") == before
    finally:
        page.close()
