"""The TF-IDF + LR baseline of `bench slant`: C chosen on outlet-grouped inner CV, validation rows never fitted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.slant import baseline


def _rows(n_outlets: int = 10, per: int = 12) -> tuple[list[str], np.ndarray, list[str]]:
    rng = np.random.default_rng(0)
    words = {0: "tax fairness workers climate", 1: "report data officials said", 2: "freedom border liberty faith"}
    texts, y, groups = [], [], []
    for o in range(n_outlets):
        label = o % 3
        for _ in range(per):
            noise = " ".join(rng.choice(["the", "a", "news", "today", "city", "plan"], 8))
            texts.append(f"{words[label]} {noise} outlet{o}")
            y.append(label)
            groups.append(f"o{o}")
    return texts, np.array(y), groups


def test_c_is_chosen_on_inner_cv_and_predicts_unseen_outlets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    texts, y, groups = _rows()
    val = np.array([g in {"o0", "o1", "o2"} for g in groups])
    c, inner, pred = baseline.validation_predictions(texts, y, groups, val)
    assert set(inner) == set(baseline.C_GRID) and inner[c] == max(inner.values())
    assert len(pred) == int(val.sum()) and (pred == y[val]).mean() > 0.9  # topic words carry the class here
    assert list((tmp_path / "slant").glob("baseline-*.json"))  # cached ...
    # ... and the cache is keyed by the split: changing which outlets are held out refits
    val2 = np.array([g in {"o3", "o4", "o5"} for g in groups])
    _, _, pred2 = baseline.validation_predictions(texts, y, groups, val2)
    assert len(list((tmp_path / "slant").glob("baseline-*.json"))) == 2 and len(pred2) == int(val2.sum())
