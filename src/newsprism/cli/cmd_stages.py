"""``newsprism stages``: the registered stages, or with ``--check`` the pipeline's data flow and its problems."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsprism.cli.common import build_options
from newsprism.registry import check_flow, registered


def stages_cli(
    check: bool = typer.Option(
        False, "--check", help="Show the pipeline's data flow and exit 1 on problems (unmet needs, double writes)."
    ),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stages to check (default: all)."),
    config: Path | None = typer.Option(None, "--config", help="A TOML options file."),
) -> None:
    """List registered stages (with --check: the pipeline's data flow, like spaCy's analyze_pipes)."""
    console = Console(soft_wrap=True)
    if not check:
        table = Table("stage", "version", "requires", "produces", "description")
        for info in registered().values():
            table.add_row(info.name, info.version, ", ".join(info.requires), ", ".join(info.produces), info.description)
        console.print(table)
        return
    flow = check_flow(build_options(config, stages).stages)
    table = Table(title="Pipeline data flow")
    for column in ("#", "stage", "version", "requires", "produces"):
        table.add_column(column, overflow="fold")
    for i, info in enumerate(flow.stages):
        name = f"{info.name} (added)" if info.name in flow.added else info.name
        table.add_row(str(i), name, info.version, ", ".join(info.requires), ", ".join(info.produces))
    console.print(table)
    if not flow.problems:
        console.print("✔ No problems found.")
        return
    console.print(f"⚠ {len(flow.problems)} problem(s) found:")
    for problem in flow.problems:
        console.print(f"  - {problem}", markup=False)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("stages")(stages_cli)
