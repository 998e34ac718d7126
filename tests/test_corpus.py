"""quotelens.corpus, fast: every input format, the Parquet dataset's schema, bad input, resume.

The stand-in pipeline (tests/corpus_stub.py) runs here, in process: these tests are about reading,
partitioning and writing, not the model. tests/test_corpus_cluster.py runs the engine on real Dask
clusters and the real model."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpus_helpers import bundled_pages, read_table, write_jsonl, write_warc
from corpus_stub import stub_factory
from quotelens.corpus import COLUMNS, TABLES, read_tables, run_batch
from quotelens.corpus.tables import schema
from quotelens.errors import BadInput


def run(inputs, out, **kw):
    kw.setdefault("progress", False)
    return run_batch([str(i) for i in inputs], str(out), factory=stub_factory, **kw)


def doc_ids(dataset: Path) -> list[str]:
    return read_table(dataset, "documents").column("doc_id").to_pylist()


def errors(dataset: Path) -> dict[str, str]:
    docs = read_table(dataset, "documents").to_pylist()
    return {d["doc_id"]: d["error_code"] for d in docs if d["error_code"]}


@pytest.fixture
def mixed_inputs(tmp_path):
    """One of each input format: two documents each, and the three bundled pages in the WARC."""
    pages = bundled_pages()
    write_jsonl(tmp_path / "a.jsonl", [{"id": "j1", "text": "alpha one"}, {"id": "j2", "html": "<p>beta two</p>"}])
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": "gamma"}) + "\n" + json.dumps({"id": "g2", "text": "delta"}) + "\n")
    pq.write_table(__import__("pyarrow").table({"id": ["p1", "p2"], "text": ["epsilon", "zeta"]}), tmp_path / "c.parquet")
    write_warc(tmp_path / "d.warc.gz", pages)
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "x.html").write_bytes(b"<html><body><p>eta page</p></body></html>")
    (folder / "sub" / "y.htm").write_bytes(b"<html><body><p>theta page</p></body></html>")
    (folder / "notes.txt").write_text("not a page")
    return tmp_path, pages


def test_every_input_format_in_one_run(mixed_inputs):
    tmp, pages = mixed_inputs
    out = tmp / "out.parquet"
    summary = run([tmp / "a.jsonl", tmp / "b.jsonl.gz", tmp / "c.parquet", tmp / "d.warc.gz", tmp / "saved"], out,
                  partition_size=3)
    warc_ids = [f"<urn:uuid:page-{n}>" for n in range(len(pages))]
    assert doc_ids(out) == ["j1", "j2", "g1", "g2", "p1", "p2", *warc_ids, "sub/y.htm", "x.html"]
    assert summary.documents == 8 + len(pages) and summary.errors == 0
    docs = {d["doc_id"]: d for d in read_table(out, "documents").to_pylist()}
    first = docs[warc_ids[0]]
    assert first["url"] == pages[0][0] and first["crawled"] == "2025-01-01T00:00:00Z"
    assert first["site"] == pages[0][0].split("/")[2].removeprefix("www.")
    quotes = read_table(out, "quotes").to_pylist()
    assert [q["text"] for q in quotes if q["doc_id"] in ("j1", "p2", "x.html")] == ["alpha", "zeta", "eta"]
    assert read_table(out, "speakers").num_rows == summary.documents
    assert (out / "_SUCCESS").exists()


def test_globs_and_jsonl_output_keep_input_order(mixed_inputs):
    tmp, _ = mixed_inputs
    out = tmp / "out.jsonl"
    run([tmp / "*.jsonl*"], out, partition_size=1)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["j1", "j2", "g1", "g2"]
    assert records[0]["quotes"][0]["text"] == "alpha" and records[0]["text"] == "alpha one"


def test_parquet_schema_read_back_by_pyarrow_and_duckdb(mixed_inputs):
    duckdb = pytest.importorskip("duckdb")
    tmp, _ = mixed_inputs
    out = tmp / "out.parquet"
    run([tmp / "a.jsonl", tmp / "d.warc.gz"], out, partition_size=2)
    duck = {"string": "VARCHAR", "int64": "BIGINT", "float64": "DOUBLE"}
    for name in TABLES:
        assert read_table(out, name).schema.equals(schema(name))
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out}/{name}/*.parquet')").fetchall()
        assert [(c, t) for c, t, *_ in described] == [(c, duck[t]) for c, t in COLUMNS[name]]
    count = duckdb.sql(f"SELECT count(*) FROM '{out}/quotes/*.parquet' WHERE speaker = 'Stub Speaker'").fetchall()[0][0]
    assert count == read_table(out, "documents").num_rows
    tables = read_tables(out)
    assert list(tables.quotes.columns) == [c for c, _ in COLUMNS["quotes"]]


@pytest.mark.slow
def test_each_table_is_one_spark_read(mixed_inputs):
    """Spark reads each table folder in one call, with the documented types (not in CI: pyspark
    is 300 MB and needs Java; `pip install pyspark` runs it)."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (CI leaves it out: 300 MB and Java)")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java and there is none on PATH")
    from pyspark.sql import SparkSession

    tmp, _ = mixed_inputs
    out = tmp / "out.parquet"
    run([tmp / "a.jsonl", tmp / "d.warc.gz"], out, partition_size=2)
    spark_type = {"string": "string", "int64": "bigint", "float64": "double"}
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        for name in TABLES:
            frame = spark.read.parquet(str(out / name))
            assert [(f.name, f.dataType.simpleString()) for f in frame.schema.fields] == [
                (c, spark_type[t]) for c, t in COLUMNS[name]]
            assert frame.count() == read_table(out, name).num_rows
    finally:
        spark.stop()


def test_bad_input_costs_only_itself(tmp_path):
    pages = bundled_pages()
    offsets = write_warc(tmp_path / "broken.warc.gz", pages)
    data = bytearray((tmp_path / "broken.warc.gz").read_bytes())
    data[offsets[1] + 40: offsets[1] + 80] = b"\x00" * 40  # damage the second page's gzip member
    (tmp_path / "broken.warc.gz").write_bytes(bytes(data))
    lines = "".join(json.dumps({"id": f"t{n}", "text": f"line {n}"}) + "\n" for n in range(200)).encode()
    whole = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    pq.write_table(__import__("pyarrow").table({"name": ["a"], "body": ["b"]}), tmp_path / "columns.parquet")
    (tmp_path / "garbage.parquet").write_bytes(b"PAR1 this is not parquet")
    (tmp_path / "eio.jsonl").symlink_to("/proc/self/mem")  # a file the OS refuses to read (EIO)
    write_jsonl(tmp_path / "good.jsonl", [{"id": "ok", "text": "fine"}, "not json", {"id": "e", "text": " "}])
    out = tmp_path / "out.parquet"
    inputs = ["broken.warc.gz", "cut.jsonl.gz", "columns.parquet", "garbage.parquet", "eio.jsonl", "good.jsonl"]
    run([tmp_path / i for i in inputs], out, partition_size=4)
    docs = read_table(out, "documents").to_pylist()
    by_id = {d["doc_id"]: d for d in docs}
    bad = errors(out)
    # the WARC: the two intact pages read, the damaged record one error row
    assert {"<urn:uuid:page-0>", "<urn:uuid:page-2>"} <= set(by_id) - set(bad)
    warc_errors = [k for k in bad if k.startswith(str(tmp_path / "broken.warc.gz"))]
    assert len(warc_errors) == 1 and "corrupt WARC record" in by_id[warc_errors[0]]["error_message"]
    # the truncated gzip: every line before the cut, then one error naming the file
    kept = [d for d in docs if d["doc_id"].startswith("t")]
    assert len(kept) > 50 and all(d["error_code"] is None for d in kept)
    assert "compressed data ends" in by_id[str(tmp_path / "cut.jsonl.gz")]["error_message"]
    assert "needs a column text, html or url" in by_id[str(tmp_path / "columns.parquet")]["error_message"]
    assert bad[str(tmp_path / "garbage.parquet")] == "bad_input"
    assert bad[str(tmp_path / "eio.jsonl")] == "unreadable"
    assert bad["2"] == "bad_input" and bad["e"] == "empty_text" and "ok" not in bad


def test_resume_skips_finished_partitions_and_matches_one_run(tmp_path, monkeypatch):
    write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{n}", "text": f"word{n} more"} for n in range(10)])
    whole, resumed = tmp_path / "whole.parquet", tmp_path / "resumed.parquet"
    run([tmp_path / "in.jsonl"], whole, partition_size=3)
    run([tmp_path / "in.jsonl"], resumed, partition_size=3)
    # as a killed run leaves it: partitions 1 and 3 never written, a temporary file half written
    for table in TABLES:
        for part in (1, 3):
            (resumed / table / f"part-{part:08d}.parquet").unlink()
    (resumed / "quotes" / ".part-00000001.parquet.tmp").write_bytes(b"half")
    log = tmp_path / "log.txt"
    monkeypatch.setenv("QUOTELENS_STUB_LOG", str(log))
    summary = run([tmp_path / "in.jsonl"], resumed, partition_size=3, resume=True)
    assert summary.skipped == 6 and summary.documents == 4
    assert sorted(line.split("\t")[1].split()[0] for line in log.read_text().splitlines()) == ["word3", "word4", "word5", "word9"]
    for table in TABLES:
        assert read_table(resumed, table).equals(read_table(whole, table))
    assert not list(resumed.glob("*/.part-*"))
    with pytest.raises(BadInput, match="--resume"):
        run([tmp_path / "in.jsonl"], resumed, partition_size=3)
    with pytest.raises(BadInput, match="other inputs or options"):
        run([tmp_path / "in.jsonl"], resumed, partition_size=4, resume=True)


def test_jsonl_resume_cuts_a_half_written_line(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": n, "text": f"w{n} x"} for n in range(7)])
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    run([tmp_path / "in.jsonl"], whole, partition_size=2)
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    resumed.write_text("".join(lines[:3]) + lines[3][:10], encoding="utf-8")
    summary = run([tmp_path / "in.jsonl"], resumed, partition_size=2, resume=True)
    assert summary.skipped == 3 and summary.documents == 4
    assert resumed.read_bytes() == whole.read_bytes()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotelens.cli", *args], capture_output=True, timeout=120)


@pytest.mark.parametrize("argv, message", [
    (["batch", "/no/such/input.jsonl"], b"no such file"),
    (["batch", "s3://bucket/crawl.warc.gz"], b"not s3:// URLs"),
    (["batch", "/no/such/dir/*.warc.gz"], b"no file matches"),
    (["batch", "-", "--format", "parquet"], b"needs a folder name"),
    (["batch", "-", "--workers", "0"], b"at least 1"),
])
def test_batch_refuses_bad_arguments_with_one_line(argv, message):
    out = cli(*argv)
    assert out.returncode == 2, out.stderr
    assert message in out.stderr and b"Traceback" not in out.stderr
    assert out.stderr.strip().count(b"\n") == 0
