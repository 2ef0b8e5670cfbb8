"""``newsprism bench [TASK...]``: evaluate stages on benchmark data and gate on pinned floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsprism.bench.gate import update_floors
from newsprism.bench.runner import BenchResult, apply_gate, run_bench, select
from newsprism.cli.common import err_console
from newsprism.errors import BenchError


def _table(result: BenchResult) -> Table:
    table = Table("task", "metric", "ours", "published", "n", "split", "data hash", title="newsprism bench")
    for m in result.metrics:
        ref = f"{m.reference:.3f}" if m.reference is not None else "–"
        if m.reference_note:
            ref = f"{ref} ({m.reference_note})"
        table.add_row(m.task, m.name, f"{m.value:.4f}", ref, str(m.n), m.split, m.data_hash)
    return table


def _params(items: list[str]) -> dict[str, object]:
    """``KEY=VALUE`` strings → a dict (values stay strings; each evaluator parses its own)."""
    out: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BenchError("E055", item=item)
        out[key.strip()] = value.strip()
    return out


def bench_cli(
    tasks: list[str] = typer.Argument(None, help="Tasks to run (default: all). See `newsprism bench --list`."),
    data: Path | None = typer.Option(None, "--data", help="Dataset directory (default: ../shared/data)."),
    split: str = typer.Option("validation", "--split", help="validation (own seeded split) or test (given files)."),
    quick: bool = typer.Option(False, "--quick", help="Subsampled run for CI (each task well under a minute)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    budget: float | None = typer.Option(None, "--budget", help="Seconds per task; slower tasks are reported."),
    hard_budget: bool = typer.Option(
        False, "--hard-budget", help="Stop a task at --budget (runs each task in its own process; E057)."
    ),
    gate: bool = typer.Option(True, "--gate/--no-gate", help="Fail (exit 6) when a metric is under its floor."),
    list_tasks: bool = typer.Option(False, "--list", help="List the registered tasks and exit."),
    update: bool = typer.Option(
        False, "--update-floors", help="Re-pin each metric's bound: measured -/+ its recorded noise (floors/*.json)."
    ),
    allow_lower: bool = typer.Option(False, "--allow-lower-floor", help="Allow --update-floors to lower a floor."),
    note: str | None = typer.Option(None, "--note", help="Why a floor is lowered (goes to the floors CHANGELOG)."),
    params: list[str] = typer.Option(
        None, "--set", help="Task parameter KEY=VALUE (repeatable), e.g. ingest's n=300, stages=nlp,quotes."
    ),
) -> None:
    """Run evaluators and print their metrics beside the published references."""
    if list_tasks:
        _list_tasks()
        return
    extra = _params(params or [])
    if update and extra:
        raise BenchError("E056")
    if split not in ("validation", "test"):
        raise BenchError("E052", name=split, known="validation, test (for --split)")
    result = _run(tasks or [], data=data, split=split, quick=quick, budget=budget, extra=extra, hard_budget=hard_budget)
    gate_error: BenchError | None = None
    if update:
        for change in update_floors(result.metrics, quick, allow_lower=allow_lower, note=note):
            err_console.print(f"floor {change}", markup=False, highlight=False)
    elif gate and split == "validation":
        gate_error = _gate(result, quick, extra)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
    else:
        _print(result)
    _raise_errors(result, gate_error)


def _list_tasks() -> None:
    from newsprism.bench.registry import evaluators

    for name, info in sorted(evaluators().items()):
        typer.echo(f"{name:12} {', '.join(info.datasets) or '-':32} {info.description}")


def _run(
    tasks: list[str],
    *,
    data: Path | None,
    split: str,
    quick: bool,
    budget: float | None,
    extra: dict[str, object],
    hard_budget: bool,
) -> BenchResult:
    """Run the selected tasks under a progress bar (shown on a terminal only)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=not sys.stderr.isatty(),
    ) as bar:
        names = select(tasks)
        overall = bar.add_task("bench", total=len(names))
        return run_bench(
            names,
            data_dir=data,
            split=split,
            quick=quick,
            budget=budget,
            extra=extra,
            hard_budget=hard_budget,
            on_task=lambda t: bar.update(overall, description=f"bench: {t}"),
            on_done=lambda t: bar.advance(overall),
        )


def _gate(result: BenchResult, quick: bool, extra: dict[str, object]) -> BenchError | None:
    """The gate's error, if a metric is under its floor; --set runs are not gated (a note says so)."""
    if extra:
        result.notes.append("not gated: floors are pinned for the default settings, not for --set parameters")
        return None
    try:
        apply_gate(result, quick)
    except BenchError as exc:
        return exc
    return None


def _single_error(result: BenchResult) -> bool:
    """One task failed and nothing was measured: its error alone is the message."""
    return len(result.errors) == 1 and not result.metrics and bool(result.exceptions)


def _print(result: BenchResult) -> None:
    """The metrics table on stdout; seconds, notes and task errors on stderr."""
    Console(width=None if sys.stdout.isatty() else 200).print(_table(result))
    for task, secs in result.seconds.items():
        over = " (over the time budget)" if task in result.timed_out else ""
        err_console.print(f"{task}: {secs:.1f}s{over}", markup=False, highlight=False)
    for n in result.notes:
        err_console.print(f"note: {n}", markup=False, highlight=False)
    if _single_error(result):
        return
    for task, err in result.errors.items():
        err_console.print(f"{task}: {err}", markup=False, highlight=False)


def _raise_errors(result: BenchResult, gate_error: BenchError | None) -> None:
    if gate_error is not None:
        raise gate_error
    if _single_error(result):
        raise next(iter(result.exceptions.values()))  # one task, one error: print just that line (e.g. E050)
    if result.errors:
        raise BenchError("E054", task=",".join(result.errors), reason="see the lines above")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_cli)
