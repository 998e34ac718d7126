"""The request's ``source``: where its HTML came from. ``"dom"`` (what the extension sends) makes
the clean stage quote the page as the browser shows it (``Config.html_from_dom``); anything else
but ``"page"`` is a 400. The fake pipeline records the Config it ran under."""
from __future__ import annotations

import pytest

HTML = "<p>“Hi,” she said.</p>"


def test_the_dom_source_reaches_the_clean_stage(client, fake):
    r = client.post("/api/v1/attribute", json={"html": HTML, "url": "https://example.org/a", "source": "dom"})
    assert r.status_code == 200
    kind, content, url, config = fake.calls[-1]
    assert (kind, content, url) == ("html", HTML, "https://example.org/a")
    assert config.html_from_dom is True


@pytest.mark.parametrize("body", [{"html": HTML}, {"html": HTML, "source": "page"}])
def test_html_without_the_dom_source_is_a_page_as_served(client, fake, body):
    assert client.post("/api/v1/attribute", json=body).status_code == 200
    assert fake.calls[-1][3].html_from_dom is False


def test_options_and_the_dom_source_combine(client, fake):
    body = {"html": HTML, "source": "dom", "options": {"min_confidence": 0.9}}
    assert client.post("/api/v1/attribute", json=body).status_code == 200
    config = fake.calls[-1][3]
    assert config.html_from_dom is True and config.min_confidence == 0.9


def test_the_source_is_part_of_the_cache_key(client, fake):
    first = client.post("/api/v1/attribute", json={"html": HTML, "source": "dom"})
    second = client.post("/api/v1/attribute", json={"html": HTML})
    third = client.post("/api/v1/attribute", json={"html": HTML, "source": "dom"})
    assert [r.headers["X-Quotelens-Cache"] for r in (first, second, third)] == ["miss", "miss", "hit"]
    assert len(fake.calls) == 2


@pytest.mark.parametrize("body, code, words", [
    ({"html": HTML, "source": "browser"}, "bad_input", "'source' must be one of 'page', 'dom'"),
    ({"html": HTML, "source": "DOM"}, "bad_input", "'source' must be one of"),
    ({"html": HTML, "source": ""}, "bad_input", "'source' must be one of"),
    ({"html": HTML, "source": True}, "bad_type", "'source' must be a string"),
    ({"html": HTML, "source": None}, "bad_type", "'source' must be a string"),
    ({"text": "“Hi,” she said.", "source": "dom"}, "bad_input", "only with 'html'"),
    ({"url": "https://example.org/a", "source": "dom"}, "bad_input", "only with 'html'"),
])
def test_a_bad_source_is_a_400_that_says_why(client, fake, body, code, words):
    r = client.post("/api/v1/attribute", json=body)
    assert r.status_code == 400
    data = r.get_json()
    assert data["code"] == code and words in data["error"], data
    assert fake.calls == []


def test_each_batch_document_says_its_own_source(client, fake):
    r = client.post("/api/v1/batch", json={"documents": [
        {"id": "dom", "html": HTML, "source": "dom"},
        {"id": "page", "html": HTML},
        {"id": "bad", "html": HTML, "source": "screen"},
    ]})
    assert r.status_code == 200
    results = {d["id"]: d for d in r.get_json()["results"]}
    assert results["dom"]["ok"] and results["page"]["ok"]
    assert results["bad"]["status"] == 400 and results["bad"]["code"] == "bad_input"
    assert [c[3].html_from_dom for c in fake.calls] == [True, False]


def test_the_openapi_schema_says_the_same():
    from test_openapi import validator_for

    from quotelens.server.api import openapi_document

    doc = openapi_document()
    for name in ("AttributeRequest", "BatchDocument"):
        check = validator_for(doc, name)
        assert check.is_valid({"html": HTML, "source": "dom"})
        assert check.is_valid({"html": HTML, "source": "page"})
        assert not check.is_valid({"html": HTML, "source": "browser"})
        assert not check.is_valid({"text": "x", "source": "dom"})
        assert not check.is_valid({"url": "https://example.org/a", "source": "dom"})
