"""Trainer registry. Each module of ``newsprism.training`` may register a trainer with :func:`trainer`.

A trainer takes (data_dir, out_dir, seed) and writes safe artifacts (JSON / .npy / .npz, never pickle) into
``out_dir``; one registered with ``heldout=True`` also takes ``heldout_dir``, where it writes the bench-only
models fitted on the training part only (``benchmarks/models/<task>`` of the repository by default). It returns
the validation metrics it measured.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TrainFn = Callable[..., dict[str, float]]  # (data_dir, out_dir, seed[, heldout_dir]) -> validation metrics

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


@dataclass(frozen=True)
class TrainerInfo:
    task: str
    fn: TrainFn
    description: str
    heldout: bool  # also writes bench-only held-out models (takes ``heldout_dir``)


_TRAINERS: dict[str, TrainerInfo] = {}
_LOADED = False


def trainer(task: str, *, heldout: bool = False) -> Callable[[TrainFn], TrainFn]:
    """Register ``fn`` as ``newsprism train TASK`` (first docstring line = its description)."""

    def decorator(fn: TrainFn) -> TrainFn:
        doc = (fn.__doc__ or "").strip().splitlines()
        _TRAINERS[task] = TrainerInfo(task, fn, doc[0] if doc else "", heldout)
        return fn

    return decorator


def trainers() -> dict[str, TrainerInfo]:
    """Every registered trainer (imports each module of the package once)."""
    global _LOADED
    if not _LOADED:
        _LOADED = True
        import newsprism.training as pkg

        for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
            if mod != "registry":
                importlib.import_module(f"newsprism.training.{mod}")
    return dict(_TRAINERS)


def run(info: TrainerInfo, data_dir: Path, out_dir: Path, seed: int, heldout_dir: Path | None) -> dict[str, float]:
    """Call a trainer with the arguments it takes."""
    extra: tuple[Any, ...] = (heldout_dir,) if info.heldout else ()
    return info.fn(data_dir, out_dir, seed, *extra)
