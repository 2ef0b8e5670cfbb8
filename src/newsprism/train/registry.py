"""Trainer registry. Each ``newsprism.train.task_*`` module registers with :func:`trainer`.

A trainer takes (data_dir, out_dir, seed) and writes safe artifacts (JSON / .npy / safetensors, never
pickle) plus a model card into ``out_dir``; it returns the validation metrics it measured.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TrainFn = Callable[[Path, Path, int], dict[str, float]]

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


@dataclass(frozen=True)
class TrainerInfo:
    task: str
    fn: TrainFn
    description: str


_TRAINERS: dict[str, TrainerInfo] = {}
_LOADED = False


def trainer(task: str) -> Callable[[TrainFn], TrainFn]:
    def decorator(fn: TrainFn) -> TrainFn:
        doc = (fn.__doc__ or "").strip().splitlines()
        _TRAINERS[task] = TrainerInfo(task, fn, doc[0] if doc else "")
        return fn

    return decorator


def trainers() -> dict[str, TrainerInfo]:
    global _LOADED
    if not _LOADED:
        _LOADED = True
        import newsprism.train as pkg

        for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
            if mod.startswith("task_"):
                importlib.import_module(f"newsprism.train.{mod}")
    return dict(_TRAINERS)
