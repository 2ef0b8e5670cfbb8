"""Quotes: direct, partial, block and indirect quotations, their resolved speakers, and fidelity.

``extract.extract_quotes`` is the entry point used by the ``quotes`` stage; ``fidelity.group_quotes``
groups renderings of one utterance (within an article, across articles, against a transcript).
"""
