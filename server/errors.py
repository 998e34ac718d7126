"""One error shape for everything the service answers, after datasette's ``error_body()``:

    {"ok": false, "status": 422, "code": "not_an_article", "error": "No article body at https://..."}

``HTTPException`` keeps its status; ``QuotelensError`` uses its ``.status``/``.code``;
anything else is a logged 500 ``"internal"`` whose details are never echoed to the client.
"""
from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from quotelens.errors import QuotelensError

log = logging.getLogger("quotelens.server")

# werkzeug's exceptions by status -> our stable codes.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    429: "busy",
    500: "internal",
    503: "busy",
    504: "timeout",
}


class ApiError(QuotelensError):
    """An error the service itself raises (as opposed to the core): any status and code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code


def bad_request(message: str, code: str = "bad_input") -> ApiError:
    return ApiError(400, code, message)


def error_dict(status: int, code: str, message: str) -> dict:
    return {"ok": False, "status": status, "code": code, "error": message}


def error_for(exc: BaseException) -> dict:
    """The error-shape dict for any exception (used in place for batch documents too)."""
    if isinstance(exc, QuotelensError):
        return error_dict(int(exc.status), exc.code, exc.message)
    if isinstance(exc, HTTPException):
        status = exc.code or 500
        return error_dict(status, HTTP_CODES.get(status, "http_error"), exc.description or exc.name)
    log.exception("internal error", exc_info=exc)
    return error_dict(500, "internal", "internal error; see the server log")


def error_response(exc: BaseException) -> Response:
    body = error_for(exc)
    response = jsonify(body)
    response.status_code = body["status"]
    if body["status"] == 405 and isinstance(exc, HTTPException):
        # keep werkzeug's Allow header: it says which methods the route takes
        for name, value in exc.get_headers():
            if name.lower() == "allow":
                response.headers["Allow"] = value
    return response


def register_error_handlers(app: Flask) -> None:
    """Every error, from routing to the pipeline, goes through ``error_response``."""
    app.register_error_handler(QuotelensError, error_response)
    app.register_error_handler(HTTPException, error_response)
    app.register_error_handler(Exception, error_response)
