"""Store directory layout and the commit ledger (the only source of truth for readers).

``DIR/shards/<table>/<partition>.parquet``  one file per committed batch and table
``DIR/ledger.jsonl``                        one fsynced line per committed partition
``DIR/rejects.jsonl``                       bad input records with the reason (rebuilt from the ledger)
``DIR/dedup/manifest.json``                 duplicates parts and the partitions they cover (store/dedup.py)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError

TABLES = ("articles", "quotes", "claims", "techniques", "slant", "sentences")


def fsync_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file, fsync, rename, fsync the directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Store:
    """A store directory; readers see only partitions recorded in the ledger."""

    def __init__(self, root: str | Path, create: bool = False) -> None:
        self.root = Path(root)
        if create:
            self.root.mkdir(parents=True, exist_ok=True)
        elif not self.ledger_path.exists():
            raise StoreError("E040", path=str(self.root), reason="not a newsprism store (no ledger.jsonl)")
        if create and not self.ledger_path.exists():
            fsync_write(self.ledger_path, b"")

    @property
    def ledger_path(self) -> Path:
        return self.root / "ledger.jsonl"

    @property
    def rejects_path(self) -> Path:
        return self.root / "rejects.jsonl"

    @property
    def dedup_dir(self) -> Path:
        return self.root / "dedup"

    @property
    def dedup_manifest_path(self) -> Path:
        return self.dedup_dir / "manifest.json"

    @property
    def duplicates_path(self) -> Path:
        """The single duplicates file of stores written before incremental dedup."""
        return self.dedup_dir / "duplicates.parquet"

    @property
    def stories_path(self) -> Path:
        return self.root / "stories" / "stories.parquet"

    def shard_path(self, table: str, partition: str) -> Path:
        return self.root / "shards" / table / f"{partition}.parquet"

    def ledger(self) -> list[dict[str, Any]]:
        """Committed partitions; a torn last line (crash mid-append) is ignored."""
        entries: list[dict[str, Any]] = []
        seen: set[str] = set()
        for line in self.ledger_path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and entry.get("partition") not in seen:
                seen.add(entry["partition"])
                entries.append(entry)
        return entries

    def committed(self) -> set[str]:
        return {e["partition"] for e in self.ledger()}

    def commit(self, entry: dict[str, Any]) -> None:
        """Append one ledger line (the commit point), fsynced; then rebuild rejects.jsonl."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        with open(self.ledger_path, "ab") as fh:
            if fh.tell() and not self._ends_with_newline():
                fh.write(b"\n")  # a torn line from a crash stays its own (ignored) line
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
        if entry.get("rejects"):
            self.write_rejects()

    def _ends_with_newline(self) -> bool:
        with open(self.ledger_path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def write_rejects(self) -> None:
        rows = [r for e in sorted(self.ledger(), key=lambda e: e["partition"]) for r in e.get("rejects", [])]
        fsync_write(self.rejects_path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())

    def shard_files(self, table: str) -> list[Path]:
        files = []
        for entry in sorted(self.ledger(), key=lambda e: e["partition"]):
            if table in entry.get("tables", TABLES):
                path = self.shard_path(table, entry["partition"])
                if path.exists():
                    files.append(path)
        return files
