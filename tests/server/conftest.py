"""Fixtures for the service tests: a fake pipeline (no spaCy), the app and its test client.
The answer validators are in ql_checks.py, the fake in ql_fakes.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for ql_fakes and ql_checks

from ql_fakes import FakePipeline  # noqa: E402

from quotelens.server import create_app  # noqa: E402


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
