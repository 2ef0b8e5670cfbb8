"""Helpers shared by CLI commands: options from flags, progress, output."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.errors import ConfigError, NewsprismError
from newsprism.options import Options, load_options
from newsprism.report import write_atomic

T = TypeVar("T")
err_console = Console(stderr=True, soft_wrap=True)  # one line per message, never re-wrapped


def build_options(config: Path | None, stages: str | None = None, **flags: object) -> Options:
    overrides = dict(flags)
    if stages is not None:
        overrides["stages"] = tuple(s.strip() for s in stages.split(",") if s.strip())
    return load_options(config, **overrides)


def start_run(
    fmt: str, formats: tuple[str, ...], output: Path | None, config: Path | None, stages: str | None, **flags: object
) -> Options:
    """Check ``--format`` and the ``-o`` path before any analysis (a bad one fails at once), then build the options
    from ``--config``, ``--stages`` and the other flags."""
    check_format(fmt, formats)
    if output is not None:
        check_output(output)
    return build_options(config, stages, **flags)


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


def check_output(output: Path, directory: bool = False) -> Path:
    """The path an ``-o`` file is written to, checked before any work starts (E060 otherwise).

    A symlink is followed: its target is replaced (atomically) and the link kept. Device nodes, FIFOs,
    sockets and directories are refused, never replaced by a regular file. The directory must exist and
    accept a new file (probed with a temp file, so a read-only file system is found even as root).
    With ``directory`` the path is a directory of outputs (created if missing).
    """
    target = Path(os.path.realpath(output)) if output.is_symlink() else output
    if directory:
        if target.exists() and not target.is_dir():
            raise NewsprismError("E060", path=str(output), reason="not a directory")
        probe_dir = target if target.exists() else target.parent
    else:
        if target.exists() and not target.is_file():
            kind = "a directory" if target.is_dir() else "a device, FIFO or socket"
            raise NewsprismError("E060", path=str(output), reason=f"{kind}, not a regular file (refused)")
        probe_dir = target.parent if str(target.parent) else Path(".")
    if not probe_dir.is_dir():
        raise NewsprismError("E060", path=str(output), reason="directory does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".newsprism-probe-", dir=probe_dir)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise NewsprismError("E060", path=str(output), reason=exc.strerror or str(exc)) from None
    return target


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically (checked as by :func:`check_output`), or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(check_output(output), text)


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise ConfigError("E022", name="--format", reason=f"{fmt!r} is not one of {', '.join(allowed)}")
    return fmt
