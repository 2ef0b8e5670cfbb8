"""Typer application. Each ``newsprism.cli.cmd_*`` module adds its command(s) via ``register(app)``."""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import sys

import typer
from rich.console import Console

from newsprism import __version__
from newsprism.errors import NewsprismError

app = typer.Typer(
    name="newsprism",
    help="Show how a news story is told: quotes, claims, persuasion, slant, framing, stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at INFO level."),
) -> None:
    """newsprism: how a news story is told, with character-exact evidence."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")


def _register_commands() -> None:
    import newsprism.cli as pkg

    for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
        if mod.startswith("cmd_"):
            importlib.import_module(f"newsprism.cli.{mod}").register(app)


def fail(message: str, code: int) -> None:
    """Print one line on stderr and exit with ``code``."""
    err_console.print(f"newsprism: error: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)


def main() -> None:
    _register_commands()
    try:
        app(standalone_mode=True)
    except NewsprismError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except SystemExit:
        raise
    except Exception as exc:  # last resort: one line, never a traceback (NEWSPRISM_DEBUG=1 shows it)
        if os.environ.get("NEWSPRISM_DEBUG"):
            raise
        fail(f"internal error: {type(exc).__name__}: {exc}", 70)
