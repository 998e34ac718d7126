"""The widget in a real JupyterLab and a real browser.

JupyterLab runs headless on 127.0.0.1 with no token, in a temporary folder holding a copy of
notebooks/01-quickstart.ipynb; headless Chromium (Debian's /usr/bin/chromium, driven by Playwright,
never a downloaded browser) opens it, runs all cells, and checks that the widget shows highlighted
quotes and that clicking one selects its speaker on the Python side: the notebook's Label is set by a
kernel-side observer of ``selected_speaker``, so its text can only change after the round trip.
Then the empty ``QuoteWidget()`` of the last cell gets pasted input: a missing file name shows an
error in the widget, a sentence of text comes back highlighted.

Set QUOTELENS_WIDGET_SCREENSHOT=path.png to save a picture of the widget (docs/img/ uses one).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "01-quickstart.ipynb"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDGET_QUOTES = ".ql-root:not(.ql-static) .ql-quote"  # the live widget, not the static _repr_html_

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]


def _require() -> None:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        pytest.skip("jupyterlab is not installed (pip install jupyterlab)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1 without token, its config and runtime kept in tmp_path."""
    _require()
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(NOTEBOOK, root / NOTEBOOK.name)
    # No "get notified about Jupyter news?" prompt over the notebook, and no news fetched.
    notification = tmp_path / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text('{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "run"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"), JUPYTER_PLATFORM_DIRS="1")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
           "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0", "--IdentityProvider.token=",
           "--ServerApp.password=", f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.expose_app_in_browser=True",
           "--LabApp.extension_manager=readonly", "--allow-root"]
    log = open(tmp_path / "jupyterlab.log", "wb")
    server = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text()[-3000:])
            time.sleep(0.5)
        yield base
    finally:
        # SIGTERM lets the server shut its kernel down; the process group catches anything left.
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait(timeout=10)
        log.close()


def _screenshot(page, root, path: str, height: int = 900) -> None:
    """The top of the widget, for the docs."""
    page.mouse.move(0, 0)
    root.scroll_into_view_if_needed()
    page.evaluate("el => el.scrollIntoView({block: 'start'})", root.element_handle())
    page.wait_for_timeout(400)
    box = root.bounding_box()
    room = page.viewport_size["height"] - box["y"] - 40  # stop above JupyterLab's status bar
    page.screenshot(path=path, clip={"x": box["x"] - 8, "y": box["y"], "width": box["width"] + 16,
                                     "height": min(box["height"] + 8, height, room)})


def test_quickstart_widget_highlights_and_selects_in_jupyterlab(lab):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"{lab}/lab/tree/{NOTEBOOK.name}")
            page.wait_for_function(
                "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                " && window.jupyterapp.shell.currentWidget.sessionContext"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel",
                timeout=90_000)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")

            quotes = page.locator(WIDGET_QUOTES)
            expect(quotes.first).to_be_visible(timeout=180_000)
            assert quotes.count() >= 5
            colours = page.eval_on_selector_all(
                WIDGET_QUOTES, "els => els.map(e => getComputedStyle(e).borderBottomColor)")
            assert len(set(colours)) >= 3, colours  # several speakers, several palette colours
            assert page.locator(".ql-root:not(.ql-static) .ql-legend-item").count() >= 3

            label = page.locator(".ql-selection-label")
            expect(label).to_contain_text("Click a quote", timeout=60_000)
            attributed = page.locator(f"{WIDGET_QUOTES}:not(.ql-speaker-unknown)")
            target = attributed.nth(1)
            name = target.get_attribute("data-speaker-name")
            speaker_id = target.get_attribute("data-speaker-id")
            assert name and speaker_id
            target.scroll_into_view_if_needed()
            target.hover()
            hover = page.locator(".ql-root:not(.ql-static) .ql-hover")
            expect(hover).to_contain_text(name)
            target.click()

            # set by the kernel's observer of selected_speaker, then synced back to the page
            expect(label).to_have_text(f"Selected speaker: {name} ({speaker_id})", timeout=30_000)
            widget_root = page.locator(".ql-root:not(.ql-static)").first
            expect(widget_root).to_have_class(__import__("re").compile(r"\bql-has-selection\b"))
            selected = page.locator(f"{WIDGET_QUOTES}.ql-selected")
            assert selected.count() >= 1
            assert all(s == speaker_id for s in selected.evaluate_all("els => els.map(e => e.dataset.speakerId)"))

            # the empty QuoteWidget() of the last cell: paste text, the kernel attributes it
            paste = page.locator(".ql-root:not(.ql-static)").filter(has=page.locator(".ql-input:not([hidden])")).last
            paste.locator(".ql-input-text").fill("missing-page.html")
            paste.locator(".ql-input-button").click()
            expect(paste.locator(".ql-error")).to_contain_text("no such file", timeout=30_000)
            paste.locator(".ql-input-text").fill(
                "“We will not back down,” said Jane Doe, the mayor of Springfield, on Monday.")
            paste.locator(".ql-input-button").click()
            expect(paste.locator(".ql-quote").first).to_be_visible(timeout=60_000)
            expect(paste.locator(".ql-error")).to_have_text("")

            shot = os.environ.get("QUOTELENS_WIDGET_SCREENSHOT")
            if shot:
                _screenshot(page, widget_root, shot.replace(".png", "-selected.png"))
                target.click()  # a second click clears the selection
                expect(label).to_have_text("No speaker selected.", timeout=30_000)
                _screenshot(page, widget_root, shot)
        finally:
            browser.close()
