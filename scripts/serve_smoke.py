"""Start ``quotelens serve`` on a free port, wait for GET /api/v1/health, stop it; exit 0 if it answered.

    python scripts/serve_smoke.py [QUOTELENS_COMMAND] [--timeout 120]

QUOTELENS_COMMAND is the ``quotelens`` executable to try (default: the one on PATH), so .ci/run can
smoke-test the wheel installed in a fresh virtual environment. Prints how long the server took to
answer (the model loads before it listens) and the health answer. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(url: str, proc: subprocess.Popen, timeout: float) -> dict | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return json.load(answer)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", nargs="?", default=shutil.which("quotelens") or "quotelens")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the first answer")
    args = ap.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/api/v1/health"
    t0 = time.monotonic()
    proc = subprocess.Popen([args.command, "serve", "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        health = wait_for_health(url, proc, args.timeout)
        elapsed = time.monotonic() - t0
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    if health is None:
        print(f"serve smoke: no answer from {url} within {args.timeout:g} s; its stderr:\n{err}", file=sys.stderr)
        return 1
    print(f"serve smoke: {url} answered after {elapsed:.1f} s: {json.dumps(health)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
