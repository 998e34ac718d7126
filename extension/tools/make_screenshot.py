"""Make docs/img/extension-demo.png: the quotelens demo article in headless Chromium with the
extension, the real service, a hover card, and the side panel beside the page.

Run by a person, never by CI, from a checkout in the environment of the README's command 2
(`pip install -e ".[test]"`: playwright, Pillow via matplotlib, the spaCy model) with Debian's
/usr/bin/chromium:
    python extension/tools/make_screenshot.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from _ext_helpers import Browser, page_server_for, real_service  # noqa: E402

DEMO = ROOT / "toolkit" / "data" / "demo"
OUT = ROOT / "docs" / "img" / "extension-demo.png"


def main() -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="ql-shot-"))
    with page_server_for(DEMO) as base, real_service() as url, sync_playwright() as p:
        browser = Browser(p, tmp / "profile")
        try:
            browser.set_settings(serviceUrl=url)
            page = browser.open(f"{base}/alarabiya-syria-chemical-2016.html")
            page.set_viewport_size({"width": 960, "height": 820})
            page.evaluate("document.querySelector('.cookie-banner')?.remove()")
            target = page.evaluate("""() => {
              const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes('It is now impossible'));
              p.scrollIntoView({block: 'center'});
              const r = document.createRange();
              r.selectNodeContents(p);
              const rect = r.getClientRects()[0];
              return {x: rect.x + 60, y: rect.y + 4};
            }""")
            page.evaluate("window.scrollBy(0, -150)")
            target["y"] += 150
            page.mouse.move(target["x"], target["y"])
            page.wait_for_timeout(300)
            page.screenshot(path=str(tmp / "page.png"))
            tab, _ = browser.tab_report(page.url)
            panel = browser.context.new_page()
            panel.set_viewport_size({"width": 360, "height": 820})
            panel.goto(browser.ext_url(f"sidepanel/panel.html?tab={tab}"))
            panel.wait_for_selector("section.speaker")
            panel.screenshot(path=str(tmp / "panel.png"))
        finally:
            browser.close()
    left, right = Image.open(tmp / "page.png"), Image.open(tmp / "panel.png")
    out = Image.new("RGB", (left.width + right.width + 1, max(left.height, right.height)), (160, 160, 160))
    out.paste(left, (0, 0))
    out.paste(right, (left.width + 1, 0))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    out.save(OUT, optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()
