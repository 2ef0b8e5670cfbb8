"""The catalog: one view per table over the committed shards, derived tables checked, a private spill directory."""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store.catalog import DUP_SCHEMA, REJECT_SCHEMA, connect, readable_parquet, time_limit
from newsprism.store.dedup import update_duplicates
from newsprism.store.shards import schemas

from .conftest import art, new_store


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]


def test_an_empty_store_has_every_view_with_its_columns(tmp_path: Path) -> None:
    con = connect(Store(tmp_path, create=True))
    for table, schema in schemas().items():
        cur = con.execute(f"SELECT * FROM {table}")
        assert [d[0] for d in cur.description] == schema.names and cur.fetchall() == []
    for table, names in (
        ("duplicates", DUP_SCHEMA.names),
        ("rejects", REJECT_SCHEMA.names),
        ("stories", ["id", "story", "story_size", "story_label", "first_day", "last_day"]),
        ("minhash", ["article_id", "key", "hashvalues"]),
        ("story_features", ["article_id", "published", "vector", "entities", "surfaces"]),
    ):
        cur = con.execute(f"SELECT * FROM {table}")
        assert [d[0] for d in cur.description] == names and cur.fetchall() == []


def test_views_read_committed_shards_only(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b")], "p00000001": [art("c")]})
    extra = store.shard_path("articles", "p00000005")
    extra.write_bytes(store.shard_path("articles", "p00000000").read_bytes())  # written, never committed
    con = connect(store)
    assert [r[0] for r in con.execute("SELECT id FROM articles ORDER BY partition, position").fetchall()] == [
        "a",
        "b",
        "c",
    ]
    assert count(con, "minhash") == 3 and count(con, "duplicates") == 0 and count(con, "stories") == 0


def test_a_store_path_with_a_quote_and_a_later_cwd_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "it's here"
    new_store(root, {"p00000000": [art("a")]})
    monkeypatch.chdir(tmp_path)
    con = connect(Store(Path("it's here")))  # relative: the views name absolute files
    monkeypatch.chdir("/")
    assert count(con, "articles") == 1


def test_shards_of_an_older_version_lacking_a_column_read_it_as_null(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")], "p00000001": [art("b")]})
    path = store.shard_path("articles", "p00000000")
    pq.write_table(pq.read_table(path).drop_columns(["byline"]), path)
    con = connect(store)
    assert con.execute("SELECT id, byline FROM articles ORDER BY id").fetchall() == [("a", None), ("b", None)]


def test_rejects_view_lists_every_partitions_rejects(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    r1 = {"partition": "p0", "source": "in.jsonl:3", "code": "E006", "reason": "empty text"}
    r2 = {"partition": "p1", "source": "in.jsonl:9", "code": "E009", "reason": "cannot decode"}
    store.commit({"partition": "p0", "tables": [], "rejects": [r1]})
    store.commit({"partition": "p1", "tables": [], "rejects": [r2]})
    rows = connect(store).execute("SELECT * FROM rejects ORDER BY partition").fetchall()
    assert rows == [tuple(r1.values()), tuple(r2.values())]


def test_a_missing_committed_shard_is_damage_but_a_recomputable_one_is_not(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")]})
    store.shard_path("minhash", "p00000000").unlink()
    assert count(connect(store), "minhash") == 0
    store.shard_path("quotes", "p00000000").unlink()
    with pytest.raises(StoreError) as err:
        connect(store)
    assert err.value.code == "E131" and err.value.fields["reason"] == "committed shard quotes/p00000000 is missing"


def test_an_unreadable_committed_shard_is_a_coded_error(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")]})
    store.shard_path("articles", "p00000000").write_bytes(b"junk")
    with pytest.raises(StoreError) as err:
        connect(store)
    assert err.value.code == "E131"
    assert str(err.value.fields["reason"]).startswith("a shard of table articles is unreadable (Invalid Input Error")
    assert "\n" not in str(err.value)
    assert err.value.fields["path"] == str(store.root.resolve())


def test_damaged_derived_files(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " And more.")]})
    assert update_duplicates(store) == 1
    assert connect(store).execute("SELECT id, duplicate_of, kind FROM duplicates").fetchall() == [("b", "a", "near")]
    store.stories_path.parent.mkdir()
    store.stories_path.write_bytes(b"junk")
    with pytest.raises(StoreError) as err:
        connect(store)
    assert err.value.code == "E131" and err.value.fields == {
        "path": str(store.root.resolve()),
        "reason": "derived table file stories/stories.parquet is unreadable",
    }
    con = connect(store, derived=False)  # a writer rebuilding them reads around the damage
    assert count(con, "stories") == 0 and count(con, "duplicates") == 0 and count(con, "articles") == 2
    store.stories_path.unlink()
    part = store.dedup_dir / json.loads(store.dedup_manifest_path.read_text())["parts"][0]
    part.write_bytes(b"junk")
    with pytest.raises(StoreError) as err:
        connect(store)
    assert err.value.fields["reason"] == f"derived table file dedup/{part.name} is unreadable"
    store.dedup_manifest_path.write_text("{")
    with pytest.raises(StoreError, match="manifest"):
        connect(store)
    assert count(connect(store, derived=False), "duplicates") == 0


def test_readable_parquet_reads_the_footer_only(tmp_path: Path) -> None:
    good = tmp_path / "g.parquet"
    pq.write_table(pa.table({"x": [1]}), good)
    bad = tmp_path / "b.parquet"
    bad.write_bytes(b"PAR1 junk")
    assert readable_parquet(good) and not readable_parquet(bad) and not readable_parquet(tmp_path / "none.parquet")


def test_spill_directory_is_private_and_removed_with_the_connection(tmp_path: Path) -> None:
    con = connect(Store(tmp_path, create=True))
    (tmp,) = con.execute("SELECT current_setting('temp_directory')").fetchone()  # type: ignore[misc]
    spill = Path(str(tmp))
    assert spill.is_dir() and spill.name.startswith("newsprism-duckdb-") and tmp_path not in spill.parents
    del con
    gc.collect()
    assert not spill.exists()


def test_time_limit_stops_a_long_query_with_e132() -> None:
    con = duckdb.connect(":memory:")
    with pytest.raises(StoreError) as err, time_limit(con, 0.2):
        con.execute("SELECT count(*) FROM range(100000000000) a, range(10) b").fetchall()
    assert err.value.code == "E132" and err.value.fields == {"seconds": 0.2}


def test_time_limit_passes_other_errors_and_fast_queries() -> None:
    con = duckdb.connect(":memory:")
    with pytest.raises(duckdb.CatalogException), time_limit(con, 30):
        con.execute("SELECT * FROM no_such_table")
    for limit in (None, 0, 30.0):
        with time_limit(con, limit):
            assert con.execute("SELECT 41 + 1").fetchone() == (42,)
    with time_limit(con, 0.05):
        pass
    time.sleep(0.2)  # the timer was cancelled: the next query is not interrupted
    assert con.execute("SELECT count(*) FROM range(1000)").fetchone() == (1000,)


def test_writers_still_see_a_readable_stories_file(tmp_path: Path) -> None:
    from newsprism.store.stories import STORY_SCHEMA

    store = new_store(tmp_path / "st", {"p00000000": [art("a")]})
    row = {"id": "a", "story": 0, "story_size": 1, "story_label": "", "first_day": None, "last_day": None}
    store.stories_path.parent.mkdir()
    pq.write_table(pa.Table.from_pylist([row], schema=STORY_SCHEMA), store.stories_path)
    assert count(connect(store, derived=False), "stories") == 1
