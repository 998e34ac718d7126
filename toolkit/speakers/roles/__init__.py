"""A speaker's role as the article states it ("National Security Council spokesman").

``assign`` reads roles from all of a person's mentions; ``before`` and ``after`` read the
words before a name ("Foreign Minister X") and after it ("X, a spokesman for ..."); ``phrase``
trims a role to its phrase; ``text`` gives the words of a mention.
"""
from .assign import mention_roles, name_mentions, speaker_role, split_title
from .phrase import is_role_token, is_title_token

__all__ = ["is_role_token", "is_title_token", "mention_roles", "name_mentions", "speaker_role", "split_title"]
