"""``newsprism ingest SOURCE... --store DIR``: resumable, exactly-once ingest into a corpus store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.batch import ingest
from newsprism.batch.partitions import estimate_total
from newsprism.batch.runner import check_sources
from newsprism.cli.common import build_options, err_console


def progress_fields(total: int | None, done: int, skipped: int, elapsed: float) -> dict[str, Any]:
    """Bar total, rate, ETA and note for this run: partitions skipped on resume must not inflate the rate."""
    rate = done / elapsed if elapsed > 0 and done else 0.0
    todo = max(total - skipped, done) if total is not None else None
    left = int((todo - done) / rate) if rate and todo is not None else None
    eta = f"{left // 3600}:{left % 3600 // 60:02d}:{left % 60:02d}" if left is not None else "-"
    note = f"({skipped} already in the store)" if skipped else ""
    return {"total": todo, "rate": rate, "eta": eta, "note": note}


def ingest_cli(
    sources: list[str] = typer.Argument(..., help="Directories, JSONL/Parquet corpora, files."),
    store: Path = typer.Option(..., "--store", help="Store directory (created if missing)."),
    workers: int = typer.Option(1, "--workers", "-w", help="Local worker processes (or Dask workers with local)."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786), or 'local' for a LocalCluster."
    ),
    batch_size: int = typer.Option(100, "--batch-size", help="Articles per partition (one shard each)."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stage names (default: all)."),
    config: Path | None = typer.Option(None, "--config", help="A TOML options file."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Group the store's articles into stories."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, no summary."),
) -> None:
    """Analyse a corpus into a store; rerun the same command to resume after a crash."""
    options = build_options(config, stages, progress=False)
    check_sources(sources)  # E001 before the progress bar starts
    total = estimate_total(sources)
    bar = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.2f} art/s"),
        TimeElapsedColumn(),
        TextColumn("ETA {task.fields[eta]}"),
        TextColumn("{task.fields[note]}"),
        console=err_console,
        disable=quiet,
    )
    with bar:
        task = bar.add_task("ingest", total=total, rate=0.0, eta="-", note="")

        def on_progress(done: int, skipped: int) -> None:
            bar.update(task, completed=done, **progress_fields(total, done, skipped, bar.tasks[0].elapsed or 0.0))

        result = ingest(sources, str(store), options, workers, scheduler, batch_size, on_progress, stories)
        bar.update(task, total=result.articles, completed=result.articles, eta="0:00:00")  # estimate counted rejects
    if not quiet:
        err_console.print(
            f"ingested {result.articles} article(s) in {result.partitions} partition(s) at {result.rate:.1f} art/s; "
            f"{result.skipped} already in the store; {result.rejects} rejected (rejects.jsonl); "
            f"{result.duplicates} duplicate(s) recorded; {result.stories} stories",
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
