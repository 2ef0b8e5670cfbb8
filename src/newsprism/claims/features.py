"""Sentence features for the claim models: sparse TF-IDF (word 1-2 grams) and MiniLM embeddings.

TF-IDF is fitted with scikit-learn at training time and shipped as a JSON vocabulary plus an .npy idf
vector; inference rebuilds the same matrix with ``CountVectorizer(vocabulary=...)`` so no pickled
sklearn object is ever loaded.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
from scipy import sparse

TOKEN_PATTERN = r"(?u)\b\w+\b|[%$?!]"
NGRAMS = (1, 2)
CACHE_DIR = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache")) / "claims"


def normalise(text: str) -> str:
    """Same text normalisation for training and inference (curly quotes/apostrophes folded)."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').strip()


def fit_tfidf(texts: list[str], max_features: int = 20000, min_df: int = 2) -> tuple[list[str], np.ndarray]:
    """Fit the vocabulary and idf on training texts only; returns (terms in column order, idf)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(
        ngram_range=NGRAMS,
        token_pattern=TOKEN_PATTERN,
        lowercase=True,
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
    )
    vec.fit([normalise(t) for t in texts])
    terms = [""] * len(vec.vocabulary_)
    for term, i in vec.vocabulary_.items():
        terms[i] = term
    return terms, vec.idf_.astype(np.float32)


def tfidf(texts: list[str], terms: list[str], idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear-tf × idf, L2-normalised rows (the same as TfidfVectorizer(sublinear_tf=True))."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    vec = CountVectorizer(
        ngram_range=NGRAMS,
        token_pattern=TOKEN_PATTERN,
        lowercase=True,
        vocabulary={t: i for i, t in enumerate(terms)},
    )
    counts = vec.transform([normalise(t) for t in texts]).astype(np.float32).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(idf[None, :]).tocsr(), norm="l2", copy=False)


def _cache_path(texts: list[str]) -> Path:
    key = hashlib.sha256("\x1e".join(normalise(t) for t in texts).encode("utf-8")).hexdigest()[:20]
    return CACHE_DIR / f"{key}.npy"


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
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, arr, allow_pickle=False)
    tmp.replace(path)
    return arr


def combine(
    kind: str, sparse_x: sparse.csr_matrix | None, dense_x: np.ndarray | None
) -> sparse.csr_matrix | np.ndarray:
    """Feature matrix for ``kind`` in ("tfidf", "embed", "both"): both = [tfidf | embedding]."""
    if kind == "tfidf":
        assert sparse_x is not None
        return sparse_x
    if kind == "embed":
        assert dense_x is not None
        return dense_x
    assert sparse_x is not None and dense_x is not None
    return sparse.hstack([sparse_x, sparse.csr_matrix(dense_x)], format="csr")


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
