"""Offsets: every span of an Article points into its canonical text and its ``text`` is that slice (checks and
the shared span helpers)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from newsprism.model import Article


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space at either edge (empty spans stay empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def iter_spans(obj: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (path, record) for every nested object with text/start/end fields."""
    if isinstance(obj, BaseModel):
        data = obj.model_dump(by_alias=True)
        yield from iter_spans(data, path)
    elif isinstance(obj, dict):
        if {"start", "end"} <= obj.keys() and isinstance(obj.get("start"), int):
            yield path, obj
        for key, value in obj.items():
            yield from iter_spans(value, f"{path}.{key}" if path else key)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from iter_spans(value, f"{path}[{i}]")


def validate_offsets(article: Article) -> list[str]:
    """Return a list of problems: offsets out of range or ``text`` not equal to the slice."""
    problems = []
    n = len(article.text)
    data = article.to_json_dict()
    for key in ("boilerplate", "warnings", "quote_groups"):
        data.pop(key, None)  # these do not point into this article's text
    for path, rec in iter_spans(data):
        start, end = rec["start"], rec["end"]
        if start is None or end is None:
            continue
        if not (0 <= start <= end <= n):
            problems.append(f"{path}: offsets {start}:{end} outside 0:{n}")
        elif "text" in rec and rec["text"] is not None and rec["text"] != article.text[start:end]:
            problems.append(f"{path}: text {rec['text'][:40]!r} != slice {article.text[start:end][:40]!r}")
    return problems
