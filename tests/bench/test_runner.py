"""The runner: per-task time budget is measured (evaluators are never killed), progress callbacks fire."""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.bench import registry
from newsprism.bench.registry import BenchContext, Metric, evaluator
from newsprism.bench.runner import run_bench


def test_budget_marks_slow_task_and_passes_budget_to_evaluator(tmp_path: Path) -> None:
    seen: list[float | None] = []

    @evaluator("_slow_for_test")
    def slow(ctx: BenchContext) -> list[Metric]:
        seen.append(ctx.time_budget)
        time.sleep(0.05)
        return [Metric("_slow_for_test", "m", 1.0)]

    started: list[str] = []
    done: list[str] = []
    try:
        result = run_bench(
            ["_slow_for_test"], data_dir=tmp_path, budget=0.001, on_task=started.append, on_done=done.append
        )
    finally:
        registry._EVALUATORS.pop("_slow_for_test", None)
    assert seen == [0.001] and started == done == ["_slow_for_test"]
    assert result.timed_out == ["_slow_for_test"] and result.metrics[0].value == 1.0
    assert "timed_out" in result.to_dict()
