"""The result cache (LRU, bounded in entries and bytes, TTL) and the job runner
(bounded slots, single flight, deadline, busy)."""
from __future__ import annotations

import json
import threading
import time

import pytest

from quotelens.server.cache import ResultCache
from quotelens.server.errors import ApiError
from quotelens.server.runner import ParseBudget, Runner


def wait_for(condition, seconds: float = 5.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "condition never came true"
        time.sleep(0.002)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_lru_evicts_least_recently_used_entry():
    cache = ResultCache(max_entries=2, max_bytes=1000)
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.get("a") == b"1"  # a is now the most recent
    cache.put("c", b"3")
    assert cache.get("b") is None and cache.get("a") == b"1" and cache.get("c") == b"3"


def test_byte_budget_evicts_until_it_fits():
    cache = ResultCache(max_entries=100, max_bytes=10)
    cache.put("a", b"xxxx")
    cache.put("b", b"yyyy")
    cache.put("c", b"zzzz")
    assert cache.get("a") is None and cache.stats()["bytes"] == 8


def test_value_larger_than_the_budget_is_not_stored():
    cache = ResultCache(max_entries=10, max_bytes=3)
    cache.put("a", b"toolong")
    assert cache.get("a") is None and len(cache) == 0


def test_replacing_a_key_keeps_the_byte_count_right():
    cache = ResultCache(max_entries=10, max_bytes=100)
    cache.put("a", b"xxxx")
    cache.put("a", b"yy")
    assert cache.stats()["bytes"] == 2 and cache.get("a") == b"yy"


def test_large_answers_are_kept_compressed_and_come_back_whole():
    answer = json.dumps({"quotes": [{"id": f"q{n}", "start": n, "end": n + 40, "speaker": "s1",
                                     "selector": {"exact": "We are ready", "prefix": "", "suffix": ""}}
                                    for n in range(500)]}).encode()
    cache = ResultCache(max_entries=10, max_bytes=len(answer))  # would not fit uncompressed twice
    cache.put("a", answer)
    cache.put("b", answer)
    assert cache.get("a") == answer and cache.get("b") == answer
    assert cache.stats()["bytes"] < len(answer) / 3


def test_ttl_expires_url_results_only():
    clock = Clock()
    cache = ResultCache(10, 100, clock=clock)
    cache.put("url", b"1", ttl=60)
    cache.put("text", b"2")
    clock.now = 61
    assert cache.get("url") is None and cache.get("text") == b"2"
    assert cache.stats()["bytes"] == 1


def test_cache_counts_hits_and_misses():
    cache = ResultCache(10, 100)
    cache.get("a")
    cache.put("a", b"1")
    cache.get("a")
    assert cache.stats() == {"entries": 1, "bytes": 1, "hits": 1, "misses": 1}


def test_cache_is_safe_under_threads():
    cache = ResultCache(max_entries=50, max_bytes=10_000)

    def hammer(n):
        for i in range(500):
            cache.put(f"{n}-{i % 80}", b"x" * (i % 17))
            cache.get(f"{n}-{(i * 7) % 80}")

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stats = cache.stats()
    assert stats["entries"] <= 50 and stats["bytes"] <= 10_000
    assert stats["bytes"] == sum(len(stored) for stored, _, _ in cache._items.values())


def test_runner_returns_the_result_and_forgets_the_job():
    runner = Runner(slots=2, max_pending=4)
    assert runner.run("k", lambda: 42, timeout=5) == 42
    wait_for(lambda: runner.pending == 0)  # the done-callback runs just after the result is set


def test_runner_propagates_job_errors():
    runner = Runner(slots=1, max_pending=4)
    with pytest.raises(ZeroDivisionError):
        runner.run("k", lambda: 1 / 0, timeout=5)


def test_identical_jobs_in_flight_run_once():
    runner = Runner(slots=2, max_pending=4)
    calls = []
    gate = threading.Event()

    def job():
        calls.append(1)
        gate.wait(5)
        return "done"

    results = []
    waiters = [threading.Thread(target=lambda: results.append(runner.run("same", job, timeout=5))) for _ in range(3)]
    for t in waiters:
        t.start()
    wait_for(lambda: "same" in runner._jobs and runner._jobs["same"].waiters == 3)
    gate.set()
    for t in waiters:
        t.join()
    assert results == ["done"] * 3 and len(calls) == 1


def test_deadline_answers_504_timeout():
    runner = Runner(slots=1, max_pending=4)
    with pytest.raises(ApiError) as err:
        runner.run("slow", lambda: time.sleep(0.5), timeout=0.05)
    assert (err.value.status, err.value.code) == (504, "timeout")


def test_no_time_left_is_a_timeout_without_work():
    runner = Runner(slots=1, max_pending=4)
    calls = []
    with pytest.raises(ApiError) as err:
        runner.run("k", lambda: calls.append(1), timeout=0)
    assert err.value.code == "timeout" and calls == []


def test_queued_job_whose_waiter_gave_up_is_cancelled():
    runner = Runner(slots=1, max_pending=4)
    gate = threading.Event()
    ran = []
    blocker = threading.Thread(target=lambda: runner.run("block", gate.wait, timeout=5))
    blocker.start()
    wait_for(lambda: runner.pending == 1)
    with pytest.raises(ApiError):
        runner.run("queued", lambda: ran.append(1), timeout=0.05)
    gate.set()
    blocker.join()
    wait_for(lambda: runner.pending == 0)
    assert ran == []


def test_too_many_pending_jobs_is_503_busy():
    runner = Runner(slots=1, max_pending=1)
    gate = threading.Event()
    t = threading.Thread(target=lambda: runner.run("a", gate.wait, timeout=5))
    t.start()
    wait_for(lambda: runner.pending == 1)
    try:
        with pytest.raises(ApiError) as err:
            runner.run("b", lambda: None, timeout=1)
        assert (err.value.status, err.value.code) == (503, "busy")
    finally:
        gate.set()
        t.join()


def test_slots_bound_the_jobs_running_at_once():
    runner = Runner(slots=2, max_pending=32)
    running, peak, lock = [0], [0], threading.Lock()

    def job():
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1

    threads = [threading.Thread(target=runner.run, args=(f"k{i}", job, 5)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


def test_free_memory_is_released_every_few_jobs(make_app, monkeypatch):
    from quotelens.server import service
    from quotelens.server.settings import TRIM_EVERY

    calls = []
    monkeypatch.setattr(service, "release_free_memory", lambda: calls.append(1))
    app = make_app()
    client = app.test_client()
    client.post("/api/v1/attribute", json={"text": "“Alone,” she said."})
    assert len(calls) == 1  # the last job in flight: memory goes back after a burst
    monkeypatch.setattr(app.extensions["quotelens"].runner.__class__, "pending", property(lambda self: 5))
    calls.clear()
    for i in range(2 * TRIM_EVERY + 1):  # always busy: only every TRIM_EVERY jobs
        client.post("/api/v1/attribute", json={"text": f"“{i},” she said."})
    assert len(calls) == 2  # jobs 16 and 32 (job 1 was the one above)


class Text:
    """What ParseBudget reads of an article: its text."""

    def __init__(self, chars: int):
        self.text = "x" * chars


def test_parses_in_flight_stay_within_the_character_budget():
    budget = ParseBudget(10_000)
    running, peak, lock = [0], [0, 0], threading.Lock()

    def parse():
        with budget.admit(Text(4_000)):
            with lock:
                running[0] += 1
                peak[:] = [max(peak[0], running[0]), max(peak[1], budget.in_flight)]
            time.sleep(0.02)
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=parse) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == [2, 8_000]  # two 4,000-character pages fit in 10,000, a third does not
    assert budget.in_flight == 0


def test_a_page_longer_than_the_budget_is_parsed_alone():
    budget = ParseBudget(1_000)
    started = threading.Event()

    def short():
        with budget.admit(Text(10)):
            started.set()

    with budget.admit(Text(50_000)):  # not refused, and not waiting for ever
        assert budget.in_flight == 1_000
        t = threading.Thread(target=short)
        t.start()
        assert not started.wait(0.1)  # even a short page waits while it runs
    assert started.wait(5)
    t.join()


def test_pages_start_in_the_order_they_came():
    budget = ParseBudget(100)
    order = []
    first = budget.admit(Text(60))
    first.__enter__()

    def parse(name, chars):
        with budget.admit(Text(chars)):
            order.append(name)

    long = threading.Thread(target=parse, args=("long", 80))
    long.start()
    wait_for(lambda: len(budget._line) == 1)
    short = threading.Thread(target=parse, args=("short", 10))  # would fit now, but came later
    short.start()
    wait_for(lambda: len(budget._line) == 2)
    assert order == []
    first.__exit__(None, None, None)
    long.join()
    short.join()
    assert order == ["long", "short"]


def test_the_service_parses_within_its_budget(make_app):
    from quotelens.config import Config
    from quotelens.pipeline import Pipeline
    from quotelens.types import Attribution

    seen = []

    class Recording(Pipeline):
        def _run(self, article):
            seen.append(app.extensions["quotelens"].budget.in_flight)
            return Attribution(article=article)

    app = make_app(pipeline=Recording(nlp=None, config=Config()), PARSE_CHARS_IN_FLIGHT=5_000)
    response = app.test_client().post("/api/v1/attribute", json={"text": "A short text of 27 letters."})
    assert response.status_code == 200
    assert seen == [27]  # admitted with its length, inside the budget
    assert app.extensions["quotelens"].budget.in_flight == 0


def test_a_page_nobody_waits_for_any_more_leaves_the_line_unparsed():
    runner, budget = Runner(slots=2, max_pending=8), ParseBudget(100)
    parsed = []

    def job():
        with budget.admit(Text(80)):
            parsed.append("late page")

    with budget.admit(Text(60)):  # a long parse in flight: the next page must wait for room
        with pytest.raises(ApiError) as err:
            runner.run("late", job, timeout=0.3)
        assert err.value.status == 504
        wait_for(lambda: runner.pending == 0)  # the job ended instead of waiting for room
        assert len(budget._line) == 0
    assert parsed == []
    with budget.admit(Text(80)):  # the line moves on
        assert budget.in_flight == 80
