"""Every error path answers the one shape {ok: false, status, code, error}: never a traceback,
never a 500 for anything a client can send (after datasette's test_error_shape.py)."""
from __future__ import annotations

import pytest
from ql_checks import assert_error
from ql_fakes import FakePipeline

from quotelens.errors import (BadInput, EmptyText, FetchError, FetchTimeout, InputTooLarge, ModelMissing,
                              NotAnArticle, UrlNotAllowed)

ATTR = "/api/v1/attribute"


def post_raw(client, data: bytes, content_type: str = "application/json", path: str = ATTR):
    return client.post(path, data=data, content_type=content_type)


@pytest.mark.parametrize("data, code", [
    (b"", "bad_json"),
    (b"   ", "bad_json"),
    (b"{", "bad_json"),
    (b"{'text': 'single quotes'}", "bad_json"),
    (b'{"text": "a"} trailing', "bad_json"),
    ("{\"text\": \"caf\u00e9\"}".encode("latin-1"), "bad_encoding"),       # not UTF-8
    (b"\xff\xfe\x00{", "bad_encoding"),
    (b"[" * 100_000 + b"]" * 100_000, "bad_json"),                         # nested too deeply
    (b'"just a string"', "bad_type"),
    (b"[1, 2]", "bad_type"),
    (b"null", "bad_type"),
    (b"{}", "missing_field"),
    (b'{"options": {}}', "missing_field"),
    (b'{"text": "a", "html": "<p>a</p>"}', "conflict"),
    (b'{"text": 5}', "bad_type"),
    (b'{"text": null}', "bad_type"),
    (b'{"html": ["<p>"]}', "bad_type"),
    (b'{"url": {"href": "x"}}', "bad_type"),
    (b'{"url": "   "}', "bad_input"),
    (b'{"url": "https://example.org/' + b"a" * 3000 + b'"}', "bad_input"),
    (b'{"text": "a", "speaker": "x"}', "unknown_field"),
    (b'{"text": "a", "options": []}', "bad_type"),
    (b'{"text": "a", "options": {"min_confidence": "high"}}', "bad_type"),
    (b'{"text": "a", "options": {"min_confidence": true}}', "bad_type"),
    (b'{"text": "a", "options": {"min_confidence": 1.5}}', "bad_input"),
    (b'{"text": "a", "options": {"min_confidence": NaN}}', "bad_type"),
    (b'{"text": "a", "options": {"include_indirect": "yes"}}', "bad_type"),
    (b'{"text": "a", "options": {"model": "en_core_web_lg"}}', "unknown_field"),
    (b'{"text": "lone \\ud800 surrogate"}', "bad_encoding"),
])
def test_malformed_input_is_400(client, data, code):
    assert_error(post_raw(client, data), 400, code)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_non_json_content_type_is_415(client, content_type):
    assert_error(post_raw(client, b'{"text": "a"}', content_type), 415, "unsupported_media_type")


def test_body_over_the_cap_is_413(make_app):
    client = make_app(MAX_CONTENT_LENGTH=1000).test_client()
    assert_error(post_raw(client, b'{"text": "' + b"a" * 2000 + b'"}'), 413, "too_large")


def test_default_body_cap_is_ten_megabytes(client):
    body = b'{"html": "' + b"<p>x</p>" * (10 * 1024 * 1024 // 8) + b'"}'
    assert_error(post_raw(client, body), 413, "too_large")


@pytest.mark.parametrize("exc, status, code", [
    (BadInput("binary junk"), 400, "bad_input"),
    (EmptyText("the text is empty"), 400, "empty_text"),
    (InputTooLarge("text is 2,000,000 characters; the limit is 1,000,000"), 413, "too_large"),
    (NotAnArticle("No article body at https://example.org/"), 422, "not_an_article"),
    (FetchError("example.org answered HTTP 500 Internal Server Error"), 502, "fetch_failed"),
    (UrlNotAllowed("refused: 10.0.0.1 is a non-public address"), 403, "url_not_allowed"),
    (FetchTimeout("no answer from example.org within 20 s"), 504, "fetch_timeout"),
    (ModelMissing("no English spaCy model is installed"), 500, "model_missing"),
])
def test_pipeline_errors_keep_their_status_and_code(make_app, exc, status, code):
    client = make_app(pipeline=FakePipeline(error=exc)).test_client()
    body = assert_error(client.post(ATTR, json={"url": "https://example.org/"}), status, code)
    assert body["error"] == exc.message


def test_unexpected_exception_is_a_500_that_echoes_nothing(make_app, caplog):
    client = make_app(pipeline=FakePipeline(error=KeyError("secret internals"))).test_client()
    body = assert_error(client.post(ATTR, json={"text": "a"}), 500, "internal")
    assert "secret" not in body["error"]
    assert "secret internals" in caplog.text  # but it is logged


def test_slow_pipeline_hits_the_time_cap(make_app):
    client = make_app(pipeline=FakePipeline(delay=0.5), REQUEST_TIMEOUT=0.05).test_client()
    assert_error(client.post(ATTR, json={"text": "a"}), 504, "timeout")


def test_batch_runs_out_of_time_per_document(make_app):
    client = make_app(pipeline=FakePipeline(delay=0.3), REQUEST_TIMEOUT=1.0).test_client()
    docs = [{"text": t} for t in "abcde"]  # 0.3 s each under a 1 s cap: the first fits, the last cannot
    body = client.post("/api/v1/batch", json={"documents": docs}).get_json()
    codes = [d.get("code") for d in body["results"]]
    assert codes[0] is None and codes[-1] == "timeout"


def test_full_queue_answers_503_busy(make_app):
    app = make_app(pipeline=FakePipeline(delay=1.0), PARSE_SLOTS=1, MAX_PENDING=1)
    svc = app.extensions["quotelens"]
    svc.runner._pool.submit(lambda: None)  # warm the pool thread
    import threading
    first = threading.Thread(target=lambda: app.test_client().post(ATTR, json={"text": "first"}))
    first.start()
    try:
        for _ in range(400):  # wait until the first job is pending
            if svc.runner.pending:
                break
            threading.Event().wait(0.005)
        assert svc.runner.pending == 1
        assert_error(app.test_client().post(ATTR, json={"text": "second"}), 503, "busy")
    finally:
        first.join()


@pytest.mark.parametrize("payload, status, code", [
    (b'{"documents": []}', 400, "bad_input"),
    (b'{"documents": {"a": 1}}', 400, "bad_type"),
    (b'{"docs": []}', 400, "unknown_field"),
    (b'{}', 400, "missing_field"),
    (b'{"documents": [{"text": "a"}], "options": {"min_confidence": -1}}', 400, "bad_input"),
])
def test_batch_envelope_errors(client, payload, status, code):
    assert_error(post_raw(client, payload, path="/api/v1/batch"), status, code)


def test_batch_over_the_document_cap_is_413(make_app):
    client = make_app(BATCH_MAX_DOCUMENTS=3).test_client()
    assert_error(client.post("/api/v1/batch", json={"documents": [{"text": "a"}] * 4}), 413, "too_many_documents")


@pytest.mark.parametrize("doc, code", [
    ({"id": [1], "text": "a"}, "bad_type"),
    ({"id": True, "text": "a"}, "bad_type"),
    ({"id": "x" * 500, "text": "a"}, "bad_input"),
    ("just text", "bad_type"),
    ({"id": "a", "text": "a", "options": {}}, "unknown_field"),
])
def test_batch_bad_document_is_an_error_in_place(client, doc, code):
    body = client.post("/api/v1/batch", json={"documents": [doc, {"text": "fine"}]}).get_json()
    assert body["results"][0]["code"] == code and body["results"][0]["ok"] is False
    assert body["results"][1]["ok"] is True


@pytest.mark.parametrize("method, path, status, code", [
    ("get", "/api/v1/nothing", 404, "not_found"),
    ("get", "/favicon.ico", 404, "not_found"),
    ("get", ATTR, 405, "method_not_allowed"),
    ("put", "/api/v1/batch", 405, "method_not_allowed"),
    ("post", "/api/v1/health", 405, "method_not_allowed"),
    ("delete", "/", 405, "method_not_allowed"),
])
def test_routing_errors_have_the_shape(client, method, path, status, code):
    assert_error(getattr(client, method)(path), status, code)
