"""``newsprism train TASK``: retrain a shipped model from ../shared/data, reproducibly."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.bench.registry import default_data_dir
from newsprism.errors import ConfigError
from newsprism.training.registry import MODELS_DIR, run, trainers

HELDOUT_ROOT = Path(__file__).resolve().parents[3] / "benchmarks" / "models"


def heldout_target(task: str, out: Path | None, heldout_out: Path | None) -> Path:
    """Where a trainer writes its bench-only held-out models: ``heldout_out``; else ``out/heldout`` (a trial run
    never overwrites the repository's); else the repository's ``benchmarks/models/<task>`` (E022 without one)."""
    if heldout_out is not None:
        return heldout_out
    if out is not None:
        return out / "heldout"
    if not HELDOUT_ROOT.parent.is_dir():
        why = f"no repository here ({HELDOUT_ROOT.parent} not found) to hold the bench-only models: give a directory"
        raise ConfigError("E022", name="--heldout-out", reason=why)
    return HELDOUT_ROOT / task


def train(
    task: str, data: Path | None = None, out: Path | None = None, seed: int = 13, heldout_out: Path | None = None
) -> dict[str, float]:
    """Train ``task`` and return its validation metrics."""
    known = trainers()
    if task not in known:
        raise ConfigError("E020", name=task, known=", ".join(sorted(known)))
    info = known[task]
    held = heldout_target(task, out, heldout_out) if info.heldout else None
    target = out or MODELS_DIR / task
    target.mkdir(parents=True, exist_ok=True)
    return run(info, data or default_data_dir(), target, seed, held)


def train_cli(
    task: str = typer.Argument("", help="What to train (see `newsprism train --list`)."),
    data: Path | None = typer.Option(None, "--data", help="Dataset directory (default: ../shared/data)."),
    out: Path | None = typer.Option(None, "--out", help="Where to write the artifacts (default: the shipped models)."),
    heldout_out: Path | None = typer.Option(
        None,
        "--heldout-out",
        help="Where to write the bench-only models fitted on the training part (default: OUT/heldout with --out, "
        "else the repository's benchmarks/models/TASK).",
    ),
    seed: int = typer.Option(13, "--seed", help="Random seed for splits and training."),
    list_tasks: bool = typer.Option(False, "--list", help="List the trainable tasks and exit."),
) -> None:
    """Train a model and print its validation metrics."""
    if list_tasks or not task:
        for name in sorted(trainers()):
            typer.echo(name)
        if not list_tasks:
            raise ConfigError("E022", name="TASK", reason="give a task to train (listed above)")
        return
    for name, value in train(task, data, out, seed, heldout_out).items():
        typer.echo(f"{task}.{name} = {value:.4f}")


def register(app: typer.Typer) -> None:
    app.command("train")(train_cli)
