"""One article parsed on two cores: the parse stage's latency, about halved, for the service.

The local service answers for one page at a time while a person reads it, and the parse is
nine tenths of that time. spaCy holds the GIL, so a second thread does not help (measured: the
same time for two halves in two threads as in one). A helper process, loaded with the same model,
parses the second half of a long article while this process parses the first. The halves meet at
a paragraph break, which is a hard sentence break for the parse anyway (parse/segment.py), and
``Doc.from_docs`` joins them into one Doc over the very same text, offsets unchanged.

The helper is used by one parse at a time; a parse that finds it busy, a short article, or a
helper that died, is parsed whole in this process: never slower than before, never a failure.
"""
from __future__ import annotations

import itertools
import logging
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Sequence

from ..types import Article, QuotedSpan, Span
from .segment import load_nlp, model_name, model_text, parse, parse_ranges, quoted_ranges

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("quotelens")

#: Articles shorter than this are parsed whole: below it, sending half to the helper and joining
#: the Docs costs more than it saves (the two sides take about 3 ms per 1,000 tokens).
MIN_SPLIT_CHARS = 2_000
#: Seconds to wait for the helper to load its model at start-up.
START_TIMEOUT = 120.0
#: What the helper process runs: ``python -c HELPER_COMMAND FD [MODEL]``.
HELPER_COMMAND = "import sys; from quotelens.parse.split import helper_main; helper_main(sys.argv[1:])"


class SplitParser:
    """A helper process with its own copy of the model, parsing second halves of articles."""

    def __init__(self, model: str | None = None):
        # A fresh interpreter, not fork: the service already runs threads, and multiprocessing's
        # spawn would re-import the caller's main module. Not ``-m quotelens.parse.split`` either:
        # the package imports this module before runpy runs it again as __main__ (a RuntimeWarning
        # at every start, and two copies of the module).
        ours, theirs = socket.socketpair()
        self._proc = subprocess.Popen(
            [sys.executable, "-c", HELPER_COMMAND, str(theirs.fileno()), model or ""],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        theirs.close()
        self._conn = Connection(ours.detach())
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.model = None
        try:
            if self._conn.poll(START_TIMEOUT):
                kind, value = self._conn.recv()
                if kind == "ready":
                    self.model = value
                else:
                    log.warning("parse helper could not start: %s", value)
        except (EOFError, OSError):
            log.warning("parse helper could not start")
        if self.model is None:
            self.close()

    @property
    def alive(self) -> bool:
        return self.model is not None and self._proc.poll() is None

    def parse(self, article: Article, nlp: "Language", quoted: Sequence[QuotedSpan] | None = None) -> "Doc":
        """The Doc ``segment.parse`` would give, parsed on two processes when that pays."""
        cut = split_point(article)
        if cut is None or not self.alive or model_name(nlp) != self.model or not self._lock.acquire(blocking=False):
            return parse(article, nlp, quoted)
        try:
            return self._parse_split(article, nlp, quoted, cut)
        finally:
            self._lock.release()

    def _parse_split(self, article: Article, nlp: "Language", quoted: Sequence[QuotedSpan] | None, cut: int) -> "Doc":
        from spacy.tokens import Doc

        text = article.text
        ranges = quoted_ranges(quoted) if quoted is not None else None
        first = Article(text=text[:cut], paragraphs=tuple(p for p in article.paragraphs if p.end <= cut))
        second = [(p.start - cut, p.end - cut) for p in article.paragraphs if p.start >= cut]
        request = next(self._ids)
        try:
            self._conn.send((request, text[cut:], second,
                             None if ranges is None else [(a - cut, b - cut) for a, b in ranges if a >= cut]))
        except (OSError, ValueError):
            self._died()
            return parse(article, nlp, quoted)
        head = parse_ranges(first, nlp, None if ranges is None else [(a, b) for a, b in ranges if a < cut])
        data = self._receive(request)
        if data is None:
            return parse(article, nlp, quoted)
        tail = Doc(nlp.vocab).from_bytes(data)
        doc = Doc.from_docs([head, tail], ensure_whitespace=False, exclude=["tensor", "user_data"])
        if doc.text != model_text(text, article.paragraphs):  # never trade correctness for speed
            return parse(article, nlp, quoted)
        return doc

    def _receive(self, request: int) -> bytes | None:
        try:
            while True:
                answer, data = self._conn.recv()
                if answer == request:  # an answer to an earlier, abandoned request is skipped
                    return data
        except (EOFError, OSError):
            self._died()
            return None

    def _died(self) -> None:
        log.warning("parse helper stopped; parsing on one process from now on")
        self.model = None

    def close(self) -> None:
        self.model = None
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._conn.close()


def split_point(article: Article) -> int | None:
    """The start of the paragraph nearest the middle of the text, or None when the article is
    too short to split or has no paragraph break past its first tenth."""
    text = article.text
    if len(text) < MIN_SPLIT_CHARS or len(article.paragraphs) < 2:
        return None
    middle = len(text) // 2
    starts = [p.start for p in article.paragraphs[1:] if len(text) // 10 <= p.start <= len(text) * 9 // 10]
    return min(starts, key=lambda s: abs(s - middle)) if starts else None


def _serve(conn, model: str | None) -> None:
    """The helper's loop: (id, text, paragraphs, quoted ranges) in, (id, Doc bytes or None) out."""
    try:
        nlp = load_nlp(model)
        nlp("warm up")
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which parses alone
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", model_name(nlp)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        request, text, paragraphs, ranges = message
        try:
            article = Article(text=text, paragraphs=tuple(Span(a, b) for a, b in paragraphs))
            data = parse_ranges(article, nlp, ranges).to_bytes(exclude=["tensor", "user_data"])
        except Exception:  # noqa: BLE001 - the parent parses this half itself
            data = None
        conn.send((request, data))


def helper_main(argv: Sequence[str]) -> None:
    """The helper process: ``argv`` is the socket's file descriptor and the model ("" for the default)."""
    import signal

    # Ctrl-C in the terminal reaches the whole process group: the service stops, its end of the
    # socket closes, and this loop ends on EOF, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _serve(Connection(int(argv[0])), (argv[1] or None) if len(argv) > 1 else None)
