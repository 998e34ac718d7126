"""The attribute ruler's work done by table lookup: the same annotations, a twentieth of the time.

en_core_web_sm's ``attribute_ruler`` maps each fine tag to its coarse part of speech and
morphology, with exceptions for some words ("but" as an adverb, "a" as an indefinite article).
spaCy runs its general token Matcher for that (179 one- or two-token patterns tested at every
token), then makes a Span and sets the attributes token by token for each match: 1.66 s of CPU
for 120 PolNeAR articles (86,000 tokens) here, against 0.074 s for this module (0.35 s for its
first version, which looked the patterns up token by token). Every one of those patterns tests only a
token's TAG, LOWER, DEP or IS_SPACE, by equality, IN, NOT_IN or a regular expression, so:

- what the one-token patterns give a token depends only on those four values, and is worked out
  once per distinct combination and remembered (``TableMatch.by_row``: common words repeat across
  articles, so after a few hundred articles nearly every token is one dictionary lookup);
- a longer pattern is filed under what its first token must have and tried only there;
- the attributes are written for the whole Doc at once (``Doc.from_array``), each token getting, per
  attribute, the value of the last rule that sets it: spaCy's order (``AttributeRuler.match`` sorts
  by rule, and later rules overwrite earlier ones).

``speed_up_attribute_ruler`` replaces the ruler's ``match`` and ``set_annotations`` together, and
only when every pattern is of that kind (another model's ruler is left alone).
tests/test_segment.py checks that the matches and every attribute the ruler sets are spaCy's own.
"""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Token attributes a pattern may test, in the order of the columns read from a Doc.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Attributes a pattern's first token can be looked up by, most selective first.
INDEX_KEYS = COLUMNS
#: Distinct (tag, form, dependency, space) rows remembered before the memory is emptied: the 466
#: PolNeAR dev articles make 49,574 rows at about 250 bytes each, so the memory stays under 25 MB
#: in a corpus run's worker; emptying it costs the next few articles a lookup per new row.
MAX_ROWS = 100_000


class TokenMatches:
    """One Doc's matches: per token, the one-token matches of its row, plus the longer ones."""

    __slots__ = ("doc", "rows", "longer")

    def __init__(self, doc: "Doc", rows: list, longer: list[tuple[int, int, int, int]]):
        self.doc, self.rows, self.longer = doc, rows, longer

    def spacy_matches(self) -> list[tuple[int, int, int, int]]:
        """The matches as spaCy's ``AttributeRuler.match`` returns them: (rule, id, start, end), sorted."""
        found = [(rule, match_id, i, i + 1) for i, row in enumerate(self.rows) for rule, match_id in row.matches]
        return sorted(set(found + self.longer))  # two patterns of one rule may match one span


class _Row:
    """What the one-token patterns give tokens with one (tag, form, dependency, space) row."""

    __slots__ = ("matches", "outcome", "starts")

    def __init__(self, matches: list[tuple[int, int]], outcome: int, starts: list):
        # outcome: the number of the attributes these matches set, in TableMatch.outcomes
        self.matches, self.outcome, self.starts = matches, outcome, starts


class TableMatch:
    """``AttributeRuler.match`` for patterns that test attributes by equality, IN, NOT_IN or REGEX.

    Values are compared as spaCy stores them, as string hashes (and 0/1 for IS_SPACE), read for
    the whole Doc at once with ``Doc.to_array``: no Token object is made."""

    def __init__(self, vocab: Any, rules: list[tuple[int, int, list[list[dict]]]], attrs: list[dict],
                 indices: list[int], fallback: Callable):
        self.strings = vocab.strings
        self.attrs, self.indices, self.fallback = attrs, indices, fallback
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
        # The service parses in several threads with one model: the memory of rows may be emptied
        # and refilled while another thread holds rows of its Doc, so what a row points to (its
        # outcome number and shared _Row) is never renumbered nor dropped. Both are bounded by the
        # rules, not by the vocabulary (131 outcomes and 210 shared rows on PolNeAR dev), and
        # numbers are handed out under a lock.
        self.by_row: dict[tuple, _Row] = {}
        self._lock = threading.Lock()
        # the distinct attributes rows set, numbered in order of first sight (see _tables)
        self.outcomes: dict[tuple, int] = {}
        self.outcome_attrs: list[dict] = []
        self.shared_rows: dict[tuple, _Row] = {}
        self._arrays: tuple | None = None
        self.names = sorted({name for a in attrs for name in a})

    def __call__(self, doc: "Doc") -> TokenMatches:
        n = len(doc)
        values = doc.to_array(list(COLUMNS)).T.tolist() if n else [[] for _ in COLUMNS]
        by_row, rows, longer = self.by_row, [], []
        if len(by_row) > MAX_ROWS:
            by_row.clear()  # (outcomes and shared rows stay: see __init__)
        for i, key in enumerate(zip(*values)):
            row = by_row.get(key)
            if row is None:
                row = by_row[key] = self._row(key)
            rows.append(row)
            for rule, match_id, tests in row.starts:
                end = i + len(tests)
                if end <= n and self._matches(values, i, tests):
                    longer.append((rule, match_id, i, end))
        return TokenMatches(doc, rows, longer)

    def set_annotations(self, doc: "Doc", matches: Any) -> None:
        """Set every matched attribute for the whole Doc at once, the last rule's value winning."""
        if not isinstance(matches, TokenMatches) or matches.doc is not doc:
            # a list made elsewhere, or another Doc's matches: spaCy's own way, from spaCy's list
            as_list = matches.spacy_matches() if isinstance(matches, TokenMatches) else matches
            return self.fallback(doc, as_list)
        import numpy

        n = len(doc)
        if not n:
            return
        table, given = self._tables()
        outcome = numpy.fromiter((row.outcome for row in matches.rows), dtype=numpy.intp, count=n)
        values, wanted = table[outcome], given[outcome]
        if matches.longer:
            # tokens a longer pattern sets: replay all their matches in spaCy's order
            touched: dict[int, list] = {}
            for match in matches.longer:
                touched.setdefault(self._target(match), []).append(match)
            for i, found in touched.items():
                found += [(rule, match_id, i, i + 1) for rule, match_id in matches.rows[i].matches]
                merged: dict = {}
                for rule, *_ in sorted(found):
                    merged.update(self.attrs[rule])
                for column, name in enumerate(self.names):
                    if name in merged:
                        values[i, column], wanted[i, column] = merged[name], True
        columns = numpy.flatnonzero(wanted.any(axis=0))
        if not len(columns):
            return
        names = [self.names[c] for c in columns]
        array = numpy.where(wanted[:, columns], values[:, columns], doc.to_array(names).reshape((n, len(names))))
        doc.from_array(names, array.astype(numpy.uint64, copy=False))

    def _tables(self) -> tuple[Any, Any]:
        """Each outcome's values and which of them it sets, as arrays indexed by outcome number."""
        arrays = self._arrays
        if arrays is None or len(arrays[0]) != len(self.outcome_attrs):
            import numpy

            rows = list(self.outcome_attrs)  # append-only: a snapshot covers every number handed out so far
            table = numpy.array([[attrs.get(name, 0) for name in self.names] for attrs in rows], dtype=numpy.uint64)
            given = numpy.array([[name in attrs for name in self.names] for attrs in rows], dtype=bool)
            arrays = self._arrays = (table.reshape((len(rows), len(self.names))),
                                     given.reshape((len(rows), len(self.names))))
        return arrays

    def _target(self, match: tuple[int, int, int, int]) -> int:
        rule, _, start, end = match
        index = self.indices[rule]
        target = (start if index >= 0 else end) + index
        if not start <= target < end:
            raise ValueError(f"attribute ruler: index {index} is outside the match {start}:{end}")
        return target

    def _row(self, key: tuple) -> _Row:
        tag, lower = key[0], key[1]
        groups = [self.by_both.get((tag, lower), ()), self.anywhere]
        groups.extend(index.get(value, ()) for index, value in zip(self.by_key, key))
        values = [[value] for value in key]
        matches, starts = set(), []
        for group in groups:
            for entry in group:
                rule, match_id, tests = entry
                if not self._matches(values, 0, tests[:1]):
                    continue
                if len(tests) == 1 and self.indices[rule] in (0, -1):
                    matches.add((rule, match_id))
                else:
                    starts.append(entry)
        attrs: dict = {}
        for rule, _ in sorted(matches):
            attrs.update(self.attrs[rule])
        # one dict per distinct outcome (a few hundred), so that set_annotations writes each once
        # rows with the same matches share one _Row (a few hundred of them for ~50,000 rows)
        found = tuple(sorted(matches))
        shared = (found, tuple(id(entry) for entry in starts))  # entries live as long as the table
        with self._lock:
            outcome = tuple(sorted(attrs.items()))
            number = self.outcomes.get(outcome)
            if number is None:
                number = self.outcomes[outcome] = len(self.outcome_attrs)
                self.outcome_attrs.append(attrs)
            row = self.shared_rows.get(shared)
            if row is None:
                row = self.shared_rows[shared] = _Row(list(found), number, starts)
        return row

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

    def _matches(self, values: list[list[int]], i: int, tests: list) -> bool:
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
                        ok = seen[have] = regex.search(self.strings[have]) is not None
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
        attrs, indices = [dict(a) for a in ruler.attrs], list(ruler.indices)
    except (AttributeError, KeyError, TypeError):
        return False
    if not all(_supported(want) for _, _, patterns in rules for pattern in patterns for want in pattern):
        return False  # an operator or another attribute: spaCy's own matcher does it
    if not all(isinstance(name, int) and isinstance(value, int) for a in attrs for name, value in a.items()):
        return False  # extension attributes ("_") or names spaCy did not turn into ids
    table = TableMatch(ruler.vocab, rules, attrs, indices, fallback=ruler.set_annotations)
    ruler.match, ruler.set_annotations = table, table.set_annotations
    return True
