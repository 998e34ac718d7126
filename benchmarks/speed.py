"""End-to-end words per second beside a bare spaCy parse of the same texts (a ratio, one run).

    python benchmarks/speed.py [--gold PATH] [--limit N] [--repeat R] [--no-batch-process]

Also prints the words per second of the stages after the parse alone (the texts parsed once), and
runs ``quotelens batch`` on the same texts as a process of its own (one worker): its words per
second with the model load included, and its peak RSS (the batch worker's memory).

The bare parse is ``nlp.pipe(texts)`` with the same model and all its components: what textacy
and the other spaCy based attributors pay before their own rules (quotelens itself loads the model
without the lemmatizer, which it does not need) (textacy's direct_quotations runs at about
4,000 words/s on this kind of machine, parse-dominated). The machine is shared and noisy, so
the runs are interleaved round by round, repeated, and compared as ratios of best times, both
wall-clock and this process's CPU time (steadier when other processes share the cores: their
time is not counted); each round's CPU ratios are printed too, their spread is the noise. No time
is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from quotelens import Config
from quotelens.pipeline import Pipeline

EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=EVAL / "polnear-dev.jsonl")
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-batch-process", action="store_true", help="skip the `quotelens batch` process run")
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()][: a.limit]
    words = sum(len(t.split()) for t in texts)
    pipe = Pipeline.from_config(Config())
    pipe.attribute_text(texts[0])  # warm up
    import spacy

    # the peers' reference: the same model with every component (quotelens leaves out the lemmatizer)
    full = spacy.load(pipe.model)
    list(full.pipe(texts[:2]))
    runs = {
        "bare": lambda: [None for _doc in full.pipe(texts)],
        "one at a time": lambda: [pipe.attribute_text(t) for t in texts],
        "batched": lambda: list(pipe.attribute_texts(texts)),
    }
    if _textacy_extract() is not None:
        runs["textacy"] = lambda: _textacy(full, texts)
    # Wall time and this process's CPU time of each run, interleaved round by round so that all
    # share the machine's moods; best of the rounds. On a shared machine the CPU time is the
    # steadier figure (other processes take the core away, but their time is not counted).
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(a.repeat):
        for name, run in runs.items():
            w0, c0 = time.perf_counter(), time.process_time()
            run()
            wall[name].append(time.perf_counter() - w0)
            cpu[name].append(time.process_time() - c0)
    print(f"{len(texts)} texts, {words:,} words, model {pipe.model}, best of {a.repeat} rounds")
    labels = {"bare": f"bare spaCy parse, full pipeline ({', '.join(full.pipe_names)})",
              "one at a time": "quotelens e2e, one text at a time (Pipeline.attribute_text)",
              "batched": "quotelens e2e, batched (Pipeline.attribute_texts, quotelens batch)",
              "textacy": "textacy direct_quotations (full parse + extract)"}
    for name in runs:
        print(f"{labels[name]}: {words / min(wall[name]):7,.0f} words/s wall, {words / min(cpu[name]):7,.0f} per CPU s")
    for ours in ("batched", "one at a time"):
        for peer in ("bare", "textacy"):
            if peer in runs:
                print(f"ratio {ours} / {peer}: {min(wall[peer]) / min(wall[ours]):.2f} wall, "
                      f"{min(cpu[peer]) / min(cpu[ours]):.2f} CPU; per round (CPU) "
                      + " ".join(f"{p / o:.2f}" for p, o in zip(cpu[peer], cpu[ours])))
    if "textacy" not in runs:
        print("textacy: not installed (pip install -e '.[bench]' to compare)")
    print(f"quotelens after the parse (cues, attribution, names, roles; texts parsed once): "
          f"{words / _after_parse(pipe, texts, a.repeat):8,.0f} words/s")
    if not a.no_batch_process:
        secs, cpu_s, peak_mb = _batch_process(texts)
        print(f"quotelens batch as a process (1 worker, model load included): {words / secs:,.0f} words/s wall, "
              f"{words / cpu_s:,.0f} per CPU s; peak RSS {peak_mb:.0f} MB")


def _batch_process(texts: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of `quotelens batch` over ``texts`` in a fresh process."""
    import resource
    import subprocess
    import sys
    import tempfile

    # The child reports its own VmHWM: getrusage's ru_maxrss would count the moment between fork
    # and exec, when the child is a copy of this process (two models and textacy).
    code = ("import sys; from quotelens.cli import main; rc = main(); "
            "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]); sys.exit(rc)")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts)), encoding="utf-8")
        t0, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, "-c", code, "batch", str(src), "-o", str(out), "--quiet"],
                              check=True, capture_output=True, text=True)
        secs, after = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return secs, cpu_s, int(done.stdout.split()[-1]) / 1000  # kB


def _after_parse(pipe: Pipeline, texts: list[str], repeat: int) -> float:
    """Best time of the stages after the parse over texts parsed once: what quotelens adds."""
    from quotelens.parse.segment import parse

    items = []
    for t in texts:
        article = pipe.article_from_text(t)
        spans = pipe._quote_spans(article)
        items.append((article, parse(article, pipe.nlp, quoted=spans), spans))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for article, doc, spans in items:
            pipe._after_parse(article, doc, spans)
        best = min(best, time.perf_counter() - t0)
    return best


def _textacy_extract():
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    return direct_quotations


def _textacy(nlp, texts: list[str]) -> None:
    """textacy 0.13's direct_quotations with the same model (a bench dependency, not a runtime
    one). It raises on documents with an odd number of quote marks; those still count."""
    direct_quotations = _textacy_extract()
    for doc in nlp.pipe(texts):
        try:
            list(direct_quotations(doc))
        except Exception:  # noqa: BLE001 - textacy's own failure on unbalanced marks
            pass


if __name__ == "__main__":
    main()
