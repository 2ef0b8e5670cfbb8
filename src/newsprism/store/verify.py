"""``newsprism store verify``: every committed shard readable, counts and ids match the ledger, ids unique,
derived tables (duplicates, stories) consistent, no leftovers of killed writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newsprism.store.catalog import RECOMPUTABLE, readable_parquet
from newsprism.store.layout import TABLES, TMP_MARK, Store


@dataclass
class Problem:
    kind: str  # missing_shard | unreadable_shard | count_mismatch | duplicate_id | derived | leftover | settings
    where: str
    detail: str
    partition: str | None = None  # set when quarantining this partition repairs it

    def line(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


@dataclass
class Report:
    partitions: int = 0
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def damaged_partitions(self) -> list[str]:
        return sorted({p.partition for p in self.problems if p.partition})

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "partitions": self.partitions,
            "articles": self.articles,
            "problems": [{"kind": p.kind, "where": p.where, "detail": p.detail} for p in self.problems],
        }


def _check_partition(store: Store, entry: dict[str, Any], seen: dict[str, str], report: Report) -> None:
    name = entry["partition"]
    for table in entry.get("tables", TABLES):
        path = store.shard_path(table, name)
        where = f"shards/{table}/{name}.parquet"
        if not path.exists():
            if table not in RECOMPUTABLE:
                report.problems.append(Problem("missing_shard", where, "committed but gone", name))
            continue
        if not readable_parquet(path):
            report.problems.append(Problem("unreadable_shard", where, "not a readable Parquet file", name))
            continue
        counts = entry.get("counts") or {}
        if table in counts and pq.ParquetFile(path).metadata.num_rows != counts[table]:
            rows = pq.ParquetFile(path).metadata.num_rows
            report.problems.append(Problem("count_mismatch", where, f"{rows} rows, ledger says {counts[table]}", name))
    path = store.shard_path("articles", name)
    if not path.exists() or not readable_parquet(path):
        return
    try:
        ids = [str(x) for x in pq.read_table(path, columns=["id"]).column("id").to_pylist()]
    except (OSError, ValueError):
        report.problems.append(Problem("unreadable_shard", f"shards/articles/{name}.parquet", "id column", name))
        return
    if "ids" in entry and sorted(ids) != sorted(entry["ids"]):
        report.problems.append(Problem("count_mismatch", f"shards/articles/{name}.parquet", "ids differ", name))
    report.articles += len(ids)
    for aid in ids:
        if aid in seen:
            report.problems.append(Problem("duplicate_id", aid, f"in {seen[aid]} and {name}", name))
        else:
            seen[aid] = name


def _check_derived(store: Store, report: Report, ids: set[str]) -> None:
    from newsprism.store.dedup import _manifest

    try:
        manifest = _manifest(store)
    except Exception as exc:
        report.problems.append(Problem("derived", "dedup/manifest.json", str(exc)))  # not "never computed"
        _check_stories(store, report, ids)
        return
    if manifest is None and store.ledger() and not store.duplicates_path.exists():
        report.problems.append(Problem("derived", "dedup/manifest.json", "duplicates were never computed"))
    if manifest is not None:
        for name in manifest["parts"]:
            if not readable_parquet(store.dedup_dir / name):
                report.problems.append(Problem("derived", f"dedup/{name}", "unreadable duplicates part"))
        uncovered = {e["partition"] for e in store.ledger()} - set(manifest["covered"])
        if uncovered:
            report.problems.append(
                Problem("derived", "dedup/manifest.json", f"{len(uncovered)} partition(s) not deduplicated")
            )
    _check_stories(store, report, ids)


def _check_stories(store: Store, report: Report, ids: set[str]) -> None:
    if store.stories_path.exists():
        if not readable_parquet(store.stories_path):
            report.problems.append(Problem("derived", "stories/stories.parquet", "unreadable"))
        else:
            story_ids = {str(x) for x in pq.read_table(store.stories_path, columns=["id"]).column("id").to_pylist()}
            if story_ids != ids:
                report.problems.append(
                    Problem("derived", "stories/stories.parquet", f"{len(story_ids)} articles, store has {len(ids)}")
                )


def leftovers(store: Store) -> list[Path]:
    listed = {store.shard_path(t, e["partition"]) for e in store.ledger() for t in e.get("tables", TABLES)}
    found = [p for p in store.root.rglob(f"*{TMP_MARK}*") if store.quarantine_dir not in p.parents]
    shards = store.root / "shards"
    found += [p for p in (shards.glob("*/*.parquet") if shards.exists() else []) if p not in listed]
    return sorted(found)


def verify(store: Store) -> Report:
    """Check the whole store; a clean store has no problems."""
    report = Report()
    ledger = sorted(store.ledger(), key=lambda e: e["partition"])
    report.partitions = len(ledger)
    meta = store.meta()
    if meta is None and ledger:
        report.problems.append(Problem("settings", "store.json", "missing: written before settings were recorded"))
    elif meta is not None:
        for e in ledger:
            if "fingerprint" in e and e["fingerprint"] != meta.get("fingerprint"):
                report.problems.append(
                    Problem("settings", e["partition"], "committed under other settings", e["partition"])
                )
    seen: dict[str, str] = {}
    for entry in ledger:
        _check_partition(store, entry, seen, report)
    listed = {str(i) for e in ledger for i in e.get("ids", [])} if all("ids" in e for e in ledger) else set(seen)
    _check_derived(store, report, listed)  # against the ledger: a lost shard is reported once, above
    for path in leftovers(store):
        report.problems.append(
            Problem("leftover", str(path.relative_to(store.root)), "uncommitted file of a killed writer")
        )
    return report
