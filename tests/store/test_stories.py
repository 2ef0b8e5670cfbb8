"""Stories in the store: features written per partition, one story pass numbering and labelling the groups."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprism.compare.features import StoryFeatures
from newsprism.model import Article
from newsprism.store import Store, stories
from newsprism.store.stories import (
    FEATURE_TABLE,
    STORY_SCHEMA,
    _features,
    _label,
    feature_rows,
    rebuild_stories,
    write_features,
)

from .conftest import art, commit_partition

DIM = 8


def unit(k: int) -> list[float]:
    v = [0.0] * DIM
    v[k] = 1.0
    return v


def fake_features(articles: list[Article], **_: object) -> list[StoryFeatures]:
    """Embedding stand-in: the vector is the one-hot of the text's first digit; entities from capitalised words."""
    out = []
    for a in articles:
        ents = Counter(w.lower() for w in a.text.split() if w[:1].isupper())
        out.append(
            StoryFeatures(
                article_id=a.id,
                vector=np.asarray(unit(int(a.text[0])), dtype=np.float64),
                entities=ents,
                surfaces={k: k.title() + "é" for k in ents},
            )
        )
    return out


def read_stories(store: Store) -> dict[str, tuple[object, ...]]:
    rows = pq.read_table(store.stories_path).to_pylist()
    return {r.pop("id"): tuple(r.values()) for r in rows}


def test_feature_rows_hold_the_vector_entities_and_written_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "story_features", fake_features)
    rows = feature_rows([art("a", "3 Zürich Mayor spoke", published="2024-01-02")])
    assert rows == [
        {
            "article_id": "a",
            "published": "2024-01-02",
            "vector": unit(3),
            "entities": '{"zürich": 1, "mayor": 1}',
            "surfaces": '{"zürich": "Züriché", "mayor": "Mayoré"}',
        }
    ]


def test_write_features_shard(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(stories, "story_features", fake_features)
    store = Store(tmp_path, create=True)
    assert write_features(store, "p00000002", [art("a", "1 x"), art("b", "2 y")]) == 2
    table = pq.read_table(store.shard_path(FEATURE_TABLE, "p00000002"))
    assert table.column("article_id").to_pylist() == ["a", "b"]
    assert table.schema.field("vector").type.value_type == pa.float32()
    assert pq.ParquetFile(store.shard_path(FEATURE_TABLE, "p00000002")).metadata.row_group(0).column(0).compression == (
        "ZSTD"
    )


def test_features_from_a_stored_row() -> None:
    row = {"article_id": "a", "vector": [0.5, 1.0], "entities": '{"x": 2}', "published": "2024-03-04T10:00Z",
           "surfaces": '{"x": "X"}'}  # fmt: skip
    f = _features(row)
    assert f.article_id == "a" and f.vector.dtype == np.float32 and f.vector.tolist() == [0.5, 1.0]
    assert f.entities == Counter({"x": 2}) and f.surfaces == {"x": "X"} and str(f.day) == "2024-03-04"
    assert _features({**row, "published": None}).day is None and _features({**row, "published": ""}).day is None


def feat(aid: str, ents: list[str], surfaces: dict[str, str] | None = None) -> StoryFeatures:
    return StoryFeatures(
        article_id=aid, vector=np.zeros(2, np.float32), entities=Counter(ents), surfaces=surfaces or {}
    )


def test_label_counts_articles_not_mentions_and_uses_the_first_written_form() -> None:
    members = [
        feat("a", ["mayor"] * 9 + ["city"], {"city": "City", "mayor": "the Mayor"}),
        feat("b", ["city", "river"], {"city": "CITY", "river": "River"}),
        feat("c", ["city", "river", "zoo", "bank"]),
    ]
    assert _label(members) == "City, River, bank"  # city 3, river 2, then the ties by key: bank < mayor < zoo
    assert _label([feat("a", ["x", "y"])]) == "x, y" and _label([]) == ""


def test_rebuild_groups_numbers_and_labels_stories(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    p0 = [art("a", "0 A", published="2024-01-10"), art("b", "1 B"), art("c", "0 C", published="2024-01-12")]
    p1 = [art("d", "1 D", published="2024-01-11"), art("e", "0 E", published="2024-03-01"), art("f", "2 F")]
    commit_partition(store, "p00000000", p0, vectors=[unit(0), unit(1), unit(0)])
    commit_partition(store, "p00000001", p1, vectors=[unit(1), unit(0), unit(2)])
    assert rebuild_stories(store) == 4
    got = read_stories(store)
    assert got == {
        "a": (0, 2, "", "2024-01-10", "2024-01-12"),
        "c": (0, 2, "", "2024-01-10", "2024-01-12"),
        "b": (1, 2, "", "2024-01-11", "2024-01-11"),  # undated b joins d's story
        "d": (1, 2, "", "2024-01-11", "2024-01-11"),
        "e": (2, 1, "", "2024-03-01", "2024-03-01"),  # the same vector, seven weeks later: a new story
        "f": (3, 1, "", None, None),
    }
    assert list(got) == ["a", "c", "b", "d", "e", "f"]  # rows grouped by story


def test_rebuild_embeds_articles_without_stored_features(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "story_features", fake_features)
    monkeypatch.setattr(stories, "BACKFILL_CHUNK", 2)
    calls: list[int] = []
    real = stories.feature_rows
    monkeypatch.setattr(stories, "feature_rows", lambda arts: calls.append(len(arts)) or real(arts))
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a", "5 Big River"), art("b", "5 River"), art("c", "6 Big Town")])
    commit_partition(store, "p00000001", [art("d", "6 Town")], vectors=[unit(6)])
    assert rebuild_stories(store) == 2
    assert sorted(calls) == [1, 2]  # three records parsed two at a time; d's features were stored
    got = read_stories(store)
    assert got["a"] == got["b"] == (0, 2, "Riveré, Bigé", None, None)
    assert got["c"] == got["d"] == (1, 2, "Bigé, Towné", None, None)  # d was stored without entities: a tie


def test_rebuild_of_an_empty_store(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    assert rebuild_stories(store) == 0 and pq.read_table(store.stories_path).num_rows == 0
    assert pq.read_schema(store.stories_path).names == STORY_SCHEMA.names


def test_undated_stories_keep_their_column_types(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a"), art("b")], vectors=[unit(0), unit(1)])
    assert rebuild_stories(store) == 2
    assert pq.read_schema(store.stories_path).field("first_day").type == pa.string()


def test_articles_are_grouped_in_date_order_not_store_order(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    arts = [art("x", published="2024-01-01"), art("y", published="2024-01-09"), art("z", published="2024-01-05")]
    commit_partition(store, "p00000000", arts, vectors=[unit(0)] * 3)
    assert rebuild_stories(store) == 1  # y is 8 days after x, but only 4 after z, which came between
    assert set(read_stories(store).values()) == {(0, 3, "", "2024-01-01", "2024-01-09")}
    undated = [art("u"), art("v", published="2024-01-20")]
    commit_partition(store, "p00000001", undated, vectors=[unit(0)] * 2)
    got = read_stories(store)
    rebuild_stories(store)
    got = read_stories(store)
    assert got["u"][0] == 0  # undated: grouped first, with the earliest open story
    assert got["v"][:2] == (1, 1)  # eleven days after y: a new story


def test_a_damaged_stories_file_is_rewritten(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a")], vectors=[unit(0)])
    store.stories_path.parent.mkdir()
    store.stories_path.write_bytes(b"junk")
    assert rebuild_stories(store) == 1 and read_stories(store) == {"a": (0, 1, "", None, None)}
