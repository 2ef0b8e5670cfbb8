"""The quotes stage's store table: one row per quote with its resolved speaker."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from newsprism.store.tables import SPAN_COLUMNS, ArticleRef, I, S, span_base, store_table

SCHEMA = pa.schema([*SPAN_COLUMNS, ("text", S), ("start", I), ("end", I), ("kind", S), ("speaker", S), ("cue", S)])


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    out = []
    for i, q in enumerate(d["quotes"]):
        spk = q.get("speaker") or {}
        out.append(
            {
                **span_base(ref, i),
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "kind": q.get("kind"),
                "speaker": spk.get("name"),
                "cue": q.get("cue"),
            }
        )
    return out


store_table(stage="quotes", name="quotes", schema=SCHEMA, rows=rows)
