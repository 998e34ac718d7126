"""The quotelens command and bad input end to end: a clear error or an empty result, never a
traceback, and a batch loses only its bad lines."""
from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import jsonschema
import pytest

from quotelens import cli
from quotelens.config import Config
from quotelens.errors import FetchTimeout, InputTooLarge, QuotelensError
from quotelens.serialize import schema
from sample_page import ARTICLE

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures" / "pages"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotelens.cli", *args], input=stdin,
                          capture_output=True, timeout=300)


# -- attribute ---------------------------------------------------------------------------------------
def test_attribute_text_file_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("“We will rebuild every bridge,” said Governor Ann Walsh.\n", encoding="utf-8")
    out = run_cli("attribute", str(path))
    assert out.returncode == 0, out.stderr
    table = out.stdout.decode()
    assert "Ann Walsh, Governor [person] — 1 quote" in table
    assert "“We will rebuild every bridge,”" in table


def test_attribute_html_stdin_json_validates():
    out = run_cli("attribute", "-", "--json", stdin=ARTICLE.encode())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, schema())
    names = {q["speaker"] for q in data["quotes"] if q["kind"] != "indirect"}
    assert names == {"Ann Walsh"}
    assert {q["speaker"] for q in data["quotes"] if q["kind"] == "indirect"} == {"Opponents"}
    assert "Home | News" not in data["article"]["text"]


def test_attribute_saved_real_page():
    pages = sorted(FIXTURES.glob("*/source.html"))
    if not pages:
        pytest.skip("no saved pages in tests/fixtures/pages")
    out = run_cli("attribute", str(pages[0]), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, schema())
    assert data["quotes"]


def test_demo_runs_offline():
    out = run_cli("demo")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    for name in ("Vitaly Churkin", "Jean-Marc Ayrault", "Ned Price", "Ban Ki-moon"):
        assert name in text
    assert "Enable Read mode" not in text


@pytest.mark.parametrize("payload, code", [
    (b"", "empty_text"),
    (b"   \n\t  \n", "empty_text"),
    (b"\x00\x01\x02\xff\xfe binary \x00 junk" * 100, "bad_input"),
    (b"<html><body><nav>Home | About | Login</nav></body></html>", "not_an_article"),
])
def test_bad_input_is_one_clear_line(payload, code):
    out = run_cli("attribute", "-", stdin=payload)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert f"[{code}]" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_twenty_megabyte_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as f:
        f.write(b"<html><body>")
        f.seek(20_000_000)
        f.write(b"</body></html>")
    out = run_cli("attribute", str(big))
    assert out.returncode == 2
    assert b"[too_large]" in out.stderr and b"Traceback" not in out.stderr


def test_missing_file():
    out = run_cli("attribute", "/no/such/file.html")
    assert out.returncode == 2 and b"no such file" in out.stderr and b"Traceback" not in out.stderr


# -- one input reader, one error line, the service's option rules (issue 19) ------------------------
def one_error_line(out: subprocess.CompletedProcess, status: int = 2) -> str:
    """The CLI's error convention: exit ``status``, one ``quotelens: error: ...`` line, no traceback."""
    err = out.stderr.decode()
    assert out.returncode == status, (out.returncode, err)
    assert err.startswith("quotelens: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and not out.stdout
    return err


def test_a_folder_is_not_a_file(tmp_path):
    err = one_error_line(run_cli("attribute", str(tmp_path)))
    assert f"{tmp_path} is a folder" in err and "no such file" not in err


@pytest.mark.parametrize("url", ["ftp://example.org/news.html", "file:///etc/passwd", "gopher://x/1"])
def test_other_url_schemes_are_refused_by_name(url):
    err = one_error_line(run_cli("attribute", url))
    assert "only http and https" in err and url in err and "no such file" not in err


@pytest.mark.parametrize("command", ["attribute", "batch"])
def test_missing_input_is_exit_2_for_every_command(command):
    err = one_error_line(run_cli(command, "nope.jsonl"))
    assert "no such file: nope.jsonl" in err


def test_batch_refuses_a_folder_without_pages(tmp_path):
    """A folder of saved pages is a batch input (docs/corpus.md); one with none is a wrong path."""
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    assert "is a folder with no .html or .htm page" in one_error_line(run_cli("batch", str(tmp_path)))


@pytest.mark.parametrize("value", ["2", "-0.1", "nan", "inf", "high"])
@pytest.mark.parametrize("command", ["attribute", "batch", "demo"])
def test_min_confidence_outside_0_1_is_refused_as_the_service_does(command, value):
    args = [command] + (["-"] if command != "demo" else []) + ["--min-confidence", value]
    err = one_error_line(run_cli(*args, stdin=b"Some text."))
    assert "--min-confidence: must be a number from 0 to 1" in err


def test_service_and_cli_share_the_min_confidence_rule():
    """One rule (``check_min_confidence``): the CLI's type and the service's options agree on the edges."""
    from quotelens.config import check_min_confidence
    from quotelens.inputs import min_confidence_arg

    assert min_confidence_arg("0") == 0.0 and min_confidence_arg("1") == 1.0 and check_min_confidence(0.7) == 0.7
    for bad in (1.5, -1, float("nan"), True):
        with pytest.raises(ValueError):
            check_min_confidence(bad)
    with pytest.raises(ValueError, match="from 0 to 1"):
        Config(min_confidence=2)


@pytest.mark.parametrize("args, word", [
    (["serve", "--port", "0"], "--port"), (["serve", "--port", "70000"], "--port"),
    (["serve", "--threads", "0"], "--threads"), (["serve", "--parse-chars", "x"], "--parse-chars"),
    (["batch", "-", "--workers", "0"], "--workers"),
    (["attribute"], "required"), (["frob"], "invalid choice"),
])
def test_bad_options_are_one_line_not_a_usage_dump(args, word):
    assert word in one_error_line(run_cli(*args))


def test_serve_on_a_busy_port_is_one_line_before_the_model_loads():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        t0 = time.perf_counter()
        err = one_error_line(run_cli("serve", "--port", str(port)), status=1)
    assert f"port {port} on 127.0.0.1 is already in use" in err and "[port_in_use]" in err
    assert time.perf_counter() - t0 < 20  # no model load first (a few seconds on its own)


@pytest.mark.parametrize("args, chars", [([], None), (["--parse-chars", "12000"], 12_000)])
def test_serve_passes_the_character_budget_on(monkeypatch, args, chars):
    import quotelens.server as server

    seen = {}
    monkeypatch.setattr(cli, "check_port_free", lambda host, port: None)
    monkeypatch.setattr(server, "serve", lambda **kw: seen.update(kw))
    assert cli.main(["serve", *args]) == 0
    assert seen["parse_chars"] == chars


def test_the_default_character_budget_grows_with_the_cores(monkeypatch):
    import os

    from quotelens.server import create_app
    from quotelens.server.settings import PARSE_CHARS_PER_CORE

    for cores, chars in ((1, 2 * PARSE_CHARS_PER_CORE), (2, 2 * PARSE_CHARS_PER_CORE), (8, 8 * PARSE_CHARS_PER_CORE)):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        app = create_app({"TESTING": True, "TOKEN": ""}, pipeline=object())
        assert app.extensions["quotelens"].budget.chars == chars
    app = create_app({"TESTING": True, "TOKEN": "", "PARSE_CHARS_IN_FLIGHT": 5_000}, pipeline=object())
    assert app.extensions["quotelens"].budget.chars == 5_000


def test_a_missing_package_is_one_line_naming_it():
    """A broken install (here Flask hidden from the import system) is one line, never a traceback."""
    code = ("import sys; sys.modules['flask'] = None\n"
            "from quotelens.cli import main\nsys.exit(main(['serve', '--port', '1']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    err = one_error_line(out, status=1)
    assert "'flask' is missing" in err and "pip install quotelens" in err


def test_help_shows_examples():
    out = run_cli("--help")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "examples:" in text
    for example in ("quotelens demo", "quotelens attribute article.html", "quotelens serve", "quotelens extension"):
        assert example in text


def test_extension_command_names_a_folder_with_the_manifest():
    out = run_cli("extension")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    folder = Path(text.splitlines()[1].strip())
    assert (folder / "manifest.json").is_file()
    assert "chrome://extensions" in text and "about:debugging" in text and "quotelens serve" in text


def test_model_choice_by_name_is_checked():
    out = run_cli("attribute", "-", "--model", "xx_no_such_model", stdin=b"Some text.")
    assert out.returncode == 1
    assert b"[model_missing]" in out.stderr and b"Traceback" not in out.stderr


# -- URLs, from a local server (never the internet) -------------------------------------------------
class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(3)
        body = ARTICLE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_attribute_url(server):
    out = run_cli("attribute", f"{server}/article", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["article"]["url"] == f"{server}/article"
    assert {q["speaker"] for q in data["quotes"] if q["kind"] == "direct"} == {"Ann Walsh"}


def test_url_that_times_out(server, nlp):
    from quotelens.pipeline import Pipeline

    pipe = Pipeline(nlp=nlp, config=Config(read_timeout=0.5, total_timeout=1.0))
    with pytest.raises(FetchTimeout):
        pipe.attribute_url(f"{server}/slow")


# -- batch -----------------------------------------------------------------------------------------------
def test_batch_keeps_going_past_bad_lines(tmp_path, server):
    lines = [
        {"id": "t1", "text": "“We will rebuild every bridge,” said Governor Ann Walsh."},
        "this line is not json",
        {"id": "h1", "html": ARTICLE, "url": "https://example.org/bridge"},
        {"id": "e1", "text": "   "},
        {"id": "both", "text": "a", "html": "<p>b</p>"},
        {"id": "u1", "url": f"{server}/article"},
        {"id": "bad-url", "url": "ftp://example.org/x"},
    ]
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n", encoding="utf-8")
    outp = tmp_path / "out.jsonl"
    out = run_cli("batch", str(inp), "-o", str(outp), "--quiet")
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in outp.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["t1", 2, "h1", "e1", "both", "u1", "bad-url"]
    ok = {r["id"]: r for r in recs if "error" not in r}
    errors = {r["id"]: r["error"]["code"] for r in recs if "error" in r}
    assert errors == {2: "bad_input", "e1": "empty_text", "both": "bad_input", "bad-url": "bad_input"}
    t1 = ok["t1"]
    assert t1["text"] == lines[0]["text"]  # text input: offsets index the input unchanged
    q = t1["quotes"][0]
    assert t1["text"][q["start"]:q["end"]] == "We will rebuild every bridge,"
    for rid in ("h1", "u1"):
        for q in ok[rid]["quotes"]:
            assert ok[rid]["text"][q["start"]:q["end"]] == q["text"]
    assert b"7 documents, 4 failed" in out.stderr


def test_batch_workers_match_serial(tmp_path):
    lines = [{"id": i, "text": f"“Point number {i} stands,” said Governor Ann Walsh."} for i in range(4)]
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    serial, parallel = tmp_path / "s.jsonl", tmp_path / "p.jsonl"
    assert run_cli("batch", str(inp), "-o", str(serial), "--quiet").returncode == 0
    assert run_cli("batch", str(inp), "-o", str(parallel), "--quiet", "--workers", "2").returncode == 0
    assert serial.read_text() == parallel.read_text()


def test_process_line_never_raises():
    class Broken:
        def article_from_text(self, *a, **k):
            raise RuntimeError("boom")

        def run_many(self, items):
            return list(items)

    rec = cli.process_line(json.dumps({"id": "x", "text": "hi"}), 1, pipe=Broken())
    assert rec == {"id": "x", "error": {"code": "internal", "message": "RuntimeError: boom"}}
    assert issubclass(InputTooLarge, QuotelensError)


def test_plain_text_url_keeps_text_offsets(nlp):
    """A text/plain page is attributed as text: offsets index its body exactly as served."""
    from quotelens.pipeline import Pipeline

    body = "“We will rebuild every bridge,” said Governor Ann Walsh.\n"

    class Plain(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Plain)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        res = Pipeline(nlp=nlp, config=Config()).attribute_url(f"http://127.0.0.1:{httpd.server_address[1]}/t.txt")
    finally:
        httpd.shutdown()
    assert res.article.text == body
    q = res.quotes[0]
    assert body[q.start:q.end] == "We will rebuild every bridge,"
