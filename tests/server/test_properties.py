"""Property tests: random JSON bodies, random HTML and random text thrown at the service.
Never a 500; every answer is contract v1 or the one error shape."""
from __future__ import annotations

import json

import jsonschema
import pytest
from ql_checks import CONTRACT, ERROR
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ql_fakes import FakePipeline

from quotelens.server import create_app

FIELDS = ["text", "html", "url", "options", "id", "documents", "min_confidence", "include_indirect"]
HTML_BITS = ["<p>", "</p>", "<div class='x'>", "</div>", "<article>", "</article>", "<script>", "</script>",
             "<!--", "-->", "<br>", "&amp;", "&#8220;", "“", "”", '"', "'", "‘", "’", "«", "»", "\n\n",
             "<html><body>", "</body></html>", "<blockquote>", "</blockquote>", "<q>", "</q>", "said", "she"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8),
                                                                 inner, max_size=4),
    max_leaves=12,
)
random_html = st.lists(st.sampled_from(HTML_BITS) | st.text(max_size=20), max_size=30).map("".join)
random_text = st.text(max_size=300) | st.lists(st.sampled_from(["“", "”", '"', "Jane Doe said", ". ", "\n\n", "😀",
                                                                 "he told reporters", " "]), max_size=20).map("".join)
options = st.fixed_dictionaries({}, optional={
    "min_confidence": st.floats(allow_nan=False, allow_infinity=False) | st.integers() | st.booleans(),
    "include_indirect": st.booleans() | st.integers(),
})
well_formed = st.one_of(
    st.fixed_dictionaries({"text": random_text}, optional={"options": options}),
    st.fixed_dictionaries({"html": random_html}, optional={"url": st.text(max_size=40), "options": options}),
    st.fixed_dictionaries({"url": st.text(max_size=40)}),
)
bodies = st.one_of(
    json_values.map(json.dumps),
    st.dictionaries(st.sampled_from(FIELDS), json_values | random_text, max_size=4).map(json.dumps),
    well_formed.map(json.dumps),
    st.binary(max_size=200).map(lambda b: b),
    st.text(max_size=50).map(lambda t: '{"text": "' + t + '"}'),  # hand-made JSON: may be broken
)


def check_answer(response) -> None:
    assert response.status_code != 500, response.get_data(as_text=True)[:300]
    body = response.get_json()
    if response.status_code == 200:
        CONTRACT.validate(body)
        text = body["article"]["text"]
        for q in body["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
    else:
        ERROR.validate(body)
        assert body["status"] == response.status_code


def post(client, path: str, body) -> object:
    data = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
    return client.post(path, data=data, content_type="application/json")


FAKE_CLIENT = create_app({"TESTING": True, "TOKEN": ""}, pipeline=FakePipeline()).test_client()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies)
def test_random_bodies_never_500(body):
    check_answer(post(FAKE_CLIENT, "/api/v1/attribute", body))


@settings(max_examples=60, deadline=None)
@given(docs=st.lists(st.one_of(well_formed, json_values), min_size=1, max_size=5))
def test_random_batches_never_500(docs):
    response = post(FAKE_CLIENT, "/api/v1/batch", json.dumps({"documents": docs}))
    assert response.status_code != 500
    body = response.get_json()
    if response.status_code != 200:
        ERROR.validate(body)
        return
    for item in body["results"]:
        if item["ok"]:
            CONTRACT.validate(item["result"])
        else:
            jsonschema.validate({k: v for k, v in item.items() if k != "id"}, ERROR.schema)
            assert item["status"] != 500


@pytest.fixture(scope="module")
def real_client(pipeline):
    return create_app({"TESTING": True, "TOKEN": ""}, pipeline=pipeline).test_client()


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(body=st.one_of(well_formed.map(json.dumps), bodies).filter(lambda b: "url" not in str(b)))
def test_real_pipeline_never_500(real_client, body):
    # No "url" bodies here: the real fetcher would resolve random host names over DNS.
    check_answer(post(real_client, "/api/v1/attribute", body))
