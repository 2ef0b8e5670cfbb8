"""Command-line parameters shared by ``analyze`` and ``compare`` (one declaration, the same flags and help)."""

from __future__ import annotations

import typer

PATHS = typer.Argument(..., help="Files, directories, JSONL/Parquet corpora, URLs, or - for stdin.")
FORMAT = typer.Option("json", "--format", "-f", help="json | md | html")
OUTPUT = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout.")
STAGES = typer.Option(None, "--stages", help="Comma-separated stage names (default: all).")
CONFIG = typer.Option(None, "--config", help="A TOML options file.")
MAX_BYTES = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this.")
PRIVATE_URLS = typer.Option(
    None, "--allow-private-urls/--no-private-urls", help="Allow fetching loopback/private addresses."
)
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary.")
