"""Run evaluators, collect metrics, apply the floor gate."""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.bench import gate
from newsprism.bench.registry import BenchContext, Metric, default_data_dir, evaluators
from newsprism.errors import BenchError, NewsprismError

log = logging.getLogger(__name__)


@dataclass
class BenchResult:
    metrics: list[Metric] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    timed_out: list[str] = field(default_factory=list)
    exceptions: dict[str, NewsprismError] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "metrics": [m.to_dict() for m in self.metrics],
            "seconds": self.seconds,
            "errors": self.errors,
            "notes": self.notes,
            "timed_out": self.timed_out,
        }


def select(tasks: Sequence[str]) -> list[str]:
    known = evaluators()
    for t in tasks:
        if t not in known:
            raise BenchError("E052", name=t, known=", ".join(sorted(known)))
    return list(tasks) or sorted(known)


def run_bench(
    tasks: Sequence[str] = (),
    *,
    data_dir: Path | None = None,
    split: str = "validation",
    quick: bool = False,
    budget: float | None = None,
    seed: int = 13,
    extra: dict[str, object] | None = None,
    hard_budget: bool = False,
    on_task: Callable[[str], None] | None = None,
    on_done: Callable[[str], None] | None = None,
) -> BenchResult:
    """Run each selected evaluator; one failing evaluator is recorded, the others still run.

    With ``hard_budget`` (and a ``budget``) each evaluator runs in a forked child that is killed at the
    budget (E057); otherwise the budget is only measured and reported.
    """
    result = BenchResult()
    data = data_dir or default_data_dir()
    names = select(tasks)
    if not data.is_dir():
        raise BenchError("E050", task=", ".join(names), path=str(data))
    for task in names:
        if on_task:
            on_task(task)
        ctx = BenchContext(
            data_dir=data, split=split, quick=quick, seed=seed, time_budget=budget, extra=dict(extra or {})
        )
        t0 = time.perf_counter()
        try:
            if hard_budget and budget is not None:
                metrics = _run_limited(task, ctx, budget)
            else:
                metrics = evaluators()[task].fn(ctx)
        except NewsprismError as exc:
            result.errors[task] = str(exc)
            result.exceptions[task] = exc
            metrics = []
        except Exception as exc:  # an evaluator bug must not hide the other tasks' numbers
            log.exception("evaluator %s failed", task)
            result.errors[task] = str(BenchError("E054", task=task, reason=f"{type(exc).__name__}: {exc}"))
            metrics = []
        took = time.perf_counter() - t0
        result.seconds[task] = round(took, 1)
        if budget is not None and took > budget:  # evaluators are plain functions: measured, never killed
            result.timed_out.append(task)
            result.notes.append(f"{task}: took {took:.0f}s, over the {budget:.0f}s budget")
        result.metrics.extend(metrics)
        if on_done:
            on_done(task)
    return result


def _child(task: str, ctx: BenchContext, conn: object) -> None:
    """Forked child: run one evaluator and send back ("ok", metrics) or ("error", exception)."""
    try:
        out: tuple[str, object] = ("ok", evaluators()[task].fn(ctx))
    except NewsprismError as exc:
        out = ("error", exc)
    except Exception as exc:  # reported by the parent like an in-process evaluator bug
        out = ("error", BenchError("E054", task=task, reason=f"{type(exc).__name__}: {exc}"))
    conn.send(out)  # type: ignore[attr-defined]
    conn.close()  # type: ignore[attr-defined]


def _run_limited(task: str, ctx: BenchContext, budget: float) -> list[Metric]:
    """Run ``task`` in a forked process; kill it when it runs past ``budget`` seconds (E057).

    fork (not spawn) so evaluators registered at run time (plugins, tests) exist in the child.
    """
    mp = multiprocessing.get_context("fork")
    recv, send = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(task, ctx, send), daemon=True)
    proc.start()
    send.close()
    ready = recv.poll(budget)
    if not ready:
        proc.kill()
        proc.join()
        raise BenchError("E057", task=task, budget=f"{budget:g}")
    try:
        kind, value = recv.recv()
    except EOFError:  # the child died without an answer (killed, out of memory)
        proc.join()
        raise BenchError("E054", task=task, reason=f"evaluator process exited with code {proc.exitcode}") from None
    proc.join()
    if kind == "error":
        raise value
    return list(value)


def apply_gate(result: BenchResult, quick: bool, directory: Path | None = None) -> None:
    """Add gate notes to ``result``; raise BenchError E051 if a metric is under its floor."""
    result.notes.extend(gate.enforce(result.metrics, quick, directory))
