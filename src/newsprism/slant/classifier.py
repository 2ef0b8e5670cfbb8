"""Linear text classifiers (hashed word n-gram TF-IDF + logistic regression) stored as .npz (no pickle).

Feature hashing keeps the artifact free of a vocabulary: only idf, coefficients and intercepts are saved. With
``clean`` the text first goes through `newsprism.slant.features.neutral_text` (outlet names, datelines, bylines,
sign-up lines removed), so the model cannot key on whose page an article comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

N_FEATURES = 2**17


def _hasher(ngram_max: int, char: bool = False) -> HashingVectorizer:
    """Word 1..``ngram_max``-grams, or (``char``) character 2..``ngram_max``-grams inside word boundaries."""
    if char:
        return HashingVectorizer(
            n_features=N_FEATURES, analyzer="char_wb", ngram_range=(2, ngram_max), alternate_sign=False, norm=None
        )
    return HashingVectorizer(n_features=N_FEATURES, ngram_range=(1, ngram_max), alternate_sign=False, norm=None)


@dataclass
class LinearText:
    idf: np.ndarray
    coef: np.ndarray  # (classes or 1, N_FEATURES)
    intercept: np.ndarray
    ngram_max: int = 2
    max_chars: int = 6000
    clean: bool = False
    char: bool = False

    def counts(self, texts: list[str]) -> sparse.csr_matrix:
        return counts(texts, self.ngram_max, self.max_chars, self.clean, self.char)

    def features(self, texts: list[str]) -> sparse.csr_matrix:
        return self.features_from_counts(self.counts(texts))

    def features_from_counts(self, x: sparse.csr_matrix) -> sparse.csr_matrix:
        return normalize(x.multiply(self.idf.reshape(1, -1)).tocsr())

    def decision(self, x: sparse.csr_matrix) -> np.ndarray:
        """Linear scores of rows of ``x`` (from `counts`)."""
        return np.asarray(self.features_from_counts(x) @ self.coef.T) + self.intercept

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.proba_from_counts(self.counts(texts))

    def proba_from_counts(self, x: sparse.csr_matrix) -> np.ndarray:
        s = self.decision(x)
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
            meta=np.array([self.ngram_max, self.max_chars, int(self.clean), int(self.char)]),
        )

    @classmethod
    def load(cls, path: Path) -> LinearText:
        with np.load(path, allow_pickle=False) as z:
            meta = z["meta"]
            clean = bool(meta[2]) if len(meta) > 2 else False
            char = bool(meta[3]) if len(meta) > 3 else False
            return cls(z["idf"], z["coef"], z["intercept"], int(meta[0]), int(meta[1]), clean, char)


def counts(
    texts: list[str], ngram_max: int = 2, max_chars: int = 6000, clean: bool = False, char: bool = False
) -> sparse.csr_matrix:
    """log(1 + hashed n-gram counts) of the first ``max_chars`` characters of each (optionally neutralised) text."""
    if clean:
        from newsprism.slant.features import neutral_text

        texts = [neutral_text(t) for t in texts]
    x = _hasher(ngram_max, char).transform([t[:max_chars] for t in texts])
    x.data = np.log1p(x.data)
    return x.tocsr()
