"""Claims training helpers: class/extra-row sample weights and the threshold chosen over inner repeats."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.training.claims import best_threshold, sample_weights


def test_sample_weights_balance_classes_and_down_weight_extra_rows() -> None:
    y = np.array([1, 0, 0, 0, 1, 0])
    dom = np.array([1.0, 1.0, 1.0, 1.0, 0.3, 0.3])
    sw = sample_weights(y, dom)
    assert sw[y == 1].sum() == pytest.approx(sw[y == 0].sum())
    assert sw[4] == pytest.approx(0.3 * sw[0])  # same class, extra row weighs 0.3 of an own row
    assert sw[5] == pytest.approx(0.3 * sw[1])


def test_best_threshold_maximises_the_mean_over_repeats() -> None:
    y = np.array([0, 0, 1, 1])
    t, score = best_threshold("f1", y, [np.array([0.1, 0.3, 0.7, 0.9])])
    assert score == 1.0 and 0.3 < t <= 0.7
    t2, _ = best_threshold("macro_f1", y, [np.array([0.1, 0.2, 0.25, 0.9])])
    assert 0.2 < t2 <= 0.25


@pytest.mark.parametrize(("metric", "average"), [("f1", "binary"), ("macro_f1", "macro")])
def test_best_threshold_agrees_with_sklearn_over_the_grid(metric: str, average: str) -> None:
    from sklearn.metrics import f1_score

    from newsprism.training.claims import THRESHOLDS

    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 200)
    probs = [np.clip(0.35 * y + rng.uniform(0, 0.65, 200), 0, 1) for _ in range(3)]
    # sklearn as the oracle: the mean F1 over the repeats at every grid threshold; the lowest best one wins
    means = [np.mean([f1_score(y, p >= t, average=average, zero_division=0) for p in probs]) for t in THRESHOLDS]
    t, score = best_threshold(metric, y, probs)
    assert score == pytest.approx(max(means), abs=1e-12)
    assert t == float(THRESHOLDS[int(np.argmax(means))])


def test_best_threshold_breaks_ties_towards_the_lowest() -> None:
    y = np.array([0, 0, 1, 1])
    # every threshold in (0.3, 0.7] separates the classes exactly: the lowest grid point above 0.3 is chosen
    assert best_threshold("f1", y, [np.array([0.1, 0.3, 0.7, 0.9])]) == (0.31, 1.0)
