"""The span calibrator's trainer on synthetic detections: JSON export, cross-fitting, nested CV, the cut."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsprism.techniques.shown import FEATURES
from newsprism.training import techniques_calibrator as tc


def _data(n: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, len(FEATURES)))
    x[:, :3] = 0.0
    x[np.arange(n), rng.integers(0, 3, n)] = 1.0  # one source each
    y = (x[:, 3] + 0.5 * rng.normal(size=n) > 0.3).astype(int)
    return x, y, np.arange(n) % 5


@pytest.mark.parametrize("kind", ["gb", "lr"])
def test_exported_weights_reproduce_sklearn(kind: str) -> None:
    from sklearn.ensemble import GradientBoostingClassifier

    x, y, _ = _data()
    model = tc.fit(x, y, kind)
    json.dumps(model)  # JSON only, no pickle
    p = tc.predict(model, x)
    assert ((p >= 0.5) == y).mean() > 0.75
    if kind == "gb":
        ref = GradientBoostingClassifier(**tc.TREES).fit(x, y).predict_proba(x)[:, 1]
        assert np.allclose(p, ref, atol=1e-4)


def test_cross_fitted_and_nested() -> None:
    x, y, folds = _data()
    s = tc.cross_fitted(x, y, folds, "lr")
    assert s.shape == y.shape and ((s >= 0.5) == y).mean() > 0.75
    low, high = tc.nested(x, y, folds, "lr", (0.6, 0.9))
    assert len(high["folds"]) == 5 and high["shown"] == sum(f["shown"] for f in high["folds"])
    assert high["precision"] > 0.8 and high["shown"] < low["shown"]


def test_calibrate_writes_the_cut(tmp_path: Path) -> None:
    x, y, folds = _data()
    model = tc.calibrate(x, y, folds, "lr")
    choice = model["shown_choice"]
    assert choice["threshold"] == model["shown_threshold"] and choice["precision"] >= tc.TARGET
    (tmp_path / "meta.json").write_text(json.dumps({"seed": 13}), encoding="utf-8")
    tc.write(model, tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert meta["seed"] == 13 and meta["shown_threshold"] == model["shown_threshold"]
    from newsprism.techniques.shown import read_calibrator

    cal = read_calibrator(tmp_path / "shown_calibrator.json")
    assert cal is not None and cal.cut == model["shown_threshold"]


def test_choose_takes_the_lowest_target_every_fold_meets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tc, "KINDS", ("lr",))
    x, y, folds = _data()
    kind, target, runs = tc.choose(x, y, folds, log=lambda _: None)
    assert kind == "lr" and target in tc.TARGETS
    first_ok = next(r for r in runs if r["worst_fold"] >= tc.FOLD_FLOOR)
    assert target == first_ok["target"]
    assert all(r["worst_fold"] < tc.FOLD_FLOOR for r in runs if r["target"] < target)
