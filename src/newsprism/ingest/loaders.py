"""Input loaders: each yields Articles with a canonical body text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.model import Article, content_id
from newsprism.options import Options

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def article_from_text(text: str, *, source: str | None = None, **meta: str | None) -> Article:
    """Build an Article from plain text; the id is the content hash unless ``id`` is given."""
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise InputError("E002", source=source or "<text>")
    art_id = meta.pop("id", None) or content_id(body)
    fields = {k: v for k, v in meta.items() if v is not None}
    return Article.model_validate({"id": art_id, "text": body, "source": source, **fields})


def _read_text_file(path: Path, options: Options) -> str:
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError("E004", size=size, cap=options.max_bytes, source=str(path))
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError("E003", source=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E005", source=str(path)) from exc


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.exists():
            yield path
        else:
            raise InputError("E001", path=str(path))


def iter_articles(paths: Iterable[str | Path], options: Options) -> Iterator[Article]:
    """Yield one Article per input file, in the order given (directories sorted by name)."""
    for path in _expand(paths):
        if path.suffix.lower() not in TEXT_SUFFIXES:
            raise InputError("E007", source=str(path))
        yield article_from_text(_read_text_file(path, options), source=str(path))
