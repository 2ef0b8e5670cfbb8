"""The quotes stage's store rows (issue 25): one row per quote, in order, with the span columns, the quote's
offsets, kind and cue, and the resolved speaker's name (none when unresolved)."""

from __future__ import annotations

from typing import Any

from newsprism.quotes.tables import SCHEMA, rows
from newsprism.store.tables import ArticleRef

REF = ArticleRef(article_id="a1", outlet="Daily Example", published="2026-01-02", partition="p0", position=3)


def test_rows_carry_each_quote_with_its_speaker_name() -> None:
    doc: dict[str, Any] = {
        "quotes": [
            {
                "text": "We will win",
                "start": 10,
                "end": 21,
                "kind": "direct",
                "cue": "said",
                "speaker": {"name": "Ann Lee", "start": 0},
            },
            {"text": "the plan failed", "start": 40, "end": 55, "kind": "indirect", "cue": "claimed"},
        ]
    }
    assert rows(doc, REF) == [
        {
            "article_id": "a1",
            "outlet": "Daily Example",
            "published": "2026-01-02",
            "idx": 0,
            "text": "We will win",
            "start": 10,
            "end": 21,
            "kind": "direct",
            "speaker": "Ann Lee",
            "cue": "said",
        },
        {
            "article_id": "a1",
            "outlet": "Daily Example",
            "published": "2026-01-02",
            "idx": 1,
            "text": "the plan failed",
            "start": 40,
            "end": 55,
            "kind": "indirect",
            "speaker": None,
            "cue": "claimed",
        },
    ]


def test_a_quote_without_kind_cue_or_speaker_leaves_those_columns_empty() -> None:
    doc: dict[str, Any] = {"quotes": [{"text": "“Scare”", "start": 1, "end": 8, "speaker": None}]}
    (row,) = rows(doc, REF)
    assert (row["kind"], row["cue"], row["speaker"]) == (None, None, None)
    assert (row["text"], row["start"], row["end"], row["idx"]) == ("“Scare”", 1, 8, 0)


def test_rows_fill_every_schema_column_and_no_other() -> None:
    doc: dict[str, Any] = {"quotes": [{"text": "x", "start": 0, "end": 1, "kind": "term"}]}
    (row,) = rows(doc, REF)
    assert list(row) == SCHEMA.names


def test_an_article_without_quotes_has_no_rows() -> None:
    assert rows({"quotes": []}, REF) == []
