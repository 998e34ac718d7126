"""One corpus run: inputs -> partitions -> the engine -> JSONL or a Parquet dataset.

    read (this process) ──partitions──▶ attribute (workers) ──rows──▶ write (this process)

The client reads the inputs and writes the output; workers only compute. So a cluster needs no
shared file system, and a partition's output is written exactly once, in one place, whichever
worker computed it (and however many times: a retried task gives the same rows).
"""
from __future__ import annotations

import functools
import itertools
import time
from dataclasses import dataclass
from typing import Any, Iterator

from ..config import Config
from ..errors import BadInput
from .engine import open_engine
from .output import JsonlFile, ParquetDataset
from .progress import Progress
from .documents import Document, Position
from .sources import describe, expand_inputs, read_documents
from .work import PartitionResult, PipelineFactory, process_partition

#: Documents per partition (one task, one file per table). A news page takes about 0.1 to 1 s to
#: clean and attribute, so a task of 32 lasts seconds: the engine's few ms per task vanish beside it,
#: two workers share 500 pages within one task's length of each other, --resume redoes at most 32
#: documents, and a million articles make 31,250 files per table, not millions.
PARTITION_SIZE = 32
FORMATS = ("jsonl", "parquet")


@dataclass
class RunSummary:
    documents: int
    errors: int
    words: int
    seconds: float
    skipped: int  # documents a resumed run found already done
    output: str | None
    format: str
    dashboard: str | None = None


def output_format(output: str | None, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise BadInput(f"unknown output format {fmt!r}; use jsonl or parquet")
        return fmt
    return "parquet" if output and output.rstrip("/").lower().endswith(".parquet") else "jsonl"


def _partitions(docs: Iterator[Document], size: int) -> Iterator[tuple[int, list[Document]]]:
    for index in itertools.count():
        chunk = list(itertools.islice(docs, size))
        if not chunk:
            return
        yield index, chunk


def _merge(results: list[PartitionResult]) -> PartitionResult:
    """Single-document results (of a partition that kept killing workers) -> one partition's."""
    first = results[0].output
    if isinstance(first, str):
        output: Any = "".join(r.output for r in results)
    else:
        import pyarrow as pa

        output = {name: pa.concat_tables([r.output[name] for r in results]) for name in first}
    return PartitionResult(output=output, documents=sum(r.documents for r in results),
                           errors=sum(r.errors for r in results), words=sum(r.words for r in results))


def _lost(config: Config, fmt: str, docs: list[Document], error: BaseException) -> PartitionResult:
    """A document whose task killed every worker that ran it: an error row, made here (no model)."""
    failed = [Document(id=d.id if d.kind != "line" else _line_id(d), kind="error", url=d.url,
                       crawled=d.crawled, source=d.source,
                       value={"code": "worker_died", "message": f"the worker process died on this document "
                                                                f"each time it was tried ({error})"})
              for d in docs]
    return process_partition(failed, config, fmt)


def _line_id(doc: Document) -> Any:
    import json

    try:
        item = json.loads(doc.value)
        return item.get("id", doc.id) if isinstance(item, dict) else doc.id
    except ValueError:
        return doc.id


def run_batch(inputs: list[str], output: str | None, *, config: Config | None = None, fmt: str | None = None,
              workers: int = 1, scheduler: str | None = None, resume: bool = False,
              partition_size: int = PARTITION_SIZE, progress: bool = True,
              factory: PipelineFactory | None = None) -> RunSummary:
    """Attribute every document of ``inputs`` into ``output``; see docs/corpus.md.

    Bad documents become error rows; a missing input, a bad option or an output that belongs to
    another run raises BadInput before any work."""
    config = config or Config()
    fmt = output_format(output, fmt)
    if partition_size < 1:
        raise BadInput("--partition-size must be at least 1")
    if fmt == "parquet" and output in (None, "-"):
        raise BadInput("Parquet output needs a folder name (-o OUT.parquet), not stdout")
    sources = expand_inputs(inputs)
    manifest = {"inputs": describe(sources), "partition_size": partition_size, "format": fmt,
                "config": {k: v for k, v in sorted(vars(config).items())}}
    writer = ParquetDataset(output, manifest, resume) if fmt == "parquet" else JsonlFile(output, resume)
    position = Position(sum(s.size for s in sources))
    meter = Progress(position, enabled=progress)
    engine = None
    try:
        engine = open_engine(config, workers=workers, scheduler=scheduler, factory=factory)
        meter.note(f"quotelens batch: {engine.description}"
                   + (f"; dashboard {engine.dashboard}" if engine.dashboard else ""))
        meter.restart()
        docs = read_documents(sources, config.max_page_bytes, position)
        skipped = writer.skip
        if fmt == "jsonl" and writer.skip:
            skipped = sum(1 for _ in itertools.islice(docs, writer.skip))
        parts = ((i, chunk) for i, chunk in _partitions(docs, partition_size)
                 if fmt != "parquet" or i not in writer.done)
        task = functools.partial(process_partition, config=config, fmt=fmt, factory=factory)
        start = time.monotonic()
        for key, result in engine.map(task, parts, ordered=fmt == "jsonl",
                                      split=lambda d: [[x] for x in d], merge=_merge,
                                      lost=functools.partial(_lost, config, fmt)):
            writer.write(key, result.output)
            meter.update(result.documents, result.errors, result.words)
        seconds = time.monotonic() - start
        summary = RunSummary(documents=meter.documents, errors=meter.errors, words=meter.words,
                             seconds=seconds, skipped=skipped, output=output, format=fmt,
                             dashboard=engine.dashboard)
        writer.finish(vars(summary))
        return summary
    finally:
        meter.close()
        writer.close()
        if engine is not None:
            engine.close()
