"""Temperature scaling (Guo et al. 2017) and expected calibration error for the slant classifiers.

One parameter T divides the log-probabilities before re-normalising: the arg-max (the label) never changes, only
how sure the model says it is. Binary models use the same formula on [log(1 - p), log p], i.e. sigmoid(logit(p) / T).
"""

from __future__ import annotations

import numpy as np

T_GRID = np.exp(np.linspace(np.log(0.25), np.log(8.0), 121))  # 0.25 .. 8, log-spaced


def _as_matrix(p: np.ndarray) -> np.ndarray:
    p = np.asarray(p, dtype=np.float64)
    return np.stack([1.0 - p, p], axis=1) if p.ndim == 1 else p


def apply_temperature(p: np.ndarray, t: float) -> np.ndarray:
    """Probabilities ``p`` (n x k, or n of P(class 1)) re-scaled by temperature ``t``; same shape as ``p``."""
    m = _as_matrix(p)
    s = np.log(np.clip(m, 1e-12, 1.0)) / t
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    out = e / e.sum(axis=1, keepdims=True)
    return out[:, 1] if np.asarray(p).ndim == 1 else out


def _w(y: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    return np.ones(len(y)) if w is None else np.asarray(w, dtype=np.float64)


def nll(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """(Weighted) mean negative log-likelihood of integer labels ``y``."""
    m, w = _as_matrix(p), _w(y, w)
    return float(-np.sum(w * np.log(np.clip(m[np.arange(len(y)), y], 1e-12, 1.0))) / w.sum())


def fit_temperature(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """The T on `T_GRID` with the lowest (weighted) NLL of ``y`` (grid search: one parameter)."""
    losses = [nll(apply_temperature(p, float(t)), y, w) for t in T_GRID]
    return float(T_GRID[int(np.argmin(losses))])


def ece(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, bins: int = 10) -> float:
    """Top-label expected calibration error: |accuracy - confidence| over equal-width confidence bins,
    each bin weighted by its (sample-weighted) share of rows."""
    m, w = _as_matrix(p), _w(y, w)
    conf, pred = m.max(axis=1), m.argmax(axis=1)
    right = (pred == y).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            ws = w[sel]
            total += abs(np.sum(ws * right[sel]) - np.sum(ws * conf[sel]))
    return float(total / w.sum())


def cross_fitted(
    p: np.ndarray, y: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray | None = None
) -> np.ndarray:
    """Out-of-fold calibrated probabilities: T fitted on the other folds' rows of ``p`` (to judge T honestly)."""
    out = np.array(p, dtype=np.float64, copy=True)
    ww = _w(y, w)
    for a, b in folds:
        out[b] = apply_temperature(p[b], fit_temperature(p[a], y[a], ww[a]))
    return out
