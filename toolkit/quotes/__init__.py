"""Quotes stage: text -> quotation spans, from punctuation alone (no model).

``marks`` knows the quotation marks of each convention (curly, straight, guillemets, nested);
``spans`` pairs them across paragraphs (AP style reopens a quote at each paragraph).
"""
from .marks import BULLETS
from .spans import find_quote_spans, paragraph_spans

__all__ = ["BULLETS", "find_quote_spans", "paragraph_spans"]
