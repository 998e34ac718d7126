"""Role stage alone, on gold speakers: how often ``speaker_role`` gives the gold role.

The full pipeline is measured elsewhere; this harness isolates stage 6. For every gold quote whose
speaker is a person or an anonymous source, it finds the speaker's mentions the way a resolver
would see them at best (every whole-word occurrence of the full name and of the last name; for
an anonymous source, the description itself), calls ``speaker_role(doc, mentions)`` and compares
with the gold role using score_roles.py's test: token-F1 >= 0.5 against the role or any
alternative; a null gold role is right only when the prediction is None.

Usage (figures are printed, nothing is asserted):
    python benchmarks/roles_oracle.py [--eval-dir DIR] [--errors] [--limit N]
(DIR defaults to $QUOTELENS_EVAL, else ../shared/eval beside the checkout.)
Reports accuracy for the held-out half (odd positions in file order), the tuning half (even
positions) and the whole set, plus precision (right / non-null returned). ``--errors`` lists
mistakes on the tuning half only (rules are tuned on that half, never on the held-out one).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from quotelens.speakers.roles import speaker_role
from quotelens.speakers.roles.assign import strip_name
from quotelens.lexicon import NAME_SUFFIXES
from quotelens.parse.segment import load_nlp
from quotelens.types import Span

SPEAKER_TYPES = ("person", "anonymous")


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_roles", eval_dir / "score_roles.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def find_mentions(text: str, speaker: str, kind: str) -> list[Span]:
    """Whole-word occurrences of the full name and the last name (or the description), longest first."""
    name = speaker.strip()
    patterns = {name}
    if kind == "person" and " and " not in name:  # joint speakers "A and B": only the joint string
        words = [w for w in strip_name(name).split() if w.lower() not in NAME_SUFFIXES]
        if words:
            patterns.add(words[-1])
    found = []
    for pat in patterns:
        for m in re.finditer(r"(?<![\w])" + re.escape(pat) + r"(?![\w])", text):
            found.append(Span(m.start(), m.end()))
    found.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def gold_roles(q: dict) -> tuple[str | None, list[str]]:
    alts = q.get("role_alternatives") or q.get("role_alt") or []
    return q.get("role"), list(alts)


def run_set(name: str, rows: list[dict], nlp, scorer, show_errors: bool) -> None:
    counts = {half: Counter() for half in ("held-out", "tuning", "all")}
    errors = []
    t0 = time.perf_counter()
    for pos, row in enumerate(rows):
        half = "held-out" if pos % 2 else "tuning"
        doc = nlp(row["text"])
        cache: dict[str, str | None] = {}
        for q in row["quotes"]:
            kind = q.get("speaker_type")
            if kind not in SPEAKER_TYPES or not q.get("speaker"):
                continue
            if q["speaker"] not in cache:
                cache[q["speaker"]] = speaker_role(doc, find_mentions(row["text"], q["speaker"], kind))
            pred = cache[q["speaker"]]
            role, alts = gold_roles(q)
            if scorer.is_null(role):
                right = pred is None
            else:
                right = pred is not None and any(scorer.role_lenient(g, pred) for g in [role, *alts] if g)
            for key in (half, "all"):
                c = counts[key]
                c["quotes"] += 1
                c["right"] += right
                c["returned"] += pred is not None
                c["returned_right"] += right and pred is not None
                c["gold_role"] += not scorer.is_null(role)
            if not right and half == "tuning":
                errors.append((row["id"], q["speaker"], role, alts, pred))
    secs = time.perf_counter() - t0
    print(f"== {name}: {len(rows)} documents, {secs:.1f} s")
    for half in ("held-out", "tuning", "all"):
        c = counts[half]
        acc = c["right"] / c["quotes"] if c["quotes"] else 0.0
        prec = c["returned_right"] / c["returned"] if c["returned"] else 0.0
        print(f"  {half:9s} quotes {c['quotes']:4d}  role accuracy {acc:6.1%}  "
              f"precision {prec:6.1%} ({c['returned_right']}/{c['returned']})  gold non-null {c['gold_role']}")
    if show_errors:
        seen = set()
        for doc_id, speaker, role, alts, pred in errors:
            if (doc_id, speaker) in seen:
                continue
            seen.add((doc_id, speaker))
            print(f"  ERR {doc_id[:40]:40s} {speaker[:30]:30s} gold={role!r} alts={alts[:2]!r} pred={pred!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=Path(os.environ.get(
        "QUOTELENS_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval")))
    ap.add_argument("--errors", action="store_true", help="list mistakes on the tuning half (even positions)")
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each set (0: all)")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.eval_dir)
    nlp = load_nlp(None)
    for label, path in (("roles-dev", args.eval_dir / "roles" / "roles-dev.jsonl"),
                        ("pages-dev", args.eval_dir / "pages" / "pages-dev.jsonl")):
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        if args.limit:
            rows = rows[:args.limit]
        run_set(label, rows, nlp, scorer, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
