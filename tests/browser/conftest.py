"""Fixtures the Chromium and Firefox end-to-end tests share: the saved pages served from 127.0.0.1,
a recording of contract-v1 answers built from each page's gold quotes (no model), headless
Chromium with the extension loaded, and the real service on a free port (one of each per module)."""
from __future__ import annotations

import pytest
from _ext_helpers import Browser, RecordedService, missing_browser, page_server, real_service, recorded_contract, slugs


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


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium (Debian's) with the unpacked extension, driven by Playwright."""
    why = missing_browser()
    if why:
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = Browser(p, tmp_path_factory.mktemp("chromium-profile"))
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def service():
    """The real quotelens service (the model) on a free port."""
    with real_service() as url:
        yield url
