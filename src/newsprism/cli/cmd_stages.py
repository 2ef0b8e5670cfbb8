"""``newsprism stages``: list the registered stages with what they need and produce."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from newsprism.registry import registered


def stages_cli() -> None:
    """List registered stages."""
    table = Table("stage", "version", "requires", "produces", "description")
    for info in registered().values():
        table.add_row(info.name, info.version, ", ".join(info.requires), ", ".join(info.produces), info.description)
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("stages")(stages_cli)
