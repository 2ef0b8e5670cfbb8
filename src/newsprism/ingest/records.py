"""JSON Lines and Parquet corpora: one record per article (a text or html field plus metadata)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.dates import normalize_published
from newsprism.ingest.html import article_from_html
from newsprism.ingest.text import build_article
from newsprism.model import Article

TEXT_FIELDS = ("text", "content_original", "content", "body", "articleBody")
HTML_FIELDS = ("html", "raw_html")
META_FIELDS = {
    "id": ("id", "article_id", "ID", "uuid"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "sitename", "publisher", "domain"),
    "byline": ("byline", "author", "authors"),
    "published": ("published", "date", "publish_date", "published_at"),
    "url": ("url", "link"),
}
OnError = Callable[[InputError], None]


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def record_to_article(record: dict[str, Any], source: str, boilerplate: bool = True) -> Article:
    """Map a record's fields onto an Article (text or html field, plus metadata)."""
    if not isinstance(record, dict):
        raise InputError("E006", line="?", source=source, reason="a record must be a JSON object")
    meta: dict[str, Any] = {}
    for key, names in META_FIELDS.items():
        value = _first(record, names)
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        meta[key] = None if value is None else str(value)
    meta["published"] = normalize_published(meta["published"])
    text = _first(record, TEXT_FIELDS)
    if isinstance(text, str) and text.strip():
        return build_article(text, source=source, boilerplate=boilerplate, detect_title=meta["title"] is None, **meta)
    html = _first(record, HTML_FIELDS)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, source=source, boilerplate=boilerplate, **meta)
    raise InputError("E009", source=source, fields=", ".join(TEXT_FIELDS + HTML_FIELDS))


def iter_jsonl(
    path: Path,
    on_error: OnError,
    boilerplate: bool = True,
    max_bytes: int | None = None,
) -> Iterator[Article]:
    """Articles from a JSON Lines file; a bad line goes to ``on_error`` and the rest go on."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                if max_bytes is not None and len(raw) > max_bytes:
                    raise InputError("E004", size=len(raw), cap=max_bytes, source=where)
                try:
                    record = json.loads(raw.decode("utf-8-sig"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise InputError("E006", line=lineno, source=path, reason=f"invalid JSON ({exc})") from None
                yield record_to_article(record, where, boilerplate)
            except InputError as exc:
                on_error(exc)


def record_bytes(record: dict[str, Any]) -> int:
    """UTF-8 size of a record's string and byte values: what the size cap measures for a Parquet record."""
    return sum(
        len(v.encode("utf-8")) if isinstance(v, str) else len(v) for v in record.values() if isinstance(v, str | bytes)
    )


def iter_parquet(
    path: Path, on_error: OnError, boilerplate: bool = True, max_bytes: int | None = None
) -> Iterator[Article]:
    """Articles from a Parquet file, read in record batches (pyarrow); a record over ``max_bytes`` (E004) or
    otherwise bad goes to ``on_error`` and the rest go on, as for JSON Lines."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        raise InputError("E006", line=0, source=path, reason=f"not a readable Parquet file ({exc})") from None
    row = 0
    for batch in parquet.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            where = f"{path}:{row}"
            try:
                if max_bytes is not None and (size := record_bytes(record)) > max_bytes:
                    raise InputError("E004", size=size, cap=max_bytes, source=where)
                yield record_to_article(record, where, boilerplate)
            except InputError as exc:
                on_error(exc)
