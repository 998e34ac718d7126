"""Where a run's output goes: a JSONL file (as `quotelens batch` always wrote) or a Parquet dataset.

    OUT.parquet/
        quotes/part-00000000.parquet       one file per partition in each table, numbered in
        speakers/part-00000000.parquet     input order, so that the files read in name order
        documents/part-00000000.parquet    hold the documents in input order
        _quotelens_run.json                the run's inputs and options (what --resume checks)
        _SUCCESS                           written last, when every partition is in

Each file is written under a hidden temporary name (``.part-….tmp``, which pyarrow, DuckDB and
Spark skip) and renamed when complete, so a crash leaves whole files only: the committer of Spark
and Hadoop. A partition counts as done when its ``documents`` file exists (it is renamed last), so
``--resume`` skips exactly the finished partitions and redoes the rest, with the same file names.

JSONL output is one line per document in input order; ``--resume`` keeps the complete lines, cuts a
half-written last line, and starts after the documents already written.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import BadInput
from .tables import TABLES

MANIFEST = "_quotelens_run.json"
SUCCESS = "_SUCCESS"


def part_name(index: int) -> str:
    return f"part-{index:08d}.parquet"


class ParquetDataset:
    """A folder of three tables, written one partition at a time."""

    def __init__(self, path: str, manifest: dict[str, Any], resume: bool):
        self.root = Path(path)
        self.done: set[int] = set()
        self.skip = 0  # documents already written by the run being resumed
        existing = self.root / MANIFEST
        if self.root.exists() and not self.root.is_dir():
            raise BadInput(f"{path} exists and is not a folder; a Parquet dataset is a folder")
        if existing.exists():
            if not resume:
                raise BadInput(f"{path} already holds a run: add --resume to finish it, or remove it first")
            previous = json.loads(existing.read_text(encoding="utf-8"))
            if previous != manifest:
                raise BadInput(f"{path} holds a run with other inputs or options; --resume needs the same "
                               f"inputs, --partition-size and model options")
            self.done = {int(p.name[5:13]) for p in (self.root / "documents").glob("part-*.parquet")}
            self.skip = _rows(self.root / "documents", self.done)
        elif self.root.exists() and any(self.root.iterdir()):
            raise BadInput(f"{path} is a folder that is not a quotelens run; give a new name")
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
            for stale in (self.root / table).glob(".part-*.tmp"):  # left by a killed run
                stale.unlink()
        (self.root / SUCCESS).unlink(missing_ok=True)
        tmp = self.root / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(tmp, existing)

    def write(self, index: int, tables: dict[str, Any]) -> None:
        import pyarrow.parquet as pq

        for table in ("quotes", "speakers", "documents"):  # documents last: it marks the partition done
            final = self.root / table / part_name(index)
            tmp = final.with_name(f".{final.name}.tmp")
            pq.write_table(tables[table], tmp)
            os.replace(tmp, final)
        self.done.add(index)

    def finish(self, summary: dict[str, Any]) -> None:
        (self.root / SUCCESS).write_text(json.dumps(summary) + "\n", encoding="utf-8")

    def close(self) -> None:
        pass


def _rows(folder: Path, parts: set[int]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(folder / part_name(i)).num_rows for i in parts)


class JsonlFile:
    """JSONL output, in input order; ``skip``: documents already written by the run being resumed."""

    def __init__(self, path: str | None, resume: bool):
        self.skip = 0
        self.stdout = path in (None, "-")
        if self.stdout:
            if resume:
                raise BadInput("--resume needs an output file (-o OUT), not stdout")
            self.out: TextIO = sys.stdout
            return
        if resume and os.path.exists(path):
            self.skip = _keep_whole_lines(path)
            self.out = open(path, "a", encoding="utf-8")
        else:
            self.out = open(path, "w", encoding="utf-8")

    def write(self, _key: Any, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def finish(self, summary: dict[str, Any]) -> None:
        pass

    def close(self) -> None:
        if not self.stdout:
            self.out.close()


def _keep_whole_lines(path: str) -> int:
    """Cut a half-written last line (a run killed mid-write); return the number of whole lines."""
    lines = 0
    keep = 0
    with open(path, "rb") as f:
        offset = 0
        for line in f:
            offset += len(line)
            if line.endswith(b"\n"):
                lines += 1
                keep = offset
    if keep != os.path.getsize(path):
        os.truncate(path, keep)
    return lines
