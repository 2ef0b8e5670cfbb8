"""The claim-pair trainer (issue 21): threshold choice on out-of-fold probabilities, and a fit on synthetic rows."""

from __future__ import annotations

import numpy as np

from newsprism.compare.pairs import FEATURES, model_from_json
from newsprism.training.claim_pairs import fit, threshold_at_precision, threshold_best_f1


def test_threshold_at_precision_takes_the_most_recall_that_keeps_precision() -> None:
    p = np.array([0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.2, 0.1])
    y = np.array([1, 1, 1, 1, 1, 0, 1, 0, 1, 0])
    t, prec, rec = threshold_at_precision(p, y, 0.85)
    assert t == 0.65 and prec == 6 / 7 and rec == 6 / 7
    assert threshold_at_precision(p, np.zeros(10, dtype=int), 0.85) == (1.0, 0.0, 0.0)  # never reached
    assert 0.2 <= threshold_best_f1(p, y) <= 0.8


def test_fit_writes_a_loadable_model() -> None:
    rng = np.random.default_rng(0)
    n = 120
    labels = ["same"] * 30 + ["related"] * 50 + ["different"] * 40
    shift = np.array([2.0 if lab == "same" else 1.0 if lab == "related" else 0.0 for lab in labels])
    x = rng.normal(size=(n, len(FEATURES))) + shift[:, None] * np.eye(len(FEATURES))[0]
    data, metrics = fit(x, labels, 13)
    model = model_from_json(data)
    p_same, p_near = model.scores(x)
    assert metrics["n_same"] == 30 and metrics["n_near"] == 80
    assert p_same[:30].mean() > p_same[30:].mean() and p_near[:80].mean() > p_near[80:].mean()


def test_fit_with_folds_grouped_by_story() -> None:
    """Grouped CV (a story's pairs all in one fold) gives out-of-fold probabilities for every pair and finds a
    separating feature's threshold."""
    from newsprism.training.claim_pairs import oof_proba

    stories = [f"s{k}" for k in range(20) for _ in range(6)]
    y = np.array([k % 2 for k in range(20) for _ in range(6)])
    x = np.array([[float(k), float(v)] for k, v in zip(np.arange(20).repeat(6), y, strict=True)])
    grouped = oof_proba(x, y, 13, stories)
    assert grouped.shape == (120,) and np.all((grouped >= 0) & (grouped <= 1))
    assert grouped[y == 1].min() > grouped[y == 0].max()
    data, metrics = fit(x, ["same" if v else "different" for v in y], 13, stories)
    assert metrics["cv_same_recall"] == 1.0 and model_from_json(data).same.threshold <= 1.0
