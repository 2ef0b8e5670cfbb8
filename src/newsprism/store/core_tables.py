"""The store's own tables: one row per article, one per sentence (nlp stage)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pyarrow as pa

from newsprism.store.tables import ArticleRef, F, I, S, store_table


def content_hash(text: str) -> str:
    """Hash of the whitespace/case-normalised body: equal for exact copies."""
    norm = " ".join(text.lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def article_key(partition: str, position: int) -> str:
    """An article's unique store key (``articles.key``)."""
    return f"{partition}:{position}"


ARTICLES = pa.schema(
    [
        ("id", S),
        ("key", S),
        ("partition", S),
        ("position", I),
        ("source", S),
        ("outlet", S),
        ("title", S),
        ("byline", S),
        ("published", S),
        ("url", S),
        ("content_hash", S),
        ("n_words", I),
        ("n_sentences", I),
        ("n_entities", I),
        ("n_quotes", I),
        ("n_claims", I),
        ("n_techniques", I),
        ("n_warnings", I),
        ("slant_label", S),
        ("slant_score", F),
        ("text", S),
        ("record", S),
    ]
)
SENTENCES = pa.schema(
    [
        ("article_id", S),
        ("idx", I),
        ("start", I),
        ("end", I),
        ("checkworthiness", F),
        ("subjectivity", F),
        ("bias", F),
    ]
)


def article_rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    slant = d.get("slant") or None
    return [
        {
            "id": ref.article_id,
            "key": article_key(ref.partition, ref.position),
            "partition": ref.partition,
            "position": ref.position,
            "source": d.get("source"),
            "outlet": ref.outlet,
            "title": d.get("title"),
            "byline": d.get("byline"),
            "published": ref.published,
            "url": d.get("url"),
            "content_hash": content_hash(d["text"]),
            "n_words": len(d["text"].split()),
            "n_sentences": len(d["sentences"]),
            "n_entities": len(d["entities"]),
            "n_quotes": len(d["quotes"]),
            "n_claims": len(d["claims"]),
            "n_techniques": len(d["techniques"]),
            "n_warnings": len(d["warnings"]),
            "slant_label": slant["label"] if slant else None,
            "slant_score": slant["score"] if slant else None,
            "text": d["text"],
            "record": json.dumps(d, ensure_ascii=False),
        }
    ]


def sentence_rows(d: dict[str, Any], ref: ArticleRef) -> list[dict[str, Any]]:
    return [
        {
            "article_id": ref.article_id,
            "idx": i,
            "start": s["start"],
            "end": s["end"],
            "checkworthiness": s.get("checkworthiness"),
            "subjectivity": s.get("subjectivity"),
            "bias": s.get("bias"),
        }
        for i, s in enumerate(d["sentences"])
    ]


store_table(stage="nlp", name="articles", schema=ARTICLES, rows=article_rows)
store_table(stage="nlp", name="sentences", schema=SENTENCES, rows=sentence_rows)
