"""Fitting the slant TF-IDF classifiers (:class:`newsprism.slant.classifier.LinearText`): idf on the training
rows, then a class-balanced logistic regression."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from newsprism.slant.classifier import N_FEATURES, LinearText, counts


def fit_counts(
    x: sparse.csr_matrix,
    y: np.ndarray,
    *,
    c: float = 4.0,
    ngram_max: int = 2,
    max_chars: int = 6000,
    clean: bool = False,
    char: bool = False,
) -> LinearText:
    """Fit idf on the rows of ``x`` (from `counts`) then a class-balanced logistic regression."""
    df = np.bincount(x.indices, minlength=N_FEATURES)
    idf = np.log((1 + x.shape[0]) / (1 + df)) + 1.0
    model = LinearText(idf, np.zeros((1, N_FEATURES)), np.zeros(1), ngram_max, max_chars, clean, char)
    xs = normalize(x.multiply(idf.reshape(1, -1)).tocsr())
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    lr.fit(xs, y)
    model.coef, model.intercept = lr.coef_, lr.intercept_
    return model


def fit(
    texts: list[str],
    y: np.ndarray,
    *,
    ngram_max: int = 2,
    max_chars: int = 6000,
    clean: bool = False,
    char: bool = False,
    **options: Any,
) -> LinearText:
    """Fit idf on ``texts`` then a (class-balanced) logistic regression; ``options`` go to `fit_counts`."""
    x = counts(texts, ngram_max, max_chars, clean, char)
    return fit_counts(x, y, ngram_max=ngram_max, max_chars=max_chars, clean=clean, char=char, **options)
