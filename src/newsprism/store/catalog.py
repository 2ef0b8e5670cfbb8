"""A DuckDB catalog over the committed shards: one view per table, opened fresh by each reader."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from newsprism.store.layout import Store
from newsprism.store.shards import SCHEMAS

DUP_SCHEMA = pa.schema(
    [("id", pa.string()), ("duplicate_of", pa.string()), ("kind", pa.string()), ("similarity", pa.float64())]
)
REJECT_SCHEMA = pa.schema(
    [("partition", pa.string()), ("source", pa.string()), ("code", pa.string()), ("reason", pa.string())]
)


def _quote(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def _view(con: duckdb.DuckDBPyConnection, name: str, files: list[Path], schema: pa.Schema) -> None:
    if files:
        listing = ", ".join(_quote(str(p)) for p in files)
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listing}])")
    else:
        con.register(f"_{name}_empty", schema.empty_table())
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM _{name}_empty")


def connect(store: Store) -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with views over the ledger's shards (a consistent snapshot, never a half batch)."""
    con = duckdb.connect(":memory:")
    store = Store(store.root.resolve())
    for table, schema in SCHEMAS.items():
        _view(con, table, store.shard_files(table), schema)
    from newsprism.store.dedup import SIG_SCHEMA, SIG_TABLE, duplicate_parts
    from newsprism.store.stories import FEATURE_SCHEMA, FEATURE_TABLE, STORY_SCHEMA

    for table, schema in ((FEATURE_TABLE, FEATURE_SCHEMA), (SIG_TABLE, SIG_SCHEMA)):
        _view(con, table, store.shard_files(table), schema)
    _view(con, "stories", [store.stories_path] if store.stories_path.exists() else [], STORY_SCHEMA)
    _view(con, "duplicates", duplicate_parts(store), DUP_SCHEMA)
    rejects = [r for e in store.ledger() for r in e.get("rejects", [])]
    con.register("_rejects", pa.Table.from_pylist(rejects, schema=REJECT_SCHEMA))
    con.execute("CREATE VIEW rejects AS SELECT * FROM _rejects")
    return con
