"""A stand-in pipeline for the corpus engine's tests, where the model is not the point.

It is a module of its own (not a conftest fixture) because Dask worker processes and the
subprocesses of the kill-and-resume tests import it by name: tests/ is on their sys.path.

Each document becomes one quote (its first word) said by "Stub Speaker"; words in the text steer it:
  SLEEP       sleeps STUB_SLEEP seconds (a run slow enough to kill mid-way)
  KILL-ONCE   the worker process dies the first time it meets the document (a marker file records it)
  KILL-ALWAYS the worker process dies every time
Every document it attributes is appended to $QUOTELENS_STUB_LOG, if set: which run did which work.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from quotelens.config import Config
from quotelens.errors import BadInput, EmptyText
from quotelens.types import Article, Attribution, Quote, Span, Speaker

STUB_SLEEP = float(os.environ.get("QUOTELENS_STUB_SLEEP", "0.05"))
_TAG = re.compile(rb"<[^>]+>")


class StubPipeline:
    model = "stub"

    def __init__(self, config: Config):
        self.config = config
        self.pid = os.getpid()

    def article_from_text(self, text: str, url: str | None = None) -> Article:
        if not isinstance(text, str):
            raise BadInput("text must be a string")
        if not text.strip():
            raise EmptyText("the text is empty")
        return Article(text=text, url=url)

    def article_from_html(self, html, url=None, encoding=None) -> Article:
        raw = html.encode() if isinstance(html, str) else html
        text = " ".join(_TAG.sub(b" ", raw).decode(encoding or "utf-8", "replace").split())
        if not text:
            raise EmptyText("the page has no text")
        return Article(text=text, url=url, title=text[:20])

    def article_from_url(self, url: str) -> Article:
        raise BadInput(f"the stub fetches nothing: {url}")

    def run_many(self, articles):
        return [self._run(a) if isinstance(a, Article) else a for a in list(articles)]

    def _run(self, article: Article) -> Attribution:
        text = article.text
        if "KILL-ALWAYS" in text:
            os._exit(1)
        marker = re.search(r"KILL-ONCE:(\S+)", text)
        if marker and not Path(marker.group(1)).exists():
            Path(marker.group(1)).write_text("killed once")
            os._exit(1)
        if "SLEEP" in text:
            time.sleep(STUB_SLEEP)
        log = os.environ.get("QUOTELENS_STUB_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()}\t{text[:60]}\n")
        end = len(text.split()[0])
        quote = Quote(id="q1", kind="direct", contents=(Span(0, end),), cue=None, speaker_id="s1",
                      mention=None, confidence=0.9)
        speaker = Speaker(id="s1", name="Stub Speaker", role=None, type="person", mentions=())
        return Attribution(article=article, quotes=(quote,), speakers=(speaker,), model="stub")


def stub_factory(config: Config) -> StubPipeline:
    return StubPipeline(config)


def main(argv: list[str]) -> int:
    """`python tests/corpus_stub.py INPUT... -o OUT [batch options]`: quotelens batch with the stub."""
    from quotelens import cli
    from quotelens.corpus import run_batch

    args = cli.build_parser().parse_args(["batch", *argv])
    sizing = {"partition_size": args.partition_size} if args.partition_size is not None else {}
    summary = run_batch(args.inputs, args.output, fmt=args.format, workers=args.workers, scheduler=args.scheduler,
                        resume=args.resume, progress=not args.quiet, factory=stub_factory, **sizing)
    print(f"{summary.documents} documents, {summary.errors} failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
