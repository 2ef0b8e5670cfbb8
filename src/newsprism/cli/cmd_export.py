"""``newsprism export --store DIR --format csv|parquet|jsonl -o FILE``: tables out of the store."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.cli.common import check_output, err_console
from newsprism.store import Store
from newsprism.store.export import export


def export_cli(
    store: Path = typer.Option(..., "--store", help="Store directory."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv | parquet | jsonl"),
    output: Path = typer.Option(..., "--output", "-o", help="Output file (a directory with --per-source)."),
    table: str = typer.Option("articles", "--table", help="articles | quotes | claims | techniques | slant | ..."),
    per_source: bool = typer.Option(False, "--per-source", help="One file per outlet, into the -o directory."),
) -> None:
    """Export one record per article (with its input id), or a span table; files are written atomically."""
    st = Store(store)
    target = check_output(output, directory=per_source)  # before the export runs: a bad -o fails at once
    written = export(st, fmt, target, table, per_source)
    err_console.print(f"wrote {len(written)} file(s) under {output}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)
