"""Helpers shared by CLI commands: options from flags, progress, output."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.errors import ConfigError
from newsprism.options import Options, load_options
from newsprism.report import write_atomic

T = TypeVar("T")
err_console = Console(stderr=True, soft_wrap=True)  # one line per message, never re-wrapped


def build_options(config: Path | None, stages: str | None = None, **flags: object) -> Options:
    overrides = dict(flags)
    if stages is not None:
        overrides["stages"] = tuple(s.strip() for s in stages.split(",") if s.strip())
    return load_options(config, **overrides)


def progress(items: Iterable[T], total: int | None, label: str, enabled: bool) -> Iterator[T]:
    """Wrap ``items`` in a Rich progress bar on stderr when enabled and more than one item."""
    if not enabled or (total is not None and total < 2) or not sys.stderr.isatty():
        yield from items
        return
    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console
    ) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise ConfigError("E022", name="--format", reason=f"{fmt!r} is not one of {', '.join(allowed)}")
    return fmt
