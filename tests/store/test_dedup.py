"""Incremental dedup: stored signatures, appended parts, backfill; always equal to a from-scratch run."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.batch import ingest
from newsprism.model import Article
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import DUP_SCHEMA, connect
from newsprism.store.dedup import SIG_TABLE, duplicate_parts, find_duplicates, update_duplicates, write_signatures
from newsprism.store.shards import write_partition
from synthetic_corpus import body

TAG = " Reporting by the wire desk; editing by a night editor."


def first_run(rng: random.Random) -> list[dict[str, str]]:
    recs = [{"id": f"a{i}", "outlet": f"Outlet {i % 3}", "text": body(rng, 90)} for i in range(14)]
    recs.append({"id": "a_exact", "outlet": "Wire", "text": recs[0]["text"].upper()})  # exact within the run
    recs.append({"id": "a_near", "outlet": "Wire", "text": recs[1]["text"] + TAG})  # near within the run
    return recs


def second_run(rng: random.Random, old: list[dict[str, str]]) -> list[dict[str, str]]:
    text = {r["id"]: r["text"] for r in old}
    recs = [{"id": f"b{i}", "outlet": f"Outlet {i % 3}", "text": body(rng, 90)} for i in range(4)]
    recs += [
        {"id": "b_exact", "outlet": "Wire", "text": "  " + text["a3"]},  # exact copy of an older article
        {"id": "b_near", "outlet": "Wire", "text": text["a4"] + TAG},  # near copy of an older article
        {"id": "b_exact_of_near", "outlet": "Other", "text": text["a_near"]},  # exact copy of an older copy
        {"id": "b_self", "outlet": "Other", "text": recs[0]["text"] + TAG},  # near copy inside the new run
    ]
    return recs


def from_scratch(store: Store) -> list[dict[str, object]]:
    sql = "SELECT id, content_hash, text FROM articles ORDER BY partition, position"
    return find_duplicates([(str(a), str(h), str(t)) for a, h, t in connect(store).execute(sql).fetchall()])


def stored(store: Store) -> list[dict[str, object]]:
    """The duplicates table in part order (and the catalog view agrees)."""
    files = duplicate_parts(store)
    rows = pa.concat_tables([pq.read_table(p) for p in files]).to_pylist() if files else []
    view = connect(store).execute("SELECT id, duplicate_of, kind, similarity FROM duplicates").fetchall()
    assert sorted(view) == sorted(tuple(r.values()) for r in rows)
    return rows


def commit(store: Store, name: str, articles: list[Article], signatures: bool = True) -> None:
    """What a worker + the coordinator do for one partition (without analysis)."""
    items = list(enumerate(articles, start=int(name[1:]) * 100))
    counts = write_partition(store, name, items)
    if signatures:  # False: a partition written by a version without signatures
        counts[SIG_TABLE] = write_signatures(store, name, items)
    store.commit({"partition": name, "n": len(items), "tables": sorted(counts), "counts": counts})


def articles(recs: list[dict[str, str]]) -> list[Article]:
    return [Article(id=r["id"], outlet=r["outlet"], text=r["text"]) for r in recs]


def test_second_ingest_appends_and_equals_from_scratch(tmp_path: Path) -> None:
    rng = random.Random(3)
    old = first_run(rng)
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    src.write_text("".join(json.dumps(r) + "\n" for r in old))
    opts = load_options(stages=("nlp",))
    one = ingest([str(src)], str(root), opts, batch_size=8, stories=False)  # 16 records: 2 full partitions
    store = Store(root)
    assert one.duplicates == 2 and stored(store) == from_scratch(store)
    assert connect(store).execute(f"SELECT count(*) FROM {SIG_TABLE}").fetchone() == (16,)
    first_part = duplicate_parts(store)[0].read_bytes()
    with open(src, "a", encoding="utf-8") as fh:  # new articles arrive in the same source
        fh.write("".join(json.dumps(r) + "\n" for r in second_run(rng, old)))
    two = ingest([str(src)], str(root), opts, batch_size=8, stories=False)
    assert (two.articles, two.skipped) == (8, 16)
    rows = stored(store)
    assert rows == from_scratch(store) and two.duplicates == len(rows) == 6
    by_id = {r["id"]: (r["duplicate_of"], r["kind"]) for r in rows}
    assert by_id["b_exact"] == ("a3", "exact") and by_id["b_near"] == ("a4", "near")
    assert by_id["b_exact_of_near"] == ("a_near", "exact") and by_id["b_self"] == ("b0", "near")
    parts = duplicate_parts(store)
    assert len(parts) == 2 and parts[0].read_bytes() == first_part  # appended, not rewritten
    assert ingest([str(src)], str(root), opts, batch_size=8, stories=False).duplicates == 6
    assert len(duplicate_parts(store)) == 2


def test_backfill_for_a_store_without_signatures(tmp_path: Path) -> None:
    rng = random.Random(5)
    old = first_run(rng)
    store = Store(tmp_path / "st", create=True)
    commit(store, "p00000000", articles(old[:8]), signatures=False)
    commit(store, "p00000001", articles(old[8:]), signatures=False)
    legacy = pa.Table.from_pylist([{"id": "x", "duplicate_of": "y", "kind": "exact", "similarity": 1.0}], DUP_SCHEMA)
    store.duplicates_path.parent.mkdir()
    pq.write_table(legacy, store.duplicates_path)  # the one rebuilt file of older versions
    assert connect(store).execute("SELECT id FROM duplicates").fetchall() == [("x",)]
    assert update_duplicates(store) == 2
    assert stored(store) == from_scratch(store) and not store.duplicates_path.exists()
    manifest = json.loads(store.dedup_manifest_path.read_text())
    assert len(manifest["signatures"]) == 1  # computed once from the text and kept
    assert pq.read_table(store.dedup_dir / manifest["signatures"][0]).num_rows == 16
    commit(store, "p00000002", articles(second_run(rng, old)))  # a new version's partition, with signatures
    assert update_duplicates(store) == 6
    assert stored(store) == from_scratch(store)
    after = json.loads(store.dedup_manifest_path.read_text())
    assert after["signatures"] == manifest["signatures"] and len(after["parts"]) == 2


def test_late_earlier_partition_recomputes_later_rows(tmp_path: Path) -> None:
    rng = random.Random(9)
    old = first_run(rng)
    store = Store(tmp_path / "st", create=True)
    commit(store, "p00000000", articles(old[:8]))
    commit(store, "p00000002", articles(old[8:]))
    assert update_duplicates(store) == 2
    late = [Article(id="early", text=old[9]["text"]), Article(id="early_near", text=old[10]["text"] + TAG)]
    commit(store, "p00000001", late)  # sorts before a covered partition: a9 is now a copy of "early"
    orphan = store.dedup_dir / "d00000099.parquet"  # a part written by a run that crashed before its manifest
    pq.write_table(
        pa.Table.from_pylist([{"id": "x", "duplicate_of": "y", "kind": "exact", "similarity": 1.0}], DUP_SCHEMA), orphan
    )
    assert len(stored(store)) == 2
    assert update_duplicates(store) == 4
    rows = stored(store)
    assert rows == from_scratch(store)
    assert {"id": "a9", "duplicate_of": "early", "kind": "exact", "similarity": 1.0} in rows
    assert sorted(p.name for p in store.dedup_dir.glob("d*.parquet")) == [p.name for p in duplicate_parts(store)]
    assert not orphan.exists()
