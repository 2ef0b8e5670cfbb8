"""The partition function every executor runs: analyse with a per-process pipeline, write the shards.

Articles are isolated from each other: when a stage fails on a batch, every article of the partition is
analysed again on its own, and the ones that still fail are returned as rejects (E129, or the error's
own code) while the rest are written. Worker processes die with their coordinator: ``PR_SET_PDEATHSIG``
on Linux, a watchdog thread elsewhere, and a parent check before every file they write.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from functools import lru_cache
from typing import Any

from newsprism.errors import NewsprismError, StoreError
from newsprism.model import Article
from newsprism.options import Options
from newsprism.pipeline import Pipeline
from newsprism.procmem import peak_rss_mb
from newsprism.profiling import StageTimes
from newsprism.store.dedup import SIG_TABLE, write_signatures
from newsprism.store.layout import Store
from newsprism.store.shards import write_partition
from newsprism.store.stories import FEATURE_TABLE, write_features

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5
_PARENT: int | None = None


def die_with_parent(parent: int) -> None:
    """Worker-process initializer: exit when the coordinator ``parent`` dies, whatever killed it."""
    global _PARENT
    _PARENT = parent
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # the kernel sends SIGKILL when the parent exits
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # died before the prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsprism-parent-watch", daemon=True).start()


def parent_alive() -> None:
    """Called before each write: a worker whose coordinator is gone never writes again."""
    if _PARENT is not None and os.getppid() != _PARENT:
        os._exit(1)


@lru_cache(maxsize=4)
def _pipeline(options: Options) -> Pipeline:
    return Pipeline(options)  # loaded once per worker process


def process_partition(
    root: str, name: str, items: list[tuple[int, Article]], options: Options, stories: bool = True
) -> dict[str, Any]:
    """Analyse one partition and write its shards, MinHash signatures included (committed by the coordinator)."""
    try:
        return _process(root, name, items, options, stories)
    except NewsprismError:
        raise
    except OSError as exc:
        from newsprism.store.layout import store_os_error

        raise store_os_error(Store(root).root, exc) from None
    except Exception as exc:  # surfaced with the partition name; the rerun retries it
        raise StoreError("E124", partition=name, reason=f"{type(exc).__name__}: {exc}") from exc


def analyse_isolated(
    pipeline: Pipeline, items: list[tuple[int, Article]]
) -> tuple[list[tuple[int, Article]], list[tuple[Article, NewsprismError]]]:
    """(analysed, failed): a failing article is failed alone, never its neighbours."""
    originals = [a.model_copy(deep=True) for _, a in items]
    failures: list[Exception] = []
    pipeline.set_error_handler(lambda _art, exc: failures.append(exc))
    try:
        analysed = list(pipeline.pipe(a for _, a in items))
        if not failures:
            return [(pos, art) for (pos, _), art in zip(items, analysed, strict=True)], []
    except NewsprismError:
        pass
    ok: list[tuple[int, Article]] = []
    failed: list[tuple[Article, NewsprismError]] = []
    for (pos, _), original in zip(items, originals, strict=True):
        failures.clear()
        source = original.source or original.id
        try:
            art = pipeline(original.model_copy(deep=True))
        except NewsprismError as exc:
            failed.append((original, exc))
            continue
        if failures:
            exc0 = failures[0]
            failed.append((original, StoreError("E129", source=source, reason=f"{type(exc0).__name__}: {exc0}")))
        else:
            ok.append((pos, art))
    return ok, failed


def _process(root: str, name: str, items: list[tuple[int, Article]], options: Options, stories: bool) -> dict[str, Any]:
    pipeline = _pipeline(options)
    times = StageTimes()  # seconds per stage, plus the store and story-vector writes (bench ingest's table)
    pipeline.on_stage = times
    try:
        positioned, failed = analyse_isolated(pipeline, items)
    finally:
        pipeline.on_stage = None
        times.close()
    if failed and not positioned and len(items) > 1:  # systemic (environment, model), not one bad article
        raise StoreError("E124", partition=name, reason=f"every article failed ({failed[0][1].message})")
    store = Store(root)
    t0 = time.perf_counter()
    counts = write_partition(store, name, positioned, guard=parent_alive)
    parent_alive()
    counts[SIG_TABLE] = write_signatures(store, name, positioned)
    times.add("store", time.perf_counter() - t0, len(positioned))
    if stories:
        parent_alive()
        t0 = time.perf_counter()
        counts[FEATURE_TABLE] = write_features(store, name, [a for _, a in positioned])
        times.add("stories", time.perf_counter() - t0, len(positioned))
    rejects = [{"partition": name, "source": a.source or a.id, "code": e.code, "reason": e.message} for a, e in failed]
    return {
        "counts": counts,
        "ids": [a.id for _, a in positioned],
        "failed_ids": [a.id for a, _ in failed],
        "rejects": rejects,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "stage_seconds": times.to_dict(),
    }
