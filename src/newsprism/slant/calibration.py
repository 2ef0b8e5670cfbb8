"""Temperature scaling (Guo et al. 2017) of the slant classifiers' probabilities.

One parameter T divides the log-probabilities before re-normalising: the arg-max (the label) never changes, only
how sure the model says it is. Binary models use the same formula on [log(1 - p), log p], i.e. sigmoid(logit(p) / T).
T is chosen by ``newsprism train slant`` (:mod:`newsprism.training.calibration`).
"""

from __future__ import annotations

import numpy as np


def as_matrix(p: np.ndarray) -> np.ndarray:
    """``p`` as an n x k matrix: n x k stays, a vector of P(class 1) becomes [1 - p, p]."""
    p = np.asarray(p, dtype=np.float64)
    return np.stack([1.0 - p, p], axis=1) if p.ndim == 1 else p


def apply_temperature(p: np.ndarray, t: float) -> np.ndarray:
    """Probabilities ``p`` (n x k, or n of P(class 1)) re-scaled by temperature ``t``; same shape as ``p``."""
    m = as_matrix(p)
    s = np.log(np.clip(m, 1e-12, 1.0)) / t
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    out = e / e.sum(axis=1, keepdims=True)
    return out[:, 1] if np.asarray(p).ndim == 1 else out
