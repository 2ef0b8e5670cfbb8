"""The slant stage's store table: one row per article that has a slant."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsprism.store.tables import ArticleRef, F, S, store_table

SCHEMA = pa.schema(
    [
        ("article_id", S),
        ("outlet", S),
        ("published", S),
        ("label", S),
        ("score", F),
        ("confidence", F),
        ("hyperpartisan", F),
    ]
)


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    slant = d.get("slant") or None
    if not slant:
        return []
    return [
        {
            "article_id": ref.article_id,
            "outlet": ref.outlet,
            "published": ref.published,
            "label": slant.get("label"),
            "score": slant.get("score"),
            "confidence": slant.get("confidence"),
            "hyperpartisan": slant.get("hyperpartisan"),
        }
    ]


store_table(stage="slant", name="slant", schema=SCHEMA, rows=rows)
