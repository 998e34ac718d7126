"""The blueprint under /api/v1: attribute, batch, health, openapi.json."""
from __future__ import annotations

import json
import time
from functools import lru_cache
from importlib import resources
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from quotelens import serialize
from quotelens.version import __version__

from .errors import error_for
from .examples import sample_attribution
from .requests import decode_json, parse_attribute, parse_batch
from .service import Service

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def service() -> Service:
    return current_app.extensions["quotelens"]


def _json_bytes(body: bytes, status: int = 200, **headers: str) -> Response:
    response = Response(body, status=status, mimetype="application/json")
    response.headers.update(headers)
    return response


@bp.post("/attribute")
def attribute() -> Response:
    svc = service()
    deadline = time.monotonic() + svc.timeout
    req = parse_attribute(decode_json(request.get_data(cache=False)))
    body, hit = svc.attribute(req, deadline)
    return _json_bytes(body, **{"X-Quotelens-Cache": "hit" if hit else "miss"})


@bp.post("/batch")
def batch() -> Response:
    """Documents run one after another under one deadline; each failure stays in its place."""
    svc = service()
    deadline = time.monotonic() + svc.timeout
    items = parse_batch(decode_json(request.get_data(cache=False)), current_app.config["BATCH_MAX_DOCUMENTS"])
    parts: list[bytes] = []
    hits = 0
    for item in items:
        head = b'{"id": ' + json.dumps(item.id).encode("utf-8")
        if item.request is None:
            parts.append(head + b", " + json.dumps(error_for(item.error))[1:].encode("utf-8"))
            continue
        try:
            body, hit = svc.attribute(item.request, deadline)
        except Exception as exc:  # noqa: BLE001 - per-document errors in place, the batch goes on
            parts.append(head + b", " + json.dumps(error_for(exc))[1:].encode("utf-8"))
            continue
        hits += hit
        parts.append(head + b', "ok": true, "result": ' + body + b"}")
    body = b'{"ok": true, "results": [' + b", ".join(parts) + b"]}"
    return _json_bytes(body, **{"X-Quotelens-Cache": f"{hits}/{len(items)} hit"})


@bp.get("/health")
def health() -> Response:
    svc = service()
    return jsonify({
        "ok": True,
        "ready": True,  # the model is loaded before the server accepts connections
        "version": __version__,
        "schema_version": serialize.SCHEMA_VERSION,
        "model": svc.model,
        "pending": svc.runner.pending,
        "cache": svc.cache.stats(),
    })


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    """server/openapi.json with the contract's schema put in as components.schemas.Attribution.

    The contract schema file stays the one source of truth; the OpenAPI file only points at it.
    """
    doc = json.loads((resources.files("quotelens.server") / "openapi.json").read_text(encoding="utf-8"))
    doc["info"]["version"] = __version__
    contract = dict(serialize.schema())
    contract.pop("$schema", None)
    doc["components"]["schemas"]["Attribution"] = contract
    ok = doc["paths"]["/api/v1/attribute"]["post"]["responses"]["200"]["content"]["application/json"]
    ok["example"] = serialize.to_dict(sample_attribution())
    return doc


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
