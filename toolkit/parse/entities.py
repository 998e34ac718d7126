"""The entity recognizer's greedy decoding, done for all tokens at once: spaCy's entities, in less time.

spaCy's recognizer (a transition-based parser with state type "ner") embeds the tokens with its own
token encoder, precomputes each token's contribution to the hidden layer, then walks every token
one step at a time, in a Cython loop that scores all 74 actions of every state at every step. The
walk is two fifths of the recognizer's time (measured on PolNeAR dev texts; docs/architecture.md).

Most of that walk need not be sequential. A state's features are the token under the cursor (B0),
the first token of the open entity (E0) and, inside an entity, the token before B0. With no entity
open the last two are padding, so the decision at a token outside entities depends on that token
alone: it is computed for every token in one matrix product. Only entity continuations (I or L
after a B) depend on where the entity began; they are stepped for all open entities together.
A linear pass over the candidate starts then keeps exactly the entities the sequential walk keeps.

The arithmetic is spaCy's own, in its order: the same precomputed table (``lower``), the features
summed f0, f1, f2 then the bias, maxout taking the first largest piece, the output layer through
the same ``ops.gemm``, and ties going to the lowest action, as ``arg_max_if_valid`` does.
tests/test_entities.py checks the entities equal ``ner.pipe``'s own. ``recognizer`` returns None
(and the caller uses spaCy's) for any model this does not know: another state type, a beam,
unseen classes, or actions that are not B/I/L/U per label plus O.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc


def recognizer(ner: "EntityRecognizer") -> "Callable[[Sequence[Doc]], None] | None":
    """A function that sets ``ner``'s entities on Docs that have none yet, or None when the
    recognizer is not one this module reproduces exactly."""
    try:
        return _Decoder(ner)
    except (KeyError, ValueError, AttributeError, TypeError):
        return None


class _Decoder:
    def __init__(self, ner: "EntityRecognizer"):
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper") \
                or model.attrs.get("unseen_classes"):
            raise ValueError("beam search, no output layer or unseen classes")
        self.tok2vec, lower, upper = model.get_ref("tok2vec"), model.get_ref("lower"), model.get_ref("upper")
        if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
            raise ValueError("not the three features of the ner state")
        self.lower, self.ops = lower, model.ops
        self.bias = lower.get_param("b")            # (nO, nP)
        self.W, self.b = upper.get_param("W"), upper.get_param("b")  # (actions, nO), (actions,)
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        labels = [n[2:] for n in names if n.startswith("B-")]
        index = {n: i for i, n in enumerate(names)}
        self.labels = labels
        self.begin = [index["B-" + lab] for lab in labels]
        self.inside = [index["I-" + lab] for lab in labels]
        self.last = [index["L-" + lab] for lab in labels]
        self.unit = [index["U-" + lab] for lab in labels]
        self.out = index["O"]
        known = set(self.begin + self.inside + self.last + self.unit + [self.out, index.get("U-", -1)])
        if any(i not in known for i in range(len(names))) or len(names) != self.W.shape[0]:
            raise ValueError("actions other than B/I/L/U per label and O")

    def __call__(self, docs: "Sequence[Doc]") -> None:
        import numpy

        docs = [d for d in docs if len(d)]
        if not docs:
            return
        table = self.lower.predict(self.tok2vec.predict(docs))  # (tokens + 1, 3, nO, nP); row 0: padding
        pad, rows = table[0], table[1:]
        # no entity open: features (B0, -, -), the same for every token
        closed = self._scores(((rows[:, 0] + pad[1]) + pad[2]))
        offset = 0
        for doc in docs:
            n = len(doc)
            self._decode(doc, rows, closed, offset, n, numpy)
            offset += n

    def _scores(self, summed):
        """Output scores from summed features: bias, maxout (first largest piece), output layer."""
        hidden = (summed + self.bias).max(axis=-1)
        return self.ops.gemm(hidden, self.W, trans2=True) + self.b

    def _decode(self, doc: "Doc", rows, closed, offset: int, n: int, numpy) -> None:
        from spacy.attrs import IS_SPACE, SENT_START
        from spacy.tokens import Span

        flags = doc.to_array([IS_SPACE, SENT_START])
        space = flags[:, 0].astype(bool)
        next_start = numpy.zeros(n, dtype=bool)
        next_start[:-1] = flags[1:, 1] == 1
        last = numpy.zeros(n, dtype=bool)
        last[-1] = True
        # the decision with no entity open: O always; U-x unless a space; B-x also not on the last
        # token nor before a sentence start. Invalid actions never win; ties go to the lower index.
        scores = closed[offset:offset + n]
        masked = numpy.full_like(scores, -numpy.inf)
        masked[:, self.out] = scores[:, self.out]
        ok_unit = ~space
        masked[numpy.ix_(ok_unit, self.unit)] = scores[numpy.ix_(ok_unit, self.unit)]
        ok_begin = ~space & ~last & ~next_start
        masked[numpy.ix_(ok_begin, self.begin)] = scores[numpy.ix_(ok_begin, self.begin)]
        choice = masked.argmax(axis=1)
        starts = numpy.nonzero(choice != self.out)[0]
        if not len(starts):
            doc.set_ents([], default="outside")
            return
        action_label = {a: k for k, a in enumerate(self.begin)} | {a: k for k, a in enumerate(self.unit)}
        begins = [int(i) for i in starts if choice[i] in self.begin]
        ends = self._entity_ends(begins, [action_label[int(choice[i])] for i in begins], rows, offset,
                                 last | next_start, numpy)
        spans, after = [], 0
        for i in starts.tolist():
            if i < after:  # inside an entity opened before: decided in the open state instead
                continue
            label = action_label[int(choice[i])]
            end = ends[i] if i in ends else i + 1
            spans.append(Span(doc, i, end, label=self.labels[label]))
            after = end
        doc.set_ents(spans, default="outside")

    def _entity_ends(self, begins: list[int], labels: list[int], rows, offset: int, stop, numpy
                     ) -> dict[int, int]:
        """For each B at ``begins``, the end (exclusive) of the entity it opens, stepping all of
        them together: at token j of an entity begun at s the features are (j, s, j - 1); only
        I and L of its label are valid, and I only where the entity may go on (``stop``: the last
        token, or the next token starts a sentence)."""
        ends: dict[int, int] = {}
        active = numpy.array(begins, dtype=numpy.int64)
        label = numpy.array(labels, dtype=numpy.int64)
        j = active + 1
        inside, last = numpy.array(self.inside), numpy.array(self.last)
        while len(active):
            summed = (rows[offset + j, 0] + rows[offset + active, 1]) + rows[offset + j - 1, 2]
            scores = self._scores(summed)
            rows_i = numpy.arange(len(active))
            score_in, score_last = scores[rows_i, inside[label]], scores[rows_i, last[label]]
            goes_on = ~stop[j] & (score_in >= score_last)  # I has the lower index: it wins a tie
            for s, e in zip(active[~goes_on].tolist(), j[~goes_on].tolist()):
                ends[s] = e + 1
            active, label, j = active[goes_on], label[goes_on], j[goes_on] + 1
        return ends
