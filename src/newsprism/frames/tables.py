"""The frames stage's store table: one row per policy frame an article uses, with its score."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsprism.store.tables import SPAN_COLUMNS, ArticleRef, F, I, S, span_base, store_table

SCHEMA = pa.schema([*SPAN_COLUMNS, ("frame", S), ("score", F), ("sentences", I)])


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    return [
        {**span_base(ref, i), "frame": f["frame"], "score": f.get("score"), "sentences": f.get("sentences")}
        for i, f in enumerate(d.get("frames") or [])
    ]


store_table(stage="frames", name="frames", schema=SCHEMA, rows=rows)
