"""Turn inputs (text, HTML, JSONL/Parquet records, directories, stdin, URLs) into Articles."""

from newsprism.ingest.loaders import article_from_text, iter_articles

__all__ = ["article_from_text", "iter_articles"]
