"""Turn inputs (text, HTML, JSONL/Parquet records, directories, stdin, URLs) into Articles."""

from newsprism.ingest.loaders import article_from_html, article_from_text, iter_articles
from newsprism.ingest.url import article_from_url

__all__ = ["article_from_html", "article_from_text", "article_from_url", "iter_articles"]
