"""The browser extension in real Firefox (Debian's firefox-esr over WebDriver BiDi; `pytest -m firefox`).

Chromium content scripts have no Xray wrappers, so no Chromium test catches the bugs that only
Firefox has (iterating `CSS.highlights` threw there and every page ended in
`data-quotelens="error"`). These tests load the same saved pages as test_extension.py into
Firefox with the extension installed as a temporary add-on (a test build whose default service
URL is the test's server: _firefox.extension_build) and read the extension's verdict from the
`data-quotelens*` attributes, its highlights from `CSS.highlights`, and the hover card from its
closed shadow root (BiDi serialises it; the page still cannot read it).

Tiers: recorded answers (gold quotes, no model) and the real service (`-m model`), as in
test_extension.py, plus one test that runs the same pages in Chromium and Firefox and compares
which quotes each placed. Timings go to artifacts/browser/firefox.txt.
"""
from __future__ import annotations

import time

import pytest

import _firefox as fx
from _ext_helpers import ARTIFACTS, ROOT, expected, free_port, page_server_for, slugs, squash

SLUGS = slugs()
WHY_NOT = fx.missing_firefox()
pytestmark = [pytest.mark.firefox, pytest.mark.browser,
              pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")]
DEMO = ROOT / "toolkit" / "data" / "demo"
SPLIT = "wcxb-0050-veranda-hosting-trends"  # nearly every quote split in two around its cue


def _log(line: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / "firefox.txt", "a", encoding="utf-8") as f:
        f.write(line + "\n")
    print(line)


def _run(tmp_path, service_url: str, pages: list[dict], name: str) -> dict:
    t = time.monotonic()
    out = fx.run(fx.extension_build(tmp_path / "ext", service_url), pages)
    _log(f"{name}: {out['version']}, {len(pages)} page(s) in {time.monotonic() - t:.1f} s "
         f"(launch {out['launch_ms']} ms, install {out['install_ms']} ms, pages "
         + ", ".join(f"{p.get('ms', '?')} ms" for p in out["pages"]) + ")")
    for p in out["pages"]:
        assert "failed" not in p, p["failed"]
    return out


def _gold(slug):
    return sorted(expected(slug)["quotes"], key=lambda q: q["start"])


# ---- recorded answers (no model) ----------------------------------------------------------------

# (the `pages` and `recorded` fixtures are in conftest.py, shared with the other browser)

@pytest.fixture(scope="module")
def recorded_run(tmp_path_factory, recorded, pages):
    """One Firefox over every saved page; the hover card tried on the first page's quotes."""
    jobs = [{"url": f"{pages}/{slug}/source.html", "hover": 4 if i == 0 else 0, "escape": i == 0}
            for i, slug in enumerate(SLUGS)]
    out = _run(tmp_path_factory.mktemp("ff-recorded"), recorded.url, jobs, "recorded pages")
    return dict(zip(SLUGS, out["pages"]))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_gold_quote_is_highlighted_in_firefox(recorded_run, recorded, slug):
    got = recorded_run[slug]
    gold = _gold(slug)
    assert got["verdict"] == "done", got["state"]
    assert (int(got["state"]["quotelensPlaced"]), int(got["state"]["quotelensUnplaced"])) == (len(gold), 0)
    assert sorted(squash(r["text"]) for r in got["ranges"]) == sorted(squash(q["text"]) for q in gold)
    sent = [r for r in recorded.requests if slug in (r["url"] or "")]
    assert sent and all(r["origin"].startswith("moz-extension://") for r in sent)


def test_hover_card_in_firefox_names_the_speaker_and_closes_on_escape(recorded_run):
    got = recorded_run[SLUGS[0]]
    gold = {squash(q["text"]): q for q in _gold(SLUGS[0])}
    assert len(got["hovers"]) == 4
    for h in got["hovers"]:
        q = gold[squash(h["range"])]
        card = h["card"]
        assert card["shown"] and card["mode"] == "closed", card
        assert q["speaker"] in card["text"] and "confidence 90%" in card["text"]
        if q.get("role"):
            assert q["role"] in card["text"]
    assert got["after_escape"]["shown"] is False


def test_service_down_in_firefox_names_the_command(tmp_path, pages):
    port = free_port()  # nothing listens here
    out = _run(tmp_path, f"http://127.0.0.1:{port}", [{"url": f"{pages}/{SLUGS[0]}/source.html"}], "service down")
    got = out["pages"][0]
    assert got["verdict"] == "error"
    assert got["state"].get("quotelensError") == "service_down", got["state"]
    assert got["ranges"] == []


# ---- the real service -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, service):
    with page_server_for(DEMO) as base:
        job = {"url": f"{base}/alarabiya-syria-chemical-2016.html", "timeout": 120000, "hover": 30,
               "prepare": "document.querySelector('.cookie-banner')?.remove()"}
        return _run(tmp_path_factory.mktemp("ff-demo"), service, [job], "demo page")["pages"][0]


@pytest.mark.model
def test_demo_page_in_firefox_places_every_quote_and_names_its_speakers(demo_run):
    state = demo_run["state"]
    assert demo_run["verdict"] == "done", state
    assert int(state["quotelensPlaced"]) >= 13 and state["quotelensUnplaced"] == "0", state
    assert len(demo_run["hovers"]) == len(demo_run["ranges"])
    cards = {squash(h["range"])[:30]: h["card"]["text"] for h in demo_run["hovers"]}
    for words, name in [("It is now impossible to deny", "Ned Price"), ("We have a joint interest", "Vitaly Churkin"),
                        ("France calls for a response", "Jean-Marc Ayrault")]:
        hit = [text for key, text in cards.items() if key.startswith(squash(words)[:30])]
        assert hit and name in hit[0], (words, hit)


@pytest.mark.model
def test_hover_card_does_not_cover_its_quotes_sentence_in_firefox(demo_run):
    """Bounding boxes: the card against every line of the quote's sentence ('…,” Price said.')."""
    covering = [(h["range"][:50], h["card"]["rect"]) for h in demo_run["hovers"] if h["covers"]]
    assert all(h["card"]["shown"] for h in demo_run["hovers"])
    assert covering == []


@pytest.mark.model
def test_split_quotes_and_an_embedded_post_in_firefox(tmp_path, service, pages):
    from test_extension_service import EMBEDDED_POST_PAGE

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "post.html").write_text(EMBEDDED_POST_PAGE, encoding="utf-8")
    with page_server_for(tmp_path / "site") as base:
        out = _run(tmp_path, service, [{"url": f"{pages}/{SPLIT}/source.html", "timeout": 120000},
                                       {"url": f"{base}/post.html", "timeout": 120000, "hover": 3}], "split + post")
    split, post = out["pages"]
    assert split["verdict"] == "done", split["state"]
    placed, unplaced = int(split["state"]["quotelensPlaced"]), int(split["state"]["quotelensUnplaced"])
    assert placed >= 0.98 * (placed + unplaced)
    # both halves of a split quote are highlighted, in their one speaker's colour
    halves = [r for r in split["ranges"] if squash(r["text"]) in (
        squash("This year, it’s less about showing off and more about creating a sense of ease,"),
        squash("The best events feel intentional, beautiful, and personal."))]
    assert len(halves) == 2 and halves[0]["name"] == halves[1]["name"], halves
    assert post["verdict"] == "done" and post["state"]["quotelensUnplaced"] == "0", post["state"]
    tweet = [h for h in post["hovers"] if squash(h["range"]).startswith(squash("Tonight the council chose"))]
    assert len(tweet) == 1 and squash(tweet[0]["range"]).endswith(squash("pic.twitter.com/x"))
    assert "Maria Ortiz" in tweet[0]["card"]["text"]


@pytest.mark.model
def test_same_quotes_placed_in_chromium_and_firefox(tmp_path, service, pages):
    """The saved pages and the demo page, real service, both browsers: >= 98% placed in each, and
    the same quotes (by their highlighted words) placed in both."""
    from _ext_helpers import missing_browser

    if missing_browser():
        pytest.skip(f"Chromium side: {missing_browser()}")
    with page_server_for(DEMO) as demo:
        urls = {slug: f"{pages}/{slug}/source.html" for slug in SLUGS}
        urls["demo"] = f"{demo}/alarabiya-syria-chemical-2016.html"
        firefox = dict(zip(urls, _run(tmp_path, service, [{"url": u, "timeout": 120000} for u in urls.values()],
                                      "placement, Firefox")["pages"]))
        chromium = _chromium_placed(tmp_path / "chromium", service, urls)
    rows, totals = [], {"firefox": [0, 0], "chromium": [0, 0]}
    for slug in urls:
        ff, ch = firefox[slug], chromium[slug]
        ff_counts = (int(ff["state"].get("quotelensPlaced", 0)), int(ff["state"].get("quotelensUnplaced", 0)))
        for name, (p, u) in (("firefox", ff_counts), ("chromium", ch["counts"])):
            totals[name][0] += p
            totals[name][1] += p + u
        rows.append(f"{slug}: Chromium {ch['counts'][0]}/{sum(ch['counts'])}, Firefox {ff_counts[0]}/{sum(ff_counts)}")
        assert sorted(squash(r["text"]) for r in ff["ranges"]) == ch["words"], slug
    rows.append(f"total: Chromium {totals['chromium'][0]}/{totals['chromium'][1]}, "
                f"Firefox {totals['firefox'][0]}/{totals['firefox'][1]}")
    _log("\n".join(rows))
    for placed, quotes in totals.values():
        assert quotes > 0 and placed >= 0.98 * quotes


def _chromium_placed(profile, service_url: str, urls: dict[str, str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    from _ext_helpers import Browser, highlight_ranges, page_state

    out = {}
    with sync_playwright() as p:
        browser = Browser(p, profile)
        try:
            browser.set_settings(serviceUrl=service_url)
            for slug, url in urls.items():
                page = browser.open(url, timeout=120000)
                try:
                    state = page_state(page)
                    out[slug] = {"counts": (int(state.get("quotelensPlaced", 0)), int(state.get("quotelensUnplaced", 0))),
                                 "words": sorted(squash(r["text"]) for r in highlight_ranges(page))}
                finally:
                    page.close()
        finally:
            browser.close()
    return out



@pytest.mark.model
def test_a_page_firefox_mis_decodes_and_a_q_quote_have_every_quote_placed(tmp_path, service):
    """The saved pages labelled latin-1 (Firefox shows their UTF-8 as mojibake) and the <q> page of
    test_what_the_page_shows.py: every quote the service returns is placed (the extension sends
    its DOM as source "dom", so the selectors quote what the page shows)."""
    from _ext_helpers import PAGES
    from test_what_the_page_shows import Q_PAGE

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "q.html").write_text(Q_PAGE, encoding="utf-8")
    with page_server_for(PAGES, mis_decoded=True) as latin1, page_server_for(tmp_path / "site") as site:
        urls = [f"{latin1}/{slug}/source.html" for slug in SLUGS] + [f"{site}/q.html"]
        out = _run(tmp_path, service, [{"url": u, "timeout": 120000} for u in urls], "mis-decoded + <q>")
    rows, placed, quotes = [], 0, 0
    for url, got in zip(urls, out["pages"]):
        assert got["verdict"] == "done", (url, got["state"])
        p, u = int(got["state"]["quotelensPlaced"]), int(got["state"]["quotelensUnplaced"])
        rows.append(f"{url.split('/', 3)[-1]}: {p}/{p + u} placed")
        placed, quotes = placed + p, quotes + p + u
    rows.append(f"total: {placed}/{quotes} placed")
    _log("Firefox, mis-decoded pages and <q>:\n" + "\n".join(rows))
    assert quotes > 0 and placed == quotes, rows
    shown = [r["text"] for got in out["pages"][:-1] for r in got["ranges"]]
    assert any("â€" in text for text in shown), "the highlights cover the mojibake the page shows"
    assert "a win" in [r["text"] for r in out["pages"][-1]["ranges"]]
