"""A DuckDB catalog over the committed shards: one view per table, opened fresh by each reader."""

from __future__ import annotations

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


def connect(store: Store) -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with views over the ledger's shards (a consistent snapshot, never a half batch)."""
    con = duckdb.connect(":memory:")
    store = Store(store.root.resolve())
    for table, schema in SCHEMAS.items():
        files = store.shard_files(table)
        if files:
            listing = ", ".join(_quote(str(p)) for p in files)
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listing}])")
        else:
            con.register(f"_{table}_empty", schema.empty_table())
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM _{table}_empty")
    from newsprism.store.stories import FEATURE_SCHEMA, FEATURE_TABLE, STORY_SCHEMA

    files = store.shard_files(FEATURE_TABLE)
    if files:
        listing = ", ".join(_quote(str(p)) for p in files)
        con.execute(f"CREATE VIEW {FEATURE_TABLE} AS SELECT * FROM read_parquet([{listing}])")
    else:
        con.register("_features_empty", FEATURE_SCHEMA.empty_table())
        con.execute(f"CREATE VIEW {FEATURE_TABLE} AS SELECT * FROM _features_empty")
    if store.stories_path.exists():
        con.execute(f"CREATE VIEW stories AS SELECT * FROM read_parquet({_quote(str(store.stories_path))})")
    else:
        con.register("_stories_empty", STORY_SCHEMA.empty_table())
        con.execute("CREATE VIEW stories AS SELECT * FROM _stories_empty")
    if store.duplicates_path.exists():
        con.execute(f"CREATE VIEW duplicates AS SELECT * FROM read_parquet({_quote(str(store.duplicates_path))})")
    else:
        con.register("_dup_empty", DUP_SCHEMA.empty_table())
        con.execute("CREATE VIEW duplicates AS SELECT * FROM _dup_empty")
    rejects = [r for e in store.ledger() for r in e.get("rejects", [])]
    con.register("_rejects", pa.Table.from_pylist(rejects, schema=REJECT_SCHEMA))
    con.execute("CREATE VIEW rejects AS SELECT * FROM _rejects")
    return con
