"""Bytes -> str for the clean stage: size cap, binary-junk check, charset choice.

Order of trust for the charset: the HTTP header (``encoding``), then the page's own
``<meta charset>`` / ``http-equiv`` declaration, then UTF-8, then cp1252 (the charset
most mislabelled or unlabelled Western pages really use). A page that is not valid in any
of them still decodes (cp1252 with replacement): a non-UTF-8 page must work, not raise.
"""
from __future__ import annotations

import codecs
import re

from ..config import Config
from ..errors import BadInput, InputTooLarge

# Look for the declaration only near the top, as browsers do (HTML spec: first 1024 bytes;
# real pages put long <script> blocks first, so allow more).
META_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)

# Control characters other than tab, newline, carriage return, form feed: text has almost none.
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0e-\x1f]")
#: Share of control bytes above which a document is taken for binary junk, not text.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
MAX_CONTROL_SHARE = 0.01  # real pages in the WCXB dev set: 0.0; PDFs, images, zips: > 0.05
SAMPLE_BYTES = 65_536


def check_size(html: bytes | str, config: Config) -> None:
    """Refuse a page over ``config.max_page_bytes`` before anything parses it."""
    size = len(html) if isinstance(html, bytes) else len(html)  # str: characters, at least 1 byte each
    if size > config.max_page_bytes:
        raise InputTooLarge(
            f"the page is {size:,} {'bytes' if isinstance(html, bytes) else 'characters'}; "
            f"the limit is {config.max_page_bytes:,} bytes")


def check_not_binary(data: bytes) -> None:
    """Raise BadInput for NUL bytes or a high share of control bytes (images, PDFs, archives)."""
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return
    if _looks_utf16(sample):  # NUL bytes are normal there: judge the decoded text instead
        check_text_not_binary(sample.decode("utf-16", errors="replace"))
        return
    if b"\x00" in sample:
        raise BadInput("the input holds NUL bytes: binary data, not an HTML page or text")
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        raise BadInput("the input is mostly control bytes: binary data, not an HTML page or text")


def _looks_utf16(sample: bytes) -> bool:
    return sample[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a <meta> tag, if Python knows it."""
    m = _META_CHARSET.search(data[:META_SNIFF_BYTES])
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower())
    except LookupError:
        return None
    # WHATWG: a page labelled latin-1/ascii is decoded as windows-1252 (curly quotes live in 0x80-0x9f).
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def decode_page(data: bytes, encoding: str | None = None) -> str:
    """Decode page bytes; never raises for text in any 8-bit charset.

    A label of latin-1/cp1252 (from the header or the page) is often wrong for pages that
    are really UTF-8; bytes that are valid UTF-8 with non-ASCII in them are almost never
    cp1252 text, so such a label loses to a clean UTF-8 decode.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16", errors="replace")
    candidates = [_known(encoding), declared_charset(data), "utf-8"]
    if candidates[0] in (None, "cp1252") and candidates[1] in (None, "cp1252"):
        candidates.insert(0, "utf-8")
    for name in candidates:
        if not name:
            continue
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def check_text_not_binary(text: str) -> None:
    """The str twin of check_not_binary, for HTML handed over already decoded."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return
    if "\x00" in sample:
        raise BadInput("the input holds NUL characters: binary data, not an HTML page or text")
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        raise BadInput("the input is mostly control characters: binary data, not an HTML page or text")


# UTF-8 read as latin-1/cp1252 ("mojibake": â€œ for “, Â  for a no-break space). One lead
# byte of a multi-byte UTF-8 sequence followed by its continuation bytes as they look in
# cp1252 (0x80-0xbf, plus the letters cp1252 puts at 0x80-0x9f).
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_CONT = "[\x80-\xbf" + _CP1252_HIGH + "]"
_MOJIBAKE = re.compile("[\xc2-\xdf]" + _CONT + "|[\xe0-\xef]" + _CONT + "{2}|[\xf0-\xf4]" + _CONT + "{3}")
#: Matches needed before a page is taken for mojibake (one stray "Â®" may be real text).
MIN_MOJIBAKE_RUNS = 3


def _as_byte(ch: str) -> int:
    code = ord(ch)
    return code if code < 256 else ch.encode("cp1252")[0]


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as latin-1/cp1252, run by run, leaving real text alone.

    Only when the page shows several such runs (``is_mojibake``), and only where the bytes
    decode as UTF-8 again.
    """
    return repair_runs(text)[0] if is_mojibake(text) else text


def is_mojibake(text: str) -> bool:
    """Does this page show UTF-8 read as latin-1/cp1252? Several runs, one with the typical
    â€ / Ã / Â lead (one stray "Â®" may be real text)."""
    sample = text[:200_000]
    if not any(lead in sample for lead in "âÃÂ"):
        return False  # the common case, decided in microseconds: the regex scan below takes ms
    runs = _MOJIBAKE.findall(sample)
    return len(runs) >= MIN_MOJIBAKE_RUNS and any(r[0] in "âÃÂ" for r in runs)


def repair_runs(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Every run that decodes as UTF-8 repaired, and where: ``(offset in the result, the run as
    it stood)`` for each repaired character, so that the text as shown can be given back."""
    out: list[str] = []
    shown: list[tuple[int, str]] = []
    pos = length = 0
    for m in _MOJIBAKE.finditer(text):
        try:
            fixed = bytes(_as_byte(ch) for ch in m.group(0)).decode("utf-8")
        except (UnicodeError, ValueError):
            continue
        out.append(text[pos:m.start()])
        length += m.start() - pos
        shown.append((length, m.group(0)))  # one run decodes to one character
        out.append(fixed)
        length += len(fixed)
        pos = m.end()
    if not shown:
        return text, ()
    out.append(text[pos:])
    return "".join(out), tuple(shown)


def outside_runs(text: str) -> str:
    """The text without its mojibake runs: the characters it holds as themselves."""
    return _MOJIBAKE.sub("", text)
