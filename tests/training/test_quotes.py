"""The quotation confidence trainer: span labels, Platt-calibrated fit, measurements."""

from __future__ import annotations

import random

from newsprism.quotes.confidence import FEATURES, probability
from newsprism.training.quotes import _same_span, fit, measure


def test_right_span_needs_half_of_each() -> None:
    assert _same_span((10, 30), (12, 32))
    assert not _same_span((10, 100), (12, 32))  # prediction more than twice the gold
    assert not _same_span((10, 14), (10, 40))


def _data(n: int, seed: int) -> tuple[list[list[float]], list[int]]:
    """Synthetic: direct quotations are mostly right, trailing readings mostly wrong."""
    r = random.Random(seed)
    i_direct, i_trailing = FEATURES.index("rule=direct"), FEATURES.index("rule=trailing")
    xs, ys = [], []
    for _ in range(n):
        x = [0.0] * len(FEATURES)
        good = r.random() < 0.5
        x[i_direct if good else i_trailing] = 1.0
        xs.append(x)
        ys.append(int(r.random() < (0.9 if good else 0.2)))
    return xs, ys


def test_fit_orders_and_calibrates() -> None:
    model = fit(_data(400, 1), _data(400, 2))
    x_direct, x_trailing = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    x_direct[FEATURES.index("rule=direct")] = 1.0
    x_trailing[FEATURES.index("rule=trailing")] = 1.0
    assert abs(probability(model, x_direct) - 0.9) < 0.08
    assert abs(probability(model, x_trailing) - 0.2) < 0.08
    scores = measure(model, _data(400, 3))
    assert scores["ece"] < 0.08 and scores["precision_shown"] > scores["base_precision"]
