"""The words that name a speaker around a cue's source token: "a spokesman for Disney", not
its apposition or relative clause; and the trimming of a reported clause to its words."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import lemma_in, reporting_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Right-hand parts of a noun phrase that are not part of the words naming the speaker.
MENTION_STOP_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "parataxis"}


REFLEXIVES = {"himself", "herself", "itself", "themselves"}


def mention_range(head: "Token", cue: "Token | None" = None) -> tuple[int, int]:
    """Token range of the words naming a speaker: the head with its left modifiers and the
    compound or flat names around it, not its appositions or relative clauses; "of"/"for"
    phrases are kept for common nouns ("a spokesman for Disney").

    ``cue`` is the reporting word, when known: a relative clause holding it is the report
    ("a spokesman who said …"), any other one describes an unnamed source.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "preconj", "advmod"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        # "one Republican involved in the planning", "a person familiar with the talks": a
        # participle describes an unnamed source (a "Republican" with a determiner is one, and
        # so are "Democrats involved in the talks"); after a name it is news, not the name
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG", "JJ") and (
                head.pos_ != "PROPN" or head.ent_type_ == "NORP"
                or any(c.dep_ in ("det", "nummod") for c in head.lefts)):
            end = max(end, child.right_edge.i + 1)
            continue
        # "a prominent committee member who supports Trump", "the man who built his career on …":
        # an unnamed source is the whole description; a relative clause after a name is news
        if child.dep_ == "relcl" and _common_head(head) and _describing_clause(child, cue):
            end = max(end, child.right_edge.i + 1)
            continue
        # "their friends and advisers", "many experts and some lawmakers": a group of unnamed
        # sources is one mention (names are joined elsewhere: "Ortiz and Cole" is two people)
        conj = next((c for c in head.rights if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > child.i),
                    None) if child.dep_ == "cc" and head.pos_ == "NOUN" else None
        if conj is not None:
            end = max(end, conj.right_edge.i + 1)
            break
        # "the former secretary of state and current nominee": the parse hangs the "and" on the
        # "of" phrase and the second noun on the head; the two titles are one person's
        if child.dep_ == "conj" and child.pos_ == "NOUN" and head.pos_ == "NOUN" and (
                (child.left_edge.i == end and head.doc[end - 1].pos_ == "CCONJ")
                or (child.left_edge.i == end + 1 and head.doc[end].pos_ == "CCONJ")):
            end = child.right_edge.i + 1
            break
        # "Holt herself", "the company itself": the emphasis is part of the mention
        if child.lower_ in REFLEXIVES and child.i == end:
            end = child.i + 1
            continue
        if child.dep_ in MENTION_STOP_DEPS:
            break
        if child.dep_ == "prep" and head.pos_ == "PROPN" and child.lower_ != "of":
            break
        end = max(end, child.right_edge.i + 1)
    doc = head.doc
    # never past a comma, parenthesis or dash after the head ("one person ..., who spoke ...")
    for i in range(head.i + 1, end):
        if doc[i].text in (",", "(", "—", "–", ";", ":") or doc[i].is_space:
            end = i
            break
    # ... except inside a list of common nouns: "doctors, nurses and patients" speak as one group
    end = max(end, _noun_list_end(head))
    # "The newspaper, long a vocal advocate of school reform, said …": an unnamed source's
    # description set off by commas between it and its verb is part of it (a name's apposition
    # is a role, read by roles)
    if head.pos_ == "NOUN" and end < len(doc) and doc[end].text == ",":
        aside = next((c for c in head.rights if c.dep_ in ("relcl", "appos") and c.left_edge.i == end + 1), None)
        if aside is not None and not any(t.ent_type_ == "PERSON" for t in aside.subtree):
            if cue is not None and end < cue.i and aside.right_edge.i + 1 < cue.i \
                    and doc[aside.right_edge.i + 1].text == "," \
                    and (aside.dep_ == "appos" or _describing_clause(aside, cue)):
                end = aside.right_edge.i + 1
            elif (cue is None or cue.i < head.i) and aside.dep_ == "relcl" and _describing_clause(aside, cue):
                # “…,” said one voter, who asked not to be named: after an inverted cue, or
                # where no cue names the source ("One voter, who asked not to be named, was blunt:")
                end = aside.right_edge.i + 1
    # "said one longtime adviser to Bill Clinton": the parse often hangs the "to/for/of" phrase
    # of an inverted subject on the verb; a common-noun speaker takes it back
    if head.pos_ == "NOUN" and end < len(doc) and doc[end].lower_ in ("to", "for", "of", "at", "with") \
            and doc[end].head is not head and doc[end].head.i < head.i:
        stop = doc[end].right_edge.i + 1
        for i in range(end, stop):
            if doc[i].text in (",", "(", "—", "–", ";", ":"):
                stop = i
                break
        end = stop
    # (nor on a conjunction: "the former secretary of state and" is what a coordination the parse
    # split leaves; the words before "and" still name the speaker)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "case"
                               or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _noun_list_end(head: "Token") -> int:
    """End (token index) of a comma list of common nouns headed by ``head`` and closed by a
    conjunction ("parents, teachers, and students"), else 0. Names are never listed so ("Ortiz,
    Cole and Lee" are three people, joined elsewhere)."""
    def group(t: "Token") -> bool:  # a common noun, or a group by its name ("Democrats")
        return t.pos_ == "NOUN" or (t.ent_type_ == "NORP" and t.tag_ == "NNPS")

    if not group(head):
        return 0
    last, has_cc, tok = None, False, head
    while True:
        conj = next((c for c in tok.rights if c.dep_ == "conj"), None)
        has_cc = has_cc or any(c.dep_ == "cc" for c in tok.rights)
        if conj is None or not group(conj):
            break
        last = tok = conj
    if last is None or not has_cc or not any(t.text == "," for t in head.doc[head.i:last.i]):
        return 0
    # the last noun's own modifiers to its left, not its clauses or phrases
    return last.i + 1


#: Heads of a mention that stand for unnamed people as a common noun does: "one of the aides who
#: asked not to be named", "those who back her rivals".
QUANTIFIER_HEADS = {"one", "some", "many", "most", "few", "several", "those", "others", "all", "both",
                    "two", "three", "four", "five", "none", "anyone", "everyone", "someone", "somebody"}


def _common_head(head: "Token") -> bool:
    return head.pos_ == "NOUN" or head.lower_ in QUANTIFIER_HEADS


MAX_DESCRIBING_CLAUSE = 12  # tokens; a longer relative clause is a story of its own
#: ... unless the cue is known to lie outside it: then it can only be a description, and the
#: descriptions of anonymous sources run long ("a person who spoke on condition of anonymity
#: because he was not authorized to discuss the talks").
MAX_DESCRIBING_CLAUSE_OUTSIDE_CUE = 30


def _describing_clause(clause: "Token", cue: "Token | None" = None) -> bool:
    """A relative clause with no quotation that is not the report itself ("who said …" is a
    cue, not a description; "who spoke on condition of anonymity" describes the source)."""
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    toks = clause.doc[lo:hi]
    if any(t.is_quote or t.text in ("“", "”", "«", "»") for t in toks):
        return False
    if cue is not None:
        return not lo <= cue.i < hi and len(toks) <= MAX_DESCRIBING_CLAUSE_OUTSIDE_CUE
    return (len(toks) <= MAX_DESCRIBING_CLAUSE
            and not any(t.pos_ in ("VERB", "AUX") and lemma_in(t, reporting_verbs()) for t in toks))


def trim_tokens(doc: "Doc", lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in "“\"‘'":
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "”\"’'":
        hi -= 1
    return (lo, hi) if hi > lo else None
