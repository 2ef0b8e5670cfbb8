"""``newsprism compare PATH...``: group articles into stories and compare how each told it."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.api import analyze_articles, compare_articles
from newsprism.cli import params
from newsprism.cli.common import emit, err_console, progress, start_run
from newsprism.ingest import iter_articles
from newsprism.model import Comparison
from newsprism.report import FORMATS, render_comparison


def summary_lines(comparison: Comparison) -> list[str]:
    """One line per story; conflicts counted as reports show them (confidence >= the threshold)."""
    from newsprism.report.story_links import shown_conflicts

    lines = []
    for story in comparison.stories:
        shared = sum(len(g.articles) > 1 for g in story.claim_groups)
        across = sum(len({m.article for m in g.members}) > 1 for g in story.quote_groups)
        om = story.coverage.omits.values() if story.coverage is not None else []
        omits = sum(len(o.claims) + len(o.quotes) + len(o.sources) for o in om)
        lines.append(
            f"{story.id}  {story.label[:60]!s:60}  {len(story.articles)} article(s), "
            f"{len(story.narratives)} narratives, {shared} shared claims, {len(story.related_claims)} partial matches, "
            f"{len(story.quote_groups)} quote groups ({across} across outlets), {omits} central omissions, "
            f"{len(shown_conflicts(story))} number conflicts"
        )
    return lines


def compare_cli(
    paths: list[str] = params.PATHS,
    fmt: str = params.FORMAT,
    output: Path | None = params.OUTPUT,
    stages: str | None = params.STAGES,
    config: Path | None = params.CONFIG,
    max_bytes: int | None = params.MAX_BYTES,
    allow_private_urls: bool | None = params.PRIVATE_URLS,
    transcript: str | None = typer.Option(None, "--transcript", help="A transcript file to check quotes against."),
    quiet: bool = params.QUIET,
) -> None:
    """Group articles into stories and compare them: shared and omitted claims, quotes, numbers, slant."""
    flags = {"max_bytes": max_bytes, "allow_private_urls": allow_private_urls, "transcript": transcript}
    options = start_run(fmt, FORMATS, output, config, stages, progress=not quiet, **flags)
    articles = list(progress(analyze_articles(iter_articles(paths, options), options), None, "analyzing", not quiet))
    comparison = compare_articles(articles, options)
    emit(render_comparison(comparison, articles, fmt), output)
    if not quiet and output is not None:
        for line in summary_lines(comparison):
            err_console.print(line, markup=False, highlight=False)
        err_console.print(
            f"wrote {output} ({len(comparison.stories)} story(ies), {len(articles)} article(s))",
            markup=False,
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_cli)
