"""A DuckDB catalog over the committed shards: one view per table, opened fresh by each reader."""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.errors import StoreError
from newsprism.store.layout import Store
from newsprism.store.shards import schemas

DUP_SCHEMA = pa.schema(
    [("id", pa.string()), ("duplicate_of", pa.string()), ("kind", pa.string()), ("similarity", pa.float64())]
)
REJECT_SCHEMA = pa.schema(
    [("partition", pa.string()), ("source", pa.string()), ("code", pa.string()), ("reason", pa.string())]
)
RECOMPUTABLE = ("minhash", "story_features")  # missing shards are recomputed from the articles, not damage


def _quote(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def _view(con: duckdb.DuckDBPyConnection, name: str, files: list[Path], schema: pa.Schema) -> None:
    if files:
        listing = ", ".join(_quote(str(p)) for p in files)
        # union_by_name: shards written before a column was added (techniques.shown) read it as NULL
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listing}], union_by_name = true)")
    else:
        con.register(f"_{name}_empty", schema.empty_table())
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM _{name}_empty")


def readable_parquet(path: Path) -> bool:
    """The file's footer and schema can be read (cheap: no data pages)."""
    try:
        pq.read_schema(path)
        return True
    except (OSError, pa.ArrowException):
        return False


def _private_tmp(con: duckdb.DuckDBPyConnection) -> None:
    """DuckDB spills to a private directory outside the cwd and the store (removed with the connection).

    An in-memory DuckDB would spill to ``.tmp`` under the current directory, where ``--sql`` could
    read it; ``run_sql`` only allows the store directory.
    """
    tmp = tempfile.mkdtemp(prefix="newsprism-duckdb-")
    con.execute(f"SET temp_directory = {_quote(tmp)}")
    weakref.finalize(con, shutil.rmtree, tmp, True)


def _shard_views(con: duckdb.DuckDBPyConnection, store: Store) -> None:
    """One view per shard table; a committed shard DuckDB cannot open (its footer) is E131, not a DuckDB error."""
    from newsprism.store.dedup import SIG_SCHEMA, SIG_TABLE
    from newsprism.store.stories import FEATURE_SCHEMA, FEATURE_TABLE

    for table, schema in {**schemas(), FEATURE_TABLE: FEATURE_SCHEMA, SIG_TABLE: SIG_SCHEMA}.items():
        files = store.shard_files(table, missing_ok=table in RECOMPUTABLE)
        try:
            _view(con, table, files, schema)
        except duckdb.Error as exc:
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise StoreError(
                "E131", path=str(store.root), reason=f"a shard of table {table} is unreadable ({first})"
            ) from exc


def connect(store: Store, derived: bool = True) -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with views over the ledger's shards (a consistent snapshot, never a half batch).

    A committed shard that is missing raises E131; a damaged derived table (duplicates, stories) too,
    unless ``derived`` is False (the writers that rebuild them).
    """
    con = duckdb.connect(":memory:")
    _private_tmp(con)
    store = Store(store.root.resolve())
    _shard_views(con, store)
    from newsprism.store.dedup import duplicate_parts
    from newsprism.store.stories import STORY_SCHEMA

    stories = [store.stories_path] if store.stories_path.exists() else []
    dups = duplicate_parts(store, strict=derived) if derived else []
    if derived:
        for path in [*stories, *dups]:
            if not readable_parquet(path):
                rel = path.relative_to(store.root)
                raise StoreError("E131", path=str(store.root), reason=f"derived table file {rel} is unreadable")
    else:
        stories = [p for p in stories if readable_parquet(p)]
    _view(con, "stories", stories, STORY_SCHEMA)
    _view(con, "duplicates", dups, DUP_SCHEMA)
    rejects = [r for e in store.ledger() for r in e.get("rejects", [])]
    con.register("_rejects", pa.Table.from_pylist(rejects, schema=REJECT_SCHEMA))
    con.execute("CREATE VIEW rejects AS SELECT * FROM _rejects")
    return con


@contextmanager
def time_limit(con: duckdb.DuckDBPyConnection, seconds: float | None) -> Iterator[None]:
    """Interrupt the connection's running query after ``seconds`` (E132); None or 0: no limit."""
    if not seconds:
        yield
        return
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    except duckdb.Error as exc:
        if fired.is_set():
            raise StoreError("E132", seconds=seconds) from exc
        raise
    finally:
        timer.cancel()
        timer.join()  # a timer thread still alive at interpreter exit aborts the process
