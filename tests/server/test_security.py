"""Safe to leave running on a laptop: Host (DNS rebinding), Origin, token, CORS, binding."""
from __future__ import annotations

import pytest
from ql_checks import assert_error

from quotelens.errors import BadInput
from quotelens.server import serve
from quotelens.server.security import host_name

ATTR = "/api/v1/attribute"
EXT = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


@pytest.mark.parametrize("header, name", [
    ("127.0.0.1:8765", "127.0.0.1"), ("localhost", "localhost"), ("LOCALHOST:80", "localhost"),
    ("[::1]:8765", "[::1]"), ("evil.example:8765", "evil.example"), ("", ""),
])
def test_host_name_strips_the_port(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "localhost", "[::1]:8765", "127.0.0.1"])
def test_loopback_hosts_pass(client, host):
    assert client.get("/api/v1/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example:8765", "attacker.com", "127.0.0.1.nip.io:8765", "192.168.1.5:8765",
                                  "localhost.evil.example"])
@pytest.mark.parametrize("path", ["/api/v1/health", "/", ATTR])
def test_other_hosts_are_refused_dns_rebinding(client, host, path):
    method = client.post if path == ATTR else client.get
    assert_error(method(path, json={"text": "a"}, headers={"Host": host}), 403, "host_refused")


def test_configured_host_passes(make_app):
    client = make_app(ALLOWED_HOSTS=["quotelens.lan"]).test_client()
    assert client.get("/api/v1/health", headers={"Host": "quotelens.lan:8765"}).status_code == 200


@pytest.mark.parametrize("origin", ["https://news.example.com", "http://localhost:3000", "http://127.0.0.1:9999",
                                    "null", "file://", "https://localhost", "http://localhost.evil.example"])
def test_web_page_origins_are_refused(client, fake, origin):
    r = client.post(ATTR, json={"text": "a"}, headers={"Origin": origin})
    assert_error(r, 403, "origin_refused")
    assert "Access-Control-Allow-Origin" not in r.headers
    assert fake.calls == []  # refused before any work


@pytest.mark.parametrize("origin", [EXT, "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"])
def test_extension_origins_pass_with_their_own_cors_header(client, origin):
    r = client.post(ATTR, json={"text": "a"}, headers={"Origin": origin})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == origin  # that origin, never "*"
    assert "Origin" in r.headers["Vary"]


def test_same_origin_paste_page_passes(client):
    r = client.post(ATTR, json={"text": "a"}, headers={"Origin": "http://localhost"})
    assert r.status_code == 200 and "Access-Control-Allow-Origin" not in r.headers


def test_configured_extension_origins_restrict_extensions(make_app):
    client = make_app(EXTENSION_ORIGINS=[EXT]).test_client()
    assert client.post(ATTR, json={"text": "a"}, headers={"Origin": EXT}).status_code == 200
    other = "chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
    assert_error(client.post(ATTR, json={"text": "a"}, headers={"Origin": other}), 403, "origin_refused")


def test_preflight_from_extension_is_answered(client):
    r = client.options(ATTR, headers={"Origin": EXT, "Access-Control-Request-Method": "POST",
                                      "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == EXT
    assert "POST" in r.headers["Access-Control-Allow-Methods"]


def test_preflight_from_web_page_is_refused(client):
    r = client.options(ATTR, headers={"Origin": "https://news.example.com", "Access-Control-Request-Method": "POST"})
    assert_error(r, 403, "origin_refused")


def test_no_response_ever_allows_every_origin(client):
    for r in (client.get("/"), client.get("/api/v1/health"), client.post(ATTR, json={"text": "a"}),
              client.post(ATTR, json={"text": "a"}, headers={"Origin": EXT}), client.get("/nope")):
        assert r.headers.get("Access-Control-Allow-Origin") != "*"


@pytest.fixture
def token_client(make_app):
    return make_app(TOKEN="s3cret-token").test_client()


@pytest.mark.parametrize("headers", [{}, {"X-Quotelens-Token": "wrong"}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": "s3cret-token"}, {"X-Quotelens-Token": ""}])
@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/openapi.json"])
def test_token_is_required_on_the_api(token_client, headers, path):
    assert_error(token_client.get(path, headers=headers), 401, "token_required")


@pytest.mark.parametrize("headers", [{"X-Quotelens-Token": "s3cret-token"}, {"Authorization": "Bearer s3cret-token"},
                                     {"Authorization": "bearer s3cret-token"}])
def test_token_in_either_header_passes(token_client, headers):
    assert token_client.post(ATTR, json={"text": "a"}, headers=headers).status_code == 200


def test_token_checked_before_parsing(token_client, fake):
    assert_error(token_client.post(ATTR, data=b"{", content_type="application/json"), 401, "token_required")
    assert fake.calls == []


def test_paste_page_needs_no_token_but_its_api_calls_do(token_client):
    assert token_client.get("/").status_code == 200
    assert token_client.get("/static/app.js").status_code == 200
    r = token_client.post(ATTR, json={"text": "a"}, headers={"Origin": "http://localhost"})
    assert_error(r, 401, "token_required")  # same origin is no excuse: curl can forge Origin


def test_token_comes_from_the_environment(monkeypatch, fake):
    from quotelens.server import create_app
    monkeypatch.setenv("QUOTELENS_TOKEN", "from-env")
    client = create_app({"TESTING": True}, pipeline=fake).test_client()
    assert_error(client.get("/api/v1/health"), 401, "token_required")
    assert client.get("/api/v1/health", headers={"X-Quotelens-Token": "from-env"}).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_serve_refuses_non_loopback_without_the_flag(host):
    with pytest.raises(BadInput, match="allow_remote"):
        serve(host=host, port=0)


def test_security_headers_on_every_answer(client):
    for r in (client.get("/"), client.get("/api/v1/health"), client.get("/nope")):
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["X-Frame-Options"] == "DENY"
    assert client.get("/api/v1/health").headers["Cache-Control"] == "no-store"


def test_serve_with_allow_remote_warns_and_answers_its_own_address(monkeypatch, capsys, fake):
    import quotelens.server as srv

    built, ran = [], []
    real_create_app = srv.create_app
    monkeypatch.setattr(srv, "create_app", lambda cfg: built.append(real_create_app(cfg, pipeline=fake)) or built[-1])
    monkeypatch.setattr(srv, "run_waitress", lambda app, host, port, threads: ran.append((host, port, threads)))
    monkeypatch.setattr(srv, "limit_arenas", lambda n: False)
    monkeypatch.delenv("QUOTELENS_TOKEN", raising=False)
    serve(host="192.168.1.5", port=8765, threads=2, allow_remote=True)
    assert ran == [("192.168.1.5", 8765, 2)]
    err = capsys.readouterr().err
    assert "WARNING" in err and "QUOTELENS_TOKEN" in err
    client = built[0].test_client()
    assert client.get("/api/v1/health", headers={"Host": "192.168.1.5:8765"}).status_code == 200
    assert_error(client.get("/api/v1/health", headers={"Host": "evil.example:8765"}), 403, "host_refused")


def test_serve_on_loopback_is_quiet_and_passes_the_core_config(monkeypatch, capsys, fake):
    import quotelens.server as srv
    from quotelens.config import Config

    built = []
    real_create_app = srv.create_app
    monkeypatch.setattr(srv, "create_app", lambda cfg: built.append(real_create_app(cfg, pipeline=fake)) or built[-1])
    monkeypatch.setattr(srv, "run_waitress", lambda *a: None)
    monkeypatch.setattr(srv, "limit_arenas", lambda n: False)
    serve(config=Config(min_confidence=0.8))  # what `quotelens serve --min-confidence 0.8` passes
    assert "WARNING" not in capsys.readouterr().err
    cfg = built[0].extensions["quotelens"].pipeline.config
    assert cfg.min_confidence == 0.8 and cfg.allow_private_addresses is False
    assert built[0].config["PARSE_SLOTS"] == 4
