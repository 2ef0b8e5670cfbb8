"""The floor gate: each rule bites (floor, ceiling, exact, chance, missing file, changed data, lowering)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.bench import gate
from newsprism.bench.registry import BenchContext, Metric, evaluator, evaluators
from newsprism.bench.runner import apply_gate, run_bench
from newsprism.errors import BenchError

F1: dict[str, Any] = {"direction": "higher", "chance": 0.5, "chance_note": "two classes", "noise_note": "fixed"}


def _spec(tmp_path: Path, task: str, metrics: dict[str, dict[str, Any]]) -> Path:
    (tmp_path / f"{task}.json").write_text(json.dumps({"task": task, "format": 2, "metrics": metrics}))
    return tmp_path


def _pinned(bound: dict[str, Any], data_hash: str = "h1", **entry: Any) -> dict[str, Any]:
    pin = {"measured": 0.9, "noise": 0.0, "data_hash": data_hash, **bound}
    return {**F1, **entry, "full": pin, "quick": pin}


def _m(name: str, value: float, task: str = "toy", data_hash: str = "h1") -> Metric:
    return Metric(task=task, name=name, value=value, data_hash=data_hash)


def test_gate_fails_below_floor_and_passes_above(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"f1": _pinned({"floor": 0.8})})
    with pytest.raises(BenchError, match=r"E051.*toy\.f1 = 0\.5000 < floor 0\.8000"):
        gate.enforce([_m("f1", 0.5)], quick=False, directory=d)
    assert gate.enforce([_m("f1", 0.81)], quick=False, directory=d) == []


def test_memory_above_its_ceiling_fails(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"rss_mb": _pinned({"ceiling": 900.0}, direction="lower", chance=None)})
    with pytest.raises(BenchError, match=r"E051.*toy\.rss_mb = 950\.0000 > ceiling 900"):
        gate.enforce([_m("rss_mb", 950.0)], quick=True, directory=d)
    assert gate.enforce([_m("rss_mb", 850.0)], quick=True, directory=d) == []


def test_an_identical_metric_of_0_98_fails_and_cannot_be_pinned(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"dask_identical": _pinned({"equals": 1.0}, direction="exact", chance=None)})
    with pytest.raises(BenchError, match=r"E051.*dask_identical = 0\.9800 != equals 1"):
        gate.enforce([_m("dask_identical", 0.98)], quick=False, directory=d)
    assert gate.enforce([_m("dask_identical", 1.0)], quick=False, directory=d) == []
    with pytest.raises(BenchError, match=r"E150.*dask_identical.*exactly 1"):
        gate.update_floors([_m("dask_identical", 0.98)], quick=False, directory=d)
    with pytest.raises(BenchError, match=r"E150.*exactly 1"):  # a new *_identical metric: exact by its name
        gate.update_floors([_m("two_workers_identical", 0.5)], quick=False, directory=d)


def test_a_task_without_floor_file_fails(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match=r"E058.*toy"):
        gate.enforce([_m("f1", 0.99)], quick=False, directory=tmp_path)


def test_a_changed_data_hash_fails_until_re_pinned(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"f1": _pinned({"floor": 0.8}, data_hash="aaa")})
    with pytest.raises(BenchError, match=r"E059.*toy\.f1 data hash bbb != pinned aaa"):
        gate.enforce([_m("f1", 0.95, data_hash="bbb")], quick=False, directory=d)
    gate.update_floors([_m("f1", 0.95, data_hash="bbb")], quick=False, directory=d)  # the re-pin
    assert gate.enforce([_m("f1", 0.95, data_hash="bbb")], quick=False, directory=d) == []
    assert "re-pinned on changed data: toy.f1 data aaa -> bbb" in (d / "CHANGELOG.md").read_text()


def test_unpinned_and_unmeasured_metrics_fail(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"f1": _pinned({"floor": 0.8}), "gone": _pinned({"floor": 0.1})})
    with pytest.raises(BenchError, match=r"E051.*toy\.new: measured but has no pinned full entry"):
        gate.enforce([_m("f1", 0.9), _m("gone", 0.9), _m("new", 0.9)], quick=False, directory=d)
    with pytest.raises(BenchError, match=r"E051.*toy\.gone: has a full bound but was not measured"):
        gate.enforce([_m("f1", 0.9)], quick=False, directory=d)


def test_a_floor_at_chance_is_refused_when_pinning(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"auc": {**F1, "chance": 0.5}, "f1": {**F1, "full": {"noise": 0.02}}})
    gate.update_floors([_m("auc", 0.499), _m("f1", 0.51)], quick=False, directory=d)
    pinned = json.loads((d / "toy.json").read_text())["metrics"]
    assert "floor" not in pinned["auc"]["full"] and pinned["auc"]["full"]["gated"] is False
    assert "at chance" in pinned["auc"]["full"]["reason"]
    assert "floor" not in pinned["f1"]["full"]  # 0.51 - noise 0.02 <= chance 0.5: within noise of chance
    notes = gate.enforce([_m("auc", 0.2), _m("f1", 0.3)], quick=False, directory=d)  # reported, not gated
    assert any("toy.auc = 0.2000: not gated: at chance" in n for n in notes)
    gate.update_floors([_m("f1", 0.6)], quick=False, directory=d)  # clear of chance and noise: gated
    assert json.loads((d / "toy.json").read_text())["metrics"]["f1"]["full"]["floor"] == 0.58


def test_pinning_needs_a_declared_chance_level(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"f1": {"direction": "higher", "noise_note": "fixed"}})
    with pytest.raises(BenchError, match=r"E150.*declares no chance level"):
        gate.update_floors([_m("f1", 0.9)], quick=False, directory=d)
    with pytest.raises(BenchError, match=r"E150.*toy\.other is not declared"):
        gate.update_floors([_m("other", 0.9)], quick=False, directory=d)
    assert "full" not in json.loads((d / "toy.json").read_text())["metrics"]["f1"]  # nothing written


def test_not_gated_metrics_are_reported_only(tmp_path: Path) -> None:
    entry = {**_pinned({}), "not_gated": "an absolute rate: depends on the machine"}
    d = _spec(tmp_path, "toy", {"rate": entry})
    assert gate.enforce([_m("rate", 0.01)], quick=False, directory=d) == ["toy.rate = 0.0100: " + entry["not_gated"]]


def test_update_floors_refuses_to_lower_without_flag_and_note(tmp_path: Path) -> None:
    d = _spec(tmp_path, "toy", {"f1": _pinned({"floor": 0.8}), "rss": _pinned({"ceiling": 900}, direction="lower")})
    for low in ([_m("f1", 0.7)], [_m("rss", 950.0)], [_m("f1", 0.45)]):  # lower floor, higher ceiling, to chance
        with pytest.raises(BenchError, match="E053"):
            gate.update_floors(low, quick=False, directory=d)
        with pytest.raises(BenchError, match="E053"):
            gate.update_floors(low, quick=False, allow_lower=True, directory=d)
    gate.update_floors([_m("f1", 0.7)], quick=False, allow_lower=True, note="dataset changed", directory=d)
    assert json.loads((d / "toy.json").read_text())["metrics"]["f1"]["full"]["floor"] == 0.7
    assert "lowered toy.f1 floor 0.8 -> floor 0.7. Note: dataset changed" in (d / "CHANGELOG.md").read_text()
    gate.update_floors([_m("f1", 0.9)], quick=False, directory=d)  # raising is fine
    assert json.loads((d / "toy.json").read_text())["metrics"]["f1"]["full"]["floor"] == 0.9


def test_an_old_format_floor_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "toy.json").write_text(json.dumps({"task": "toy", "floors": {"f1": 0.1}}))
    with pytest.raises(BenchError, match=r"E051.*not a format-2 floor file"):
        gate.enforce([_m("f1", 0.5)], quick=False, directory=tmp_path)


def test_shipped_floor_files_follow_the_rules() -> None:
    """Every shipped bound: floor = measured - noise above chance, ceiling = measured + noise, identical = 1."""
    files = sorted(gate.FLOORS_DIR.glob("*.json"))
    assert {f.stem for f in files} >= {"quotes", "claims", "slant", "speed", "ingest"}
    for path in files:
        spec = gate.load_floors(path.stem)
        assert spec is not None and spec["task"] == path.stem
        for name, entry in spec["metrics"].items():
            assert entry["direction"] in gate.DIRECTIONS and entry.get("noise_note"), (path.stem, name)
            assert "chance" in entry and entry.get("chance_note"), (path.stem, name)
            for mode in gate.MODE_KEYS:
                pin = entry[mode]
                if "measured" not in pin:  # not measured: not gated with a reason, or an equality that must hold
                    assert pin.get("gated") is False or pin.get("equals") == 1.0, (path.stem, name, mode)
                    assert pin["reason"], (path.stem, name, mode)
                    continue
                expect = gate.pin_entry(path.stem, name, entry, pin["measured"], pin["noise"], mode)
                pinned = {k: v for k, v in pin.items() if k not in ("data_hash", "source")}
                assert pinned == expect, (path.stem, name, mode)
                if name.endswith("_identical"):
                    assert pin["equals"] == 1.0


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


@pytest.mark.slow
def test_broken_stage_breaks_the_real_gate(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """Sabotage the real story-grouping stage: the stories evaluator drops under its shipped floor."""
    if "stories" not in evaluators():
        pytest.skip("stories evaluator not registered")
    from newsprism.compare import grouping

    monkeypatch.setattr(grouping, "group_features", lambda feats, **kw: list(range(len(feats))))
    result = run_bench(["stories"], data_dir=data_dir, quick=True)
    assert not result.errors, result.errors
    with pytest.raises(BenchError, match="E051"):
        apply_gate(result, quick=True)


def test_a_stored_measurement_never_pins_a_bound_its_own_run_breaks() -> None:
    """0.81395 rounds to 0.814, whose floor would be above the run; it is stored as 0.8139 (floor 0.813)."""
    entry = {"direction": "higher", "chance": None}
    pin = gate.pin_entry("t", "acc", entry, 0.81395, 0.0)
    assert pin["measured"] == 0.8139 and pin["floor"] == 0.813
    assert gate.pin_entry("t", "acc", entry, pin["measured"], 0.0) == pin  # the shipped-files rule holds
    ceiling = gate.pin_entry("t", "rss", {"direction": "lower", "chance": None}, 812.34561, 0.0)
    assert ceiling["measured"] == 812.3457 and ceiling["ceiling"] >= 812.34561
