"""Quality of who-said-what on gold sets, through the scorers in the evaluation folder $QUOTELENS_EVAL
(default: ../shared/eval beside the checkout).

    python benchmarks/quality.py polnear   [--gold PATH] [--half all|even|odd] [--limit N]
    python benchmarks/quality.py roles     [--gold PATH] [--half ...]
    python benchmarks/quality.py pages     [--gold PATH] [--input PATH.gz]
    python benchmarks/quality.py seed

Prints the scorers' own tables. Nothing from the gold sets is copied into the project.

Span conventions. PolNeAR (and roles-dev, built on it) annotates a mixed quote as the reported
clause around the quoted words ("he is “gratified” by ..."), and indirect speech as the reported
clause; the pages set and the seed annotate the quoted words themselves. quotelens outputs both
(``contents`` and ``clause``), so each adapter reads the one its gold set defines.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotelens import Config
from quotelens.errors import QuotelensError
from quotelens.pipeline import Pipeline
from quotelens.serialize import to_dict

EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pick_half(docs: list[dict], half: str) -> list[dict]:
    if half == "even":
        return docs[0::2]
    if half == "odd":
        return docs[1::2]
    return docs


def records(result: dict, convention: str, kinds: tuple[str, ...] = ("direct", "mixed", "indirect")) -> list[dict]:
    """One scorer record per quoted stretch (split quotes give one per part)."""
    out = []
    for q in result["quotes"]:
        if q["kind"] not in kinds:
            continue
        spans = q["contents"]
        if convention == "clause" and q["kind"] == "mixed" and q.get("clause"):
            spans = [q["clause"]]
        mention = q["mention"]["text"] if q.get("mention") else None
        # The mention's own span: the scorer's "Source" component figure, and lets an error
        # be told apart as another mention chosen or the same mention resolved differently.
        mention_spans = [[q["mention"]["start"], q["mention"]["end"]]] if q.get("mention") else []
        for s in spans:
            out.append({"start": s["start"], "end": s["end"], "speaker": q["speaker"],
                        "speaker_mention": mention, "speaker_spans": mention_spans, "role": q["role"],
                        "kind": q["kind"], "confidence": q["confidence"]})
    return out


def run_texts(pipe: Pipeline, docs: list[dict], convention: str) -> tuple[list[dict], float, int]:
    preds = []
    words = sum(len(d["text"].split()) for d in docs)
    t0 = time.perf_counter()
    for d, res in zip(docs, pipe.attribute_texts(d["text"] for d in docs)):
        if isinstance(res, QuotelensError):
            preds.append({"id": d["id"], "quotes": [], "error": res.code})
        else:
            preds.append({"id": d["id"], "quotes": records(to_dict(res), convention)})
    return preds, time.perf_counter() - t0, words


def write(preds: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


def score(script: str, gold: Path, pred: Path, *args: str) -> None:
    print(f"\n$ {script} {gold.name} PRED {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(EVAL / script), str(gold), str(pred), *args], check=False)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["polnear", "roles", "pages", "seed"])
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--input", type=Path, help="pages: the HTML input file")
    ap.add_argument("--half", choices=["all", "even", "odd"], default="all")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--model")
    ap.add_argument("--keep", type=Path, help="write predictions here")
    a = ap.parse_args(argv)
    pipe = Pipeline.from_config(Config(model=a.model))
    tmp = Path(tempfile.mkdtemp(prefix="quotelens-quality-"))
    pred = a.keep or tmp / "pred.jsonl"
    gold_sub = tmp / "gold.jsonl"

    if a.set in ("polnear", "roles"):
        gold = a.gold or (EVAL / "polnear-dev.jsonl" if a.set == "polnear" else EVAL / "roles" / "roles-dev.jsonl")
        docs = pick_half(read_jsonl(gold), a.half)[: a.limit]
        write(docs, gold_sub)
        preds, secs, words = run_texts(pipe, docs, "clause")
        write(preds, pred)
        print(f"{len(docs)} articles, {words:,} words, {secs:.1f} s, {words / secs:,.0f} words/s end to end")
        if a.set == "polnear":
            score("score.py", gold_sub, pred, "--kinds", "direct,mixed")
            score("score.py", gold_sub, pred, "--speech-only")
        else:
            score("score_roles.py", gold_sub, pred)
    elif a.set == "pages":
        gold = a.gold or EVAL / "pages" / "pages-dev.jsonl"
        inputs = {d["id"]: d for d in read_jsonl(a.input or EVAL / "pages" / "pages-dev.input.jsonl.gz")}
        docs = pick_half(read_jsonl(gold), a.half)[: a.limit]
        write(docs, gold_sub)
        preds = []
        for d in docs:
            page = inputs[d["id"]]
            try:
                res = to_dict(pipe.attribute_html(page["html"], url=page.get("url") or None))
                preds.append({"id": d["id"], "text": res["article"]["text"],
                              "quotes": records(res, "quoted", ("direct", "mixed"))})
            except QuotelensError as exc:
                preds.append({"id": d["id"], "text": "", "quotes": [], "error": exc.code})
        write(preds, pred)
        score("score_pages.py", gold_sub, pred)
    else:
        seed = json.loads((EVAL / "seed-article.json").read_text(encoding="utf-8"))
        res = to_dict(pipe.attribute_text(seed["text"]))
        for q in res["quotes"]:
            print(f"{q['kind']:8} {q['speaker'] or '?':28} {str(q['role'] or ''):40} {q['confidence']:.2f} "
                  f"{q['text'][:60]!r}")
    print(f"\npredictions: {pred}")


if __name__ == "__main__":
    main()
