"""Fixtures for the service tests: a fake pipeline (no spaCy), the app, its test client,
and validators for the two answer shapes: contract v1 and the error shape."""
from __future__ import annotations

import sys
from pathlib import Path

import jsonschema
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for ql_fakes

from ql_fakes import FakePipeline  # noqa: E402

from quotelens import serialize  # noqa: E402
from quotelens.server import create_app  # noqa: E402
from quotelens.server.api import openapi_document  # noqa: E402

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


@pytest.fixture
def fake() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def make_app(fake):
    """create_app with the fake pipeline and any Flask config overrides."""
    def make(pipeline=None, **config):
        return create_app({"TESTING": True, "TOKEN": "", **config}, pipeline=pipeline or fake)
    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()
