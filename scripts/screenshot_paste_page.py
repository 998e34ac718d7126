"""Make docs/img/service-paste-page.png: the service's paste page with the demo article's HTML pasted in.

Run by a person, never by CI, in the environment of the README's command 2 (playwright comes with
the test extra), with Debian's /usr/bin/chromium:
    python scripts/screenshot_paste_page.py [OUT.png]
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from quotelens.clean import demo_page_path

OUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "service-paste-page.png"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(["quotelens", "serve", "--port", str(port), "--no-parse-helper"])
    try:
        for _ in range(300):  # the model loads before the server answers
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.fill("#ql-input", demo_page_path().read_text(encoding="utf-8"))
            page.click("#ql-submit")
            page.wait_for_selector("#ql-result:not([hidden])", timeout=60_000)
            page.eval_on_selector("#ql-input", "e => { e.scrollTop = 0; e.setSelectionRange(0, 0); }")
            page.wait_for_timeout(500)
            page.screenshot(path=str(out))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(20)
    print(out)


if __name__ == "__main__":
    main()
