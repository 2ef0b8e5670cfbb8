"""Dispatch to the JSON, Markdown and HTML renderers."""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsprism.errors import ConfigError
from newsprism.model import Article, Comparison

FORMATS = ("json", "md", "html")


def articles_json(articles: Sequence[Article]) -> str:
    """One article: one pretty JSON object. Several: JSON Lines, one article per line, input order."""
    if len(articles) == 1:
        return json.dumps(articles[0].to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(a.to_json_dict(), ensure_ascii=False) + "\n" for a in articles)


def render_articles(articles: Sequence[Article], fmt: str) -> str:
    if fmt == "json":
        return articles_json(articles)
    if fmt == "md":
        from newsprism.report.article import articles_markdown

        return articles_markdown(articles)
    if fmt == "html":
        from newsprism.report.article import articles_html

        return articles_html(articles)
    raise ConfigError("E022", name="format", reason=f"{fmt!r} is not one of {', '.join(FORMATS)}")


def render_comparison(comparison: Comparison, articles: Sequence[Article], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(comparison.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from newsprism.report.comparison import comparison_markdown

        return comparison_markdown(comparison, articles)
    if fmt == "html":
        from newsprism.report.comparison import comparison_html

        return comparison_html(comparison, articles)
    raise ConfigError("E022", name="format", reason=f"{fmt!r} is not one of {', '.join(FORMATS)}")


def load_schema(name: str = "article") -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the contract: ``article`` or ``comparison``."""
    from importlib import resources

    text = resources.files("newsprism.report").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))
