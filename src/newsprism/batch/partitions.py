"""Deterministic partitions of the input: record index ranges, each with the bad records met inside it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newsprism.errors import InputError
from newsprism.ingest import iter_articles
from newsprism.model import Article
from newsprism.options import Options


@dataclass
class Partition:
    name: str
    items: list[tuple[int, Article]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)


def partition_name(index: int) -> str:
    return f"p{index:08d}"


def iter_partitions(sources: list[str], options: Options, batch_size: int) -> Iterator[Partition]:
    """Partition k holds the articles at input positions [k*batch_size, (k+1)*batch_size).

    A bad record belongs to the partition being filled when it is met, so reruns file it identically.
    """
    current = Partition(partition_name(0))
    pending: list[InputError] = []

    def on_error(exc: InputError) -> None:
        pending.append(exc)

    for count, article in enumerate(iter_articles(sources, options, on_error=on_error)):
        index = count // batch_size
        if index != int(current.name[1:]):
            yield current
            current = Partition(partition_name(index))
        current.rejects.extend(_reject(current.name, e) for e in pending)
        pending.clear()
        current.items.append((count, article))
    current.rejects.extend(_reject(current.name, e) for e in pending)
    if current.items or current.rejects:
        yield current


def _reject(partition: str, exc: InputError) -> dict[str, Any]:
    return {
        "partition": partition,
        "source": str(exc.fields.get("source", "")),
        "code": exc.code,
        "reason": exc.message,
    }


def estimate_total(sources: list[str]) -> int | None:
    """Cheap record count for the progress ETA (lines of JSONL, Parquet row counts, files)."""
    total = 0
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
    return total


def source_fingerprint(sources: list[str], batch_size: int) -> str:
    return json.dumps(
        {"sources": [str(Path(s).resolve()) if Path(s).exists() else s for s in sources], "batch_size": batch_size},
        sort_keys=True,
    )
