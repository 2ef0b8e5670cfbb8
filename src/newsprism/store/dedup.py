"""Exact (content hash) and near-duplicate / syndicated copy detection (datasketch MinHash LSH)."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import MinHash, MinHashLSH

from newsprism.store.catalog import DUP_SCHEMA, connect
from newsprism.store.layout import Store, fsync_write

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def find_duplicates(rows: list[tuple[str, str, str]], threshold: float = THRESHOLD) -> list[dict[str, object]]:
    """rows: (id, content_hash, text) in store order. The first copy is the original; copies point to it."""
    out: list[dict[str, object]] = []
    first_by_hash: dict[str, str] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for aid, chash, text in rows:
        if chash in first_by_hash:
            if first_by_hash[chash] != aid:
                out.append({"id": aid, "duplicate_of": first_by_hash[chash], "kind": "exact", "similarity": 1.0})
            continue
        first_by_hash[chash] = aid
        mh = minhash(text)
        candidates = [c for c in lsh.query(mh) if c != aid]
        if candidates:
            best = max(candidates, key=lambda c: (mh.jaccard(hashes[c]), c))
            out.append(
                {
                    "id": aid,
                    "duplicate_of": best,
                    "kind": "near",
                    "similarity": round(float(mh.jaccard(hashes[best])), 4),
                }
            )
        if aid not in hashes:
            hashes[aid] = mh
            lsh.insert(aid, mh)
    return out


def rebuild_duplicates(store: Store, threshold: float = THRESHOLD) -> int:
    """Recompute the duplicates table over all committed articles; returns the number of duplicates."""
    con = connect(store)
    rows = con.execute("SELECT id, content_hash, text FROM articles ORDER BY partition, position").fetchall()
    dups = find_duplicates([(str(a), str(h), str(t)) for a, h, t in rows], threshold)
    import io

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(dups, schema=DUP_SCHEMA), buf)
    fsync_write(store.duplicates_path, buf.getvalue())
    return len(dups)
