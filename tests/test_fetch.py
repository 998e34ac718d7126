"""fetch_url against a local HTTP server on 127.0.0.1 (tests never use the internet)."""
from __future__ import annotations

import http.server
import threading
import time

import pytest

from quotelens import fetch as fetch_module
from quotelens.config import Config
from quotelens.errors import BadInput, FetchError, FetchTimeout, InputTooLarge, UrlNotAllowed
from quotelens.fetch import fetch_url

PAGE = ("<html><head><meta charset='utf-8'><title>Test</title></head><body><article>"
        "<p>“We have a joint interest,” Churkin told reporters.</p></article></body></html>").encode()
HUGE = 20 * 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path
        if path == "/page":
            self._send(200, PAGE)
        elif path == "/latin1":
            self._send(200, "<p>café</p>".encode("cp1252"), ctype="text/html; charset=ISO-8859-1")
        elif path == "/redirect":
            self._send(302, extra=[("Location", "/page")])
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(301, extra=[("Location", f"/chain/{n + 1}" if n < 3 else "/page")])
        elif path == "/loop":
            self._send(302, extra=[("Location", "/loop")])
        elif path == "/to-localhost":
            self._send(302, extra=[("Location", f"http://localhost:{self.server.server_port}/page")])
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/error":
            self._send(503, b"down")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, ctype="image/png")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE)
        elif path == "/trickle":  # headers at once, then a byte every 0.2 s: read timeout never fires
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE))
            self.end_headers()
        elif path == "/huge-streamed":  # no Content-Length: the cap must cut the stream
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"a" * 65_530 + b"</p>"
            try:
                for _ in range(HUGE // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


LOCAL = Config(allow_private_addresses=True, connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0)


def test_fetches_page_with_metadata(server):
    page = fetch_url(f"{server}/page", LOCAL)
    assert page.html == PAGE
    assert page.url == page.final_url == f"{server}/page"
    assert page.content_type == "text/html; charset=utf-8"
    assert page.encoding == "utf-8"
    assert page.fetched_at.endswith("+00:00")


def test_header_charset_is_reported(server):
    page = fetch_url(f"{server}/latin1", LOCAL)
    assert page.encoding == "ISO-8859-1"
    assert page.html == "<p>café</p>".encode("cp1252")


@pytest.mark.parametrize("path", ["/redirect", "/chain/0"])
def test_redirects_are_followed(server, path):
    page = fetch_url(f"{server}{path}", LOCAL)
    assert page.final_url == f"{server}/page"
    assert page.url == f"{server}{path}"
    assert page.html == PAGE


def test_redirect_limit(server):
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch_url(f"{server}/chain/0", LOCAL.replace(max_redirects=2))


def test_redirect_loop(server):
    with pytest.raises(FetchError, match="redirects") as info:
        fetch_url(f"{server}/loop", LOCAL)
    assert "/loop" in str(info.value)


@pytest.mark.parametrize("path, pattern", [
    ("/missing", "HTTP 404"),
    ("/error", "HTTP 503"),
    ("/image", "not an HTML page or text .*image/png"),
])
def test_http_errors_and_wrong_type_name_the_url(server, path, pattern):
    with pytest.raises(FetchError, match=pattern) as info:
        fetch_url(f"{server}{path}", LOCAL)
    assert f"{server}{path}" in str(info.value)
    assert not isinstance(info.value, FetchTimeout)


def test_read_timeout(server):
    with pytest.raises(FetchTimeout, match="timed out"):
        fetch_url(f"{server}/slow", LOCAL)


def test_total_deadline_cuts_a_trickle(server):
    # Each byte comes within the read timeout, so only the total deadline can stop it.
    config = LOCAL.replace(read_timeout=1.0, total_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="in total"):
        fetch_url(f"{server}/trickle", config)
    assert time.monotonic() - started < 10  # a sanity bound, not a timing assertion


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_size_cap(server, path):
    with pytest.raises(InputTooLarge, match="limit"):
        fetch_url(f"{server}{path}", LOCAL.replace(max_page_bytes=1_000_000))


def test_connection_refused():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect") as info:
        fetch_url(f"http://127.0.0.1:{port}/", LOCAL)
    assert f"127.0.0.1:{port}" in str(info.value)


@pytest.mark.parametrize("url", ["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)",
                                 "", "http://", "example.com/no-scheme"])
def test_only_http_urls(url):
    with pytest.raises(BadInput):
        fetch_url(url, LOCAL)


def test_private_address_refused_when_switch_off(server):
    with pytest.raises(UrlNotAllowed, match="non-public address") as info:
        fetch_url(f"{server}/page", LOCAL.replace(allow_private_addresses=False))
    # a policy refusal, not an upstream failure: 403 in the service, exit 2 in the command line
    assert (info.value.status, info.value.code) == (403, "url_not_allowed")
    assert not isinstance(info.value, FetchError)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.0.0.1", "192.168.1.1", "169.254.169.254",
                                  "224.0.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[::ffff:127.0.0.1]"])
def test_private_ranges_refused_without_connecting(host):
    # Refused at DNS/address time: the network guard in conftest would fail any connection.
    with pytest.raises(UrlNotAllowed, match="non-public address"):
        fetch_url(f"http://{host}/", LOCAL.replace(allow_private_addresses=False))


def test_private_address_refused_after_a_redirect(server, monkeypatch):
    """The first hop (127.0.0.1, let through here) redirects to localhost: that hop is checked too."""
    real = fetch_module._public_address

    def first_hop_allowed(host, port, url):
        return host if host == "127.0.0.1" else real(host, port, url)

    monkeypatch.setattr(fetch_module, "_public_address", first_hop_allowed)
    with pytest.raises(UrlNotAllowed, match="localhost resolves to a non-public address"):
        fetch_url(f"{server}/to-localhost", LOCAL.replace(allow_private_addresses=False))
    # and with the switch on, the same redirect is followed
    assert fetch_url(f"{server}/to-localhost", LOCAL).html == PAGE
