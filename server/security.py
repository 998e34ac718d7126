"""Who may talk to the service: safe to leave running on a laptop.

- ``Host`` must name the bound loopback address (or a configured host): a web page that
  rebinds its own DNS name to 127.0.0.1 sends its own name, and is refused (DNS rebinding).
- An ``Origin`` must be a browser extension's (``chrome-extension://``, ``moz-extension://``)
  or the server's own (the paste page at ``/``); any web page's ``http(s)://`` origin, and
  ``null``, are refused. CORS headers name the one allowed extension origin, never ``*``.
- With a shared token (``QUOTELENS_TOKEN``), every ``/api/`` request carries it, as
  ``Authorization: Bearer <token>`` or ``X-Quotelens-Token: <token>``. The paste page and
  its static files carry no data and need none; the page asks the person for the token.
- POSTs must be ``application/json``: no web form can send that without a CORS preflight.
"""
from __future__ import annotations

import hmac

from flask import Flask, Response, current_app, request

from .errors import ApiError
from .settings import EXTENSION_SCHEMES, LOOPBACK_HOSTS

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def host_name(host_header: str) -> str:
    """'127.0.0.1:8765' -> '127.0.0.1'; '[::1]:8765' -> '[::1]'; lower-cased."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_extension_origin(origin: str) -> bool:
    return origin.lower().startswith(EXTENSION_SCHEMES)


def _allowed_extension(origin: str) -> bool:
    configured = current_app.config.get("EXTENSION_ORIGINS") or ()
    return not configured or origin.rstrip("/") in {o.rstrip("/") for o in configured}


def check_host() -> None:
    allowed = set(LOOPBACK_HOSTS) | {h.lower() for h in current_app.config.get("ALLOWED_HOSTS") or ()}
    name = host_name(request.headers.get("Host", ""))
    if name not in allowed:
        raise ApiError(403, "host_refused",
                       f"Host {name or '(none)'!r} is not this server's address; use http://127.0.0.1")


def check_origin() -> None:
    origin = request.headers.get("Origin")
    if origin is None:
        return  # not a browser page's cross-origin request (curl, scripts, same-origin GET)
    if is_extension_origin(origin):
        if _allowed_extension(origin):
            return
        raise ApiError(403, "origin_refused", f"extension origin {origin!r} is not in EXTENSION_ORIGINS")
    if origin.rstrip("/").lower() == request.host_url.rstrip("/").lower():
        return  # same origin: the paste page served at /
    raise ApiError(403, "origin_refused", f"requests from {origin!r} are refused; only browser extensions "
                   "and this server's own page may call it")


def expected_token() -> str:
    return current_app.config.get("TOKEN") or ""


def check_token() -> None:
    token = expected_token()
    if not token or not request.path.startswith("/api/") or request.method == "OPTIONS":
        return  # preflights carry no credentials by design
    sent = request.headers.get("X-Quotelens-Token", "")
    auth = request.headers.get("Authorization", "")
    if not sent and auth[:7].lower() == "bearer ":
        sent = auth[7:].strip()
    if not hmac.compare_digest(sent.encode("utf-8", "replace"), token.encode("utf-8")):
        raise ApiError(401, "token_required", "this server needs its token (QUOTELENS_TOKEN) in an "
                       "'Authorization: Bearer' or 'X-Quotelens-Token' header")


def check_content_type() -> None:
    # After routing errors (a POST to a GET route is a 405, not a 415).
    if request.method == "POST" and request.routing_exception is None and request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'")


def preflight() -> Response | None:
    """Answer a CORS preflight from an allowed extension (its origin was checked already)."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-Quotelens-Token"
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def add_headers(response: Response) -> Response:
    origin = request.headers.get("Origin")
    if origin and is_extension_origin(origin) and _allowed_extension(origin):
        response.headers["Access-Control-Allow-Origin"] = origin  # this one origin; never "*"
        response.headers["Access-Control-Expose-Headers"] = "X-Quotelens-Cache"
    response.vary.add("Origin")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def install(app: Flask) -> None:
    """Run the checks before every request, in order: host, origin, token, content type."""

    @app.before_request
    def _guard() -> Response | None:
        check_host()
        check_origin()
        answer = preflight()
        if answer is not None:
            return answer
        check_token()
        check_content_type()
        return None

    app.after_request(add_headers)
