"""Temperature scaling at inference: labels kept, probabilities softened."""

from __future__ import annotations

import numpy as np

from newsprism.slant.calibration import apply_temperature


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


def test_temperature_keeps_labels_and_softens() -> None:
    p, _ = _sample(200)
    q = apply_temperature(p, 2.0)
    assert (q.argmax(1) == p.argmax(1)).all()
    assert (q.max(1) <= p.max(1) + 1e-12).all()
    assert np.allclose(q.sum(1), 1.0)
    assert np.allclose(apply_temperature(p, 1.0), p)


def test_binary_probabilities_use_the_logit() -> None:
    p = np.array([0.9, 0.2, 0.5])
    q = apply_temperature(p, 2.0)
    assert q.shape == (3,)
    logit = np.log(p / (1 - p)) / 2.0
    assert np.allclose(q, 1 / (1 + np.exp(-logit)))
