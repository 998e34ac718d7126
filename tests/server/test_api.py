"""Every endpoint answers what it promises, checked against contract v1 (fake pipeline)."""
from __future__ import annotations

import re

import pytest
from ql_checks import assert_contract

from quotelens.config import Config
from quotelens.server import DEFAULT_PORT
from quotelens.server.examples import SAMPLE_TEXT

SEED_LINE = ("“We will not allow Syria to get away with this,” French Foreign Minister "
             "Jean-Marc Ayrault told reporters.")


def test_default_port_is_the_one_the_extension_uses():
    assert DEFAULT_PORT == 8765


def test_attribute_text_answers_the_contract(client, fake):
    r = client.post("/api/v1/attribute", json={"text": SAMPLE_TEXT})
    assert r.status_code == 200 and r.mimetype == "application/json"
    body = r.get_json()
    assert_contract(body)
    assert [(q["text"], q["speaker"]) for q in body["quotes"]] == [
        ("We will not back down,", "Jane Doe"), ("talks would resume", "Jane Doe")]
    assert body["speakers"][0]["role"] == "mayor of Springfield"
    assert fake.calls[0][:3] == ("text", SAMPLE_TEXT, None)


def test_text_offsets_index_the_text_as_sent(client):
    text = "Intro 😀 line.\n\n" + SEED_LINE
    body = client.post("/api/v1/attribute", json={"text": text}).get_json()
    assert body["article"]["text"] == text
    (q,) = body["quotes"]
    assert text[q["start"]:q["end"]] == "We will not allow Syria to get away with this,"
    # JavaScript counts UTF-16 units: the emoji before the quote shifts it by one
    assert q["selector"]["utf16_start"] == q["start"] + 1


@pytest.mark.parametrize("payload, call", [
    ({"html": "<p>“Hi,” she said.</p>", "url": "https://example.org/a"},
     ("html", "<p>“Hi,” she said.</p>", "https://example.org/a")),
    ({"html": "<p>“Hi,” she said.</p>"}, ("html", "<p>“Hi,” she said.</p>", None)),
    ({"url": "https://example.org/news/mayor"}, ("url", "https://example.org/news/mayor", None)),
    ({"url": "  https://example.org/news/mayor "}, ("url", "https://example.org/news/mayor", None)),
    ({"text": "“Hi,” she said.", "url": "https://example.org/a"}, ("text", "“Hi,” she said.", "https://example.org/a")),
])
def test_each_kind_of_input_reaches_its_pipeline_entry(client, fake, payload, call):
    r = client.post("/api/v1/attribute", json=payload)
    assert r.status_code == 200
    assert_contract(r.get_json())
    assert fake.calls[-1][:3] == call


def test_options_override_the_config_for_that_request_only(client, fake):
    client.post("/api/v1/attribute", json={"text": "“A,” she said.", "options": {"min_confidence": 0.9,
                                                                              "include_indirect": False}})
    client.post("/api/v1/attribute", json={"text": "“B,” she said."})
    first, second = fake.calls[0][3], fake.calls[1][3]
    assert (first.min_confidence, first.include_indirect) == (0.9, False)
    assert (second.min_confidence, second.include_indirect) == (Config().min_confidence, True)


def test_a_high_threshold_leaves_the_speaker_unknown(client):
    body = client.post("/api/v1/attribute", json={"text": "“A,” she said.",
                                                  "options": {"min_confidence": 0.95}}).get_json()
    assert body["quotes"][0]["speaker_id"] is None and body["quotes"][0]["speaker_type"] == "unknown"


def test_service_config_refuses_private_addresses_unless_asked(make_app, fake):
    assert make_app().extensions["quotelens"].pipeline.config.allow_private_addresses is False
    app = make_app(QUOTELENS={"allow_private_addresses": True, "max_redirects": 2})
    cfg = app.extensions["quotelens"].pipeline.config
    assert cfg.allow_private_addresses is True and cfg.max_redirects == 2
    # A Config object never turns it on: True is the CLI's default and says nothing.
    app = make_app(QUOTELENS=Config(allow_private_addresses=True, min_confidence=0.7))
    cfg = app.extensions["quotelens"].pipeline.config
    assert cfg.allow_private_addresses is False and cfg.min_confidence == 0.7


def test_unknown_core_config_key_is_loud(make_app):
    with pytest.raises(ValueError, match="min_confidense"):
        make_app(QUOTELENS={"min_confidense": 0.2})


def test_second_identical_request_is_a_cache_hit(client, fake):
    payload = {"html": "<p>“Hi,” she said.</p>", "url": "https://example.org/a"}
    first = client.post("/api/v1/attribute", json=payload)
    second = client.post("/api/v1/attribute", json=payload)
    assert first.headers["X-Quotelens-Cache"] == "miss" and second.headers["X-Quotelens-Cache"] == "hit"
    assert first.data == second.data
    assert len(fake.calls) == 1


@pytest.mark.parametrize("other", [
    {"html": "<p>“Hi,” she said!</p>", "url": "https://example.org/a"},   # content differs
    {"html": "<p>“Hi,” she said.</p>", "url": "https://example.org/b"},   # url differs
    {"html": "<p>“Hi,” she said.</p>", "url": "https://example.org/a", "options": {"include_indirect": False}},
    {"text": "<p>“Hi,” she said.</p>", "url": "https://example.org/a"},   # kind differs
])
def test_cache_key_covers_kind_content_url_and_options(client, fake, other):
    client.post("/api/v1/attribute", json={"html": "<p>“Hi,” she said.</p>", "url": "https://example.org/a"})
    r = client.post("/api/v1/attribute", json=other)
    assert r.headers["X-Quotelens-Cache"] == "miss" and len(fake.calls) == 2


def test_errors_are_not_cached(make_app, fake):
    from quotelens.errors import NotAnArticle
    fake.error = NotAnArticle("no article")
    client = make_app().test_client()
    client.post("/api/v1/attribute", json={"html": "<p>x</p>"})
    client.post("/api/v1/attribute", json={"html": "<p>x</p>"})
    assert len(fake.calls) == 2


def test_batch_answers_each_document_in_place(client):
    r = client.post("/api/v1/batch", json={"documents": [
        {"id": "a", "text": SAMPLE_TEXT},
        {"id": 7, "html": "<p>“Yes,” she said.</p>"},
        {"id": "bad", "text": 12},
        {"html": "<p>x</p>", "text": "y"},
        {"url": "https://example.org/news/mayor"},
    ]})
    assert r.status_code == 200
    body = r.get_json()
    assert body["ok"] is True
    assert [d["id"] for d in body["results"]] == ["a", "7", "bad", "3", "4"]
    assert [d["ok"] for d in body["results"]] == [True, True, False, False, True]
    for d in body["results"]:
        if d["ok"]:
            assert_contract(d["result"])
    assert body["results"][2]["code"] == "bad_type" and body["results"][2]["status"] == 400
    assert body["results"][3]["code"] == "conflict"


def test_batch_options_apply_to_every_document(client, fake):
    client.post("/api/v1/batch", json={"documents": [{"text": "“A,” x said."}, {"text": "“B,” y said."}],
                                       "options": {"include_indirect": False}})
    assert [c[3].include_indirect for c in fake.calls] == [False, False]


def test_batch_pipeline_error_stays_in_place(make_app):
    from ql_fakes import FakePipeline

    from quotelens.errors import EmptyText

    class Picky(FakePipeline):
        def attribute_text(self, text, url=None):
            if not text.strip():
                raise EmptyText("the text is empty")
            return super().attribute_text(text, url)

    client = make_app(pipeline=Picky()).test_client()
    body = client.post("/api/v1/batch", json={"documents": [{"text": " "}, {"text": "“A,” x said."}]}).get_json()
    assert body["results"][0] == {"id": "0", "ok": False, "status": 400, "code": "empty_text",
                                  "error": "the text is empty"}
    assert body["results"][1]["ok"] is True


def test_health_reports_version_model_ready(client):
    from quotelens import __version__
    r = client.get("/api/v1/health")
    body = r.get_json()
    assert r.status_code == 200
    assert body["ok"] is True and body["ready"] is True
    assert body["version"] == __version__ and body["model"] == "fake_model" and body["schema_version"] == 1


def test_paste_page_is_plain_files_without_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert '<script src="/static/app.js"' in html and 'href="/static/style.css"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no CDN: every asset is served from here
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    js = client.get("/static/app.js").get_data(as_text=True)
    assert client.get("/static/style.css").status_code == 200
    assert not re.search(r"\.(inner|outer)HTML\b|insertAdjacentHTML|document\.write", js)
    assert "ql-quote" in js and "ql-speaker-" in js and "textContent" in js


def test_flask_finds_the_factory():
    """``flask --app quotelens.server run`` looks for create_app in the module."""
    import inspect

    import quotelens.server as mod
    assert inspect.isfunction(mod.create_app)
    assert all(p.default is not inspect.Parameter.empty or p.kind is p.KEYWORD_ONLY
               for p in inspect.signature(mod.create_app).parameters.values())
