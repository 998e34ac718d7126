"""End-to-end words per second beside a bare spaCy parse of the same texts (a ratio, one run).

    python benchmarks/speed.py [--gold PATH] [--limit N] [--repeat R]

Also prints the words per second of the stages after the parse alone (the texts parsed once).

The bare parse is ``nlp.pipe(texts)`` with the same model and all its components: what textacy
and the other spaCy based attributors pay before their own rules (quotelens itself loads the model
without the lemmatizer, which it does not need) (textacy's direct_quotations runs at about
4,000 words/s on this kind of machine, parse-dominated). The machine is shared and noisy, so
the two are interleaved, repeated, and compared as a ratio of best times; no time is asserted.
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
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--repeat", type=int, default=5)
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
    best_parse = best_e2e = best_batched = float("inf")
    best_textacy: float | None = None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for _doc in full.pipe(texts):
            pass
        best_parse = min(best_parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            pipe.attribute_text(t)
        best_e2e = min(best_e2e, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _res in pipe.attribute_texts(texts):
            pass
        best_batched = min(best_batched, time.perf_counter() - t0)
        once = _textacy(full, texts, 1)  # interleaved, so all four share the machine's moods
        best_textacy = once if best_textacy is None else min(best_textacy, once)
    print(f"{len(texts)} texts, {words:,} words, model {pipe.model}, best of {a.repeat}")
    print(f"bare spaCy parse, full pipeline ({', '.join(full.pipe_names)}): {words / best_parse:8,.0f} words/s")
    print(f"quotelens e2e, one text at a time   : {words / best_e2e:8,.0f} words/s"
          f"  ({best_parse / best_e2e:.2f} x bare parse)")
    print(f"quotelens e2e, batched (Pipeline.attribute_texts, quotelens batch): {words / best_batched:8,.0f} words/s"
          f"  ({best_parse / best_batched:.2f} x bare parse)")
    print(f"quotelens after the parse (cues, attribution, names, roles; texts parsed once): "
          f"{words / _after_parse(pipe, texts, a.repeat):8,.0f} words/s")
    if best_textacy is None:
        print("textacy          : not installed (pip install textacy to compare)")
    else:
        print(f"textacy direct_quotations (parse + extract): {words / best_textacy:,.0f} words/s")
        print(f"ratio quotelens batched / textacy : {best_textacy / best_batched:8.2f}"
              f"   (one at a time / textacy: {best_textacy / best_e2e:.2f})")


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


def _textacy(nlp, texts: list[str], repeat: int) -> float | None:
    """textacy 0.13's direct_quotations with the same model, if textacy is installed (it is not a
    dependency). It raises on documents with an odd number of quote marks; those still count."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts):
            try:
                list(direct_quotations(doc))
            except Exception:  # noqa: BLE001 - textacy's own failure on unbalanced marks
                pass
        best = min(best, time.perf_counter() - t0)
    return best


if __name__ == "__main__":
    main()
