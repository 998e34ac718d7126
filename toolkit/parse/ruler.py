"""The attribute ruler's matches found by table lookup: the same annotations, a fifth of the time.

en_core_web_sm's ``attribute_ruler`` maps each fine tag to its coarse part of speech and
morphology, with exceptions for some words ("but" as an adverb, "a" as an indefinite article).
spaCy runs its general token Matcher for that: 179 one- or two-token patterns tested at every
token, about 30 ms for a 1,000-word article here, an eighth of the whole parse. Every one of those
patterns tests only a token's TAG, LOWER, DEP or IS_SPACE, by equality, IN, NOT_IN or a regular
expression, so the candidates for a token can be looked up by its tag or its lowercase form.

``speed_up_attribute_ruler`` replaces only the ruler's ``match`` step, and only when every pattern
is of that kind (another model's ruler is left alone). spaCy's own ``set_annotations`` still sets
the attributes, from matches in the order spaCy's ``match`` gives them (by rule, later rules win).
tests/test_segment.py checks that parts of speech and morphology are the same as spaCy's own.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Token attributes a pattern may test, in the order of the columns read from a Doc.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Attributes a pattern's first token can be looked up by, most selective first.
INDEX_KEYS = COLUMNS


class TableMatch:
    """``AttributeRuler.match`` for patterns that test attributes by equality, IN, NOT_IN or REGEX.

    Values are compared as spaCy stores them, as string hashes (and 0/1 for IS_SPACE), read for
    the whole Doc at once with ``Doc.to_array``: no Token object is made."""

    def __init__(self, vocab: Any, rules: list[tuple[int, int, list[list[dict]]]]):
        self.strings = vocab.strings
        # Each pattern is filed under the values its first token must have: its (tag, form) when it
        # tests both for equality, else the first of INDEX_KEYS it tests by equality or IN, else
        # it is tried at every token. An entry is (rule, match id, compiled tests per token).
        self.by_both: dict[tuple[int, int], list] = {}
        self.by_key: list[dict[int, list]] = [{} for _ in INDEX_KEYS]
        self.anywhere: list = []
        for rule, match_id, patterns in rules:
            for pattern in patterns:
                first, entry = pattern[0], (rule, match_id, [self._compile(want) for want in pattern])
                if isinstance(first.get("TAG"), str) and isinstance(first.get("LOWER"), str):
                    self.by_both.setdefault((self._hash(first["TAG"]), self._hash(first["LOWER"])), []).append(entry)
                    continue
                for column, key in enumerate(INDEX_KEYS):
                    want = first.get(key)
                    if isinstance(want, (str, bool)) or (isinstance(want, dict) and "IN" in want):
                        for value in (want["IN"] if isinstance(want, dict) else [want]):
                            self.by_key[column].setdefault(self._hash(value), []).append(entry)
                        break
                else:
                    self.anywhere.append(entry)

    def __call__(self, doc: "Doc") -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if not n:
            return []
        values = doc.to_array(list(COLUMNS)).T.tolist()
        tags, lowers = values[0], values[1]
        indexed = list(zip(self.by_key, values))
        found = set()
        for i in range(n):
            groups = [self.by_both.get((tags[i], lowers[i]), ()), self.anywhere]
            groups.extend(index.get(column[i], ()) for index, column in indexed)
            for group in groups:
                for rule, match_id, tests in group:
                    end = i + len(tests)
                    if end <= n and self._matches(values, i, tests, doc.vocab.strings):
                        found.add((rule, match_id, i, end))
        return sorted(found)

    def _hash(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.strings.add(value)

    def _compile(self, want: dict) -> list[tuple[int, str, Any]]:
        tests = []
        for key, value in want.items():
            column = COLUMNS.index(key)
            if isinstance(value, dict):
                (op, items), = value.items()
                if op == "REGEX":
                    tests.append((column, op, (re.compile(items), {})))
                else:
                    tests.append((column, op, frozenset(self._hash(x) for x in items)))
            else:
                tests.append((column, "==", self._hash(value)))
        return tests

    def _matches(self, values: list[list[int]], i: int, tests: list, strings: Any) -> bool:
        for k, token_tests in enumerate(tests):
            for column, op, value in token_tests:
                have = values[column][i + k]
                if op == "==":
                    ok = have == value
                elif op == "IN":
                    ok = have in value
                elif op == "NOT_IN":
                    ok = have not in value
                else:  # REGEX, on the string (as spaCy's Matcher reads it), remembered per value
                    regex, seen = value
                    ok = seen.get(have)
                    if ok is None:
                        ok = seen[have] = regex.search(strings[have]) is not None
                if not ok:
                    return False
        return True


def _supported(want: dict) -> bool:
    """Equality with a string or bool, IN / NOT_IN a list of strings, or a REGEX, on COLUMNS."""
    if not want:
        return False
    for key, value in want.items():
        if key not in COLUMNS:
            return False
        if isinstance(value, dict):
            (op, items), = value.items() if len(value) == 1 else ((None, None),)
            if op == "REGEX" and isinstance(items, str) and key != "IS_SPACE":
                continue
            if op not in ("IN", "NOT_IN") or not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                return False
        elif not isinstance(value, (str, bool)):
            return False
    return True


def speed_up_attribute_ruler(nlp: "Language") -> bool:
    """Install the table lookup on the pipeline's attribute ruler; True if it was installed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        rules = []
        for rule in range(len(ruler.attrs)):
            match_id = ruler.vocab.strings[str(rule)]
            _, patterns = ruler.matcher.get(match_id)
            rules.append((rule, match_id, patterns))
    except (AttributeError, KeyError, TypeError):
        return False
    if not all(_supported(want) for _, _, patterns in rules for pattern in patterns for want in pattern):
        return False  # a regex, an operator or another attribute: spaCy's own matcher does it
    ruler.match = TableMatch(ruler.vocab, rules)
    return True
