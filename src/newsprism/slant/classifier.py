"""Linear text classifiers (hashed word n-gram TF-IDF + logistic regression) stored as .npz (no pickle).

Feature hashing keeps the artifact free of a vocabulary: only idf, coefficients and intercepts are saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

N_FEATURES = 2**17


def _hasher(ngram_max: int) -> HashingVectorizer:
    return HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, ngram_max), alternate_sign=False, norm=None)


@dataclass
class LinearText:
    idf: np.ndarray
    coef: np.ndarray  # (classes or 1, N_FEATURES)
    intercept: np.ndarray
    ngram_max: int = 2
    max_chars: int = 6000

    def features(self, texts: list[str]) -> sparse.csr_matrix:
        x = _hasher(self.ngram_max).transform([t[: self.max_chars] for t in texts])
        x.data = np.log1p(x.data)
        x = x.multiply(self.idf.reshape(1, -1)).tocsr()
        return normalize(x)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        s = np.asarray(self.features(texts) @ self.coef.T) + self.intercept
        if self.coef.shape[0] == 1:
            p1 = 1.0 / (1.0 + np.exp(-s[:, 0]))
            return np.stack([1 - p1, p1], axis=1)
        s = s - s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            meta=np.array([self.ngram_max, self.max_chars]),
        )

    @classmethod
    def load(cls, path: Path) -> LinearText:
        with np.load(path, allow_pickle=False) as z:
            meta = z["meta"]
            return cls(z["idf"], z["coef"], z["intercept"], int(meta[0]), int(meta[1]))


def fit(
    texts: list[str], y: np.ndarray, *, c: float = 4.0, ngram_max: int = 2, max_chars: int = 6000, balanced: bool = True
) -> LinearText:
    """Fit idf on ``texts`` then a (class-balanced) logistic regression."""
    hv = _hasher(ngram_max)
    x = hv.transform([t[:max_chars] for t in texts])
    x.data = np.log1p(x.data)
    df = np.bincount(x.indices, minlength=N_FEATURES)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    model = LinearText(idf, np.zeros((1, N_FEATURES)), np.zeros(1), ngram_max, max_chars)
    xs = model.features(texts)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    lr.fit(xs, y)
    model.coef, model.intercept = lr.coef_, lr.intercept_
    return model
