"""Helpers for the browser-extension end-to-end tests (tests/browser/test_extension*.py, test_firefox.py).

Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; Playwright's own
browser download is not used), the unpacked extension loaded with --load-extension, saved
real pages served from 127.0.0.1, and either the real quotelens service on a free port or a
recording of contract-v1 answers (``RecordedService``) built from a page's gold quotes.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = ROOT / "tests" / "fixtures" / "pages"
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900",
    f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}",
]


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright is not installed (pip install playwright; no browser download needed)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slugs() -> list[str]:
    return sorted(p.parent.name for p in PAGES.glob("*/expected.json") if (p.parent / "source.html").exists())


def expected(slug: str) -> dict[str, Any]:
    return json.loads((PAGES / slug / "expected.json").read_text(encoding="utf-8"))


_FOLD = str.maketrans({**dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
                       **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
                       **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")})


def squash(text: str) -> str:
    """The extension's text normalisation (lib/text-map.js): whitespace and invisible format
    characters out, curly quotes and dashes folded to plain ones."""
    kept = "".join(ch for ch in text if not (ch.isspace() or ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
    return kept.translate(_FOLD)


def similar(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


# ---- local HTTP servers -------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep pytest output readable
        pass


@contextmanager
def page_server() -> Iterator[str]:
    """Serve tests/fixtures/pages/ on 127.0.0.1 (each page at /<slug>/source.html)."""
    with page_server_for(PAGES) as base:
        yield base


class _Latin1(_Quiet):
    """Every .html file labelled latin-1 in the HTTP header, which a browser trusts over the
    page's own <meta charset>: a UTF-8 page is shown as mojibake ("â€œ" for “)."""

    def guess_type(self, path: Any) -> str:
        kind = super().guess_type(path)
        return "text/html; charset=iso-8859-1" if kind == "text/html" else kind


@contextmanager
def page_server_for(folder: Path, mis_decoded: bool = False) -> Iterator[str]:
    """Serve a folder on 127.0.0.1, on a free port (``mis_decoded``: HTML labelled latin-1)."""
    handler = functools.partial(_Latin1 if mis_decoded else _Quiet, directory=str(folder))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@contextmanager
def page_with_service(browser: Any, service_url: str, folder: Path, name: str, timeout: float = 120000) -> Iterator[Any]:
    """``folder/name`` served on 127.0.0.1 and open in ``browser``, whose extension talks to
    ``service_url`` (settings cleared first); the page is closed afterwards."""
    browser.clear_settings()
    browser.set_settings(serviceUrl=service_url)
    with page_server_for(folder) as base:
        page = browser.open(f"{base}/{name}", timeout=timeout)
        try:
            yield page
        finally:
            page.close()


def recorded_contract(slug: str) -> dict[str, Any]:
    """Contract v1 JSON for a page's gold quotes, as the service would send it for them
    (article text = the gold cleaned text; selectors from quotelens.serialize)."""
    from quotelens import serialize
    from quotelens.types import Article, Attribution, Quote, Span, Speaker

    gold = expected(slug)
    speakers: dict[str, Speaker] = {}
    quotes = []
    for i, g in enumerate(sorted(gold["quotes"], key=lambda q: q["start"]), 1):
        name = g["speaker"]
        if name not in speakers:
            speakers[name] = Speaker(id=f"s{len(speakers) + 1}", name=name, role=g.get("role"),
                                     type=g.get("speaker_type", "person"))
        quotes.append(Quote(id=f"q{i}", kind=g["kind"], contents=(Span(g["start"], g["end"]),), cue=None,
                            speaker_id=speakers[name].id, mention=None, confidence=0.9))
    att = Attribution(article=Article(text=gold["text"], url=gold.get("url") or None), quotes=tuple(quotes),
                      speakers=tuple(speakers.values()), model="recorded")
    return serialize.to_dict(att)


class RecordedService:
    """A stand-in for the service that answers recorded contract-v1 JSON, keyed by page path.
    It refuses requests without a browser-extension Origin, like the real service, and
    records what it was sent."""

    def __init__(self) -> None:
        self.answers: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._send(200, {"ok": True, "version": "recorded", "model": "recorded", "ready": True})

            def do_POST(self) -> None:
                origin = self.headers.get("Origin", "")
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                outer.requests.append({"origin": origin, "path": self.path, "url": body.get("url"),
                                       "source": body.get("source"),
                                       "html_chars": len(body.get("html") or ""),
                                       "token": self.headers.get("X-Quotelens-Token"),
                                       "authorization": self.headers.get("Authorization")})
                if not origin.startswith(("chrome-extension://", "moz-extension://")):
                    self._send(403, {"ok": False, "status": 403, "code": "origin_refused", "error": origin})
                    return
                for key, answer in outer.answers.items():
                    if key in (body.get("url") or ""):
                        self._send(200, answer)
                        return
                self._send(422, {"ok": False, "status": 422, "code": "not_an_article", "error": "no recording"})

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def real_service(timeout: float = 180.0) -> Iterator[str]:
    """The real service (python -m quotelens.server) on a free port; yields its base URL."""
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "service.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "quotelens.server", "--port", str(port), "--threads", "2"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "QUOTELENS_TOKEN": ""})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the service exited ({proc.returncode}); see {ARTIFACTS / 'service.log'}")
            try:
                with urllib.request.urlopen(url + "/api/v1/health", timeout=2) as r:
                    if json.load(r).get("ready", True):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not start in time")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


# ---- the browser ---------------------------------------------------------------------------------

class Browser:
    """A persistent Chromium context with the extension loaded."""

    def __init__(self, playwright: Any, user_data_dir: Path, javascript: bool = True) -> None:
        # javascript=False turns off the *pages'* scripts (the extension's still run): for saved
        # pages whose own script blanks them when not served from their site.
        self.context = playwright.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
        workers = self.context.service_workers
        worker = workers[0] if workers else self.context.wait_for_event("serviceworker", timeout=15000)
        self.worker = worker
        self.extension_id = worker.url.split("/")[2]
        # Saved pages link to their sites' scripts, fonts and images: nothing leaves 127.0.0.1.
        self.context.route("**/*", self._local_only)

    @staticmethod
    def _local_only(route: Any) -> None:
        request = route.request
        if request.url.startswith(("http://127.0.0.1", "chrome-extension://")):
            route.continue_()
        elif request.is_navigation_request():
            # A saved page's script that sends the tab to its live site: a 204 keeps the tab where
            # it is (an aborted navigation would show Chrome's error page instead).
            route.fulfill(status=204, body="")
        else:
            route.abort()

    def ext_url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    def set_settings(self, **settings: Any) -> None:
        """Write chrome.storage.sync through the extension's own worker."""
        self.worker.evaluate("s => chrome.storage.sync.set(s)", settings)

    def clear_settings(self) -> None:
        self.worker.evaluate("() => chrome.storage.sync.clear()")

    def open(self, url: str, timeout: float = 60000) -> Any:
        page = self.context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_function(
            "['done', 'error', 'off', 'idle'].includes(document.documentElement.dataset.quotelens)",
            timeout=timeout)
        return page

    def tab_report(self, url: str) -> tuple[int, dict[str, Any]]:
        """(tab id, the content script's report) for the tab showing `url`."""
        states = self.worker.evaluate("() => chrome.storage.session.get(null)")
        for key, report in states.items():
            if report and report.get("url") == url:
                return int(key.split(":")[1]), report
        raise AssertionError(f"no report for {url}: {list(states)}")

    def close(self) -> None:
        self.context.close()


def page_state(page: Any) -> dict[str, str]:
    return page.evaluate("() => ({...document.documentElement.dataset})")


def highlight_ranges(page: Any) -> list[dict[str, Any]]:
    """Every range registered in CSS.highlights under a quotelens name: its text, the normalised
    page text just before it, and its first on-screen rectangle (document coordinates)."""
    return page.evaluate("""() => {
      const out = [];
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith('quotelens')) continue;
        for (const r of hl) {
          const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
          const pre = document.createRange();
          pre.setStart(document.body, 0);
          pre.setEnd(r.startContainer, r.startOffset);
          const before = pre.toString().replace(/\\s+/g, '').slice(-40);
          out.push({name, text: r.toString(), before,
                    rect: {x: rect.x + scrollX, y: rect.y + scrollY, w: rect.width, h: rect.height}});
        }
      }
      return out;
    }""")


def closed_shadow_text(page: Any, host_tag: str = "quotelens-ui") -> str:
    """Text inside the closed shadow root of <quotelens-ui>: page scripts cannot read it, the
    DevTools protocol can (DOM.getDocument with pierce)."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})

        def find(node: dict[str, Any]) -> dict[str, Any] | None:
            if node.get("localName") == host_tag:
                return node
            for child in node.get("children", []) + node.get("shadowRoots", []):
                hit = find(child)
                if hit:
                    return hit
            return None

        host = find(doc["root"])
        if not host or not host.get("shadowRoots"):
            return ""
        root = host["shadowRoots"][0]
        assert root.get("shadowRootType") == "closed", root.get("shadowRootType")

        def visible_text(node: dict[str, Any], hidden: bool = False) -> str:
            attrs = node.get("attributes", [])
            if "hidden" in attrs[::2]:
                hidden = True
            if node.get("nodeType") == 3:
                return "" if hidden else node.get("nodeValue", "")
            return " ".join(t for t in (visible_text(c, hidden) for c in node.get("children", [])) if t)

        return visible_text(root)
    finally:
        cdp.detach()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def normalise_name(name: str | None) -> str:
    return unicodedata.normalize("NFC", name or "").strip()


def cleanup(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
