"""The techniques stage's store table: one row per persuasion-technique span (hidden ones too, ``shown`` false)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsprism.store.tables import SPAN_COLUMNS, ArticleRef, B, F, I, S, span_base, store_table

SCHEMA = pa.schema(
    [*SPAN_COLUMNS, ("technique", S), ("text", S), ("start", I), ("end", I), ("score", F), ("neutral", S), ("shown", B)]
)


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    return [
        {
            **span_base(ref, i),
            "technique": t["technique"],
            "text": t["text"],
            "start": t["start"],
            "end": t["end"],
            "score": t.get("score"),
            "neutral": t.get("neutral"),
            "shown": t.get("shown") is not False,  # false: below the shown-span threshold; views count shown only
        }
        for i, t in enumerate(d["techniques"])
    ]


store_table(stage="techniques", name="techniques", schema=SCHEMA, rows=rows)
