"""Turn analysed articles into per-table Arrow tables (fixed schemas) and write them as Parquet shards."""

from __future__ import annotations

import hashlib
import io
import json
import re
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.model import Article
from newsprism.store.layout import Store, fsync_write

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()  # noqa: E741 (schema shorthand)
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
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
    ),
    "quotes": pa.schema(
        [
            ("article_id", S),
            ("outlet", S),
            ("published", S),
            ("idx", I),
            ("text", S),
            ("start", I),
            ("end", I),
            ("kind", S),
            ("speaker", S),
            ("cue", S),
        ]
    ),
    "claims": pa.schema(
        [
            ("article_id", S),
            ("outlet", S),
            ("published", S),
            ("idx", I),
            ("text", S),
            ("start", I),
            ("end", I),
            ("checkworthiness", F),
            ("subjectivity", F),
            ("type", S),
            ("has_number", B),
            ("numbers", S),
        ]
    ),
    "techniques": pa.schema(
        [
            ("article_id", S),
            ("outlet", S),
            ("published", S),
            ("idx", I),
            ("technique", S),
            ("text", S),
            ("start", I),
            ("end", I),
            ("score", F),
            ("neutral", S),
        ]
    ),
    "slant": pa.schema(
        [
            ("article_id", S),
            ("outlet", S),
            ("published", S),
            ("label", S),
            ("score", F),
            ("confidence", F),
            ("hyperpartisan", F),
        ]
    ),
    "sentences": pa.schema(
        [
            ("article_id", S),
            ("idx", I),
            ("start", I),
            ("end", I),
            ("checkworthiness", F),
            ("subjectivity", F),
            ("bias", F),
        ]
    ),
}
_NUMBER = re.compile(r"\d")


def content_hash(text: str) -> str:
    """Hash of the whitespace/case-normalised body: equal for exact copies."""
    norm = " ".join(text.lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def article_key(partition: str, position: int) -> str:
    """An article's unique store key (``articles.key``)."""
    return f"{partition}:{position}"


def article_rows(article: Article, partition: str, position: int) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table from one analysed article (fields follow Article.to_json_dict())."""
    d = article.to_json_dict()
    aid, outlet, pub = d["id"], d.get("outlet"), d.get("published")
    slant = d.get("slant") or None
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMAS}
    rows["articles"].append(
        {
            "id": aid,
            "key": article_key(partition, position),
            "partition": partition,
            "position": position,
            "source": d.get("source"),
            "outlet": outlet,
            "title": d.get("title"),
            "byline": d.get("byline"),
            "published": pub,
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
    )
    for i, q in enumerate(d["quotes"]):
        spk = q.get("speaker") or {}
        rows["quotes"].append(
            {
                "article_id": aid,
                "outlet": outlet,
                "published": pub,
                "idx": i,
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "kind": q.get("kind"),
                "speaker": spk.get("name"),
                "cue": q.get("cue"),
            }
        )
    for i, c in enumerate(d["claims"]):
        nums = c.get("numbers")
        rows["claims"].append(
            {
                "article_id": aid,
                "outlet": outlet,
                "published": pub,
                "idx": i,
                "text": c["text"],
                "start": c["start"],
                "end": c["end"],
                "checkworthiness": c.get("checkworthiness"),
                "subjectivity": c.get("subjectivity"),
                "type": c.get("type"),
                "has_number": bool(nums) if nums is not None else bool(_NUMBER.search(c["text"])),
                "numbers": json.dumps(nums or [], ensure_ascii=False),
            }
        )
    for i, t in enumerate(d["techniques"]):
        rows["techniques"].append(
            {
                "article_id": aid,
                "outlet": outlet,
                "published": pub,
                "idx": i,
                "technique": t["technique"],
                "text": t["text"],
                "start": t["start"],
                "end": t["end"],
                "score": t.get("score"),
                "neutral": t.get("neutral"),
            }
        )
    if slant:
        rows["slant"].append(
            {
                "article_id": aid,
                "outlet": outlet,
                "published": pub,
                "label": slant.get("label"),
                "score": slant.get("score"),
                "confidence": slant.get("confidence"),
                "hyperpartisan": slant.get("hyperpartisan"),
            }
        )
    for i, s in enumerate(d["sentences"]):
        rows["sentences"].append(
            {
                "article_id": aid,
                "idx": i,
                "start": s["start"],
                "end": s["end"],
                "checkworthiness": s.get("checkworthiness"),
                "subjectivity": s.get("subjectivity"),
                "bias": s.get("bias"),
            }
        )
    return rows


def write_partition(store: Store, partition: str, articles: list[tuple[int, Article]]) -> dict[str, int]:
    """Write one shard per table for a partition (atomic per file); returns row counts. Not yet committed."""
    merged: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMAS}
    for position, article in articles:
        for table, rows in article_rows(article, partition, position).items():
            merged[table].extend(rows)
    counts = {}
    for table, schema in SCHEMAS.items():
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(merged[table], schema=schema), buf, compression="zstd")
        fsync_write(store.shard_path(table, partition), buf.getvalue())
        counts[table] = len(merged[table])
    return counts
