"""Renderers for analysed articles and comparisons: JSON (the contract), Markdown and HTML."""

from newsprism.report.output import write_atomic
from newsprism.report.render import FORMATS, render_articles, render_comparison

__all__ = ["FORMATS", "render_articles", "render_comparison", "write_atomic"]
