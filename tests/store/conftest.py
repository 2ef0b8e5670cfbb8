"""Small stores built without analysis (no models load): articles written and committed as a worker would."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.model import Article
from newsprism.store import Store
from newsprism.store.dedup import SIG_TABLE, write_signatures
from newsprism.store.layout import fsync_write
from newsprism.store.shards import write_partition
from newsprism.store.stories import FEATURE_SCHEMA, FEATURE_TABLE

WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
]


def words(seed: int, n: int = 40) -> str:
    """A made-up body whose 5-word shingles differ from every other seed's."""
    rng = np.random.default_rng(seed)
    return " ".join(WORDS[int(i)] + str(seed) for i in rng.integers(0, len(WORDS), n)) + "."


def art(aid: str, text: str | None = None, outlet: str | None = "Daily", published: str | None = None) -> Article:
    return Article(id=aid, outlet=outlet, published=published, text=text or words(sum(map(ord, aid))))


def commit_partition(
    store: Store,
    name: str,
    articles: list[Article],
    signatures: bool = True,
    vectors: Iterable[list[float]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Write a partition's shards and commit its ledger line (as the ingest coordinator does)."""
    items = list(enumerate(articles))
    counts = write_partition(store, name, items)
    if signatures:
        counts[SIG_TABLE] = write_signatures(store, name, items)
    if vectors is not None:
        counts[FEATURE_TABLE] = write_features(store, name, articles, list(vectors))
    entry = {
        "partition": name,
        "n": len(items),
        "ids": [a.id for a in articles],
        "tables": sorted(counts),
        "counts": counts,
        "rejects": [],
        **extra,
    }
    store.commit(entry)
    return entry


def write_features(store: Store, name: str, articles: list[Article], vectors: list[list[float]]) -> int:
    """A story-features shard with made-up vectors (no embedding model)."""
    rows = [
        {
            "article_id": a.id,
            "published": a.published,
            "vector": v,
            "entities": json.dumps({}),
            "surfaces": json.dumps({}),
        }
        for a, v in zip(articles, vectors, strict=True)
    ]
    table = pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA)
    path = store.shard_path(FEATURE_TABLE, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return len(rows)


def new_store(root: Path, parts: dict[str, list[Article]], **extra: Any) -> Store:
    store = Store(root, create=True)
    for name, arts in parts.items():
        commit_partition(store, name, arts, **extra)
    return store


def write_bytes(path: Path, data: bytes) -> None:
    fsync_write(path, data)


def unit_vectors(n: int, dim: int = 4) -> list[list[float]]:
    """n articles with the same made-up story vector (one story per date window)."""
    return [[1.0] + [0.0] * (dim - 1) for _ in range(n)]
