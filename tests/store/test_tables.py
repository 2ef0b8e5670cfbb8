"""Stage families contribute their store tables through one registration each."""

from __future__ import annotations

import pyarrow as pa
import pytest

from newsprism.model import Article, Frame, Tone
from newsprism.store.shards import article_rows, schemas
from newsprism.store.tables import SPAN_COLUMNS, TABLE_MODULES, ArticleRef, span_base, store_table, store_tables


def test_every_family_registers_its_tables_in_its_own_package() -> None:
    owners = {name: t.rows.__module__ for name, t in store_tables().items()}
    assert owners == {
        "articles": "newsprism.store.core_tables",
        "sentences": "newsprism.store.core_tables",
        "quotes": "newsprism.quotes.tables",
        "claims": "newsprism.claims.tables",
        "techniques": "newsprism.techniques.tables",
        "slant": "newsprism.slant.tables",
        "frames": "newsprism.frames.tables",
        "tone": "newsprism.tone.tables",
    }
    assert set(owners.values()) == set(TABLE_MODULES)


def test_rows_follow_each_tables_schema() -> None:
    art = Article(id="x", outlet="O", text="Ann Lee praised the budget. Critics said it was late.")
    art.frames = [Frame(frame="economic", score=0.4, sentences=1)]
    art.tone = [Tone(target="Ann Lee", score=0.3, mentions=1, label="positive", kind="PERSON")]
    rows = article_rows(art, "p00000000", 3)
    base = {"article_id": "x", "outlet": "O", "published": None, "idx": 0}
    assert rows["frames"] == [{**base, "frame": "economic", "score": 0.4, "sentences": 1}]
    assert rows["tone"][0]["target"] == "Ann Lee" and rows["tone"][0]["label"] == "positive"
    assert rows["articles"][0]["key"] == "p00000000:3"
    for name, schema in schemas().items():
        assert pa.Table.from_pylist(rows[name], schema=schema).num_rows == len(rows[name])


def test_a_table_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        store_table(stage="x", name="quotes", schema=pa.schema([]), rows=lambda d, r: [])


def test_reregistering_the_same_rows_function_keeps_one_table() -> None:
    quotes = store_tables()["quotes"]
    again = store_table(stage=quotes.stage, name="quotes", schema=quotes.schema, rows=quotes.rows)
    assert again == quotes and list(store_tables()).count("quotes") == 1


def test_tables_come_in_registration_order_articles_first() -> None:
    names = list(store_tables())
    assert names[:2] == ["articles", "sentences"] and names.index("quotes") < names.index("tone")
    assert {t.stage for n, t in store_tables().items() if n in ("articles", "sentences")} == {"nlp"}


def test_span_rows_start_with_the_shared_columns() -> None:
    ref = ArticleRef("x", "O", "2024-01-02", "p00000001", 4)
    assert span_base(ref, 2) == {"article_id": "x", "outlet": "O", "published": "2024-01-02", "idx": 2}
    assert [n for n, _ in SPAN_COLUMNS] == ["article_id", "outlet", "published", "idx"]
    assert schemas()["quotes"].names[:4] == ["article_id", "outlet", "published", "idx"]
