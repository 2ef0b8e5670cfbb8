"""Slant: partisan phrases (log-odds lexicon) and the article/sentence classifiers of the ``slant`` stage."""
