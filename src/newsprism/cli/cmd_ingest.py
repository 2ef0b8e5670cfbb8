"""``newsprism ingest SOURCE... --store DIR``: resumable, exactly-once ingest into a corpus store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from newsprism.batch import ingest
from newsprism.batch.partitions import estimate_total
from newsprism.cli.common import build_options, err_console


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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, no summary."),
) -> None:
    """Analyse a corpus into a store; rerun the same command to resume after a crash."""
    options = build_options(config, stages, progress=False)
    total = estimate_total(sources)
    bar = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} art/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet,
    )
    with bar:
        task = bar.add_task("ingest", total=total, rate=0.0)

        def on_progress(done: int, skipped: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            bar.update(task, completed=done + skipped, rate=done / elapsed if elapsed else 0.0)

        result = ingest(sources, str(store), options, workers, scheduler, batch_size, on_progress)
        final = result.articles + result.skipped
        bar.update(task, total=final, completed=final)  # the estimate counted bad records too
    if not quiet:
        err_console.print(
            f"ingested {result.articles} article(s) in {result.partitions} partition(s) at {result.rate:.1f} art/s; "
            f"{result.skipped} already in the store; {result.rejects} rejected (rejects.jsonl); "
            f"{result.duplicates} duplicate(s) recorded",
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
