"""Every default of the service lives here, one documented name each.

``DEFAULT_PORT`` is the one place the port is defined: the CLI (``quotelens serve``) and
the browser extension use the same number. The other names are Flask config keys with
their defaults; ``create_app`` loads them with ``app.config.from_mapping(DEFAULTS)``.
"""
from __future__ import annotations

#: The port the service listens on by default; the extension talks to this port.
DEFAULT_PORT = 8765

#: Host the service binds to by default. Anything else needs ``allow_remote=True``.
DEFAULT_HOST = "127.0.0.1"

#: Parses allowed in flight at once (``quotelens serve --threads``).
DEFAULT_THREADS = 4

#: waitress threads beyond the parse threads. They only wait (for a parse slot, or not at all
#: for health and cache hits), so a burst of slow pages never leaves /health or a cached page
#: standing in waitress's queue, and a request's deadline starts when it arrives, not when a
#: thread frees up. An idle thread costs a stack, not a parse.
WAIT_THREADS = 16

#: The default character budget of parses in flight, per core (at least two cores' worth): a
#: core is busy with one parse at a time, so more in flight costs memory and gains no speed.
#: Measured with benchmarks/load.py on 2 cores (server and helper, 16 clients, 4 parse threads):
#: peak RSS 517 MB with no budget, 502 MB with 32,000 characters, 438 MB with 16,000.
PARSE_CHARS_PER_CORE = 8_000

#: glibc malloc arenas for the server process (see quotelens/malloc.py): few, so RSS stays flat under load.
MALLOC_ARENAS = 2

#: Parses between two malloc_trim calls (see quotelens/malloc.py); each costs about 3 ms.
TRIM_EVERY = 16

#: Environment variable holding the optional shared token; when set, every client sends it.
TOKEN_ENV = "QUOTELENS_TOKEN"

#: Host names a loopback server answers to (the Host header, port stripped).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")

#: Origins of browser extensions; any other Origin must equal the server's own.
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")

DEFAULTS: dict = {
    # Largest request body, in bytes; werkzeug answers 413 beyond it.
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    # Most documents accepted by POST /api/v1/batch in one call.
    "BATCH_MAX_DOCUMENTS": 20,
    # Seconds one request may take (queueing + fetching + parsing) before it is answered 504.
    # Below Chrome's 30 s limit on an MV3 service worker's fetch; above fetch's 20 s total timeout.
    "REQUEST_TIMEOUT": 25.0,
    # Parse long pages on two processes: a helper process with its own copy of the model parses
    # the second half (quotelens.parse.split). About halves a cache miss on two or more cores,
    # for the memory of a second model (~150 MB). ``quotelens serve`` turns it on when the
    # machine has two cores or more; off here, so tests and embedders start no process unasked.
    "PARSE_HELPER": False,
    # Parses in flight at once (None: the waitress thread count, else DEFAULT_THREADS). Each
    # parse of a long page holds tens of MB, so 16 clients must not mean 16 parses.
    "PARSE_SLOTS": None,
    # Characters of article text parsed at once (runner.py ParseBudget); None: PARSE_CHARS_PER_CORE
    # times the machine's cores. A parse holds about 3 MB per 1,000 characters until its answer is
    # made, so this bounds the service's memory where a count of parses cannot; a page longer
    # than the budget is parsed alone.
    "PARSE_CHARS_IN_FLIGHT": None,
    # Jobs queued or running before new ones are turned away with 503 "busy".
    "MAX_PENDING": 64,
    # Result cache: entries and total bytes of cached JSON.
    "CACHE_MAX_ENTRIES": 256,
    "CACHE_MAX_BYTES": 64 * 1024 * 1024,
    # Seconds a result for a fetched URL stays fresh (the page may change); text/html never expire.
    "CACHE_URL_TTL": 600.0,
    # Shared token; None reads QUOTELENS_TOKEN from the environment ("" disables it).
    "TOKEN": None,
    # Extra Host names to accept besides loopback (needed only when bound elsewhere).
    "ALLOWED_HOSTS": (),
    # If non-empty, only these extension origins pass ("chrome-extension://<id>"); else any extension.
    "EXTENSION_ORIGINS": (),
    # The core's Config as a mapping (Config.from_mapping); allow_private_addresses defaults to False here.
    "QUOTELENS": {},
}
