"""One-off: time the dedup step when NEW articles arrive in a store of N, before vs after incremental dedup.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/bench_dedup.py [--n 2000] [--new 100] [--repeat 3]

Articles are read with ``iter_articles`` (reading + boilerplate, no NLP stage) from the AllSides sample
(the last ``--copies`` new ones replaced by exact and tag-line copies of
older ones) and written as a store directly (shards, signatures, ledger), as workers would. "before" is
``rebuild_duplicates`` from commit 4fb6f0b run verbatim (re-shingles every text); "after" is
``update_duplicates`` (LSH from stored signatures, only the new partition queried).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import tempfile
import time
import types
from itertools import islice
from pathlib import Path

import pyarrow.parquet as pq

from newsprism.ingest import iter_articles
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.dedup import SIG_TABLE, update_duplicates, write_signatures
from newsprism.store.shards import write_partition

DATA = "/work/shared/data/allsides/media_train_valid.jsonl"
BEFORE = "4fb6f0b"


def old_dedup() -> types.ModuleType:
    src = subprocess.run(
        ["git", "show", f"{BEFORE}:src/newsprism/store/dedup.py"], capture_output=True, text=True, check=True
    ).stdout
    mod = types.ModuleType("old_dedup")
    exec(compile(src, "old_dedup.py", "exec"), mod.__dict__)  # our own file at a fixed commit
    return mod


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--new", type=int, default=100)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=20, help="new articles replaced by copies of older ones")
    args = ap.parse_args()
    arts = list(
        islice(iter_articles([DATA], load_options(stages=("nlp",)), on_error=lambda e: None), args.n + args.new)
    )
    rng = random.Random(0)
    for k in range(args.copies):  # syndication: half exact copies, half with a wire tag line
        src = arts[rng.randrange(args.n)]
        text = src.text if k % 2 else src.text + " Reporting by the wire desk; editing by a night editor."
        arts[len(arts) - 1 - k] = src.model_copy(update={"id": f"copy{k}", "outlet": "Wire", "text": text})
    tmp = Path(tempfile.mkdtemp(prefix="bench_dedup_"))
    base = Store(tmp / "base", create=True)
    sig_s = 0.0

    def add(store: Store, start: int, stop: int) -> float:
        spent = 0.0
        for first in range(start, stop, args.batch):
            name = f"p{first // args.batch:08d}"
            items = [(i, arts[i]) for i in range(first, min(stop, first + args.batch))]
            counts = write_partition(store, name, items)
            t = time.perf_counter()
            counts[SIG_TABLE] = write_signatures(store, name, items)  # the worker's share
            spent += time.perf_counter() - t
            store.commit({"partition": name, "n": len(items), "tables": sorted(counts), "counts": counts})
        return spent

    sig_s += add(base, 0, args.n)
    update_duplicates(base)  # the store as left by the previous ingest
    sig_s += add(base, args.n, args.n + args.new)
    old = old_dedup()
    before, after, rows_before, rows_after = [], [], 0, 0
    for k in range(args.repeat):
        copy = Store(shutil.copytree(base.root, tmp / f"b{k}"))
        t = time.perf_counter()
        rows_before = old.rebuild_duplicates(copy)
        before.append(time.perf_counter() - t)
        copy = Store(shutil.copytree(base.root, tmp / f"a{k}"))
        t = time.perf_counter()
        rows_after = update_duplicates(copy)
        after.append(time.perf_counter() - t)
    # the same rows: the old file vs the new parts (a copy where the old one wrote its single file)
    old_rows = sorted(tuple(r.values()) for r in pq.read_table(Store(tmp / "b0").duplicates_path).to_pylist())
    new_rows = sorted(connect(Store(tmp / "a0")).execute("SELECT * FROM duplicates").fetchall())
    n_all = args.n + args.new
    print(f"articles {n_all} ({args.n} + {args.new} new), duplicates {rows_after} (before: {rows_before})")
    print(f"identical rows: {old_rows == new_rows}")
    for label, times in (("before (re-shingle all texts)", before), ("after (stored signatures, new only)", after)):
        print(f"{label}: median {statistics.median(times):.2f} s  {[round(x, 2) for x in times]}")
    print(f"worker signature cost: {1000 * sig_s / n_all:.2f} ms/article")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
