"""Metric-floor gate (after trafilatura's eval gate): pinned floors per task, checked after each run.

A floor file ``benchmarks/floors/<task>.json`` holds ``{"task", "data_hash", "floors": {metric: value},
"quick_floors": {...}}``. Raising a floor is an ordinary reviewed commit; lowering one needs
``--allow-lower-floor`` and a note, which is appended to ``benchmarks/floors/CHANGELOG.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsprism.bench.registry import Metric
from newsprism.errors import BenchError

FLOORS_DIR = Path(__file__).resolve().parents[3] / "benchmarks" / "floors"


@dataclass
class Breach:
    task: str
    metric: str
    value: float
    floor: float

    def __str__(self) -> str:
        return f"{self.task}.{self.metric} = {self.value:.4f} < floor {self.floor:.4f}"


def floors_dir(path: Path | None = None) -> Path:
    return path or FLOORS_DIR


def load_floors(task: str, directory: Path | None = None) -> dict[str, object] | None:
    path = floors_dir(directory) / f"{task}.json"
    if not path.exists():
        return None
    return dict(json.loads(path.read_text(encoding="utf-8")))


def check(metrics: list[Metric], quick: bool, directory: Path | None = None) -> tuple[list[Breach], list[str]]:
    """Return (breaches, notes). Notes report data-hash mismatches and floors with no measured metric."""
    breaches: list[Breach] = []
    notes: list[str] = []
    by_task: dict[str, dict[str, Metric]] = {}
    for m in metrics:
        by_task.setdefault(m.task, {})[m.name] = m
    for task, measured in by_task.items():
        spec = load_floors(task, directory)
        if spec is None:
            continue
        floors = spec.get("quick_floors" if quick else "floors") or {}
        assert isinstance(floors, dict)
        hashes = {m.data_hash for m in measured.values() if m.data_hash}
        if spec.get("data_hash") and hashes and spec["data_hash"] not in hashes:
            notes.append(f"{task}: data hash {sorted(hashes)} differs from the floor file's {spec['data_hash']}")
        for name, floor in floors.items():
            if name not in measured:
                notes.append(f"{task}.{name}: has a floor but was not measured")
                continue
            if measured[name].value < float(floor):
                breaches.append(Breach(task, name, measured[name].value, float(floor)))
    return breaches, notes


def enforce(metrics: list[Metric], quick: bool, directory: Path | None = None) -> list[str]:
    """Raise BenchError E051 when a metric is under its floor; return the notes otherwise."""
    breaches, notes = check(metrics, quick, directory)
    if breaches:
        raise BenchError("E051", details="; ".join(map(str, breaches)))
    return notes


def update_floors(
    metrics: list[Metric],
    quick: bool,
    *,
    margin: float = 0.02,
    allow_lower: bool = False,
    note: str | None = None,
    directory: Path | None = None,
) -> list[str]:
    """Write floors of (measured - margin); refuse to lower any floor without ``allow_lower`` and a note."""
    key = "quick_floors" if quick else "floors"
    changes: list[str] = []
    lowered: list[str] = []
    pending: dict[str, dict[str, object]] = {}
    for m in metrics:
        spec = pending.setdefault(
            m.task, load_floors(m.task, directory) or {"task": m.task, "floors": {}, "quick_floors": {}}
        )
        floors = spec.setdefault(key, {})
        assert isinstance(floors, dict)
        new = round(m.value - margin, 3)
        old = floors.get(m.name)
        if old is not None and new < float(old):
            lowered.append(f"{m.task}.{m.name} {old} -> {new}")
        if old is None or new != float(old):
            changes.append(f"{m.task}.{m.name}: {old} -> {new}")
            floors[m.name] = new
        if m.data_hash:
            spec["data_hash"] = m.data_hash
    if lowered and not (allow_lower and note):
        raise BenchError("E053", details="; ".join(lowered))
    target = floors_dir(directory)
    target.mkdir(parents=True, exist_ok=True)
    for task, spec in pending.items():
        (target / f"{task}.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    if lowered and note:
        with (target / "CHANGELOG.md").open("a", encoding="utf-8") as fh:
            fh.write(f"- {datetime.now(UTC):%Y-%m-%d}: lowered {', '.join(lowered)}. Note: {note}\n")
    return changes
