"""Validators for the service's two answer shapes: contract v1 and the error shape.
(A module, not conftest.py: test files import these, and tests/ has two conftest.py files.)"""
from __future__ import annotations

import jsonschema

from quotelens import serialize
from quotelens.server.api import openapi_document

CONTRACT = jsonschema.Draft202012Validator(serialize.schema())
ERROR = jsonschema.Draft202012Validator(openapi_document()["components"]["schemas"]["Error"])


def assert_contract(body) -> None:
    CONTRACT.validate(body)
    text = body["article"]["text"]
    for q in body["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape, with the status both in the HTTP line and in the body."""
    body = response.get_json()
    ERROR.validate(body)
    assert response.status_code == status == body["status"], body
    if code is not None:
        assert body["code"] == code, body
    assert "Traceback" not in body["error"]
    return body
