"""Store tables contributed by stage families: an Arrow schema and a row function per table.

Each stage family declares its tables in its own package (``quotes/tables.py``, ``claims/tables.py``…)
with :func:`store_table`; :data:`TABLE_MODULES` is the one list a new family is added to. Tables are
written in registration order; the row functions read the article's JSON contract dict, so a table
never depends on Python objects a stage keeps to itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()  # noqa: E741 (schema shorthand)

TABLE_MODULES = (
    "newsprism.store.core_tables",  # articles, sentences (the nlp stage and the article itself)
    "newsprism.quotes.tables",
    "newsprism.claims.tables",
    "newsprism.techniques.tables",
    "newsprism.slant.tables",
    "newsprism.frames.tables",
    "newsprism.tone.tables",
)


@dataclass(frozen=True)
class ArticleRef:
    """Where an article sits in the store, passed to every row function."""

    article_id: str
    outlet: str | None
    published: str | None
    partition: str
    position: int


Rows = Callable[[dict[str, Any], ArticleRef], list[dict[str, Any]]]


@dataclass(frozen=True)
class StoreTable:
    name: str
    stage: str
    schema: pa.Schema
    rows: Rows


_REGISTRY: dict[str, StoreTable] = {}


def store_table(*, stage: str, name: str, schema: pa.Schema, rows: Rows) -> StoreTable:
    """Register a store table (one Parquet shard per partition); names are unique across families."""
    if name in _REGISTRY and _REGISTRY[name].rows is not rows:
        raise ValueError(f"store table {name!r} is registered twice")
    table = StoreTable(name=name, stage=stage, schema=schema, rows=rows)
    _REGISTRY[name] = table
    return table


def store_tables() -> dict[str, StoreTable]:
    """Every registered table, in registration order (imports the families' table modules once)."""
    for module in TABLE_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


def span_base(ref: ArticleRef, idx: int) -> dict[str, Any]:
    """The leading columns every per-span table shares."""
    return {"article_id": ref.article_id, "outlet": ref.outlet, "published": ref.published, "idx": idx}


SPAN_COLUMNS = [("article_id", S), ("outlet", S), ("published", S), ("idx", I)]
