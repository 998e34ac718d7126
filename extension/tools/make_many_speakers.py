"""Make docs/img/many-speakers-chromium.png and docs/img/many-speakers-firefox.png: the demo article
(nine speakers) with the real service, the same part of the page in headless Chromium 156 and
Firefox ESR (nine speakers, nine colours).

Run by a person (needs /usr/bin/chromium, /usr/bin/firefox-esr, playwright, npm ci, the spaCy model):
    .venv/bin/python extension/tools/make_many_speakers.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import _firefox as fx  # noqa: E402
from _ext_helpers import Browser, page_server_for, real_service  # noqa: E402

DEMO = ROOT / "toolkit" / "data" / "demo"
OUT = ROOT / "docs" / "img"
# The paragraphs with the most speakers on screen at once.
PREPARE = """(() => {
  document.querySelector('.cookie-banner')?.remove();
  const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes('Jean-Marc Ayrault said'));
  p?.scrollIntoView({block: 'start', behavior: 'instant'});
})()"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="ql-many-"))
    OUT.mkdir(parents=True, exist_ok=True)
    with page_server_for(DEMO) as base, real_service() as url:
        page_url = f"{base}/alarabiya-syria-chemical-2016.html"
        with sync_playwright() as p:
            browser = Browser(p, tmp / "profile")
            try:
                browser.set_settings(serviceUrl=url)
                page = browser.open(page_url)
                page.set_viewport_size({"width": 1000, "height": 900})
                page.evaluate(PREPARE)
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / "many-speakers-chromium.png"))
            finally:
                browser.close()
        out = fx.run(fx.extension_build(tmp / "ext", url),
                     [{"url": page_url, "prepare": PREPARE, "screenshot": str(OUT / "many-speakers-firefox.png")}],
                     width=1000, height=900)
        print(out["version"], out["pages"][0]["state"])


if __name__ == "__main__":
    main()
