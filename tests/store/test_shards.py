"""A partition is one Parquet shard per registered table, rows in the order the articles were given."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.model import Article, Sentence
from newsprism.store import Store
from newsprism.store.shards import article_rows, schemas, write_partition
from newsprism.store.tables import store_tables


def two_articles() -> list[tuple[int, Article]]:
    a = Article(id="a", outlet="X", published="2024-02-03", text="One. Two.")
    a.sentences = [Sentence(start=0, end=4), Sentence(start=5, end=9)]
    b = Article(id="b", outlet="Y", text="Three.")
    b.sentences = [Sentence(start=0, end=6)]
    return [(3, a), (4, b)]


def test_every_table_gets_a_shard_with_the_merged_rows(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    counts = write_partition(store, "p00000001", two_articles())
    assert counts == {name: 0 for name in store_tables()} | {"articles": 2, "sentences": 3}
    for name, schema in schemas().items():
        table = pq.read_table(store.shard_path(name, "p00000001"))
        assert table.schema.names == schema.names and table.num_rows == counts[name]
    arts = pq.read_table(store.shard_path("articles", "p00000001"), columns=["id", "key", "position"]).to_pylist()
    assert arts == [{"id": "a", "key": "p00000001:3", "position": 3}, {"id": "b", "key": "p00000001:4", "position": 4}]
    sents = pq.read_table(store.shard_path("sentences", "p00000001"), columns=["article_id", "idx"]).to_pylist()
    assert [(r["article_id"], r["idx"]) for r in sents] == [("a", 0), ("a", 1), ("b", 0)]
    assert pq.ParquetFile(store.shard_path("articles", "p00000001")).metadata.row_group(0).column(0).compression == (
        "ZSTD"
    )


def test_rows_of_one_article_carry_its_place() -> None:
    _, a = two_articles()[0]
    rows = article_rows(a, "p00000009", 3)
    assert set(rows) == set(store_tables())
    assert rows["articles"][0]["outlet"] == "X" and rows["articles"][0]["published"] == "2024-02-03"
    assert rows["articles"][0]["key"] == "p00000009:3" and rows["articles"][0]["partition"] == "p00000009"


def test_the_guard_runs_before_each_file_and_can_stop_the_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    calls: list[int] = []
    write_partition(store, "p00000000", two_articles(), guard=lambda: calls.append(1))
    assert len(calls) == len(store_tables())

    def stop() -> None:
        if len(calls) == len(store_tables()) + 2:  # the third file
            raise RuntimeError("coordinator gone")
        calls.append(1)

    with pytest.raises(RuntimeError, match="coordinator gone"):
        write_partition(store, "p00000001", two_articles(), guard=stop)
    written = sorted(p.parent.name for p in (store.root / "shards").glob("*/p00000001.parquet"))
    assert written == sorted(list(store_tables())[:2])
