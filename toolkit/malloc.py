"""glibc's allocator, tuned for the two long-running processes: the service and a Dask worker.

The service: keep glibc from growing one heap per thread under load.

glibc gives each thread that allocates its own arena (up to 8 per core). The service has
many threads that each decode a few hundred KB of JSON and HTML per request; memory freed in
one arena is not reused by another, so RSS climbs long after warm-up. Measured with
benchmarks/load.py (2,000 requests, 16 clients, 2 cores): RSS after the load was 1.77x RSS
after warm-up with glibc's default, 1.09x with MALLOC_ARENA_MAX=2 set in the environment, at
the same throughput. Set from inside the process (mallopt) the cap alone gave 1.51x in one run,
so the service also hands free pages back to the system every few parses (malloc_trim: about
3 ms, and it returned 30 MB after eight parses of the fixture pages).

A Dask worker: a worker that a nanny starts has MALLOC_TRIM_THRESHOLD_=65536 in its environment
(distributed's ``nanny.pre-spawn-environ``, meant to return memory sooner). Setting any malloc
threshold turns off glibc's sliding mmap threshold, which otherwise rises to the size of the
blocks a program frees; it stays at 128 KB, so every array a parse makes is mmap'd, faulted in
page by page and unmapped again. Measured on 120 PolNeAR texts in one process: 2.1 to 2.5 s of
system time against 0.3 s, and about 24% more wall-clock time; the two-worker corpus run spent
30% more CPU per document than the one-worker run until the plugin set the mmap threshold back
to glibc's own ceiling, and the trim threshold to twice that (``keep_large_blocks_on_heap``).
"""
from __future__ import annotations

import ctypes
import os
import sys
from functools import lru_cache

M_TRIM_THRESHOLD = -1  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
#: glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit: the highest its sliding mmap threshold goes; the
#: sliding trim threshold is twice the mmap threshold.
MMAP_THRESHOLD_CEILING = 32 * 1024 * 1024


@lru_cache(maxsize=1)
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt, libc.malloc_trim  # noqa: B018 - both exist only in glibc
        return libc
    except (OSError, AttributeError):  # not glibc (musl, ...): nothing to tune
        return None


def limit_arenas(count: int) -> bool:
    """Cap glibc malloc arenas at ``count`` (before threads start); False where it does not apply.

    An explicit MALLOC_ARENA_MAX in the environment wins: glibc read it at start-up.
    """
    libc = _libc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, int(count)))


def release_free_memory() -> bool:
    """Give free heap pages back to the system (all arenas); False where it does not apply."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False


def keep_large_blocks_on_heap() -> bool:
    """Put glibc's mmap threshold back at its ceiling where a fixed malloc threshold in the
    environment pinned it at 128 KB (see above). False where that does not apply: not glibc, no
    such variable (glibc's own sliding threshold is on), or MALLOC_MMAP_THRESHOLD_ set on purpose.
    Call it before the model loads."""
    libc = _libc()
    pinned = any(name in os.environ for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_"))
    if libc is None or not pinned or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    # Both, as glibc's sliding thresholds stand after a program freed large blocks: the mmap
    # threshold alone still lets a 64 KB trim threshold hand the heap's top back after every parse.
    return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_CEILING)
                and libc.mallopt(M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD_CEILING))
