"""The plain AllSides baseline the shipped leaning classifier must beat: TF-IDF word 1-2-grams + logistic regression.

Fitted on the training part of the media split only; C is chosen on outlet-grouped inner CV of that part (the same
``StratifiedGroupKFold`` folds as ``newsprism train slant``), never on validation. scikit-learn does the work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

C_GRID = (0.25, 1.0, 4.0, 16.0)
INNER_FOLDS = 5


@dataclass(frozen=True)
class Baseline:
    c: float
    inner_macro_f1: dict[float, float]  # pooled out-of-fold macro-F1 per C
    vectorizer: TfidfVectorizer
    model: LogisticRegression

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.predict(self.vectorizer.transform(texts)))


def _vectorizer() -> TfidfVectorizer:
    # plain: raw text, lower-cased word 1-2-grams, sublinear tf; min_df 2 only drops one-off n-grams (memory)
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float32)


def _lr(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=1000, class_weight="balanced")


def fit_baseline(texts: Sequence[str], y: np.ndarray, groups: Sequence[str], seed: int = 13) -> Baseline:
    """Choose C on outlet-grouped inner CV (pooled OOF macro-F1; ties: smaller C), refit on all given rows."""
    folds = StratifiedGroupKFold(INNER_FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(y)), y, groups)
    oof = {c: np.zeros(len(y), dtype=int) for c in C_GRID}
    docs = list(texts)
    for tr, te in folds:
        vec = _vectorizer()
        xtr = vec.fit_transform([docs[i] for i in tr])
        xte = vec.transform([docs[i] for i in te])
        for c in C_GRID:
            oof[c][te] = _lr(c).fit(xtr, y[tr]).predict(xte)
    inner = {c: float(f1_score(y, oof[c], average="macro")) for c in C_GRID}
    best = max(C_GRID, key=lambda c: (inner[c], -c))
    vec = _vectorizer()
    model = _lr(best).fit(vec.fit_transform(docs), y)
    return Baseline(best, inner, vec, model)


CACHE_VERSION = 1  # bump when the baseline's features, grid or folds change


def validation_predictions(
    texts: Sequence[str], y: np.ndarray, groups: Sequence[str], val: np.ndarray, seed: int = 13
) -> tuple[float, dict[float, float], np.ndarray]:
    """(chosen C, inner macro-F1 per C, predictions for every validation row) with the baseline fitted on the rows
    outside ``val`` (a boolean mask). The fit is deterministic and takes minutes, so the result is cached under
    ``$NEWSPRISM_CACHE/slant`` keyed by a hash of the texts, labels, split and :data:`CACHE_VERSION`."""
    from newsprism.datasets.slant import cache_dir

    h = hashlib.sha256(f"{CACHE_VERSION}|{seed}|{C_GRID}".encode())
    for t, label, g, v in zip(texts, y.tolist(), groups, val.tolist(), strict=True):
        h.update(f"{label}|{g}|{int(v)}|{t}\0".encode())
    path = cache_dir() / f"baseline-{h.hexdigest()[:16]}.json"
    if path.exists():
        d = json.loads(path.read_text(encoding="utf-8"))
        return float(d["c"]), {float(k): float(v) for k, v in d["inner"].items()}, np.array(d["pred"], dtype=int)
    tr = np.flatnonzero(~val).tolist()
    b = fit_baseline([texts[i] for i in tr], y[np.asarray(tr, dtype=int)], [groups[i] for i in tr], seed)
    pred = b.predict([texts[i] for i in np.flatnonzero(val).tolist()])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"c": b.c, "inner": b.inner_macro_f1, "pred": pred.tolist()}), encoding="utf-8")
    tmp.replace(path)  # atomic: never a half-written cache file
    return b.c, b.inner_macro_f1, pred
