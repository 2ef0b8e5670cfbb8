"""Resumable, exactly-once ingest: under the store's writer lock, analyse the records the ledger lacks.

Partitions hold only records whose id the ledger does not list yet (batch/partitions.py); a worker
writes a partition's shards, the coordinator alone appends its ledger line (the commit point). Resuming
under other analysis settings is refused (store/settings.py).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.batch.partitions import Committed, Partition, Planner, resolved_sources
from newsprism.batch.worker import die_with_parent, process_partition
from newsprism.errors import InputError
from newsprism.extras import require
from newsprism.ingest.url import is_url
from newsprism.options import Options
from newsprism.profiling import StageTimes
from newsprism.store.dedup import update_duplicates
from newsprism.store.layout import Store, store_os_error
from newsprism.store.settings import check_settings
from newsprism.store.shards import schemas
from newsprism.store.stories import rebuild_stories

Progress = Callable[[int, int], None]  # (articles done this run, articles skipped as already committed)
Finish = Callable[[Partition, dict[str, Any]], None]


def _closed_times() -> StageTimes:
    times = StageTimes()
    times.close()  # a sum of the workers' tables: it collects no sections itself
    return times


@dataclass
class IngestResult:
    articles: int = 0
    skipped: int = 0
    partitions: int = 0
    rejects: int = 0
    duplicates: int = 0
    stories: int = 0
    seconds: float = 0.0
    peak_rss_mb: list[float] = field(default_factory=list)
    stage_seconds: StageTimes = field(default_factory=_closed_times)  # summed over workers (bench ingest)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def _entry(part: Partition, out: dict[str, Any], fingerprint: str, sources: list[str]) -> dict[str, Any]:
    rejects = part.rejects + out.get("rejects", [])
    return {
        "partition": part.name,
        "n": len(out["ids"]),
        "ids": out["ids"],
        "failed_ids": out.get("failed_ids", []),
        "tables": sorted(out["counts"]),
        "counts": out["counts"],
        "rejects": rejects,
        "fingerprint": fingerprint,
        "sources": sources,
        "committed_at": time.time(),
    }


def check_sources(sources: list[str]) -> None:
    """Every local source exists (E001) before the store is touched."""
    for src in sources:
        if src != "-" and not is_url(src) and not Path(src).exists():
            raise InputError("E001", path=src)


def ingest(
    sources: list[str],
    root: str,
    options: Options,
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = 100,
    on_progress: Progress | None = None,
    stories: bool = True,
) -> IngestResult:
    """Ingest ``sources`` into the store at ``root``; rerunning the same command resumes."""
    check_sources(sources)
    if scheduler:
        require("batch", "ingest --scheduler (Dask)")  # before the store is created: nothing half-written
    store = Store(root, create=True)
    with store.writer():
        try:
            return _ingest_locked(store, sources, options, workers, scheduler, batch_size, on_progress, stories)
        except OSError as exc:
            raise store_os_error(store.root, exc) from None


def _ingest_locked(
    store: Store,
    sources: list[str],
    options: Options,
    workers: int,
    scheduler: str | None,
    batch_size: int,
    on_progress: Progress | None,
    stories: bool,
) -> IngestResult:
    from newsprism.pipeline import Pipeline
    from newsprism.provenance import pipeline_provenance

    fingerprint = check_settings(store, pipeline_provenance(Pipeline(options).stages, options), record=True)
    store.remove_leftovers()
    for table in schemas():  # a committed shard that is gone: refuse to build on a damaged store (E131)
        store.shard_files(table)
    planner = Planner(Committed.from_store(store), max(1, batch_size))
    recorded = resolved_sources(sources)
    root = str(store.root)
    result = IngestResult()
    start = time.perf_counter()
    report = on_progress or (lambda _a, _s: None)

    def finish(part: Partition, out: dict[str, Any]) -> None:
        out["rejects"] = [r for r in out.get("rejects", []) if planner.is_new(r)]  # analysis rejects, once
        entry = _entry(part, out, fingerprint, recorded)
        store.commit(entry)
        result.articles += entry["n"]
        result.partitions += 1
        result.rejects += len(entry["rejects"])
        result.peak_rss_mb.append(out["peak_rss_mb"])
        result.stage_seconds.merge(out.get("stage_seconds") or {})
        result.skipped = planner.skipped
        report(result.articles, result.skipped)

    if workers > 1 and not options.threads:  # split the cores between worker processes
        options = options.replace(threads=max(1, (os.cpu_count() or 1) // workers))
    todo = planner.partitions(sources, options)
    if scheduler:
        _run_dask(scheduler, workers, todo, root, options, finish, stories)
    elif workers <= 1:
        for part in todo:
            finish(part, process_partition(root, part.name, part.items, options, stories))
    else:
        _run_pool(workers, todo, root, options, finish, stories)
    result.skipped = planner.skipped
    report(result.articles, result.skipped)
    result.seconds = time.perf_counter() - start
    result.duplicates = update_duplicates(store)
    if stories:
        result.stories = rebuild_stories(store)
    return result


def _run_pool(
    workers: int, todo: Iterator[Partition], root: str, options: Options, finish: Finish, stories: bool
) -> None:
    """Spawned worker processes that die with this process (batch/worker.py)."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        inflight: dict[Future[dict[str, Any]], Partition] = {}
        for part in todo:
            inflight[pool.submit(process_partition, root, part.name, part.items, options, stories)] = part
            if len(inflight) >= 2 * workers:
                _drain(inflight, finish, FIRST_COMPLETED)
        _drain(inflight, finish, None)


def _drain(inflight: dict[Any, Partition], finish: Finish, mode: str | None) -> None:
    while inflight:
        finished, _ = wait(list(inflight), return_when=mode or "ALL_COMPLETED")
        for fut in sorted(finished, key=lambda f: inflight[f].name):
            finish(inflight.pop(fut), fut.result())
        if mode:
            return


def _run_dask(
    scheduler: str,
    workers: int,
    todo: Any,
    root: str,
    options: Options,
    finish: Finish,
    stories: bool = True,
) -> None:
    """Same partitions and function on Dask: ``local`` starts a LocalCluster here (never at import)."""
    from dask.distributed import Client, LocalCluster
    from dask.distributed import wait as dwait

    cluster = (
        LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=":0")
        if scheduler == "local"
        else None
    )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        inflight: dict[Any, Partition] = {}
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def drain(all_: bool) -> None:
            while inflight:
                finished, _ = dwait(list(inflight), return_when="ALL_COMPLETED" if all_ else "FIRST_COMPLETED")
                for fut in sorted(finished, key=lambda f: inflight[f].name):
                    finish(inflight.pop(fut), fut.result())
                if not all_:
                    return

        for part in todo:
            inflight[client.submit(process_partition, root, part.name, part.items, options, stories, pure=False)] = part
            if len(inflight) >= limit:
                drain(False)
        drain(True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
