"""Training the stacked slant heads (issue 20, session 10): grouped inner folds, out-of-fold lexicons, the choice."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsprism.training import slant_stack as stacking
from newsprism.training.slant import inner_folds


def test_grouped_inner_folds_never_split_a_group() -> None:
    y = np.array([i % 2 for i in range(60)])
    groups = np.array([i // 3 for i in range(60)])  # 20 groups of 3 rows
    folds = inner_folds(y, 13, groups)
    assert len(folds) == 5
    for a, b in folds:
        assert not set(groups[a]) & set(groups[b])
    assert sorted(np.concatenate([b for _, b in folds]).tolist()) == list(range(60))


def test_lexicon_features_of_a_fold_come_from_the_other_folds(tmp_path: Path) -> None:
    texts = [f"sentence {i} with {'loaded' if i < 5 else 'plain'} words" for i in range(40)]
    marked = [["loaded"] if i < 5 else [] for i in range(40)]
    tr, vi = np.arange(30), np.arange(30, 40)
    folds = [(np.arange(5, 30), np.arange(5)), (np.arange(5), np.arange(5, 30))]
    extras = stacking.lexicon_extras(texts, marked, tr, vi, folds)
    assert len(extras) == len(stacking.LEX_GRID)
    ex = extras[0]
    assert (ex.oof[:5] == 0).all()  # "loaded" is marked only inside the held-out fold: no rate for it
    ex.save(tmp_path, True)
    assert '"loaded"' in (tmp_path / "babe_lexicon.json").read_text(encoding="utf-8")


def test_choose_scores_every_entry_and_returns_the_best() -> None:
    rng = np.random.default_rng(0)
    y = np.array([i % 2 for i in range(200)])
    p = np.clip(0.5 + 0.1 * (y - 0.5) + rng.normal(0, 0.2, 200), 0.01, 0.99)
    useful = (y + rng.normal(0, 0.3, 200))[:, None]
    noise = rng.normal(0, 1, (200, 1))
    extras = [stacking.Extra("noise", noise[:150], noise[150:], stacking.no_files),
              stacking.Extra("useful", useful[:150], useful[150:], stacking.no_files)]  # fmt: skip
    folds = inner_folds(y[:150], 13)
    report: dict[str, dict[str, dict[str, float]]] = {"grid": {}}

    def acc(t: np.ndarray, q: np.ndarray) -> float:
        return float(((q > 0.5) == t).mean())

    best = stacking.choose(p[:150], p[150:], extras, (y[:150], y[150:]), folds, acc, True, report)
    assert best is not None and best.extra.name == "useful"
    assert len(report["grid"]) == 2 * len(stacking.STACK_C)
    assert best.inner > acc(y[:150], p[:150])
