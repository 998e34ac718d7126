"""The only network code in the package: URL -> RawPage.

Built on urllib3 (already a trafilatura dependency). Every request has a connect timeout, a
read timeout (between bytes) and a total deadline; the body is streamed and cut at
``config.max_page_bytes`` (after decompression, so a gzip bomb is cut too); redirects are
followed by hand, at most ``config.max_redirects``, so that every hop is checked.

When ``config.allow_private_addresses`` is False (the service, against SSRF), the host of
every hop is resolved once, refused if any address is loopback, private, link-local,
multicast or reserved (``UrlNotAllowed``), and the connection goes to the address that was checked (the name
is still sent as Host and TLS SNI), so a second DNS answer cannot swap in an inner address.
"""
from __future__ import annotations

import datetime as _dt
import ipaddress
import socket
import time
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (ConnectTimeoutError, HTTPError, NameResolutionError,
                                NewConnectionError, ProtocolError, ReadTimeoutError, SSLError)

from .config import Config
from .errors import BadInput, FetchError, FetchTimeout, InputTooLarge, UrlNotAllowed
from .types import RawPage

# Content types accepted as a page: HTML, XHTML, plain text (a story served as text/plain).
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 65_536

__all__ = ["fetch_url"]


def fetch_url(url: str, config: Config) -> RawPage:
    """Download one page within the limits of ``config``; raise a named error otherwise."""
    if not isinstance(url, str) or not url.strip():
        raise BadInput("the URL is empty")
    url = url.strip()
    deadline = time.monotonic() + config.total_timeout
    current = url
    for _hop in range(config.max_redirects + 1):
        host, port, scheme = _split(current)
        address = None if config.allow_private_addresses else _public_address(host, port, current)
        pool, response = _request(current, scheme, host, port, address, config, deadline)
        try:
            if response.status in REDIRECT_CODES:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"{current} answered HTTP {response.status} with no Location")
                current = urljoin(current, location.strip())
                continue
            if response.status >= 400:
                raise FetchError(f"{current} answered HTTP {response.status} {response.reason or ''}".rstrip())
            content_type = response.headers.get("Content-Type")
            _check_type(content_type, current)
            body = _read_capped(response, current, config, deadline)
        finally:
            response.release_conn()
            pool.close()
        return RawPage(html=body, url=url, final_url=current,
                       fetched_at=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                       content_type=content_type, encoding=_charset(content_type))
    raise FetchError(f"{url}: more than {config.max_redirects} redirects (last: {current})")


def _split(url: str) -> tuple[str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadInput(f"not a valid URL: {url!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BadInput(f"only http and https URLs can be fetched, not {scheme or 'no scheme'}: {url}")
    if not parts.hostname:
        raise BadInput(f"the URL has no host: {url}")
    return parts.hostname, port or (443 if scheme == "https" else 80), scheme


def _public_address(host: str, port: int, url: str) -> str:
    """Resolve ``host``; refuse it if any address is not public; return one to connect to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url}: the host {host} could not be resolved ({exc})") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if getattr(ip, "ipv4_mapped", None):
            ip = ip.ipv4_mapped
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global):
            # a refusal of the request by policy (403), not a failure of the far end (502)
            raise UrlNotAllowed(f"{url}: refused, {host} resolves to a non-public address ({ip}); "
                                "this service fetches public addresses only")
    if not addresses:
        raise FetchError(f"{url}: the host {host} has no address")
    return addresses[0]


def _request(url: str, scheme: str, host: str, port: int, address: str | None, config: Config,
             deadline: float) -> tuple[urllib3.HTTPConnectionPool, urllib3.BaseHTTPResponse]:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(f"{url}: gave up after {config.total_timeout:g} s in total")
    timeout = urllib3.Timeout(connect=min(config.connect_timeout, remaining),
                              read=min(config.read_timeout, remaining))
    headers = {"User-Agent": config.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"}
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if address is None:
        pool_cls = urllib3.HTTPSConnectionPool if scheme == "https" else urllib3.HTTPConnectionPool
        pool = pool_cls(host, port, timeout=timeout, retries=False, maxsize=1)
    else:  # connect to the address we checked; name in Host and in TLS SNI/certificate check
        headers["Host"] = host if port in (80, 443) else f"{host}:{port}"
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1,
                                               server_hostname=host, assert_hostname=host)
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
    try:
        return pool, pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False,
                                  retries=False, assert_same_host=False)
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: test it first.
    except NameResolutionError:
        raise FetchError(f"{url}: the host {host} could not be resolved") from None
    except NewConnectionError as exc:
        if "timed out" in str(exc).lower():
            raise FetchTimeout(f"{url}: timed out connecting to {host}") from None
        raise FetchError(f"{url}: could not connect to {host} ({_reason(exc)})") from None
    except (ConnectTimeoutError, ReadTimeoutError) as exc:
        raise FetchTimeout(f"{url}: timed out ({_reason(exc)})") from None
    except SSLError as exc:
        raise FetchError(f"{url}: TLS error ({_reason(exc)})") from None
    except (ProtocolError, HTTPError, OSError) as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text.split(": ", 1)[-1] if ": " in text else text or exc.__class__.__name__


def _check_type(content_type: str | None, url: str) -> None:
    if content_type is None:
        return  # many servers omit it; the cleaner judges the bytes
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in ACCEPTED_TYPES:
        raise FetchError(f"{url}: not an HTML page or text (Content-Type {mime})")


def _read_capped(response, url: str, config: Config, deadline: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > config.max_page_bytes:
        raise InputTooLarge(f"{url}: the page is {int(length):,} bytes; the limit is {config.max_page_bytes:,}")
    chunks, total = [], 0
    try:
        # read1: whatever one socket read brings, so a server trickling bytes cannot hold
        # us past the deadline inside one large blocking read.
        while chunk := response.read1(CHUNK_BYTES, decode_content=True):
            total += len(chunk)
            if total > config.max_page_bytes:
                raise InputTooLarge(f"{url}: the page is over the limit of {config.max_page_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchTimeout(f"{url}: gave up after {config.total_timeout:g} s in total")
            chunks.append(chunk)
    except ReadTimeoutError:
        raise FetchTimeout(f"{url}: timed out reading the page (no data for {config.read_timeout:g} s)") from None
    except (ProtocolError, HTTPError, OSError) as exc:
        raise FetchError(f"{url}: the download broke off ({_reason(exc)})") from None
    return b"".join(chunks)


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["Content-Type"] = content_type
    charset = msg.get_param("charset")
    return charset.strip().strip("\"'") if isinstance(charset, str) and charset.strip() else None
