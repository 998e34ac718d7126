"""End to end: a real server process (waitress) on a free loopback port, real HTTP."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from ql_process import HERE, call, free_port, start, stop
SEED_TEXT = ("“We will not allow Syria to get away with this,” French Foreign Minister Jean-Marc Ayrault "
             "told reporters.")


@pytest.fixture
def fake_server():
    port = free_port()
    proc = start([str(HERE / "ql_fakes.py"), str(port)], port, seconds=20)
    yield port
    stop(proc)


def test_real_server_process_answers_health_and_attribute(fake_server):
    port = fake_server
    status, _, health = call(port, "/api/v1/health")
    assert status == 200 and health["ready"] is True and health["model"] == "fake_model"
    status, headers, body = call(port, "/api/v1/attribute", {"text": SEED_TEXT})
    assert status == 200 and headers["X-Quotelens-Cache"] == "miss"
    assert body["quotes"][0]["text"] == "We will not allow Syria to get away with this,"
    assert call(port, "/api/v1/attribute", {"text": SEED_TEXT})[1]["X-Quotelens-Cache"] == "hit"


def test_real_server_refuses_rebinding_and_web_origins(fake_server):
    port = fake_server
    status, _, body = call(port, "/api/v1/health", headers={"Host": f"rebind.example:{port}"})
    assert (status, body["code"]) == (403, "host_refused")
    status, headers, body = call(port, "/api/v1/attribute", {"text": "a"}, headers={"Origin": "https://evil.example"})
    assert (status, body["code"]) == (403, "origin_refused") and "Access-Control-Allow-Origin" not in headers
    status, _, body = call(port, "/api/v1/attribute", {"text": "a"},
                           headers={"Origin": f"http://127.0.0.1:{port}"})  # the paste page: same origin
    assert status == 200


def test_health_answers_while_every_parse_slot_is_busy():
    """Six slow requests on two parse slots: /health still answers, and sees them pending."""
    port = free_port()
    proc = start([str(HERE / "ql_fakes.py"), str(port), "0.6"], port, seconds=20)
    try:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(6) as pool:
            slow = [pool.submit(call, port, "/api/v1/attribute", {"text": f"“{i},” she said."}) for i in range(6)]
            pending = 0
            for _ in range(50):
                status, _, health = call(port, "/api/v1/health")
                assert status == 200
                pending = max(pending, health["pending"])
                if pending >= 2:
                    break
                time.sleep(0.05)
            assert pending >= 2  # health answered while parses were in flight
            assert [f.result()[0] for f in slow] == [200] * 6
    finally:
        stop(proc)


@pytest.mark.model
@pytest.mark.parametrize("launcher", [["-m", "quotelens.cli", "serve"], ["-m", "quotelens.server"]],
                         ids=["quotelens serve", "python -m quotelens.server"])
def test_serve_runs_the_real_pipeline(nlp, launcher):
    port = free_port()
    proc = start([*launcher, "--port", str(port), "--threads", "2"], port, seconds=90)
    try:
        status, _, health = call(port, "/api/v1/health")
        assert status == 200 and health["model"]
        status, _, body = call(port, "/api/v1/attribute", {"text": SEED_TEXT})
        assert status == 200
        assert [(q["text"], q["speaker"]) for q in body["quotes"] if q["kind"] == "direct"] == [
            ("We will not allow Syria to get away with this,", "Jean-Marc Ayrault")]
    finally:
        stop(proc)


@pytest.mark.model
def test_flask_cli_finds_the_app(nlp):
    out = subprocess.run([sys.executable, "-m", "flask", "--app", "quotelens.server", "routes"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "/api/v1/attribute" in out.stdout and "/api/v1/health" in out.stdout
