"""Exact (content hash) and near-duplicate / syndicated copy detection (datasketch MinHash LSH).

Incremental: each worker stores its articles' MinHash signatures (``minhash`` shards, committed with the
partition). After an ingest the coordinator rebuilds the LSH from stored signatures, queries only the
partitions not yet deduplicated against everything before them in store order, and appends their rows
as a new part; ``dedup/manifest.json`` (rewritten atomically) lists the parts and covered partitions.
Articles without a stored signature (older stores) get one computed once from their text and kept.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store.catalog import DUP_SCHEMA, connect, readable_parquet
from newsprism.store.layout import Store, fsync_write
from newsprism.store.shards import article_key

SHINGLE = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme: part of what a stored signature means
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")

SIG_TABLE = "minhash"
SIG_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("key", pa.string()), ("hashvalues", pa.list_(pa.uint32(), NUM_PERM))]
)


@lru_cache(maxsize=1)
def _permutations() -> Any:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / float(NUM_PERM)  # as MinHash.jaccard


class _Index:
    """The dedup state after a prefix of the store: first id per content hash, LSH over the originals."""

    def __init__(self, threshold: float, signature: Callable[[int], np.ndarray]) -> None:
        self.first_by_hash: dict[str, str] = {}
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}
        self.signature = signature

    def add(self, i: int, aid: str, chash: str, query: bool = True) -> dict[str, object] | None:
        """Add row ``i``; with ``query`` return its duplicate row (the first copy is the original)."""
        first = self.first_by_hash.get(chash)
        if first is not None:
            if query and first != aid:
                return {"id": aid, "duplicate_of": first, "kind": "exact", "similarity": 1.0}
            return None
        self.first_by_hash[chash] = aid
        hv = self.signature(i)
        mh = LeanMinHash(seed=SEED, hashvalues=hv, scheme=SCHEME)
        out: dict[str, object] | None = None
        if query:
            sims = {c: _jaccard(hv, self.sigs[c]) for c in self.lsh.query(mh) if c != aid}
            if sims:
                best = max(sims, key=lambda c: (sims[c], c))
                out = {"id": aid, "duplicate_of": best, "kind": "near", "similarity": round(sims[best], 4)}
        if aid not in self.sigs:
            self.sigs[aid] = hv
            self.lsh.insert(aid, mh, check_duplication=False)
        return out


def find_duplicates(rows: list[tuple[str, str, str]], threshold: float = THRESHOLD) -> list[dict[str, object]]:
    """rows: (id, content_hash, text) in store order. The first copy is the original; copies point to it."""
    index = _Index(threshold, lambda i: minhash(rows[i][2]).hashvalues)
    return [r for i, (aid, chash, _) in enumerate(rows) if (r := index.add(i, aid, chash)) is not None]


def signature_rows(items: Iterable[tuple[str, str, str]]) -> pa.Table:
    """(article_id, key, text) -> a ``minhash`` table (one signature per article)."""
    ids, keys, sigs = [], [], []
    for aid, key, text in items:
        ids.append(aid)
        keys.append(key)
        sigs.append(minhash(text).hashvalues.astype(np.uint32))
    flat = pa.array(np.concatenate(sigs) if sigs else np.empty(0, np.uint32), type=pa.uint32())
    hv = pa.FixedSizeListArray.from_arrays(flat, NUM_PERM)
    return pa.Table.from_arrays([pa.array(ids, pa.string()), pa.array(keys, pa.string()), hv], schema=SIG_SCHEMA)


def _write(path: Path, table: pa.Table) -> None:
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    fsync_write(path, buf.getvalue())


def write_signatures(store: Store, partition: str, articles: list[tuple[int, Article]]) -> int:
    """Write a partition's ``minhash`` shard (atomic); committed with the partition's ledger entry."""
    table = signature_rows((a.id, article_key(partition, pos), a.text) for pos, a in articles)
    _write(store.shard_path(SIG_TABLE, partition), table)
    return table.num_rows


MANIFEST_KEYS = {"covered": list, "parts": list, "signatures": list, "rows": int, "next": int}


def _manifest(store: Store, strict: bool = True) -> dict[str, Any] | None:
    """The dedup manifest; a damaged one is E131 when ``strict``, else None (the writer rebuilds it)."""
    path = store.dedup_manifest_path
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ok = isinstance(data, dict) and all(isinstance(data.get(k), t) for k, t in MANIFEST_KEYS.items())
        files = [store.dedup_dir / n for n in (data["parts"] + data["signatures"])] if ok else []
        ok = ok and all(f.exists() for f in files)
    except (OSError, ValueError):
        ok = False
    if ok:
        return dict(data)
    if strict:
        raise StoreError("E131", path=str(store.root), reason="dedup/manifest.json or a part it lists is damaged")
    return None


def duplicate_parts(store: Store, strict: bool = True) -> list[Path]:
    """The committed duplicates files in store order (a store from before parts: its one rebuilt file)."""
    manifest = _manifest(store, strict)
    if manifest is None:
        if store.dedup_manifest_path.exists():  # damaged, not strict: the writer recomputes every row
            return []
        return [store.duplicates_path] if store.duplicates_path.exists() else []
    return [store.dedup_dir / name for name in manifest["parts"]]


def _load_signatures(files: Iterable[Path]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for path in files:
        table = pq.read_table(path, columns=["key", "hashvalues"])
        values = table.column("hashvalues").combine_chunks().flatten().to_numpy()
        out.update(zip(table.column("key").to_pylist(), values.reshape(-1, NUM_PERM), strict=True))
    return out


def update_duplicates(store: Store, threshold: float = THRESHOLD) -> int:
    """Dedup the partitions committed since the last run; returns the total number of duplicates.

    Equal to :func:`find_duplicates` over the whole store. If a partition arrives that sorts before an
    already covered one (only after an out-of-order partial run), all rows are recomputed from the
    stored signatures, since an earlier copy changes which copy is the original.
    """
    found = _manifest(store, strict=False)
    damaged = found is None and store.dedup_manifest_path.exists()
    if found is not None and not all(readable_parquet(store.dedup_dir / n) for n in found["parts"]):
        found, damaged = None, True
    manifest = found or {"covered": [], "parts": [], "signatures": [], "rows": 0, "next": 1}
    if damaged:  # rebuilt from the stored signatures (a damaged derived file never blocks an ingest)
        store.duplicates_path.unlink(missing_ok=True)
    committed = {e["partition"] for e in store.ledger()}
    covered = set(manifest["covered"]) & committed
    new = committed - covered
    if not new and found is not None:
        return int(manifest["rows"])
    if covered and new and min(new) < max(covered):
        covered, new = set(), committed
        manifest.update(covered=[], parts=[], rows=0)
    con = connect(store, derived=False)
    sql = "SELECT id, content_hash, key, partition FROM articles ORDER BY partition, position"
    order = [r for r in con.execute(sql).fetchall() if r[3] in committed]
    sig_files = [*store.shard_files(SIG_TABLE, missing_ok=True), *(store.dedup_dir / n for n in manifest["signatures"])]
    sig_files = [f for f in sig_files if readable_parquet(f)]  # a damaged signature file is recomputed
    sigs = _load_signatures(sig_files)
    missing = [str(r[2]) for r in order if r[2] not in sigs]
    if missing:  # stores from before signatures: computed once from the text, then kept
        con.register("_missing", pa.table({"key": missing}))
        texts = con.execute("SELECT a.id, a.key, a.text FROM articles a JOIN _missing m USING (key)").fetchall()
        table = signature_rows((str(a), str(k), str(t)) for a, k, t in texts)
        name = f"s{manifest['next']:08d}.parquet"
        _write(store.dedup_dir / name, table)
        manifest["signatures"].append(name)
        manifest["next"] += 1
        sigs.update(_load_signatures([store.dedup_dir / name]))
    index = _Index(threshold, lambda i: sigs[str(order[i][2])])
    rows = [
        r for i, (aid, chash, _, part) in enumerate(order) if (r := index.add(i, str(aid), str(chash), part in new))
    ]
    if rows:
        name = f"d{manifest['next']:08d}.parquet"
        _write(store.dedup_dir / name, pa.Table.from_pylist(rows, schema=DUP_SCHEMA))
        manifest["parts"].append(name)
        manifest["next"] += 1
    manifest["covered"] = sorted(covered | new)
    manifest["rows"] += len(rows)
    fsync_write(store.dedup_manifest_path, json.dumps(manifest).encode("utf-8"))  # the commit point
    _remove_unlisted(store, manifest)
    return int(manifest["rows"])


def _remove_unlisted(store: Store, manifest: dict[str, Any]) -> None:
    """Drop files no manifest lists: leftovers of a crash, replaced parts, the pre-parts duplicates file."""
    keep = {*manifest["parts"], *manifest["signatures"], store.dedup_manifest_path.name}
    for path in store.dedup_dir.glob("*.parquet"):
        if path.name not in keep:
            path.unlink(missing_ok=True)
