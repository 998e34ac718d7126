#!/usr/bin/env python3
"""How well do quotation spans from punctuation alone cover the gold direct and mixed quotes?

Runs ``quotelens.quotes.find_quote_spans`` over gold JSONL files (PolNeAR dev and the
WCXB pages set by default), writes predictions ``{"id", "quotes": [{"start", "end",
"speaker": null}]}`` and scores them with the shared scorer
(``score.py GOLD PRED --kinds direct,mixed``). Only the *span* rows mean anything here (no
speaker is given). Figures are printed for the held-out half (documents at odd positions
in file order) and for the whole set; ``--errors`` lists missed gold quotes and unmatched
predictions from the tuning half (even positions) only, the only half rules may be tuned on.

Recall is what this stage must maximise: a gold quote no span overlaps is lost for good.
score.py's overlap recall undercounts it for mixed quotes, whose PolNeAR gold span also
covers the writer's words around the marks (*called the idea a “ridiculous proposition”*),
so the benchmark also prints the *stage recall*: a gold quote counts as found when a span
overlaps it by half (as score.py counts) or lies mostly inside it (the attribute stage
extends such a span to the reported clause).
Precision is naturally low: scare quotes, titles and quotes the gold did not annotate are
all returned here, for the attribute stage to sort out.

Usage:
    python benchmarks/quote_spans.py [GOLD.jsonl ...] [--errors N] [--scorer PATH]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotelens.config import Config
from quotelens.quotes import find_quote_spans

# The evaluation folder: $QUOTELENS_EVAL, else ../shared/eval beside the checkout.
EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))
DEFAULT_GOLD = [EVAL / "polnear-dev.jsonl", EVAL / "pages" / "pages-dev.jsonl"]
KINDS = "direct,mixed"
WORD_RE = re.compile(r"\w+")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(docs: list[dict], config: Config) -> tuple[dict[str, list[dict]], float, int]:
    """Predictions per document id, seconds spent in find_quote_spans, words processed."""
    preds: dict[str, list[dict]] = {}
    seconds, words = 0.0, 0
    for doc in docs:
        text = doc["text"]
        t0 = time.perf_counter()
        spans = find_quote_spans(text, config)
        seconds += time.perf_counter() - t0
        words += len(WORD_RE.findall(text))
        preds[doc["id"]] = [{"start": s.content.start, "end": s.content.end, "speaker": None} for s in spans]
    return preds, seconds, words


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_scorer(scorer: Path, gold: list[dict], preds: dict[str, list[dict]], tmp: Path, name: str) -> dict:
    gold_path, pred_path = tmp / f"{name}.gold.jsonl", tmp / f"{name}.pred.jsonl"
    write_jsonl(gold_path, gold)
    write_jsonl(pred_path, [{"id": d["id"], "quotes": preds[d["id"]]} for d in gold])
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(pred_path), "--kinds", KINDS, "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def show(label: str, res: dict) -> None:
    ov, exn = res["overlap"], res["exact_norm"]
    kinds = "; ".join(
        f"{k} {100 * v['recall']:.1f}% ({v['found']}/{v['gold']})" for k, v in res["recall_by_kind"].items()
    )
    print(
        f"  {label:<22} overlap P {100 * ov['p']:5.1f}  R {100 * ov['r']:5.1f}  F1 {100 * ov['f1']:5.1f}"
        f"  | exact_norm P {100 * exn['p']:5.1f}  R {100 * exn['r']:5.1f}  | pred {ov['pred']} gold {ov['gold']}"
        f"  | recall by kind: {kinds}"
    )


def stage_recall(scorer: Path, docs: list[dict], preds: dict[str, list[dict]]) -> tuple[int, int]:
    """Gold direct/mixed quotes this stage did not lose: (found, total).

    A gold quote is found when some span overlaps it as score.py counts (half of each), or
    lies mostly (half or more of its words) inside it. The second case is a mixed quote
    whose gold span also covers the writer's words around the marks (PolNeAR: *called the
    idea a “ridiculous proposition,”*): the attribute stage extends the quoted words to
    the reported clause, so that quote is not lost here.
    """
    score = _load_scorer(scorer)
    found = total = 0
    for doc in docs:
        text = doc["text"]
        tokens = [m.span() for m in score.TOKEN_RE.finditer(text)]
        pt = [score.token_set(tokens, p["start"], p["end"]) for p in preds[doc["id"]]]
        for q in doc["quotes"]:
            if q.get("kind") not in KINDS.split(","):
                continue
            g = score.token_set(tokens, q["start"], q["end"])
            total += 1
            found += any(
                p and (score.overlap_ratio(g, p) >= 0.5 or len(g & p) >= 0.5 * len(p)) for p in pt
            )
    return found, total


def _load_scorer(scorer: Path):
    spec = importlib.util.spec_from_file_location("score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    return score


def show_errors(scorer: Path, tuning: list[dict], preds: dict[str, list[dict]], limit: int) -> None:
    """Missed gold quotes and unmatched predictions on the tuning half, matched as score.py does."""
    score = _load_scorer(scorer)
    missed, spurious = [], []
    for doc in tuning:
        text = doc["text"]
        tokens = [m.span() for m in score.TOKEN_RE.finditer(text)]
        gq = [q for q in doc["quotes"] if q.get("kind") in KINDS.split(",")]
        pq = preds[doc["id"]]
        gt = [score.token_set(tokens, q["start"], q["end"]) for q in gq]
        pt = [score.token_set(tokens, q["start"], q["end"]) for q in pq]
        pairs = [
            (r, i, j)
            for i, a in enumerate(gt)
            for j, b in enumerate(pt)
            if (r := score.overlap_ratio(a, b)) >= 0.5 and r > 0
        ]
        m = score.greedy_match(pairs)
        for i, q in enumerate(gq):
            if i not in m:
                near = [text[p["start"]:p["end"]] for j, p in enumerate(pq) if pt[j] & gt[i]]
                inside = any(p and len(gt[i] & p) >= 0.5 * len(p) for p in pt)
                tag = q["kind"] + ("" if inside else ", LOST")  # LOST: the stage recall misses it too
                missed.append((doc["id"], tag, context(text, q["start"], q["end"]), near))
        used = set(m.values())
        for j, p in enumerate(pq):
            if j not in used:
                spurious.append((doc["id"], context(text, p["start"], p["end"])))
    print(f"\nTuning half: {len(missed)} gold direct/mixed quotes missed; first {limit}:")
    for doc_id, kind, ctx, near in missed[:limit]:
        print(f"- {doc_id} [{kind}] {ctx}")
        for n in near:
            print(f"    overlapping prediction: {n[:160]!r}")
    print(f"\nTuning half: {len(spurious)} predictions matching no gold direct/mixed quote; first {limit}:")
    for doc_id, ctx in spurious[:limit]:
        print(f"- {doc_id} {ctx}")


def context(text: str, start: int, end: int, width: int = 60) -> str:
    inner = text[start:end]
    if len(inner) > 220:
        inner = inner[:100] + " … " + inner[-100:]
    return repr(text[max(0, start - width):start] + "⟦" + inner + "⟧" + text[end:end + width])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--scorer", type=Path, default=EVAL / "score.py")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors from the tuning (even) half")
    args = ap.parse_args(argv)
    config = Config()
    for gold_path in args.gold:
        docs = load(gold_path)
        preds, seconds, words = predict(docs, config)
        print(f"{gold_path} ({len(docs)} documents, {words:,} words; kinds {KINDS})")
        with tempfile.TemporaryDirectory() as tmp:
            held_out = [d for i, d in enumerate(docs) if i % 2 == 1]
            show("held-out (odd) half", run_scorer(args.scorer, held_out, preds, Path(tmp), "odd"))
            show("whole set", run_scorer(args.scorer, docs, preds, Path(tmp), "all"))
        for label, part in (("held-out (odd) half", held_out), ("whole set", docs)):
            found, total = stage_recall(args.scorer, part, preds)
            print(f"  stage recall, {label}: {100 * found / max(total, 1):.1f}% ({found}/{total}) of gold"
                  " direct+mixed overlapped by half or holding a span mostly inside them")
        print(f"  time: {1000 * seconds / max(words, 1) * 1000:.2f} ms per 1,000 words ({words / max(seconds, 1e-9):,.0f} words/s)")
        if args.errors:
            show_errors(args.scorer, [d for i, d in enumerate(docs) if i % 2 == 0], preds, args.errors)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
