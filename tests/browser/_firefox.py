"""Real Firefox for the extension's end-to-end tests (tests/browser/test_firefox.py).

Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core (npm, pinned in
package-lock.json, no browser download) through ``firefox_driver.mjs``: Python writes a JSON job,
node answers JSON. BiDi cannot open ``moz-extension://`` pages, so the extension cannot be told
its service URL through its options page or its storage; each run installs a *test build*
instead: a copy of ``extension/`` in a temporary folder whose ``lib/config.js`` default service
URL points at the test's server (``extension_build``). Nothing else in the copy changes.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from _ext_helpers import EXTENSION, ROOT, free_port

FIREFOX = "/usr/bin/firefox-esr"
DRIVER = Path(__file__).with_name("firefox_driver.mjs")
PUPPETEER = ROOT / "node_modules" / "puppeteer-core" / "package.json"
_DEFAULT_URL = re.compile(r"serviceUrl: `http://127\.0\.0\.1:\$\{DEFAULT_PORT\}`,")


def missing_firefox() -> str | None:
    """Why the Firefox tests cannot run here, or None."""
    if not Path(FIREFOX).exists():
        return f"{FIREFOX} not found (apt-get install -y firefox-esr)"
    if shutil.which("node") is None:
        return "node is not installed (the Firefox driver is a node script)"
    if not PUPPETEER.exists():
        return "node_modules/puppeteer-core is missing (npm ci)"
    return None


def extension_build(folder: Path, service_url: str) -> Path:
    """A copy of the extension whose default service URL is `service_url` (see the module doc)."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(EXTENSION, folder, ignore=shutil.ignore_patterns("test", "tools"))
    config = folder / "lib" / "config.js"
    text, n = _DEFAULT_URL.subn(f"serviceUrl: {json.dumps(service_url)},", config.read_text(encoding="utf-8"))
    if n != 1:
        raise RuntimeError("lib/config.js no longer spells the default service URL as extension_build expects")
    config.write_text(text, encoding="utf-8")
    return folder


def run(extension: Path, pages: list[dict[str, Any]], timeout: float = 600, width: int = 1280,
        height: int = 900) -> dict[str, Any]:
    """One Firefox with the extension installed; visit `pages` (see firefox_driver.mjs) in order."""
    job = {"extension": str(extension), "firefox": FIREFOX, "dead_port": free_port(), "pages": pages,
           "width": width, "height": height}
    proc = subprocess.run(["node", str(DRIVER)], input=json.dumps(job), capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"firefox_driver.mjs failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
