"""The one line every capped table or list ends with when it does not show everything (issue 21): reports,
the CLI summary, the comparison and the web pages say how much was cut, in the same words."""

from __future__ import annotations

from typing import Any

IN_JSON = "the JSON output has all of them"


def truncated(shown: int, total: int, what: str, rest: str = IN_JSON) -> str:
    """``Showing 8 of 23 people (most mentioned first); the JSON output has all of them.`` — or "" when nothing
    was cut. ``rest`` says where the others are."""
    return f"Showing {shown} of {total} {what}; {rest}." if total > shown else ""


def shown_of(shown: int, total: int) -> str:
    """The short form for one line or one cell: ``4 of 9 shown``, or "" when nothing was cut."""
    return f"{shown} of {total} shown" if total > shown else ""


def cell(text: Any, limit: int = 160) -> str:
    """``text`` on one line for a Markdown table cell: whitespace collapsed, cut to ``limit`` characters with "…",
    pipes escaped."""
    s = " ".join(str(text if text is not None else "").split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("|", "\\|")
