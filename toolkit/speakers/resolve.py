"""Speaker mentions -> speakers: one canonical speaker per person per article, with a role.

A mention is the words that name a speaker where a quote is attributed ("Churkin", "he",
"the minister", "French diplomatic sources", "the White House"). This stage decides who each
is, as a sieve from surest to least sure, and keeps how sure it is:

- a name is joined to the fullest form of that name in the article ("Price" -> "Ned Price");
  two people sharing the surname are told apart by which was named most recently;
- "he"/"she" go to the speaker of the quote before (when that is a person named nearby), else
  to a subject in the same sentence, else to the last sentence subject, clause subject or name
  before it, never to a name inside a quotation nor to a person of the other gender (as the
  article or, failing it, the given name says); an unresolvable pronoun stays unknown and keeps
  its mention;
- "the minister" / "France's foreign minister" go to the one named person nearby whose role has
  that noun; otherwise the description is a speaker of its own (type ``anonymous``);
- organisations ("the White House", "Russia") are speakers of type ``organization``.
Roles come from roles/ over all of a person's mentions. The sieve's parts: mention.py (one
mention), names.py (the article's names), pronouns.py, nominals.py; people.py holds the types.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..attribution import Link
from ..config import Config
from ..lexicon import possessive_suffix, tidy_text
from ..types import Article, Quote, Span, Speaker
from .clusters import join, joint_apart, variant_targets, vote_type
from .described import described_roles
from .mention import resolve_mention
from .names import NameIndex, Quoted, char_span, is_name
from .people import Person, Resolved
from .roles import speaker_role

if TYPE_CHECKING:
    from spacy.tokens import Doc


def resolve_speakers(doc: "Doc", article: Article, links: Sequence[Link], config: Config,
                     quoted: Sequence[Span] = ()) -> tuple[list[Quote], list[Speaker]]:
    """``quoted``: every stretch between quotation marks (the quote stage's spans). Names there,
    and in the reported clause of indirect speech, are what someone said, not who the writer is
    talking about, and so never a pronoun's referent: in 'Hunter said he will not vote for Trump.
    Also, Trump isn't a conservative, he said.' the second "he" is Hunter."""
    text = article.text
    reported = list(quoted) + [c for link in links for c in link.contents]
    names = NameIndex(doc, text, Quoted(reported))
    people: dict[str, Person] = {}
    resolved: dict[int, Resolved] = {}
    prev_person: tuple[Person, int] | None = None  # last attributed person and its char offset
    outer: tuple[int, int] | None = None  # the last quote not inside another

    for link in links:
        if link.follows is not None and id(link.follows) in resolved:
            r = resolved[id(link.follows)]
            res = Resolved(r.person, r.confidence, r.unresolved, r.pronoun)
            # the mention that attributes a continuation is the one of the quote it continues
            link.source = link.source or link.follows.source
        elif link.source is not None:
            res = resolve_mention(doc, link.source, names, people, prev_person, text)
        else:
            res = Resolved(None, 0.0)
        resolved[id(link)] = res
        # a quote reported inside another ("Song said Clinton had said the plan would fail") does
        # not make its speaker the one a following "he said" continues
        nested = outer is not None and outer[0] <= link.contents[0].start < outer[1]
        if res.person is not None and res.person.is_one_person and not nested:
            prev_person = (res.person, link.contents[0].start)
        if not nested:
            outer = (link.contents[0].start, link.contents[-1].end)

    # one person, one speaker: a surname or first name resolved before its fuller form was known
    # ("Okafor" as ORG, "Okafor" as a person) joins the one person whose name it is a variant of
    joined = variant_targets(list({id(r.person): r.person for r in resolved.values() if r.person}.values()))
    for key, (target, _) in joined.items():
        join(people[key], target)
    alone = joint_apart(list({id(r.person): r.person for r in resolved.values() if r.person}.values()), people)
    # a joint speaker ("A and B wrote") only where neither is a speaker on their own: beside
    # A's own quotes, the pair's goes to A, the name the verb's subject starts with
    for r in resolved.values():
        if r.person is not None and r.person.key in alone:
            r.person = alone[r.person.key]
    for person in people.values():
        vote_type(person, names)
    for r in resolved.values():
        if r.person is not None and r.person.key in joined:
            target, prior = joined[r.person.key]
            r.person, r.confidence = target, r.confidence * prior

    quotes: list[Quote] = []
    used: dict[str, Person] = {}
    order: list[str] = []
    for link in links:
        res = resolved[id(link)]
        conf = link.confidence * res.confidence
        person = res.person if conf >= config.min_confidence else None
        keep_mention = person is not None or (
            (res.unresolved or res.pronoun) and link.confidence >= config.min_confidence)
        mention = char_span(doc, link.source) if keep_mention and link.source else None
        if mention is not None and link.cue is not None and link.cue.relative is not None \
                and link.source == link.cue.source:
            # "Beck, who said …": the words that attribute the quote here are "who", as "he" would be
            mention = char_span(doc, (link.cue.relative, link.cue.relative + 1))
        if person is not None and person.key not in used:
            used[person.key] = person
            order.append(person.key)
        if person is None and not config.include_unattributed:
            continue
        quotes.append(Quote(
            id="", kind=link.kind, contents=tuple(link.contents),
            cue=link.cue.span if link.cue is not None and person is not None else None,
            speaker_id=person.key if person is not None else None, mention=mention,
            confidence=conf if person is not None else 0.0,
            clause=link.clause,
        ))
    ids = {key: f"s{n}" for n, key in enumerate(order, 1)}
    roles: dict[str, str | None] = {}
    for key in order:
        p = used[key]
        role = None
        if p.type == "person" and " and " not in p.name:  # a joint speaker's roles differ
            # a title or apposition at the name itself outranks a description met elsewhere
            # ("Foreign Minister Jean-Marc Ayrault" over an earlier "France's foreign minister")
            named = sorted({m for m in p.role_mentions if is_name(doc, m)})
            # with the canonical name, roles/ also reads every other place the person is named
            role = speaker_role(doc, named, name=p.name) if named else None
            role = role or speaker_role(doc, sorted(set(p.role_mentions)), name=p.name)
        elif p.type == "anonymous":
            role = speaker_role(doc, sorted(set(p.role_mentions)))
            if role and p.owner and not role.startswith(p.owner):
                role = p.owner + possessive_suffix(text) + " " + role  # "his wife": "Sanders’s wife"
        roles[key] = role
    # "the billionaire businessman" after "Donald Trump's record": a coreferent description, read
    # once for the people no name gives a role
    bare = {used[key].name for key in order if roles[key] is None and used[key].type == "person"
            and " and " not in used[key].name}
    described = described_roles(doc, names, bare) if bare else {}
    speakers = []
    for key in order:
        p = used[key]
        role = roles[key] or (described.get(p.name) if p.type == "person" else None)
        speakers.append(Speaker(id=ids[key], name=p.name, role=tidy_text(role) or None if role else None, type=p.type,
                                mentions=tuple(sorted(set(p.mentions)))))
    quotes.sort(key=lambda q: q.contents[0].start)
    out = [Quote(id=f"q{n}", kind=q.kind, contents=q.contents, cue=q.cue,
                 speaker_id=ids.get(q.speaker_id) if q.speaker_id else None, mention=q.mention,
                 confidence=q.confidence, clause=q.clause) for n, q in enumerate(quotes, 1)]
    return out, speakers

