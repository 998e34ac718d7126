"""The worker plugin that loads the pipeline once per Dask worker process.

Its own module because importing ``distributed`` takes over a second: only a run that uses a
cluster pays for it, not `quotelens --help` or a one-worker batch.
"""
from __future__ import annotations

from distributed import WorkerPlugin

from ..config import Config
from ..malloc import keep_large_blocks_on_heap
from .work import PipelineFactory, pipeline_for


#: Dask's statistical profiler: it walks the running task's stack every 10 ms and keeps one
#: profile a second for an hour (Worker.profile_history). Over spaCy's deep stacks that history
#: grew each worker's peak RSS from 494 to 571 MB between 500 and 5,000 documents, and the walk
#: takes the GIL from the parse. The dashboard's Profile tab stays empty without it.
PROFILER_CALLBACKS = ("profile", "profile-cycle")


def stop_profiler(worker) -> None:
    """Stop the worker's profiler callbacks and drop what they kept (on the worker's event loop)."""
    # getattr: a worker of another distributed version may lack either; the run goes on regardless
    for name in PROFILER_CALLBACKS:
        callback = getattr(worker, "periodic_callbacks", {}).pop(name, None)
        if callback is not None:
            callback.stop()
    history = getattr(worker, "profile_history", None)
    if history is not None:
        history.clear()


class PipelinePlugin(WorkerPlugin):
    """``setup`` runs in each worker process when it starts (and in one that replaces a dead
    worker): the model loads there once, and every task finds it in ``work.pipeline_for``."""

    name = "quotelens-pipeline"

    def __init__(self, config: Config, factory: PipelineFactory | None = None):
        self.config, self.factory = config, factory

    def setup(self, worker) -> None:
        keep_large_blocks_on_heap()  # a nanny's MALLOC_TRIM_THRESHOLD_ made parses 24% slower (malloc.py)
        stop_profiler(worker)
        pipeline_for(self.config, self.factory)
