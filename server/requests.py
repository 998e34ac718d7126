"""Request bodies -> typed requests, or a 400 that says exactly what is wrong.

``POST /api/v1/attribute`` takes a JSON object with exactly one of ``text``, ``html`` (with
an optional ``url`` naming the page, and an optional ``source``: ``"dom"`` for a browser's DOM, whose
text is what the reader sees, ``"page"`` by default) or ``url`` (fetched by the server), and
optional ``options``. Everything else is refused: unknown fields, wrong types, non-UTF-8 bodies,
strings with lone surrogates (they cannot be written back out as UTF-8 JSON).
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any, Literal

from quotelens.config import check_min_confidence

from .errors import ApiError, bad_request

InputKind = Literal["text", "html", "url"]
HtmlSource = Literal["page", "dom"]

MAX_URL_CHARS = 2048  # longer than any real article URL; browsers cap around 2 MB, we need far less
MAX_ID_CHARS = 200
DOCUMENT_FIELDS = ("text", "html", "url", "source")
#: Where HTML comes from: "page", the page as served (mojibake is repaired); "dom", a browser's DOM
#: (the extension's outerHTML): selectors quote the text as the browser shows it.
HTML_SOURCES = ("page", "dom")
OPTION_FIELDS = ("min_confidence", "include_indirect")


@dataclass(frozen=True)
class Options:
    """Per-request overrides of the service's Config (None: keep the service default)."""

    min_confidence: float | None = None
    include_indirect: bool | None = None

    def overrides(self) -> dict[str, Any]:
        return {k: v for k, v in (("min_confidence", self.min_confidence),
                                  ("include_indirect", self.include_indirect)) if v is not None}


@dataclass(frozen=True)
class AttributionRequest:
    kind: InputKind
    content: str  # the text, the HTML, or the URL to fetch
    url: str | None = None  # the page's address, for text/html input (metadata only; never fetched)
    options: Options = field(default_factory=Options)
    source: HtmlSource = "page"  # html only: "dom" when it is a browser's DOM

    def cache_key(self) -> str:
        """A hash of everything that decides the answer: kind, content, url, source and options."""
        blob = json.dumps([self.kind, self.content, self.url, self.source,
                           sorted(self.options.overrides().items())], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BatchItem:
    id: str
    request: AttributionRequest | None
    error: ApiError | None = None


def decode_json(raw: bytes) -> Any:
    """Body bytes -> JSON value; 400 for an empty body, non-UTF-8 bytes or malformed JSON."""
    if not raw.strip():
        raise bad_request("the request body is empty; send a JSON object", "bad_json")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(f"the request body is not UTF-8 (byte {exc.start})", "bad_encoding") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise bad_request(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", "bad_json") from None
    except RecursionError:
        raise bad_request("malformed JSON: nested too deeply", "bad_json") from None


def _string(data: dict, name: str, max_chars: int | None = None) -> str:
    value = data[name]
    if not isinstance(value, str):
        raise bad_request(f"'{name}' must be a string, not {_json_type(value)}", "bad_type")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise bad_request(f"'{name}' contains a lone surrogate (not valid Unicode)", "bad_encoding") from None
    if max_chars is not None and len(value) > max_chars:
        raise bad_request(f"'{name}' is longer than {max_chars} characters", "bad_input")
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _unknown(data: dict, allowed: tuple[str, ...], where: str) -> None:
    unknown = sorted(k for k in data if k not in allowed)
    if unknown:
        names = ", ".join(repr(k) for k in unknown[:5])
        raise bad_request(f"unknown field(s) in {where}: {names}; allowed: {', '.join(allowed)}",
                          "unknown_field")


def parse_options(value: Any) -> Options:
    if value is None:
        return Options()
    if not isinstance(value, dict):
        raise bad_request(f"'options' must be an object, not {_json_type(value)}", "bad_type")
    _unknown(value, OPTION_FIELDS, "options")
    min_conf = value.get("min_confidence")
    if min_conf is not None:
        if isinstance(min_conf, bool) or not isinstance(min_conf, (int, float)) or not math.isfinite(min_conf):
            raise bad_request("'options.min_confidence' must be a number from 0 to 1", "bad_type")
        try:  # the rule Config and the command line apply too
            min_conf = check_min_confidence(min_conf)
        except ValueError:
            raise bad_request("'options.min_confidence' must be from 0 to 1", "bad_input") from None
    indirect = value.get("include_indirect")
    if indirect is not None and not isinstance(indirect, bool):
        raise bad_request("'options.include_indirect' must be true or false", "bad_type")
    return Options(min_confidence=min_conf, include_indirect=indirect)


def parse_document(data: Any, options: Options, extra_fields: tuple[str, ...] = ()) -> AttributionRequest:
    """One document: exactly one of text | html (+url) | url."""
    if not isinstance(data, dict):
        raise bad_request(f"expected a JSON object, not {_json_type(data)}", "bad_type")
    _unknown(data, DOCUMENT_FIELDS + extra_fields, "the request")
    given = [k for k in ("text", "html") if k in data]
    if len(given) > 1:
        raise bad_request("send exactly one of 'text', 'html' or 'url', not both 'text' and 'html'", "conflict")
    url = _string(data, "url", MAX_URL_CHARS) if "url" in data else None
    source = _source(data, given)
    if given:
        kind = given[0]
        return AttributionRequest(kind=kind, content=_string(data, kind), url=url, options=options,
                                  source=source)
    if url is None:
        raise bad_request("send one of 'text', 'html' or 'url'", "missing_field")
    if not url.strip():
        raise bad_request("'url' is empty", "bad_input")
    return AttributionRequest(kind="url", content=url.strip(), url=None, options=options)


def _source(data: dict, given: list[str]) -> HtmlSource:
    """'source' says where HTML came from; it means nothing beside 'text' or a 'url' to fetch."""
    if "source" not in data:
        return "page"
    value = _string(data, "source")
    if value not in HTML_SOURCES:
        raise bad_request(f"'source' must be one of {', '.join(map(repr, HTML_SOURCES))}, not {value[:40]!r}",
                          "bad_input")
    if given != ["html"]:
        raise bad_request("'source' says where 'html' came from; send it only with 'html'", "bad_input")
    return value  # type: ignore[return-value]  # checked against HTML_SOURCES above


def parse_attribute(data: Any) -> AttributionRequest:
    """The body of POST /api/v1/attribute."""
    if not isinstance(data, dict):
        raise bad_request(f"the body must be a JSON object, not {_json_type(data)}", "bad_type")
    return parse_document(data, parse_options(data.get("options")), extra_fields=("options",))


def parse_batch(data: Any, max_documents: int) -> list[BatchItem]:
    """The body of POST /api/v1/batch: ``{"documents": [...], "options": {...}}``.

    The envelope must be right (else 400/413 for the whole call); a bad document gets its
    error in place and the others go on.
    """
    if not isinstance(data, dict):
        raise bad_request(f"the body must be a JSON object, not {_json_type(data)}", "bad_type")
    _unknown(data, ("documents", "options"), "the request")
    options = parse_options(data.get("options"))
    docs = data.get("documents")
    if not isinstance(docs, list):
        raise bad_request("'documents' must be an array of documents", "missing_field" if docs is None else "bad_type")
    if not docs:
        raise bad_request("'documents' is empty", "bad_input")
    if len(docs) > max_documents:
        raise ApiError(413, "too_many_documents", f"{len(docs)} documents; the limit is {max_documents} per call")
    items = []
    for i, doc in enumerate(docs):
        doc_id = str(i)
        try:
            if isinstance(doc, dict) and "id" in doc:
                raw_id = doc["id"]
                if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
                    raise bad_request("'id' must be a string or an integer", "bad_type")
                doc_id = _string({"id": str(raw_id)}, "id", MAX_ID_CHARS)
            items.append(BatchItem(doc_id, parse_document(doc, options, extra_fields=("id",))))
        except ApiError as exc:
            items.append(BatchItem(doc_id, None, exc))
    return items
