"""The tone stage's store table: one row per person or organisation an article talks about, with its tone."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsprism.store.tables import SPAN_COLUMNS, ArticleRef, F, I, S, span_base, store_table

SCHEMA = pa.schema([*SPAN_COLUMNS, ("target", S), ("kind", S), ("label", S), ("score", F), ("mentions", I)])


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    return [
        {
            **span_base(ref, i),
            "target": t["target"],
            "kind": t.get("kind"),
            "label": t.get("label"),
            "score": t.get("score"),
            "mentions": t.get("mentions"),
        }
        for i, t in enumerate(d.get("tone") or [])
    ]


store_table(stage="tone", name="tone", schema=SCHEMA, rows=rows)
