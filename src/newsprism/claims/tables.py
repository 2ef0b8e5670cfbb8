"""The claims stage's store table: one row per check-worthy claim, numbers as JSON."""

from __future__ import annotations

import json
import re
from typing import Any

import pyarrow as pa

from newsprism.store.tables import SPAN_COLUMNS, ArticleRef, B, F, I, S, span_base, store_table

SCHEMA = pa.schema(
    [
        *SPAN_COLUMNS,
        ("text", S),
        ("start", I),
        ("end", I),
        ("checkworthiness", F),
        ("subjectivity", F),
        ("type", S),
        ("has_number", B),
        ("numbers", S),
    ]
)
_NUMBER = re.compile(r"\d")


def rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    out = []
    for i, c in enumerate(d["claims"]):
        nums = c.get("numbers")
        out.append(
            {
                **span_base(ref, i),
                "text": c["text"],
                "start": c["start"],
                "end": c["end"],
                "checkworthiness": c.get("checkworthiness"),
                "subjectivity": c.get("subjectivity"),
                "type": c.get("type"),
                "has_number": bool(nums) if nums is not None else bool(_NUMBER.search(c["text"])),
                "numbers": json.dumps(nums or [], ensure_ascii=False),
            }
        )
    return out


store_table(stage="claims", name="claims", schema=SCHEMA, rows=rows)
