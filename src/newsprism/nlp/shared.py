"""Per-article values several stages need, computed once and kept in ``Work.cache``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsprism.nlp.embed import embed
from newsprism.profiling import section

if TYPE_CHECKING:
    from newsprism.options import Options
    from newsprism.registry import Work

SENTENCE_EMBEDDINGS = "sentence_embeddings"


def sentence_embeddings(batch: list[Work], options: Options) -> list[np.ndarray]:
    """MiniLM vectors of every sentence of every article in ``batch`` (one encoder call for the batch).

    Claims, slant (sentence bias), frames and techniques all read the same vectors; the first stage that asks
    pays (claims, a batch stage, asks for the whole batch: one length-sorted encoder pass across its articles).
    A profile (``newsprism.profiling``) shows the pass as its own ``encoder`` row.
    """
    missing = [w for w in batch if SENTENCE_EMBEDDINGS not in w.cache]
    if missing and options.embedding_model == "minilm":
        from newsprism.nlp.encoder import sentence_encodings

        # one pass gives the same vectors plus the token states the techniques tagger reads (nlp/encoder.py)
        with section("encoder"):
            sentence_encodings(missing, options)
        missing = [w for w in batch if SENTENCE_EMBEDDINGS not in w.cache]
    if missing:
        texts = [w.article.text[s.start : s.end] for w in missing for s in w.article.sentences]
        with section("encoder"):
            vectors = embed(texts, options.embedding_model) if texts else np.zeros((0, 384), dtype=np.float32)
        pos = 0
        for w in missing:
            n = len(w.article.sentences)
            w.cache[SENTENCE_EMBEDDINGS] = vectors[pos : pos + n]
            pos += n
    return [w.cache[SENTENCE_EMBEDDINGS] for w in batch]
