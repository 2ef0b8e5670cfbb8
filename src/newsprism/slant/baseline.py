"""The AllSides article-leaning classifier: TF-IDF word 1-2-grams + logistic regression (issue 20: the outlet-style
char model did not beat this plain baseline on unseen outlets, so the baseline ships).

Fitted on the training part of the media split; C is chosen on outlet-grouped inner CV of that part (the same
``StratifiedGroupKFold`` folds as ``newsprism train slant``), never on validation. ``newsprism bench slant`` refits it
(:func:`validation_predictions`) to print the baseline row beside the stored model, which ``newsprism train slant``
fits with this same code: on the validation rows the two rows match by construction. Stored without pickle as a
vocabulary JSON and idf / coefficient / intercept ``.npy`` files (:class:`WordLR`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import normalize

C_GRID = (0.25, 1.0, 4.0, 16.0)
INNER_FOLDS = 5
MIN_DF = 10  # n-grams in fewer training articles are dropped: the stored model stays < 3 MB (docs/models/slant.md)
NGRAMS = (1, 2)


@dataclass
class WordLR:
    """Word 1-2-gram TF-IDF (sublinear tf, smooth idf, l2) + multinomial LR, in arrays: scikit-learn's
    ``TfidfVectorizer`` + ``LogisticRegression`` without pickle."""

    terms: list[str]
    idf: np.ndarray  # (terms,)
    coef: np.ndarray  # (classes, terms)
    intercept: np.ndarray  # (classes,)
    _vec: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_sklearn(cls, vec: TfidfVectorizer, lr: LogisticRegression) -> WordLR:
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        return cls(terms, np.asarray(vec.idf_, np.float32), lr.coef_.astype(np.float32), lr.intercept_)

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if self._vec is None:
            self._vec = CountVectorizer(vocabulary=self.terms, ngram_range=NGRAMS, dtype=np.float64)
        x = self._vec.transform(list(texts)).tocsr()
        x.data = np.log(x.data) + 1.0  # sublinear tf, as TfidfVectorizer(sublinear_tf=True)
        return normalize(x.multiply(self.idf.astype(np.float64).reshape(1, -1)).tocsr())

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.features(texts) @ self.coef.T.astype(np.float64)) + self.intercept

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        s = self.decision(texts)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.decision(texts).argmax(1))

    def save(self, where: Path, stem: str) -> None:
        """``stem``_vocab.json (terms in column order), ``stem``_idf.npy, ``stem``_coef.npy, ``stem``_intercept.npy."""
        (where / f"{stem}_vocab.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
        np.save(where / f"{stem}_idf.npy", self.idf.astype(np.float32), allow_pickle=False)
        np.save(where / f"{stem}_coef.npy", self.coef.astype(np.float32), allow_pickle=False)
        np.save(where / f"{stem}_intercept.npy", self.intercept.astype(np.float64), allow_pickle=False)

    @classmethod
    def load(cls, where: Path, stem: str) -> WordLR:
        terms = json.loads((where / f"{stem}_vocab.json").read_text(encoding="utf-8"))
        idf = np.load(where / f"{stem}_idf.npy", allow_pickle=False)
        coef = np.load(where / f"{stem}_coef.npy", allow_pickle=False)
        intercept = np.load(where / f"{stem}_intercept.npy", allow_pickle=False)
        if idf.shape != (len(terms),) or coef.shape != (len(intercept), len(terms)):
            raise ValueError(f"{stem}: vocabulary {len(terms)}, idf {idf.shape}, coef {coef.shape} disagree")
        return cls(list(terms), idf, coef, intercept)


def model_files(stem: str = "allsides") -> tuple[str, ...]:
    """The file names :meth:`WordLR.load` reads."""
    return tuple(f"{stem}_{part}" for part in ("vocab.json", "idf.npy", "coef.npy", "intercept.npy"))


@dataclass(frozen=True)
class InnerCV:
    """Outlet-grouped inner CV of the training part: pooled out-of-fold macro-F1 per C, the chosen C, its
    out-of-fold probabilities, the folds and the chosen C's fold models (for calibration and thresholds)."""

    inner_macro_f1: dict[float, float]
    c: float
    oof: np.ndarray
    folds: list[tuple[np.ndarray, np.ndarray]]
    fold_models: list[WordLR]


def vectorizer(min_df: int = MIN_DF) -> TfidfVectorizer:
    """Plain: raw text, lower-cased word 1-2-grams, sublinear tf."""
    return TfidfVectorizer(ngram_range=NGRAMS, sublinear_tf=True, min_df=min_df, dtype=np.float32)


def _lr(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=1000, class_weight="balanced")


def inner_cv(texts: Sequence[str], y: np.ndarray, groups: Sequence[str], seed: int = 13) -> InnerCV:
    """Every C of :data:`C_GRID` on outlet-grouped ``INNER_FOLDS``-fold CV; best pooled OOF macro-F1 (ties:
    smaller C)."""
    sgk = StratifiedGroupKFold(INNER_FOLDS, shuffle=True, random_state=seed)
    folds = list(sgk.split(np.zeros(len(y)), y, list(groups)))
    k = len(np.unique(y))
    oof = {c: np.zeros((len(y), k)) for c in C_GRID}
    fold_models: dict[float, list[WordLR]] = {c: [] for c in C_GRID}
    docs = list(texts)
    for tr, te in folds:
        vec = vectorizer()
        xtr = vec.fit_transform([docs[i] for i in tr])
        xte = vec.transform([docs[i] for i in te])
        for c in C_GRID:
            lr = _lr(c).fit(xtr, y[tr])
            oof[c][te] = lr.predict_proba(xte)
            fold_models[c].append(WordLR.from_sklearn(vec, lr))
    inner = {c: float(f1_score(y, oof[c].argmax(1), average="macro")) for c in C_GRID}
    best = max(C_GRID, key=lambda c: (inner[c], -c))
    return InnerCV(inner, best, oof[best], folds, fold_models[best])


def fit(texts: Sequence[str], y: np.ndarray, c: float) -> WordLR:
    """The model with C ``c`` fitted on every given row."""
    vec = vectorizer()
    return WordLR.from_sklearn(vec, _lr(c).fit(vec.fit_transform(list(texts)), y))


CACHE_VERSION = 2  # bump when the baseline's features, grid or folds change


def validation_predictions(
    texts: Sequence[str], y: np.ndarray, groups: Sequence[str], val: np.ndarray, seed: int = 13
) -> tuple[float, dict[float, float], np.ndarray]:
    """(chosen C, inner macro-F1 per C, predictions for every validation row) with the baseline fitted on the rows
    outside ``val`` (a boolean mask). The fit is deterministic and takes minutes, so the result is cached under
    ``$NEWSPRISM_CACHE/slant`` keyed by a hash of the texts, labels, split and :data:`CACHE_VERSION`."""
    from newsprism.datasets.slant import cache_dir

    h = hashlib.sha256(f"{CACHE_VERSION}|{seed}|{C_GRID}|{MIN_DF}".encode())
    for t, label, g, v in zip(texts, y.tolist(), groups, val.tolist(), strict=True):
        h.update(f"{label}|{g}|{int(v)}|{t}\0".encode())
    path = cache_dir() / f"baseline-{h.hexdigest()[:16]}.json"
    if path.exists():
        d = json.loads(path.read_text(encoding="utf-8"))
        return float(d["c"]), {float(k): float(v) for k, v in d["inner"].items()}, np.array(d["pred"], dtype=int)
    tr = np.flatnonzero(~val).tolist()
    ytr = y[np.asarray(tr, dtype=int)]
    cv = inner_cv([texts[i] for i in tr], ytr, [groups[i] for i in tr], seed)
    pred = fit([texts[i] for i in tr], ytr, cv.c).predict([texts[i] for i in np.flatnonzero(val).tolist()])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"c": cv.c, "inner": cv.inner_macro_f1, "pred": pred.tolist()}), encoding="utf-8")
    tmp.replace(path)  # atomic: never a half-written cache file
    return cv.c, cv.inner_macro_f1, pred
