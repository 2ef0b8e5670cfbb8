"""Dispatch inputs to the right reader and yield Articles in input order."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import article_from_html as _from_html
from newsprism.ingest.records import iter_jsonl, iter_parquet
from newsprism.ingest.text import build_article
from newsprism.ingest.url import article_from_url, is_url
from newsprism.model import Article
from newsprism.options import Options, load_options

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
OnError = Callable[[InputError], None]


def _raise(exc: InputError) -> None:
    raise exc


def article_from_text(text: str, *, source: str | None = None, options: Options | None = None, **meta: Any) -> Article:
    """Build an Article from plain text (title line and boilerplate handled as for files)."""
    opts = options or load_options()
    return build_article(text, source=source, boilerplate=opts.boilerplate, **meta)


def article_from_html(html: str, *, source: str | None = None, options: Options | None = None, **meta: Any) -> Article:
    """Build an Article from an HTML page (trafilatura extraction, then boilerplate lines)."""
    opts = options or load_options()
    return _from_html(html, source=source, boilerplate=opts.boilerplate, **meta)


def _read_bytes(path: Path, options: Options) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError("E004", size=size, cap=options.max_bytes, source=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise InputError("E001", path=f"{path} ({exc.strerror})") from None


def _from_bytes(data: bytes, source: str, options: Options, html: bool | None = None) -> Article:
    if not data.strip():
        raise InputError("E002", source=source)
    text, warnings = decode_bytes(data, source)
    if html is None:
        html = bool(LOOKS_HTML.match(text[:2000]))
    if html:
        return _from_html(text, source=source, warnings=warnings, boilerplate=options.boilerplate)
    return build_article(text, source=source, warnings=warnings, boilerplate=options.boilerplate)


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[str | Path, bool]]:
    """(item, found in a directory): a bad file found in a directory is one bad record, not a stop."""
    for raw in paths:
        if isinstance(raw, str) and (raw == "-" or is_url(raw)):
            yield raw, False
            continue
        path = Path(raw)
        if path.is_dir():
            yield from ((p, True) for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        elif path.exists():
            yield path, False
        else:
            raise InputError("E001", path=str(path))


def iter_articles(paths: Iterable[str | Path], options: Options, on_error: OnError | None = None) -> Iterator[Article]:
    """Yield Articles from files, directories (sorted), JSONL/Parquet corpora, URLs and ``-`` (stdin).

    A bad record inside a corpus goes to ``on_error`` (default: raise); a bad file or URL raises.
    """
    handler = on_error or _raise
    for item, in_dir in _expand(paths):
        if item == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise InputError("E004", size=f"over {options.max_bytes}", cap=options.max_bytes, source="<stdin>")
            yield _from_bytes(data, "<stdin>", options)
            continue
        if isinstance(item, str):
            yield article_from_url(item, options)
            continue
        suffix = item.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(item, handler, options.boilerplate, options.max_bytes)
        elif suffix in PARQUET_SUFFIXES:
            yield from iter_parquet(item, handler, options.boilerplate, options.max_bytes)
        else:
            html = True if suffix in HTML_SUFFIXES else None
            try:
                article = _from_bytes(_read_bytes(item, options), str(item), options, html)
            except InputError as exc:
                if not in_dir:
                    raise
                handler(exc)
                continue
            yield article
