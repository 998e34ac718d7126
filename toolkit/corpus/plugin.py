"""The worker plugin that loads the pipeline once per Dask worker process.

Its own module because importing ``distributed`` takes over a second: only a run that uses a
cluster pays for it, not `quotelens --help` or a one-worker batch.
"""
from __future__ import annotations

from distributed import WorkerPlugin

from ..config import Config
from ..malloc import keep_large_blocks_on_heap
from .work import PipelineFactory, pipeline_for


class PipelinePlugin(WorkerPlugin):
    """``setup`` runs in each worker process when it starts (and in one that replaces a dead
    worker): the model loads there once, and every task finds it in ``work.pipeline_for``."""

    name = "quotelens-pipeline"

    def __init__(self, config: Config, factory: PipelineFactory | None = None):
        self.config, self.factory = config, factory

    def setup(self, worker) -> None:
        keep_large_blocks_on_heap()  # a nanny's MALLOC_TRIM_THRESHOLD_ made parses 24% slower (malloc.py)
        pipeline_for(self.config, self.factory)
