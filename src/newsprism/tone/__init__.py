"""Tone toward the people and organisations an article names: the ``tone`` stage's inference."""
