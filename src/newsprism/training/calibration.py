"""Fitting the slant classifiers' temperature (Guo et al. 2017): grid search on the (weighted) NLL, and the
cross-fitted probabilities that judge the chosen temperature honestly. Applying it is inference:
:func:`newsprism.slant.calibration.apply_temperature`."""

from __future__ import annotations

import numpy as np

from newsprism.slant.calibration import apply_temperature, as_matrix

T_GRID = np.exp(np.linspace(np.log(0.25), np.log(8.0), 121))  # 0.25 .. 8, log-spaced


def _w(y: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    return np.ones(len(y)) if w is None else np.asarray(w, dtype=np.float64)


def nll(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """(Weighted) mean negative log-likelihood of integer labels ``y``."""
    m, w = as_matrix(p), _w(y, w)
    return float(-np.sum(w * np.log(np.clip(m[np.arange(len(y)), y], 1e-12, 1.0))) / w.sum())


def fit_temperature(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """The T on `T_GRID` with the lowest (weighted) NLL of ``y`` (grid search: one parameter)."""
    losses = [nll(apply_temperature(p, float(t)), y, w) for t in T_GRID]
    return float(T_GRID[int(np.argmin(losses))])


def cross_fitted(
    p: np.ndarray, y: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray | None = None
) -> np.ndarray:
    """Out-of-fold calibrated probabilities: T fitted on the other folds' rows of ``p`` (to judge T honestly)."""
    out = np.array(p, dtype=np.float64, copy=True)
    ww = _w(y, w)
    for a, b in folds:
        out[b] = apply_temperature(p[b], fit_temperature(p[a], y[a], ww[a]))
    return out


def choose_temperature(
    oof: np.ndarray, y: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray | None = None
) -> tuple[float, np.ndarray]:
    """(T, cross-fitted probabilities): T is fitted on all of ``oof`` but kept only if, cross-fitted over the inner
    ``folds``, it lowers the out-of-fold log-loss; else 1."""
    fitted = cross_fitted(oof, y, folds, w)
    use_t = nll(fitted, y, w) < nll(oof, y, w)
    return (fit_temperature(oof, y, w) if use_t else 1.0), fitted
