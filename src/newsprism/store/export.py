"""Export store tables as CSV, Parquet or JSON Lines (atomic), optionally one file per outlet."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from newsprism.errors import NewsprismError, StoreError
from newsprism.store.catalog import connect
from newsprism.store.layout import Store, fsync_write

FORMATS = ("csv", "parquet", "jsonl")
EXPORT_TABLES = (
    "articles",
    "quotes",
    "claims",
    "techniques",
    "slant",
    "frames",
    "tone",
    "sentences",
    "duplicates",
    "rejects",
    "stories",
)


def _encode(table: pa.Table, fmt: str, full_records: bool) -> bytes:
    buf = io.BytesIO()
    if fmt == "csv":
        pacsv.write_csv(table, buf)
    elif fmt == "parquet":
        pq.write_table(table, buf, compression="zstd")
    elif full_records:  # jsonl of articles = the JSON contract, one object per line
        buf.write("".join(r + "\n" for r in table.column("record").to_pylist()).encode("utf-8"))
    else:
        buf.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table.to_pylist()).encode("utf-8"))
    return buf.getvalue()


def _slug(name: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name or "unknown").strip("_")[:80] or "unknown"


def export(store: Store, fmt: str, output: Path, table: str = "articles", per_source: bool = False) -> list[Path]:
    """Write the table (articles: one row per article with its input id); returns the files written."""
    try:
        return _export(store, fmt, output, table, per_source)
    except OSError as exc:  # full disk, read-only target: nothing half-written is left (fsync_write)
        raise NewsprismError("E060", path=str(output), reason=exc.strerror or str(exc)) from None
    except duckdb.Error as exc:
        raise StoreError("E131", path=str(store.root), reason=f"{type(exc).__name__}: {exc}") from exc


def _export(store: Store, fmt: str, output: Path, table: str, per_source: bool) -> list[Path]:
    if fmt not in FORMATS:
        raise StoreError("E123", name=fmt, known=", ".join(FORMATS))
    if table not in EXPORT_TABLES:
        raise StoreError("E123", name=table, known=", ".join(EXPORT_TABLES))
    con = connect(store)
    order = "partition, position" if table == "articles" else "1"
    data = con.sql(f"SELECT * FROM {table} ORDER BY {order}").to_arrow_table()
    full = table == "articles" and fmt == "jsonl"
    if table == "articles" and not full:
        data = data.drop_columns(["record"])
    if not per_source:
        fsync_write(output, _encode(data, fmt, full))
        return [output]
    if "outlet" not in data.column_names:
        raise StoreError("E123", name=f"{table} --per-source", known="articles, quotes, claims, techniques, slant")
    written = []
    outlets = sorted({o for o in data.column("outlet").to_pylist()}, key=lambda o: (o is None, o or ""))
    import pyarrow.compute as pc

    for outlet in outlets:
        mask = pc.is_null(data.column("outlet")) if outlet is None else pc.equal(data.column("outlet"), outlet)
        path = output / f"{_slug(outlet)}.{fmt}"
        fsync_write(path, _encode(data.filter(mask), fmt, full))
        written.append(path)
    return written
