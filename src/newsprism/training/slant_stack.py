"""Training the stacked heads of the binary slant models (:mod:`newsprism.slant.stack`; issue 20, session 10).

On the (grouped) inner folds of the training part: for each candidate feature set (BABE: biased-word lexicons over
a small grid of smoothing ``k`` and ``min_seen``; hyperpartisan: the pooled sentence-bias probabilities) and each
C of `STACK_C`, a logistic regression over [logit(P of the chosen average), features] is cross-validated on the
average's out-of-fold probabilities (features built out of fold too). The best candidate ships only when its
inner score beats the average alone; the validation part is scored for every entry, never used to choose.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from newsprism.slant.stack import LEX_THRESHOLD, Stacker, lexicon_features, lexicon_rates, logit

STACK_C = (0.03, 0.1, 0.3, 1.0)
LEX_GRID = tuple((k, m) for k in (1.0, 2.0, 5.0) for m in (1, 2, 3))  # (smoothing k, min_seen)
Folds = list[tuple[np.ndarray, np.ndarray]]


@dataclass
class Extra:
    """One candidate feature set: training-part rows built out of fold, validation rows built on the training
    part, and ``save(where, all_rows)`` writing what inference needs (nothing for pooled sentence bias)."""

    name: str
    oof: np.ndarray
    val: np.ndarray
    save: Callable[[Path, bool], None]


@dataclass
class StackChoice:
    extra: Extra
    c: float
    stacker: Stacker
    oof: np.ndarray  # cross-validated stacked P(1) of the training part
    inner: float


def fit_stacker(p_mix: np.ndarray, extra: np.ndarray, y: np.ndarray, c: float, balanced: bool) -> Stacker:
    """Standardise [logit(p_mix), extra], then a logistic regression (class-balanced when ``balanced``)."""
    x = np.column_stack([logit(p_mix), extra])
    sc = StandardScaler().fit(x)
    scale = np.where(sc.scale_ > 0, sc.scale_, 1.0)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    lr.fit((x - sc.mean_) / scale, y)
    return Stacker(np.asarray(sc.mean_), np.asarray(scale), lr.coef_[0].astype(np.float64), float(lr.intercept_[0]))


def stacker_oof(
    p_mix: np.ndarray, extra: np.ndarray, y: np.ndarray, folds: Folds, c: float, balanced: bool
) -> np.ndarray:
    out = np.zeros(len(y))
    for a, b in folds:
        out[b] = fit_stacker(p_mix[a], extra[a], y[a], c, balanced).proba(p_mix[b], extra[b])
    return out


def choose(
    p_oof: np.ndarray,
    p_val: np.ndarray,
    extras: Sequence[Extra],
    ys: tuple[np.ndarray, np.ndarray],
    folds: Folds,
    metric: Callable[[np.ndarray, np.ndarray], float],
    balanced: bool,
    report: dict[str, Any],
) -> StackChoice | None:
    """The candidate x C with the best inner score (ties: smaller C first in `STACK_C` order); every entry's inner
    and validation score goes to ``report["grid"]``. None when there is no candidate."""
    ytr, yva = ys
    best: StackChoice | None = None
    for ex in extras:
        for c in STACK_C:
            oof = stacker_oof(p_oof, ex.oof, ytr, folds, c, balanced)
            st = fit_stacker(p_oof, ex.oof, ytr, c, balanced)
            inner = metric(ytr, oof)
            report["grid"][f"stacked {ex.name} C={c:g}"] = {"inner": inner, "val": metric(yva, st.proba(p_val, ex.val))}
            if best is None or inner > best.inner:
                best = StackChoice(ex, c, st, oof, inner)
    return best


def lexicon_extras(
    texts: list[str], marked: list[list[str]], tr: np.ndarray, vi: np.ndarray, folds: Folds
) -> list[Extra]:
    """BABE biased-word lexicon candidates over `LEX_GRID`: out-of-fold features for the training part (the lexicon
    of the other folds), validation features from the training-part lexicon; ``save`` writes ``babe_lexicon.json``
    built on the training part or (``all_rows``) on every labelled row."""
    out = []
    ttr, mtr = [texts[i] for i in tr], [marked[i] for i in tr]
    for k, m in LEX_GRID:
        oof = np.zeros((len(tr), 2))
        for a, b in folds:
            rates = lexicon_rates([ttr[i] for i in a], [mtr[i] for i in a], k, m)
            oof[b] = lexicon_features([ttr[i] for i in b], rates)
        val = lexicon_features([texts[i] for i in vi], lexicon_rates(ttr, mtr, k, m))

        def save(where: Path, all_rows: bool, k: float = k, m: int = m) -> None:
            rates = lexicon_rates(texts, marked, k, m) if all_rows else lexicon_rates(ttr, mtr, k, m)
            d = {"k": k, "min_seen": m, "threshold": LEX_THRESHOLD, "rows": "all" if all_rows else "training part"}
            (where / "babe_lexicon.json").write_text(
                json.dumps({**d, "rates": rates}, sort_keys=True), encoding="utf-8"
            )

        out.append(Extra(f"biased-word lexicon k={k:g} min_seen={m}", oof, val, save))
    return out


def no_files(where: Path, all_rows: bool) -> None:
    """Pooled sentence bias needs no file: inference reads the sentences' own BABE probabilities."""
