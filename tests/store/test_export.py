"""Export: the files a user gets (formats, row order, one file per outlet) and coded errors."""

from __future__ import annotations

import csv
import errno
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.errors import NewsprismError, StoreError
from newsprism.model import Article, Quote
from newsprism.store import Store
from newsprism.store import export as export_mod
from newsprism.store.export import EXPORT_TABLES, FORMATS, _slug, export

from .conftest import art, new_store


def quoted(aid: str, outlet: str | None) -> Article:
    a = art(aid, f"“Café” said {aid}. Ünïcode here.", outlet=outlet)
    a.quotes = [Quote(text="Café", start=1, end=5, kind="term")]
    return a


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    root = tmp_path_factory.mktemp("x") / "st"
    return new_store(
        root,
        {
            "p00000001": [quoted("c", "Le Monde / Paris"), quoted("d", None)],
            "p00000000": [quoted("b", "Daily"), quoted("a", "Le Monde / Paris")],
        },
    )


def test_articles_csv_in_store_order_without_the_record(store: Store, tmp_path: Path) -> None:
    assert export(store, "csv", tmp_path / "a.csv") == [tmp_path / "a.csv"]
    with open(tmp_path / "a.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["b", "a", "c", "d"] and "record" not in rows[0]
    assert rows[0]["text"] == "“Café” said b. Ünïcode here." and rows[0]["key"] == "p00000000:0"


def test_articles_jsonl_is_the_json_contract(store: Store, tmp_path: Path) -> None:
    export(store, "jsonl", tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines]
    assert [r["id"] for r in recs] == ["b", "a", "c", "d"] and recs[0]["schema"] == "newsprism.article/1"
    assert recs[0]["quotes"][0]["text"] == "Café" and "Café" in lines[0]


def test_articles_parquet_without_the_record(store: Store, tmp_path: Path) -> None:
    export(store, "parquet", tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.column("id").to_pylist() == ["b", "a", "c", "d"] and "record" not in table.column_names
    assert pq.ParquetFile(tmp_path / "a.parquet").metadata.row_group(0).column(0).compression == "ZSTD"


def test_other_tables_as_json_lines(store: Store, tmp_path: Path) -> None:
    export(store, "jsonl", tmp_path / "q.jsonl", table="quotes")
    lines = (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["article_id"] for x in lines] == ["a", "b", "c", "d"]  # ordered by the first column
    first = json.loads(lines[0])
    assert first == {
        "article_id": "a",
        "outlet": "Le Monde / Paris",
        "published": None,
        "idx": 0,
        "text": "Café",
        "start": 1,
        "end": 5,
        "kind": "term",
        "speaker": None,
        "cue": None,
    }
    assert '"text": "Café"' in lines[0]  # written as UTF-8, not \\u escapes


def test_one_file_per_outlet(store: Store, tmp_path: Path) -> None:
    files = export(store, "csv", tmp_path / "per", table="quotes", per_source=True)
    assert files == [
        tmp_path / "per" / "Daily.csv",
        tmp_path / "per" / "Le_Monde_Paris.csv",
        tmp_path / "per" / "unknown.csv",
    ]
    with open(files[1], newline="", encoding="utf-8") as fh:
        assert [r["article_id"] for r in csv.DictReader(fh)] == ["a", "c"]
    with open(files[2], newline="", encoding="utf-8") as fh:
        assert [(r["article_id"], r["outlet"]) for r in csv.DictReader(fh)] == [("d", "")]
    jl = export(store, "jsonl", tmp_path / "perj", per_source=True)
    assert [p.name for p in jl] == ["Daily.jsonl", "Le_Monde_Paris.jsonl", "unknown.jsonl"]
    assert json.loads(jl[0].read_text())["schema"] == "newsprism.article/1"  # articles jsonl: full records


def test_per_source_needs_an_outlet_column(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        export(store, "csv", tmp_path / "s", table="sentences", per_source=True)
    assert err.value.code == "E123" and err.value.fields == {
        "name": "sentences --per-source",
        "known": "articles, quotes, claims, techniques, slant",
    }


def test_unknown_format_or_table(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        export(store, "xml", tmp_path / "x")
    assert err.value.code == "E123" and err.value.fields == {"name": "xml", "known": ", ".join(FORMATS)}
    with pytest.raises(StoreError) as err:
        export(store, "csv", tmp_path / "x", table="minhash")
    assert err.value.code == "E123" and err.value.fields == {"name": "minhash", "known": ", ".join(EXPORT_TABLES)}
    assert FORMATS == ("csv", "parquet", "jsonl") and not list(tmp_path.iterdir())


def test_every_listed_table_exports(store: Store, tmp_path: Path) -> None:
    for table in EXPORT_TABLES:
        out = export(store, "parquet", tmp_path / f"{table}.parquet", table=table)[0]
        assert pq.read_table(out).num_rows == {"articles": 4, "quotes": 4}.get(table, 0)


def test_a_failed_write_is_e060(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_mod, "fsync_write", full)
    with pytest.raises(NewsprismError) as err:
        export(store, "csv", tmp_path / "a.csv")
    assert err.value.code == "E060"
    assert err.value.fields == {"path": str(tmp_path / "a.csv"), "reason": "No space left on device"}

    def bare(path: Path, data: bytes) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(export_mod, "fsync_write", bare)
    with pytest.raises(NewsprismError) as err:
        export(store, "csv", tmp_path / "a.csv")
    assert err.value.fields["reason"] == "disk gone"


def test_a_shard_damaged_inside_is_e131(store: Store, tmp_path: Path) -> None:
    import shutil

    copy = Store(shutil.copytree(store.root, tmp_path / "c"))
    path = copy.shard_path("articles", "p00000000")
    data = bytearray(path.read_bytes())
    end = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    data[4:end] = b"\xff" * (end - 4)  # pages garbled, footer intact
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        export(copy, "csv", tmp_path / "a.csv")
    assert err.value.code == "E131" and str(err.value.fields["reason"]).startswith("Error: ")
    assert err.value.fields["path"] == str(copy.root)
    assert not (tmp_path / "a.csv").exists()


def test_outlet_names_become_safe_file_names() -> None:
    assert _slug("Le Monde / Paris") == "Le_Monde_Paris"
    assert _slug("  ¿Qué?  ") == "Qu"
    assert _slug("***") == "unknown" and _slug(None) == "unknown" and _slug("") == "unknown"
    assert _slug("a" * 100) == "a" * 80
    assert _slug("_x_") == "x" and _slug("Xinhua X") == "Xinhua_X"


def test_per_outlet_files_come_in_name_order_unknown_last(tmp_path: Path) -> None:
    names = ["Zeta", None, "alpha", "Beta", "Mid", "Gamma"]
    store = new_store(tmp_path / "st", {"p00000000": [art(f"a{i}", outlet=o) for i, o in enumerate(names)]})
    files = export(store, "csv", tmp_path / "per", per_source=True)
    assert [p.stem for p in files] == ["Beta", "Gamma", "Mid", "Zeta", "alpha", "unknown"]
