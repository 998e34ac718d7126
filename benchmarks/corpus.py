"""quotelens batch on one worker and on a local Dask cluster of two, on the same documents (one run).

    python benchmarks/corpus.py [--docs 500] [--large 5000] [--source wcxb|polnear]

Prints, for the same --docs documents (default: the first 500 of the 793 WCXB dev pages, HTML,
cleaned and attributed; or the PolNeAR dev texts, repeated past 466):
  - documents/s and words/s: the bare pipeline in a loop (no engine), one worker in this process,
    and a local cluster of 2 worker processes; the cluster's speed-up over one worker;
  - the engine's cost per document: one worker's time minus the bare loop's, per document
    (reading, partitioning, writing Parquet); the cluster's start-up (cluster + model loads);
  - peak RSS of each worker process (sampled every 0.2 s with psutil) at --docs and at --large
    documents (the pages repeated with new ids): flat memory means these two are close;
  - a projection for one million articles: core-hours, and hours on this machine and per 100 cores.

The documents are read from the evaluation folder by path ($QUOTELENS_EVAL) and written to a
temporary JSONL file outside the repository for the run; nothing is copied into the project. The
machine is shared and noisy: the figures are one run's, the speed-up a ratio within it.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

from quotelens import Config
from quotelens.corpus import PARTITION_SIZE, run_batch

EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def documents(source: str):
    if source == "wcxb":
        with gzip.open(EVAL / "clean" / "wcxb-dev-articles.input.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                yield {"id": item["id"], "html": item["html"], "url": item.get("url")}
    else:
        with open(EVAL / "polnear-dev.jsonl", encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                yield {"id": item["id"], "text": item["text"]}


def write_input(path: Path, source: str, n: int) -> None:
    """The first n documents, the corpus repeated with new ids when n is larger than it."""
    with open(path, "w", encoding="utf-8") as out:
        for k, item in enumerate(itertools.islice(itertools.cycle(list(documents(source))), n)):
            out.write(json.dumps({**item, "id": f"{item['id']}#{k}"}) + "\n")


class RssSampler:
    """Peak resident memory of each child process (the cluster's workers) while a run lasts."""

    def __init__(self):
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}  # user + system seconds, last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    if "python" in child.name().lower():
                        self.peak[child.pid] = max(self.peak.get(child.pid, 0), child.memory_info().rss)
                        times = child.cpu_times()
                        self.cpu[child.pid] = times.user + times.system
                except psutil.Error:
                    pass
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def workers_mb(self) -> list[int]:
        # the workers are the big children (a model each); the resource tracker and the like are small
        return sorted((v // 2**20 for v in self.peak.values() if v > 150 * 2**20), reverse=True)


def bare_loop(path: Path) -> tuple[float, int]:
    """The pipeline alone, in this process, in the engine's partitions: no reading, no writing."""
    from quotelens.corpus.documents import Document
    from quotelens.corpus.work import attribute_documents, pipeline_for

    pipe = pipeline_for(Config())
    docs = [Document(id=n, kind="line", value=line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines())]
    t0 = time.perf_counter()
    words = 0
    for k in range(0, len(docs), PARTITION_SIZE):
        for _, _, out in attribute_documents(docs[k:k + PARTITION_SIZE], pipe):
            words += len(out["article"]["text"].split()) if "article" in out else 0
    return time.perf_counter() - t0, words


class NoModel:
    """A pipeline that does nothing: what is left of a run's time is the engine's own cost."""

    def __init__(self, config):
        from quotelens.pipeline import Pipeline

        self.article_from_text = lambda text, url=None: Pipeline.article_from_text(self, text, url)
        self.config = config

    def run_many(self, articles):
        from quotelens.types import Attribution

        return [Attribution(article=a) if not isinstance(a, Exception) else a for a in articles]


def engine_overhead(tmp: Path, n: int = 4000) -> None:
    """Per-document cost of reading, partitioning, shipping to a worker and writing Parquet, with a
    pipeline that does nothing (the texts are short; a real page costs about as much more to ship)."""
    path = tmp / "tiny.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": f"Document {k} says little."}) + "\n" for k in range(n)))
    for workers in (1, 2):
        t0 = time.perf_counter()
        summary = run_batch([str(path)], str(tmp / f"tiny{workers}.parquet"), workers=workers, progress=False,
                            factory=NoModel)
        print(f"engine alone, {workers} worker{'s' if workers > 1 else ''}: {1000 * summary.seconds / n:.2f} ms "
              f"per document ({n} documents, a no-op pipeline; start-up {time.perf_counter() - t0 - summary.seconds:.1f} s)")


def timed_run(path: Path, out: Path, workers: int):
    me = psutil.Process()
    t0, cpu0 = time.perf_counter(), sum(me.cpu_times()[:2])
    with RssSampler() as rss:
        summary = run_batch([str(path)], str(out), workers=workers, progress=False)
    rss.client_cpu = sum(me.cpu_times()[:2]) - cpu0
    return summary, time.perf_counter() - t0, rss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--large", type=int, default=5000, help="documents for the memory check (0: skip)")
    ap.add_argument("--source", choices=("wcxb", "polnear"), default="wcxb")
    ap.add_argument("--only-overhead", action="store_true", help="only the engine's cost, with a no-op pipeline")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quotelens-bench-"))
    if a.only_overhead:
        engine_overhead(tmp)
        return
    small = tmp / "small.jsonl"
    write_input(small, a.source, a.docs)
    print(f"{a.docs} {a.source} documents; {os.cpu_count()} cores; load average now "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")

    one, one_wall, one_rss = timed_run(small, tmp / "one.parquet", 1)  # first: its model load is counted
    bare_s, words = bare_loop(small)
    two, two_wall, two_rss = timed_run(small, tmp / "two.parquet", 2)
    row = "{:<34} {:>8.2f} docs/s {:>9,.0f} words/s {:>8.1f} s"
    print(row.format("bare pipeline loop (no engine)", a.docs / bare_s, words / bare_s, bare_s))
    print(row.format("1 worker, in process", one.documents / one.seconds, one.words / one.seconds, one.seconds))
    print(row.format("local Dask cluster, 2 workers", two.documents / two.seconds, two.words / two.seconds, two.seconds))
    speedup = one.seconds / two.seconds
    print(f"speed-up of 2 workers over 1: {speedup:.2f}x (target 1.8x; wall clock, on a machine shared with "
          f"load average {os.getloadavg()[0]:.1f})")
    # CPU time is what a busy machine does not distort: if the cluster spends no more CPU per document
    # than one worker, two idle cores would run it twice as fast, less the client's share.
    one_cpu = one_rss.client_cpu / a.docs
    two_workers_cpu = sum(two_rss.cpu.values()) / a.docs
    two_client_cpu = two_rss.client_cpu / a.docs
    print(f"CPU per document (model loads included): 1 worker {1000 * one_cpu:.0f} ms; 2 workers "
          f"{1000 * two_workers_cpu:.0f} ms in the workers + {1000 * two_client_cpu:.0f} ms in the client; "
          f"so on two idle cores about {2 * one_cpu / (two_workers_cpu + two_client_cpu):.2f}x")
    print(f"engine cost per document, 1 worker: {1000 * (one.seconds - bare_s) / a.docs:+.1f} ms "
          f"({100 * (one.seconds - bare_s) / bare_s:+.1f}% of the bare loop)")
    print(f"cluster start-up (2 workers, a model each): {two_wall - two.seconds:.1f} s; "
          f"1 worker's model load: {one_wall - one.seconds:.1f} s")
    print(f"errors: {one.errors} of {one.documents} documents (pages with no article, ...)")
    print(f"peak RSS per worker at {a.docs} documents: {two_rss.workers_mb()} MB")
    engine_overhead(tmp)

    if a.large:
        large = tmp / "large.jsonl"
        write_input(large, a.source, a.large)
        big, _, big_rss = timed_run(large, tmp / "large.parquet", 2)
        print(f"peak RSS per worker at {a.large} documents: {big_rss.workers_mb()} MB "
              f"({big.documents / big.seconds:.2f} docs/s)")

    per_doc = one.seconds / one.documents  # wall seconds per document, one worker
    cpu_doc = one_rss.client_cpu / one.documents  # CPU seconds: what a core that is not shared gives
    print(f"\nprojection for 1,000,000 such documents ({words / a.docs:,.0f} words each on average):")
    print(f"  {cpu_doc * 1e6 / 3600:,.0f} core-hours of CPU at {1000 * cpu_doc:.0f} ms per document "
          f"({per_doc * 1e6 / 3600:,.0f} hours of one worker's wall time in this run, at {1000 * per_doc:.0f} ms)")
    print(f"  {1e6 / (two.documents / two.seconds) / 3600:,.1f} h on this 2-core machine (2 workers, as measured)")
    print(f"  {cpu_doc * 1e6 / 3600 / 100:,.1f} h on 100 unshared cores if the speed-up stays linear")
    for f in tmp.rglob("*"):
        if f.is_file():
            f.unlink()


if __name__ == "__main__":
    main()
