"""Stories in the store: per-article story features written by workers, one story pass after each ingest.

Workers embed each article once for grouping (``story_features`` shards, committed with the partition);
the coordinator then runs :class:`~newsprism.compare.grouping.StoryIndex` over all committed articles in
date order (a vector product per article over the open stories only) and rewrites ``stories.parquet``.
Articles without stored features (older stores, a run with ``--no-stories``) are embedded there.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.compare.features import StoryFeatures, parse_day, story_features
from newsprism.compare.grouping import StoryIndex
from newsprism.model import Article
from newsprism.store.layout import Store, fsync_write

FEATURE_TABLE = "story_features"
BACKFILL_CHUNK = 200  # articles without stored features are parsed and embedded this many at a time
FEATURE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published", pa.string()),
        ("vector", pa.list_(pa.float32())),
        ("entities", pa.string()),  # JSON {key: count}
        ("surfaces", pa.string()),  # JSON {key: written form}, for story labels
    ]
)
STORY_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("story", pa.int64()),
        ("story_size", pa.int64()),
        ("story_label", pa.string()),
        ("first_day", pa.string()),
        ("last_day", pa.string()),
    ]
)
LABEL_ENTITIES = 3


def feature_rows(articles: list[Article]) -> list[dict[str, object]]:
    """One ``story_features`` row per article (one MiniLM batch for all)."""
    rows = []
    for art, feat in zip(articles, story_features(articles), strict=True):
        rows.append(
            {
                "article_id": art.id,
                "published": art.published,
                "vector": feat.vector.astype(np.float32).tolist(),
                "entities": json.dumps(dict(feat.entities), ensure_ascii=False),
                "surfaces": json.dumps(feat.surfaces, ensure_ascii=False),
            }
        )
    return rows


def write_features(store: Store, partition: str, articles: list[Article]) -> int:
    """Write a partition's story-feature shard (atomic); committed with the partition's ledger entry."""
    rows = feature_rows(articles)
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=FEATURE_SCHEMA), buf, compression="zstd")
    fsync_write(store.shard_path(FEATURE_TABLE, partition), buf.getvalue())
    return len(rows)


def _features(row: dict[str, object]) -> StoryFeatures:
    return StoryFeatures(
        article_id=str(row["article_id"]),
        vector=np.asarray(row["vector"], dtype=np.float32),
        entities=Counter(json.loads(str(row["entities"]))),
        day=parse_day(str(row["published"]) if row["published"] else None),
        surfaces=json.loads(str(row["surfaces"])),
    )


def _label(members: list[StoryFeatures]) -> str:
    counts: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    for f in members:
        counts.update(set(f.entities))  # in how many articles, not how often
        for k, v in f.surfaces.items():
            surfaces.setdefault(k, v)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:LABEL_ENTITIES]  # ties: by key, not set order
    return ", ".join(surfaces.get(k, k) for k, _ in top)


def rebuild_stories(store: Store) -> int:
    """Group every committed article into stories; rewrites ``stories.parquet``; returns the story count."""
    from newsprism.store.catalog import connect

    con = connect(store, derived=False)
    order = [str(r[0]) for r in con.execute("SELECT id FROM articles ORDER BY partition, position").fetchall()]
    table = con.sql(f"SELECT * FROM {FEATURE_TABLE}").to_arrow_table()
    stored: dict[str, dict[str, object]] = {str(r["article_id"]): r for r in table.to_pylist()}
    missing = [aid for aid in order if aid not in stored]
    for start in range(0, len(missing), BACKFILL_CHUNK):  # older stores: records parsed a chunk at a time
        ids = missing[start : start + BACKFILL_CHUNK]
        records = con.execute("SELECT record FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        for row in feature_rows([Article.model_validate_json(rec) for (rec,) in records]):
            stored[str(row["article_id"])] = row
    feats = [_features(stored[aid]) for aid in order]
    ranked = sorted(range(len(feats)), key=lambda i: (feats[i].day or date.min, i))
    index = StoryIndex()
    story_of = [0] * len(feats)
    for i in ranked:
        story_of[i] = index.add(feats[i])
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(story_of):
        groups.setdefault(s, []).append(i)
    renumber = {s: k for k, s in enumerate(sorted(groups, key=lambda s: min(groups[s])))}
    rows = []
    for s, members in groups.items():
        days = sorted(f.day for f in (feats[i] for i in members) if f.day)
        label = _label([feats[i] for i in members])
        for i in members:
            rows.append(
                {
                    "id": feats[i].article_id,
                    "story": renumber[s],
                    "story_size": len(members),
                    "story_label": label,
                    "first_day": days[0].isoformat() if days else None,
                    "last_day": days[-1].isoformat() if days else None,
                }
            )
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=STORY_SCHEMA), buf)
    fsync_write(store.stories_path, buf.getvalue())
    return len(groups)
