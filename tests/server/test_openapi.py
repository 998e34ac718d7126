"""The OpenAPI document describes what the server really does: the same routes and methods,
examples that validate, answers that match the schemas it publishes."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from ql_checks import assert_contract

from quotelens import serialize
from quotelens.server.api import openapi_document

IGNORED_METHODS = {"HEAD", "OPTIONS"}  # added by Flask to every route


def app_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue  # Flask's built-in /static/<path:filename>: the paste page's assets, not an API
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        routes |= {(path, m.lower()) for m in rule.methods - IGNORED_METHODS}
    return routes


def document_routes(doc) -> set[tuple[str, str]]:
    return {(path, method) for path, ops in doc["paths"].items() for method in ops}


def validator_for(doc, name):
    """A validator for components.schemas[name] that resolves the document's own $refs.

    The schemas move under $defs (a JSON Schema keyword, unlike "components"), so the
    contract's own $id and its "#/$defs/..." references resolve as an OpenAPI 3.1 tool does.
    """
    schemas = json.loads(json.dumps(doc["components"]["schemas"]).replace("#/components/schemas/", "#/$defs/"))
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schemas})


def test_every_route_is_documented_and_every_documented_route_exists(app):
    assert app_routes(app) == document_routes(openapi_document())


def test_served_document_is_openapi_3_1_with_the_contract(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    from quotelens import __version__
    assert doc["info"]["version"] == __version__
    contract = dict(serialize.schema())
    contract.pop("$schema")
    assert doc["components"]["schemas"]["Attribution"] == contract


def test_every_schema_in_the_document_is_valid_json_schema():
    for schema in openapi_document()["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_example_answer_validates_against_the_contract():
    doc = openapi_document()
    example = doc["paths"]["/api/v1/attribute"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    assert_contract(example)
    validator_for(doc, "Attribution").validate(example)


def test_request_examples_validate_and_the_server_accepts_them(client):
    doc = openapi_document()
    request_schema = validator_for(doc, "AttributeRequest")
    examples = doc["paths"]["/api/v1/attribute"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    for example in examples.values():
        request_schema.validate(example["value"])
        assert client.post("/api/v1/attribute", json=example["value"]).status_code == 200
    batch = doc["paths"]["/api/v1/batch"]["post"]["requestBody"]["content"]["application/json"]["example"]
    validator_for(doc, "BatchRequest").validate(batch)
    assert client.post("/api/v1/batch", json=batch).status_code == 200


@pytest.mark.parametrize("body", [{"text": "a", "html": "b"}, {}, {"text": 1}, {"text": "a", "extra": 1}])
def test_request_schema_refuses_what_the_server_refuses(client, body):
    with pytest.raises(jsonschema.ValidationError):
        validator_for(openapi_document(), "AttributeRequest").validate(body)
    assert client.post("/api/v1/attribute", json=body).status_code == 400


def test_real_answers_match_their_documented_schemas(client):
    doc = openapi_document()
    validator_for(doc, "Health").validate(client.get("/api/v1/health").get_json())
    batch = client.post("/api/v1/batch", json={"documents": [{"text": "“A,” x said."}, {"text": 1}]}).get_json()
    validator_for(doc, "BatchResponse").validate(batch)
    validator_for(doc, "Error").validate(client.post("/api/v1/attribute", json={}).get_json())


def test_documented_statuses_cover_what_attribute_can_answer():
    documented = set(openapi_document()["paths"]["/api/v1/attribute"]["post"]["responses"])
    assert {"200", "400", "401", "403", "413", "415", "422", "502", "503", "504"} <= documented
