"""Plain functions behind the CLI and the web app."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.ingest import article_from_text, iter_articles
from newsprism.model import Article, Comparison
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline


def analyze_articles(articles: Iterable[Article], options: Options | None = None) -> Iterator[Article]:
    """Run the configured stages over articles, lazily, in input order."""
    return Pipeline(options).pipe(articles)


def analyze_paths(paths: Iterable[str | Path], options: Options | None = None) -> Iterator[Article]:
    opts = options or load_options()
    return analyze_articles(iter_articles(paths, opts), opts)


def analyze_text(text: str, options: Options | None = None, **meta: str | None) -> Article:
    """Analyse one plain-text article."""
    opts = options or load_options()
    fields = {k: v for k, v in meta.items() if v is not None}
    return next(analyze_articles([article_from_text(text, options=opts, **fields)], opts))


def compare_articles(articles: list[Article], options: Options | None = None) -> Comparison:
    """Group analysed articles into stories and compare how each told it."""
    from newsprism.compare import compare

    return compare(articles, options or load_options())
