"""Policy frames (Boydstun et al. 2014) per sentence and per article: the ``frames`` stage's inference."""
