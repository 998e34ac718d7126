"""``python -m quotelens.server``: the same as ``quotelens serve``, without the CLI."""
from __future__ import annotations

import argparse

from . import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_THREADS, serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m quotelens.server", description=__doc__)
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    parser.add_argument("--allow-remote", action="store_true", help="allow binding a non-loopback address")
    parser.add_argument("--model", default=None, help="spaCy model package or path")
    parser.add_argument("--no-parse-helper", action="store_true",
                        help="parse every page in one process (no second copy of the model)")
    parser.add_argument("--parse-chars", type=int, default=None,
                        help="characters of article text parsed at once (default 8,000 per core)")
    args = parser.parse_args(argv)
    serve(args.host, args.port, args.threads, allow_remote=args.allow_remote,
          config={"model": args.model} if args.model else None,
          parse_helper=False if args.no_parse_helper else None, parse_chars=args.parse_chars)


if __name__ == "__main__":
    main()
