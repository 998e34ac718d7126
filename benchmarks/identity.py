"""Speaker identity without gold: split people, short names and odd characters in the output.

    python benchmarks/identity.py polnear [--half all|even|odd] [--examples N] [--keep OUT.jsonl]
    python benchmarks/identity.py wcxb    [--half ...] [--limit N]

Runs the pipeline over PolNeAR dev's texts or the 793 WCXB dev pages' HTML, writes the output in
`quotelens batch` format (one line per document: id, text, quotes, speakers) and calls the shared
``identity_check.py`` on it (see ../shared/eval/README.md, "Speaker identity without gold"). Read
its examples only on the even half (``--half even``); report the odd half's figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from quotelens import Config
from quotelens.corpus import run_batch

EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))
SOURCES = {"polnear": ("polnear-dev.jsonl", "text"), "wcxb": ("clean/wcxb-dev-articles.input.jsonl.gz", "html")}


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def batch_lines(docs: list[dict], field: str) -> list[tuple[str, int]]:
    """Each document as a `quotelens batch` input line: the text or HTML, with its url for pages."""
    lines = []
    for n, d in enumerate(docs, 1):
        item = {"id": d["id"], field: d[field]}
        if field == "html" and d.get("url"):
            item["url"] = d["url"]
        lines.append((json.dumps(item, ensure_ascii=False), n))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=sorted(SOURCES))
    ap.add_argument("--half", choices=["all", "even", "odd"], default="all")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--examples", type=int, default=0, help="print N articles with a finding (even half only)")
    ap.add_argument("--keep", type=Path, help="write the batch output here")
    a = ap.parse_args(argv)
    path, field = SOURCES[a.set]
    docs = read_jsonl(EVAL / path)
    docs = {"all": docs, "even": docs[0::2], "odd": docs[1::2]}[a.half][: a.limit]
    if a.examples and a.half != "even":
        ap.error("examples are for reading: ask for them on the even (tuning) half only")
    tmp = Path(tempfile.mkdtemp(prefix="quotelens-identity-"))
    out = a.keep or tmp / "batch.jsonl"
    with open(tmp / "input.jsonl", "w", encoding="utf-8") as f:
        for line, _ in batch_lines(docs, field):
            f.write(line + "\n")
    # the real `quotelens batch` path, one worker in this process
    run_batch([str(tmp / "input.jsonl")], str(out), config=Config(), workers=1, progress=False)
    print(f"{a.set} ({a.half} half): {len(docs)} documents -> {out}", flush=True)
    cmd = [sys.executable, str(EVAL / "identity_check.py"), str(out)]
    if a.examples:
        cmd += ["--examples", str(a.examples)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
