"""Seeded splits, metrics, the safe model format and the quick evaluator."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.claims import data as D
from newsprism.claims.metrics import average_precision, macro_f1, mean_average_precision
from newsprism.claims.model import MODEL_DIR, ClaimsModel, shipped


def test_clef_split_is_by_debate_and_seeded(data_dir: Path) -> None:
    rows = D.read_clef2019(D.checkworthiness_dir(data_dir) / D.CLEF2019)
    train, val = D.split_clef(rows, 13)
    assert {r.group for r in train}.isdisjoint({r.group for r in val})
    assert len(train) + len(val) == len(rows)
    assert D.validation_debates(rows, 13) == D.validation_debates(rows, 13)
    assert D.validation_debates(rows, 13) != D.validation_debates(rows, 14)


def test_claimbuster_split_disjoint_20_percent(data_dir: Path) -> None:
    rows = D.read_claimbuster(D.checkworthiness_dir(data_dir) / D.CLAIMBUSTER)
    train, val = D.split_claimbuster(rows, 13)
    assert len(val) == round(0.2 * len(rows))
    assert {id(r) for r in train}.isdisjoint({id(r) for r in val})


def test_metrics() -> None:
    assert average_precision([0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7]) == pytest.approx((1 / 2 + 2 / 3) / 2)
    assert mean_average_precision(["a", "a", "b", "b"], [1, 0, 0, 1], [0.9, 0.1, 0.9, 0.1]) == pytest.approx(0.75)
    assert macro_f1(np.array([0, 1, 1, 0]), np.array([0, 1, 1, 0])) == 1.0


def test_shipped_model_roundtrip_without_pickle(tmp_path: Path) -> None:
    model = shipped()
    for f in MODEL_DIR.glob("*.npy"):
        np.load(f, allow_pickle=False)  # raises if an object array slipped in
    model.save(tmp_path)
    again = ClaimsModel.load(tmp_path)
    texts = ["Unemployment fell to 3.5 percent in May.", "I think this is a terrible idea."]
    emb = np.random.default_rng(0).normal(size=(2, 384)).astype(np.float32)
    for task in ("checkworthiness", "subjectivity"):
        a, b = model.heads[task].predict(texts, emb), again.heads[task].predict(texts, emb)
        assert np.allclose(a, b) and ((a >= 0) & (a <= 1)).all()


def test_quick_bench_reports_three_metrics(data_dir: Path) -> None:
    from newsprism.bench.registry import BenchContext, evaluators

    metrics = evaluators()["claims"].fn(BenchContext(data_dir, quick=True))
    assert {m.name for m in metrics} == {"claimbuster_f1", "clef2019_map", "subjectivity_macro_f1"}
    assert all(0.0 <= m.value <= 1.0 and m.n > 0 for m in metrics)
    assert next(m for m in metrics if m.name == "clef2019_map").reference == 0.166
