"""An archive to DataFrames in one call, for notebooks.

    >>> tables = quotelens.attribute_corpus("crawl/*.warc.gz", out="quotes.parquet", workers=2)  # doctest: +SKIP
    >>> tables.quotes.groupby("speaker").size().nlargest(10)                                  # doctest: +SKIP

The run is `quotelens batch` with Parquet output; the tables are read back from the dataset, as
pandas DataFrames, or as Dask DataFrames (``lazy=True``) when they are larger than memory.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from .run import RunSummary, run_batch
from .tables import TABLES


@dataclass
class CorpusTables:
    """A run's three tables (docs/corpus.md lists the columns) and where they are stored."""

    path: str
    quotes: Any
    documents: Any
    speakers: Any
    summary: RunSummary | None = None


def read_tables(path: str | os.PathLike, lazy: bool = False) -> CorpusTables:
    """Read a dataset written by `quotelens batch … -o OUT.parquet` (pandas, or Dask if ``lazy``)."""
    if lazy:
        import dask.dataframe as dd

        read = dd.read_parquet
    else:
        import pandas as pd

        read = pd.read_parquet
    frames = {name: read(str(Path(path) / name)) for name in TABLES}
    return CorpusTables(path=str(path), **frames)


def attribute_corpus(inputs: str | os.PathLike | list, out: str | os.PathLike | None = None, *,
                     workers: int = 1, scheduler: str | None = None, config: Config | None = None,
                     resume: bool = False, lazy: bool = False, progress: bool = True,
                     partition_size: int | None = None) -> CorpusTables:
    """Attribute every document of ``inputs`` (files, folders, globs: JSONL, Parquet, WARC, pages)
    and return the quotes, documents and speakers tables.

    ``out`` is the Parquet dataset to write (a new folder under the temporary directory when None);
    ``workers``/``scheduler`` as for `quotelens batch`. Bad documents are rows of ``documents``
    with their ``error_code``; nothing raises for them."""
    paths = [str(p) for p in inputs] if isinstance(inputs, (list, tuple)) else [str(inputs)]
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="quotelens-")) / "corpus.parquet"
    extra = {"partition_size": partition_size} if partition_size else {}
    summary = run_batch(paths, str(out), config=config, fmt="parquet", workers=workers, scheduler=scheduler,
                        resume=resume, progress=progress, **extra)
    tables = read_tables(out, lazy=lazy)
    tables.summary = summary
    return tables
