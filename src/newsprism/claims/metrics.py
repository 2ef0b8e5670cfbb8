"""Metrics for the claim tasks: positive-class F1, macro-F1, mean average precision over debates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def f1_at(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    pred = p >= threshold
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_f1_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """Threshold (among 0.05..0.95 in steps of 0.01) with the best positive-class F1 on validation."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    scores = [f1_at(y, p, float(t)) for t in grid]
    return float(grid[int(np.argmax(scores))])


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    pred = np.asarray(pred).astype(int)
    f1s = [f1_at((y == c).astype(int), (pred == c).astype(float), 0.5) for c in (0, 1)]
    return float(np.mean(f1s))


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """AP of one ranked list (as in the CheckThat! scorer: mean precision at each relevant rank)."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    ys = np.asarray(labels)[order]
    if ys.sum() == 0:
        return 0.0
    hits = np.cumsum(ys)
    ranks = np.arange(1, len(ys) + 1)
    return float(np.sum((hits / ranks) * ys) / ys.sum())


def mean_average_precision(groups: Sequence[str], labels: Sequence[int], scores: Sequence[float]) -> float:
    """MAP over groups (debates): the mean of each debate's average precision."""
    by: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for g, y, s in zip(groups, labels, scores, strict=True):
        by[g][0].append(int(y))
        by[g][1].append(float(s))
    aps = [average_precision(ys, ss) for ys, ss in by.values()]
    return float(np.mean(aps)) if aps else 0.0
