"""Run pipeline jobs on a bounded pool, each request waiting at most until its deadline.

The pool's size is the number of parses in flight: spaCy's ``nlp`` is safe to call from
several threads, but each parse of a long page holds tens of MB, so 16 clients queue for
a few slots instead of parsing 16 pages at once. Identical jobs in flight are shared
(single flight): the extension asking twice about a page while the first answer is being
computed waits for that answer instead of starting a second parse.

A count of parses does not bound memory, though: a parse holds about 3 MB per 1,000 characters
of article text until its answer is made, so four long pages at once cost four times one. The
``ParseBudget`` lets parses start, in the order they arrive, only while the characters in flight
fit a budget; a page longer than the whole budget is parsed alone.

A Python thread cannot be killed, so a job that outlives its deadline runs to the end
(its answer still fills the cache); a job still queued when its last waiter gives up is
cancelled. Too many jobs pending answers 503 "busy" at once instead of queueing forever.
"""
from __future__ import annotations

import itertools
import threading
from collections import deque
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

from .errors import ApiError

T = TypeVar("T")


#: The job this pool thread runs: its ``abandoned`` Event, read by ParseBudget.admit.
_running = threading.local()


class _Job:
    __slots__ = ("future", "waiters", "abandoned")

    def __init__(self):
        self.future: Future | None = None
        self.waiters = 0
        self.abandoned = threading.Event()  # set when its last waiter gave up before it finished


def _call(fn: Callable[[], T], abandoned: threading.Event) -> T:
    _running.abandoned = abandoned
    try:
        return fn()
    finally:
        _running.abandoned = None


class Runner:
    def __init__(self, slots: int, max_pending: int):
        self.slots = max(1, int(slots))
        self.max_pending = max(1, int(max_pending))
        self._pool = ThreadPoolExecutor(self.slots, thread_name_prefix="quotelens-parse")
        self._lock = threading.RLock()  # RLock: Future.cancel() runs done-callbacks in this thread
        self._jobs: dict[str, _Job] = {}

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._jobs)

    def run(self, key: str, fn: Callable[[], T], timeout: float) -> T:
        """``fn()``'s result, shared with any identical job (same ``key``) already in flight.

        Raises ApiError 504 "timeout" after ``timeout`` seconds, 503 "busy" when full;
        ``fn``'s own exceptions propagate unchanged.
        """
        if timeout <= 0:
            raise ApiError(504, "timeout", "the request ran out of time before it could start")
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                if len(self._jobs) >= self.max_pending:
                    raise ApiError(503, "busy", f"{len(self._jobs)} jobs are pending; try again shortly")
                job = self._jobs[key] = _Job()
                job.future = self._pool.submit(_call, fn, job.abandoned)
                job.future.add_done_callback(lambda _f, key=key, job=job: self._forget(key, job))
            job.waiters += 1
        try:
            return job.future.result(timeout=timeout)
        except FutureTimeout:
            raise ApiError(504, "timeout", f"no answer within {timeout:g} s") from None
        except CancelledError:  # only if cancelled by another waiter's give-up race; treat as timeout
            raise ApiError(504, "timeout", "the job was cancelled before it started") from None
        finally:
            with self._lock:
                job.waiters -= 1
                if job.waiters == 0 and not job.future.done():
                    job.future.cancel()  # a no-op once running; drops it from the queue otherwise
                    job.abandoned.set()  # once running, it may still be waiting for the budget

    def _forget(self, key: str, job: _Job) -> None:
        with self._lock:
            if self._jobs.get(key) is job:
                del self._jobs[key]

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


#: Seconds between two looks, while a parse waits for room, at whether anyone still waits for it.
ABANDON_CHECK_S = 0.2


class ParseBudget:
    """At most ``chars`` characters of article text parsed at once; first come, first parsed."""

    def __init__(self, chars: int):
        self.chars = max(1, int(chars))
        self._used = 0
        self._cond = threading.Condition()
        self._tickets = itertools.count()
        self._line: deque[int] = deque()

    @property
    def in_flight(self) -> int:
        with self._cond:
            return self._used

    @contextmanager
    def admit(self, article: Any) -> Iterator[None]:
        """Wait for room for ``article``'s text, then hold it while the block runs. In arrival
        order, so a long page is not overtaken for ever by short ones."""
        need = min(len(article.text), self.chars)  # longer than the budget: alone, not never
        abandoned = getattr(_running, "abandoned", None)
        with self._cond:
            ticket = next(self._tickets)
            self._line.append(ticket)
            try:
                while not (self._line[0] == ticket and self._used + need <= self.chars):
                    if abandoned is not None and abandoned.is_set():
                        # nobody waits for this answer any more: do not parse it for nothing,
                        # which under overload would make the pages behind it late too
                        raise ApiError(504, "timeout", "no one is waiting for this page any more")
                    self._cond.wait(ABANDON_CHECK_S)
            except BaseException:
                self._line.remove(ticket)
                self._cond.notify_all()
                raise
            self._line.popleft()
            self._used += need
            self._cond.notify_all()  # the next in line may fit beside this one
        try:
            yield
        finally:
            with self._cond:
                self._used -= need
                self._cond.notify_all()
