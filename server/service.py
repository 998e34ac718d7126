"""The service's state, built once per app: pipeline, config, cache and job runner.

Lives in ``app.extensions["quotelens"]``. It knows how to turn one typed request into the
contract's JSON bytes (cached), and nothing about HTTP.
"""
from __future__ import annotations

import dataclasses
import itertools
import logging
import time
from typing import Any, Mapping

from quotelens import serialize
from quotelens.config import Config
from quotelens.malloc import release_free_memory

from .cache import ResultCache
from .requests import AttributionRequest, Options
from .runner import ParseBudget, Runner
from .settings import TRIM_EVERY

log = logging.getLogger("quotelens.server")

# a name and then a pronoun, so that lazy tables (the given-name list) load before the first request
WARM_UP_TEXT = "“We are ready,” said Jane Doe, the mayor of Springfield. “So is the city,” she said."


def service_config(value: Config | Mapping[str, Any] | None) -> Config:
    """The core Config for the service: like the CLI's, but fetching private addresses is off.

    A mapping turns it on only by saying ``allow_private_addresses: True`` (tests need that
    switch). A Config instance never does: True is the CLI's default, so it says nothing.
    """
    if isinstance(value, Config):
        return value.replace(allow_private_addresses=False)
    return Config.from_mapping({"allow_private_addresses": False, **dict(value or {})})


def with_config(pipeline: Any, config: Config) -> Any:
    """The same loaded model under another Config (cheap: the model is shared, not copied)."""
    if dataclasses.is_dataclass(pipeline) and hasattr(pipeline, "config"):
        if pipeline.config == config:
            return pipeline
        return dataclasses.replace(pipeline, config=config)
    return pipeline  # a duck-typed pipeline without a config: used as it is


class Service:
    def __init__(self, pipeline: Any, config: Config, settings: Mapping[str, Any]):
        self.config = config
        self.pipeline = with_config(pipeline, config)
        self.timeout = float(settings["REQUEST_TIMEOUT"])
        self.url_ttl = float(settings["CACHE_URL_TTL"])
        self.cache = ResultCache(settings["CACHE_MAX_ENTRIES"], settings["CACHE_MAX_BYTES"])
        self.runner = Runner(settings["PARSE_SLOTS"], settings["MAX_PENDING"])
        self.budget = ParseBudget(settings["PARSE_CHARS_IN_FLIGHT"])
        if dataclasses.is_dataclass(self.pipeline) and "admit" in {f.name for f in dataclasses.fields(self.pipeline)}:
            self.pipeline = dataclasses.replace(self.pipeline, admit=self.budget.admit)
        self._jobs_done = itertools.count(1)  # next() is atomic under the GIL

    @property
    def model(self) -> str | None:
        return getattr(self.pipeline, "model", None)

    def warm_up(self) -> None:
        """One tiny run at start-up so the first real request does not pay for lazy set-up."""
        try:
            self.pipeline.attribute_text(WARM_UP_TEXT)
        except Exception:  # noqa: BLE001 - a broken stage must not stop the server starting
            log.warning("warm-up run failed; the server starts anyway", exc_info=True)

    def pipeline_for(self, options: Options, source: str = "page") -> Any:
        overrides = options.overrides()
        if source == "dom":  # a browser's DOM: selectors quote what the page shows (clean stage)
            overrides["html_from_dom"] = True
        return with_config(self.pipeline, self.config.replace(**overrides)) if overrides else self.pipeline

    def attribute(self, req: AttributionRequest, deadline: float) -> tuple[bytes, bool]:
        """(contract JSON bytes, whether it came from the cache). Errors propagate as raised."""
        key = req.cache_key()
        cached = self.cache.get(key)
        if cached is not None:
            return cached, True

        def job() -> bytes:
            try:
                return compute()
            finally:
                # Parses free a lot: hand it back every few jobs, and whenever this was the last
                # job in flight, so a laptop's RSS falls back after a burst of pages.
                if next(self._jobs_done) % TRIM_EVERY == 0 or self.runner.pending <= 1:
                    release_free_memory()

        def compute() -> bytes:
            pipe = self.pipeline_for(req.options, req.source)
            if req.kind == "text":
                result = pipe.attribute_text(req.content, url=req.url)
            elif req.kind == "html":
                result = pipe.attribute_html(req.content, url=req.url)
            else:
                result = pipe.attribute_url(req.content)
            # "replace" only matters for a lone surrogate, which would otherwise be a 500
            body = serialize.to_json(result).encode("utf-8", "replace")
            self.cache.put(key, body, ttl=self.url_ttl if req.kind == "url" else None)
            return body

        return self.runner.run(key, job, timeout=deadline - time.monotonic()), False
