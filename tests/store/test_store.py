"""Store: committed shards only, queries, read-only SQL, dedup, rejects, export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.batch import ingest
from newsprism.errors import StoreError
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.dedup import find_duplicates
from newsprism.store.export import export
from newsprism.store.query import ask, run_sql
from newsprism.store.shards import content_hash
from synthetic_corpus import body, write_corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    tmp = tmp_path_factory.mktemp("store")
    src = tmp / "in.jsonl"
    write_corpus(src, 30)
    with open(src, "a", encoding="utf-8") as fh:  # an exact copy and a syndicated copy with a new last line
        first = json.loads(src.read_text().splitlines()[0])
        fh.write(json.dumps({**first, "id": "copy", "outlet": "Wire"}) + "\n")
        fh.write(
            json.dumps({**first, "id": "synd", "outlet": "Wire", "text": first["text"] + " Reporting by X."}) + "\n"
        )
    with open(src, "ab") as fb:  # a record in the wrong encoding
        fb.write(b'{"id": "latin", "text": "caf\xe9 in the city"}\n')
    ingest([str(src)], str(tmp / "st"), load_options(stages=("nlp",)), batch_size=8)
    return Store(tmp / "st")


def test_articles_rows_and_ids(store: Store) -> None:
    con = connect(store)
    n, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()  # type: ignore[misc]
    assert (n, distinct) == (32, 32)
    rec = json.loads(con.execute("SELECT record FROM articles WHERE id = 'r3'").fetchone()[0])  # type: ignore[index]
    assert rec["schema"] == "newsprism.article/1" and rec["outlet"] == "Outlet 0"
    sents = con.execute("SELECT count(*) FROM sentences WHERE article_id = 'r3'").fetchone()[0]  # type: ignore[index]
    assert sents == len(rec["sentences"]) > 0


def test_rejects_recorded_with_reason(store: Store) -> None:
    rows = [json.loads(line) for line in store.rejects_path.read_text().splitlines()]
    assert sorted(r["code"] for r in rows) == ["E006", "E006", "E009"]
    assert all(r["reason"] for r in rows) and any("decode" in r["reason"] for r in rows)


def test_duplicates_exact_and_near(store: Store) -> None:
    dups = {r[0]: r[1:] for r in connect(store).execute("SELECT * FROM duplicates").fetchall()}
    assert dups["copy"][:2] == ("r0", "exact")
    assert dups["synd"][0] in {"r0", "copy"} and dups["synd"][1] == "near" and dups["synd"][2] >= 0.8
    assert len(dups) == 2  # distinct random bodies are not flagged


def test_find_duplicates_unit() -> None:
    import random

    a = body(random.Random(1), 200)
    b = body(random.Random(2), 200)
    rows = [("a", content_hash(a), a), ("b", content_hash(b), b), ("a2", content_hash(a.upper()), a.upper())]
    assert find_duplicates(rows) == [{"id": "a2", "duplicate_of": "a", "kind": "exact", "similarity": 1.0}]


def test_ready_questions(store: Store) -> None:
    cols, rows = ask(store, "slant-over-time", [])
    assert cols[0] == "month" and rows == []  # nlp only: no slant stage ran
    cols, rows = ask(store, "quotes-by-speaker", ["nobody"])
    assert "speaker" in cols and rows == []
    with pytest.raises(StoreError, match="E120"):
        ask(store, "no-such-question", [])
    with pytest.raises(StoreError, match="E121"):
        ask(store, "quotes-by-speaker", [])


def test_sql_is_read_only(store: Store) -> None:
    cols, rows = run_sql(store, "SELECT outlet, count(*) AS n FROM articles GROUP BY outlet ORDER BY outlet")
    assert cols == ["outlet", "n"] and dict(rows)["Wire"] == 2  # type: ignore[arg-type]
    for bad in ("DELETE FROM articles", "SELECT 1; DROP TABLE x", "COPY articles TO '/tmp/x.csv'"):
        with pytest.raises(StoreError, match="E122"):
            run_sql(store, bad)
    with pytest.raises(StoreError, match="E122"):
        run_sql(store, "SELECT * FROM read_text('/etc/hostname')")


def test_readers_ignore_uncommitted_shards(store: Store, tmp_path: Path) -> None:
    import shutil

    copy = Store(shutil.copytree(store.root, tmp_path / "s"))
    shutil.copy(copy.shard_path("articles", "p00000000"), copy.shard_path("articles", "p09999999"))
    assert connect(copy).execute("SELECT count(*) FROM articles").fetchone()[0] == 32  # type: ignore[index]
    with open(copy.ledger_path, "a") as fh:
        fh.write('{"partition": "p0999')  # a torn append from a crash is ignored
    assert len(copy.ledger()) == len(store.ledger())


def test_export_formats_and_per_source(store: Store, tmp_path: Path) -> None:
    out = export(store, "csv", tmp_path / "a.csv")[0]
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 32 and rows[0]["id"] == "r0" and "record" not in rows[0]
    lines = (export(store, "jsonl", tmp_path / "a.jsonl")[0]).read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines][:3] == ["r0", "r1", "r2"]
    assert pq.read_table(export(store, "parquet", tmp_path / "s.parquet", "sentences")[0]).num_rows > 32
    files = export(store, "csv", tmp_path / "per", per_source=True)
    assert sorted(p.name for p in files) == ["Outlet_0.csv", "Outlet_1.csv", "Outlet_2.csv", "Wire.csv"]
    with pytest.raises(StoreError, match="E123"):
        export(store, "xml", tmp_path / "x")
    assert not list(tmp_path.glob(".*tmp*"))


def test_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E040"):
        Store(tmp_path)


def test_stories_group_copies_and_respect_the_date_window(store: Store) -> None:
    con = connect(store)
    story = dict(con.execute("SELECT id, story FROM stories").fetchall())
    assert len(story) == 32 and con.execute("SELECT count(*) FROM story_features").fetchone() == (32,)
    assert story["copy"] == story["synd"] == story["r0"]  # the same text on the same day
    assert story["r1"] != story["r0"]  # a month apart: outside the 7-day window
    cols, rows = ask(store, "stories", [])
    assert cols[:3] == ["story", "label", "articles"]
    assert any(r[0] == story["r0"] and r[2] >= 3 and "Wire" in r[4] for r in rows)


def test_stories_rebuilt_without_stored_features(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from newsprism.store import stories
    from newsprism.store.stories import FEATURE_TABLE, rebuild_stories

    monkeypatch.setattr(stories, "BACKFILL_CHUNK", 5)  # 32 articles parsed in 7 chunks

    copy = tmp_path / "copy"
    shutil.copytree(store.root, copy)
    shutil.rmtree(copy / "shards" / FEATURE_TABLE)  # an older store: features are computed at rebuild time
    before = dict(connect(store).execute("SELECT id, story FROM stories").fetchall())
    assert rebuild_stories(Store(copy)) == len(set(before.values()))
    assert dict(connect(Store(copy)).execute("SELECT id, story FROM stories").fetchall()) == before
