"""spaCy and embedding-model loading, each loaded once and lazily."""

from newsprism.nlp.embed import embed, embedder
from newsprism.nlp.spacy_loader import load_spacy

__all__ = ["embed", "embedder", "load_spacy"]
