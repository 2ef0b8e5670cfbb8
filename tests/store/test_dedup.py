"""Incremental dedup: stored signatures, appended parts, backfill; always equal to a from-scratch run."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.batch import ingest
from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import DUP_SCHEMA, connect
from newsprism.store.dedup import (
    NUM_PERM,
    SIG_SCHEMA,
    SIG_TABLE,
    THRESHOLD,
    _Index,
    _manifest,
    duplicate_parts,
    find_duplicates,
    minhash,
    signature_rows,
    update_duplicates,
    write_signatures,
)
from newsprism.store.shards import content_hash, write_partition
from synthetic_corpus import body

from .conftest import art, commit_partition, new_store, words

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


# --- behaviour of the pieces, on small stores built without analysis (no models load) ---

BRIDGE = "The council met on Monday to vote on the river bridge budget"


def test_stored_signatures_keep_their_meaning_across_versions() -> None:
    hv = minhash(BRIDGE).hashvalues
    assert hv.dtype == np.uint32 and len(hv) == NUM_PERM == 128
    assert hv[:4].tolist() == [180773544, 185566279, 630401509, 613720506]  # a signature an older version stored
    assert (
        minhash("THE council, met on monday -- to vote on the river bridge budget!").hashvalues.tolist() == hv.tolist()
    )
    assert minhash("one two").hashvalues.tolist() != minhash("two one").hashvalues.tolist()  # short: one shingle
    assert minhash("").hashvalues[:2].tolist() == [2747688399, 1767364624]
    assert minhash("one two").hashvalues[:2].tolist() == [2443747032, 589458269]  # shorter than a shingle
    assert minhash("one two three four five").hashvalues[:2].tolist() == [984630812, 3148057649]  # one shingle


def test_near_copy_similarity_is_the_signature_agreement() -> None:
    a = words(1, 60)
    b = a + " " + words(2, 4)
    rows = find_duplicates([("a", content_hash(a), a), ("b", content_hash(b), b)])
    expected = round(float(np.count_nonzero(minhash(a).hashvalues == minhash(b).hashvalues)) / NUM_PERM, 4)
    assert rows == [{"id": "b", "duplicate_of": "a", "kind": "near", "similarity": expected}]
    assert 0.8 <= expected < 1.0
    c = a + " " + words(2, 20)  # agrees on 0.75 of the signature
    pair = [("a", content_hash(a), a), ("c", content_hash(c), c)]
    assert find_duplicates(pair) == [] and THRESHOLD == 0.8
    assert find_duplicates(pair, threshold=0.5) == [
        {"id": "c", "duplicate_of": "a", "kind": "near", "similarity": 0.75}
    ]


def test_exact_copies_point_to_the_first_even_when_near_copies_exist() -> None:
    a = words(3)
    rows = [("x", content_hash(a), a), ("y", content_hash(a), a.upper()), ("z", content_hash(a), "  " + a)]
    assert find_duplicates(rows) == [
        {"id": "y", "duplicate_of": "x", "kind": "exact", "similarity": 1.0},
        {"id": "z", "duplicate_of": "x", "kind": "exact", "similarity": 1.0},
    ]
    assert find_duplicates([("x", content_hash(a), a), ("x", content_hash(a), a)]) == []  # the same id twice


def sig(base: np.ndarray, changed: int, offset: int) -> np.ndarray:
    out = base.copy()
    out[offset : offset + changed] += np.uint32(1)
    return out


def test_near_copy_points_to_the_most_similar_original_ties_by_id() -> None:
    base = np.arange(NUM_PERM, dtype=np.uint32) * np.uint32(7919)
    close, far = sig(base, 4, 0), sig(base, 12, 100)
    index = _Index(0.5, {0: far, 1: close, 2: base}.__getitem__)
    assert index.add(0, "far", "h0") is None
    assert index.add(1, "close", "h1") == {"id": "close", "duplicate_of": "far", "kind": "near", "similarity": 0.875}
    assert index.add(2, "copy", "h2") == {"id": "copy", "duplicate_of": "close", "kind": "near", "similarity": 0.9688}
    tie = _Index(0.5, {0: sig(base, 4, 0), 1: sig(base, 4, 50), 2: base}.__getitem__)
    tie.add(0, "m", "h0")
    tie.add(1, "n", "h1")
    assert tie.add(2, "copy", "h2")["duplicate_of"] == "n"  # type: ignore[index]


def test_rows_added_without_query_are_originals_for_later_rows() -> None:
    base = np.arange(NUM_PERM, dtype=np.uint32)
    index = _Index(0.8, lambda i: base)
    assert index.add(0, "old", "h", query=False) is None
    assert index.add(1, "old_copy", "h", query=False) is None  # exact copy among covered rows: not reported again
    assert index.add(2, "new", "h") == {"id": "new", "duplicate_of": "old", "kind": "exact", "similarity": 1.0}
    assert index.add(3, "near", "h2") == {"id": "near", "duplicate_of": "old", "kind": "near", "similarity": 1.0}
    alone = _Index(0.8, lambda i: base)
    assert alone.add(0, "a", "h1") is None and alone.add(1, "a", "h2") is None  # an id is never a copy of itself


def test_signature_rows_table() -> None:
    empty = signature_rows([])
    assert empty.schema == SIG_SCHEMA and empty.num_rows == 0
    table = signature_rows([("a", "p0:0", BRIDGE), ("b", "p0:1", "other words")])
    assert table.column("article_id").to_pylist() == ["a", "b"] and table.column("key").to_pylist() == ["p0:0", "p0:1"]
    assert table.column("hashvalues").to_pylist()[0] == minhash(BRIDGE).hashvalues.tolist()


def test_write_signatures_shard(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    assert write_signatures(store, "p00000003", [(5, art("a", BRIDGE)), (6, art("b"))]) == 2
    table = pq.read_table(store.shard_path(SIG_TABLE, "p00000003"))
    assert pq.ParquetFile(store.shard_path(SIG_TABLE, "p00000003")).metadata.row_group(0).column(0).compression == (
        "ZSTD"
    )
    assert table.column("key").to_pylist() == ["p00000003:5", "p00000003:6"]
    assert table.column("hashvalues").to_pylist()[0] == minhash(BRIDGE).hashvalues.tolist()


def test_damaged_manifests(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " Plus a line.")]})
    assert duplicate_parts(store) == [] and _manifest(store) is None
    assert update_duplicates(store) == 1
    good = json.loads(store.dedup_manifest_path.read_text())
    assert good == {"covered": ["p00000000"], "parts": ["d00000001.parquet"], "signatures": [], "rows": 1, "next": 2}
    assert duplicate_parts(store) == [store.dedup_dir / "d00000001.parquet"]
    for bad in ({**good, "rows": "1"}, {**good, "next": 2.0}, {**good, "covered": "p0"}, [good],
                {k: v for k, v in good.items() if k != "signatures"}, {**good, "parts": ["d00000009.parquet"]},
                {**good, "signatures": ["s00000001.parquet"]}):  # fmt: skip
        store.dedup_manifest_path.write_text(json.dumps(bad))
        with pytest.raises(StoreError) as err:
            _manifest(store)
        assert err.value.code == "E131"
        assert err.value.fields["reason"] == "dedup/manifest.json or a part it lists is damaged"
        assert err.value.fields["path"] == str(store.root)
        assert _manifest(store, strict=False) is None and duplicate_parts(store, strict=False) == []
    with pytest.raises(StoreError):
        duplicate_parts(store)  # readers are strict by default
    store.dedup_manifest_path.write_bytes(b"\xff\xfe")
    assert _manifest(store, strict=False) is None


def test_no_new_partition_keeps_the_files(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " Plus a line.")]})
    assert update_duplicates(store) == 1
    stamp = store.dedup_manifest_path.stat().st_mtime_ns
    assert update_duplicates(store) == 1 and store.dedup_manifest_path.stat().st_mtime_ns == stamp
    commit_partition(store, "p00000001", [art("c")])
    assert update_duplicates(store) == 1
    manifest = json.loads(store.dedup_manifest_path.read_text())
    assert manifest["covered"] == ["p00000000", "p00000001"] and manifest["parts"] == ["d00000001.parquet"]
    assert manifest["next"] == 2  # no rows: no part written


def test_damaged_dedup_files_are_rebuilt_from_signatures(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " Plus a line.")]})
    update_duplicates(store)
    (store.dedup_dir / "d00000001.parquet").write_bytes(b"junk")
    assert update_duplicates(store) == 1
    assert json.loads(store.dedup_manifest_path.read_text())["parts"] == ["d00000001.parquet"]
    assert pq.read_table(store.dedup_dir / "d00000001.parquet").num_rows == 1
    store.dedup_manifest_path.write_text("{")
    store.duplicates_path.write_bytes(b"old single file")
    assert update_duplicates(store) == 1
    assert not store.duplicates_path.exists() and json.loads(store.dedup_manifest_path.read_text())["rows"] == 1


def test_an_unreadable_signature_file_is_recomputed(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " Plus a line.")]})
    store.shard_path(SIG_TABLE, "p00000000").unlink()
    assert update_duplicates(store) == 1
    manifest = json.loads(store.dedup_manifest_path.read_text())
    assert manifest["signatures"] == ["s00000001.parquet"] and manifest["parts"] == ["d00000002.parquet"]
    (store.dedup_dir / "s00000001.parquet").write_bytes(b"junk")
    store.dedup_manifest_path.unlink()
    assert update_duplicates(store) == 1
    assert sorted(p.name for p in store.dedup_dir.iterdir()) == [
        "d00000002.parquet",
        "manifest.json",
        "s00000001.parquet",
    ]


def test_duplicates_only_for_committed_partitions(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")]})
    write_partition(store, "p00000001", [(0, art("b", art("a").text))])  # written, not committed
    write_signatures(store, "p00000001", [(0, art("b", art("a").text))])
    assert update_duplicates(store) == 0
