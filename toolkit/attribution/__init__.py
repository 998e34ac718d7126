"""Attribution stage: each quotation -> a cue and a speaker mention, as a sieve of rules.

``sieve.link_speakers`` runs the rules, most precise first; ``sentence`` (a cue in the quote's
sentence), ``pattern`` (fixed word patterns), ``paragraph`` (colons, labels, headers, the
sentence before or after) hold them, and ``base`` the shared ``Link``, ``TextIndex`` and the
confidence prior of every rule.
"""
from .base import Link
from .sieve import link_speakers

__all__ = ["Link", "link_speakers"]
