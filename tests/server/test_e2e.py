"""End to end: a real server process (waitress) on a free loopback port, real HTTP."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SEED_TEXT = ("“We will not allow Syria to get away with this,” French Foreign Minister Jean-Marc Ayrault "
             "told reporters.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port: int, path: str, body: dict | None = None, headers: dict | None = None):
    """(status, headers, JSON) of one request; HTTP errors are answers too."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, err.headers, json.loads(err.read())


def wait_until_up(proc: subprocess.Popen, port: int, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"server on port {port} did not come up in {seconds} s")


def start(args: list[str], port: int, seconds: float) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("QUOTELENS_TOKEN", None)
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        wait_until_up(proc, port, seconds)
    except BaseException:
        stop(proc)
        raise
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stderr:
        proc.stderr.close()


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
    proc = start([str(HERE / "ql_fakes.py"), str(port), "1.5"], port, seconds=20)
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
            assert pending >= 2 and not all(f.done() for f in slow)
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
