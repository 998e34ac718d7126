"""Fixtures the Chromium and Firefox end-to-end tests share: the saved pages served from 127.0.0.1,
and a recording of contract-v1 answers built from each page's gold quotes (no model)."""
from __future__ import annotations

import pytest
from _ext_helpers import RecordedService, page_server, recorded_contract, slugs


@pytest.fixture(scope="module")
def pages():
    with page_server() as base:
        yield base


@pytest.fixture(scope="module")
def recorded():
    svc = RecordedService()
    for slug in slugs():
        svc.answers[slug] = recorded_contract(slug)
    yield svc
    svc.close()
