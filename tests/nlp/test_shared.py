from __future__ import annotations

import numpy as np

from newsprism.model import Article, Sentence
from newsprism.nlp.shared import SENTENCE_EMBEDDINGS, sentence_embeddings
from newsprism.options import load_options
from newsprism.registry import Work


def test_sentence_embeddings_computed_once_per_article() -> None:
    text = "Stocks fell sharply. The cat sat on the mat."
    art = Article(id="a", text=text, sentences=[Sentence(start=0, end=20), Sentence(start=21, end=len(text))])
    empty = Article(id="b", text="x")
    batch = [Work(article=art), Work(article=empty)]
    first = sentence_embeddings(batch, load_options())
    assert first[0].shape == (2, 384) and first[1].shape == (0, 384)
    assert np.allclose(np.linalg.norm(first[0], axis=1), 1.0, atol=1e-3)
    batch[0].cache[SENTENCE_EMBEDDINGS] = first[0] * 0  # a cached value is reused, not recomputed
    assert not sentence_embeddings(batch, load_options())[0].any()
