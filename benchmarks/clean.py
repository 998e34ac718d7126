"""The clean stage beside bare trafilatura: quality (shared scorer) and ms/page, one run.

    python benchmarks/clean.py [GOLD] [--input INPUT] [--limit N] [--half even|odd|all] [--out DIR]

GOLD defaults to the WCXB dev set in the evaluation folder ($QUOTELENS_EVAL, default ../shared/eval
beside the checkout: clean/wcxb-dev-articles.gold.jsonl.gz, 793 pages, CC-BY-4.0, Foley 2026); INPUT
to the matching .input.jsonl.gz. ``--half even`` is the tuning half (pages at even positions),
``--half odd`` the held-out half. Both systems' predictions are written to DIR and scored by the
folder's score_clean.py. Prints figures; asserts nothing.

"recovered words in gold" is what the recovery pass adds on its own, two ways: of the words of the
paragraphs it put back, the share in paragraphs found whole in the gold text (as a run of its
words), and the share that are gold words no other word of our text already matched (the rise in
word true positives they bring over their words, multisets per page as the scorer's word precision
counts them; stricter: a heading whose words the gold has elsewhere adds none). Pages where the
harvest replaced the text are counted apart.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from collections import Counter

EVAL = pathlib.Path(os.environ.get("QUOTELENS_EVAL", pathlib.Path(__file__).resolve().parents[2] / "shared" / "eval"))
DEFAULT_GOLD = EVAL / "clean" / "wcxb-dev-articles.gold.jsonl.gz"
SCORER = EVAL / "score_clean.py"


# A quotation inside one paragraph: an opening mark after a space or line start, 4+ words, a
# closing mark. The shared scorer's "quotes kept" also counts the text *between* two quotations
# (straight marks pair up ambiguously) and inch marks; this stricter count sits beside it.
IN_PARAGRAPH_QUOTE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[“„«\"]([^“”„«»\"\n]{15,600})[”»\"](?=[\s.,;:!?)\]—–-]|$)",
                                re.MULTILINE)
WORD = re.compile(r"\w+")


def in_paragraph_quotes_kept(gold_path: pathlib.Path, pred_path: pathlib.Path) -> tuple[int, int]:
    preds = {row["id"]: row["text"] for row in read_jsonl(pred_path)}
    kept = total = 0
    for row in read_jsonl(gold_path):
        hay = " " + " ".join(WORD.findall(preds.get(row["id"], ""))) + " "
        for m in IN_PARAGRAPH_QUOTE.finditer(row["text"]):
            words = WORD.findall(m.group(1))
            if len(words) >= 4:
                total += 1
                kept += (" " + " ".join(words) + " ") in hay
    return kept, total


# Inline tags whose text runs on into the next word; every other element ends a word.
INLINE_TAGS = frozenset({"a", "abbr", "b", "cite", "code", "em", "font", "i", "label", "mark", "q", "s",
                         "small", "span", "strong", "sub", "sup", "time", "u"})


def page_word_runs(html: str) -> list[str]:
    """The page's visible words as " a b c " token strings, read two ways.

    Once with a break after every element and once after block elements only ("<sup>1</sup>"
    may or may not be a word of its own); script, style and the head are no text.
    """
    import lxml.html

    runs = []
    for every in (True, False):
        try:
            doc = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            return []
        for el in doc.xpath("//script|//style|//noscript|//template|//head"):
            if el.getparent() is not None:
                el.drop_tree()
        for el in doc.iter():
            if isinstance(el.tag, str) and (every or el.tag not in INLINE_TAGS or el.tag == "br"):
                el.tail = " " + (el.tail or "")
        runs.append(" " + " ".join(WORD.findall(doc.text_content())) + " ")
    return runs


def misses_skipping_page_words(pages: list[dict], gold: dict, pred_path: pathlib.Path) -> tuple[int, int]:
    """Quotations the scorer counts as lost, and how many of them are no run of the page's words.

    Those the gold made by leaving out words the page has between two marks (a "Learn more"
    link between two list items paired up by straight marks): keeping them means leaving out
    exactly what the gold's editor left out, which no general rule does.
    """
    scorer = _load_scorer()
    preds = {row["id"]: row["text"] for row in read_jsonl(pred_path)}
    lost = skipping = 0
    for row in pages:
        hay = " " + " ".join(scorer.tokens(preds.get(row["id"], ""))) + " "
        runs = None
        for m in scorer.QUOTE_RE.finditer(gold[row["id"]]["text"]):
            words = scorer.tokens(m.group(1))
            quoted = " " + " ".join(words) + " "
            if len(words) < 4 or quoted in hay:
                continue
            runs = runs if runs is not None else page_word_runs(row["html"])
            lost += 1
            skipping += not any(quoted in run for run in runs)
    return lost, skipping


def _load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_clean", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: pathlib.Path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def bare_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    return (doc.text or "") if doc is not None else ""


#: What the passes after trafilatura added on the last page ``ours`` cleaned (see the docstring).
TRACE: dict = {}


def ours(html: str, url: str | None) -> str:
    from quotelens.clean import clean_html_traced
    from quotelens.errors import QuotelensError

    try:
        article, TRACE["recovered"], TRACE["harvested"] = clean_html_traced(html, url=url)
    except QuotelensError:
        TRACE["recovered"], TRACE["harvested"] = (), False
        return ""
    return article.text


def recovered_in_gold(gold_text: str, text: str, recovered: tuple[str, ...], tokens) -> tuple[int, int, int]:
    """Words recovery added: (in blocks found whole in the gold, gold words not matched otherwise, all)."""
    gold = Counter(t.lower() for t in tokens(gold_text))
    ours_all = Counter(t.lower() for t in tokens(text))
    added = Counter(t.lower() for block in recovered for t in tokens(block))
    without = ours_all - added
    gold_run = " " + " ".join(t.lower() for t in tokens(gold_text)) + " "
    whole = sum(len(words) for words in ([t.lower() for t in tokens(block)] for block in recovered)
                if " " + " ".join(words) + " " in gold_run)
    return whole, sum((gold & ours_all).values()) - sum((gold & without).values()), sum(added.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=pathlib.Path, default=DEFAULT_GOLD)
    ap.add_argument("--input", type=pathlib.Path, help="pages {id,url,html}; default: GOLD with .input")
    ap.add_argument("--limit", type=int, help="first N pages (after --half)")
    ap.add_argument("--half", choices=["even", "odd", "all"], default="all")
    ap.add_argument("--out", type=pathlib.Path, help="where predictions go (default: a temp dir)")
    args = ap.parse_args(argv)
    source = args.input or pathlib.Path(str(args.gold).replace(".gold.", ".input."))
    out = args.out or pathlib.Path(tempfile.mkdtemp(prefix="quotelens-clean-"))
    out.mkdir(parents=True, exist_ok=True)

    gold = {row["id"]: row for row in read_jsonl(args.gold)}
    pages = []
    for i, row in enumerate(read_jsonl(source)):
        if args.half == "even" and i % 2 or args.half == "odd" and not i % 2:
            continue
        if row["id"] in gold:
            pages.append(row)
        if args.limit and len(pages) >= args.limit:
            break
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for row in pages:
            f.write(json.dumps(gold[row["id"]], ensure_ascii=False) + "\n")

    ours("<html><body><p>warm up imports and the residue lexicon</p></body></html>", None)
    # Interleaved page by page, so that load from other processes hits both systems alike.
    systems = (("trafilatura", bare_trafilatura), ("quotelens", ours))
    seconds = {name: 0.0 for name, _ in systems}
    files = {name: open(out / f"{name}.jsonl", "w", encoding="utf-8") for name, _ in systems}
    scorer = _load_scorer()
    rec_whole = rec_good = rec_words = rec_pages = harvest_pages = 0
    try:
        for n, row in enumerate(pages):
            # alternate which goes first: the second run of a page finds caches warm
            for name, system in (systems if n % 2 else systems[::-1]):
                started = time.perf_counter()
                text = system(row["html"], row.get("url") or None)
                seconds[name] += time.perf_counter() - started
                files[name].write(json.dumps({"id": row["id"], "text": text}, ensure_ascii=False) + "\n")
                if name == "quotelens":
                    whole, good, words = recovered_in_gold(gold[row["id"]]["text"], text, TRACE["recovered"],
                                                           scorer.tokens)
                    rec_whole, rec_good, rec_words = rec_whole + whole, rec_good + good, rec_words + words
                    rec_pages += bool(words)
                    harvest_pages += TRACE["harvested"]
    finally:
        for f in files.values():
            f.close()
    results = {}
    for name, _ in systems:
        scored = subprocess.run([sys.executable, str(SCORER), str(out / "gold.jsonl"), str(out / f"{name}.jsonl"),
                                 "--json"], check=True, capture_output=True, text=True)
        results[name] = dict(json.loads(scored.stdout), ms=1000 * seconds[name] / max(1, len(pages)))
        results[name]["in_par_kept"], results[name]["in_par_total"] = in_paragraph_quotes_kept(
            out / "gold.jsonl", out / f"{name}.jsonl")

    base, mine = results["trafilatura"], results["quotelens"]
    print(f"{len(pages)} pages ({args.half}) from {args.gold.name}; predictions in {out}")
    print(f"{'':22}{'trafilatura':>12}{'quotelens':>12}")
    for key, label in [("word_p", "word precision"), ("word_r", "word recall"), ("word_f1", "word F1"),
                       ("shingle_f1", "shingle F1"), ("with_rate", "must-keep kept"),
                       ("without_rate", "must-drop leaked"), ("quotes_kept", "quotes kept")]:
        print(f"{label:22}{base[key]:12.3f}{mine[key]:12.3f}")
    print(f"{'quoted passages':22}{base['quotes_total']:12d}{mine['quotes_total']:12d}")
    print(f"{'in-paragraph quotes':22}{base['in_par_kept'] / max(1, base['in_par_total']):12.3f}"
          f"{mine['in_par_kept'] / max(1, mine['in_par_total']):12.3f}   (of {mine['in_par_total']}; see IN_PARAGRAPH_QUOTE)")
    print(f"{'recovered in gold':22}{'':12}{rec_whole / max(1, rec_words):12.3f}   ({rec_whole} of {rec_words} words "
          f"recovery put back, on {rec_pages} pages, are in paragraphs found whole in the gold text)")
    print(f"{'  adding gold words':22}{'':12}{rec_good / max(1, rec_words):12.3f}   ({rec_good} of {rec_words} add a gold "
          f"word nothing else matched; the harvest replaced the text of {harvest_pages} pages)")
    lost, skipping = misses_skipping_page_words(pages, gold, out / "quotelens.jsonl")
    print(f"{'quotes lost':22}{'':12}{lost:12d}   ({skipping} of them skip words the page has between "
          "their marks; see misses_skipping_page_words)")
    print(f"{'ms/page':22}{base['ms']:12.1f}{mine['ms']:12.1f}   (ratio {mine['ms'] / base['ms']:.2f}, one run)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
