"""Sentence features for the claim models: sparse TF-IDF (word 1-2 grams, character 2-5 grams within word
boundaries) and MiniLM embeddings.

TF-IDF is fitted with scikit-learn at training time and shipped as a JSON vocabulary plus an .npy idf
vector; inference rebuilds the same matrix with ``CountVectorizer(vocabulary=...)`` so no pickled
sklearn object is ever loaded.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

TOKEN_PATTERN = r"(?u)\b\w+\b|[%$?!]"
NGRAMS = (1, 2)
# sparse feature kinds: vectorizer settings shared by training (fit) and inference (fixed vocabulary)
SPARSE: dict[str, dict[str, Any]] = {
    "word": {"analyzer": "word", "ngram_range": NGRAMS, "token_pattern": TOKEN_PATTERN, "max_features": 20000},
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5), "max_features": 40000},
}


def normalise(text: str) -> str:
    """Same text normalisation for training and inference (curly quotes/apostrophes folded)."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').strip()


def fit_tfidf(texts: list[str], kind: str = "word", min_df: int = 2) -> tuple[list[str], np.ndarray]:
    """Fit the vocabulary and idf on training texts only; returns (terms in column order, idf)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(lowercase=True, min_df=min_df, sublinear_tf=True, **SPARSE[kind])
    vec.fit([normalise(t) for t in texts])
    terms = [""] * len(vec.vocabulary_)
    for term, i in vec.vocabulary_.items():
        terms[i] = term
    return terms, vec.idf_.astype(np.float32)


def vectorizer(terms: list[str], kind: str = "word") -> Any:
    """A CountVectorizer with the fixed vocabulary (build once per model: a 40k vocabulary costs ~ms)."""
    from sklearn.feature_extraction.text import CountVectorizer

    settings = {k: v for k, v in SPARSE[kind].items() if k != "max_features"}
    vec = CountVectorizer(lowercase=True, vocabulary={t: i for i, t in enumerate(terms)}, **settings)
    vec._validate_vocabulary()  # fixes vocabulary_ now, so transform() does not rebuild it on every call
    return vec


def tfidf(
    texts: list[str], terms: list[str], idf: np.ndarray, kind: str = "word", vec: Any = None
) -> sparse.csr_matrix:
    """Sublinear-tf × idf, L2-normalised rows (the same as TfidfVectorizer(sublinear_tf=True))."""
    from sklearn.preprocessing import normalize

    vec = vec if vec is not None else vectorizer(terms, kind)
    counts = vec.transform([normalise(t) for t in texts]).astype(np.float32).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(idf[None, :]).tocsr(), norm="l2", copy=False)


def cache_dir() -> Path:
    """The claims embedding cache: ``claims/`` under :func:`newsprism.nlp.embed.vector_cache_root`."""
    from newsprism.nlp.embed import vector_cache_root

    return vector_cache_root() / "claims"


def _cache_path(texts: list[str]) -> Path:
    key = hashlib.sha256("\x1e".join(normalise(t) for t in texts).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / f"{key}.npy"


def is_cached(texts: list[str]) -> bool:
    return _cache_path(texts).exists()


def embeddings(texts: list[str], cache: bool = True) -> np.ndarray:
    """MiniLM unit vectors (n, 384); with ``cache`` the array is kept as .npy keyed by the texts' hash."""
    from newsprism.nlp.embed import embed

    norm = [normalise(t) for t in texts]
    if not cache:
        return embed(norm)
    path = _cache_path(texts)
    if path.exists():
        arr = np.load(path, allow_pickle=False)
        if arr.shape == (len(texts), 384):
            return arr
    arr = embed(norm)
    cache_dir().mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, arr, allow_pickle=False)
    tmp.replace(path)
    return arr


def embeddings_from_pool(texts: list[str], pool: list[str]) -> np.ndarray:
    """Embeddings of ``texts`` looked up in the cached embedding of a whole file (``pool``): a subsample reuses
    the file's cache instead of embedding under a new key."""
    arr = embeddings(pool)
    index = {normalise(t): i for i, t in enumerate(pool)}
    missing = [t for t in texts if normalise(t) not in index]
    extra = embeddings(missing, cache=False) if missing else np.zeros((0, 384), np.float32)
    extra_index = {normalise(t): i for i, t in enumerate(missing)}
    rows = [arr[index[normalise(t)]] if normalise(t) in index else extra[extra_index[normalise(t)]] for t in texts]
    return np.stack(rows) if rows else np.zeros((0, 384), np.float32)
