"""Quotes: direct, partial, block and indirect quotations, quoted terms, their resolved speakers, speech acts,
confidence, and fidelity.

``build.quotes_for`` is what the ``quotes`` stage calls (``extract.extract``: passes → merge → classify →
resolve); ``fidelity.group_quotes`` groups renderings of one utterance (within an article, across articles,
against a transcript).
"""
