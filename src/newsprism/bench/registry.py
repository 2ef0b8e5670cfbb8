"""Evaluator registry. Each task module in ``newsprism.bench`` registers with :func:`evaluator`.

An evaluator takes a :class:`BenchContext` and returns :class:`Metric` rows. It must evaluate only on
a validation split it makes itself (seeded, documented in docs/benchmarks.md) unless
``ctx.split == "test"``, in which case it scores the given files without training.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    """``$NEWSPRISM_DATA``, else ``../shared/data`` from the working directory, else beside the repo."""
    env = os.environ.get("NEWSPRISM_DATA")
    if env:
        return Path(env)
    cwd = Path.cwd().parent / "shared" / "data"
    if cwd.exists():
        return cwd
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass
class Metric:
    task: str
    name: str
    value: float
    reference: float | None = None
    reference_note: str = ""
    n: int = 0
    split: str = "validation"
    data_hash: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class BenchContext:
    data_dir: Path
    split: str = "validation"
    quick: bool = False
    seed: int = 13
    time_budget: float | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def path(self, *parts: str) -> Path:
        return self.data_dir.joinpath(*parts)


EvalFn = Callable[[BenchContext], list[Metric]]


@dataclass(frozen=True)
class EvaluatorInfo:
    task: str
    fn: EvalFn
    datasets: tuple[str, ...]
    description: str


_EVALUATORS: dict[str, EvaluatorInfo] = {}
_LOADED = False


def evaluator(task: str, *, datasets: Iterable[str] = ()) -> Callable[[EvalFn], EvalFn]:
    def decorator(fn: EvalFn) -> EvalFn:
        doc = (fn.__doc__ or "").strip().splitlines()
        _EVALUATORS[task] = EvaluatorInfo(task, fn, tuple(datasets), doc[0] if doc else "")
        return fn

    return decorator


def evaluators() -> dict[str, EvaluatorInfo]:
    global _LOADED
    if not _LOADED:
        _LOADED = True
        import newsprism.bench as pkg

        for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
            if mod.startswith("task_"):
                importlib.import_module(f"newsprism.bench.{mod}")
    return dict(_EVALUATORS)


_REPO = Path(__file__).resolve().parents[3]


def _hash_order(p: Path) -> tuple[int, str]:
    """Files of this checkout first (by path inside it), then the rest (by full path): the order, and so the hash,
    does not depend on where the checkout and the data sit (it matches the order the floors were pinned in)."""
    full = p.resolve()
    return (0, full.relative_to(_REPO).as_posix()) if full.is_relative_to(_REPO) else (1, full.as_posix())


def hash_files(paths: Iterable[Path]) -> str:
    """A short SHA-256 over the given files' names and bytes, recorded beside each metric."""
    h = hashlib.sha256()
    for p in sorted((Path(x) for x in paths), key=_hash_order):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]
