"""Run pipeline jobs on a bounded pool, each request waiting at most until its deadline.

The pool's size is the number of parses in flight: spaCy's ``nlp`` is safe to call from
several threads, but each parse of a long page holds tens of MB, so 16 clients queue for
a few slots instead of parsing 16 pages at once. Identical jobs in flight are shared
(single flight): the extension asking twice about a page while the first answer is being
computed waits for that answer instead of starting a second parse.

A Python thread cannot be killed, so a job that outlives its deadline runs to the end
(its answer still fills the cache); a job still queued when its last waiter gives up is
cancelled. Too many jobs pending answers 503 "busy" at once instead of queueing forever.
"""
from __future__ import annotations

import threading
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, TypeVar

from .errors import ApiError

T = TypeVar("T")


class _Job:
    __slots__ = ("future", "waiters")

    def __init__(self, future: Future):
        self.future = future
        self.waiters = 0


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
                job = self._jobs[key] = _Job(self._pool.submit(fn))
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

    def _forget(self, key: str, job: _Job) -> None:
        with self._lock:
            if self._jobs.get(key) is job:
                del self._jobs[key]

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
