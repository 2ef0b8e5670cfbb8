"""Store directory layout, the commit ledger (the only source of truth for readers) and the writer lock.

``DIR/store.json``                          the store's analysis settings: provenance and its fingerprint
``DIR/ledger.jsonl``                        one fsynced line per committed partition (its record ids)
``DIR/shards/<table>/<partition>.parquet``  one file per committed batch and table
``DIR/rejects.jsonl``                       bad input records with the reason (rebuilt from the ledger)
``DIR/dedup/manifest.json``                 duplicates parts and the partitions they cover (store/dedup.py)
``DIR/stories/stories.parquet``             story of every article (store/stories.py)
``DIR/quarantine/``                         damaged shards moved aside by ``newsprism store repair``
``DIR/.lock``                               held (flock) by the one ingest or repair writing the store
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError

TABLES = ("articles", "quotes", "claims", "techniques", "slant", "sentences")
TMP_MARK = ".tmp-"


def fsync_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file, fsync, rename, fsync the directory.

    The temp file is removed when anything fails (a full disk, a read-only directory), so no
    ``.NAME.tmp-PID`` file is left behind; a process killed mid-write leaves one that the next
    writer of the store removes (:meth:`Store.remove_leftovers`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_os_error(root: Path, exc: OSError) -> StoreError:
    """A one-line coded error for a failed store write (read-only, full disk, permissions)."""
    if exc.errno == errno.EROFS:
        reason = "the store is on a read-only file system"
    elif exc.errno == errno.ENOSPC:
        reason = "no space left on the device (nothing was committed; rerun after freeing space)"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        reason = "permission denied (the store is read-only for this user)"
    else:
        reason = f"{exc.strerror or type(exc).__name__}: {exc.filename or ''}".rstrip(": ")
    return StoreError("E040", path=str(root), reason=reason)


class Store:
    """A store directory; readers see only partitions recorded in the ledger."""

    def __init__(self, root: str | Path, create: bool = False) -> None:
        self.root = Path(root)
        self._cache: tuple[tuple[int, int, int], list[dict[str, Any]]] | None = None
        if self.root.exists() and not self.root.is_dir():
            raise StoreError("E040", path=str(self.root), reason="not a directory")
        if create and not self.ledger_path.exists():
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                fsync_write(self.ledger_path, b"")
            except OSError as exc:
                raise store_os_error(self.root, exc) from None
        elif not self.ledger_path.exists():
            raise StoreError("E040", path=str(self.root), reason="not a newsprism store (no ledger.jsonl)")

    @property
    def ledger_path(self) -> Path:
        return self.root / "ledger.jsonl"

    @property
    def meta_path(self) -> Path:
        return self.root / "store.json"

    @property
    def lock_path(self) -> Path:
        return self.root / ".lock"

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

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    def shard_path(self, table: str, partition: str) -> Path:
        return self.root / "shards" / table / f"{partition}.parquet"

    def ledger(self) -> list[dict[str, Any]]:
        """Committed partitions; a torn last line (crash mid-append) is ignored. Cached until the file changes."""
        try:
            st = self.ledger_path.stat()
        except OSError as exc:
            raise StoreError("E040", path=str(self.root), reason=f"cannot read ledger.jsonl ({exc.strerror})") from None
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]
        entries: list[dict[str, Any]] = []
        seen: set[str] = set()
        for line in self.ledger_path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("partition"), str) and entry["partition"] not in seen:
                seen.add(entry["partition"])
                entries.append(entry)
        self._cache = (stamp, entries)
        return entries

    def committed(self) -> set[str]:
        return {e["partition"] for e in self.ledger()}

    def meta(self) -> dict[str, Any] | None:
        """The store's recorded analysis settings (``store.json``), None for a new or older store."""
        if not self.meta_path.exists():
            return None
        try:
            data = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError("E131", path=str(self.root), reason=f"store.json is unreadable ({exc})") from None
        return data if isinstance(data, dict) else None

    def write_meta(self, meta: dict[str, Any]) -> None:
        fsync_write(self.meta_path, (json.dumps(meta, indent=1, sort_keys=True) + "\n").encode("utf-8"))

    def commit(self, entry: dict[str, Any]) -> None:
        """Append one ledger line (the commit point), fsynced; then rebuild rejects.jsonl."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        with open(self.ledger_path, "ab") as fh:
            start = fh.tell()
            try:
                if start and not self._ends_with_newline():
                    fh.write(b"\n")  # a torn line from a crash stays its own (ignored) line
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
            except OSError:
                fh.truncate(start)  # a failed append (full disk) leaves no partial line
                raise
        if entry.get("rejects"):
            self.write_rejects()

    def rewrite_ledger(self, entries: list[dict[str, Any]]) -> None:
        """Replace the ledger atomically (repair: drop quarantined partitions)."""
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
        fsync_write(self.ledger_path, text.encode("utf-8"))
        self.write_rejects()

    def _ends_with_newline(self) -> bool:
        with open(self.ledger_path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def write_rejects(self) -> None:
        rows = [r for e in sorted(self.ledger(), key=lambda e: e["partition"]) for r in e.get("rejects", [])]
        fsync_write(self.rejects_path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())

    def shard_files(self, table: str, missing_ok: bool = False) -> list[Path]:
        """The committed shards of ``table`` in store order.

        A committed shard that is gone is damage, not an empty partition: E131 unless ``missing_ok``
        (tables that can be recomputed from the articles, such as signatures and story vectors).
        """
        files = []
        for entry in sorted(self.ledger(), key=lambda e: e["partition"]):
            if table in entry.get("tables", TABLES):
                path = self.shard_path(table, entry["partition"])
                if path.exists():
                    files.append(path)
                elif not missing_ok:
                    raise StoreError(
                        "E131", path=str(self.root), reason=f"committed shard {table}/{entry['partition']} is missing"
                    )
        return files

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Hold the store's writer lock (one ingest or repair at a time); refuse at once when it is held.

        ``flock`` is released by the kernel when the holder dies, so a killed ingest never leaves a
        stale lock. Readers take no lock: they see the ledger's committed partitions only.
        """
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise store_os_error(self.root, exc) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                raise StoreError("E127", path=str(self.root), pid=holder) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
            try:
                yield
            finally:
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def remove_leftovers(self) -> list[Path]:
        """Delete temp files of killed writers and shard files no ledger entry lists (lock held)."""
        listed = {self.shard_path(t, e["partition"]) for e in self.ledger() for t in e.get("tables", TABLES)}
        removed = []
        for path in self.root.rglob(f"*{TMP_MARK}*"):
            if path.is_file() and self.quarantine_dir not in path.parents:
                path.unlink(missing_ok=True)
                removed.append(path)
        shards = self.root / "shards"
        for path in shards.glob("*/*.parquet") if shards.exists() else []:
            if path not in listed:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed
