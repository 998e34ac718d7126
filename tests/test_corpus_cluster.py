"""quotelens.corpus on real Dask clusters and real processes: a run killed with SIGKILL and resumed,
a worker process dying mid-run, a separate `dask scheduler` and `dask worker` driven through
--scheduler, and the real model giving the same answers as `quotelens attribute` and one worker."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_helpers import PAGES, bundled_pages, read_table, write_jsonl
from corpus_stub import stub_factory
from quotelens.corpus import TABLES, run_batch

pytestmark = pytest.mark.slow
TESTS = Path(__file__).resolve().parent
STUB = TESTS / "corpus_stub.py"


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]), **extra}


def _done_parts(dataset: Path) -> int:
    return len(list((dataset / "documents").glob("part-*.parquet"))) if dataset.exists() else 0


@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_the_process_was_killed(tmp_path, workers):
    write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{n}", "text": f"word{n} SLEEP"} for n in range(48)])
    out, whole, log = tmp_path / "out.parquet", tmp_path / "whole.parquet", tmp_path / "log.txt"
    run_batch([str(tmp_path / "in.jsonl")], str(whole), partition_size=4, progress=False, factory=stub_factory)
    argv = [sys.executable, str(STUB), str(tmp_path / "in.jsonl"), "-o", str(out), "--partition-size", "4",
            "--quiet", "--workers", str(workers)]
    env = _env(QUOTELENS_STUB_LOG=str(log), QUOTELENS_STUB_SLEEP="0.1")
    proc = subprocess.Popen(argv, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _done_parts(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its Dask workers, mid-run, without warning
    proc.wait()
    finished = _done_parts(out)
    assert 3 <= finished < 12, "the run was not killed mid-way"
    assert not (out / "_SUCCESS").exists()
    done_before = {row["doc_id"] for row in read_table(out, "documents").to_pylist()}
    for name in TABLES:  # only whole files are visible after the kill
        read_table(out, name)
    log.write_text("")
    resumed = subprocess.run([*argv, "--resume"], env=env, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    redone = {line.split("\t")[1].split()[0].replace("word", "d") for line in log.read_text().splitlines()}
    assert not redone & done_before and len(redone) + len(done_before) >= 48
    for name in TABLES:
        assert read_table(out, name).equals(read_table(whole, name))


def test_jsonl_resume_after_kill_equals_one_run(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": n, "text": f"word{n} SLEEP"} for n in range(40)])
    out, whole = tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    run_batch([str(tmp_path / "in.jsonl")], str(whole), partition_size=3, progress=False, factory=stub_factory)
    argv = [sys.executable, str(STUB), str(tmp_path / "in.jsonl"), "-o", str(out), "--partition-size", "3", "--quiet"]
    proc = subprocess.Popen(argv, env=_env(QUOTELENS_STUB_SLEEP="0.1"), start_new_session=True)
    while (not out.exists() or out.read_text().count("\n") < 10) and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 10 <= out.read_text().count("\n") < 40
    assert subprocess.run([*argv, "--resume"], env=_env(), timeout=300).returncode == 0
    assert out.read_bytes() == whole.read_bytes()


def test_a_worker_that_dies_is_replaced_and_nothing_is_lost_or_doubled(tmp_path):
    import dask
    import distributed  # noqa: F401 - its config defaults first: leaving the `with` below restores
    # dask's config to what it was, and a "distributed" key set before the import would take
    # distributed's defaults with it for the rest of the session

    marker = tmp_path / "killed-once"
    docs = [{"id": f"d{n}", "text": f"word{n}"} for n in range(16)]
    docs[5]["text"] = f"dies KILL-ONCE:{marker}"
    docs[12]["text"] = "dies KILL-ALWAYS"
    write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.parquet"
    # one retry instead of Dask's default three: the same path, with fewer worker restarts to wait for
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        summary = run_batch([str(tmp_path / "in.jsonl")], str(out), workers=2, partition_size=4, progress=False,
                            factory=stub_factory)
    assert marker.exists()  # a worker did die on d5
    rows = read_table(out, "documents").to_pylist()
    assert [r["doc_id"] for r in rows] == [f"d{n}" for n in range(16)]  # each once, in order
    assert {r["doc_id"]: r["error_code"] for r in rows if r["error_code"]} == {"d12": "worker_died"}
    assert summary.documents == 16 and summary.errors == 1
    quotes = read_table(out, "quotes").to_pylist()
    assert len(quotes) == 15 and {q["doc_id"] for q in quotes} == {f"d{n}" for n in range(16)} - {"d12"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path):
    """`dask scheduler` and `dask worker` as separate processes on 127.0.0.1, as on two machines."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask_cli = [str(Path(sys.executable).parent / "dask")]
    logs = open(tmp_path / "cluster.log", "wb")
    scheduler = subprocess.Popen([*dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--dashboard-address", ":0"], stdout=logs, stderr=logs, start_new_session=True)
    worker = subprocess.Popen([*dask_cli, "worker", address, "--host", "127.0.0.1", "--nworkers", "2",
                               "--nthreads", "1", "--no-dashboard"], stdout=logs, stderr=logs, start_new_session=True)
    try:
        yield address
    finally:
        for proc in (worker, scheduler):
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        logs.close()


def test_workers_run_without_dasks_profiler():
    """The plugin stops Dask's profiler in each worker (it grew a worker's memory for an hour)."""
    from quotelens.config import Config
    from quotelens.corpus.engine import open_engine

    engine = open_engine(Config(), workers=2, factory=stub_factory)
    try:
        seen = engine.client.run(lambda dask_worker: (sorted(dask_worker.periodic_callbacks),
                                                      len(dask_worker.profile_history)))
    finally:
        engine.close()
    assert len(seen) == 2
    for callbacks, history in seen.values():
        assert not {"profile", "profile-cycle"} & set(callbacks) and history == 0
        assert "heartbeat" in callbacks  # the rest of the worker runs as before


def _pages_input(tmp_path: Path) -> Path:
    items = [{"id": f"page{n}", "html": html.decode("utf-8"), "url": url} for n, (url, html) in enumerate(bundled_pages())]
    items += [{"id": "t1", "text": "“We will rebuild every bridge,” said Governor Ann Walsh."}, {"id": "empty", "text": ""}]
    write_jsonl(tmp_path / "in.jsonl", items)
    return tmp_path / "in.jsonl"


@pytest.mark.model
def test_real_model_same_answers_in_process_on_a_cluster_and_through_attribute(tmp_path, dask_cluster):
    inp = _pages_input(tmp_path)
    one = tmp_path / "one.parquet"
    run_batch([str(inp)], str(one), partition_size=2, progress=False)
    remote = subprocess.run([sys.executable, "-m", "quotelens.cli", "batch", str(inp), "-o", str(tmp_path / "cl.parquet"),
                             "--scheduler", dask_cluster, "--partition-size", "2"], capture_output=True, timeout=600)
    assert remote.returncode == 0, remote.stderr
    assert b"Dask cluster at " + dask_cluster.encode() in remote.stderr and b"dashboard" in remote.stderr
    for name in TABLES:
        assert read_table(tmp_path / "cl.parquet", name).equals(read_table(one, name))
    quotes = read_table(one, "quotes").to_pylist()
    assert "Ann Walsh" in {q["speaker"] for q in quotes if q["doc_id"] == "t1"}
    # the folder of pages, as JSONL, against `quotelens attribute PAGE --json`, page by page
    jsonl = tmp_path / "pages.jsonl"
    run_batch([str(PAGES)], str(jsonl), progress=False)
    records = {r["id"]: r for r in map(json.loads, jsonl.read_text(encoding="utf-8").splitlines())}
    for page in sorted(PAGES.glob("*.html")):
        single = subprocess.run([sys.executable, "-m", "quotelens.cli", "attribute", str(page), "--json"],
                                capture_output=True, timeout=300)
        data = json.loads(single.stdout)
        mine = records[page.name]
        assert mine["text"] == data["article"]["text"]
        assert mine["quotes"] == data["quotes"] and mine["speakers"] == data["speakers"]
        assert mine["quotes"], "a bundled page with no quote proves little"
