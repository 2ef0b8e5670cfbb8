"""The partition function every executor runs: analyse with a per-process pipeline, write the shards."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsprism.errors import NewsprismError, StoreError
from newsprism.model import Article
from newsprism.options import Options
from newsprism.pipeline import Pipeline
from newsprism.procmem import peak_rss_mb
from newsprism.store.dedup import SIG_TABLE, write_signatures
from newsprism.store.layout import Store
from newsprism.store.shards import write_partition
from newsprism.store.stories import FEATURE_TABLE, write_features


@lru_cache(maxsize=4)
def _pipeline(options: Options) -> Pipeline:
    pipeline = Pipeline(options)  # loaded once per worker process
    pipeline.set_error_handler(_keep_going)
    return pipeline


def _keep_going(article: Article, exc: Exception) -> None:
    """A stage bug on a batch must not stop a corpus run: the article keeps its W900 warning."""


def process_partition(
    root: str, name: str, items: list[tuple[int, Article]], options: Options, stories: bool = True
) -> dict[str, Any]:
    """Analyse one partition and write its shards, MinHash signatures included (committed by the coordinator)."""
    try:
        return _process(root, name, items, options, stories)
    except NewsprismError:
        raise
    except Exception as exc:  # surfaced with the partition name; the rerun retries it
        raise StoreError("E124", partition=name, reason=f"{type(exc).__name__}: {exc}") from exc


def _process(root: str, name: str, items: list[tuple[int, Article]], options: Options, stories: bool) -> dict[str, Any]:
    pipeline = _pipeline(options)
    analysed = list(pipeline.pipe(a for _, a in items))
    positioned = [(pos, art) for (pos, _), art in zip(items, analysed, strict=True)]
    counts = write_partition(Store(root), name, positioned)
    counts[SIG_TABLE] = write_signatures(Store(root), name, positioned)
    if stories:
        counts[FEATURE_TABLE] = write_features(Store(root), name, analysed)
    return {"counts": counts, "ids": [a.id for a in analysed], "peak_rss_mb": round(peak_rss_mb(), 1)}
