"""Named failures. Each has a stable ``code`` (for JSON) and an HTTP-like ``status``."""
from __future__ import annotations


class QuotelensError(Exception):
    code = "error"
    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class BadInput(QuotelensError):
    """The input itself is unusable: wrong type, binary junk, undecodable, too large."""

    code = "bad_input"
    status = 400


class EmptyText(BadInput):
    code = "empty_text"


class InputTooLarge(BadInput):
    code = "too_large"
    status = 413


class NotAnArticle(QuotelensError):
    """The page has no article body that the cleaner could find."""

    code = "not_an_article"
    status = 422


class FetchError(QuotelensError):
    """The URL could not be fetched (refused, DNS, HTTP error, not HTML, too big)."""

    code = "fetch_failed"
    status = 502


class FetchTimeout(FetchError):
    code = "fetch_timeout"
    status = 504


class ModelMissing(QuotelensError):
    """The requested spaCy model is not installed (nothing is ever downloaded at run time)."""

    code = "model_missing"
    status = 500


class UrlNotAllowed(QuotelensError):
    """A URL refused by policy, not by the far end: the service fetches public addresses only."""

    code = "url_not_allowed"
    status = 403


class MissingExtra(QuotelensError, ImportError):
    """An optional part is used without the extra that installs it (pandas for DataFrames, ...).

    Also an ImportError, so code that already guards an optional import keeps working."""

    code = "missing_extra"
    status = 500

    def __init__(self, module: str, extra: str, purpose: str):
        super().__init__(f"{purpose} needs {module}, which is not installed: pip install \"quotelens[{extra}]\"")
        self.module = module
        self.extra = extra
