"""``newsprism train TASK``: retrain a shipped model from ../shared/data, reproducibly."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.bench.registry import default_data_dir
from newsprism.errors import ConfigError
from newsprism.train.registry import MODELS_DIR, trainers


def train(task: str, data: Path | None = None, out: Path | None = None, seed: int = 13) -> dict[str, float]:
    """Train ``task`` and return its validation metrics."""
    known = trainers()
    if task not in known:
        raise ConfigError("E020", name=task, known=", ".join(sorted(known)))
    target = out or MODELS_DIR / task
    target.mkdir(parents=True, exist_ok=True)
    return known[task].fn(data or default_data_dir(), target, seed)


def train_cli(
    task: str = typer.Argument("", help="What to train (see `newsprism train --list`)."),
    data: Path | None = typer.Option(None, "--data", help="Dataset directory (default: ../shared/data)."),
    out: Path | None = typer.Option(None, "--out", help="Where to write the artifacts (default: the shipped models)."),
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
    for name, value in train(task, data, out, seed).items():
        typer.echo(f"{task}.{name} = {value:.4f}")


def register(app: typer.Typer) -> None:
    app.command("train")(train_cli)
