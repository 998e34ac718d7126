"""quotelens.server: the local Flask service the browser extension and scripts call.

    create_app(config=None, *, pipeline=None)   the app factory (flask --app quotelens.server run)
    serve(host, port, threads, allow_remote, config)   waitress, for ``quotelens serve``
    DEFAULT_PORT                                 8765, shared with the extension

The spaCy model is loaded when the app is built, never on the first request: Chrome stops
an MV3 service worker whose fetch waits more than 30 s.
"""
from __future__ import annotations

import ipaddress
import logging
import os
import socket
import sys
from typing import Any, Mapping

from flask import Flask, send_from_directory

from quotelens.config import Config
from quotelens.errors import BadInput
from quotelens.malloc import limit_arenas

from . import security
from .api import bp
from .errors import register_error_handlers
from .service import Service, service_config
from .settings import (DEFAULT_HOST, DEFAULT_PORT, DEFAULT_THREADS, DEFAULTS, MALLOC_ARENAS, PARSE_CHARS_PER_CORE,
                       TOKEN_ENV, WAIT_THREADS)

__all__ = ["create_app", "serve", "run_waitress", "DEFAULT_PORT", "DEFAULT_HOST", "DEFAULT_THREADS"]

log = logging.getLogger("quotelens.server")


def create_app(config: Mapping[str, Any] | None = None, *, pipeline: Any = None) -> Flask:
    """Build the app, as flaskr does: defaults, then ``config`` (or instance/config.py).

    ``config`` is Flask config; its ``"QUOTELENS"`` entry (a mapping for
    ``Config.from_mapping``, or a ``Config``) configures the core. ``pipeline`` replaces the
    real one (tests inject fakes); anything with ``attribute_text/html/url`` and ``model``.
    """
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    if config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.update(config)
    if app.config["TOKEN"] is None:
        app.config["TOKEN"] = os.environ.get(TOKEN_ENV, "")
    if app.config["PARSE_SLOTS"] is None:
        app.config["PARSE_SLOTS"] = DEFAULT_THREADS
    if app.config["PARSE_CHARS_IN_FLIGHT"] is None:
        app.config["PARSE_CHARS_IN_FLIGHT"] = PARSE_CHARS_PER_CORE * max(2, os.cpu_count() or 1)

    core_config = service_config(app.config["QUOTELENS"])
    injected = pipeline is not None
    if pipeline is None:
        from quotelens.pipeline import Pipeline

        pipeline = Pipeline.from_config(core_config)  # loads the model now, not on the first request
        if app.config["PARSE_HELPER"]:
            pipeline = _with_parse_helper(pipeline)
    svc = Service(pipeline, core_config, app.config)
    if not injected:
        svc.warm_up()
    app.extensions["quotelens"] = svc

    register_error_handlers(app)
    security.install(app)
    app.register_blueprint(bp)

    @app.get("/")
    def index():
        """The paste page: plain HTML/JS/CSS from server/static, no build step, no CDN."""
        return send_from_directory(app.static_folder, "index.html")

    return app


def _with_parse_helper(pipeline: Any) -> Any:
    """The pipeline with a helper process parsing second halves (parse/split.py), if it starts."""
    import atexit
    import dataclasses

    from quotelens.parse import SplitParser

    splitter = SplitParser(pipeline.config.model)
    if not splitter.alive:
        return pipeline  # it said why in the log; one process parses everything, as before
    atexit.register(splitter.close)
    return dataclasses.replace(pipeline, splitter=splitter)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _names_for(host: str) -> list[str]:
    """Host names a non-loopback bind should answer to (the Host header check needs them)."""
    names = [host]
    if host in ("0.0.0.0", "::", ""):
        hostname = socket.gethostname()
        names += [hostname, hostname + ".local"]
        try:
            names += [info[4][0] for info in socket.getaddrinfo(hostname, None)]
        except OSError:
            pass
    return [f"[{n}]" if ":" in n else n for n in names]


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, threads: int = DEFAULT_THREADS,
          allow_remote: bool = False, config: Config | Mapping[str, Any] | None = None,
          parse_helper: bool | None = None, parse_chars: int | None = None) -> None:
    """Run the service under waitress until interrupted (``quotelens serve``).

    ``config`` configures the core (a Config, or a mapping for Config.from_mapping). Binding
    anything but loopback needs ``allow_remote=True`` and prints a warning: the service then
    answers anyone who can reach the machine (set QUOTELENS_TOKEN). ``threads`` parses run at
    once; waitress gets WAIT_THREADS more threads that only wait (see settings.py).
    ``parse_helper`` parses long pages on two processes (settings.py PARSE_HELPER); None turns
    it on when the machine has two cores or more. ``parse_chars``: characters of article text
    parsed at once (settings.py PARSE_CHARS_IN_FLIGHT; None: PARSE_CHARS_PER_CORE per core).
    """
    if parse_helper is None:
        parse_helper = (os.cpu_count() or 1) >= 2
    flask_config: dict[str, Any] = {"QUOTELENS": config if config is not None else {}, "PARSE_SLOTS": threads,
                                    "PARSE_HELPER": parse_helper, "PARSE_CHARS_IN_FLIGHT": parse_chars}
    if not is_loopback(host):
        if not allow_remote:
            raise BadInput(f"refusing to bind {host!r}: only loopback (127.0.0.1) "
                           "without --allow-remote (allow_remote=True)")
        flask_config["ALLOWED_HOSTS"] = _names_for(host)
        print(f"WARNING: quotelens is listening on {host}:{port}, reachable from other machines. "
              f"Anyone who can reach it may use it{'' if os.environ.get(TOKEN_ENV) else '; set QUOTELENS_TOKEN'}.",
              file=sys.stderr)
    limit_arenas(MALLOC_ARENAS)  # before the model loads and any thread starts
    app = create_app(flask_config)
    helper = getattr(app.extensions["quotelens"].pipeline, "splitter", None) is not None
    print(f"quotelens {app.extensions['quotelens'].model} serving on http://{host}:{port}/ "
          f"({threads} parse threads{', long pages parsed on two processes' if helper else ''})", file=sys.stderr)
    run_waitress(app, host, port, threads)


def run_waitress(app: Flask, host: str, port: int, threads: int) -> None:
    """waitress with ``threads`` parse threads' worth of workers plus WAIT_THREADS that only wait."""
    import waitress

    waitress.serve(app, host=host, port=port, threads=max(1, threads) + WAIT_THREADS, ident="quotelens")
