"""Speakers stage: speaker mentions -> one speaker per person or organisation, with a role.

``resolve.resolve_speakers`` is the sieve; ``roles/`` reads each speaker's role off the text.
"""
from .resolve import resolve_speakers

__all__ = ["resolve_speakers"]
