"""The store's own tables as a reader sees them: one articles row per article, one sentences row per sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from newsprism.model import Article, Claim, Entity, Quote, Sentence, Slant, Technique, Warning
from newsprism.store import Store
from newsprism.store.core_tables import article_key, content_hash
from newsprism.store.shards import article_rows, schemas, write_partition

TEXT = "Ann Lee said the bridge opens in May.  It costs 4 million."


def full_article() -> Article:
    return Article(
        id="a1",
        title="Bridge",
        outlet="Daily",
        byline="B. Writer",
        published="2024-05-01",
        url="https://example.org/a1",
        source="feed.jsonl",
        text=TEXT,
        sentences=[
            Sentence(start=0, end=38, checkworthiness=0.9, subjectivity=0.1, bias=0.2),
            Sentence(start=40, end=59),
        ],
        entities=[Entity(text="Ann Lee", start=0, end=7, label="PERSON")],
        quotes=[Quote(text="the bridge opens in May", start=14, end=37, kind="indirect")],
        claims=[
            Claim(text=TEXT[40:59], start=40, end=59, checkworthiness=0.8, subjectivity=0.0, type="number"),
            Claim(text=TEXT[0:38], start=0, end=38, checkworthiness=0.5, subjectivity=0.1, type="event"),
        ],
        techniques=[Technique(text="opens", start=25, end=30, technique="x", score=0.1, explanation="e")] * 3,
        slant=Slant(label="left", score=-0.25, confidence=0.5),
        warnings=[Warning(code="W1", message="m1"), Warning(code="W2", message="m2")] * 2,
    )


def test_content_hash_ignores_case_and_whitespace_only() -> None:
    h = content_hash("The  Bridge\nopens.")
    assert h == content_hash(" the bridge OPENS. ") and len(h) == 32
    assert h != content_hash("The Bridge opens!") and h != content_hash("TheBridge opens.")
    assert h == "83458caabf59a9d6425db76bdc55e985"  # stable across versions: older partitions are compared with it


def test_article_key_is_partition_and_position() -> None:
    assert article_key("p00000003", 12) == "p00000003:12"


def test_articles_row_holds_every_column(tmp_path: Path) -> None:
    art = full_article()
    store = Store(tmp_path / "st", create=True)
    assert write_partition(store, "p00000002", [(7, art)])["articles"] == 1
    (row,) = pq.read_table(store.shard_path("articles", "p00000002")).to_pylist()
    record = json.loads(row.pop("record"))
    assert record == art.to_json_dict()
    assert row == {
        "id": "a1",
        "key": "p00000002:7",
        "partition": "p00000002",
        "position": 7,
        "source": "feed.jsonl",
        "outlet": "Daily",
        "title": "Bridge",
        "byline": "B. Writer",
        "published": "2024-05-01",
        "url": "https://example.org/a1",
        "content_hash": content_hash(TEXT),
        "n_words": 12,
        "n_sentences": 2,
        "n_entities": 1,
        "n_quotes": 1,
        "n_claims": 2,
        "n_techniques": 3,
        "n_warnings": 4,
        "slant_label": "left",
        "slant_score": -0.25,
        "text": TEXT,
    }


def test_record_keeps_non_ascii_text_as_written() -> None:
    art = Article(id="c", text="Café Ünïcode — “quoted”.")
    row = article_rows(art, "p00000000", 0)["articles"][0]
    assert "Café Ünïcode — “quoted”." in row["record"]


def test_article_without_slant_has_null_slant_columns() -> None:
    row = article_rows(Article(id="b", text="One two three."), "p00000000", 0)["articles"][0]
    assert (row["slant_label"], row["slant_score"], row["outlet"], row["title"]) == (None, None, None, None)
    assert (row["n_words"], row["n_sentences"], row["n_claims"]) == (3, 0, 0)


def test_sentences_rows_one_per_sentence_with_scores(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    assert write_partition(store, "p00000000", [(0, full_article())])["sentences"] == 2
    rows = pq.read_table(store.shard_path("sentences", "p00000000")).to_pylist()
    assert rows == [
        {"article_id": "a1", "idx": 0, "start": 0, "end": 38, "checkworthiness": 0.9, "subjectivity": 0.1, "bias": 0.2},
        {"article_id": "a1", "idx": 1, "start": 40, "end": 59, "checkworthiness": None, "subjectivity": None,
         "bias": None},
    ]  # fmt: skip


def test_store_schemas_name_the_core_columns() -> None:
    s = schemas()
    assert s["sentences"].names == ["article_id", "idx", "start", "end", "checkworthiness", "subjectivity", "bias"]
    assert str(s["articles"].field("slant_score").type) == "double"
    assert str(s["articles"].field("n_words").type) == "int64"
