"""Cues stage: the words that say someone said something, and who the parse says their source is.

``find`` finds the cues (``find_cues``); ``source`` reads who a cue's speaker is off the tree and
``mention`` the words that name them;
``lexicon`` holds the reporting-verb word lists (data/reporting_verbs.txt); ``owner`` tells whose
words a quotation is when the sentence says so ("quoting X", "said X told him").
"""
from .find import Cue, find_cues
from .lexicon import IRREGULAR, WRITTEN_SOURCES, lemma_in, quote_only_verbs, reporting_verbs
from .mention import REFLEXIVES, mention_range
from .owner import passed_on_words_owner, words_owner
from .source import NOT_SPEAKER_ENTS, apposed_name, find_source, inverted_subject, is_dash

__all__ = ["Cue", "find_cues", "find_source", "inverted_subject", "is_dash", "mention_range", "apposed_name",
           "NOT_SPEAKER_ENTS", "REFLEXIVES", "IRREGULAR", "WRITTEN_SOURCES", "lemma_in", "quote_only_verbs",
           "reporting_verbs", "passed_on_words_owner", "words_owner"]
