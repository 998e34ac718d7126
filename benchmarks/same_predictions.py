"""Did a change keep every prediction? Dump the whole contract output on the dev sets, then compare.

    python benchmarks/same_predictions.py dump DIR [--sets polnear,roles,pages,wcxb] [--limit N]
    python benchmarks/same_predictions.py compare OLD_DIR NEW_DIR

``dump`` writes one JSONL file per set into DIR: for every document, the full contract-v1 output
(``serialize.to_dict``: article text, quotes, speakers, roles, confidences, offsets), or its error
code. ``wcxb`` is the clean stage alone on the 793 WCXB pages (the article text and paragraph
spans). ``compare`` prints, per set, how many documents differ and the first differing field of a
few, and exits 1 when anything differs: a refactor must print "identical" for every set.

The evaluation folder is $QUOTELENS_EVAL (default: ../shared/eval beside the checkout). Nothing
from it is copied into the project; DIR should live outside the repository (e.g. /tmp).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Iterator

EVAL = Path(os.environ.get("QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))
SETS = ("polnear", "roles", "pages", "wcxb")


def read_jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _texts(pipe, docs: list[dict]) -> Iterator[dict]:
    from quotelens.errors import QuotelensError
    from quotelens.serialize import to_dict

    for d, res in zip(docs, pipe.attribute_texts(d["text"] for d in docs)):
        yield {"id": d["id"], "error": res.code} if isinstance(res, QuotelensError) else {"id": d["id"], **to_dict(res)}


def _pages(pipe, docs: Iterator[dict]) -> Iterator[dict]:
    from quotelens.errors import QuotelensError
    from quotelens.serialize import to_dict

    for d in docs:
        try:
            yield {"id": d["id"], **to_dict(pipe.attribute_html(d["html"], url=d.get("url") or None))}
        except QuotelensError as exc:
            yield {"id": d["id"], "error": exc.code}


def _clean(config, docs: Iterator[dict]) -> Iterator[dict]:
    from quotelens.clean import clean_html
    from quotelens.errors import QuotelensError

    for d in docs:
        try:
            a = clean_html(d["html"], url=d.get("url") or None, config=config)
            yield {"id": d["id"], "text": a.text, "title": a.title, "published": a.published,
                   "paragraphs": [[p.start, p.end] for p in a.paragraphs],
                   "boilerplate": [[p.start, p.end] for p in a.boilerplate],
                   "blockquotes": [[p.start, p.end] for p in a.blockquotes]}
        except QuotelensError as exc:
            yield {"id": d["id"], "error": exc.code}


def dump(out: Path, sets: list[str], limit: int | None, model: str | None) -> None:
    from quotelens import Config
    from quotelens.pipeline import Pipeline

    out.mkdir(parents=True, exist_ok=True)
    config = Config(model=model)
    pipe = Pipeline.from_config(config) if set(sets) - {"wcxb"} else None
    for name in sets:
        t0 = time.perf_counter()
        if name == "polnear":
            rows = _texts(pipe, list(read_jsonl(EVAL / "polnear-dev.jsonl"))[:limit])
        elif name == "roles":
            rows = _texts(pipe, list(read_jsonl(EVAL / "roles" / "roles-dev.jsonl"))[:limit])
        elif name == "pages":
            rows = _pages(pipe, _head(read_jsonl(EVAL / "pages" / "pages-dev.input.jsonl.gz"), limit))
        else:
            rows = _clean(config, _head(read_jsonl(EVAL / "clean" / "wcxb-dev-articles.input.jsonl.gz"), limit))
        n = 0
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        print(f"{name}: {n} documents in {time.perf_counter() - t0:.1f} s -> {out / (name + '.jsonl')}", flush=True)


def _head(rows: Iterator[dict], limit: int | None) -> Iterator[dict]:
    for n, row in enumerate(rows):
        if limit is not None and n >= limit:
            return
        yield row


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """The path of the first place where two JSON values differ, or None."""
    if type(a) is not type(b):
        return f"{path or '/'}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'new' if k in b else 'old'}"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for n, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{n}]")
            if d:
                return d
        return None if len(a) == len(b) else f"{path}: {len(a)} vs {len(b)} items"
    return None if a == b else f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}"


def compare(old: Path, new: Path, show: int = 5) -> int:
    failed = 0
    for path in sorted(old.glob("*.jsonl")):
        other = new / path.name
        if not other.exists():
            print(f"{path.stem}: missing in {new}")
            failed += 1
            continue
        a = {r["id"]: r for r in read_jsonl(path)}
        b = {r["id"]: r for r in read_jsonl(other)}
        diffs = [(i, first_difference(a[i], b[i])) for i in a if i in b]
        diffs = [(i, d) for i, d in diffs if d]
        missing = sorted(set(a) ^ set(b))
        if not diffs and not missing:
            print(f"{path.stem}: identical ({len(a)} documents)")
            continue
        failed += 1
        print(f"{path.stem}: {len(diffs)} of {len(a)} documents differ, {len(missing)} ids in one side only")
        for i, d in diffs[:show]:
            print(f"  {i}: {d}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write every set's predictions into DIR")
    d.add_argument("dir", type=Path)
    d.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    d.add_argument("--limit", type=int, help="first N documents of each set (a quick check)")
    d.add_argument("--model")
    c = sub.add_parser("compare", help="exit 1 unless NEW_DIR's predictions equal OLD_DIR's")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        sets = [s for s in a.sets.split(",") if s]
        unknown = set(sets) - set(SETS)
        if unknown:
            ap.error(f"unknown set(s): {', '.join(sorted(unknown))}")
        dump(a.dir, sets, a.limit, a.model)
        return 0
    return compare(a.old, a.new)


if __name__ == "__main__":
    sys.exit(main())
