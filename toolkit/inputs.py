"""What the command line reads, checked once, with the same messages for every command.

``quotelens attribute`` and ``quotelens batch`` (and anything else that takes a path, a URL or
``-``) call these before loading the model, so a typo costs no wait. Every refusal is a
``BadInput`` (exit status 2): a missing file, a folder, an unreadable file, a URL whose scheme is
not http or https. Option values are checked here too, by the rules the service applies (a
``min_confidence`` outside 0..1 is the service's 400 and the command line's exit 2), and every
command's argument errors are one line, ``quotelens: error: ...``, exit status 2.
"""
from __future__ import annotations

import argparse
import errno
import os
import re
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .config import check_min_confidence
from .errors import BadInput, InputTooLarge, QuotelensError

STDIN = "-"
URL_SCHEMES = ("http", "https")
# "scheme://..." as RFC 3986 spells a scheme; a Windows drive ("C:\\") has no "//".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class PortInUse(QuotelensError):
    """Another program listens on the port asked for (exit status 1: nothing wrong with the input)."""

    code = "port_in_use"
    status = 500


@dataclass(frozen=True)
class Source:
    """One input, read: a URL to fetch, or the bytes of a file or of stdin."""

    url: str | None = None
    data: bytes = b""
    name: str = STDIN  # the path as given, for messages


def url_scheme(source: str) -> str | None:
    """'ftp://x' -> 'ftp'; a path or '-' -> None."""
    match = _SCHEME.match(source)
    return match.group(1).lower() if match else None


def check_url(source: str) -> str:
    """An http(s) URL as given; any other scheme is refused, saying which ones work."""
    scheme = url_scheme(source)
    if scheme not in URL_SCHEMES:
        raise BadInput(f"only http and https URLs can be read, not {scheme or 'no scheme'}: {source}")
    return source


def check_file(source: str) -> Path:
    """A path that names a readable file; a missing path, a folder or a locked file is refused."""
    path = Path(source)
    if path.is_dir():
        raise BadInput(f"{source} is a folder; give a file (or - for stdin)")
    if not path.exists():
        raise BadInput(f"no such file: {source}")
    if not path.is_file():
        raise BadInput(f"{source} is not a regular file")
    if not os.access(path, os.R_OK):
        raise BadInput(f"cannot read {source}: permission denied")
    return path


def read_source(source: str, max_bytes: int) -> Source:
    """PATH, URL or '-' -> a Source, at most ``max_bytes`` long (a larger file is not read)."""
    if url_scheme(source):
        return Source(url=check_url(source), name=source)
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = check_file(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{source} is {size:,} bytes; the limit is {max_bytes:,}")
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise InputTooLarge(f"input is over {max_bytes:,} bytes")
    return Source(data=data, name=source)


def check_port_free(host: str, port: int) -> None:
    """Refuse a port another program holds, in one line, before anything slow starts."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # as waitress binds: a port left in TIME_WAIT by a server just stopped is free
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            return  # a bad host and the like: the server's own checks say what is wrong
        raise PortInUse(f"port {port} on {host} is already in use (is quotelens serve running already?); "
                        "choose another with --port") from None


def open_lines(source: str) -> TextIO:
    """A JSONL input (a path or '-') opened for reading line by line; checked as ``check_file``."""
    if source == STDIN:
        return sys.stdin
    if url_scheme(source):
        raise BadInput(f"give a local JSONL file, not a URL: {source}")
    return open(check_file(source), encoding="utf-8", errors="replace")


class Parser(argparse.ArgumentParser):
    """argparse with the CLI's one error line (``quotelens: error: ...``, exit 2), not a usage dump."""

    def error(self, message: str):  # type: ignore[override]
        fail(f"{message} (see: {self.prog} --help)")


def fail(message: str, status: int = 2):
    print(f"quotelens: error: {message}", file=sys.stderr)
    raise SystemExit(status)


def min_confidence_arg(value: str) -> float:
    try:
        return check_min_confidence(float(value))
    except ValueError:  # float("high") or check_min_confidence; the service's message, so both surfaces say the same
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value}") from None


def count_arg(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value}")
    return int(value)


def port_arg(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535, not {value}")
    return int(value)
