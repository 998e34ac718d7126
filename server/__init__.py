"""quotelens.server: the local Flask service (see issue 3). Placeholder factory until it lands."""
from __future__ import annotations


def create_app(config=None):
    raise NotImplementedError("the quotelens service is not built yet")
