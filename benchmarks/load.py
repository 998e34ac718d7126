"""Load test of the local service: a real server process (waitress), real article pages,
concurrent clients over loopback. Prints figures; asserts nothing.

    python benchmarks/load.py [--requests 2000] [--concurrency 16] [--threads 4] [--repeat-share 0]
                              [--no-parse-helper]

Phases:
1. start ``python -m quotelens.server`` on a free port; RSS once it answers (model loaded);
2. warm-up: every page once, then ``--warmup`` concurrent misses; RSS "after warm-up" (read
   once the server is idle, as is RSS after the load);
3. single client, cache misses on the page nearest 1,000 article words: p50/p95 (the
   "1,000-word page on a cache miss" figure), each followed by a bare parse of the same text
   with the model's full pipeline in this process (the full-parse peer's floor), and the ratio;
4. the load: ``--requests`` requests from ``--concurrency`` clients (keep-alive connections),
   cycling over the pages. Each request is made unique by an HTML comment, so every one is a
   cache miss (the worst case) unless ``--repeat-share`` sends that share as exact repeats;
   p50/p95/p99, throughput, errors by status, cache hits, RSS after and peak.

RSS is the server's and its parse helper's together (the helper is a second process with its own
copy of the model, on by default on two or more cores; --no-parse-helper measures without it).

Pages: tests/fixtures/pages/*/source.html (saved WCXB pages, CC-BY-4.0, Foley 2026), else
the bundled demo page toolkit/data/demo/*.html.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def load_pages() -> list[tuple[str, str]]:
    paths = sorted(ROOT.glob("tests/fixtures/pages/*/source.html")) or sorted(ROOT.glob("toolkit/data/demo/*.html"))
    if not paths:
        sys.exit("no pages: tests/fixtures/pages/*/source.html and toolkit/data/demo/*.html are both missing")
    pages = []
    for path in paths:
        url = f"https://example.org/{path.parent.name}"
        meta = path.parent / "expected.json"
        if meta.exists():
            url = json.loads(meta.read_text(encoding="utf-8")).get("url") or url
        pages.append((url, path.read_text(encoding="utf-8", errors="replace")))
    return pages


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Client:
    """One keep-alive connection, as a browser's service worker would hold."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def post(self, path: str, body: dict) -> tuple[int, dict, float, str]:
        data = json.dumps(body).encode("utf-8")
        t0 = time.perf_counter()
        for attempt in range(2):  # one reconnect if the server closed the idle connection
            try:
                self.conn.request("POST", path, body=data, headers={"Content-Type": "application/json"})
                resp = self.conn.getresponse()
                payload = resp.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        elapsed = time.perf_counter() - t0
        return resp.status, json.loads(payload), elapsed, resp.getheader("X-Quotelens-Cache", "")


def start_server(port: int, threads: int, helper: bool = True, parse_chars: int | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("QUOTELENS_TOKEN", None)
    cmd = [sys.executable, "-m", "quotelens.server", "--port", str(port), "--threads", str(threads)]
    cmd += [] if parse_chars is None else ["--parse-chars", str(parse_chars)]
    proc = subprocess.Popen(cmd + ([] if helper else ["--no-parse-helper"]),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if proc.poll() is not None:
            sys.exit(f"server exited: {proc.stderr.read()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("server did not come up in 120 s")


def full_parser():
    """The model quotelens uses, loaded with every component, as a full-parse peer runs it."""
    import spacy

    from quotelens.parse import load_nlp, model_name

    return spacy.load(model_name(load_nlp(None)))


def bare_parse_s(nlp, text: str) -> float:
    """Seconds for one bare parse of ``text`` in this process."""
    t0 = time.perf_counter()
    nlp(text)
    return time.perf_counter() - t0


def idle_rss(server: psutil.Process, port: int) -> int:
    """RSS once the server has no job pending (it gives free memory back when it goes idle),
    so "after warm-up" and "after the load" are read in the same state, not mid-burst."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(600):
        conn.request("GET", "/api/v1/health")
        if json.loads(conn.getresponse().read())["pending"] == 0:
            break
        time.sleep(0.1)
    time.sleep(0.5)
    return tree_rss(server)


def tree_rss(server: psutil.Process) -> int:
    """RSS of the server and its children (the parse helper), in bytes."""
    total = server.memory_info().rss
    for child in server.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total


def mb(n: int) -> float:
    return n / 1e6


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--threads", type=int, default=4, help="parses in flight (quotelens serve --threads)")
    ap.add_argument("--warmup", type=int, default=32, help="concurrent misses after each page once")
    ap.add_argument("--single", type=int, default=30, help="single-client cache misses on the ~1,000-word page")
    ap.add_argument("--repeat-share", type=float, default=0.0, help="share of load requests sent as exact repeats")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-parse-helper", action="store_true", help="start the server with --no-parse-helper")
    ap.add_argument("--parse-chars", type=int, default=None,
                    help="characters parsed at once (quotelens serve --parse-chars; default: the server's)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    pages = load_pages()
    port = free_port()

    t_start = time.perf_counter()
    proc = start_server(port, args.threads, helper=not args.no_parse_helper, parse_chars=args.parse_chars)
    server = psutil.Process(proc.pid)
    figures: dict = {"pages": len(pages), "threads": args.threads, "parse_chars": args.parse_chars, "cpus": os.cpu_count(),
                     "parse_helper": len(server.children()) > 0,
                     "load_avg_1min_before": round(os.getloadavg()[0], 2),
                     "startup_s": round(time.perf_counter() - t_start, 2), "rss_start_mb": mb(tree_rss(server))}
    counter = iter(range(10**9))

    def unique(html: str) -> str:
        return html + f"<!-- load {next(counter)} -->"

    try:
        # 2. warm-up: every page once (words per page from the cleaned text), then --warmup
        #    misses from all the clients at once, so threads, arenas and caches reach steady state
        client = Client(port)
        words, texts = {}, {}
        for url, html in pages:
            status, body, _, _ = client.post("/api/v1/attribute", {"html": html, "url": url})
            words[url] = len(body["article"]["text"].split()) if status == 200 else 0
            texts[url] = body["article"]["text"] if status == 200 else ""
        warm_plan = [pages[i % len(pages)] for i in range(args.warmup)]
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(lambda p: Client(port).post("/api/v1/attribute", {"html": unique(p[1]), "url": p[0]}),
                          warm_plan))
        figures["rss_warm_mb"] = mb(idle_rss(server, port))
        figures["words_per_page"] = words

        # 3. single client, cache misses, the page nearest 1,000 words
        #    interleaved with a bare full parse of its text here, so both share the machine's moods
        url, html = min(pages, key=lambda p: abs(words[p[0]] - 1000))
        full = full_parser()
        bare_parse_s(full, texts[url])
        single, bare_times = [], []
        for _ in range(args.single):
            status, _, elapsed, cache = client.post("/api/v1/attribute", {"html": unique(html), "url": url})
            if status == 200 and cache == "miss":
                single.append(elapsed)
            bare_times.append(bare_parse_s(full, texts[url]))
        del full
        hit = [client.post("/api/v1/attribute", {"html": html, "url": url})[2] for _ in range(args.single)]
        bare = 1000 * percentile(bare_times, 50)
        figures["single"] = {"page": url, "words": words[url], "n": len(single),
                             "miss_p50_ms": 1000 * percentile(single, 50), "miss_p95_ms": 1000 * percentile(single, 95),
                             "hit_p50_ms": 1000 * percentile(hit, 50), "bare_parse_p50_ms": bare}

        # 4. the load
        peak = [tree_rss(server)]
        stop = threading.Event()

        health_ms: list[float] = []

        def sample() -> None:
            """RSS peak, and how long /health takes while the load runs (the extension's popup asks it)."""
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while not stop.wait(0.25):
                peak[0] = max(peak[0], tree_rss(server))
                t0 = time.perf_counter()
                try:
                    conn.request("GET", "/api/v1/health")
                    conn.getresponse().read()
                    health_ms.append(1000 * (time.perf_counter() - t0))
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        local = threading.local()
        plan = [(pages[i % len(pages)], rng.random() < args.repeat_share) for i in range(args.requests)]

        def one(item) -> tuple[int, float, str, str]:
            (url, html), repeat = item
            if not hasattr(local, "client"):
                local.client = Client(port)
            try:
                status, body, elapsed, cache = local.client.post(
                    "/api/v1/attribute", {"html": html if repeat else unique(html), "url": url})
                return status, elapsed, cache, body.get("code", "")
            except Exception as exc:  # noqa: BLE001 - a failed request is a counted error, not a crash
                return 0, float("nan"), "", type(exc).__name__

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(one, plan))
        wall = time.perf_counter() - t0
        stop.set()
        sampler.join()
        latencies = [r[1] for r in results if r[0] == 200]
        errors = Counter(f"{r[0]} {r[3]}".strip() for r in results if r[0] != 200)
        figures["load"] = {
            "requests": args.requests, "concurrency": args.concurrency, "repeat_share": args.repeat_share,
            "wall_s": round(wall, 1), "req_per_s": round(args.requests / wall, 2),
            "p50_ms": 1000 * percentile(latencies, 50), "p95_ms": 1000 * percentile(latencies, 95),
            "p99_ms": 1000 * percentile(latencies, 99), "max_ms": 1000 * max(latencies, default=float("nan")),
            "errors": sum(errors.values()), "errors_by_kind": dict(errors),
            "cache_hits": sum(1 for r in results if r[2] == "hit"),
            "health_p50_ms": percentile(health_ms, 50), "health_max_ms": max(health_ms, default=float("nan")),
        }
        figures["load_avg_1min_after"] = round(os.getloadavg()[0], 2)  # other work on the machine shows here
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/api/v1/health")
        figures["cache_after"] = json.loads(conn.getresponse().read())["cache"]  # what the cache itself holds
        figures["rss_after_mb"] = mb(idle_rss(server, port))
        figures["rss_peak_mb"] = mb(peak[0])
        figures["rss_after_over_warm"] = figures["rss_after_mb"] / figures["rss_warm_mb"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    s, ld = figures["single"], figures["load"]
    print(f"quotelens service load test: {figures['pages']} pages, {figures['cpus']} CPUs, "
          f"{figures['threads']} parse threads, {figures['parse_chars'] or 'default'} characters in flight, parse helper {'on' if figures['parse_helper'] else 'off'}; server up (model loaded) in {figures['startup_s']} s; "
          f"machine load average {figures['load_avg_1min_before']} before, {figures['load_avg_1min_after']} after")
    print(f"single client, cache miss, {s['page']} ({s['words']} words): "
          f"p50 {s['miss_p50_ms']:.0f} ms, p95 {s['miss_p95_ms']:.0f} ms over {s['n']}; cache hit p50 "
          f"{s['hit_p50_ms']:.1f} ms; bare full spaCy parse of the same text p50 {s['bare_parse_p50_ms']:.0f} ms "
          f"({s['miss_p50_ms'] / s['bare_parse_p50_ms']:.2f} x)")
    print(f"load: {ld['requests']} requests, {ld['concurrency']} clients, {ld['repeat_share']:.0%} repeats: "
          f"{ld['wall_s']} s, {ld['req_per_s']} req/s")
    print(f"  latency p50 {ld['p50_ms']:.0f} ms, p95 {ld['p95_ms']:.0f} ms, p99 {ld['p99_ms']:.0f} ms, "
          f"max {ld['max_ms']:.0f} ms; errors {ld['errors']} {ld['errors_by_kind'] or ''}; "
          f"cache hits {ld['cache_hits']}")
    print(f"  /health during the load: p50 {ld['health_p50_ms']:.1f} ms, max {ld['health_max_ms']:.0f} ms")
    print(f"  RSS: start {figures['rss_start_mb']:.0f} MB, after warm-up {figures['rss_warm_mb']:.0f} MB, "
          f"after load {figures['rss_after_mb']:.0f} MB ({figures['rss_after_over_warm']:.2f}x warm), "
          f"peak {figures['rss_peak_mb']:.0f} MB; the result cache holds {figures['cache_after']['entries']} answers, "
          f"{mb(figures['cache_after']['bytes']):.1f} MB")
    if args.json:
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
