"""The claims evaluator in quick mode."""

from __future__ import annotations

from pathlib import Path


def test_quick_bench_reports_three_metrics(data_dir: Path) -> None:
    from newsprism.bench.registry import BenchContext, evaluators

    metrics = evaluators()["claims"].fn(BenchContext(data_dir, quick=True))
    assert {m.name for m in metrics} == {"claimbuster_f1", "clef2019_map", "subjectivity_macro_f1"}
    assert all(0.0 <= m.value <= 1.0 and m.n > 0 for m in metrics)
    assert next(m for m in metrics if m.name == "clef2019_map").reference == 0.166
