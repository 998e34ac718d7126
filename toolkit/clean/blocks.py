"""The page's text blocks, read once per page: for recovery, the harvest and block quotations.

A block is a block element (<p>, <blockquote>, <li>, headings, text-bearing <div>s, ...) with no
block element inside, in document order, with its text and lower-cased \\w+ tokens. Scripts,
styles, templates and comments are removed first, wherever they sit. ``skipped`` says whether a
block sits in page furniture (navigation, footers, forms, asides, ad/share/related boxes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import lxml.html
from lxml import etree

from .residue import is_residue

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")

BLOCK_TAGS = frozenset({"p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt",
                        "div", "section", "td", "figcaption", "pre"})
# Containers whose text is never the article's, whatever it quotes.
SKIP_TAGS = frozenset({"nav", "footer", "form", "button", "select", "option", "script", "style",
                       "noscript", "template", "svg", "iframe", "textarea", "label", "menu"})
# Elements whose text a reader never sees, removed from the page before blocks are read.
HIDDEN_TAGS = ("script", "style", "noscript", "template")
# ... and these unless marked as a pull quote.
SKIP_UNLESS_QUOTE_TAGS = frozenset({"aside", "header", "figure", "figcaption"})
_SKIP_CLASS = re.compile(r"comment|related|recommend|newsletter|subscribe|share|social|promo|"
                         r"sidebar|widget|footer|cookie|consent|popup|modal|breadcrumb|caption|"
                         r"credit|\bads?\b|advert|sponsor|banner|\bdfp|menu|nav\b|navbar|"
                         r"author-bio|trending|most-read|outbrain|taboola|toc\b|table-of-contents",
                         re.I)
#: How many ancestors' class/id names are checked against _SKIP_CLASS (layout wrappers far
#: up the tree often carry names like "sidebar-layout-content" around the whole article).
CLASS_DEPTH = 3
#: Block tags whose own words, above a nested block, are a block of their own (a list item
#: holding a sub-list: its lead-in sentence is otherwise no block at all).
OWN_TEXT_TAGS = frozenset({"li", "dd"})
#: Longest block considered (characters); longer ones are page sections, not paragraphs.
MAX_BLOCK_CHARS = 3000


@dataclass(slots=True)
class Block:
    text: str
    tokens: str  # " a b c " lower-cased \w+ tokens with sentinel spaces
    element: object  # the lxml element, to check its containers


def tokens_of(text: str) -> str:
    return " " + " ".join(t.lower() for t in _TOKEN.findall(text)) + " "


def skipped(el) -> bool:
    """Inside a container that is never article text (see SKIP_TAGS, _SKIP_CLASS)."""
    for depth, node in enumerate([el, *el.iterancestors()]):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP_TAGS:
            return True
        if tag in SKIP_UNLESS_QUOTE_TAGS and not _is_pullquote(node):
            return True
        if depth <= CLASS_DEPTH:
            cls = (node.get("class") or "") + " " + (node.get("id") or "")
            if cls.strip() and _SKIP_CLASS.search(cls) and not _is_pullquote(node):
                return True
    return False


def _is_pullquote(node) -> bool:
    cls = (node.get("class") or "") + " " + (node.get("id") or "")
    return "quote" in cls.lower()


def link_share(el, text: str) -> float:
    # Only real links count: <a name=...> anchors and in-page "#" links wrap headings too.
    linked = sum(len(_SPACES.sub(" ", a.text_content()).strip()) for a in el.iter("a")
                 if not (a.get("href") or "#").startswith("#"))
    return linked / max(1, len(text))


def leaf_blocks(page: str) -> tuple[Block, ...]:
    """Text blocks in document order: block elements with no block element inside.

    Scripts, styles, templates and comments are removed first, wherever they sit: a <script>
    inside a table cell is no text of the cell (SKIP_TAGS on a block's ancestors cannot see it).
    """
    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ()
    etree.strip_elements(tree, *HIDDEN_TAGS, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    candidates = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag in BLOCK_TAGS]
    inner: set = set()
    for el in candidates:
        for anc in el.iterancestors():
            if anc in inner:
                break
            if isinstance(anc.tag, str) and anc.tag in BLOCK_TAGS:
                inner.add(anc)
    blocks = []
    for el in candidates:
        if el in inner:
            if el.tag in OWN_TEXT_TAGS:
                text = _SPACES.sub(" ", _own_text(el)).strip()
                if text:
                    blocks.append(Block(text=("- " + text if el.tag == "li" else text),
                                         tokens=tokens_of(text), element=el))
            continue
        text = _SPACES.sub(" ", el.text_content()).strip()
        if text and len(text) <= MAX_BLOCK_CHARS:
            blocks.append(Block(text=("- " + text if el.tag == "li" else text),
                                 tokens=tokens_of(text), element=el))
    return tuple(blocks)


def _own_text(el) -> str:
    """The text of ``el`` before its first block child: a list item's words above its sub-list."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and (child.tag in BLOCK_TAGS or child.tag in ("ul", "ol", "dl")
                                           or any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS
                                                  for d in child.iterdescendants())):
            break
        parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


#: Tags and floor (words) for the paragraph harvest, the fallback for pages where trafilatura
#: keeps almost nothing (list pages of restaurants, products, ...).
HARVEST_TAGS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote"})
HARVEST_MIN_WORDS = 8
HARVEST_MAX_LINK_SHARE = 0.3


def harvest_blocks(page: str, blocks: Sequence[Block] | None = None) -> list[str]:
    """The page's own paragraphs, headings and list items outside page furniture, in order.

    A fallback only: clean_html uses it when trafilatura (twice) kept under 300 words and the
    harvest holds three times as many.
    """
    out = []
    for b in (leaf_blocks(page) if blocks is None else blocks):
        tag = b.element.tag
        if tag not in HARVEST_TAGS:
            continue
        if tag[0] != "h" and len(_TOKEN.findall(b.text)) < HARVEST_MIN_WORDS:
            continue
        if (skipped(b.element) or link_share(b.element, b.text) > HARVEST_MAX_LINK_SHARE
                or is_residue(b.text)):
            continue
        out.append(b.text)
    return out
