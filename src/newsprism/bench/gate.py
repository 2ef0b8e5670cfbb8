"""Metric-floor gate (after trafilatura's eval gate): a pinned bound per metric, checked after each run.

Floor files ship with the package, one per task: ``newsprism/bench/floors/<task>.json`` (format 2)::

    {"task": "slant", "format": 2, "metrics": {
      "babe_macro_f1": {
        "direction": "higher",                  # higher (a floor) | lower (a ceiling) | exact (must equal)
        "chance": 0.5, "chance_note": "two classes guessed with the class priors",
        "noise_note": "deterministic: seeded split, fixed models; repeated runs give identical values",
        "full":  {"measured": 0.724, "noise": 0.0, "floor": 0.724, "data_hash": "9e2c4dc372cf"},
        "quick": {"measured": 0.731, "noise": 0.0, "floor": 0.731, "data_hash": "…"}}}}

A bound is the measured value minus (floor) or plus (ceiling) its measured run-to-run noise. A floor is never
at or below ``chance`` (the chance level or majority baseline): such a metric is pinned with ``"gated": false``
and the reason, and reported only. A metric declared ``"not_gated": "why"`` (absolute rates, baseline rows) is
never gated. ``*_identical`` metrics are exact and must be 1. The gate fails when a task that ran has no floor
file (E058), when a metric's data hash differs from the pinned one (E059: re-pin in the same commit), and when a
metric is past its bound, unpinned, or pinned but not measured (E051). Raising a bound is an ordinary reviewed
commit; lowering one needs ``--allow-lower-floor`` and a note, appended to ``floors/CHANGELOG.md``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsprism.bench.registry import Metric
from newsprism.errors import BenchError

FLOORS_DIR = Path(__file__).resolve().parent / "floors"
FORMAT = 2
DIRECTIONS = ("higher", "lower", "exact")
BOUND_KEY = {"higher": "floor", "lower": "ceiling", "exact": "equals"}
MODE_KEYS = ("full", "quick")


@dataclass
class Breach:
    task: str
    metric: str
    value: float
    bound: float
    direction: str = "higher"

    def __str__(self) -> str:
        rel = {"higher": "<", "lower": ">", "exact": "!="}[self.direction]
        return f"{self.task}.{self.metric} = {self.value:.4f} {rel} {BOUND_KEY[self.direction]} {self.bound:.4f}"


@dataclass
class GateReport:
    """What the gate found: problems by kind (each fails) and notes (reported only)."""

    missing: list[str] = field(default_factory=list)  # tasks without a floor file (E058)
    changed: list[str] = field(default_factory=list)  # metrics measured on other data than pinned (E059)
    breaches: list[Breach] = field(default_factory=list)  # past the bound (E051)
    unpinned: list[str] = field(default_factory=list)  # measured but not in the floor file, or not measured (E051)
    notes: list[str] = field(default_factory=list)

    def error(self) -> BenchError | None:
        """The error to raise (missing file, then changed data, then breaches), naming every problem."""
        problems = [*map(str, self.breaches), *self.unpinned]
        if self.missing:
            return BenchError("E058", tasks=", ".join(self.missing), path=str(floors_dir()), also=_also(problems))
        if self.changed:
            return BenchError("E059", details="; ".join(self.changed) + _also(problems))
        if problems:
            return BenchError("E051", details="; ".join(problems))
        return None


def _also(problems: list[str]) -> str:
    return f" (also: {'; '.join(problems)})" if problems else ""


def floors_dir(path: Path | None = None) -> Path:
    return path or FLOORS_DIR


def mode_key(quick: bool) -> str:
    return "quick" if quick else "full"


def load_floors(task: str, directory: Path | None = None) -> dict[str, Any] | None:
    """The task's floor file, or None when there is none; E051 when it is not a format-2 floor file."""
    path = floors_dir(directory) / f"{task}.json"
    if not path.exists():
        return None
    spec = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict) or spec.get("format") != FORMAT or not isinstance(spec.get("metrics"), dict):
        raise BenchError("E051", details=f"{path} is not a format-{FORMAT} floor file (see docs/benchmarks.md)")
    return spec


def check(metrics: list[Metric], quick: bool, directory: Path | None = None) -> GateReport:
    """Compare each task's measured metrics with its pinned bounds (see the module docstring)."""
    report = GateReport()
    by_task: dict[str, dict[str, Metric]] = {}
    for m in metrics:
        by_task.setdefault(m.task, {})[m.name] = m
    for task, measured in by_task.items():
        spec = load_floors(task, directory)
        if spec is None:
            report.missing.append(task)
            continue
        _check_task(task, measured, spec["metrics"], mode_key(quick), report)
    return report


def _check_task(task: str, measured: dict[str, Metric], pinned: dict[str, Any], mode: str, report: GateReport) -> None:
    for name, m in measured.items():
        entry = pinned.get(name)
        pin = entry.get(mode) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(pin, dict):
            report.unpinned.append(f"{task}.{name}: measured but has no pinned {mode} entry")
            continue
        if pin.get("data_hash") and m.data_hash and pin["data_hash"] != m.data_hash:
            report.changed.append(f"{task}.{name} data hash {m.data_hash} != pinned {pin['data_hash']}")
            continue
        if entry.get("not_gated") or pin.get("gated") is False:
            report.notes.append(f"{task}.{name} = {m.value:.4f}: {pin.get('reason') or entry.get('not_gated')}")
            continue
        direction = entry.get("direction", "higher")
        bound = float(pin[BOUND_KEY[direction]])
        if _broken(direction, m.value, bound):
            report.breaches.append(Breach(task, name, m.value, bound, direction))
    for name, entry in pinned.items():
        pin = entry.get(mode) if isinstance(entry, dict) else None
        gated = isinstance(pin, dict) and pin.get("gated", True) is not False and not entry.get("not_gated")
        if gated and name not in measured:
            report.unpinned.append(f"{task}.{name}: has a {mode} bound but was not measured")


def _broken(direction: str, value: float, bound: float) -> bool:
    if direction == "lower":
        return value > bound
    if direction == "exact":
        return not math.isclose(value, bound, rel_tol=0.0, abs_tol=1e-12)
    return value < bound


def enforce(metrics: list[Metric], quick: bool, directory: Path | None = None) -> list[str]:
    """Raise BenchError (E058, E059 or E051) when the gate fails; return its notes otherwise."""
    report = check(metrics, quick, directory)
    error = report.error()
    if error is not None:
        raise error
    return report.notes


def _down(x: float) -> float:
    return math.floor(round(x * 1000, 6)) / 1000


def _up(x: float) -> float:
    return math.ceil(round(x * 1000, 6)) / 1000


def _shown(value: float, direction: str) -> float:
    """``value`` to 4 decimals, rounded toward the safe side of its bound (down for a floor, up for a ceiling), so
    that the bound recomputed from the stored value (tests/bench/test_gate.py) is the bound the run itself got:
    0.81395 is stored as 0.8139, not 0.814, whose floor 0.814 the same run would break."""
    if direction == "higher":
        return math.floor(round(value * 10000, 6)) / 10000
    if direction == "lower":
        return math.ceil(round(value * 10000, 6)) / 10000
    return round(value, 4)


def chance_level(entry: dict[str, Any], mode: str) -> float | None:
    """The entry's chance level for ``mode`` (``chance`` is a number, null, or ``{"full": …, "quick": …}``)."""
    chance = entry.get("chance")
    if isinstance(chance, dict):
        chance = chance.get(mode)
    return None if chance is None else float(chance)


def pin_entry(
    task: str, name: str, entry: dict[str, Any], value: float, noise: float, mode: str = "full"
) -> dict[str, Any]:
    """The ``mode`` entry for ``value``: its bound from the measured noise, or why it is not gated.

    Raises E150 when the metric cannot be pinned honestly (an ``*_identical`` metric that is not 1, a floor
    metric without a declared chance level).
    """
    direction = entry.get("direction", "higher")
    out: dict[str, Any] = {"measured": _shown(value, direction), "noise": noise}
    if entry.get("not_gated"):  # declared reported-only: no bound
        return out
    if direction == "exact":
        if name.endswith("_identical") and value != 1.0:
            raise BenchError("E150", details=f"{task}.{name} = {value} but an *_identical metric must be exactly 1")
        out["equals"] = value
    elif direction == "lower":
        out["ceiling"] = _up(value + noise)
    else:
        if "chance" not in entry:
            raise BenchError(
                "E150",
                details=f'{task}.{name} declares no chance level: add "chance" (null where none applies)'
                ' and "chance_note" to its entry in the floor file',
            )
        floor, chance = _down(value - noise), chance_level(entry, mode)
        if chance is not None and floor <= chance:
            out["gated"] = False
            out["reason"] = f"not gated: at chance (measured {value:.4f} - noise {noise:g} <= chance/baseline {chance})"
        else:
            out["floor"] = floor
    return out


def _lowered(direction: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when ``new`` gates less than ``old`` did (a lower floor, a higher ceiling, a changed or dropped bound)."""
    key = BOUND_KEY[direction]
    if key not in old:
        return False
    if key not in new:
        return True
    if direction == "higher":
        return float(new[key]) < float(old[key])
    if direction == "lower":
        return float(new[key]) > float(old[key])
    return float(new[key]) != float(old[key])


def _declare(task: str, name: str) -> dict[str, Any]:
    """A new metric's entry: exact for ``*_identical``; any other needs its direction and chance declared first."""
    if name.endswith("_identical"):
        return {"direction": "exact", "chance": None, "chance_note": "an equality check", "noise_note": "exact"}
    raise BenchError(
        "E150",
        details=f'{task}.{name} is not declared in its floor file: add an entry with "direction",'
        ' "chance", "chance_note" and "noise_note" (docs/benchmarks.md), then pin',
    )


def update_floors(
    metrics: list[Metric],
    quick: bool,
    *,
    allow_lower: bool = False,
    note: str | None = None,
    directory: Path | None = None,
) -> list[str]:
    """Pin bounds from ``metrics`` (measured -/+ each metric's recorded noise) for this mode.

    Refuses (E053) to lower a bound, or to stop gating a metric, without ``allow_lower`` and a note; records
    lowerings and data-hash changes in the CHANGELOG. Returns one line per change.
    """
    mode = mode_key(quick)
    changes: list[str] = []
    lowered: list[str] = []
    rehashed: list[str] = []
    pending: dict[str, dict[str, Any]] = {}
    for m in metrics:
        if m.task not in pending:
            pending[m.task] = load_floors(m.task, directory) or {"task": m.task, "format": FORMAT, "metrics": {}}
        entries = pending[m.task]["metrics"]
        entry = entries.get(m.name) or _declare(m.task, m.name)
        entries[m.name] = entry
        old = entry.get(mode) or {}
        noise = float(old.get("noise", entry.get("noise", 0.0)))
        new = pin_entry(m.task, m.name, entry, m.value, noise, mode)
        if m.data_hash:
            new["data_hash"] = m.data_hash
        if old.get("data_hash") and m.data_hash and old["data_hash"] != m.data_hash:
            rehashed.append(f"{m.task}.{m.name} data {old['data_hash']} -> {m.data_hash}")
        if _lowered(entry.get("direction", "higher"), old, new):
            lowered.append(f"{m.task}.{m.name} {_bound_text(entry, old)} -> {_bound_text(entry, new)}")
        if new != old:
            changes.append(f"{m.task}.{m.name} ({mode}): {_bound_text(entry, old)} -> {_bound_text(entry, new)}")
        entry[mode] = new
    if lowered and not (allow_lower and note):
        raise BenchError("E053", details="; ".join(lowered))
    target = floors_dir(directory)
    target.mkdir(parents=True, exist_ok=True)
    for task, spec in pending.items():
        (target / f"{task}.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    _log_changes(target, mode, lowered, rehashed, note)
    return changes


def _bound_text(entry: dict[str, Any], pin: dict[str, Any]) -> str:
    if not pin:
        return "unpinned"
    key = BOUND_KEY[entry.get("direction", "higher")]
    return f"{key} {pin[key]}" if key in pin else "not gated"


def _log_changes(target: Path, mode: str, lowered: list[str], rehashed: list[str], note: str | None) -> None:
    lines = []
    day = f"{datetime.now(UTC):%Y-%m-%d}"
    if lowered:
        lines.append(f"- {day} ({mode}): lowered {', '.join(lowered)}. Note: {note}\n")
    if rehashed:
        lines.append(f"- {day} ({mode}): re-pinned on changed data: {', '.join(rehashed)}. Note: {note or '-'}\n")
    if lines:
        with (target / "CHANGELOG.md").open("a", encoding="utf-8") as fh:
            fh.writelines(lines)
