"""``newsprism analyze PATH...``: analyse articles and print JSON, Markdown or HTML."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.cli.common import build_options, check_format, check_output, emit, err_console, progress
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import iter_articles
from newsprism.model import Article
from newsprism.pipeline import Pipeline
from newsprism.procmem import peak_rss_mb
from newsprism.profiling import StageTimes
from newsprism.quotes.confidence import shown
from newsprism.report import FORMATS, render_articles
from newsprism.report.slant import one_line
from newsprism.techniques.summary import shown_techniques

TONE_TARGETS = 4  # targets on the summary's tone line


def summary_line(article: Article) -> str:
    line = (
        f"{article.id}  {(article.title or article.source or '')[:50]!s:50}  "
        f"{sum(map(shown, article.quotes))} quotes, {len(article.claims)} claims, "
        f"{len(shown_techniques(article))} techniques, {len(article.warnings)} warnings"
    )
    if article.slant:  # what is measured (hyperpartisan, BABE share, loaded language); no lean line (docs/slant.md)
        line += f"\n    slant: {one_line(article)}"
    if article.tone:  # the most-mentioned people and organisations, with the stage's label
        top = sorted(article.tone, key=lambda t: -t.mentions)[:TONE_TARGETS]
        line += "\n    tone: " + ", ".join(f"{t.target} {t.label or 'tone'} {t.score:+.2f}" for t in top)
    return line


def analyze_cli(
    paths: list[str] = typer.Argument(..., help="Files, directories, JSONL/Parquet corpora, URLs, or - for stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help="json | md | html"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stage names (default: all)."),
    config: Path | None = typer.Option(None, "--config", help="A TOML options file."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this."),
    allow_private_urls: bool | None = typer.Option(
        None, "--allow-private-urls/--no-private-urls", help="Allow fetching loopback/private addresses."
    ),
    transcript: str | None = typer.Option(
        None, "--transcript", help="A transcript file or URL to check quotes against."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    profile: bool = typer.Option(
        False, "--profile", help="Print seconds per stage (stage, seconds, share, articles/s) on stderr."
    ),
) -> None:
    """Analyse articles: quotes, claims, techniques, slant, frames and tone."""
    check_format(fmt, FORMATS)
    if output is not None:
        check_output(output)  # before any analysis: a bad -o fails at once
    options = build_options(
        config,
        stages,
        max_bytes=max_bytes,
        allow_private_urls=allow_private_urls,
        progress=not quiet,
        transcript=transcript,
    )
    bad: list[InputError] = []

    def skip_bad_record(exc: InputError) -> None:  # one stderr line per bad record; exit 2 at the end
        bad.append(exc)
        err_console.print(f"warning: skipped {exc}", markup=False, highlight=False, soft_wrap=True)

    failed: list[str] = []

    def keep_going(article: Article, exc: Exception) -> None:  # warned alone (W900); the others are analysed
        failed.append(article.source or article.id)
        err_console.print(
            f"warning: {NewsprismError('E129', source=failed[-1], reason=f'{type(exc).__name__}: {exc}')}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    pipeline = Pipeline(options)
    pipeline.set_error_handler(keep_going)
    times = StageTimes() if profile else None
    pipeline.on_stage = times
    inputs = iter_articles(paths, options, on_error=skip_bad_record)
    try:
        articles = list(progress(pipeline.pipe(inputs), None, "analyzing", not quiet))
    finally:
        if times is not None:
            times.close()
    if times is not None:  # before the output is written, so a failed write still shows where the time went
        err_console.print(times.table(), markup=False, highlight=False)
        err_console.print(f"peak RSS {peak_rss_mb():.0f} MB", markup=False, highlight=False)
    emit(render_articles(articles, fmt), output)
    if not quiet and output is not None:
        for art in articles:
            err_console.print(summary_line(art), markup=False, highlight=False)
        err_console.print(f"wrote {output} ({len(articles)} article(s))", markup=False, highlight=False)
    if bad:
        raise InputError("E008", count=len(bad))
    if failed:
        reason = "see the warnings above; their output carries the W900 warning"
        raise NewsprismError("E129", source=f"{len(failed)} article(s)", reason=reason)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cli)
