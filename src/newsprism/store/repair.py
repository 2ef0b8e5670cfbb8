"""``newsprism store repair``: quarantine damaged partitions, re-ingest their records, rebuild derived tables.

Under the writer lock: leftovers of killed writers are deleted; every partition with a missing, unreadable
or inconsistent shard is moved to ``quarantine/<partition>/`` and dropped from the ledger (rewritten
atomically); the records it held are re-analysed from the inputs the ledger recorded (records already in
the store are skipped by id, as on any resume); then duplicates and stories are recomputed from scratch.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.options import load_options
from newsprism.store.layout import TABLES, Store, store_os_error
from newsprism.store.verify import verify


@dataclass
class RepairResult:
    quarantined: list[str] = field(default_factory=list)
    lost_ids: int = 0  # ids the quarantined partitions held
    reingested: int = 0
    missing_sources: list[str] = field(default_factory=list)
    removed_leftovers: int = 0
    rebuilt: list[str] = field(default_factory=list)
    error: str | None = None


def _quarantine(store: Store, partitions: list[str]) -> tuple[list[str], int]:
    """Move the partitions' shards aside and drop their ledger lines; returns (sources, ids held)."""
    keep, sources, held = [], [], 0
    for entry in store.ledger():
        if entry["partition"] not in partitions:
            keep.append(entry)
            continue
        held += int(entry.get("n", 0))
        sources += [s for s in entry.get("sources", []) if s not in sources]
        target = store.quarantine_dir / f"{entry['partition']}-{int(time.time())}"
        for table in entry.get("tables", TABLES):
            path = store.shard_path(table, entry["partition"])
            if path.exists():
                target.mkdir(parents=True, exist_ok=True)
                shutil.move(str(path), target / f"{table}.parquet")
    store.rewrite_ledger(keep)
    return sources, held


def _reset_derived(store: Store) -> list[str]:
    rebuilt = []
    if store.dedup_dir.exists():
        shutil.rmtree(store.dedup_dir)
        rebuilt.append("duplicates")
    if store.stories_path.exists():
        store.stories_path.unlink()
        rebuilt.append("stories")
    return rebuilt


def repair(store: Store, workers: int = 1) -> RepairResult:
    """Bring the store back to a state that verifies clean, losing no record whose input still exists."""
    from newsprism.batch.runner import _ingest_locked

    result = RepairResult()
    with store.writer():
        try:
            result.removed_leftovers = len(store.remove_leftovers())
            report = verify(store)
            damaged = report.damaged_partitions()
            had_stories = store.stories_path.exists() or any(
                "story_features" in e.get("tables", ()) for e in store.ledger()
            )
            sources: list[str] = []
            if damaged:
                sources, result.lost_ids = _quarantine(store, damaged)
                result.quarantined = damaged
            result.rebuilt = _reset_derived(store)
            meta = store.meta()
            present = [s for s in sources if s.startswith(("http://", "https://")) or Path(s).exists()]
            result.missing_sources = [s for s in sources if s not in present]
            if meta is not None and present:
                stages = tuple(meta.get("provenance", {}).get("stages", {})) or None
                options = load_options(stages=stages) if stages else load_options()
                try:  # also recomputes duplicates and stories
                    done = _ingest_locked(store, present, options, workers, None, 100, None, had_stories)
                    result.reingested = done.articles
                    return result
                except NewsprismError as exc:  # e.g. other settings now (E125): the store stays consistent
                    result.error = str(exc)
            from newsprism.store.dedup import update_duplicates
            from newsprism.store.stories import rebuild_stories

            update_duplicates(store)
            if had_stories:
                rebuild_stories(store)
        except OSError as exc:
            raise store_os_error(store.root, exc) from None
    return result
