"""Corpus store: Parquet shards committed through a ledger, queried with DuckDB."""

from newsprism.store.layout import Store

__all__ = ["Store"]
