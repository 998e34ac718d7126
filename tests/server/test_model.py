"""The service with the real pipeline (spaCy model): real pages, bad inputs, URL fetching."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from ql_checks import assert_contract, assert_error

from quotelens.server import create_app

pytestmark = pytest.mark.model

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
ITBRIEF = PAGES / "wcxb-0480-itbrief-ai-projects" / "source.html"
SEED_TEXT = ("“We will not allow Syria to get away with this,” French Foreign Minister Jean-Marc Ayrault "
             "told reporters.")


@pytest.fixture(scope="module")
def real_app(pipeline):
    return create_app({"TESTING": True, "TOKEN": ""}, pipeline=pipeline)


@pytest.fixture
def real_client(real_app):
    return real_app.test_client()


def test_seed_sentence_gets_its_canonical_speaker_and_role(real_client):
    body = real_client.post("/api/v1/attribute", json={"text": SEED_TEXT}).get_json()
    assert_contract(body)
    (q,) = [q for q in body["quotes"] if q["kind"] == "direct"]
    assert (q["speaker"], q["role"]) == ("Jean-Marc Ayrault", "French Foreign Minister")


@pytest.mark.skipif(not ITBRIEF.exists(), reason="WCXB fixture page tests/fixtures/pages/wcxb-0480-* not present")
def test_real_page_html_in_contract_out_then_cached(real_client):
    payload = {"html": ITBRIEF.read_text(encoding="utf-8"), "url": "https://itbrief.news/story/x"}
    first = real_client.post("/api/v1/attribute", json=payload)
    assert first.status_code == 200, first.get_json()
    body = first.get_json()
    assert_contract(body)
    assert any(q["speaker"] and "Houssaini" in q["speaker"] for q in body["quotes"])
    second = real_client.post("/api/v1/attribute", json=payload)
    assert second.headers["X-Quotelens-Cache"] == "hit" and second.data == first.data


@pytest.mark.parametrize("payload, status, code", [
    ({"text": ""}, 400, "empty_text"),
    ({"text": " \n\t "}, 400, "empty_text"),
    ({"html": ""}, 422, "not_an_article"),
    ({"html": "<html><body><nav>Home</nav></body></html>"}, 422, "not_an_article"),
    ({"html": "\x00\x01\x02binary" * 100}, 400, "bad_input"),
])
def test_bad_input_through_the_real_pipeline(real_client, payload, status, code):
    assert_error(real_client.post("/api/v1/attribute", json=payload), status, code)


def test_thousands_of_quote_marks_are_an_answer_not_a_crash(real_client):
    # Not one 10,000-mark "word": spaCy's tokenizer takes ~14 s on that alone (find_suffix is
    # quadratic in token length); the core's own bad-input tests own that case.
    r = real_client.post("/api/v1/attribute", json={"text": '"' * 1000 + " “" * 3000 + "” " * 3000})
    assert r.status_code == 200
    assert_contract(r.get_json())


def test_text_over_the_length_cap_is_413(pipeline):
    client = create_app({"TESTING": True, "TOKEN": "", "QUOTELENS": {"max_text_chars": 1000}},
                        pipeline=pipeline).test_client()
    assert_error(client.post("/api/v1/attribute", json={"text": "Words. " * 500}), 413, "too_large")


@pytest.fixture
def page_server():
    """A local HTTP server with one article page at /article (tests never use the internet)."""
    html = ITBRIEF.read_bytes() if ITBRIEF.exists() else f"<html><body><article><p>{SEED_TEXT}</p></article>" \
        "</body></html>".encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path != "/article":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_when_the_config_allows_loopback(pipeline, page_server):
    pytest.importorskip("quotelens.fetch", reason="toolkit/fetch.py (URL fetching) has not landed yet")
    client = create_app({"TESTING": True, "TOKEN": "", "QUOTELENS": {"allow_private_addresses": True}},
                        pipeline=pipeline).test_client()
    r = client.post("/api/v1/attribute", json={"url": page_server + "/article"})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert_contract(body)
    assert body["article"]["url"] == page_server + "/article" and body["quotes"]
    missing = client.post("/api/v1/attribute", json={"url": page_server + "/nothing"})
    assert missing.status_code == 502 and missing.get_json()["ok"] is False


def test_url_to_loopback_is_refused_by_default_ssrf(real_client, page_server):
    pytest.importorskip("quotelens.fetch", reason="toolkit/fetch.py (URL fetching) has not landed yet")
    # refused by policy: the client's request is at fault (403), not the far end (502)
    body = assert_error(real_client.post("/api/v1/attribute", json={"url": page_server + "/article"}), 403,
                        "url_not_allowed")
    assert "non-public" in body["error"]


# IP literals only: refused before any connection or DNS lookup.
@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://[::1]:8765/api/v1/health",
                                 "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/admin"])
def test_private_and_link_local_urls_are_refused(real_client, url):
    pytest.importorskip("quotelens.fetch", reason="toolkit/fetch.py (URL fetching) has not landed yet")
    assert_error(real_client.post("/api/v1/attribute", json={"url": url}), 403, "url_not_allowed")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "not a url"])
def test_non_http_urls_are_refused(real_client, url):
    pytest.importorskip("quotelens.fetch", reason="toolkit/fetch.py (URL fetching) has not landed yet")
    assert_error(real_client.post("/api/v1/attribute", json={"url": url}), 400, "bad_input")


def test_options_reach_the_real_pipeline(real_client):
    text = ("“We will not allow Syria to get away with this,” French Foreign Minister Jean-Marc Ayrault "
            "told reporters. Ayrault said that France would push for sanctions.")
    every = real_client.post("/api/v1/attribute", json={"text": text}).get_json()
    direct = real_client.post("/api/v1/attribute", json={"text": text,
                                                         "options": {"include_indirect": False}}).get_json()
    assert "indirect" in {q["kind"] for q in every["quotes"]}
    assert "indirect" not in {q["kind"] for q in direct["quotes"]}
    strict = real_client.post("/api/v1/attribute", json={"text": text, "options": {"min_confidence": 1.0}}).get_json()
    assert all(q["speaker_id"] is None or q["confidence"] >= 1.0 for q in strict["quotes"])


def test_model_is_loaded_when_the_app_is_built_not_on_the_first_request(nlp, monkeypatch):
    from quotelens.parse import segment

    app = create_app({"TESTING": True, "TOKEN": ""})  # the real pipeline, built here
    assert app.extensions["quotelens"].model
    monkeypatch.setattr(segment, "load_nlp", lambda *a, **k: pytest.fail("model loaded on a request"))
    r = app.test_client().post("/api/v1/attribute", json={"text": SEED_TEXT})
    assert r.status_code == 200 and r.get_json()["model"] == app.extensions["quotelens"].model


def test_missing_model_fails_at_start_up_with_a_named_error():
    from quotelens.errors import ModelMissing

    with pytest.raises(ModelMissing):
        create_app({"TESTING": True, "QUOTELENS": {"model": "no_such_model_xyz"}})


def test_concurrent_requests_give_the_same_answers_as_sequential_ones(pipeline):
    """The one model serves several parse threads at once without mixing documents up."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        SEED_TEXT,
        "“The findings present yet another opportunity,” said Ned Price, a National Security Council spokesman.",
        "UN Secretary-General Ban Ki-moon said the report was deeply troubling.",
        "“We are not done,” Moscow’s UN Ambassador Vitaly Churkin told reporters. “Not at all.”",
        "“Prices will rise,” the minister warned on Tuesday.",
        "According to one senior diplomat, the vote was delayed.",
    ] * 2
    sequential = create_app({"TESTING": True, "TOKEN": "", "CACHE_MAX_ENTRIES": 0}, pipeline=pipeline)
    expected = [sequential.test_client().post("/api/v1/attribute", json={"text": t}).data for t in texts]
    app = create_app({"TESTING": True, "TOKEN": "", "CACHE_MAX_ENTRIES": 0, "PARSE_SLOTS": 4}, pipeline=pipeline)
    with ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda t: app.test_client().post("/api/v1/attribute", json={"text": t}).data, texts))
    assert got == expected


def test_parse_helper_answers_as_one_process_does(real_client):
    """PARSE_HELPER (what `quotelens serve` turns on with two cores): a helper process parses the
    second half of a long page; the answer is the one-process answer."""
    helped = create_app({"TESTING": True, "TOKEN": "", "PARSE_HELPER": True})
    splitter = helped.extensions["quotelens"].pipeline.splitter
    try:
        assert splitter is not None and splitter.alive
        page = PAGES / "wcxb-0034-today-fitness-trends" / "source.html"
        payload = {"html": page.read_text(encoding="utf-8"), "url": "https://www.today.com/x"}
        a = real_client.post("/api/v1/attribute", json=payload).get_json()
        b = helped.test_client().post("/api/v1/attribute", json=payload).get_json()
        assert_contract(b)
        assert a["article"] == b["article"]
        assert [(q["start"], q["end"], q["speaker"]) for q in a["quotes"]] == \
            [(q["start"], q["end"], q["speaker"]) for q in b["quotes"]]
    finally:
        splitter.close()
