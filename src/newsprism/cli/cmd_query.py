"""``newsprism query --store DIR QUESTION [ARGS]`` or ``--sql "SELECT ..."``: read-only questions."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer

from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store.query import DEFAULT_TIMEOUT, QUESTIONS, ask, run_sql


def query_cli(
    question: str | None = typer.Argument(None, help="One of: " + ", ".join(QUESTIONS)),
    args: list[str] = typer.Argument(None, help="Arguments of the question (e.g. a speaker name)."),
    store: Path = typer.Option(..., "--store", help="Store directory."),
    sql: str | None = typer.Option(None, "--sql", help="One read-only SELECT over the store's tables."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | jsonl"),
    limit: int = typer.Option(50, "--limit", help="Rows to print in table format (0 = all)."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="Stop after this many seconds (0 = none)."),
) -> None:
    """Answer a ready question or run read-only SQL (tables: articles, quotes, claims, techniques, slant,
    sentences, duplicates, rejects, stories)."""
    st = Store(store)
    if sql:
        cols, rows = run_sql(st, sql, timeout)
    elif question:
        cols, rows = ask(st, question, list(args or []), timeout)
    else:
        raise StoreError("E120", name="", known=", ".join(QUESTIONS))
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False, default=str) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*cols)
        for row in rows[: limit or None]:
            table.add_row(*("" if v is None else str(v)[:120] for v in row))
        Console().print(table)
        Console(stderr=True).print(f"{len(rows)} row(s)", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("query")(query_cli)
