"""Clean stage: a news page (HTML) or plain text -> ``Article``, whose text no later stage changes.

Inner modules, in the order ``extract.clean_html`` runs them: ``decode`` (size, charset, mojibake),
trafilatura, ``recover`` (blocks with quotations it dropped, read by ``blocks``), ``residue`` (page furniture lines),
``blockquotes`` (paragraphs set as block quotations); ``plain`` reads plain text (wrapped or one
paragraph a line). See docs/clean.md.
"""
from .extract import clean_html, clean_html_traced, demo_page_path, html_to_str
from .plain import clean_text, is_hard_wrapped

__all__ = ["clean_html", "clean_html_traced", "clean_text", "demo_page_path", "html_to_str", "is_hard_wrapped"]
