"""Clean stage: a news page (HTML) or plain text -> Article.

HTML: trafilatura finds the body and the metadata; then passes of our own fix what it leaves
(each measured on the WCXB dev pages, see docs/clean.md):

1. decoding (decode.py): size cap before parsing, binary junk refused, the charset
   chosen header > UTF-8 > page > cp1252, and UTF-8-read-as-latin-1 ("â€œ") repaired;
   <q> elements written with the marks a browser draws (mark_inline_quotes);
2. extraction: trafilatura, run again with favor_recall when it returns a short text;
3. recovery (recover.py): blocks with quotations that trafilatura dropped, and headings or
   list items it dropped between two kept paragraphs, are put back where they stood, because a
   quote the cleaner loses is a quote nobody can attribute; a page where it kept almost nothing
   falls back to the page's own paragraphs;
4. residue (residue.py): whole lines of page furniture named in data/residue_patterns.txt
   ("Published: Updated:", "Enable Read mode", "Watch: ...", share/newsletter/cookie lines);
5. block quotations (blockquotes.py): which paragraphs the page set in <blockquote>, so that
   an embedded post or a quoted excerpt is a quotation though no mark encloses it.

Plain text is plain.py's (never rewritten: offsets index it exactly as given).
"""
from __future__ import annotations

import pathlib
import re

from ..config import Config
from ..errors import BadInput, NotAnArticle
from ..types import Article, Span
from .blockquotes import blockquote_runs, blockquote_spans, mark_block_credits
from .blocks import harvest_blocks, leaf_blocks
from .decode import check_not_binary, check_size, check_text_not_binary, decode_page, is_mojibake, repair_mojibake
from .recover import recover_blocks
from .residue import residue_flags
from .shown import page_shows

#: Fewest words a cleaned page must keep to count as an article (a login page or a bare
#: navigation page keeps fewer after residue removal; the shortest non-empty gold text on the
#: even half of WCXB dev has 97 words, and news briefs of 30-60 words exist).
MIN_ARTICLE_WORDS = 20
#: Below this many words, trafilatura is run again with favor_recall, and that result is
#: kept when it has RECALL_GAIN times the words (even half of WCXB dev: 59 pages under 600
#: words; retrying under 500 with gain 1.5 lifted 5 pages, mean word F1 +0.004).
RECALL_RETRY_WORDS = 500
RECALL_GAIN = 1.5
#: Still under this many words after that: the page's own paragraphs are harvested instead
#: when they hold HARVEST_GAIN times the words (even half: 18 pages under 300 words, 2 taken,
#: word F1 +0.90 and +0.70 on them, one must-drop snippet more).
HARVEST_BELOW_WORDS = 300
HARVEST_GAIN = 3
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")

__all__ = ["clean_html", "clean_html_traced", "demo_page_path", "mark_block_credits", "mark_inline_quotes"]


def demo_page_path() -> pathlib.Path:
    """The bundled demo page (Al Arabiya English, 2016; see data/demo/README.md)."""
    return pathlib.Path(__file__).parents[1] / "data" / "demo" / "alarabiya-syria-chemical-2016.html"


# -- HTML ----------------------------------------------------------------------------------
def clean_html(html: bytes | str, url: str | None = None, config: Config = Config(),
               encoding: str | None = None) -> Article:
    """HTML page -> Article with paragraphs joined by a blank line and their spans.

    Raises InputTooLarge (checked before any parsing), BadInput (binary junk, wrong type)
    and NotAnArticle (no article body found).
    """
    return clean_html_traced(html, url, config, encoding)[0]


def clean_html_traced(html: bytes | str, url: str | None = None, config: Config = Config(),
                      encoding: str | None = None) -> tuple[Article, tuple[str, ...], bool]:
    """clean_html, and what the passes after trafilatura added on their own: the paragraphs
    recovery put back that are in the article, and whether the harvest replaced the text.
    For measuring (benchmarks/clean.py): the two passes must add article text, not furniture."""
    as_shown = html_to_str(html, config, encoding, repair=False)
    page = mark_block_credits(mark_inline_quotes(repair_mojibake(as_shown)))
    where = f" at {url}" if url else ""
    extracted = _extract(page, url)
    if extracted is None or not (extracted.text or "").strip():
        raise NotAnArticle(f"no article body found{where}: the page has no main text block")
    lines = [_tidy(line) for line in extracted.text.split("\n")]
    lines = [line for line in lines if line]
    blocks = leaf_blocks(page)  # (one parse for recovery, the harvest and block quotations)
    added: list[str] = []
    lines = recover_blocks(page, lines, blocks, added)
    harvested = False
    if _words(lines) < HARVEST_BELOW_WORDS:
        harvest = harvest_blocks(page, blocks)
        if _words(harvest) >= HARVEST_GAIN * max(1, _words(lines)):
            lines, harvested, added = harvest, True, []
    kept = [line for line, residue in zip(lines, residue_flags(lines)) if not residue]
    if len(_WORD.findall(" ".join(kept))) < MIN_ARTICLE_WORDS:
        raise NotAnArticle(
            f"no article body found{where}: only {len(_WORD.findall(' '.join(kept)))} words of text "
            f"remain after removing page furniture (navigation, login or index page?)")
    text, spans = join_paragraphs(kept)
    recovered = set(added) & set(kept)
    # A browser's DOM shows its mojibake: the text is repaired all the same (marks, names, the
    # parse), and Article.shown keeps what the page shows there, for the selectors (shown.py).
    shown = page_shows(text, spans, as_shown) if config.html_from_dom and is_mojibake(as_shown) else ()
    article = Article(text=text, url=url or extracted.url, shown=shown,
                      title=clean_title(extracted.title, extracted.sitename, url or extracted.url),
                      byline=clean_byline(extracted.author), published=_none_if_blank(extracted.date),
                      paragraphs=spans, blockquotes=blockquote_spans(blockquote_runs(page, kept, blocks), spans))
    return article, tuple(line for line in kept if line in recovered), harvested


_Q_TAG = re.compile(r"<(/?)q\b[^>]*>", re.IGNORECASE)
_MARK_AFTER = re.compile(r"\s*[“”\"‘’'«»„]")
_MARK_BEFORE = re.compile(r"[“”\"‘’'«»„]\s*$")


def mark_inline_quotes(page: str) -> str:
    """``<q>`` elements as the quotation marks a browser draws around them (“…”, ‘…’ inside).

    The marks are CSS, not text, so the extracted text would hold the words bare, and
    trafilatura also breaks the paragraph at the element ("said the plan was" / "a win for …" /
    "and thanked the mayor"). A <q> whose words already carry marks is only unwrapped.
    """
    if "<q" not in page and "<Q" not in page:
        return page
    out, pos, depth = [], 0, 0
    for m in _Q_TAG.finditer(page):
        out.append(page[pos:m.start()])
        closing = bool(m.group(1))
        if closing:
            depth = max(0, depth - 1)
            if not _MARK_BEFORE.search(page, pos, m.start()):
                out.append("’" if depth % 2 else "”")
        else:
            if not _MARK_AFTER.match(page, m.end()):
                out.append("‘" if depth % 2 else "“")
            depth += 1
        pos = m.end()
    out.append(page[pos:])
    return "".join(out)


def html_to_str(html: bytes | str, config: Config, encoding: str | None = None, repair: bool = True) -> str:
    """Checks (type, size, binary) then decoding (and mojibake repaired unless ``repair`` is False);
    the size check runs before anything parses."""
    if isinstance(html, (bytearray, memoryview)):
        html = bytes(html)
    if not isinstance(html, (bytes, str)):
        raise BadInput(f"HTML must be bytes or str, not {type(html).__name__}")
    check_size(html, config)
    if isinstance(html, bytes):
        check_not_binary(html)
        page = decode_page(html, encoding)
    else:
        check_text_not_binary(html)
        page = html
    if not page.strip():
        raise NotAnArticle("the page is empty")
    return repair_mojibake(page) if repair else page


def _extract(page: str, url: str | None):
    """trafilatura's body and metadata; None when it finds nothing.

    A short result is often trafilatura's precision heuristics cutting a list-like or oddly
    marked-up article; then a second run with ``favor_recall`` is kept if it is much longer.
    """
    first = _bare_extraction(page, url)
    words = _word_count(first)
    if words >= RECALL_RETRY_WORDS:
        return first
    second = _bare_extraction(page, url, favor_recall=True)
    if _word_count(second) >= RECALL_GAIN * max(words, 1):
        return second
    return first


def _bare_extraction(page: str, url: str | None, **options):
    import trafilatura  # imported here: ~0.3 s, and plain-text users never need it

    try:
        return trafilatura.bare_extraction(page, url=url, include_comments=False, with_metadata=True,
                                           **options)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura give up on odd markup
        raise NotAnArticle(f"the page could not be parsed as HTML ({exc.__class__.__name__})") from None


def _word_count(doc) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,5}|Ph\.?D\.?|M\.?D\.?|R\.?D\.?N?\.?)$")


def clean_title(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """The headline without the site name that pages append ("Headline | Site", "Headline - site.com")."""
    title = _none_if_blank(title)
    if not title:
        return None
    names = {_site_key(sitename)} if sitename else set()
    if url:
        from urllib.parse import urlsplit

        names.add(_site_key(urlsplit(url).hostname or ""))
    names.discard("")
    seps = list(_TITLE_SEPARATOR.finditer(title))
    if seps and _site_key(title[seps[-1].end():]) in names:
        return title[:seps[-1].start()].strip()
    if seps and _site_key(title[:seps[0].start()]) in names:
        return title[seps[0].end():].strip()
    return title


def _site_key(name: str) -> str:
    """"www.Move.org", "Move.org", "move" -> "move": compare site names loosely."""
    key = name.strip().lower()
    key = re.sub(r"^www\.", "", key)
    key = re.sub(r"\.(com|org|net|co\.uk|co|news|io|gov|edu)$", "", key)
    return re.sub(r"[^\w]+", "", key)


def clean_byline(author: str | None) -> str | None:
    """trafilatura joins authors with "; " and keeps credentials ("Dylan Bailey; MS; RD")."""
    author = _none_if_blank(author)
    if not author:
        return None
    names = [a.strip() for a in author.split(";") if a.strip() and not _CREDENTIAL.match(a.strip())]
    return ", ".join(names) or None


def _words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(line)) for line in lines)


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _none_if_blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Join with "\\n\\n"; the spans cover each paragraph without its separator."""
    spans, pos = [], 0
    for p in paragraphs:
        spans.append(Span(pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), tuple(spans)
