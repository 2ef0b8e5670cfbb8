"""Fitting the temperature: recovers a known over-confidence and lowers NLL and ECE."""

from __future__ import annotations

import numpy as np

from newsprism.metrics import ece
from newsprism.slant.calibration import apply_temperature
from newsprism.training.calibration import fit_temperature, nll


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def _sample(n: int = 4000, overconfidence: float = 3.0) -> tuple[np.ndarray, np.ndarray]:
    """Labels drawn from softmax(z), reported probabilities softmax(overconfidence * z)."""
    rng = np.random.default_rng(0)
    z = rng.normal(0, 1.0, size=(n, 3))
    true = _softmax(z)
    y = np.array([rng.choice(3, p=p) for p in true])
    return _softmax(overconfidence * z), y


def test_fit_temperature_recovers_overconfidence_and_lowers_ece() -> None:
    p, y = _sample()
    t = fit_temperature(p, y)
    assert 2.4 < t < 3.7
    q = apply_temperature(p, t)
    assert nll(q, y) < nll(p, y)
    assert ece(q, y) < 0.04 < ece(p, y)
