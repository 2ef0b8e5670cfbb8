"""Turn analysed articles into the registered tables' rows and write them as Parquet shards."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.model import Article
from newsprism.store.core_tables import article_key, content_hash
from newsprism.store.layout import Store, fsync_write
from newsprism.store.tables import ArticleRef, store_tables

__all__ = ["article_key", "article_rows", "content_hash", "schemas", "write_partition"]


def schemas() -> dict[str, pa.Schema]:
    """Name -> Arrow schema of every registered per-partition table."""
    return {name: t.schema for name, t in store_tables().items()}


def article_rows(article: Article, partition: str, position: int) -> dict[str, list[dict[str, Any]]]:
    """Rows for every registered table from one analysed article (fields follow Article.to_json_dict())."""
    d = article.to_json_dict()
    ref = ArticleRef(d["id"], d.get("outlet"), d.get("published"), partition, position)
    return {name: t.rows(d, ref) for name, t in store_tables().items()}


def write_partition(
    store: Store, partition: str, articles: list[tuple[int, Article]], guard: Callable[[], None] | None = None
) -> dict[str, int]:
    """Write one shard per table for a partition (atomic per file); returns row counts. Not yet committed.

    ``guard`` runs before each file is written (a worker checks that its coordinator is still alive).
    """
    tables = store_tables()
    merged: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
    for position, article in articles:
        for table, rows in article_rows(article, partition, position).items():
            merged[table].extend(rows)
    counts = {}
    for table, spec in tables.items():
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(merged[table], schema=spec.schema), buf, compression="zstd")
        if guard is not None:
            guard()
        fsync_write(store.shard_path(table, partition), buf.getvalue())
        counts[table] = len(merged[table])
    return counts
