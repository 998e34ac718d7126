"""The one engine for many documents: Dask, from one laptop to a cluster.

    open_engine(workers=1)                      the partitions run here, in this process
    open_engine(workers=N)                      a LocalCluster of N worker processes on this machine
    open_engine(scheduler="tcp://host:8786")    an existing Dask cluster of any size

The same tasks run either way. Each worker process loads the model once, when a
``distributed.WorkerPlugin`` sets it up (also on a worker that joins or replaces a dead one), never
once per task. The client keeps only a window of partitions in flight, so memory stays flat
whatever the input's size. A partition whose worker died is retried by Dask on another worker; if
it kills workers every time, it is split into single documents so that only the document that kills
a worker is lost, as an error row.
"""
from __future__ import annotations

import importlib.util
import logging
from typing import Any, Callable, Iterable, Iterator

from ..config import Config
from .work import PipelineFactory, pipeline_for

#: Partitions in flight per worker thread: one running, one queued behind it, so that no worker
#: waits for the client between two partitions.
IN_FLIGHT_PER_THREAD = 2
#: A partition travels inside its task: 32 saved pages can weigh 10 MB, where Dask would warn that
#: the data should be loaded by the workers. Here it must not be (a cluster needs no shared file
#: system), so the warning waits for a partition far larger than any this client makes.
LARGE_TASK_WARNING = "256MB"
#: Seconds a local cluster may have no worker at all before the engine starts new ones. A nanny
#: restarts a worker that died, but gives up if the new process cannot start in time (seen on a
#: machine loaded 6x over its cores); without this the run would wait forever for workers.
NO_WORKER_GRACE = 30.0

Keyed = tuple[Any, Any]  # (key, payload)


class InProcess:
    """One worker, in this process: the partitions run in order, in the caller's thread."""

    dashboard: str | None = None
    description = "1 worker in this process"

    def __init__(self, config: Config, factory: PipelineFactory | None = None):
        pipeline_for(config, factory)  # load the model now, once: a missing model fails before any work

    def map(self, fn: Callable[[Any], Any], items: Iterable[Keyed], **_: Any) -> Iterator[tuple[Any, Any]]:
        for key, payload in items:
            yield key, fn(payload)

    def close(self) -> None:
        pass


class DaskEngine:
    """A Dask client, on a cluster it started (LocalCluster) or on one it was given."""

    def __init__(self, client, cluster=None, workers: int = 0):
        self.client, self.cluster, self.workers = client, cluster, workers
        self._empty_since: float | None = None
        self.dashboard = client.dashboard_link if _has_dashboard() else None
        self.description = (f"local Dask cluster, {len(client.scheduler_info()['workers'])} workers"
                            if cluster is not None else f"Dask cluster at {client.scheduler.address}")

    def _window(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return IN_FLIGHT_PER_THREAD * threads

    def map(self, fn: Callable[[Any], Any], items: Iterable[Keyed], *, ordered: bool = True,
            split: Callable[[Any], list] | None = None, merge: Callable[[list], Any] | None = None,
            lost: Callable[[Any, BaseException], Any] | None = None) -> Iterator[tuple[Any, Any]]:
        """(key, fn(payload)) for each item, in input order when ``ordered``, else as they finish.

        ``split``/``merge``/``lost``: what to do with a payload whose task killed workers until Dask
        gave up on it (KilledWorker): run each piece of ``split(payload)`` alone, ``merge`` their
        results, and let ``lost(piece, error)`` stand for a piece that still kills its worker."""
        import dask
        from distributed import as_completed

        source = iter(items)
        running = as_completed()
        about: dict[Any, tuple[int, Any, Any]] = {}  # future -> (seq, key, payload)
        done: dict[int, tuple[Any, Any]] = {}
        seq = out = 0
        window, exhausted = self._window(), False
        while True:
            while not exhausted and seq - out < window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                with dask.config.set({"distributed.admin.large-graph-warning-threshold": LARGE_TASK_WARNING}):
                    future = self.client.submit(fn, item[1], pure=False)
                about[future] = (seq, *item)
                running.add(future)
                seq += 1
            if running.is_empty():
                break
            while not running.has_ready():
                self._watch(list(running.futures))
            future = next(running)
            n, key, payload = about.pop(future)
            done[n] = (key, self._result(future, fn, payload, split, merge, lost))
            if ordered:
                while out in done:
                    yield done.pop(out)
                    out += 1
            else:
                yield done.pop(n)
                out += 1
                window = self._window() if out % 64 == 0 else window  # workers may join or leave

    def _watch(self, futures: list) -> None:
        """Wait a little for a result; revive a local cluster that has lost every worker."""
        import time

        from distributed import wait

        try:
            wait(futures, timeout=2, return_when="FIRST_COMPLETED")
        except Exception:  # noqa: BLE001 - a timeout: nothing finished in 2 s
            pass
        if self.cluster is None or any(f.done() for f in futures):
            return
        if self.client.scheduler_info(n_workers=-1)["workers"]:
            self._empty_since = None
            return
        now = time.monotonic()
        self._empty_since = self._empty_since or now
        if now - self._empty_since > NO_WORKER_GRACE:
            self._empty_since = None
            self.cluster.scale(0)  # forget the nannies that gave up ...
            self.cluster.scale(self.workers)  # ... and start new ones; the plugin loads their model

    def _wait_all(self, futures: list) -> None:
        while not all(f.done() for f in futures):
            self._watch([f for f in futures if not f.done()])

    def _result(self, future, fn, payload, split, merge, lost):
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            if lost is None:
                raise
            pieces = split(payload) if split is not None else [payload]
            singles = [self.client.submit(fn, piece, pure=False) for piece in pieces]
            self._wait_all(singles)
            results = []
            for piece, single in zip(pieces, singles):
                if single.status != "error":
                    results.append(single.result())
                    continue
                # A single that died may have shared its worker with the one that kills: run it
                # again, now that its siblings are done, so that only a document that kills its
                # worker on its own is lost.
                again = self.client.submit(fn, piece, pure=False)
                self._wait_all([again])
                try:
                    results.append(again.result())
                except KilledWorker as exc:
                    results.append(lost(piece, exc))
            return merge(results)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _has_dashboard() -> bool:
    return importlib.util.find_spec("bokeh") is not None  # distributed serves its dashboard with bokeh


def open_engine(config: Config, workers: int = 1, scheduler: str | None = None,
                factory: PipelineFactory | None = None) -> InProcess | DaskEngine:
    """The engine for a run; raises the pipeline's own error (ModelMissing, ...) if a worker cannot
    load the model, before any document is read."""
    if scheduler is None and workers <= 1:
        return InProcess(config, factory)
    from distributed import Client, LocalCluster

    from .plugin import PipelinePlugin  # imports distributed (1.5 s): only when a cluster is used

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0" if _has_dashboard() else None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        client = Client(scheduler, timeout="30s")
    engine = DaskEngine(client, cluster, workers)
    try:
        _check_setup(client.register_plugin(PipelinePlugin(config, factory), name=PipelinePlugin.name))
    except BaseException:
        engine.close()
        raise
    return engine


def _check_setup(responses: Any) -> None:
    """register_plugin answers per worker; a worker that failed to load the model raises here."""
    for reply in (responses or {}).values():
        if isinstance(reply, dict) and reply.get("status") == "error":
            raise reply["exception"]
