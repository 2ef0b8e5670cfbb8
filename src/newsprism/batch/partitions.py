"""Partitions of the records a run still has to ingest, keyed by record identity, never by position.

A record's identity is its article id: the input ``id`` field, else the hash of its text (``content_id``).
The ledger lists the ids each partition committed, so a rerun skips exactly the records already in the
store wherever they now sit in the input: a file that sorts before the ingested ones, a record inserted
in the middle of a JSONL file, another input directory. A second record with an id already seen in this
run is rejected (E128) so ids stay unique and joins never double.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newsprism.errors import InputError, NewsprismError, StoreError
from newsprism.ingest import iter_articles
from newsprism.model import Article
from newsprism.options import Options
from newsprism.store.layout import Store

RejectKey = tuple[str, str, str, int]


@dataclass
class Partition:
    name: str
    items: list[tuple[int, Article]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)


def partition_name(index: int) -> str:
    return f"p{index:08d}"


def partition_index(name: str) -> int:
    """``p00000012`` and older tail names ``p00000012+5`` -> 12."""
    return int(name[1:].split("+", 1)[0])


@dataclass
class Committed:
    """What the ledger already holds: stored record ids and filed rejects.

    Records rejected by analysis (``failed_ids``) are retried by a rerun: a failure may be transient (a
    library being reinstalled, memory); their reject is not filed twice.
    """

    ids: set[str] = field(default_factory=set)
    rejects: set[RejectKey] = field(default_factory=set)
    next_index: int = 0

    @classmethod
    def from_store(cls, store: Store) -> Committed:
        done = cls()
        for entry in store.ledger():
            done.next_index = max(done.next_index, partition_index(entry["partition"]) + 1)
            if "ids" in entry:
                done.ids.update(entry["ids"])
            elif int(entry.get("n", 0)):  # a ledger line from before ids were recorded: read its shard
                path = store.shard_path("articles", entry["partition"])
                if not path.exists():
                    raise StoreError(
                        "E131", path=str(store.root), reason=f"committed shard articles/{entry['partition']} is missing"
                    )
                done.ids.update(str(x) for x in pq.read_table(path, columns=["id"]).column("id").to_pylist())
            done.rejects.update(reject_keys(entry.get("rejects", [])))
        return done


def reject_keys(rejects: list[dict[str, Any]]) -> list[RejectKey]:
    """Stable keys of rejects (the n-th identical reject of a run gets occurrence n)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for r in rejects:
        base = (str(r.get("code")), str(r.get("source")), str(r.get("reason")))
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


@dataclass
class Planner:
    """Feeds a run's records into new partitions: skips committed ids, flags duplicate ids, files rejects once."""

    done: Committed
    batch_size: int
    skipped: int = 0
    _seen: dict[str, str] = field(default_factory=dict)
    _reject_seen: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def is_new(self, row: dict[str, Any]) -> bool:
        """Count this reject and say whether the ledger lacks it (a rerun files nothing twice)."""
        base = (str(row["code"]), str(row["source"]), str(row["reason"]))
        key = (*base, self._reject_seen[base])
        self._reject_seen[base] += 1
        return key not in self.done.rejects

    def reject(self, part: Partition, exc: NewsprismError, source: str) -> None:
        row = {"partition": part.name, "source": source, "code": exc.code, "reason": exc.message}
        if self.is_new(row):
            part.rejects.append(row)

    def partitions(self, sources: list[str], options: Options) -> Iterator[Partition]:
        index = self.done.next_index
        current = Partition(partition_name(index))
        pending: list[InputError] = []
        for position, article in enumerate(iter_articles(sources, options, on_error=pending.append)):
            for exc in pending:
                self.reject(current, exc, str(exc.fields.get("source", "")))
            pending.clear()
            source = article.source or "?"
            if article.id in self._seen:
                dup = InputError("E128", id=article.id, source=source, first=self._seen[article.id])
                self.reject(current, dup, source)
                continue
            self._seen[article.id] = source
            if article.id in self.done.ids:
                self.skipped += 1
                continue
            current.items.append((position, article))
            if len(current.items) >= self.batch_size:
                yield current
                index += 1
                current = Partition(partition_name(index))
        for exc in pending:
            self.reject(current, exc, str(exc.fields.get("source", "")))
        if current.items or current.rejects:
            yield current


def estimate_total(sources: list[str]) -> int | None:
    """Cheap record count for the progress ETA (lines of JSONL, Parquet row counts, files); None if unknown."""
    total = 0
    try:
        for src in sources:
            path = Path(src)
            if path.is_dir():
                total += sum(1 for p in path.rglob("*") if p.is_file())
            elif path.suffix.lower() in (".jsonl", ".ndjson"):
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix.lower() in (".parquet", ".pq"):
                total += pq.ParquetFile(path).metadata.num_rows
            elif path.is_file():
                total += 1
            else:
                return None
    except (OSError, ValueError, ArithmeticError):  # unreadable or not Parquet: the loaders report it properly
        return None
    return total


def resolved_sources(sources: list[str]) -> list[str]:
    """Sources as the ledger records them (absolute paths; URLs and ``-`` as given), for repair."""
    return [str(Path(s).resolve()) if s != "-" and Path(s).exists() else s for s in sources]
