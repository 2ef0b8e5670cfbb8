"""The runner: per-task time budget measured, or enforced with hard_budget (forked child killed); progress callbacks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


def test_hard_budget_stops_a_stuck_task_and_keeps_the_others(tmp_path: Path) -> None:
    from newsprism.errors import BenchError

    @evaluator("_stuck_for_test")
    def stuck(ctx: BenchContext) -> list[Metric]:
        time.sleep(60)
        return [Metric("_stuck_for_test", "m", 1.0)]

    @evaluator("_fast_for_test")
    def fast(ctx: BenchContext) -> list[Metric]:
        return [Metric("_fast_for_test", "m", 2.0, n=int(str(ctx.extra["n"])))]

    @evaluator("_broken_for_test")
    def broken(ctx: BenchContext) -> list[Metric]:
        raise BenchError("E050", task="_broken_for_test", path="nowhere")

    names = ["_stuck_for_test", "_fast_for_test", "_broken_for_test"]
    t0 = time.monotonic()
    try:
        result = run_bench(names, data_dir=tmp_path, budget=1.0, hard_budget=True, extra={"n": 3})
    finally:
        for name in names:
            registry._EVALUATORS.pop(name, None)
    assert time.monotonic() - t0 < 30  # the stuck task was stopped at its budget, not awaited
    assert "E057" in result.errors["_stuck_for_test"] and result.timed_out == ["_stuck_for_test"]
    assert [(m.task, m.value, m.n) for m in result.metrics] == [("_fast_for_test", 2.0, 3)]  # came back from the child
    assert result.exceptions["_broken_for_test"].code == "E050"  # the child's error keeps its code


def test_hash_files_does_not_depend_on_where_the_data_sits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data beside the checkout under any name hashes the same: checkout files first, then the rest."""
    from newsprism.bench import registry

    checkout = tmp_path / "m"
    inside = checkout / "docs" / "sample.tsv"
    inside.parent.mkdir(parents=True)
    inside.write_text("row\n", encoding="utf-8")
    monkeypatch.setattr(registry, "_REPO", checkout, raising=False)
    hashes = set()
    for where in ("a_data", "zz_data"):  # sorts before and after the checkout's path
        data = tmp_path / where / "x.jsonl"
        data.parent.mkdir()
        data.write_text("{}\n", encoding="utf-8")
        hashes.add(registry.hash_files([data, inside]))
    assert len(hashes) == 1
