"""Parse stage: Article -> spaCy ``Doc``. The only place that calls ``spacy.load``.

``segment`` loads the model and parses (the entity recognizer only where its answer is read);
``ruler`` replaces the attribute ruler's Matcher by a table lookup; ``split`` is the service's
helper process that parses the second half of a long page.
"""
from .segment import load_nlp, model_name, model_text, parse, parse_many, parse_ranges, quoted_ranges
from .split import SplitParser, split_point

__all__ = ["load_nlp", "model_name", "model_text", "parse", "parse_many", "parse_ranges", "quoted_ranges",
           "SplitParser", "split_point"]
