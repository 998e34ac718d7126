"""Placement measurement for the browser extension (the target: >= 98% of the service's quotes placed
in the live page, none at other text): used by test_extension_service.py, and a command of its own
over a JSONL(.gz) of saved pages:

    python tests/browser/placement.py "$QUOTELENS_EVAL/pages/pages-dev.input.jsonl.gz"
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from _ext_helpers import Browser, _Quiet, cleanup, highlight_ranges, page_state, real_service, similar, squash


def attribute_like_the_extension(service_url: str, page: Any) -> dict[str, Any]:
    """What the service answers for the page as the content script sends it (the cache makes this
    the same answer; the data-quotelens attributes on <html> do not change the cleaned text)."""
    html = "<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML")
    body = {"html": html, "url": page.url, "source": "dom"}  # as background.js sends it
    req = urllib.request.Request(service_url + "/api/v1/attribute", method="POST",
                                 data=json.dumps(body).encode("utf-8"),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def check_page(browser: Browser, service_url: str, url: str, timeout: float = 60000) -> dict[str, int]:
    """Open one page with the extension pointed at the service; count quotes placed, unplaced, and
    placed at other text: a highlighted range that is not (>= 0.9 alike) the words of a placed
    quote, or, for words the reader sees more than once, one not after the selector's prefix."""
    page = browser.context.new_page()
    try:
        page.goto(url, wait_until="domcontentloaded")
        # polled from here: wait_for_function needs the page's own scripts, which may be off
        deadline = time.monotonic() + timeout / 1000
        while page_state(page).get("quotelens") not in ("done", "error", "off", "idle"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"stuck: {page_state(page)} at {page.url}")
            time.sleep(0.2)
        state = page_state(page)
        if state.get("quotelens") != "done":
            return {"quotes": 0, "placed": 0, "wrong": 0, "repeated": 0, "error": 1}
        _, report = browser.tab_report(page.url)
        placed, unplaced = int(state["quotelensPlaced"]), int(state["quotelensUnplaced"])
        parts = [squash(t) for q in report["quotes"] if q["placed"] for t in q["parts"]]
        ranges = highlight_ranges(page)
        wrong = 0
        for r in ranges:
            got = squash(r["text"])
            best = max(parts, key=lambda p: similar(p, got), default=None)
            if best is None or similar(best, got) < 0.9:
                wrong += 1
            else:
                parts.remove(best)
        result = attribute_like_the_extension(service_url, page)
        prefixes: dict[str, list[str]] = {}
        for q in result["quotes"]:
            for c in q["contents"]:
                prefixes.setdefault(squash(c["selector"]["exact"]), []).append(squash(c["selector"]["prefix"]))
        body = squash(page.evaluate("document.body.innerText"))
        repeated = 0
        for r in ranges:
            words = squash(r["text"])
            if body.count(words) > 1 and words in prefixes:
                repeated += 1
                if not any(squash(r["before"]).endswith(p[-6:]) for p in prefixes[words]):
                    wrong += 1
        return {"quotes": placed + unplaced, "placed": placed, "wrong": wrong, "repeated": repeated, "error": 0}
    finally:
        page.close()


def measure_placement(browser: Browser, service_url: str, pages: list[tuple[str, str]]) -> tuple[dict[str, int], str]:
    """Check every (name, url); returns the totals and a readable per-page summary."""
    browser.clear_settings()
    browser.set_settings(serviceUrl=service_url)
    totals = {"quotes": 0, "placed": 0, "wrong": 0, "repeated": 0, "error": 0}
    lines = []
    for name, url in pages:
        try:
            got = check_page(browser, service_url, url)
        except Exception as e:  # a page that never finishes counts as one without a result
            print(f"{name}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
            got = {"quotes": 0, "placed": 0, "wrong": 0, "repeated": 0, "error": 1}
        for k in totals:
            totals[k] += got[k]
        lines.append(f"{name}: {got['placed']}/{got['quotes']} placed, {got['wrong']} at other text"
                     + (" (no result)" if got["error"] else ""))
        print(lines[-1], file=sys.stderr)
    lines.append(f"total: {totals['placed']}/{totals['quotes']} placed, {totals['wrong']} at other text "
                 f"({totals['repeated']} placed quotes had words repeated in the page); {totals['error']} pages without a result")
    return totals, "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Measure placement on pages from a JSONL(.gz) of {"id", "url", "html"} (e.g. the WCXB
    pages-dev input) with the real service: python tests/browser/placement.py PAGES.jsonl.gz"""
    import argparse
    import gzip
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("pages", type=Path)
    args = parser.parse_args(argv)
    opener = gzip.open if args.pages.suffix == ".gz" else open
    tmp = Path(tempfile.mkdtemp(prefix="ql-pages-"))
    names = []
    with opener(args.pages, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            name = re.sub(r"[^A-Za-z0-9-]+", "-", row["id"])
            (tmp / name).mkdir()
            (tmp / name / "source.html").write_text(row["html"], encoding="utf-8")
            names.append(name)
    handler = functools.partial(_Quiet, directory=str(tmp))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    from playwright.sync_api import sync_playwright

    try:
        with real_service() as url, sync_playwright() as p:
            base = f"http://127.0.0.1:{srv.server_address[1]}"
            browser = Browser(p, tmp / "profile")
            try:
                totals, summary = measure_placement(browser, url, [(n, f"{base}/{n}/source.html") for n in names])
            finally:
                browser.close()
            print("With the pages' own scripts running:\n" + summary)
            failed = [line.split(":")[0] for line in summary.splitlines() if line.endswith("(no result)")]
            if failed:
                # Some saved pages blank themselves or leave when not on their own site; measure those
                # with the pages' scripts off (the extension's content script still runs).
                browser = Browser(p, tmp / "profile-nojs", javascript=False)
                try:
                    _, again = measure_placement(browser, url, [(n, f"{base}/{n}/source.html") for n in failed])
                finally:
                    browser.close()
                print("\nPages without a result, again with their own scripts off:\n" + again)
    finally:
        srv.shutdown()
        cleanup(tmp)


if __name__ == "__main__":
    main()
