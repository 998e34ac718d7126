"""The batch document format, read in one place for `quotelens batch` and attribute_many()."""
from __future__ import annotations

import pytest

from quotelens.errors import BadInput, EmptyText
from quotelens.pipeline import read_item


@pytest.mark.parametrize("item, expected", [
    ({"id": 1, "text": "Hi."}, ("text", "Hi.", None)),
    ({"text": "Hi.", "url": "https://example.org/a"}, ("text", "Hi.", "https://example.org/a")),
    ({"html": "<p>x</p>", "url": "https://example.org/a"}, ("html", "<p>x</p>", "https://example.org/a")),
    ({"url": "https://example.org/a"}, ("url", "https://example.org/a", None)),
])
def test_read_item(item, expected):
    assert read_item(item) == expected


@pytest.mark.parametrize("item, error", [
    ({"text": "a", "html": "<p>b</p>"}, BadInput),
    ({"id": "nothing"}, BadInput),
    ({"text": 42}, BadInput),
    ({"html": "<p>x</p>", "url": 7}, BadInput),
    ({"text": "   "}, EmptyText),
])
def test_read_item_refuses(item, error):
    with pytest.raises(error):
        read_item(item)
