"""The partition function every executor runs: analyse with a per-process pipeline, write the shards."""

from __future__ import annotations

import resource
import sys
from functools import lru_cache
from typing import Any

from newsprism.model import Article
from newsprism.options import Options
from newsprism.pipeline import Pipeline
from newsprism.store.layout import Store
from newsprism.store.shards import write_partition


@lru_cache(maxsize=4)
def _pipeline(options: Options) -> Pipeline:
    return Pipeline(options)  # loaded once per worker process


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def process_partition(root: str, name: str, items: list[tuple[int, Article]], options: Options) -> dict[str, Any]:
    """Analyse one partition and write its shards (not yet committed: the coordinator appends the ledger)."""
    pipeline = _pipeline(options)
    analysed = list(pipeline.pipe(a for _, a in items))
    counts = write_partition(Store(root), name, [(pos, art) for (pos, _), art in zip(items, analysed, strict=True)])
    return {"counts": counts, "ids": [a.id for a in analysed], "peak_rss_mb": round(peak_rss_mb(), 1)}
