"""The floor gate: a drop below a pinned floor fails, lowering a floor needs a flag and a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.bench import gate
from newsprism.bench.registry import BenchContext, Metric, evaluator, evaluators
from newsprism.bench.runner import apply_gate, run_bench
from newsprism.errors import BenchError


def _floors(tmp_path: Path, task: str, floors: dict[str, float]) -> Path:
    (tmp_path / f"{task}.json").write_text(json.dumps({"task": task, "floors": floors, "quick_floors": floors}))
    return tmp_path


def test_gate_fails_below_floor_and_passes_above(tmp_path: Path) -> None:
    d = _floors(tmp_path, "toy", {"f1": 0.8})
    with pytest.raises(BenchError, match=r"E051.*toy\.f1"):
        gate.enforce([Metric(task="toy", name="f1", value=0.5)], quick=False, directory=d)
    assert gate.enforce([Metric(task="toy", name="f1", value=0.81)], quick=False, directory=d) == []


def test_gate_reports_unmeasured_floor_and_hash_change(tmp_path: Path) -> None:
    spec = {"task": "toy", "data_hash": "aaa", "floors": {"f1": 0.1, "other": 0.1}}
    (tmp_path / "toy.json").write_text(json.dumps(spec))
    notes = gate.enforce([Metric(task="toy", name="f1", value=0.5, data_hash="bbb")], quick=False, directory=tmp_path)
    assert any("other" in n for n in notes) and any("data hash" in n for n in notes)


def test_update_floors_refuses_to_lower_without_flag_and_note(tmp_path: Path) -> None:
    d = _floors(tmp_path, "toy", {"f1": 0.8})
    low = [Metric(task="toy", name="f1", value=0.5)]
    with pytest.raises(BenchError, match="E053"):
        gate.update_floors(low, quick=False, directory=d)
    with pytest.raises(BenchError, match="E053"):
        gate.update_floors(low, quick=False, allow_lower=True, directory=d)
    gate.update_floors(low, quick=False, allow_lower=True, note="dataset changed", directory=d)
    assert json.loads((d / "toy.json").read_text())["floors"]["f1"] == 0.48
    assert "dataset changed" in (d / "CHANGELOG.md").read_text()
    gate.update_floors([Metric(task="toy", name="f1", value=0.9)], quick=False, directory=d)  # raising is fine
    assert json.loads((d / "toy.json").read_text())["floors"]["f1"] == 0.88


def test_runner_records_failing_evaluator_and_unknown_task(tmp_path: Path) -> None:
    @evaluator("_broken_for_test")
    def broken(ctx: BenchContext) -> list[Metric]:
        raise RuntimeError("boom")

    try:
        result = run_bench(["_broken_for_test"], data_dir=tmp_path)
        assert "E054" in result.errors["_broken_for_test"]
        with pytest.raises(BenchError, match="E052"):
            run_bench(["no-such-task"], data_dir=tmp_path)
    finally:
        from newsprism.bench import registry

        registry._EVALUATORS.pop("_broken_for_test", None)


def test_broken_stage_breaks_the_real_gate(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """Sabotage the real story-grouping stage: the stories evaluator drops under its pinned floor."""
    if "stories" not in evaluators():
        pytest.skip("stories evaluator not registered")
    from newsprism.compare import grouping

    monkeypatch.setattr(grouping, "group_features", lambda feats, **kw: list(range(len(feats))))
    result = run_bench(["stories"], data_dir=data_dir, quick=True)
    assert not result.errors, result.errors
    with pytest.raises(BenchError, match="E051"):
        apply_gate(result, quick=True)
