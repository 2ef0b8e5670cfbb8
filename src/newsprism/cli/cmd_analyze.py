"""``newsprism analyze PATH...``: analyse articles and print JSON, Markdown or HTML."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.cli import params
from newsprism.cli.common import emit, err_console, progress, start_run
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import iter_articles
from newsprism.model import Article
from newsprism.options import Options
from newsprism.pipeline import Pipeline
from newsprism.procmem import peak_rss_mb
from newsprism.profiling import StageTimes
from newsprism.quotes.confidence import shown
from newsprism.report import FORMATS, render_articles
from newsprism.report import tone as tone_view
from newsprism.report.slant import one_line
from newsprism.report.tone import stance_brief
from newsprism.report.truncation import shown_of
from newsprism.techniques.summary import shown_techniques
from newsprism.titles import display_title

TONE_TARGETS = 4  # targets on the summary's tone line


def summary_line(article: Article) -> str:
    """The stderr line per article: id, display title (never a path), counts; what is measured about its slant;
    the most-mentioned targets' tone with the writer's and quoted sources' stance, said to be unvalidated."""
    line = (
        f"{article.id}  {display_title(article)[:50]!s:50}  "
        f"{sum(map(shown, article.quotes))} quotes, {len(article.claims)} claims, "
        f"{len(shown_techniques(article))} techniques, {len(article.warnings)} warnings"
    )
    if article.slant:  # what is measured (hyperpartisan, BABE share, loaded language); no lean line (docs/slant.md)
        line += f"\n    slant: {one_line(article)}"
    if article.tone:  # the most-mentioned people and organisations: label, score, then who judges them in what words
        top = sorted(article.tone, key=lambda t: -t.mentions)[:TONE_TARGETS]
        cut = shown_of(len(top), len(article.tone))
        line += f"\n    tone ({tone_view.caveat()}{'; ' + cut if cut else ''}):"
        line += "".join(f"\n      {t.target} {t.label or 'tone'} {t.score:+.2f}: {stance_brief(t)}" for t in top)
    return line


def analyze_cli(
    paths: list[str] = params.PATHS,
    fmt: str = params.FORMAT,
    output: Path | None = params.OUTPUT,
    stages: str | None = params.STAGES,
    config: Path | None = params.CONFIG,
    max_bytes: int | None = params.MAX_BYTES,
    allow_private_urls: bool | None = params.PRIVATE_URLS,
    transcript: str | None = typer.Option(
        None, "--transcript", help="A transcript file or URL to check quotes against."
    ),
    quiet: bool = params.QUIET,
    profile: bool = typer.Option(
        False, "--profile", help="Print seconds per stage (stage, seconds, share, articles/s) on stderr."
    ),
) -> None:
    """Analyse articles: quotes, claims, techniques, slant, frames and tone."""
    flags = {"max_bytes": max_bytes, "allow_private_urls": allow_private_urls, "transcript": transcript}
    options = start_run(fmt, FORMATS, output, config, stages, progress=not quiet, **flags)
    problems = _Problems()
    articles = _analyze(paths, options, problems, profile=profile, quiet=quiet)
    emit(render_articles(articles, fmt), output)
    if not quiet and output is not None:
        for art in articles:
            err_console.print(summary_line(art), markup=False, highlight=False)
        err_console.print(f"wrote {output} ({len(articles)} article(s))", markup=False, highlight=False)
    problems.raise_any()


class _Problems:
    """Bad input records (skipped) and articles a stage failed on (W900, the others are analysed): one stderr
    line each as they happen, one error at the end (exit 2 for bad records)."""

    def __init__(self) -> None:
        self.bad: list[InputError] = []
        self.failed: list[str] = []

    def skip_bad_record(self, exc: InputError) -> None:
        self.bad.append(exc)
        err_console.print(f"warning: skipped {exc}", markup=False, highlight=False, soft_wrap=True)

    def keep_going(self, article: Article, exc: Exception) -> None:
        self.failed.append(article.source or article.id)
        err_console.print(
            f"warning: {NewsprismError('E129', source=self.failed[-1], reason=f'{type(exc).__name__}: {exc}')}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    def raise_any(self) -> None:
        if self.bad:
            raise InputError("E008", count=len(self.bad))
        if self.failed:
            reason = "see the warnings above; their output carries the W900 warning"
            raise NewsprismError("E129", source=f"{len(self.failed)} article(s)", reason=reason)


def _analyze(paths: list[str], options: Options, problems: _Problems, *, profile: bool, quiet: bool) -> list[Article]:
    """Run the pipeline over the inputs; with ``profile``, print seconds per stage and peak RSS on stderr."""
    pipeline = Pipeline(options)
    pipeline.set_error_handler(problems.keep_going)
    times = StageTimes() if profile else None
    pipeline.on_stage = times
    inputs = iter_articles(paths, options, on_error=problems.skip_bad_record)
    try:
        articles = list(progress(pipeline.pipe(inputs), None, "analyzing", not quiet))
    finally:
        if times is not None:
            times.close()
    if times is not None:  # before the output is written, so a failed write still shows where the time went
        err_console.print(times.table(), markup=False, highlight=False)
        err_console.print(f"peak RSS {peak_rss_mb():.0f} MB", markup=False, highlight=False)
    return articles


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cli)
