"""JSON contract v1: every output validates against the shipped schema, offsets are the truth,
UTF-16 offsets are what JavaScript counts, and the JSON round-trips."""
from __future__ import annotations

import json

import jsonschema
import pytest

from quotelens.serialize import SELECTOR_CONTEXT, Utf16Map, from_dict, schema, to_dict, to_json


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("text, offset, expected", [
    ("abc", 2, 2),
    ("😀abc", 1, 2),  # one astral character counts two UTF-16 units
    ("a😀b😀c", 4, 6),
    ("é", 1, 1),  # BMP characters count one
])
def test_utf16_offsets(text, offset, expected):
    assert Utf16Map(text)(offset) == expected
    assert len(text[:offset].encode("utf-16-le")) // 2 == expected


@pytest.mark.model
def test_attribution_json_validates_and_roundtrips(pipeline):
    text = ("Intro 😀 line.\n\n“We will rebuild every bridge,” said Governor Ann Walsh, "
            "a former engineer. “The money is there.”\n\nWalsh said the work would start in May.")
    data = to_dict(pipeline.attribute_text(text, url="https://example.org/a"))
    jsonschema.validate(data, schema())
    assert data["schema_version"] == 1 and data["article"]["text"] == text
    assert data["quotes"], "expected quotes"
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        for c in q["contents"]:
            sel = c["selector"]
            assert text[c["start"]:c["end"]] == c["text"] == sel["exact"]
            assert text[:c["start"]].endswith(sel["prefix"]) and len(sel["prefix"]) <= SELECTOR_CONTEXT
            assert text[c["end"]:].startswith(sel["suffix"])
            # what JavaScript's String.prototype.slice(utf16_start, utf16_end) would return
            u16 = text.encode("utf-16-le")
            assert u16[2 * sel["utf16_start"]:2 * sel["utf16_end"]].decode("utf-16-le") == c["text"]
        if q["speaker_id"]:
            sp = next(s for s in data["speakers"] if s["id"] == q["speaker_id"])
            assert q["speaker"] == sp["name"] and q["role"] == sp["role"]
    walsh = next(s for s in data["speakers"] if s["name"] == "Ann Walsh")
    assert walsh["quote_count"] >= 2 and walsh["role"] == "Governor"
    again = to_dict(from_dict(json.loads(to_json(pipeline.attribute_text(text, url="https://example.org/a")))))
    assert again["quotes"] == data["quotes"] and again["speakers"] == data["speakers"]


def test_from_dict_rejects_other_versions():
    with pytest.raises(ValueError):
        from_dict({"schema_version": 2})
