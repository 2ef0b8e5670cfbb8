"""Resumable, exactly-once ingest: skip committed partitions, run the rest, commit each in the ledger."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from newsprism.batch.partitions import Partition, iter_partitions, source_fingerprint
from newsprism.batch.worker import process_partition
from newsprism.errors import StoreError
from newsprism.options import Options
from newsprism.store.dedup import update_duplicates
from newsprism.store.layout import Store
from newsprism.store.stories import rebuild_stories

Progress = Callable[[int, int], None]  # (articles done this run, articles skipped as already committed)


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

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def _entry(part: Partition, result: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    return {
        "partition": part.name,
        "n": len(part.items),
        "first": part.items[0][0] if part.items else None,
        "tables": sorted(result["counts"]),
        "counts": result["counts"],
        "rejects": part.rejects,
        "input": fingerprint,
        "committed_at": time.time(),
    }


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
    store = Store(root, create=True)
    fingerprint = source_fingerprint(sources, batch_size)
    ledger = store.ledger()
    for entry in ledger:
        if entry.get("input") != fingerprint:
            raise StoreError("E125", path=root, previous=entry.get("input"), current=fingerprint)
    done = _committed(ledger)
    result = IngestResult()
    start = time.perf_counter()
    report = on_progress or (lambda _a, _s: None)

    def finish(part: Partition, out: dict[str, Any]) -> None:
        store.commit(_entry(part, out, fingerprint))
        result.articles += len(part.items)
        result.partitions += 1
        result.rejects += len(part.rejects)
        result.peak_rss_mb.append(out["peak_rss_mb"])
        report(result.articles, result.skipped)

    if workers > 1 and not options.threads:  # split the cores between worker processes
        options = options.replace(threads=max(1, (os.cpu_count() or 1) // workers))
    todo = (t for p in iter_partitions(sources, options, batch_size) if (t := _todo(p, done, result, report)))
    if scheduler:
        _run_dask(scheduler, workers, todo, root, options, finish, stories)
    elif workers <= 1:
        for part in todo:
            finish(part, process_partition(root, part.name, part.items, options, stories))
    else:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            inflight: dict[Future[dict[str, Any]], Partition] = {}
            for part in todo:
                inflight[pool.submit(process_partition, root, part.name, part.items, options, stories)] = part
                if len(inflight) >= 2 * workers:
                    _drain(inflight, finish, FIRST_COMPLETED)
            _drain(inflight, finish, None)
    result.seconds = time.perf_counter() - start
    result.duplicates = update_duplicates(store)
    if stories:
        result.stories = rebuild_stories(store)
    return result


def _committed(ledger: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Base partition name → (articles, rejects) committed under it, its tail partitions included."""
    done: dict[str, tuple[int, int]] = {}
    for e in ledger:
        base = str(e["partition"]).split("+", 1)[0]
        n, r = done.get(base, (0, 0))
        done[base] = (n + int(e.get("n", 0)), r + len(e.get("rejects") or []))
    return done


def _todo(
    part: Partition, done: dict[str, tuple[int, int]], result: IngestResult, report: Progress
) -> Partition | None:
    """The part of ``part`` still to ingest: all of it, nothing, or a tail when the input grew.

    A source appended to after a run fills its last, partial partition further; the records past those
    already committed become a tail partition ``pNNNNNNNN+K`` (K = articles committed before it), which
    sorts right after its base, so no appended record is lost and none is stored twice.
    """
    if part.name not in done:
        return part
    n, r = done[part.name]
    result.skipped += min(n, len(part.items))
    report(result.articles, result.skipped)
    if len(part.items) < n:
        raise StoreError("E126", partition=part.name, committed=n, now=len(part.items), reason="the input shrank")
    if len(part.items) == n and len(part.rejects) <= r:
        return None
    return Partition(f"{part.name}+{n}", part.items[n:], part.rejects[r:])


def _drain(
    inflight: dict[Any, Partition], finish: Callable[[Partition, dict[str, Any]], None], mode: str | None
) -> None:
    while inflight:
        finished, _ = wait(list(inflight), return_when=mode or "ALL_COMPLETED")
        for fut in finished:
            finish(inflight.pop(fut), fut.result())
        if mode:
            return


def _run_dask(
    scheduler: str,
    workers: int,
    todo: Any,
    root: str,
    options: Options,
    finish: Callable[[Partition, dict[str, Any]], None],
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
                for fut in finished:
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
